"""Stage 6: a resolved document becomes quads in its own named graph.

The only module that knows the ontology's terms (through vocab). Every IRI is built from a
stable key, and no blank nodes are used, so the same corpus always gives the same graph.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from .extract import Owner
from .extract.citations import fold
from .regions import Region, divisions
from .departments import department
from .extract.plan import period
from .genre import PERIODS
from .resolve import Resolved, indicator_concept, key
from .vocab import DEFAULT_BASE, IPG, dcterms, ipg, prov, rdf, rdfs, skos, xsd

LEVELS = {"national": ipg.National, "provincial": ipg.Provincial, "municipal": ipg.Municipal, "county": ipg.County}
DOC_KINDS = {"plan": ipg.PlanText, "draft": ipg.DraftText, "interpretation": ipg.Interpretation,
             "news": ipg.NewsArticle}
NATURES = {"expected": ipg.Expected, "binding": ipg.Binding}
PLAN_KINDS = [("条例", "Regulation"), ("纲要", "Outline"), ("行动计划", "ActionPlan"), ("实施方案", "ImplementationPlan"),
              ("方案", "ImplementationPlan"), ("计划", "ActionPlan"), ("规划", "PlanDocument"), ("意见", "Opinion"),
              ("办法", "Measures"), ("通知", "Notice"), ("协定", "Treaty"), ("条约", "Treaty"), ("规范", "Standard"),
              ("报告", "Report")]


@dataclass(frozen=True)
class Iris:
    base: str = DEFAULT_BASE

    def __call__(self, *parts: str) -> NamedNode:
        return NamedNode(self.base + "/".join(parts))

    def plan(self, plan_key: str) -> NamedNode:
        return self("plan", plan_key)

    def region(self, code: str) -> NamedNode:
        return self("region", code)

    def graph(self, doc_id: str) -> NamedNode:
        return self("graph", doc_id)


def zh(text: str) -> Literal:
    return Literal(text, language="zh")


_INTEGER = str(xsd.integer)


def decimal(value: str) -> Literal:
    v = format(Decimal(value).normalize(), "f")  # canonical, as Oxigraph stores it: 13, 1.5, 1300
    return Literal(v, datatype=xsd.decimal)


def plan_kind(title: str) -> NamedNode:
    t = fold(title)
    return NamedNode(IPG + next((name for word, name in PLAN_KINDS if t.endswith(word)), "OtherDocument"))


def to_quads(res: Resolved, base: str = DEFAULT_BASE) -> list[Quad]:
    """The document's statements as quads in its named graph."""
    g = Iris(base).graph(res.doc_id)
    text = "".join(f"{t} .\n" for t in to_lines(res, base))
    return [Quad(q.subject, q.predicate, q.object, g) for q in parse(text, RdfFormat.N_TRIPLES)]


