"""Stage 4: Outline → Extraction. One module per kind of entity; this runs them in order."""
from __future__ import annotations

from ..document import Meta
from ..nlp import get_nlp
from ..outline import Outline
from .citations import extract_citations
from .indicators import extract_indicators
from .model import (CitationRec, Extraction, IndicatorRec, Owner, PlanInfo, ProjectRec, TaskRec,
                    TermRec)
from .plan import extract_plan
from .projects import extract_projects
from .tasks import extract_tasks
from .terms import extract_terms

__all__ = ["extract", "Extraction", "PlanInfo", "TaskRec", "ProjectRec", "IndicatorRec", "TermRec",
           "CitationRec", "Owner"]


def extract(outline: Outline, fallback_title: str, meta: Meta | None = None) -> Extraction:
    nlp = get_nlp()
    plan = extract_plan(outline, fallback_title, meta or Meta())
    tasks = extract_tasks(outline, nlp, plan.author, reporting=plan.doc_kind in ("interpretation", "news"))
    return Extraction(
        plan=plan,
        tasks=tasks,
        projects=extract_projects(outline, nlp, tasks, plan.author),
        indicators=extract_indicators(outline, plan),
        terms=extract_terms(outline),
        citations=extract_citations(outline, plan),
    )
