"""Defined terms: footnote definitions (①X:指…), entries of a 名词解释 glossary section, and the
definitions a text states (本方案所称X，是指…; X是指…; “X”是…)."""
from __future__ import annotations

import re

from ..genre import ALIAS_NOTE, DEFINITION_OPENERS, DOC_TYPE, GLOSSARY, NOTE_HEAD
from ..outline import Outline
from .model import TermRec

_ENTRY = re.compile(r"^(?:\d{1,2}\s*[.、．]\s*|\(\d{1,2}\)\s*)?([^:,。;、]{1,25}?)\s*:\s*(.{4,})$", re.S)
_NUMBER = r"第[一二三四五六七八九十百零\d]+"
# 指 opening a verb, not a meaning: 本规划是指导…的纲领性文件, 是指引…的行动指南 (是指出院患者… and
# 是指向农村居民… are meanings); a bare 指 opens more (报告指出, 指定)
_VERB = r"(?![导引挥南])"
_BARE_VERB = r"(?![标导出定引挥南])"
# the law whose words an implementing regulation defines, and where: 个人所得税法第四条第一款第二项,
# 《X条例》第十条, 条例第五条
_STATUTE = rf"(?:《[^》]{{2,40}}》|[\u4e00-\u9fff]{{0,20}}?(?:法|{DOC_TYPE}))(?:{_NUMBER}[条款项](?:[、和]{_NUMBER}[条款项])*)*"
# 本方案所称X，是指…; 本办法所称的“X”是指…; 个人所得税法第七条所称X，是指…; a definition ends at a
# semicolon that opens the next (…利息；所称Y，是指…; …；本细则所称Y…)
# 第二条(适用范围)本办法所称X(以下简称Y)是指…: the article's caption and the term's short name are no part of it
_SO_CALLED = re.compile(rf"(?:^|(?<=[。;]))\s*(?:{_NUMBER}条\s*)?(?:\([^()]{{1,10}}\)\s*)?(?:(?:本《?(?:{DOC_TYPE})》?(?:中)?|前款|上述|{_STATUTE})?"
                        rf"(?:所称|所指)|本(?:{DOC_TYPE})中)(?:的)?\s*[“\"]?(?P<term>[^,，“”\"。;]{{2,50}}?)"
                        rf"[”\"]?(?:{ALIAS_NOTE})?\s*[,，]?\s*(?P<def>(?:{DEFINITION_OPENERS}){_BARE_VERB}(?:(?!;\s*(?:本(?:{DOC_TYPE}))?所称)[^。]){{4,}}。?)")
# X是指… at a sentence's start, or a note's (注:X是指…); “X”是… (a quoted term opened with 是)
_ARTICLE = rf"(?:{_NUMBER}条\s*|{NOTE_HEAD})?"
_IS_MEANT = re.compile(rf"(?:^|(?<=[。;]))\s*{_ARTICLE}(?!\S*(?:所称|所指)|本(?:{DOC_TYPE})中)(?P<term>[^,，。;:“”\"()（）]{{2,20}}?)(?:{ALIAS_NOTE})?\s*[,，]?\s*(?P<def>(?:是指|系指){_VERB}[^。]{{4,}}。?)")
# “X”是…, “X”指…, 其中，“X”是指…; not a characterisation (“十三五”是…极不平凡的五年, “双碳”是一场…变革)
_QUOTED = re.compile(rf"(?:^|(?<=[。;]))\s*{_ARTICLE}(?:其中[,，]\s*)?[“\"](?P<term>[^“”\"]{{2,20}})[”\"]\s*"
                     rf"(?P<def>(?:(?:是指|系指){_VERB}|是(?![^。]{{0,30}}(?:重要|组成部分|关键|基础|核心|保障|前提|根本|必然|需要|要求|任务|一场|一项|一次|"
                     rf"五年|一年|时期|阶段))|指(?![出导标示南挥定引]))[^。]{{4,}}。?)")

_HEADWORD = re.compile(r"[^,，。;；:：、]{2,25}")
_EXCEPT = re.compile(r"除[^,，。]{1,12}外$")  # 本办法所称知识产权除特定条款外，是指…: the term is 知识产权
_NEEDS = [(_SO_CALLED, [("所称", "所指", "本")]), (_IS_MEANT, [("是指", "系指")]), (_QUOTED, [("“", '"'), ("是",)])]


def _glossary(outline: Outline) -> list[TermRec]:
    heads = [u for u in [*outline.items, *outline.paras] if GLOSSARY.match(u.text.strip())]
    if not heads:
        return []
    start = min(h.start for h in heads)
    out = []
    run = True   # still in the run of entries right after the heading
    used: set[int] = set()
    for unit in sorted([*outline.items, *outline.paras], key=lambda u: u.start):
        if unit.start <= start or unit.start in used:
            continue
        m = _ENTRY.match(unit.text.strip())
        if m:
            out.append(TermRec(m.group(1).strip().strip("“”\"'"), m.group(2).strip(), unit.start, unit.end))
            continue
        index = getattr(unit, "index", -1)
        children = [p for p in outline.paras if p.item == index]
        body = children[0] if len(children) == 1 and not any(i.parent == index for i in outline.items) else None
        if run and body is not None and _HEADWORD.fullmatch(unit.text.strip()):
            # 一、知识产权证券化 over its definition: the entry's heading is the term
            out.append(TermRec(unit.text.strip(), body.text.strip(), unit.start, body.end))
            used.add(body.start)
            continue
        run = False
    return out


def _stated(outline: Outline) -> list[TermRec]:
    # an item's text after its numbering (4.微创手术是指…: the term is 微创手术), offsets read on its line
    units = [(it.text, it.start, lambda k, it=it: it.offset(k + it.text_at)) for it in outline.items]
    units += [(p.text, p.start, p.offset) for p in outline.paras]
    units += [(line.text, line.start, line.offset) for box in outline.boxes for _, line in box.lines]  # notes in boxes
    out = []
    for text, _start, offset in sorted(units, key=lambda u: u[1]):
        for rx, needs in _NEEDS:
            if not all(any(w in text for w in ws) for ws in needs):
                continue  # a word every match holds is absent: the scan would find nothing
            for m in rx.finditer(text):
                out.append(TermRec(_EXCEPT.sub("", m.group("term").strip()), m.group("def").strip(), offset(m.start("term")),
                                   offset(m.end("def") - 1) + 1))
    return out


def extract_terms(outline: Outline) -> list[TermRec]:
    seen: set[str] = set()
    out = []
    candidates = [TermRec(fn.term, fn.definition, fn.start, fn.end) for fn in outline.footnotes]
    for rec in candidates + _glossary(outline) + _stated(outline):
        if rec.term in seen or not rec.definition:
            continue
        seen.add(rec.term)
        out.append(rec)
    return out
