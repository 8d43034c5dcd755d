"""Cited documents: every 《》 title, with the parents the plan says it is based on.

A citation is a parent when its sentence says the plan is made on its basis (依据/按照/
贯彻落实/衔接… and 制定/编制/本规划). Self-references (the plan's own title, 《规划》, an alias
the text declares with 以下简称) are not citations.
"""
from __future__ import annotations

import difflib
import re

from ..genre import (CITE_AFTER, CITE_BASIS_HEADINGS, CITE_IMPLEMENT, CITE_IMPLEMENT_AFTER, CITE_MAKING,
                     CITE_NEGATIONS, CITE_PAST, CITE_REPEALED, CITE_TRIGGERS, DEPT_SUFFIXES, DOC_NUMBER, DRAFT_MARKS,
                     NOTICE_VERBS, PERIODS, REQUESTS, VOCAB, alternation)
from ..outline import Outline
from .model import CitationRec, PlanInfo
from .plan import _ALIAS, _NOTICE, PLAN_TYPES, derived

_TITLE = re.compile(r"《([^《》\n]{1,120})》")
# a trigger verb whose object is the citation: only other citations and connectors between them
# who issued or adopted it may stand between: 贯彻执行国务院发布的《X》, 落实十四届五中全会通过的《X》
# a body named before its document: 按照省政府办公厅《X》、市政府《Y》要求
_ISSUER = rf"[^,。;《》、]{{2,20}}?(?:{DEPT_SUFFIXES})"
# levels written before a title: 省人大通过的省《政府工作报告》, 根据《A》和省、市《B》
_LEVELS = r"(?:[省市县区州](?:、[省市县区州])*)?"
_ISSUED = (r"(?:党中央、国务院|国务院|中央|国家|省委、省政府|省政府|省|市委、市政府|市政府|市"
           rf"|[^,。;《》]{{2,20}}?(?:印发|出台|颁布|发布|通过|批准)|{_ISSUER})?(?:印发的|出台的|颁布的|发布的|的|关于)?"
           rf"{_LEVELS}$")
# 根据国家有关规划和《X》, 依据有关法律法规和《X》: other bases, named in general, may come first
_TRIGGER = re.compile(rf"(?:{CITE_TRIGGERS}|结合)(?:认真)?(?:[^,。;《》]{{1,20}}?(?:以及|和|及|与))?{_ISSUED}")
_IMPLEMENTS = re.compile(rf"(?P<neg>{CITE_NEGATIONS})?(?:认真|严格)?(?:{CITE_IMPLEMENT})+(?:好)?{_ISSUED}")
# (a document this one issues, 《X》…现印发给你们，请认真贯彻执行, is promulgated, not carried out)
_IMPLEMENT_AFTER = re.compile(rf"^(?:{CITE_IMPLEMENT_AFTER})|^(?:(?!{NOTICE_VERBS})[^。;]){{0,40}}?,\s*(?:{REQUESTS})"
                              rf"[^。;]{{0,30}}?(?:{CITE_IMPLEMENT}|组织实施)")
