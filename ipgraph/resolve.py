"""Stage 5: give every entity a stable key, so the same thing gets the same IRI from every document.

Keys: plans by their folded title (quotes, brackets, dashes, script and a trailing year range do
not matter); regions by GB/T 2260 code; departments by the region they belong to plus their
name without the level prefix (省科技厅 in a 吉林 plan → 220000/科技厅), so 宜昌's and 济宁's
市市场监管局 stay two bodies.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .clean import CleanText
from .extract import Extraction
from .extract.citations import fold
from .extract.plan import PLAN_TYPES
from .load import SourceText, discover
from .nlp import get_nlp
from .outline import CIRCLED
from .departments import DeptRef, department
from .regions import CHINA, Region, divisions

def key(text: str) -> str:
    """An IRI-safe, readable key: letters, digits and CJK characters only."""
    return re.sub(r"[^\w.-]", "", fold(text)).strip("._-") or "untitled"


def indicator_concept(name: str) -> str:
    """The label of the concept an indicator measures.

    Two names are the same concept when they are equal once footnote markers, spaces, punctuation
    and letter case are ignored: 每万人口高价值发明专利①拥有量 = 每万人口高价值发明专利拥有量,
    PCT 专利申请量 = PCT专利申请量. Any other difference in wording is a difference in scope
    (年度PCT国际专利申请量 counts one year and international filings: another concept).
    """
    text = unicodedata.normalize("NFKC", "".join(ch for ch in name if ch not in CIRCLED))
    return re.sub(r"[\s\W_]+", "", text).upper()


def doc_id(relative: str) -> str:
    """A document's id from its path relative to the folder it was built from: a/plan.txt and
    b/plan.txt are two documents; characters an IRI path cannot hold readably become _."""
    parts = [re.sub(r"[^\w.-]", "_", part).strip(".") for part in Path(relative).parts]
    name = "/".join(p for p in parts if p) or "document"
    return "doc" + name if name.startswith("_") else name  # names beginning with _ are ipgraph's (_inferred)


def document_ids(paths: list[str | Path]) -> list[tuple[Path, str]]:
    """Every file a build reads, with its document id.

    A file found in a folder given to build is named by its path inside that folder (building
    data/ or data/x.txt both give x.txt); a file given on its own by its name. Files given on
    their own with the same name are named by their paths below their deepest common folder, as
    if that folder had been built, so no document silently replaces another.
    """
    found: list[tuple[Path, str]] = []
    for raw in paths:
        root = Path(raw)
        for f in discover([root]):
            found.append((f, f.relative_to(root).as_posix() if root.is_dir() else f.name))
    by_id: dict[str, list[int]] = {}
    for n, (_, rel) in enumerate(found):
        by_id.setdefault(rel, []).append(n)
    for rel, clash in by_id.items():
        files = {found[n][0].resolve() for n in clash}
        if len(files) > 1:
            common = Path(os.path.commonpath([str(f.parent) for f in files]))
            for n in clash:
                found[n] = (found[n][0], found[n][0].resolve().relative_to(common).as_posix())
    return [(f, doc_id(rel)) for f, rel in found]


@dataclass
class Resolved:
    doc_id: str
    source: SourceText
    clean: CleanText
    extraction: Extraction
    plan_key: str
    region: Region | None
    departments: dict[str, DeptRef] = field(default_factory=dict)     # surface → ref
    cited_keys: dict[str, str] = field(default_factory=dict)          # title as written → plan key
    cited_regions: dict[str, Region] = field(default_factory=dict)    # plan key → region
    traditional: bool = False                                         # the source is in traditional script


_TITLE_LEAD = re.compile(r"[《“\"\s]*(?:十[一二三四五]五|\d{4}\s*[-—–~至]\s*\d{4}\s*年?|\d{4}\s*年)?[”\"\s]*(?:中共)?")


def _regions(text: str):
    """A Doc of `text` with its division names in doc.spans["regions"]: only the tokenizer and the
    region component run (the responsibility rules would read all of a body for nothing)."""
    nlp = get_nlp()
    return nlp.get_pipe("ipgraph_regions")(nlp.make_doc(text))


@lru_cache(maxsize=1 << 12)  # cited titles recur across a corpus
def region_of(title: str) -> Region | None:
    """The jurisdiction a title names, or the country for 国家/全国.

    Divisions written one after another narrow it down: 湖北省宜昌市 → 宜昌市, 北京市海淀区 → 海淀区.
    """
    doc = _regions(title)
    # a title names its jurisdiction first (宜昌市…规划, “十三五”吉林省…规划); a division named later is
    # the subject (关于内地西藏班…的请示, 国务院关于支持河北雄安新区…)
    lead = _TITLE_LEAD.match(title).end()
    spans = [s for s in doc.spans["regions"] if divisions().lookup(s.text) != CHINA]
    spans = spans if spans and spans[0].start_char <= lead else []
    national = re.search(r"国家|全国|中国(?!\()|国务院|中共中央", title)  # 中国(宜昌)…中心 is 宜昌's
    if not spans or (national and national.start() < spans[0].start_char):
        return CHINA if national else None
    d = divisions()
    region = d.lookup(spans[0].text)
    for prev, span in zip(spans, spans[1:]):
        if span.start_char != prev.end_char or region is None:
            break
        inner = d.lookup(span.text, within=region)
        if inner is None or region not in d.chain(inner)[1:]:
            break
        region = inner
    return region


# A central document is addressed to every province: 各省、自治区、直辖市人民政府,国务院各部委…
_CENTRAL_ADDRESSEE = re.compile(r"各省、自治区、直辖市(?:人民政府|及新疆生产建设兵团)")


# a news report's dateline names where it was filed, not whose plan it reports (本报北京9月14日电, X网北京2月12日讯)
_DATELINE = re.compile(r"[^\s,，。]{0,12}?\d{1,2}月\d{1,2}日[电讯]")
_CENTRAL_RELEASE = re.compile(r"(?:国务院(?:办公厅)?|中共中央(?:办公厅)?|国家[\u4e00-\u9fff]{1,12}?(?:局|委员会|委))"
                              r"(?:日前|近日)?[,，]?(?:正式)?(?:印发|发布|出台)了?《")
# an issuer that names only its level (区人民政府办公室): the document is of a division of that level
_LEVEL_ISSUER = re.compile(r"^(?P<level>[省市县区])(?:人民)?政府")
_LEVELS = {"省": "provincial", "市": "municipal", "县": "county", "区": "county"}


def main_region(text: str, issuer: str | None = None, reporting: bool = False) -> Region | None:
    """The division a text names most often outside 《》 titles: the fallback for untitled plans.
    The country only for a central document: 中国 is named by local plans too (中国(宜昌)知识产权
    保护中心, 中国特色), or for an article (`reporting`) that opens with a central body issuing the plan. Of
    the level an issuer named only by its level says (区人民政府办公室: a district, not the city a park's name
    holds, 长乐山工业园区)."""
    if _CENTRAL_ADDRESSEE.search(text[:6000]):
        return CHINA
    body = _DATELINE.sub("", re.sub(r"《[^》]*》", "", text[:6000]))
    level = _LEVEL_ISSUER.match(issuer or "")
    counts: dict[str, int] = {}
    doc = _regions(body)  # spans die with their Doc: keep it alive while reading them
    for span in doc.spans["regions"]:
        region = divisions().lookup(span.text)
        if region is None or region == CHINA:  # 中国(X)知识产权保护中心 is named by local plans too
            continue
        if level is None or region.level == _LEVELS[level.group("level")]:
            counts[span.text] = counts.get(span.text, 0) + 1
    if not counts:  # an article reporting that a central body issued the plan (日前，国务院印发《X》), naming no place
        first = _DATELINE.sub("", text[:6000]).strip().split("。", 1)[0]
        return CHINA if reporting and _CENTRAL_RELEASE.search(first) else None
    return divisions().lookup(max(sorted(counts), key=counts.get))




def plan_key(title: str, source: SourceText, document: str) -> str:
    """A plan is keyed by its folded title. A text whose title was not found carries its file's
    name instead; a name that is no title (01.html, a/plan.txt) names that document's plan only
    (`doc-<document>`), so two untitled plans named alike are not merged."""
    if title == source.path.stem and not re.search(rf"(?:{PLAN_TYPES})", title):
        return "doc-" + document
    return key(title)


def resolve(source: SourceText, clean: CleanText, extraction: Extraction, document: str | None = None) -> Resolved:
    """`document`: the id document_ids gave the file (by default its name)."""
    plan = extraction.plan
    region, issuers = region_of(plan.title), region_of(plan.issuer or "")
    if region and issuers and region.name == issuers.name:  # 通州区 signed by 南通市通州区人民政府: not 北京's
        region = issuers
    region = region or issuers or main_region(clean.text, plan.issuer, plan.doc_kind in ("news", "interpretation"))
    document = document or doc_id(source.path.name)
    res = Resolved(document, source, clean, extraction, plan_key(plan.title, source, document), region,
                   traditional=clean.traditional)
    surfaces = [o.surface for t in extraction.tasks for o in t.owners]
    surfaces += [o.surface for p in extraction.projects for o in p.owners]
    for s in surfaces:
        if s not in res.departments:
            res.departments[s] = department(s, region, res.plan_key)
    for c in extraction.citations:
        res.cited_keys[c.title] = key(c.title)
        for title in filter(None, (c.title, c.promulgates)):
            r = region_of(title)
            if r is not None:
                res.cited_regions[key(title)] = r
    return res
