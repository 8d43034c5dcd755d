"""Links the texts imply but do not state, kept apart from what they state.

A plan that says it aligns with "省规划" or "国家、省相关文件" without a title gets
ipg:inferredBasedOn to the plan of that level, in its own jurisdiction's line, of the same
period, that is in the graph — never where it already names a parent of that level. The
inferred statements live in their own named graph (graph/_inferred), rebuilt after every build.
"""
from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from .rdf import Iris
from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES, ipg

INFERRED = "_inferred"

_CANDIDATES = """
SELECT DISTINCT ?p ?pt ?q ?qt WHERE {
  ?p ipg:alignsWithLevel ?level ; ipg:region ?r ; ipg:startYear ?year ; dcterms:title ?pt .
  ?q a ipg:Plan ; ipg:level ?level ; ipg:startYear ?year ; ipg:region ?qr ; rdfs:label ?qt .
  ?r ipg:parentRegion* ?qr .
  FILTER(?p != ?q)
  FILTER NOT EXISTS { ?q ipg:promulgates ?issued }
  FILTER NOT EXISTS { ?p ipg:cites ?q }
  FILTER NOT EXISTS { ?p ipg:basedOn ?stated . ?stated ipg:level ?level }
}
"""


def _same_field(plan_title: str, parent_title: str) -> bool:
    """An IP plan aligns with an IP plan, or with the general plan (国民经济和社会发展规划) above it."""
    if "国民经济和社会发展" in parent_title:
        return True
    return ("知识产权" in plan_title) == ("知识产权" in parent_title)


def infer_lineage(store: GraphStore, base: str = DEFAULT_BASE) -> int:
    graph = Iris(base).graph(INFERRED)
    rows = store.query(_CANDIDATES, prefixes=PREFIXES)
    links = sorted({(r["p"].value, r["q"].value) for r in rows if _same_field(r["pt"].value, r["qt"].value)})
    quads = [Quad(NamedNode(p), ipg.inferredBasedOn, NamedNode(q), graph) for p, q in links]
    store.replace_graph(graph, quads)
    return len(quads)
