"""A DCAT and VoID description of the dataset, for portals that harvest catalogues."""
from __future__ import annotations

import datetime

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from .store import GraphStore
from .vocab import DCTERMS, DEFAULT_BASE, IPG, PREFIXES, RDF, RDFS, XSD

DCAT = "http://www.w3.org/ns/dcat#"
VOID = "http://rdfs.org/ns/void#"
FOAF = "http://xmlns.com/foaf/0.1/"

_DISTRIBUTIONS = [("turtle", "text/turtle", "ipgraph.ttl"), ("trig", "application/trig", "ipgraph.trig"),
                  ("jsonld", "application/ld+json", "ipgraph.jsonld"), ("nquads", "application/n-quads", "ipgraph.nq")]


def _namespace(iri: str) -> str:
    return iri[: iri.rindex("#") + 1] if "#" in iri else iri[: iri.rindex("/") + 1]


def describe(store: GraphStore, base: str = DEFAULT_BASE, title: str = "ipgraph: Chinese government plans as linked data",
             publisher: str = "ipgraph", license_iri: str = "https://creativecommons.org/licenses/by/4.0/",
             download_base: str | None = None, endpoint: str | None = None) -> bytes:
    ds = NamedNode(base + "dataset")
    n = NamedNode
    out: list[Triple] = []

    def add(s, p, o):
        out.append(Triple(s, p, o))

    count = len(store)
    vocabularies = sorted({_namespace(q.predicate.value) for q in store.triples()})
    classes = {}
    for row in store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
        classes[row["c"].value] = int(row["n"].value)
    today = datetime.date.today().isoformat()
    add(ds, n(RDF + "type"), n(DCAT + "Dataset"))
    add(ds, n(RDF + "type"), n(VOID + "Dataset"))
    add(ds, n(DCTERMS + "title"), Literal(title, language="en"))
    add(ds, n(DCTERMS + "description"), Literal(
        "Plans (规划), their tasks, responsible departments, key projects, indicators, defined terms and lineage, "
        "extracted from published plan documents by ipgraph.", language="en"))
    add(ds, n(DCTERMS + "publisher"), Literal(publisher))
    add(ds, n(DCTERMS + "license"), n(license_iri))
    add(ds, n(DCTERMS + "modified"), Literal(today, datatype=n(XSD + "date")))
    add(ds, n(DCTERMS + "conformsTo"), n(IPG.rstrip("#")))
    add(ds, n(VOID + "triples"), Literal(str(count), datatype=n(XSD + "integer")))
    add(ds, n(VOID + "uriSpace"), Literal(base))
    for v in vocabularies:
        add(ds, n(VOID + "vocabulary"), n(v))
    for i, (cls, k) in enumerate(sorted(classes.items())):
        part = n(f"{base}dataset/class/{i}")
        add(ds, n(VOID + "classPartition"), part)
        add(part, n(VOID + "class"), n(cls))
        add(part, n(VOID + "entities"), Literal(str(k), datatype=n(XSD + "integer")))
    if endpoint:
        add(ds, n(VOID + "sparqlEndpoint"), n(endpoint))
        service = n(base + "dataset/sparql")
        add(ds, n(DCAT + "distribution"), service)
        add(service, n(RDF + "type"), n(DCAT + "DataService"))
        add(service, n(DCAT + "endpointURL"), n(endpoint))
    for fmt, media, name in _DISTRIBUTIONS:
        dist = n(f"{base}dataset/{fmt}")
        add(ds, n(DCAT + "distribution"), dist)
        add(dist, n(RDF + "type"), n(DCAT + "Distribution"))
        add(dist, n(DCAT + "mediaType"), n(f"https://www.iana.org/assignments/media-types/{media}"))
        add(dist, n(RDFS + "label"), Literal(name))
        if download_base:
            add(dist, n(DCAT + "downloadURL"), n(download_base.rstrip("/") + "/" + name))
    return serialize(sorted(out, key=str), None, RdfFormat.TURTLE,
                     prefixes={**PREFIXES, "dcat": DCAT, "void": VOID, "foaf": FOAF})
