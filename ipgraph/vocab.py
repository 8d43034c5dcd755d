"""Every IRI ipgraph writes comes from here, so the ontology has one point of truth in code."""
from __future__ import annotations

from pyoxigraph import NamedNode

IPG = "https://w3id.org/ipgraph/ontology#"
DEFAULT_BASE = "https://w3id.org/ipgraph/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
ELI = "http://data.europa.eu/eli/ontology#"
SH = "http://www.w3.org/ns/shacl#"

# The prefixes the contract predeclares for queries, plus the instance base.
PREFIXES: dict[str, str] = {
    "ipg": IPG,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "org": ORG,
    "prov": PROV,
    "xsd": XSD,
    "owl": OWL,
    "eli": ELI,
}


def _n(ns: str, local: str) -> NamedNode:
    return NamedNode(ns + local)


class ipg:  # noqa: N801 - reads like the prefix in Turtle
    Plan = _n(IPG, "Plan")
    Task = _n(IPG, "Task")
    Project = _n(IPG, "Project")
    Department = _n(IPG, "Department")
    Indicator = _n(IPG, "Indicator")
    DefinedTerm = _n(IPG, "DefinedTerm")
    Region = _n(IPG, "Region")
    SourceDocument = _n(IPG, "SourceDocument")

    National = _n(IPG, "National")
    Provincial = _n(IPG, "Provincial")
    Municipal = _n(IPG, "Municipal")
    County = _n(IPG, "County")
    Expected = _n(IPG, "Expected")
    Binding = _n(IPG, "Binding")

    # document kinds (dcterms:type of a SourceDocument)
    PlanText = _n(IPG, "PlanText")
    DraftText = _n(IPG, "DraftText")
    Interpretation = _n(IPG, "Interpretation")
    NewsArticle = _n(IPG, "NewsArticle")

    region = _n(IPG, "region")
    level = _n(IPG, "level")
    startYear = _n(IPG, "startYear")
    endYear = _n(IPG, "endYear")
    cites = _n(IPG, "cites")
    basedOn = _n(IPG, "basedOn")
    inferredBasedOn = _n(IPG, "inferredBasedOn")
    alignsWithLevel = _n(IPG, "alignsWithLevel")
    promulgates = _n(IPG, "promulgates")
    inPlan = _n(IPG, "inPlan")
    partOf = _n(IPG, "partOf")
    text = _n(IPG, "text")
    numbering = _n(IPG, "numbering")
    sequence = _n(IPG, "sequence")
    responsibleDepartment = _n(IPG, "responsibleDepartment")
    leadDepartment = _n(IPG, "leadDepartment")
    refersTo = _n(IPG, "refersTo")
    unit = _n(IPG, "unit")
    baselineValue = _n(IPG, "baselineValue")
    targetValue = _n(IPG, "targetValue")
    baselineText = _n(IPG, "baselineText")
    targetText = _n(IPG, "targetText")
    baselineYear = _n(IPG, "baselineYear")
    targetYear = _n(IPG, "targetYear")
    nature = _n(IPG, "nature")
    describes = _n(IPG, "describes")
    about = _n(IPG, "about")
    draftOf = _n(IPG, "draftOf")
    definitionOf = _n(IPG, "definitionOf")
    listedFrom = _n(IPG, "listedFrom")
    listedUntil = _n(IPG, "listedUntil")
    documentNumber = _n(IPG, "documentNumber")
    divisionCode = _n(IPG, "divisionCode")
    parentRegion = _n(IPG, "parentRegion")
    measures = _n(IPG, "measures")
    charStart = _n(IPG, "charStart")
    charEnd = _n(IPG, "charEnd")
    sha256 = _n(IPG, "sha256")


class rdf:  # noqa: N801
    type = _n(RDF, "type")


class rdfs:  # noqa: N801
    label = _n(RDFS, "label")


class skos:  # noqa: N801
    Concept = _n(SKOS, "Concept")
    ConceptScheme = _n(SKOS, "ConceptScheme")
    inScheme = _n(SKOS, "inScheme")
    prefLabel = _n(SKOS, "prefLabel")
    altLabel = _n(SKOS, "altLabel")
    definition = _n(SKOS, "definition")


class dcterms:  # noqa: N801
    title = _n(DCTERMS, "title")
    identifier = _n(DCTERMS, "identifier")
    publisher = _n(DCTERMS, "publisher")
    issued = _n(DCTERMS, "issued")
    temporal = _n(DCTERMS, "temporal")
    type = _n(DCTERMS, "type")
    format = _n(DCTERMS, "format")


class prov:  # noqa: N801
    wasDerivedFrom = _n(PROV, "wasDerivedFrom")


class xsd:  # noqa: N801
    integer = _n(XSD, "integer")
    decimal = _n(XSD, "decimal")
    date = _n(XSD, "date")

