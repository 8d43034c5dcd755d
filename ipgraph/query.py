"""SPARQL over the store: ad-hoc queries, the named queries in queries/*.rq, and the two views
users ask for most (who owns which task; how plans inherit from each other)."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import (Triple, BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples,
                        RdfFormat, parse_query_results, serialize)

from .errors import IpgraphError
from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES, XSD


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    sparql: str


def named_queries() -> dict[str, NamedQuery]:
    out = {}
    for f in sorted((Path(__file__).parent / "queries").glob("*.rq")):
        text = f.read_text(encoding="utf-8")
        meta = dict(re.findall(r"^#\s*(\w+):\s*(.+)$", text, re.M))
        name = f.name[:-3]
        out[name] = NamedQuery(name, meta.get("title", name), meta.get("description", ""), text)
    return out


def resolve_query(text_or_file: str) -> str:
    """SPARQL given inline, as a path to a .rq file, or as the name of a named query."""
    named = named_queries()
    if text_or_file in named:
        return named[text_or_file].sparql
    p = Path(text_or_file)
    if len(text_or_file) < 4096 and "\n" not in text_or_file and p.suffix in (".rq", ".sparql") :
        if not p.is_file():
            raise IpgraphError(f"{text_or_file}: no such query file")
        return p.read_text(encoding="utf-8")
    return text_or_file


def run(store: GraphStore, sparql: str, base: str = DEFAULT_BASE, **params: str):
    """Run SPARQL with the contract's prefixes predeclared.

    Keyword arguments fill ${name} placeholders with string literals, escaped as RDF literals,
    so user input can never change the query's structure. A final ORDER BY over selected
    variables is done here (`Sorted`), not in Oxigraph.
    """
    for k, v in params.items():
        sparql = sparql.replace("${" + k + "}", str(Literal(v)))
    prefixes = {**PREFIXES, "id": base}
    try:
        order = _ORDER_BY.search(sparql)
        if order:
            result = store.query(sparql[:order.start()], prefixes=prefixes)
            keys = _keys(order.group(1))
            if isinstance(result, QuerySolutions) and {k for k, _ in keys} <= {v.value for v in result.variables}:
                return Sorted(result, keys)
        return store.query(sparql, prefixes=prefixes)  # results are computed as they are read: nothing ran twice
    except SyntaxError as exc:
        raise IpgraphError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None


# Oxigraph on disk compares strings for ORDER BY by looking each one up in RocksDB at every
# comparison: n log n reads, 3-5 times the rest of a corpus-wide query (bench/). Sorting the
# solutions in Python reads each value once. Only an ORDER BY of plain variables at the very end
# of the query (nothing may follow it) is taken over; any other is left to Oxigraph.
_ORDER_BY = re.compile(r"\bORDER\s+BY((?:\s*(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+))+)\s*$", re.I)
_KEY = re.compile(r"(ASC|DESC)?\s*\(?\s*\?(\w+)", re.I)
_NUMBERS = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                              "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
                              "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def _keys(clause: str) -> list[tuple[str, bool]]:
    """(variable, descending) for each sort key, in order."""
    return [(name, (how or "").upper() == "DESC") for how, name in _KEY.findall(clause)]


def _rank(term) -> tuple:
    """SPARQL's order of terms: unbound, blank nodes, IRIs, then literals (numbers and booleans by
    value, others by their text). Tested by exact type, literals first: a sort key is most often a
    literal, and this runs for every key of every solution."""
    kind = type(term)
    if kind is Literal:
        language = term.language
        if language:  # most values: their datatype need not be read
            return (4, term.value, language)
        datatype = term.datatype.value
        if datatype in _NUMBERS:
            try:
                return (3, float(term.value))
            except ValueError:
                pass
        elif datatype == XSD + "boolean":
            return (3, float(term.value in ("true", "1")))
        return (4, term.value, "", datatype)  # SPARQL leaves equal texts of different types unordered
    if kind is NamedNode:
        return (2, term.value)
    if term is None:
        return (0,)
    if kind is BlankNode:
        return (1, term.value)
    return (5, str(term))


class Sorted:
    """The solutions of a SELECT, sorted in Python; read like pyoxigraph's QuerySolutions."""

    def __init__(self, solutions: QuerySolutions, keys: list[tuple[str, bool]]):
        self.variables = solutions.variables
        variables = [v.value for v in self.variables]
        at = [variables.index(name) for name, _ in keys]  # a solution read by position, not by name: 3x faster
        ranked = [([_rank(row[i]) for i in at], row) for row in solutions]  # each key read once
        if not any(descending for _, descending in keys):
            ranked.sort(key=lambda r: r[0])
        else:
            for i in reversed(range(len(keys))):  # stable sorts, least significant key first
                ranked.sort(key=lambda r: r[0][i], reverse=keys[i][1])
        self._rows = [row for _, row in ranked]

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def serialize(self, output=None, format: QueryResultsFormat = QueryResultsFormat.JSON):
        """Any results format pyoxigraph writes: the rows go through SPARQL JSON, which keeps their order."""
        names = [v.value for v in self.variables]
        data = {"head": {"vars": names},
                "results": {"bindings": [{n: term_json(row[n]) for n in names if row[n] is not None} for row in self._rows]}}
        solutions = parse_query_results(json.dumps(data).encode("utf-8"), QueryResultsFormat.JSON)
        return solutions.serialize(output, format)


