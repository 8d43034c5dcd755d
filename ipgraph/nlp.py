"""The spaCy pipeline: spacy.blank("zh") with character tokens and ipgraph's rule components.

Character tokens make token offsets equal character offsets, so every span a component
sets can be mapped straight back to the clean text. Nothing here downloads a model.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .regions import divisions

if not Span.has_extension("clause"):
    Span.set_extension("clause", default=None)

_H = r"\u4e00-\u9fff"
SUFFIX = (r"(?:委员会|领导小组办公室|领导小组|办公室|办公厅|管委会|中心支行|分行|支行|海关|人民法院|法院|检察院|"
          r"总局|总署|厅|局|委|办|院|署|部|中心)")
PREFIX = rf"(?:国家|国务院|中共|省|市|县|区|州|[{_H}]{{2,6}}?(?:省|市|县|区|州|盟))"
_LEVEL_PREFIX = re.compile(r"^(?:国家|国务院|中共|省|市|县|区|州)")
DEPT = rf"{PREFIX}[{_H}]{{0,24}}?{SUFFIX}(?:\([{_H}]{{2,12}}\))?"
_SUBJECT = re.compile(rf"(?:^|(?<=[。;,:!?]))\s*(?P<subj>{DEPT}(?:[、和及与]{DEPT})*)\s*"
                      rf"(?:按职责分工|按照职责分工|分别|共同)?(?P<verb>牵头|具体负责|负责|承担|会同|配合|参与|要(?!求)|应当|应|统筹)")
_ONE_DEPT = re.compile(rf"({DEPT})(?:[、和及与]|$)")
_LIST = re.compile(r"(?P<kw>主要责任单位|责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|参与单位|协同单位|责任主体)"
                   r"\s*:\s*(?P<list>[^();。\n]*)")
_PAREN = re.compile(r"\((?P<body>[^()]{2,200}?(?:负责|牵头|配合|参与)[^()]{0,20})\)")
_BY = re.compile(rf"由(?P<subj>{DEPT}(?:[、和及与]{DEPT})*)(?P<verb>牵头|负责)")
_GENERIC = re.compile(r"^(?:各|有关|相关|其他|其它|市直|省直|中省直|全市|全省|各级)|有关部门|相关部门|成员单位|等部门$")
_VERB_TAIL = re.compile(r"(?:按职责分工|按照职责分工|分别|共同)?(?:牵头|负责|配合|参与)$")


def list_items(text: str) -> list[tuple[int, str, bool]]:
    """The bodies a 、-separated list names: (offset in text, name, marked 牵头), generic actors left out."""
    out = []
    pos = 0
    for part in re.split(r"([、,;])", text):
        if part in ("、", ",", ";"):
            pos += 1
            continue
        name = part.strip()
        lead = "(牵头)" in name or name.endswith("牵头")
        name = re.sub(r"\((?:牵头|配合)\)$", "", name)
        name = _VERB_TAIL.sub("", name).rstrip("等").strip()
        if len(name) >= 2 and not _GENERIC.search(name):
            out.append((pos + part.find(name), name, lead))
        pos += len(part)
    return out


def _items(doc: Doc, start: int, text: str, lead: bool) -> list[Span]:
    """Spans of the bodies named in a list starting at char `start` of the doc."""
    spans = []
    for offset, name, marked in list_items(text):
        span = doc.char_span(start + offset, start + offset + len(name))
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="LEAD" if lead or marked else "RESP"))
    return spans


def _named(doc: Doc, start: int, subject: str, lead: bool) -> list[Span]:
    """Spans of the bodies in a subject such as 市科技局和市财政局 (和 splits only between bodies)."""
    spans = []
    if not _LEVEL_PREFIX.match(subject) and not divisions().prefix(subject):
        return spans
    for m in _ONE_DEPT.finditer(subject):
        span = doc.char_span(start + m.start(1), start + m.end(1))
        if span is not None and not _GENERIC.search(m.group(1)):
            spans.append(Span(doc, span.start, span.end, label="LEAD" if lead else "RESP"))
    return spans


@Language.factory("ipgraph_regions")
def make_regions(nlp: Language, name: str):
    return RegionTagger(nlp)


class RegionTagger:
    """Tags names of China's divisions (宜昌市, 湖北省, 湖北) as REGION spans in doc.spans["regions"]."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab)
        d = divisions()
        names = sorted(set(d.by_name) | set(d.by_short))
        self.matcher.add("REGION", list(nlp.tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(Span(doc, s, e, label="REGION") for _, s, e in self.matcher(doc))
        doc.spans["regions"] = [s for s in spans if _whole(doc.text, s.start_char, s.end_char)]
        return doc


# Two-character names such as 北区, 东区, 城区 (districts of 香港, 台湾, 山西 cities) are also the end of
# longer names (渝北区, 城东区): they count only where no other character is written before them.
_AMBIGUOUS = re.compile(r"^[^\W\d_]区$")


def _whole(text: str, start: int, end: int) -> bool:
    if not _AMBIGUOUS.match(text[start:end]):
        return True
    return start == 0 or not re.match(rf"[{_H}]", text[start - 1])


@Language.factory("ipgraph_responsibility")
def make_responsibility(nlp: Language, name: str):
    return ResponsibilityTagger()


class ResponsibilityTagger:
    """Finds who is made responsible, as department spans labelled LEAD or RESP.

    doc.spans["owners"]: bodies a list names for the whole passage (责任单位:…, (X牵头,Y配合), 由X负责).
    doc.spans["subjects"]: bodies that open a clause and take it on (X牵头做好…, X要会同…);
    each span's ._.clause is the char offset where that clause starts.
    """

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        owners: list[Span] = []
        for m in _LIST.finditer(text):
            owners += _items(doc, m.start("list"), m.group("list"), m.group("kw").startswith("牵头"))
        for m in _PAREN.finditer(text):
            body, base = m.group("body"), m.start("body")
            if re.match(r"\s*(?:主要责任单位|责任单位|责任部门|牵头单位|牵头部门|配合单位)", body):
                continue
            pos = 0
            for clause in re.split(r"([,;])", body):
                if clause not in (",", ";"):
                    owners += _items(doc, base + pos, clause, clause.strip().endswith("牵头"))
                pos += len(clause)
        for m in _BY.finditer(text):
            owners += _named(doc, m.start("subj"), m.group("subj"), m.group("verb") == "牵头")
        subjects: list[Span] = []
        for m in _SUBJECT.finditer(text):
            found = _named(doc, m.start("subj"), m.group("subj"), m.group("verb") == "牵头")
            for span in found:
                span._.clause = m.start("subj")
            subjects += found
        doc.spans["owners"] = owners
        doc.spans["subjects"] = subjects
        return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("ipgraph_regions")
    nlp.add_pipe("ipgraph_responsibility")
    return nlp