def to_lines(res: Resolved, base: str = DEFAULT_BASE) -> tuple[str, ...]:
    """The document's statements as sorted, distinct N-Triples lines without the final dot: the
    form they travel to the store in. Written as text at once; building a Quad per statement and
    formatting it afterwards took twice as long."""
    iri = Iris(base)
    out: set[str] = set()
    seen: set = set()  # regions and departments already described
    written: dict = {}  # term → its N-Triples text: a node or predicate recurs in many statements, and
    # formatting a term (2 µs) costs twenty times looking it up

    get = written.get

    def nt(term) -> str:  # a Python int stands for its xsd:integer literal, written without making one
        written[term] = text = f'"{term}"^^{_INTEGER}' if isinstance(term, int) else str(term)
        return text

    def add(s, p, o):  # looked up in place: a call per term cost as much as the lookup
        out.add(f"{get(s) or nt(s)} {get(p) or nt(p)} {get(o) or nt(o)}")

    ex = res.extraction
    doc = iri("doc", res.doc_id)
    plan = iri.plan(res.plan_key)

    def hant(node, label: str, start: int = 0, end: int | None = None) -> None:
        """For a source in traditional script, the label as the source writes it, tagged zh-Hant."""
        if not res.traditional:
            return
        plain = label.rstrip("…")
        k = res.clean.text.find(plain, start, len(res.clean.text) if end is None else end)
        if k < 0 or not plain:
            return
        a, b = res.clean.orig_span(k, k + len(plain))
        written = res.clean.original[a:b]
        if written != plain:
            add(node, rdfs.label, Literal(written + label[len(plain):], language="zh-Hant"))

    def span(node, start, end):
        a, b = res.clean.orig_span(start, end)
        add(node, ipg.charStart, int(a))
        add(node, ipg.charEnd, int(b))
        add(node, prov.wasDerivedFrom, doc)

    add(doc, rdf.type, ipg.SourceDocument)
    add(doc, rdfs.label, Literal(res.source.name))
    add(doc, dcterms.identifier, Literal(res.doc_id))
    add(doc, dcterms.format, Literal(res.source.format))
    add(doc, ipg.sha256, Literal(res.source.sha256))
    add(doc, dcterms.type, DOC_KINDS[ex.plan.doc_kind])
    add(doc, ipg.describes, plan)

    info = ex.plan
    add(plan, rdf.type, ipg.Plan)
    add(plan, dcterms.title, zh(info.title))
    add(plan, rdfs.label, zh(info.title))
    hant(plan, info.title)
    add(plan, dcterms.type, plan_kind(info.title))
    for alias in info.aliases:
        add(plan, skos.altLabel, zh(alias))
    add(plan, prov.wasDerivedFrom, doc)
    if res.region is not None:
        add(plan, ipg.region, iri.region(res.region.code))
        add(plan, ipg.level, LEVELS[res.region.level])
        _region(add, iri, res.region, seen)
    _years(add, plan, info.start_year, info.end_year)
    if info.document_number:
        add(plan, ipg.documentNumber, Literal(info.document_number))
    if info.issued:
        add(plan, dcterms.issued, Literal(info.issued, datatype=xsd.date))
    if info.issuer:
        issuer = _department(add, iri, res, info.issuer, seen)
        add(plan, dcterms.publisher, issuer)

    for c in ex.citations:
        cited = iri.plan(res.cited_keys[c.title])
        add(plan, ipg.cites, cited)
        if c.parent:
            add(plan, ipg.basedOn, cited)
        _cited_plan(add, iri, res, cited, c.title, seen)
        if c.document_number:
            add(cited, ipg.documentNumber, Literal(c.document_number))
        if c.promulgates:
            promulgated = iri.plan(key(c.promulgates))
            add(cited, ipg.promulgates, promulgated)
            _cited_plan(add, iri, res, promulgated, c.promulgates, seen)
            if c.document_number:  # the notice's number is the number the plan was issued under
                add(promulgated, ipg.documentNumber, Literal(c.document_number))
    for level in info.aligns_with:
        add(plan, ipg.alignsWithLevel, LEVELS[level])

    # What the document's items belong to. A plan's text: the plan. A draft: its own version of the
    # plan, so a draft and the final text keep two outlines under one plan. An interpretation or a
    # news article: nothing; what it says of the plan is `ipg:about` it, and its own headings
    # (出台背景, 主要内容) and reported sentences (X表示将会同Y抓好落实) are not tasks of the plan.
    article = info.doc_kind in ("interpretation", "news")
    outline = plan
    if info.doc_kind == "draft":
        outline = iri("draft", res.doc_id)
        add(outline, rdf.type, ipg.Plan)
        add(outline, dcterms.title, zh(info.title))
        add(outline, rdfs.label, zh(info.title))
        add(outline, dcterms.type, plan_kind(info.title))
        add(outline, ipg.draftOf, plan)
        add(outline, prov.wasDerivedFrom, doc)
        if res.region is not None:  # a version of the plan: the same jurisdiction and period
            add(outline, ipg.region, iri.region(res.region.code))
            add(outline, ipg.level, LEVELS[res.region.level])
        _years(add, outline, info.start_year, info.end_year)
    belongs = ipg.about if article else ipg.inPlan

    projects = {}
    for p in ex.projects:
        node = iri("project", res.doc_id, p.key)
        projects[p.key] = node
        if p.number:
            projects["box" + p.number] = node
        add(node, rdf.type, ipg.Project)
        add(node, rdfs.label, zh(p.name))
        hant(node, p.name, p.start, p.end)
        if p.text:
            add(node, ipg.text, zh(p.text))
        if p.number:
            add(node, ipg.numbering, Literal(f"专栏{p.number}"))
        add(node, belongs, outline)
        span(node, p.start, p.end)
        _owners(add, iri, res, node, p.owners, seen)

    for n, t in enumerate(ex.tasks):
        if article:
            continue
        node = iri("task", res.doc_id, t.key)
        parent = iri("task", res.doc_id, t.parent) if t.parent else outline
        add(node, rdf.type, ipg.Task)
        add(node, rdfs.label, zh(_short(t.text)))
        hant(node, _short(t.text), t.start, t.end)
        add(node, ipg.text, zh(t.text))
        if t.numbering:
            add(node, ipg.numbering, Literal(t.numbering))
        add(node, ipg.sequence, int(n + 1))
        add(node, ipg.partOf, parent)
        add(node, belongs, outline)
        span(node, t.start, t.end)
        _owners(add, iri, res, node, t.owners, seen)
        for number in t.refers_to:
            if "box" + number in projects:
                add(node, ipg.refersTo, projects["box" + number])
        if t.project and t.project in projects:
            add(node, ipg.refersTo, projects[t.project])

    seen: dict[str, int] = {}
    for ind in ex.indicators:
        k = key(ind.name)
        seen[k] = seen.get(k, 0) + 1
        node = iri("indicator", res.doc_id, k if seen[k] == 1 else f"{k}-{seen[k]}")
        add(node, rdf.type, ipg.Indicator)
        add(node, rdfs.label, zh(ind.name))
        hant(node, ind.name, ind.start, ind.end)
        add(node, belongs, outline)
        if ind.unit:
            add(node, ipg.unit, Literal(ind.unit))
        for text, value, year, p_text, p_value, p_year in (
                (ind.baseline_text, ind.baseline_value, ind.baseline_year,
                 ipg.baselineText, ipg.baselineValue, ipg.baselineYear),
                (ind.target_text, ind.target_value, ind.target_year,
                 ipg.targetText, ipg.targetValue, ipg.targetYear)):
            if text:
                add(node, p_text, Literal(text))
            if value:
                add(node, p_value, decimal(value))
            if year:
                add(node, p_year, int(year))
        if ind.nature:
            add(node, ipg.nature, NATURES[ind.nature])
        concept_label = indicator_concept(ind.name)
        concept = iri("indicator-concept", key(concept_label))
        add(node, ipg.measures, concept)
        add(concept, rdf.type, skos.Concept)
        add(concept, skos.prefLabel, zh(concept_label))
        add(concept, rdfs.label, zh(concept_label))
        add(concept, skos.inScheme, iri("scheme", "indicators"))
        add(iri("scheme", "indicators"), rdf.type, skos.ConceptScheme)
        add(iri("scheme", "indicators"), rdfs.label, Literal("ipgraph indicator concepts", language="en"))
        span(node, ind.start, ind.end)

    # A definition is one plan's (its text, span, plan): two plans defining 专利导航 give two
    # definitions, each paired with its span, of one shared concept term/专利导航.
    defined: dict[str, int] = {}
    for term in ex.terms:
        k = key(term.term)
        defined[k] = defined.get(k, 0) + 1
        node = iri("definition", res.doc_id, k if defined[k] == 1 else f"{k}-{defined[k]}")
        add(node, rdf.type, ipg.DefinedTerm)
        add(node, rdf.type, skos.Concept)
        add(node, skos.prefLabel, zh(term.term))
        hant(node, term.term, term.start, term.end)
        add(node, rdfs.label, zh(term.term))
        add(node, skos.definition, zh(term.definition))
        add(node, belongs, outline)
        span(node, term.start, term.end)
        concept = iri("term", k)
        add(node, ipg.definitionOf, concept)
        add(concept, rdf.type, skos.Concept)
        add(concept, skos.prefLabel, zh(term.term))
        add(concept, rdfs.label, zh(term.term))
        add(concept, skos.inScheme, iri("scheme", "terms"))
        add(iri("scheme", "terms"), rdf.type, skos.ConceptScheme)
        add(iri("scheme", "terms"), rdfs.label, Literal("ipgraph defined terms", language="en"))
    return tuple(sorted(out))