def term_json(t) -> dict:
    """A term as SPARQL 1.1 Query Results JSON writes it (RDF-star triples included)."""
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD + "string":
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, Triple):
        return {"type": "triple", "value": {k: term_json(getattr(t, k)) for k in ("subject", "predicate", "object")}}
    raise TypeError(f"unexpected term {t!r}")


def rows(result) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in result.variables]
    table = [["" if s[n] is None else s[n].value for n in names] for s in result]
    return names, table


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit(s: str, limit: int) -> str:
    s = s.replace("\n", " ")
    if _width(s) <= limit:
        return s
    out = ""
    for ch in s:
        if _width(out + ch) > limit - 1:
            return out + "…"
        out += ch
    return out


def table(headers: list[str], data: list[list[str]], max_width: int = 48) -> str:
    cells = [[_fit(c, max_width) for c in r] for r in data]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(r):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep] + [line(r) for r in cells])


def format_result(result, fmt: str) -> str:
    if isinstance(result, QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, QueryTriples):
        return serialize(list(result), None, RdfFormat.TURTLE).decode("utf-8")
    assert isinstance(result, (QuerySolutions, Sorted))
    if fmt == "json":
        return result.serialize(format=QueryResultsFormat.JSON).decode("utf-8")
    headers, data = rows(result)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(headers)
        w.writerows(data)
        return buf.getvalue()
    return table(headers, data)


_OWNERS = """
SELECT DISTINCT ?department ?task ?text ?plan ?lead WHERE {
  ?t ipg:responsibleDepartment ?dept ; ipg:inPlan ?p ; ipg:text ?text .
  ?p dcterms:title ?plan .
  ?dept rdfs:label ?department .
  ?dept rdfs:label|skos:altLabel ?dl FILTER(CONTAINS(STR(?dl), ${dq}))
  ?p dcterms:title|rdfs:label|skos:altLabel ?pl FILTER(CONTAINS(STR(?pl), ${pq}))
  OPTIONAL { ?t ipg:numbering ?num }
  BIND(COALESCE(?num, "") AS ?task)
  BIND(EXISTS { ?t ipg:leadDepartment ?dept } AS ?lead)
  ?t ipg:sequence ?seq .
}
ORDER BY ?department ?plan ?seq
"""


def owners(store: GraphStore, department: str = "", plan: str = "") -> list[dict]:
    """Who owns which task: one row per (department, task), filtered by label substrings."""
    headers, data = rows(run(store, _OWNERS, dq=department, pq=plan))
    out = []
    for r in data:
        d = dict(zip(headers, r))
        d["lead"] = d["lead"] == "true"
        out.append(d)
    return out


_PLANS = """
SELECT DISTINCT ?p ?title WHERE {
  { ?p dcterms:title ?title } UNION { ?p rdfs:label ?title }
  ?p a ipg:Plan .
  FILTER(CONTAINS(STR(?title), ${q}))
}
"""
_INGESTED = "SELECT DISTINCT ?p WHERE { ?d a ipg:SourceDocument ; ipg:describes ?p }"
_LINKS = """
SELECT DISTINCT ?from ?to ?kind WHERE {
  { ?from ipg:cites ?cited . OPTIONAL { ?cited ipg:promulgates ?issued }
    BIND(COALESCE(?issued, ?cited) AS ?to)
    BIND(IF(EXISTS { ?from ipg:basedOn ?cited }, "based", "cites") AS ?kind) }
  UNION { ?from ipg:inferredBasedOn ?to BIND("inferred" AS ?kind) }
}
"""
_LABELS = """
SELECT ?p (SAMPLE(?t) AS ?title) (SAMPLE(?lv) AS ?level) WHERE {
  ?p a ipg:Plan . { ?p dcterms:title ?t } UNION { FILTER NOT EXISTS { ?p dcterms:title ?x } ?p rdfs:label ?t }
  OPTIONAL { ?p ipg:level ?l BIND(STRAFTER(STR(?l), "#") AS ?lv) }
} GROUP BY ?p
"""


@dataclass
class Lineage:
    plan: str
    title: str
    level: str
    parents: list["Lineage"]     # based on (recursively), stated or inferred
    cites: list[tuple[str, str]]  # other citations (iri, title)
    cited_by: list[tuple[str, str, bool]]  # (iri, title, based on this)
    inferred: bool = False       # this parent link is implied by the text, not stated


