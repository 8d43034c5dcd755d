"""Whether a text is written in traditional characters, so that script conversion runs only there.

OpenCC t2s also rewrites characters that simplified Chinese uses as they are: 乾 (乾安县, 乾县)
becomes 干, 著 becomes 着. So conversion is decided for the whole text, not character by
character: a text is traditional when t2s would change a real share of its Chinese characters
(in traditional text about one in five; in simplified text only such rare names).
"""
from __future__ import annotations

import re
from operator import ne

_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
SHARE = 0.05   # of the Chinese characters sampled
SAMPLE = 20000  # characters read from the start of the text


def is_traditional(text: str) -> bool:
    from .clean import to_simplified  # OpenCC loads once, in clean

    chars = _NOT_CJK.sub("", text[:SAMPLE])
    simplified = to_simplified(chars)
    if not chars or simplified == chars:  # most texts: nothing to count
        return False
    changed = sum(map(ne, chars, simplified))
    return changed >= 5 and changed >= SHARE * len(chars)
