"""Defined terms: footnote definitions (①X:指…), and entries of a 名词解释 glossary section."""
from __future__ import annotations

import re

from ..outline import Outline
from .model import TermRec

_GLOSSARY = re.compile(r"^(?:附件\s*\d*\s*:?\s*)?(?:名词解释|名词术语解释|术语解释|名词注释|有关名词解释)$")
_ENTRY = re.compile(r"^([^:,。;、]{1,25}?)\s*:\s*(.{4,})$", re.S)


def _glossary(outline: Outline) -> list[TermRec]:
    heads = [u for u in [*outline.items, *outline.paras] if _GLOSSARY.match(u.text.strip())]
    if not heads:
        return []
    start = min(h.start for h in heads)
    out = []
    for unit in sorted([*outline.items, *outline.paras], key=lambda u: u.start):
        if unit.start <= start:
            continue
        m = _ENTRY.match(unit.text.strip())
        if m:
            out.append(TermRec(m.group(1).strip(), m.group(2).strip(), unit.start, unit.end))
    return out


def extract_terms(outline: Outline) -> list[TermRec]:
    seen: set[str] = set()
    out = []
    candidates = [TermRec(fn.term, fn.definition, fn.start, fn.end) for fn in outline.footnotes]
    for rec in candidates + _glossary(outline):
        if rec.term in seen or not rec.definition:
            continue
        seen.add(rec.term)
        out.append(rec)
    return out