def _short(text: str, limit: int = 60) -> str:
    head = text.split("。", 1)[0]
    return head if len(head) <= limit else head[: limit - 1] + "…"


def _region(add, iri: Iris, region: Region, seen: set) -> None:
    if region in seen:  # a document names its region and its departments' dozens of times
        return
    seen.add(region)
    chain = divisions().chain(region)
    for r, parent in zip(chain, chain[1:] + [None]):
        node = iri.region(r.code)
        add(node, rdf.type, ipg.Region)
        add(node, rdfs.label, zh(r.name))
        add(node, ipg.level, LEVELS[r.level])
        if r.code.isdigit():
            add(node, ipg.divisionCode, Literal(r.code))
        if r.listed:  # a division since renamed or merged away (莱芜市, until 2019)
            add(node, ipg.listedFrom, int(r.listed[0]))
            add(node, ipg.listedUntil, int(r.listed[1]))
        if parent is not None:
            add(node, ipg.parentRegion, iri.region(parent.code))


def _years(add, plan: NamedNode, start: int | None, end: int | None) -> None:
    """The years a title states, as an interval (dcterms:temporal "2022/2025"); ipg:startYear and
    ipg:endYear only where they are a five-year plan's period (十四五, or 2021—2025年), which is what
    those properties name: a three-year action plan (2022—2025年) belongs to no period."""
    if not start:
        return
    add(plan, dcterms.temporal, Literal(f"{start}/{end}"))
    if start in PERIODS.values() and end == start + 4:
        add(plan, ipg.startYear, int(start))
        add(plan, ipg.endYear, int(end))


