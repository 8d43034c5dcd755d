"""Links the texts imply but do not state, kept apart from what they state.

A plan that says it aligns with "省规划" or "国家、省相关文件" without a title gets
ipg:inferredBasedOn to the plan of that level, in its own jurisdiction's line, of the same
period and field (by the words of their titles, see `subject`), that is in the graph — never
where it already names a parent of that level. The inferred statements live in their own named
graph (graph/_inferred), rebuilt after every build.
"""
from __future__ import annotations

import re

from pyoxigraph import DefaultGraph, NamedNode, Quad

from .extract.plan import PLAN_TYPES
from .rdf import Iris
from .regions import short_name
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
  FILTER NOT EXISTS { ?q ipg:draftOf ?final }
}
"""
_CITED = "SELECT DISTINCT ?p ?q WHERE { ?p ipg:cites ?q }"
_STATED_LEVELS = "SELECT DISTINCT ?p ?level WHERE { ?p ipg:basedOn ?q . ?q ipg:level ?level }"
_PARENTS = "SELECT DISTINCT ?r ?up WHERE { ?r ipg:parentRegion ?up }"
_REGION_NAMES = "SELECT DISTINCT ?r ?name WHERE { ?r a ipg:Region ; rdfs:label ?name }"


# Words of a title that do not say its field: periods, years, the kind of document, and words
# every field's plans use. The regions' names are taken out separately.
_NOT_FIELD = re.compile(rf"第?十[一二三四五](?:个)?五(?:年)?|(?:19|20)\d{{2}}年?|国家|全国|中国|{PLAN_TYPES}"
                        r"|发展|建设|事业|专项|工作|实施|行动|推进|加快|促进|关于|进一步|[\W_]")


def subject(title: str, regions: list[str]) -> str:
    """A plan's field in its own words: its title minus region names, period and kind of document
    (宜昌市知识产权保护与运用“十四五”规划 → 知识产权保护与运用)."""
    for name in sorted(regions, key=len, reverse=True):
        title = title.replace(name, "")
    return _NOT_FIELD.sub("", title)


def _same_field(plan_subject: str, parent_title: str, parent_subject: str) -> bool:
    """The same field when the subjects share a two-character word (知识产权保护和运用 and 知识产权:
    知识); the general plan of a place (国民经济和社会发展规划) is above every field."""
    if "国民经济和社会发展" in parent_title:
        return True
    pairs = {plan_subject[i:i + 2] for i in range(len(plan_subject) - 1)}
    return any(parent_subject[i:i + 2] in pairs for i in range(len(parent_subject) - 1))


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
        names: dict[str, set[str]] = {}
        for r, name in select(_REGION_NAMES):
            names.setdefault(r, set()).update(filter(None, (name, short_name(name))))
        for p, title, level, region, year in aligning:
            if level in stated_levels.get(p, ()):
                continue
            chain, r = [], region
            while r and r not in chain:
                chain.append(r)
                r = up.get(r)
            words = [n for r in chain for n in names.get(r, ())]
            own = subject(title, words)
            for q, label in (c for r in chain for c in by_key.get((level, year, r), [])):
                if q != p and q not in cited.get(p, ()) and _same_field(own, label, subject(label, words)):
                    links.add((p, q))
    quads = [Quad(NamedNode(p), ipg.inferredBasedOn, NamedNode(q), graph) for p, q in sorted(links)]
    store.replace_graph(graph, quads)
    return len(quads)
