"""What each explorer page shows, read from the store by SPARQL. Each function returns plain
dicts and lists: the page's JSON twin as served, and what the HTML is drawn from."""
from __future__ import annotations

import re
from collections import defaultdict

from pyoxigraph import NamedNode

from ..vocab import DCTERMS, IPG, RDFS, SKOS
from .index import LEVELS, select

LEVEL_RANK = {IPG + "National": 0, IPG + "Provincial": 1, IPG + "Municipal": 2, IPG + "County": 3}


def _q(sparql: str, **iris: str) -> str:
    """Put IRIs into a query as <…> terms (NamedNode checks them, so no input can break out)."""
    return re.sub(r"\$(\w+)", lambda m: str(NamedNode(iris[m.group(1)])) if m.group(1) in iris else m.group(0), sparql)


def _int(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _num(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else f


def _level(iri):
    return {"iri": iri, "label": LEVELS.get(iri or "", ""), "rank": LEVEL_RANK.get(iri or "", 4)} if iri else None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def span_map(store, where: str, inside: str = "", **iris) -> dict[str, dict]:
    """The character span and source document of each item ?s that `where` selects.

    Read inside each document's own graph, so that a start, its end and its document belong
    together: a term defined in many documents is one node with a span in each, and in the merged
    graph its starts and ends would pair up every way. `inside` selects ?s within the document's
    graph (the selective pattern goes there, or Oxigraph scans every graph's spans first)."""
    out: dict[str, dict] = {}
    for r in select(store, _q(f"""SELECT ?s ?doc ?start ?end WHERE {{ {where}
            GRAPH ?g {{ {inside} ?s ipg:charStart ?start ; ipg:charEnd ?end ; prov:wasDerivedFrom ?doc }} }}""", **iris)):
        out.setdefault(r["s"], {"doc": r["doc"], "start": int(r["start"]), "end": int(r["end"])})
    return out


def _span(spans: dict, iri: str) -> dict:
    sp = spans.get(iri)
    return {"doc": sp["doc"], "start": sp["start"], "end": sp["end"]} if sp else {"doc": None, "start": None, "end": None}


def _owners_in_text_order(text: str, owners: list[dict]) -> list[dict]:
    """Departments in the order the text names them (any of their names), unnamed ones last."""
    def at(o):
        hits = [text.find(n) for n in o["names"] if n and n in text]
        return min(hits) if hits else len(text) + 1
    return sorted(owners, key=lambda o: (at(o), o["label"]))


def _owners(store, where: str, **iris) -> dict[str, list[dict]]:
    """Responsible departments of the items `?t` that `where` selects, lead first marked."""
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in select(store, _q(f"""SELECT ?t ?d ?l ?alt ?lead WHERE {{ {where} ?t ipg:responsibleDepartment ?d .
            ?d rdfs:label ?l OPTIONAL {{ ?d skos:altLabel ?alt }}
            BIND(EXISTS {{ ?t ipg:leadDepartment ?d }} AS ?lead) }}""", **iris)):
        o = out[r["t"]].setdefault(r["d"], {"iri": r["d"], "label": r["l"], "lead": r["lead"] == "true",
                                            "names": [r["l"]]})
        if r["alt"] and r["alt"] not in o["names"]:
            o["names"].append(r["alt"])
    return {t: list(d.values()) for t, d in out.items()}


def plan(store, iri: str) -> dict | None:
    facts = select(store, _q("""SELECT ?p ?o ?ol WHERE { $plan ?p ?o OPTIONAL { ?o rdfs:label ?ol } }""", plan=iri))
    if not facts:
        return None
    one = {}
    alts = []
    for r in facts:
        if r["p"] in (RDFS + "label", SKOS + "altLabel"):
            alts.append(r["o"])
        one.setdefault(r["p"], (r["o"], r["ol"]))
    names = {"title": DCTERMS + "title", "label": RDFS + "label", "type": DCTERMS + "type",
             "publisher": DCTERMS + "publisher", "issued": DCTERMS + "issued", "documentNumber": IPG + "documentNumber",
             "years": DCTERMS + "temporal", "region": IPG + "region", "level": IPG + "level"}
    get = lambda k: one.get(names[k], (None, None))  # noqa: E731
    out = {
        "iri": iri, "title": (get("title")[0] or get("label")[0]), "other_names": sorted(set(alts) - {get("title")[0]}),
        "kind": _local(get("type")[0] or ""), "issuer": {"iri": get("publisher")[0], "label": get("publisher")[1]}
        if get("publisher")[0] else None,
        "document_number": get("documentNumber")[0], "issued": get("issued")[0],
        "period": dict(zip(("start", "end"), map(int, get("years")[0].split("/")))) if get("years")[0] else None,
        "region": {"iri": get("region")[0], "label": get("region")[1]} if get("region")[0] else None,
        "level": _level(get("level")[0]),
    }
    out["lineage"] = lineage(store, iri)
    out["documents"] = select(store, _q("""SELECT ?doc ?id ?name ?kind WHERE { ?doc ipg:describes $plan ;
        dcterms:identifier ?id OPTIONAL { ?doc rdfs:label ?name } OPTIONAL { ?doc dcterms:type ?kind } } ORDER BY ?id""",
                                        plan=iri))
    for d in out["documents"]:
        d["kind"] = _local(d["kind"] or "")
    # spans from the documents that describe this plan (a shared term has spans in others too)
    spans = span_map(store, "?doc ipg:describes $plan .", "?s ipg:inPlan $plan .", plan=iri)
    out["outline"] = outline(store, iri, spans)
    out["indicators"] = indicators_of_plan(store, iri, spans)
    out["projects"] = projects(store, iri, spans)
    terms = {}
    for r in select(store, _q("""SELECT ?term ?label ?definition WHERE { ?term a ipg:DefinedTerm ; ipg:inPlan $plan ;
            rdfs:label ?label OPTIONAL { ?term skos:definition ?definition } }""", plan=iri)):
        terms.setdefault(r["term"], {"term": r["term"], "label": r["label"], "definition": r["definition"],
                                     **_span(spans, r["term"])})
    out["terms"] = sorted(terms.values(), key=lambda t: (t["start"] is None, t["start"] or 0, t["label"]))
    return out


RELATIONS = {
    "parent": "$plan ipg:basedOn ?o", "inferred parent": "$plan ipg:inferredBasedOn ?o",
    "child": "?o ipg:basedOn $plan", "inferred child": "?o ipg:inferredBasedOn $plan",
    "promulgated by": "?o ipg:promulgates $plan", "promulgates": "$plan ipg:promulgates ?o",
    "cites": "$plan ipg:cites ?o FILTER NOT EXISTS { $plan ipg:basedOn ?o }",
    "cited by": "?o ipg:cites $plan FILTER NOT EXISTS { ?o ipg:basedOn $plan }",
}


def lineage(store, iri: str, limit: int = 200) -> list[dict]:
    """The plans next to this one: parents, children, cited and citing, each with its level."""
    union = " UNION ".join(f'{{ {w} BIND("{rel}" AS ?rel) }}' for rel, w in RELATIONS.items())
    rows = select(store, _q(f"""SELECT ?rel ?o ?label ?level (EXISTS {{ ?d ipg:describes ?o }} AS ?ingested) WHERE {{
        {union} OPTIONAL {{ ?o rdfs:label ?label }} OPTIONAL {{ ?o ipg:level ?level }} }} LIMIT {limit * 4}""", plan=iri))
    seen, out = set(), []
    for r in rows:
        if (r["rel"], r["o"]) in seen:
            continue
        seen.add((r["rel"], r["o"]))
        out.append({"relation": r["rel"], "iri": r["o"], "label": r["label"] or r["o"], "level": _level(r["level"]),
                    "ingested": r["ingested"] == "true"})
    order = list(RELATIONS)
    out.sort(key=lambda x: (order.index(x["relation"]), (x["level"] or {}).get("rank", 4), x["label"]))
    return out[:limit]


def outline(store, iri: str, spans: dict) -> list[dict]:
    """The plan's tasks as a tree per source document, in reading order, each with its owners."""
    rows = select(store, _q("""SELECT ?t ?parent ?num ?seq ?text WHERE { ?t a ipg:Task ; ipg:inPlan $plan ;
        ipg:text ?text OPTIONAL { ?t ipg:partOf ?parent } OPTIONAL { ?t ipg:numbering ?num } OPTIONAL { ?t ipg:sequence ?seq } }""",
                            plan=iri))
    owners = _owners(store, "?t a ipg:Task ; ipg:inPlan $plan .", plan=iri)
    nodes = {}
    for r in rows:
        if r["t"] in nodes:
            continue
        nodes[r["t"]] = {"iri": r["t"], "numbering": r["num"], "text": r["text"], **_span(spans, r["t"]),
                         "seq": _int(r["seq"]) or 0,
                         "owners": [{k: o[k] for k in ("iri", "label", "lead")}
                                    for o in _owners_in_text_order(r["text"], owners.get(r["t"], []))],
                         "parent": r["parent"], "children": []}
    roots = []
    for n in nodes.values():
        (nodes[n["parent"]]["children"] if n["parent"] in nodes else roots).append(n)
    for n in nodes.values():
        n["children"].sort(key=lambda c: (c["start"] or 0, c["seq"]))
    roots.sort(key=lambda c: (c["doc"] or "", c["start"] or 0, c["seq"]))
    for n in nodes.values():
        del n["parent"], n["seq"]
    return roots


def indicators_of_plan(store, iri: str, spans: dict) -> list[dict]:
    rows = select(store, _q("""SELECT ?i ?label ?concept ?unit ?bt ?by ?tt ?ty ?nature WHERE {
        ?i a ipg:Indicator ; ipg:inPlan $plan ; rdfs:label ?label OPTIONAL { ?i ipg:measures ?concept }
        OPTIONAL { ?i ipg:unit ?unit } OPTIONAL { ?i ipg:baselineText ?bt } OPTIONAL { ?i ipg:baselineYear ?by }
        OPTIONAL { ?i ipg:targetText ?tt } OPTIONAL { ?i ipg:targetYear ?ty } OPTIONAL { ?i ipg:nature ?nature } }""",
                            plan=iri))
    rows = list({r["i"]: r for r in reversed(rows)}.values())[::-1]  # one row per indicator
    rows.sort(key=lambda r: (_span(spans, r["i"])["start"] or 0))
    inherited = defaultdict(list)
    # the plans above this one first (a path from a bound plan is quick), then their indicators
    parents = [r["p"] for r in select(store, _q(
        "SELECT DISTINCT ?p WHERE { $plan ((ipg:basedOn|ipg:inferredBasedOn)/ipg:promulgates?)+ ?p }", plan=iri))] if rows else []
    values = " ".join(str(NamedNode(p)) for p in parents)
    for r in [] if not parents else select(store, _q(f"""SELECT DISTINCT ?concept ?parent ?pl ?level ?tt ?ty ?unit WHERE {{
        VALUES ?parent {{ {values} }} ?j ipg:inPlan ?parent ; ipg:measures ?concept . ?i ipg:inPlan $plan ; ipg:measures ?concept .
        OPTIONAL {{ ?j ipg:targetText ?tt }} OPTIONAL {{ ?j ipg:targetYear ?ty }} OPTIONAL {{ ?j ipg:unit ?unit }}
        OPTIONAL {{ ?parent rdfs:label ?pl }} OPTIONAL {{ ?parent ipg:level ?level }} }}""", plan=iri)):
        inherited[r["concept"]].append({"plan": r["parent"], "plan_label": r["pl"], "level": _level(r["level"]),
                                        "target": r["tt"], "target_year": _int(r["ty"]), "unit": r["unit"]})
    nature = {IPG + "Expected": "预期性", IPG + "Binding": "约束性"}
    return [{"iri": r["i"], "label": r["label"], "concept": r["concept"], "unit": r["unit"], "baseline": r["bt"],
             "baseline_year": _int(r["by"]), "target": r["tt"], "target_year": _int(r["ty"]),
             "nature": nature.get(r["nature"] or "", ""), **_span(spans, r["i"]),
             "in_parent_plans": inherited.get(r["concept"], [])} for r in rows]


def projects(store, iri: str, spans: dict) -> list[dict]:
    rows = select(store, _q("""SELECT ?p ?label ?text WHERE { ?p a ipg:Project ; ipg:inPlan $plan ;
        rdfs:label ?label OPTIONAL { ?p ipg:text ?text } }""", plan=iri))
    rows = list({r["p"]: r for r in reversed(rows)}.values())[::-1]
    rows.sort(key=lambda r: (_span(spans, r["p"])["start"] or 0))
    owners = _owners(store, "?t a ipg:Project ; ipg:inPlan $plan .", plan=iri)
    return [{"iri": r["p"], "label": r["label"], "text": r["text"], **_span(spans, r["p"]), "owners": [{k: o[k] for k in ("iri", "label", "lead")}
                                               for o in owners.get(r["p"], [])]} for r in rows]


def department(store, iri: str) -> dict | None:
    facts = select(store, _q("""SELECT ?label ?alt ?region ?rl WHERE { $d a ipg:Department ; rdfs:label ?label
        OPTIONAL { $d skos:altLabel ?alt } OPTIONAL { $d ipg:region ?region OPTIONAL { ?region rdfs:label ?rl } } }""",
                             d=iri))
    if not facts:
        return None
    spans = span_map(store, "", "?s ipg:responsibleDepartment $d .", d=iri)
    rows = select(store, _q("""SELECT ?t ?kind ?text ?label ?num ?plan ?pl ?level ?lead WHERE {
        ?t ipg:responsibleDepartment $d ; a ?kind ; ipg:inPlan ?plan OPTIONAL { ?t ipg:text ?text }
        OPTIONAL { ?t rdfs:label ?label } OPTIONAL { ?t ipg:numbering ?num }
        OPTIONAL { ?plan rdfs:label ?pl } OPTIONAL { ?plan ipg:level ?level }
        BIND(EXISTS { ?t ipg:leadDepartment $d } AS ?lead) }""", d=iri))
    rows = list({r["t"]: r for r in reversed(rows)}.values())[::-1]
    plans: dict[str, dict] = {}
    for r in rows:
        p = plans.setdefault(r["plan"], {"iri": r["plan"], "label": r["pl"] or r["plan"], "level": _level(r["level"]),
                                         "tasks": [], "count": 0, "leads": 0})
        p["tasks"].append({"iri": r["t"], "kind": _local(r["kind"]).lower(), "numbering": r["num"],
                           "text": r["text"] or r["label"], "lead": r["lead"] == "true", **_span(spans, r["t"])})
    for p in plans.values():
        p["tasks"].sort(key=lambda t: (t["doc"] or "", t["start"] or 0))
        p["count"], p["leads"] = len(p["tasks"]), sum(t["lead"] for t in p["tasks"])
    first = facts[0]
    return {"iri": iri, "label": first["label"], "other_names": sorted({r["alt"] for r in facts if r["alt"]}),
            "region": {"iri": first["region"], "label": first["rl"]} if first["region"] else None,
            "count": len(rows), "leads": sum(r["lead"] == "true" for r in rows),
            "plans": sorted(plans.values(), key=lambda p: (-p["count"], p["label"]))}


def _facts_of(store, sparql: str, **iris) -> dict[str, dict[str, str]]:
    """Rows of (?s ?p ?o) pivoted to {s: {local name of p: first o}}. One plain join instead of an
    OPTIONAL per property: on disk, a dozen OPTIONALs over a few hundred rows cost 0.2 s."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in select(store, _q(sparql, **iris)):
        out[r["s"]].setdefault(_local(r["p"]).rsplit("/", 1)[-1], r["o"])
    return out


def indicator(store, iri: str) -> dict | None:
    """An indicator concept: every plan that sets it, by level and region. (An indicator row is one
    document's, so its span needs no GRAPH: it has one start, one end, one source.)"""
    label = select(store, _q("SELECT ?l WHERE { $c skos:prefLabel|rdfs:label ?l } LIMIT 1", c=iri))
    rows = _facts_of(store, """SELECT ?s ?p ?o WHERE { ?s ipg:measures $c ; ?p ?o FILTER(?p IN (rdfs:label, ipg:inPlan,
        ipg:unit, ipg:baselineText, ipg:baselineValue, ipg:baselineYear, ipg:targetText, ipg:targetValue, ipg:targetYear,
        prov:wasDerivedFrom, ipg:charStart, ipg:charEnd)) }""", c=iri)
    if not label and not rows:
        return None
    plans = _facts_of(store, """SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ?i ipg:measures $c ; ipg:inPlan ?s } }
        ?s ?p ?o FILTER(?p IN (rdfs:label, ipg:level, ipg:region)) }""", c=iri)
    regions = _facts_of(store, """SELECT ?s ?p ?o WHERE { { SELECT DISTINCT ?s WHERE { ?i ipg:measures $c ; ipg:inPlan/ipg:region ?s } }
        ?s rdfs:label ?o BIND(rdfs:label AS ?p) }""", c=iri)
    settings = []
    for i, r in rows.items():
        plan = plans.get(r.get("inPlan"), {})
        region_iri = plan.get("region")
        settings.append({
            "iri": i, "label": r.get("label"), "plan": r.get("inPlan"), "plan_label": plan.get("label") or r.get("inPlan"),
            "level": _level(plan.get("level")),
            "region": {"iri": region_iri, "label": regions.get(region_iri, {}).get("label")} if region_iri else None,
            "unit": r.get("unit"), "baseline": r.get("baselineText"), "baseline_value": _num(r.get("baselineValue")),
            "baseline_year": _int(r.get("baselineYear")), "target": r.get("targetText"),
            "target_value": _num(r.get("targetValue")), "target_year": _int(r.get("targetYear")),
            "doc": r.get("wasDerivedFrom"), "start": _int(r.get("charStart")), "end": _int(r.get("charEnd"))})
    settings.sort(key=lambda s: ((s["level"] or {}).get("rank", 4), (s["region"] or {}).get("label") or "", s["plan_label"]))
    national = [s["target_value"] for s in settings if (s["level"] or {}).get("rank") == 0 and s["target_value"] is not None]
    return {"iri": iri, "label": label[0]["l"] if label else settings[0]["label"], "plans": settings,
            "national_target": national[0] if national else None}


def region(store, iri: str) -> dict | None:
    facts = select(store, _q("""SELECT ?label ?code ?level ?parent ?pl WHERE { $r a ipg:Region ; rdfs:label ?label
        OPTIONAL { $r ipg:divisionCode ?code } OPTIONAL { $r ipg:level ?level }
        OPTIONAL { $r ipg:parentRegion ?parent OPTIONAL { ?parent rdfs:label ?pl } } } LIMIT 1""", r=iri))
    if not facts:
        return None
    f = facts[0]
    rows = select(store, _q("""SELECT DISTINCT ?plan ?label ?level ?region ?rl ?start ?end (EXISTS { ?d ipg:describes ?plan } AS ?ingested)
        WHERE { ?plan a ipg:Plan ; ipg:region ?region . ?region ipg:parentRegion* $r .
        OPTIONAL { ?plan rdfs:label ?label } OPTIONAL { ?plan ipg:level ?level } OPTIONAL { ?region rdfs:label ?rl }
        OPTIONAL { ?plan ipg:startYear ?start } OPTIONAL { ?plan ipg:endYear ?end } }""", r=iri))
    plans = {}
    for r in rows:
        plans.setdefault(r["plan"], {"iri": r["plan"], "label": r["label"] or r["plan"], "level": _level(r["level"]),
                                     "region": {"iri": r["region"], "label": r["rl"]},
                                     "period": f"{r['start']}–{r['end']}" if r["start"] else "",
                                     "ingested": r["ingested"] == "true"})
    plans = sorted(plans.values(), key=lambda p: (not p["ingested"], (p["level"] or {}).get("rank", 4), p["label"]))
    by_level = defaultdict(int)
    for p in plans:
        by_level[(p["level"] or {}).get("label") or "—"] += 1
    subs = select(store, _q("""SELECT ?sub ?label WHERE { ?sub ipg:parentRegion $r ; rdfs:label ?label } ORDER BY ?sub""", r=iri))
    return {"iri": iri, "label": f["label"], "code": f["code"], "level": _level(f["level"]),
            "parent": {"iri": f["parent"], "label": f["pl"]} if f["parent"] else None,
            "sub_regions": [{"iri": s["sub"], "label": s["label"]} for s in subs],
            "counts_by_level": dict(by_level), "plans": plans}


def spans(store, doc_iri: str) -> list[dict]:
    """Every entity extracted from a document, with its character span in it, for the source view."""
    rows = select(store, _q("""SELECT ?e ?kind ?label ?start ?end WHERE {
        GRAPH ?g { ?e prov:wasDerivedFrom $doc ; ipg:charStart ?start ; ipg:charEnd ?end }
        ?e a ?kind FILTER(?kind IN (ipg:Task, ipg:Project, ipg:Indicator, ipg:DefinedTerm))
        OPTIONAL { ?e rdfs:label ?label } }""", doc=doc_iri))
    seen = {}
    for r in rows:
        seen.setdefault(r["e"], {"iri": r["e"], "kind": _local(r["kind"]).lower(), "label": r["label"] or "",
                                 "start": int(r["start"]), "end": int(r["end"])})
    return sorted(seen.values(), key=lambda s: (s["start"], -s["end"]))


def entity(store, iri: str, doc: str | None = None) -> dict | None:
    """One extracted item (task, project, indicator, term): what it says, where, and who owns it;
    its span in `doc` when given (a term can be defined in several documents)."""
    rows = select(store, _q("""SELECT ?kind ?label ?text ?plan ?pl WHERE { $e a ?kind
        FILTER(?kind IN (ipg:Task, ipg:Project, ipg:Indicator, ipg:DefinedTerm))
        OPTIONAL { $e rdfs:label ?label } OPTIONAL { $e ipg:text|skos:definition ?text }
        OPTIONAL { $e ipg:inPlan ?plan } OPTIONAL { ?plan rdfs:label ?pl } } LIMIT 1""", e=iri))
    if not rows:
        return None
    r = rows[0]
    where = "VALUES ?s { $e } VALUES ?doc { $doc }" if doc else "VALUES ?s { $e }"
    span = _span(span_map(store, where, **({"e": iri, "doc": doc} if doc else {"e": iri})), iri)
    owners = _owners(store, "VALUES ?t { $e }", e=iri).get(iri, [])
    return {"iri": iri, "kind": _local(r["kind"]).lower(), "label": r["label"], "text": r["text"],
            "plan": r["plan"], "plan_label": r["pl"], "doc_iri": span["doc"], "start": span["start"], "end": span["end"],
            "owners": [{k: o[k] for k in ("iri", "label", "lead")} for o in _owners_in_text_order(r["text"] or "", owners)]}


def label(store, iri: str) -> str | None:
    rows = select(store, _q("SELECT ?l WHERE { $s rdfs:label ?l } LIMIT 1", s=iri))
    return rows[0]["l"] if rows else None


def describe(store, iri: str) -> list:
    """The statements about an IRI (as subject), for its Turtle twin."""
    return list(store.query(_q("CONSTRUCT { $s ?p ?o } WHERE { $s ?p ?o }", s=iri)))
