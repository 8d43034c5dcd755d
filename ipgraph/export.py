"""Write the store out in standard RDF formats, deterministically.

Turtle and JSON-LD hold one graph: the union of every document's graph. TriG and N-Quads keep
each document in its named graph. Statements are streamed from Oxigraph's indexes by its own
serializer, in index order: that order depends only on the statements (their encoded terms), not
on the order they were loaded in, so two builds of the same corpus give byte-identical files, and
nothing is sorted or held in Python (a 10,000-document store is 8 million statements).
"""
from __future__ import annotations

import io
from contextlib import ExitStack
from itertools import chain
from pathlib import Path
from typing import IO

from pyoxigraph import DefaultGraph, RdfFormat, serialize

from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES

FORMATS = {"turtle": RdfFormat.TURTLE, "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS,
           "jsonld": RdfFormat.JSON_LD, "ntriples": RdfFormat.N_TRIPLES}
DATASET_FORMATS = {"trig", "nquads"}
SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "jsonld", ".json": "jsonld",
            ".nt": "ntriples"}

# one-level instance folders read well as prefixed names (region:420500); deeper IRIs are written in full
INSTANCE_PREFIXES = ("plan", "region", "term", "doc", "graph")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    return {**PREFIXES, **{p: f"{base}{p}/" for p in INSTANCE_PREFIXES}}


class _SortedPrefixes:
    """A binary sink that holds back the @prefix lines Oxigraph writes first (in hash order, which
    differs between runs) and writes them sorted; everything after them passes straight through."""

    def __init__(self, out: IO[bytes]):
        self.out = out
        self.head: bytes | None = b""  # None once the prefix lines are written

    def write(self, data) -> int:
        data = bytes(data)
        if self.head is None:
            self.out.write(data)
            return len(data)
        self.head += data
        lines = self.head.split(b"\n")
        k = 0
        while k < len(lines) - 1 and lines[k].startswith(b"@prefix"):
            k += 1
        if k < len(lines) - 1 or not b"@prefix".startswith(lines[k][:7]):  # a whole other line: header done
            self._release(lines, k)
        return len(data)

    def _release(self, lines: list[bytes], k: int) -> None:
        self.out.write(b"\n".join(sorted(lines[:k]) + lines[k:]))
        self.head = None

    def flush(self) -> None:
        if self.head:  # nothing but prefixes (an empty store)
            lines = self.head.split(b"\n")
            self._release(lines, sum(1 for line in lines if line.startswith(b"@prefix")))
        self.head = None
        self.out.flush()


def export(store: GraphStore, fmt: str = "turtle", output: str | Path | IO[bytes] | None = None,
           base: str = DEFAULT_BASE) -> bytes | None:
    """Serialize the store; return bytes when `output` is None, else write there."""
    rdf_format = FORMATS[fmt]
    pretty = rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG)
    with ExitStack() as stack:
        if output is None:
            sink = buffer = io.BytesIO()
        elif isinstance(output, (str, Path)):
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            sink = stack.enter_context(open(output, "wb"))
        else:
            sink = output
        if pretty:
            sink = _SortedPrefixes(sink)
        options = {"prefixes": prefixes(base)} if pretty else {}
        if fmt in DATASET_FORMATS:  # every document graph, one after the other, each in index order
            graphs = store.graphs()
            data = chain.from_iterable(store.store.quads_for_pattern(None, None, None, g) for g in graphs)
            serialize(data, sink, rdf_format, **options)
        else:
            store.store.dump(sink, rdf_format, from_graph=DefaultGraph(), **options)
        sink.flush()
    return buffer.getvalue() if output is None else None