def _cited_plan(add, iri: Iris, res: Resolved, node: NamedNode, title: str, seen: set) -> None:
    add(node, rdf.type, ipg.Plan)
    add(node, dcterms.title, zh(title))
    add(node, rdfs.label, zh(title))
    add(node, dcterms.type, plan_kind(title))
    _years(add, node, *period(title))
    region = res.cited_regions.get(key(title))
    if region is not None:
        add(node, ipg.region, iri.region(region.code))
        add(node, ipg.level, LEVELS[region.level])
        _region(add, iri, region, seen)


def _department(add, iri: Iris, res: Resolved, surface: str, seen: set) -> NamedNode:
    ref = res.departments.get(surface) or department(surface, res.region, res.plan_key)
    node = iri("dept", *ref.key.split("/"))
    if ("dept", surface) in seen:
        return node
    seen.add(("dept", surface))
    add(node, rdf.type, ipg.Department)
    add(node, rdfs.label, zh(ref.label))
    for s in ref.surfaces:
        add(node, skos.altLabel, zh(s))
    if ref.region is not None:
        add(node, ipg.region, iri.region(ref.region.code))
        _region(add, iri, ref.region, seen)
    return node


def _owners(add, iri: Iris, res: Resolved, node: NamedNode, owners: list[Owner], seen: set) -> None:
    for o in owners:
        dept = _department(add, iri, res, o.surface, seen)
        add(node, ipg.responsibleDepartment, dept)
        if o.lead:
            add(node, ipg.leadDepartment, dept)
