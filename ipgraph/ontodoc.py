"""An HTML page documenting the ontology (classes, properties, controlled values), from ontology/*.ttl.

Run: python -m ipgraph.ontodoc [OUTPUT]   (default docs/ontology.html)
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from .vocab import IPG, PREFIXES

ONTOLOGY = Path(__file__).parent / "ontology" / "ipgraph.ttl"


def _q(g: rdflib.Graph, term) -> str:
    for prefix, ns in PREFIXES.items():
        if str(term).startswith(ns):
            return f"{prefix}:{str(term)[len(ns):]}"
    return str(term)


def _labels(g, s, p) -> str:
    by_lang = {o.language: str(o) for o in g.objects(s, p)}
    return " / ".join(html.escape(by_lang[k]) for k in ("zh", "en") if k in by_lang)


def _row(g, s) -> str:
    links = []
    for p, name in ((RDFS.subClassOf, "⊑"), (RDFS.subPropertyOf, "⊑"), (RDFS.domain, "domain"), (RDFS.range, "range"),
                    (RDF.type, "a")):
        for o in sorted(g.objects(s, p), key=str):
            if p == RDF.type and o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
                continue
            links.append(f"{name} <code>{html.escape(_q(g, o))}</code>")
    local = str(s)[len(IPG):]
    return (f'<tr id="{html.escape(local)}"><td><code>ipg:{html.escape(local)}</code></td><td>{_labels(g, s, RDFS.label)}</td>'
            f"<td>{_labels(g, s, RDFS.comment)}</td><td>{'<br>'.join(links)}</td></tr>")


def render(path: Path = ONTOLOGY) -> str:
    g = rdflib.Graph().parse(path, format="turtle")
    ont = next(g.subjects(RDF.type, OWL.Ontology))
    sections = []
    for title, kinds in (("Classes 类", [OWL.Class]), ("Properties 属性", [OWL.ObjectProperty, OWL.DatatypeProperty])):
        terms = sorted({s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(IPG)}, key=str)
        rows = "".join(_row(g, s) for s in terms)
        sections.append(f"<h2>{title}</h2><table><tr><th>term</th><th>label</th><th>comment</th><th>relations</th></tr>{rows}</table>")
    values = sorted({s for s in g.subjects(RDF.type, None) if str(s).startswith(IPG)
                     and not set(g.objects(s, RDF.type)) & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}}, key=str)
    sections.append("<h2>Controlled values 取值</h2><table><tr><th>term</th><th>label</th><th>comment</th><th>relations</th></tr>"
                    + "".join(_row(g, s) for s in values) + "</table>")
    meta = (f"<p><code>{html.escape(str(ont))}</code> · version {html.escape(str(g.value(ont, OWL.versionInfo)))} · "
            f"version IRI <code>{html.escape(str(g.value(ont, OWL.versionIRI)))}</code></p>"
            f"<p>{html.escape(str(g.value(ont, rdflib.URIRef('http://purl.org/dc/terms/description'))))}</p>")
    return ("<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>ipgraph ontology</title><style>"
            "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}"
            "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}code{color:#1a5}"
            "</style></head><body><h1>ipgraph ontology 规划知识图谱本体</h1>" + meta + "".join(sections) + "</body></html>")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/ontology.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