def lineage(store: GraphStore, plan: str = "") -> list[Lineage]:
    """The lineage of each plan whose title contains `plan` (all ingested plans when empty)."""
    labels = {r[0]: (r[1], r[2]) for r in rows(run(store, _LABELS))[1]}
    links = [(a, b, kind) for a, b, kind in rows(run(store, _LINKS))[1]]
    ingested = {r[0] for r in rows(run(store, _INGESTED))[1]}
    roots = {r[0] for r in rows(run(store, _PLANS, q=plan))[1]} if plan else ingested
    roots = sorted(roots & ingested or roots)

    def node(iri: str, seen: frozenset, inferred: bool = False) -> Lineage:
        title, level = labels.get(iri, (iri, ""))
        stated = {b for a, b, kind in links if a == iri and kind == "based"} - seen
        implied = {b for a, b, kind in links if a == iri and kind == "inferred"} - seen - stated
        parents = [node(p, seen | {iri}) for p in sorted(stated)]
        parents += [node(p, seen | {iri}, inferred=True) for p in sorted(implied)]
        return Lineage(
            iri, title, level, parents,
            sorted({(b, labels.get(b, (b, ""))[0]) for a, b, kind in links if a == iri and kind == "cites"
                    and b not in stated}, key=lambda x: x[1]),
            sorted({(a, labels.get(a, (a, ""))[0], kind == "based") for a, b, kind in links
                    if b == iri and kind != "inferred"}, key=lambda x: x[1]),
            inferred)
    return [node(r, frozenset()) for r in roots]


def render_lineage(tree: Lineage) -> str:
    lines = [f"{tree.title}" + (f"  [{tree.level}]" if tree.level else "")]

    def walk(n: Lineage, prefix: str):
        kids = n.parents
        for i, child in enumerate(kids):
            last = i == len(kids) - 1 and not n.cites
            how = "based on (inferred)" if child.inferred else "based on"
            lines.append(f"{prefix}{'└── ' if last else '├── '}{how}: {child.title}"
                         + (f"  [{child.level}]" if child.level else ""))
            walk(child, prefix + ("    " if last else "│   "))
        for i, (_, title) in enumerate(n.cites):
            lines.append(f"{prefix}{'└── ' if i == len(n.cites) - 1 else '├── '}cites: {title}")

    walk(tree, "")
    if tree.cited_by:
        lines.append("cited by:")
        for i, (_, title, based) in enumerate(tree.cited_by):
            lines.append(f"{'└── ' if i == len(tree.cited_by) - 1 else '├── '}{title}"
                         + ("  (based on it)" if based else ""))
    return "\n".join(lines)


_INDICATORS = """
SELECT DISTINCT ?indicator ?plan ?region ?level ?unit ?baseline ?baselineYear ?target ?targetYear ?nature WHERE {
  ?i ipg:measures ?c ; ipg:inPlan ?p ; rdfs:label ?indicator .
  ?c skos:prefLabel ?cl .
  FILTER(CONTAINS(STR(?cl), ${q}) || CONTAINS(STR(?indicator), ${q}))
  ?p dcterms:title ?plan .
  OPTIONAL { ?p ipg:region/rdfs:label ?region }
  OPTIONAL { ?p ipg:level ?l BIND(STRAFTER(STR(?l), "#") AS ?level) }
  OPTIONAL { ?i ipg:unit ?unit }
  OPTIONAL { ?i ipg:baselineText ?baseline }
  OPTIONAL { ?i ipg:baselineYear ?baselineYear }
  OPTIONAL { ?i ipg:targetText ?target }
  OPTIONAL { ?i ipg:targetYear ?targetYear }
  OPTIONAL { ?i ipg:nature ?n BIND(STRAFTER(STR(?n), "#") AS ?nature) }
  BIND(IF(?level = "National", 0, IF(?level = "Provincial", 1, IF(?level = "Municipal", 2, 3))) AS ?rank)
}
ORDER BY ?cl ?rank ?plan
"""


def indicators(store: GraphStore, name: str = "") -> list[dict]:
    """One indicator across plans: every plan measuring a concept whose name contains `name`."""
    headers, data = rows(run(store, _INDICATORS, q=name))
    return [dict(zip(headers, r)) for r in data]


_REGION_PLANS = """
SELECT DISTINCT ?plan ?region ?level ?start ?end WHERE {
  ?d ipg:describes ?p .
  ?p dcterms:title ?plan ; ipg:region ?r .
  ?r rdfs:label ?region ; ipg:parentRegion* ?up .
  ?up rdfs:label ?upLabel .
  FILTER(CONTAINS(STR(?upLabel), ${q}))
  OPTIONAL { ?p ipg:level ?l BIND(STRAFTER(STR(?l), "#") AS ?level) }
  OPTIONAL { ?p ipg:startYear ?start ; ipg:endYear ?end }
}
ORDER BY ?region ?plan
"""


def plans_in(store: GraphStore, region: str = "") -> list[dict]:
    """Ingested plans of every region whose name contains `region`, and of all regions below it."""
    headers, data = rows(run(store, _REGION_PLANS, q=region))
    return [dict(zip(headers, r)) for r in data]
