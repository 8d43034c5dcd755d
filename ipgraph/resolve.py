"""Stage 5: give every entity a stable key, so the same thing gets the same IRI from every document.

Keys: plans by their folded title (quotes, brackets, dashes, script and a trailing year range do
not matter); regions by GB/T 2260 code; departments by the region they belong to plus their
name without the level prefix (省科技厅 in a 吉林 plan → 220000/科技厅), so 宜昌's and 济宁's
市市场监管局 stay two bodies.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .clean import CleanText
from .extract import Extraction
from .extract.citations import fold
from .load import SourceText
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


def doc_id(source: SourceText) -> str:
    name = re.sub(r"[^\w.-]", "_", source.path.stem) or "document"
    return "doc" + name if name.startswith("_") else name  # names beginning with _ are ipgraph's (_inferred)


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


def region_of(title: str) -> Region | None:
    """The jurisdiction a title names, or the country for 国家/全国.

    Divisions written one after another narrow it down: 湖北省宜昌市 → 宜昌市, 北京市海淀区 → 海淀区.
    """
    doc = get_nlp()(title)
    spans = list(doc.spans["regions"])
    national = re.search(r"国家|全国|中国|国务院|中共中央", title)
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


def main_region(text: str) -> Region | None:
    """The division a text names most often outside 《》 titles: the fallback for untitled plans."""
    body = re.sub(r"《[^》]*》", "", text[:6000])
    counts: dict[str, int] = {}
    doc = get_nlp()(body)  # spans die with their Doc: keep it alive while reading them
    for span in doc.spans["regions"]:
        counts[span.text] = counts.get(span.text, 0) + 1
    if not counts:
        return None
    return divisions().lookup(max(sorted(counts), key=counts.get))




def is_traditional(clean: CleanText, sample: int = 20000) -> bool:
    """Whether the source writes traditional characters (script conversion changed enough of them)."""
    changed = sum(1 for i, ch in enumerate(clean.text[:sample])
                  if "\u4e00" <= ch <= "\u9fff" and clean.original[clean.offsets[i]] != ch)
    return changed >= 5


def resolve(source: SourceText, clean: CleanText, extraction: Extraction) -> Resolved:
    plan = extraction.plan
    region = region_of(plan.title) or region_of(plan.issuer or "") or main_region(clean.text)
    res = Resolved(doc_id(source), source, clean, extraction, key(plan.title), region,
                   traditional=is_traditional(clean))
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
