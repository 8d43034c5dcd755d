"""Defined terms: footnote definitions (①X:指…), one per term, first definition kept."""
from __future__ import annotations

from ..outline import Outline
from .model import TermRec


def extract_terms(outline: Outline) -> list[TermRec]:
    seen: set[str] = set()
    out = []
    for fn in outline.footnotes:
        if fn.term in seen or not fn.definition:
            continue
        seen.add(fn.term)
        out.append(TermRec(fn.term, fn.definition, fn.start, fn.end))
    return out
