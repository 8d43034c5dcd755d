"""networkx projections of the store, one per view. Node and edge attributes carry what the page
shows: kind, label, tooltip text, group; nothing here knows about HTML."""
from __future__ import annotations

import networkx as nx

from ..query import rows, run
from ..store import GraphStore

_TASKS = """
SELECT DISTINCT ?task ?kind ?label ?text ?num ?plan ?dept ?deptLabel ?lead WHERE {
  ?task ipg:responsibleDepartment ?dept ; ipg:inPlan ?p ; rdfs:label ?label .
  ?task a ?class . FILTER(?class IN (ipg:Task, ipg:Project))
  BIND(IF(?class = ipg:Project, "project", "task") AS ?kind)
  OPTIONAL { ?task ipg:text ?text }
  OPTIONAL { ?task ipg:numbering ?num }
  ?p dcterms:title ?plan .
  ?dept rdfs:label ?deptLabel .
  BIND(EXISTS { ?task ipg:leadDepartment ?dept } AS ?lead)
  __FILTERS__
}
"""
_BY_PLAN = "FILTER(CONTAINS(STR(?plan), ${plan}))"
_BY_DEPARTMENT = "?dept rdfs:label|skos:altLabel ?dl FILTER(CONTAINS(STR(?dl), ${department}))"
_BY_REGION = "?p ipg:region ?r0 . ?r0 ipg:parentRegion* ?up . ?up rdfs:label ?rl FILTER(CONTAINS(STR(?rl), ${region}))"


def _filtered(sparql: str, plan: str = "", department: str = "", region: str = "") -> str:
    """Only the filters asked for, as patterns (Oxigraph plans them far better than FILTER EXISTS)."""
    parts = [f for f, v in ((_BY_PLAN, plan), (_BY_DEPARTMENT, department), (_BY_REGION, region)) if v]
    return sparql.replace("__FILTERS__", "\n  ".join(parts))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def accountability(store: GraphStore, plan: str = "", department: str = "", region: str = "") -> nx.Graph:
    """Departments and the tasks and projects they own; edges marked lead (牵头) or not."""
    g = nx.Graph()
    headers, data = rows(run(store, _filtered(_TASKS, plan, department, region), plan=plan, department=department,
                             region=region))
    for r in (dict(zip(headers, row)) for row in data):
        g.add_node(r["dept"], kind="department", label=r["deptLabel"], tooltip=r["deptLabel"], group=r["deptLabel"])
        text = r["text"] or r["label"]
        tip = "\n".join(filter(None, [f"{r['num']} {r['label']}".strip(), text if text != r["label"] else "",
                                      f"规划: {r['plan']}"]))
        g.add_node(r["task"], kind=r["kind"], label=_short(r["label"], 16), tooltip=tip, group=r["plan"])
        g.add_edge(r["dept"], r["task"], lead=r["lead"] == "true")
    for node, degree in g.degree():
        g.nodes[node]["weight"] = degree
    return g


_PLANS = """
SELECT DISTINCT ?p ?title ?level ?ingested WHERE {
  ?p a ipg:Plan . { ?p dcterms:title ?title } UNION { FILTER NOT EXISTS { ?p dcterms:title ?t } ?p rdfs:label ?title }
  OPTIONAL { ?p ipg:level ?l BIND(STRAFTER(STR(?l), "#") AS ?level) }
  BIND(EXISTS { ?d ipg:describes ?p } AS ?ingested)
}
"""
_LINKS = """
SELECT DISTINCT ?a ?b ?kind WHERE {
  { ?a ipg:basedOn ?b BIND("basedOn" AS ?kind) }
  UNION { ?a ipg:cites ?b FILTER NOT EXISTS { ?a ipg:basedOn ?b } BIND("cites" AS ?kind) }
  UNION { ?a ipg:inferredBasedOn ?b BIND("inferred" AS ?kind) }
  UNION { ?a ipg:promulgates ?b BIND("promulgates" AS ?kind) }
}
"""
LEVEL_ORDER = {"National": 0, "Provincial": 1, "Municipal": 2, "County": 3}


def lineage(store: GraphStore, plan: str = "", department: str = "", region: str = "") -> nx.DiGraph:
    """Plans and how they inherit: based on (stated), cites, inferred, promulgates."""
    g = nx.DiGraph()
    titles = {}
    for p, title, level, ingested in rows(run(store, _PLANS))[1]:
        if p in titles:
            continue
        titles[p] = title
        g.add_node(p, kind="plan" if ingested == "true" else "cited", label=_short(title, 28), tooltip=title,
                   level=level or "", group=level or "unknown")
    for a, b, kind in rows(run(store, _LINKS))[1]:
        if a in g and b in g:
            g.add_edge(a, b, kind=kind)
    if plan or region:
        keep = {n for n, d in g.nodes(data=True) if plan in titles[n] and (not region or region in titles[n])}
        near = set(keep)
        for n in keep:
            near |= nx.descendants(g, n) | nx.ancestors(g, n)
        g = g.subgraph(near).copy()
    for node, degree in g.degree():
        g.nodes[node]["weight"] = degree
    return g


_INDICATORS = """
SELECT DISTINCT ?c ?concept ?p ?plan ?level ?unit ?baseline ?target ?targetYear WHERE {
  ?i ipg:measures ?c ; ipg:inPlan ?p .
  ?c skos:prefLabel ?concept .
  ?p dcterms:title ?plan .
  OPTIONAL { ?p ipg:level ?l BIND(STRAFTER(STR(?l), "#") AS ?level) }
  OPTIONAL { ?i ipg:unit ?unit } OPTIONAL { ?i ipg:baselineText ?baseline }
  OPTIONAL { ?i ipg:targetText ?target } OPTIONAL { ?i ipg:targetYear ?targetYear }
  __FILTERS__
}
"""


def indicators(store: GraphStore, plan: str = "", department: str = "", region: str = "") -> nx.Graph:
    """Indicator concepts linked to the plans that set them; edges say baseline → target, unit."""
    g = nx.Graph()
    headers, data = rows(run(store, _filtered(_INDICATORS, plan, "", region), plan=plan, region=region))
    for r in (dict(zip(headers, row)) for row in data):
        g.add_node(r["c"], kind="indicator", label=_short(r["concept"], 16), tooltip=r["concept"], group="indicator")
        g.add_node(r["p"], kind="plan", label=_short(r["plan"], 20), tooltip=r["plan"], group=r["level"] or "unknown",
                   level=r["level"])
        values = f"{r['baseline'] or '—'} → {r['target'] or '—'}" + (f" {r['unit']}" if r["unit"] else "")
        g.add_edge(r["c"], r["p"], label=values,
                   tooltip=f"{r['concept']}\n{r['plan']}\n{values}" + (f" ({r['targetYear']})" if r["targetYear"] else ""))
    for node, degree in g.degree():
        g.nodes[node]["weight"] = degree
    return g
