"""The body a document sets up (建立X部际联席会议制度, 组建X协调委员会（以下简称协调委）), as its duties
read it.

A document that sets up a body lists the body's duties under a heading that names no body (一、主要
职能, 主要职责：) and declares who leads it in the sentence that makes it up (联席会议由A、B…组成，A为
牵头单位; 领导小组由A牵头). By that convention each duty is the body's, led by its lead unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..genre import ALIAS_NOTE, LEAD_ROLE, OWNER, alternation
from ..nlp import _after_last, _default_vocab, is_body, last_short_named, named_at

# a heading of duties with no body before it: 主要职能, 主要职责：
BODILESS_DUTIES = re.compile(rf"^(?:{alternation(OWNER['duty_heading'])})(?:是|为|如下)?[:：]?$")
_NAME = r"[^,，。;；:：、\s]{2,30}?"
_ALIAS_NOTE = re.compile(ALIAS_NOTE)
_OFFICES = alternation(OWNER["short_name_offices"])
_FOUNDING = re.compile(alternation(OWNER["founding_verbs"] + ["建立"]))
_COLLEGIAL = tuple(OWNER["short_names"] + ["委员会"])


@dataclass(frozen=True)
class Founded:
    name: str                  # 国务院职业教育工作部际联席会议
    lead: str | None = None    # 教育部
    declared: tuple[int, int] | None = None  # the clause that declares the lead (A为牵头单位): no task of its own


def _declared(text: str) -> dict[str, tuple[str, int]]:
    """The short names a text declares for bodies, each with the body and where it is declared:
    协调委 → (北京奥运会首都国际机场协调委员会, offset) for 组建…协调委员会（以下简称协调委）. (An owner
    written by such a name stays as written: the annotation rule.)"""
    out = {}
    for m in _ALIAS_NOTE.finditer(text):
        full = named_at(text, m.start())
        sentence = text[_after_last(text, "。\n", m.start()):m.start()]
        # a body set up (成立/组建…, or a collegial body); not a department the text only shortens (由中山市市场
        # 监督管理局（以下简称市市场监管局）管理的资金)
        set_up = _FOUNDING.search(sentence) or (full or "").endswith(_COLLEGIAL)
        if full and set_up and full != m.group("short") and 2 <= len(m.group("short")) <= 12:
            out[m.group("short")] = (full, m.start())
    return out


def founded(text: str, end: int) -> Founded | None:
    """The body whose duties a bodiless heading at `end` lists: the last one named before it in full
    with an ending the text also uses alone (联席会议, 领导小组) or a short name it declares; and its
    lead, declared in a sentence that opens with the body (in full or by that short name)."""
    candidates = [(at, full, short) for short, (full, at) in _declared(text[:end]).items()]
    named = last_short_named(text, end)
    if named:
        candidates.append((named[2], named[0], named[1]))
    if not candidates:
        return None
    _, name, short = max(candidates)
    opening = rf"(?:^|(?<=[。\n]))\s*(?:{re.escape(name)}|{re.escape(short)})(?!{_OFFICES})[^。\n]*?"
    declares = re.compile(rf"{opening}(?:[,，;；]\s*(?P<a>{_NAME})为(?:{alternation(OWNER['lead_heads'])})"
                          rf"|由(?P<b>{_NAME}){LEAD_ROLE})")
    vocab = _default_vocab()
    for m in declares.finditer(text):
        group = "a" if m.group("a") else "b"
        if is_body(m.group(group), vocab):
            return Founded(name, m.group(group), (m.start(group), m.end()))
    return Founded(name)
