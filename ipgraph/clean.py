"""Stage 2: SourceText → CleanText, normalised for rules but always mappable to original offsets.

What changes: full-width ASCII becomes half-width (（）→(), ：→:, ，→,), ideographic and
no-break spaces become spaces, traditional characters become simplified (OpenCC t2s),
zero-width characters and CR go, and stray spaces inside Chinese prose (知 识产权) go.
Table rows keep their spaces: they separate cells there.
"""
from __future__ import annotations

import difflib
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from .load import SourceText


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: array  # offsets[i] = index in the original text of clean character i
    original: str

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text covering clean text[start:end]."""
        if not self.offsets:
            return 0, 0
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return self.offsets[start], self.offsets[last] + 1


def _width_table() -> dict[int, str]:
    table = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " "})
    return table


_WIDTH = _width_table()
_DROP = set("\r\u200b\u200c\u200d\u2060\ufeff\u00ad")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_PROSE_JOIN = re.compile(rf"(?<=[{_CJK}、。,;:“”《》()]) +(?=[{_CJK}、。,;:“”《》()])")
_SENTENCE_PUNCT = re.compile(r"[、。,;]")
_VALUE_CELL = re.compile(r"^[\[\(]?[≥≤><~约]?-?\d[\d.,%]*[\]\)]?(?:%|年)?$")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def _is_prose(line: str) -> bool:
    segments = line.split()
    if len(segments) < 2:
        return False
    if any(_VALUE_CELL.match(s) for s in segments):
        return False
    return bool(_SENTENCE_PUNCT.search(line))


def _simplify(chars: str) -> str:
    """t2s that keeps one character per character, so offsets stay aligned."""
    out = to_simplified(chars)
    if len(out) == len(chars):
        return out
    fixed = list(chars)
    sm = difflib.SequenceMatcher(a=chars, b=out, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            fixed[i1:i2] = out[j1:j2]
    return "".join(fixed)


def clean_string(text: str) -> tuple[str, array]:
    mapped = _simplify(text.translate(_WIDTH))
    keep = array("l")
    out: list[str] = []
    pos = 0
    for line in mapped.split("\n"):
        joined_at: set[int] = set()
        if " " in line and _is_prose(line.strip()):
            joined_at = {m.start() + k for m in _PROSE_JOIN.finditer(line) for k in range(m.end() - m.start())}
        for k, ch in enumerate(line):
            if ch in _DROP or k in joined_at:
                continue
            out.append(ch)
            keep.append(pos + k)
        pos += len(line)
        if pos < len(mapped):
            out.append("\n")
            keep.append(pos)
            pos += 1
    return "".join(out), keep


def clean(src: SourceText) -> CleanText:
    text, offsets = clean_string(src.text)
    return CleanText(text=text, offsets=offsets, original=src.text)
