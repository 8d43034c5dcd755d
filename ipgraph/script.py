"""Whether a text is written in traditional characters, so that script conversion runs only there.

OpenCC t2s also rewrites characters that simplified Chinese uses as they are: 乾 (乾安县, 乾县)
becomes 干, 著 becomes 着. So conversion is decided for the whole text, not character by
character: a text is traditional when t2s would change a real share of its Chinese characters
(in traditional text about one in five; in simplified text only such rare names).
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import ne

_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
SHARE = 0.05   # of the Chinese characters sampled
SAMPLE = 20000  # characters read from the start of the text


# Hong Kong and Taiwan write some characters in variants of their own (衞生, 着 as 著), which t2s
# leaves as they are: they are folded into OpenCC's standard forms first (著作 stays 著作)
_TO_SIMPLIFIED = ("hk2t", "tw2t", "t2s")


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc  # loaded by the first text that needs it: commands that read no text never do

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional Chinese, in the standard, Hong Kong or Taiwan forms of its characters, as simplified."""
    for config in _TO_SIMPLIFIED:
        text = _opencc(config).convert(text)
    return text


def is_traditional_word(text: str) -> bool:
    """Whether a short text (a search) holds a traditional character, in its standard or Hong Kong
    form (著 is both a simplified character and Taiwan's form of 着: it alone tells nothing)."""
    return _opencc("t2s").convert(_opencc("hk2t").convert(text)) != text


def is_traditional(text: str) -> bool:
    chars = _NOT_CJK.sub("", text[:SAMPLE])
    simplified = _opencc("t2s").convert(chars)  # enough to tell, at a third of the cost of the whole conversion
    if not chars or simplified == chars:  # most texts: nothing to count
        return False
    changed = sum(map(ne, chars, simplified))
    return changed >= 5 and changed >= SHARE * len(chars)