_CITED_RUN = re.compile(rf"(?:(?:{_ISSUER}|{_LEVELS})《[^《》]*》\s*(?:\([^()]*\))?\s*[、和及与,]?\s*)+(?:{_ISSUER}|{_LEVELS})$")
_PLAN_LIKE = re.compile(r"(?:规划|纲要|计划|方案|意见|决定|战略|部署|通知)$")
_AFTER = re.compile(rf"^[^,。;]{{0,20}}?(?:{CITE_AFTER})|^[^。;]{{0,60}}?(?:作出了?[^,。;]{{0,8}}部署|提出了?[^,。;]{{0,8}}要求)")
# a sentence that ends making the plan by its name: …，制定甲区环境整治实施方案
_MAKES_NAMED = re.compile(rf"(?:制定|编制|研究制定)[^,，。;；《》]{{0,40}}(?:{PLAN_TYPES})\s*$")
_VALIDITY = re.compile(alternation(VOCAB["citations"]["validity"]))
_BASES = re.compile(rf"(?:{alternation(CITE_BASIS_HEADINGS)})[:：]?")
_ANNEX = re.compile(r"\s*\(\s*(?:见|详见)?附件")
_GENERIC = re.compile(rf"^(?:本|该|此)?(?:{PLAN_TYPES}|通知|知识产权规划|五年规划)$")
_REPEALED = re.compile(rf"[^,，。;；《》]{{0,8}}?(?:{CITE_REPEALED})")
_NUMBER_AFTER = re.compile(r"\s*\(\s*(" + DOC_NUMBER.pattern + r")\s*\)")
_FOLD = re.compile(r"[\s“”\"'‘’「」()〈〉<>—–\-~]")
_DRAFT_MARK = re.compile(rf"(?:{DRAFT_MARKS})$")  # 《X（征求意见稿）》 in the draft of X is X
_BOOK = str.maketrans("", "", "《》")  # a title inside a title: 2023年区《政府工作报告》确定的…方案
_YEAR_FIRST = re.compile(r"^\d{4}年")
_RANGE = re.compile(r"\(?\d{4}[-—–~至]\d{4}年?\)?$")


def fold(title: str) -> str:
    """A title reduced for comparison: no quotes, brackets, dashes, spaces or trailing year range."""
    return _FOLD.sub("", _RANGE.sub("", title.strip()))


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in "。;\n") + 1
    right = min([i for i in (text.find(c, end) for c in "。;\n") if i >= 0] or [len(text)])
    return text[left:right]


def _is_self(title: str, plan: PlanInfo, number: str | None = None, basis=lambda: False) -> bool:
    """Whether a cited title is the plan itself. `basis` says whether the citing sentence makes the plan
    on that document's basis: a near-identical title is then another document (贯彻落实《X工作方案》，
    制定本实施方案)."""
    own, t = fold(plan.title).translate(_BOOK), _DRAFT_MARK.sub("", fold(title).translate(_BOOK))
    if bool(_YEAR_FIRST.match(own)) != bool(_YEAR_FIRST.match(t)):  # 2023年《区〈政府工作报告〉…方案》
        own, t = _YEAR_FIRST.sub("", own), _YEAR_FIRST.sub("", t)
    if t == own or title in plan.aliases or _GENERIC.match(t) or (len(t) <= 6 and own.endswith(t)):
        return True  # (《实施计划》 in the X全民健身实施计划: its own short name)
    if number and plan.document_number and number != plan.document_number:
        return False  # a predecessor with a near-identical title and its own 文号
    notice = _NOTICE.search(title)
    if notice and fold(notice.group(1)) == own:
        # the notice that issues this plan: its cover, as a portal heads the page; unless another body
        # issued it (a province's 实施意见, whose title a city's repeats)
        issuer = fold(title[:notice.start()])
        return not (issuer and plan.issuer and fold(plan.issuer) not in issuer)
    if derived(t, own):
        return False  # 《X纲要》 in the X纲要任务分工方案: the document it breaks down
    return len(own) >= 8 and difflib.SequenceMatcher(a=t, b=own).ratio() >= 0.9 and not basis()


# what follows a document in the title of one that breaks it down: 《X》确定的重点任务分工方案, 《X》责任分解
_BROKEN_DOWN = re.compile(r"^[^《》]{0,20}?(?:分工|分解)")


def _named_as_basis(title: str, own: str) -> bool:
    """Whether the plan's own title names the document it carries out or breaks down: 关于落实《X》
    重点工作部门分工的意见, 2023年区《X》确定的主要目标任务责任分解方案 (not 暂时调整实施《X》有关规定的决定)."""
    at = own.find(f"《{title}》")
    if at < 0:
        return False
    implements = _IMPLEMENTS.search(own[:at])
    return bool(implements and not implements.group("neg")) or bool(_BROKEN_DOWN.match(own[at + len(title) + 2:]))


