"""Stage 7: the persistent Oxigraph store. One named graph per source document.

Replacing a document's graph is one SPARQL update, so it is atomic; new documents are
bulk-loaded in batches through a journal. Either way a build killed midway leaves each document
whole: as it was before, or as built. A second process opening the same store waits, then is
refused with a clear message instead of corrupting it.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import threading
import time
from pathlib import Path
from typing import Iterable, Sequence

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse

from .errors import IpgraphError

DEFAULT_STORE = ".ipgraph"
_DB = "oxigraph"
_LOG = "ingest.json"
_LOCK = "lock"
_JOURNAL = "pending.nq"
_SNAPSHOTS = "snapshots"
_CURRENT = "current"
_READERS = "readers.lock"
ATOMIC_LIMIT = 200_000
# Statements of new documents gathered per bulk load. Each load leaves its own files, which RocksDB
# then compacts in the background: at 20,000 a build of 1,000 documents spent 54 s of CPU in its
# main process, at 200,000 32 s (bench/); more gained nothing.
BATCH = 200_000
LOG_EVERY = 500  # documents recorded between writes of the ingest log during a build
# GRAPH and FROM are the only ways a query reaches the per-document graphs; strings, IRIs and
# comments are matched first so that the words inside them do not count
_TOKENS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|\b(GRAPH|FROM)\b', re.I)


def _reaches_named_graphs(sparql: str) -> bool:
    return any(m.group(1) for m in _TOKENS.finditer(sparql))


def _block(lines: Sequence[str]) -> str:
    return "\n" + " .\n".join(lines) + " .\n"


def line(statement: Quad) -> str:
    """A statement as one N-Triples line without the final dot, the form documents travel in."""
    return f"{statement.subject} {statement.predicate} {statement.object}"


def triple(text: str):
    """An N-Triples statement (without the final dot) back into terms."""
    return next(parse(text + " .", RdfFormat.N_TRIPLES)).triple


def _remove_unless_read(snapshot: Path) -> None:
    try:
        handle = open(snapshot / _READERS, "a")
    except OSError:
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a reader has it open
            return
        shutil.rmtree(snapshot, ignore_errors=True)


def _lock(path: Path, wait: float):
    handle = open(path, "a+")
    mode = fcntl.LOCK_EX | fcntl.LOCK_NB
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

    Each source document's statements live in its own named graph (provenance, replace-per-
    document). The default graph holds their merge as a set: what every document says, once.
    Queries read the default graph, so a statement made by 60 documents (a national plan's label)
    is one row, not 60; Oxigraph's union-of-graphs mode keeps one copy per graph, and joins over
    shared nodes then grow as a power of the number of documents.

    Writers (`exclusive`) hold a lock file, so a second build waits up to `wait` seconds and is
    then refused with a clear message. Readers (query, export, serve) never open the store a
    writer writes (Oxigraph leaves that undefined, and it does fail while a build compacts): the
    writer publishes a snapshot after each batch and at the end (`_publish`), and readers open the
    newest one. So they see the store as of the last batch, and neither block nor are blocked by
    a build.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, create: bool = True, exclusive: bool = True,
                 wait: float | None = None, memory: bool = False):
        self.path = Path(path)
        db = self.path / _DB
        if not create and not db.exists():
            raise IpgraphError(f"no store at {self.path}: run 'ipgraph build' first (or pass --store)")
        self.path.mkdir(parents=True, exist_ok=True)
        if wait is None:
            wait = float(os.environ.get("IPGRAPH_LOCK_WAIT", "10"))
        self._log: dict | None = None
        self._merged_in_memory: Store | None = None
        self._unsaved = 0
        self._pending: list[tuple[NamedNode, Sequence[str]]] = []
        self._pending_size = 0
        self._bulk_loaded = 0
        self._loading: threading.Thread | None = None  # the batch being bulk-loaded in the background
        self._loading_graphs: set[NamedNode] = set()
        self._load_error: BaseException | None = None
        self.new_documents = 0  # bulk-loaded by this writer
        self.changed: set[str] = set()  # statements a replacement added to or removed from a graph
        self.changed_graphs: set[NamedNode] = set()  # graphs this writer created, changed or dropped
        try:
            if exclusive:
                self._lock = _lock(self.path / _LOCK, wait)
                self.store = Store(str(db))
                self._recover()
            else:
                self.store = self._open_snapshot(db)
                if memory:
                    self._merged_in_memory = self._in_memory()
        except (OSError, RuntimeError) as exc:  # RocksDB reports a damaged store as RuntimeError
            raise IpgraphError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from None

    def _publish(self) -> None:
        """A snapshot for readers: an Oxigraph backup (hard links to the store's files, about a
        millisecond), named in `current`. Older snapshots go, unless a reader still holds one."""
        snapshots = self.path / _SNAPSHOTS
        snapshots.mkdir(exist_ok=True)
        name = str(time.time_ns())
        self.store.backup(str(snapshots / name))
        (snapshots / name / _READERS).touch()
        tmp = self.path / (_CURRENT + ".tmp")
        tmp.write_text(name, encoding="utf-8")
        tmp.replace(self.path / _CURRENT)
        for old in snapshots.iterdir():
            if old.name != name:
                _remove_unless_read(old)

    def _open_snapshot(self, db: Path) -> Store:
        current = self.path / _CURRENT
        if not current.exists():  # a store last written before snapshots were published
            return Store.read_only(str(db))
        for _ in range(100):
            snapshot = self.path / _SNAPSHOTS / current.read_text(encoding="utf-8").strip()
            try:
                handle = open(snapshot / _READERS)
            except FileNotFoundError:  # replaced and removed since `current` was read
                continue
            fcntl.flock(handle, fcntl.LOCK_SH)
            if (snapshot / "CURRENT").exists():  # a writer removes a snapshot only under LOCK_EX
                self._reading = handle
                return Store.read_only(str(snapshot))
            handle.close()
        raise IpgraphError(f"cannot open store {self.path}: no snapshot stayed long enough to be opened")

    def _in_memory(self) -> Store:
        """The merged graph copied into memory, for a long-running reader such as the SPARQL
        server. Oxigraph on disk reads through RocksDB; in memory, queries written plainly ran 2-4x
        faster on 1,000 documents, the named ones (hash joins, written for the disk) mostly slower (bench/). Only the merge is copied: in Oxigraph's
        memory store, default-graph patterns also scan the per-document copies of each statement."""
        copy = Store()
        copy.bulk_extend(self.triples())
        return copy

    def put(self, graph: NamedNode, triples: Sequence[str]) -> int:
        """Store a document's N-Triples statements (without the final dot) as `graph`.

        A graph the store already holds is replaced at once, in one transaction (`replace_lines`).
        New graphs are gathered and bulk-loaded together by `commit`, which is several times faster
        than transactional inserts: Oxigraph then writes sorted files instead of checking each
        statement in each index.
        """
        if graph in self._loading_graphs or any(g == graph for g, _ in self._pending):
            self.commit()
            self._settle()
        if self.store.contains_named_graph(graph):
            return self.replace_lines(graph, triples)
        self._pending.append((graph, triples))
        self._pending_size += len(triples)
        self.changed_graphs.add(graph)
        if self._pending_size >= BATCH:
            self.commit()
        return len(triples)

    def commit(self) -> None:
        """Start bulk-loading the gathered new graphs and their share of the merge.

        The load runs in a thread (Oxigraph releases the GIL), so that a build goes on reading
        results from its workers meanwhile; one batch loads at a time, and every other operation
        on the store waits for it first (`_settle`). A bulk load is not a transaction, so the batch
        goes to a journal first; a build killed during the load leaves the journal, and the next
        writer to open the store takes those graphs out again (`_recover`): every document is then
        whole or absent.
        """
        if not self._pending:
            return
        self._settle()
        journal, tmp = self.path / _JOURNAL, self.path / (_JOURNAL + ".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            for graph, triples in self._pending:
                if triples:  # one join per document, not a string formatted per statement: 6 ms a document became 2 ms
                    out.write(f" {graph} .\n".join(triples) + f" {graph} .\n")
                    out.write(" .\n".join(triples) + " .\n")
        tmp.replace(journal)
        self._bulk_loaded += self._pending_size
        self.new_documents += len(self._pending)
        self._loading_graphs = {g for g, _ in self._pending}
        self._pending, self._pending_size = [], 0
        # Every document the log lists now is stored or in this batch, so the log as it is now may be
        # written once the batch is loaded: by the loading thread, instead of making the build wait for
        # the load (which left a core idle for seconds every 500 documents).
        log = None
        if self._unsaved >= LOG_EVERY:
            log, self._unsaved = dict(self._log), 0
        self._loading = threading.Thread(target=self._load, args=(journal, log), name="ipgraph-bulk-load")
        self._loading.start()

    def _load(self, journal: Path, log: dict | None) -> None:
        try:
            self.store.bulk_load(path=str(journal), format=RdfFormat.N_QUADS, lenient=True)
            journal.unlink()
            self._publish()
            if log is not None:
                self._write_log(log)
        except BaseException as exc:  # raised again in the thread that waits for the load
            self._load_error = exc

    def _settle(self) -> None:
        """Wait for the batch being bulk-loaded in the background, if any, and raise what it raised."""
        if self._loading is None:
            return
        self._loading.join()
        self._loading, self._loading_graphs = None, set()
        error, self._load_error = self._load_error, None
        if error is not None:
            try:
                raise error
            finally:
                error = None  # a frame that holds the exception it raises keeps this store, and its lock, alive

    def _recover(self) -> None:
        """Undo a bulk load that a killed build left unfinished (see `commit`)."""
        journal = self.path / _JOURNAL
        if not journal.exists():
            return
        graphs, merged = set(), set()
        for q in parse(path=str(journal), format=RdfFormat.N_QUADS, lenient=True):
            if isinstance(q.graph_name, NamedNode):
                graphs.add(q.graph_name)
            else:
                merged.add(q.triple)
        gone = [line(t) for t in merged if not self._stated_elsewhere(t, graphs)]
        ops = [f"DELETE DATA {{ {_block(gone)} }}"] if gone else []
        ops += [f"DROP SILENT GRAPH {g}" for g in sorted(graphs, key=str)]
        if ops:
            self.store.update(" ;\n".join(ops))
        journal.unlink()

    def replace_graph(self, graph: NamedNode, quads: list[Quad]) -> int:
        """Put exactly these quads in `graph`, dropping what it held."""
        return self.replace_lines(graph, sorted({line(q) for q in quads}))

    def _stated_elsewhere(self, statement, graphs: set[NamedNode]) -> bool:
        """Whether a document graph other than `graphs` states this (subject, predicate, object)."""
        s, p, o = statement
        return any(isinstance(q.graph_name, NamedNode) and q.graph_name not in graphs
                   for q in self.store.quads_for_pattern(s, p, o, None))

    def _orphans(self, graph: NamedNode, leaving: set[str]) -> list[str]:
        """Of the statements leaving `graph`, those no other document states: they leave the merge."""
        return [t for t in sorted(leaving) if not self._stated_elsewhere(triple(t), {graph})]

    def replace_lines(self, graph: NamedNode, triples: Sequence[str]) -> int:
        """Put exactly these N-Triples statements (without the final dot) in `graph`, and keep the
        merged default graph in step.

        Only the difference is written, so re-building an unchanged document writes nothing. Up to
        ATOMIC_LIMIT statements this is one SPARQL update, hence one transaction: a build killed
        midway leaves the document as it was. Beyond that (a 50 MB text gives some 700,000) one
        transaction would take minutes and gigabytes, so the old graph is dropped and the new one
        bulk-loaded as a new document's (`commit`); a build killed in between leaves that one
        document out until the next build, and every other document as it was.
        """
        self._settle()
        current = {line(q) for q in self.store.quads_for_pattern(None, None, None, graph)}
        new = set(triples)
        if new == current:
            return len(triples)
        gone = self._orphans(graph, current - new)
        self.changed |= current ^ new
        self.changed_graphs.add(graph)
        if len(triples) <= ATOMIC_LIMIT:
            removed, added = sorted(current - new), sorted(new - current)
            ops = [f"DELETE DATA {{ {_block(gone)} }}"] if gone else []
            ops += [f"DELETE DATA {{ GRAPH {graph} {{ {_block(removed)} }} }}"] if removed else []
            ops += [f"INSERT DATA {{ GRAPH {graph} {{ {_block(added)} }} }}", f"INSERT DATA {{ {_block(added)} }}"] \
                if added else []
            self.store.update(" ;\n".join(ops))
        else:
            ops = [f"DELETE DATA {{ {_block(gone)} }}"] if gone else []
            self.store.update(" ;\n".join(ops + [f"DROP SILENT GRAPH {graph}"]))
            self.put(graph, triples)  # now a new graph, of more than BATCH statements: loaded at once
        return len(triples)

    def remove(self, graph: NamedNode) -> None:
        """Take a document's graph out, and its statements out of the merge where no other document
        states them: one SPARQL update, so one transaction."""
        self.commit()
        self._settle()
        current = {line(q) for q in self.store.quads_for_pattern(None, None, None, graph)}
        gone = self._orphans(graph, current)
        self.changed |= current
        self.changed_graphs.add(graph)
        ops = [f"DELETE DATA {{ {_block(gone)} }}"] if gone else []
        self.store.update(" ;\n".join(ops + [f"DROP SILENT GRAPH {graph}"]))

    def graphs(self) -> list[NamedNode]:
        self._settle()
        return sorted(self.store.named_graphs(), key=str)

    def quads(self) -> Iterable[Quad]:
        """Every document's statements, in its named graph."""
        self._settle()
        return (q for q in self.store.quads_for_pattern(None, None, None, None) if isinstance(q.graph_name, NamedNode))

    def triples(self) -> Iterable[Quad]:
        """The merge: each statement once."""
        self._settle()
        return self.store.quads_for_pattern(None, None, None, DefaultGraph())

    def graph(self, graph: NamedNode) -> Iterable[Quad]:
        """One document's statements."""
        self._settle()
        return self.store.quads_for_pattern(None, None, None, graph)

    def graphs_stating(self, predicate: NamedNode, obj) -> list[NamedNode]:
        """The document graphs that hold a statement of this predicate and object."""
        self._settle()
        return sorted({q.graph_name for q in self.store.quads_for_pattern(None, predicate, obj, None)
                       if isinstance(q.graph_name, NamedNode)}, key=str)

    def about(self, subject: NamedNode | None, predicate: NamedNode | None = None,
              obj: NamedNode | None = None) -> Iterable[Quad]:
        """The statements of the merge that match a pattern (None matches anything)."""
        self._settle()
        return self.store.quads_for_pattern(subject, predicate, obj, DefaultGraph())

    def __len__(self) -> int:
        """Statements in the merged graph."""
        return sum(1 for _ in self.triples())

    def query(self, sparql: str, **kw):
        """SPARQL over the merged graph (GRAPH ?g reaches each document's own). With `memory`,
        queries that cannot reach a named graph (no GRAPH, no FROM) run on the copy in memory."""
        self._settle()
        if self._merged_in_memory is not None and not _reaches_named_graphs(sparql):
            return self._merged_in_memory.query(sparql, **kw)
        return self.store.query(sparql, **kw)

    def log(self) -> dict:
        p = self.path / _LOG
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}

    def logged(self) -> dict:
        """The ingest log as this writer has it: document id → path, sha256, statements, time."""
        if self._log is None:
            self._log = self.log()
        return self._log

    def forget(self, doc_id: str) -> None:
        """Take a removed document out of the ingest log."""
        if self.logged().pop(doc_id, None) is not None:
            self._unsaved += 1

    def record(self, doc_id: str, path: str, sha256: str, triples: int) -> None:
        """Note a built document in the ingest log (written every LOG_EVERY documents and at the end)."""
        if self._log is None:
            self._log = self.log()
        self._log[doc_id] = {"path": path, "sha256": sha256, "triples": triples,
                             "ingested": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        self._unsaved += 1
        if self._unsaved >= LOG_EVERY and not self._pending and self._loading is None:
            self.save_log()  # nothing to wait for; else the next batch's load writes it (`commit`)

    def save_log(self) -> None:
        """Write the ingest log, after the statements it lists are stored."""
        self.commit()
        self._settle()
        if not self._unsaved:
            return
        self._write_log(self._log)
        self._unsaved = 0

    def _write_log(self, log: dict) -> None:
        tmp = self.path / (_LOG + ".tmp")
        tmp.write_text(json.dumps(log, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path / _LOG)

    def flush(self) -> None:
        """Write everything out, and compact when this writer bulk-loaded a tenth of the store or
        more: each bulk load leaves its own files, and queries over many small files ran 1.3-2x
        slower (bench/, 100 and 1,000 documents). Compaction rewrites the whole store, so adding a
        few documents to a large one does not trigger it."""
        self.commit()
        self._settle()
        self.store.flush()
        total = sum(entry["triples"] for entry in (self._log or {}).values())
        if self._bulk_loaded and self._bulk_loaded >= total // 10:
            self.store.optimize()
            self._bulk_loaded = 0
        self._publish()
