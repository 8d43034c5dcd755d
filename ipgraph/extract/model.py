"""The typed hand-off of the extract stage: what one document says, with clean-text spans."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlanInfo:
    title: str
    doc_kind: str = "plan"            # plan | draft | interpretation | news
    start_year: int | None = None
    end_year: int | None = None
    document_number: str | None = None
    issuer: str | None = None
    author: str | None = None         # who wrote the plan itself: X of 转发X关于…的通知, else the issuer
    issued: str | None = None         # ISO date
    aliases: list[str] = field(default_factory=list)  # other names the text gives the plan itself
    approves: str | None = None       # the plan an approval grants (X of 关于X的批复): cited, a parent
    aligns_with: list[str] = field(default_factory=list)  # levels of untitled parents: 与省规划衔接 → provincial


@dataclass
class Owner:
    surface: str      # as written: 省科技厅, 市市场监管局(知识产权局)
    lead: bool = False


@dataclass
class TaskRec:
    key: str                  # outline path, e.g. "2.3.1", "2.1.p1", "4.1.c1"
    numbering: str            # as written, "(一)"; "" for paragraphs and clauses
    text: str
    start: int
    end: int
    parent: str | None        # key of the parent task, None for a top-level one
    owners: list[Owner] = field(default_factory=list)
    refers_to: list[str] = field(default_factory=list)   # 专栏 numbers
    project: str | None = None                          # key of the project this item states


@dataclass
class ProjectRec:
    key: str
    name: str
    text: str
    start: int
    end: int
    number: str | None = None     # 专栏 number, when it is a box
    owners: list[Owner] = field(default_factory=list)


@dataclass
class IndicatorRec:
    name: str
    start: int
    end: int
    unit: str | None = None
    baseline_text: str | None = None
    baseline_value: str | None = None
    baseline_year: int | None = None
    target_text: str | None = None
    target_value: str | None = None
    target_year: int | None = None
    nature: str | None = None          # expected | binding


@dataclass
class TermRec:
    term: str
    definition: str
    start: int
    end: int


@dataclass
class CitationRec:
    title: str                 # as written inside 《》, simplified
    start: int
    end: int
    parent: bool = False
    document_number: str | None = None
    promulgates: str | None = None     # for 关于印发X的通知: X


@dataclass
class Extraction:
    plan: PlanInfo
    tasks: list[TaskRec] = field(default_factory=list)
    projects: list[ProjectRec] = field(default_factory=list)
    indicators: list[IndicatorRec] = field(default_factory=list)
    terms: list[TermRec] = field(default_factory=list)
    citations: list[CitationRec] = field(default_factory=list)
