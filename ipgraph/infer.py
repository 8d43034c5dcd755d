"""Links the texts imply but do not state, kept apart from what they state.

A plan that says it aligns with "省规划" or "国家、省相关文件" without a title gets
ipg:inferredBasedOn to the plan of that level, in its own jurisdiction's line, of the same
period, that is in the graph — never where it already names a parent of that level. The
inferred statements live in their own named graph (graph/_inferred), rebuilt after every build.
"""
from __future__ import annotations

from pyoxigraph import DefaultGraph, NamedNode, Quad

from .rdf import Iris
from .store import GraphStore, triple
from .vocab import DEFAULT_BASE, PREFIXES, ipg, rdf

INFERRED = "_inferred"

_ALIGNING = """
SELECT DISTINCT ?p ?title ?level ?region ?year WHERE {
  ?p ipg:alignsWithLevel ?level ; ipg:region ?region ; ipg:startYear ?year ; dcterms:title ?title .
}
"""
_PLANS = """
SELECT DISTINCT ?q ?label ?level ?region ?year WHERE {
  ?q a ipg:Plan ; ipg:level ?level ; ipg:startYear ?year ; ipg:region ?region ; rdfs:label ?label .
  FILTER NOT EXISTS { ?q ipg:promulgates ?issued }
}
"""
_CITED = "SELECT DISTINCT ?p ?q WHERE { ?p ipg:cites ?q }"
_STATED_LEVELS = "SELECT DISTINCT ?p ?level WHERE { ?p ipg:basedOn ?q . ?q ipg:level ?level }"
_PARENTS = "SELECT DISTINCT ?r ?up WHERE { ?r ipg:parentRegion ?up }"


def _same_field(plan_title: str, parent_title: str) -> bool:
    """An IP plan aligns with an IP plan, or with the general plan (国民经济和社会发展规划) above it."""
    if "国民经济和社会发展" in parent_title:
        return True
    return ("知识产权" in plan_title) == ("知识产权" in parent_title)


def _affects_lineage(store: GraphStore) -> bool:
    """Whether this writer's changes can change the inferred links: they read only statements about
    plans and regions, so a re-built document whose tasks alone changed leaves them as they are."""
    if store.new_documents:
        return True
    kinds = (ipg.Plan, ipg.Region)
    for statement in store.changed:
        s, p, o = triple(statement)
        if (p == rdf.type and o in kinds) or any(
                next(store.store.quads_for_pattern(s, rdf.type, k, DefaultGraph()), None) for k in kinds):
            return True
    return False


def infer_lineage(store: GraphStore, base: str = DEFAULT_BASE, force: bool = False) -> int | None:
    """Recompute graph/_inferred from what the graph states (simple patterns; the joins run here).
    Returns the number of links, or None when nothing they depend on changed (unless `force`)."""
    if not force and not _affects_lineage(store):
        return None

    def select(sparql: str) -> list[tuple[str, ...]]:
        rows = store.query(sparql, prefixes=PREFIXES)
        names = [v.value for v in rows.variables]
        return [tuple(r[n].value for n in names) for r in rows]

    graph = Iris(base).graph(INFERRED)
    aligning = select(_ALIGNING)
    links: set[tuple[str, str]] = set()
    if aligning:
        up = dict(select(_PARENTS))
        cited: dict[str, set[str]] = {}
        for p, q in select(_CITED):
            cited.setdefault(p, set()).add(q)
        stated_levels: dict[str, set[str]] = {}
        for p, level in select(_STATED_LEVELS):
            stated_levels.setdefault(p, set()).add(level)
        by_key: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
        for q, label, level, region, year in select(_PLANS):
            by_key.setdefault((level, year, region), []).append((q, label))
        for p, title, level, region, year in aligning:
            if level in stated_levels.get(p, ()):
                continue
            chain, r = set(), region
            while r and r not in chain:
                chain.add(r)
                r = up.get(r)
            for q, label in (c for r in chain for c in by_key.get((level, year, r), [])):
                if q != p and q not in cited.get(p, ()) and _same_field(title, label):
                    links.add((p, q))
    quads = [Quad(NamedNode(p), ipg.inferredBasedOn, NamedNode(q), graph) for p, q in sorted(links)]
    store.replace_graph(graph, quads)
    return len(quads)
