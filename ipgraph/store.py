"""Stage 7: the persistent Oxigraph store. One named graph per source document.

Replacing a document's graph is one SPARQL update, so it is atomic: a build killed midway
leaves the document as it was before. A second process opening the same store is refused
with a clear message instead of corrupting it.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Iterable

from pyoxigraph import NamedNode, Quad, Store

from .errors import IpgraphError

DEFAULT_STORE = ".ipgraph"
_DB = "oxigraph"
_LOG = "ingest.json"
_LOCK = "lock"
ATOMIC_LIMIT = 200_000


def _lock(path: Path, exclusive: bool, wait: float):
    handle = open(path, "a+")
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, mode)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise IpgraphError(f"store {path.parent} is in use by another ipgraph process; "
                                   "try again when it ends") from None
            time.sleep(0.2)


class GraphStore:
    """An Oxigraph store on disk plus the ingest log (file paths and times, kept out of the RDF).

    Oxigraph does not stop two processes from opening one store, so a lock file does: a writer
    (`exclusive`) holds it alone, readers share it. Whoever cannot get it within `wait` seconds
    is refused with a clear message.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, create: bool = True, exclusive: bool = True,
                 wait: float | None = None):
        self.path = Path(path)
        db = self.path / _DB
        if not create and not db.exists():
            raise IpgraphError(f"no store at {self.path}: run 'ipgraph build' first (or pass --store)")
        self.path.mkdir(parents=True, exist_ok=True)
        if wait is None:
            wait = float(os.environ.get("IPGRAPH_LOCK_WAIT", "10"))
        self._lock = _lock(self.path / _LOCK, exclusive, wait)
        try:
            self.store = Store(str(db))
        except OSError as exc:
            raise IpgraphError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from None

    def replace_graph(self, graph: NamedNode, quads: list[Quad]) -> int:
        """Put exactly these quads in `graph`, dropping what it held.

        Up to ATOMIC_LIMIT statements this is one SPARQL update, hence one transaction: a build
        killed midway leaves the document as it was. Beyond that (a 50 MB text gives about a
        million) one transaction would take minutes and gigabytes, so the old graph is dropped and
        the new one bulk-loaded; a build killed in between leaves that one document out until the
        next build, and every other document as it was.
        """
        triples = sorted({f"{q.subject} {q.predicate} {q.object}" for q in quads})
        if len(triples) <= ATOMIC_LIMIT:
            body = " .\n".join(triples)
            self.store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        else:
            self.store.update(f"DROP SILENT GRAPH {graph}")
            self.store.bulk_extend({Quad(q.subject, q.predicate, q.object, graph) for q in quads})
        return len(triples)

    def remove_graph(self, graph: NamedNode) -> None:
        self.store.update(f"DROP SILENT GRAPH {graph}")

    def graphs(self) -> list[NamedNode]:
        return sorted(self.store.named_graphs(), key=str)

    def quads(self) -> Iterable[Quad]:
        return self.store.quads_for_pattern(None, None, None, None)

    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, **kw):
        """SPARQL over the union of all document graphs."""
        return self.store.query(sparql, use_default_graph_as_union=True, **kw)

    def log(self) -> dict:
        p = self.path / _LOG
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}

    def record(self, doc_id: str, path: str, sha256: str, triples: int) -> None:
        log = self.log()
        log[doc_id] = {"path": path, "sha256": sha256, "triples": triples,
                       "ingested": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        tmp = self.path / (_LOG + ".tmp")
        tmp.write_text(json.dumps(log, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path / _LOG)

    def flush(self) -> None:
        self.store.flush()