def _reports_the_past(sentence: str, plan: PlanInfo) -> bool:
    """A sentence about what was done before the plan: “十三五”以来…落实《X》, 近年来先后出台《Y》."""
    if CITE_MAKING.search(sentence):
        return False
    if CITE_PAST.search(sentence):
        return True
    return any(re.search(rf"{name}[”\"]?(?:期间|时期|以来)", sentence)
               for name, start in PERIODS.items() if plan.start_year and start < plan.start_year)


def _is_parent(text: str, m: re.Match, title: str, plan: PlanInfo) -> bool:
    """Whether the plan says it is made on the basis of this citation (依据《X》…, 以《X》为指导…)."""
    sentence = _sentence(text, m.start(), m.end())
    if _reports_the_past(sentence, plan) or _VALIDITY.search(sentence):
        return False  # (时效：根据《X》，此文件宣布失效: a portal's note on the document's validity)
    at = sentence.find(m.group(0))
    before = _CITED_RUN.sub("", sentence[:at].rstrip())
    after = re.sub(rf"^(?:\s*\([^()]*\)|\s*[、和及与]?\s*(?:{_ISSUER})?《[^》]*》)*", "", sentence[at + len(m.group(0)):])
    implements = _IMPLEMENTS.search(before)
    if (implements and not implements.group("neg")) or _IMPLEMENT_AFTER.match(after):
        return True  # the document carries it out
    said = _TRIGGER.search(before) or _AFTER.match(after)
    return bool(said) and bool(CITE_MAKING.search(sentence) or _MAKES_NAMED.search(sentence)
                               or _PLAN_LIKE.search(fold(title)))


def extract_citations(outline: Outline, plan: PlanInfo) -> list[CitationRec]:
    text = outline.text
    aliases = {m.group(2).strip(): m.group(1).strip() for m in _ALIAS.finditer(text)}
    by_alias: set[str] = set()  # cited documents a sentence makes parents under their short names
    notes = [(f.start, f.end) for f in outline.footnotes]

    def in_footnote(pos: int) -> bool:
        return any(a <= pos < b for a, b in notes)

    # 1.2 编制依据 / 《X法》、《Y条例》等: what a section of bases lists is a parent, with or without a verb
    bases = {it.index for it in outline.items if _BASES.fullmatch(it.title.strip())}
    in_bases = [(p.start, p.end) for p in outline.paras if p.item in bases]
    in_bases += [(it.start, it.end) for it in outline.items if it.parent in bases]  # (1)《X法》；(2)《Y预案》；
    out: list[CitationRec] = []
    for m in _TITLE.finditer(text):
        title = m.group(1).strip()
        num = _NUMBER_AFTER.match(text, m.end())
        number = re.sub(r"\s+", "", num.group(1)) if num else None
        if title in aliases:  # 《X》（以下简称《纲要》）…为确保《纲要》有效实施，制定本方案: X is the basis
            full = aliases[title]
            if not _is_self(full, plan) and not in_footnote(m.start()) and _is_parent(text, m, full, plan) \
                    and CITE_MAKING.search(_sentence(text, m.start(), m.end())):
                by_alias.add(fold(full))
            continue
        listed = any(a <= m.start() < b for a, b in in_bases)
        based = (lambda: listed or (not in_footnote(m.start()) and _is_parent(text, m, title, plan)))
        if (_is_self(title, plan, number, based) and not _REPEALED.match(text, m.end())) or _ANNEX.match(text, m.end()):
            continue  # the plan itself, or its own annex: 《X》(见附件)
        granted = plan.approves is not None and fold(title) == fold(plan.approves)  # what an approval approves
        granted = granted or _named_as_basis(title, plan.title)
        rec = CitationRec(title, m.start(1), m.end(1),
                          parent=granted or listed or (not in_footnote(m.start()) and _is_parent(text, m, title, plan)))
        rec.document_number = number
        notice = _NOTICE.search(title)
        if notice:
            rec.promulgates = notice.group(1).strip("《》")
        out.append(rec)
    for rec in out:
        rec.parent = rec.parent or fold(rec.title) in by_alias
    return out
