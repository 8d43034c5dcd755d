"""Write the store out in standard RDF formats, deterministically.

Turtle and JSON-LD hold one graph: the union of every document's graph. TriG and N-Quads keep
each document in its named graph. Statements are sorted before writing, so two builds of the
same corpus give byte-identical files.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES

FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
           "jsonld": RdfFormat.JSON_LD, "ntriples": RdfFormat.N_TRIPLES}
DATASET_FORMATS = {"trig", "nquads"}
SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "jsonld", ".json": "jsonld",
            ".nt": "ntriples"}


def _order(term) -> tuple:
    return (type(term).__name__, str(term))


def triples(store: GraphStore) -> list[Triple]:
    return sorted((q.triple for q in store.triples()), key=lambda t: tuple(map(_order, t)))


def quads(store: GraphStore) -> list[Quad]:
    return sorted(store.quads(), key=lambda q: (str(q.graph_name), *map(_order, (q.subject, q.predicate, q.object))))


# one-level instance folders read well as prefixed names (region:420500); deeper IRIs are written in full
INSTANCE_PREFIXES = ("plan", "region", "term", "doc", "graph")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    return {**PREFIXES, **{p: f"{base}{p}/" for p in INSTANCE_PREFIXES}}


def _sort_prefix_lines(data: bytes) -> bytes:
    """Oxigraph writes prefixes in hash order; sort them so output is byte-identical across runs."""
    lines = data.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix"):
        k += 1
    return b"\n".join(sorted(lines[:k]) + lines[k:])


def export(store: GraphStore, fmt: str = "turtle", output: str | Path | IO[bytes] | None = None,
           base: str = DEFAULT_BASE) -> bytes | None:
    """Serialize the store; return bytes when `output` is None, else write there."""
    rdf_format = FORMATS[fmt]
    data = quads(store) if fmt in DATASET_FORMATS else triples(store)
    pretty = rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG)
    out = serialize(data, None, rdf_format, prefixes=prefixes(base) if pretty else None)
    if pretty:
        out = _sort_prefix_lines(out)
    if output is None:
        return out
    if isinstance(output, (str, Path)):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_bytes(out)
    else:
        output.write(out)
    return None
