"""The whole pipeline for one file, and a build over many: load → clean → outline → extract →
resolve → RDF → store. This is the library entry point a notebook imports."""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import clean as clean_stage
from . import load as load_stage
from . import outline as outline_stage
from .errors import IpgraphError
from .explorer.index import DocumentRows, Update, read_lines
from .extract import extract
from .infer import infer_lineage
from .lifeline import die_with_parent, rss_mb
from .limits import Limits
from .rdf import Iris, to_lines
from .resolve import Resolved, document_ids, resolve
from .store import GraphStore
from .vocab import DEFAULT_BASE


def process(path: str | Path, document: str | None = None) -> Resolved:
    """Read one file and return everything ipgraph knows about it, before RDF. `document` is its
    id (see resolve.document_ids; by default the file's name)."""
    source = load_stage.load(path)
    cleaned = clean_stage.clean(source)
    outline = outline_stage.parse(cleaned)
    extraction = extract(outline, fallback_title=source.path.stem, meta=cleaned.meta)
    return resolve(source, cleaned, extraction, document)


@dataclass
class BuildReport:
    built: list[tuple[str, int]] = field(default_factory=list)   # (file, triples)
    failed: list[str] = field(default_factory=list)              # "file: reason"
    removed: list[str] = field(default_factory=list)             # document ids taken out (renamed, pruned)
    seconds: float = 0.0


@dataclass(frozen=True)
class Statements:
    """One document's graph, as N-Triples lines, and its rows of the explorer's index: cheap to
    send back from a worker process."""
    path: str
    doc_id: str
    sha256: str
    lines: tuple[str, ...]
    rows: DocumentRows | None = None


# exceptions a library raises on a malformed or oversized file: the user's to fix, not a bug
_USER_CAUSED = {"XMLSyntaxError": "malformed XML inside the file", "BadZipFile": "damaged zip container",
                "error": "damaged compressed data", "EOFError": "the file ends early",
                "RecursionError": "nested too deeply to read", "MemoryError": "too large to read in memory",
                "UnicodeDecodeError": "text in an encoding its header misstates"}


def statements(path: str, base: str = DEFAULT_BASE, document: str | None = None) -> Statements | str:
    """The statements of one file, or the one-line reason it could not be read."""
    try:
        res = process(path, document)
        lines = to_lines(res, base)
        return Statements(path, res.doc_id, res.source.sha256, lines, read_lines(res.doc_id, lines, res.source.text))
    except IpgraphError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the rest of a corpus from building
        name = type(exc).__name__
        if name in _USER_CAUSED:
            return f"{path}: {_USER_CAUSED[name]} ({name})"
        return f"{path}: internal error, please report: {name}: {exc}"


def _warm() -> None:
    from .nlp import get_nlp

    get_nlp()  # spaCy and the division table load once per worker, not once per file


def _admit(path: str, limits: Limits) -> str | None:
    """Why a file is not even opened (a device, a pipe, over the size limit), or None."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # reading it says what is wrong
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        return f"{path}: not a regular file (a device, pipe or socket): not read"
    if st.st_size > limits.max_file_mb * 1e6:
        return (f"{path}: too large ({st.st_size / 1e6:.1f} MB; the limit is {limits.max_file_mb:g} MB, "
                "see --max-file-mb)")
    return None


# formats a folder may hold that ipgraph cannot read: named, so that no document goes missing unseen
_UNSUPPORTED = {".doc": "old binary Word (.doc) file: save it as .docx", ".wps": "WPS file: save it as .docx",
                ".rtf": "RTF file: save it as .docx", ".odt": "OpenDocument file: save it as .docx",
                ".xls": "spreadsheet: not read", ".xlsx": "spreadsheet: not read", ".et": "spreadsheet: not read",
                ".ppt": "presentation: not read", ".pptx": "presentation: not read"}


def unreadable(paths: list[str | Path]) -> list[str]:
    """In the folders among `paths`: documents of formats ipgraph does not read, and sub-folders
    it cannot enter, each as "path: reason"."""
    out: list[str] = []
    for raw in paths:
        if not Path(raw).is_dir():
            continue
        for folder, dirs, names in os.walk(raw, onerror=lambda e: out.append(f"{e.filename}: folder not read "
                                                                             f"({e.strerror})")):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(f"{Path(folder) / n}: {_UNSUPPORTED[Path(n).suffix.lower()]}" for n in sorted(names)
                       if Path(n).suffix.lower() in _UNSUPPORTED and not n.startswith("."))
    return out


_LINEAGE_STALE = "lineage.stale"  # written before a build's first write, removed once the lineage is recomputed


def build(paths: list[str | Path], store: GraphStore, base: str = DEFAULT_BASE, workers: int | None = None,
          on_file=None, prune: bool = False, limits: Limits = Limits()) -> BuildReport:
    """Build files and folders into the store. Files are read in worker processes (all cores when
    there are enough files), under `limits`; writes stay in this process, in file order, so the
    graph is the same whatever the order in which workers finish. With `prune`, documents whose
    files are gone are taken out (see `remove`)."""
    start = time.perf_counter()
    docs = [(str(f), d) for f, d in document_ids(paths)]
    files = [f for f, _ in docs]
    gone: dict[str, list[str]] = {}  # sha256 → documents whose files are no longer where they were built
    built: dict[str, list[str]] = {}  # path → documents built from it
    for d, entry in store.logged().items():
        built.setdefault(entry["path"], []).append(d)
        if not Path(entry["path"]).exists():
            gone.setdefault(entry["sha256"], []).append(d)
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= 8 else 1
    report = BuildReport(failed=unreadable(paths))
    stale = store.path / _LINEAGE_STALE
    force = stale.exists()  # a build was cut off before it recomputed the inferred lineage
    stale.touch()
    index = Update(store)  # the explorer's search index, updated document by document as they are stored
    try:
        for result in _extract(docs, base, max(1, workers), limits):
            _store_one(result, store, base, report, on_file, gone, built, index)
        if prune:
            report.removed += _drop(store, sorted(d for ds in gone.values() for d in ds), base)
        store.save_log()
        infer_lineage(store, base, force=force or bool(report.removed))
        # the final compaction runs in Oxigraph without the GIL: the index reads the merged graph meanwhile
        with ThreadPoolExecutor(1, thread_name_prefix="ipgraph-flush") as pool:
            flushed = pool.submit(store.flush)
            index.sync()  # documents taken out, and any the index missed; then plans' and departments' rows
            flushed.result()
        stale.unlink()
    finally:
        index.close()
    report.seconds = time.perf_counter() - start
    return report


def _extract(docs: list[tuple[str, str]], base: str, workers: int, limits: Limits):
    """Each file's Statements or reason, in file order, read by worker processes under the limits;
    at most 4 files per worker wait in memory to be stored."""
    files = [f for f, _ in docs]
    pool = _Extractors(min(workers, max(1, len(files))), base)
    results: dict[int, Statements | str] = {}
    handed = stored = 0
    try:
        while stored < len(files):
            while handed < len(files) and handed - stored < 4 * workers:
                refusal = _admit(files[handed], limits)
                if refusal:
                    results[handed] = refusal
                elif pool.idle:
                    pool.give(handed, *docs[handed])
                else:
                    break
                handed += 1
            while stored in results:
                yield results.pop(stored)
                stored += 1
            if stored < len(files) and stored not in results:
                results.update(pool.collect(limits))
    finally:
        pool.release()


@dataclass
class _Extractor:
    process: multiprocessing.Process
    conn: object
    task: tuple[int, str, float, float] | None = None  # (index, path, started, memory at start)


def _extract_loop(conn) -> None:
    die_with_parent()
    while True:
        task = conn.recv()
        if task is None:
            return
        conn.send(statements(*task))


class _Extractors:
    """Worker processes forked from this one once spaCy is loaded here, so that each starts in
    milliseconds with the model already in memory (shared until written). They touch neither the
    store nor this process's threads, which is what makes forking a threaded process safe here."""

    def __init__(self, n: int, base: str):
        _warm()
        self.base = base
        self.ctx = multiprocessing.get_context("fork")
        self.idle = [self._start() for _ in range(n)]
        self.busy: list[_Extractor] = []

    def _start(self) -> _Extractor:
        mine, theirs = self.ctx.Pipe()
        proc = self.ctx.Process(target=_extract_loop, args=(theirs,), daemon=True)
        proc.start()
        theirs.close()
        return _Extractor(proc, mine)

    def give(self, index: int, path: str, document: str) -> None:
        w = self.idle.pop()
        w.task = (index, path, time.monotonic(), rss_mb(w.process.pid))
        w.conn.send((path, self.base, document))
        self.busy.append(w)

    def collect(self, limits: Limits) -> dict[int, Statements | str]:
        """Wait a little for results; kill a worker whose file runs over its time or memory."""
        out: dict[int, Statements | str] = {}
        ready = multiprocessing.connection.wait([w.conn for w in self.busy], timeout=0.2)
        for w in list(self.busy):
            index, path, started, mem = w.task
            reason = None
            if w.conn in ready:
                try:
                    out[index] = w.conn.recv()
                    self.busy.remove(w)
                    self.idle.append(w)
                    continue
                except EOFError:
                    reason = "its worker process died reading it (a crash in a reader library?)"
            elif time.monotonic() - started > limits.max_seconds:
                reason = f"took more than {limits.max_seconds:g} s to read (see --max-seconds): stopped"
            elif rss_mb(w.process.pid) - mem > limits.max_worker_mb:
                reason = f"needed more than {limits.max_worker_mb:g} MB to read (see --max-worker-mb): stopped"
            if reason:
                out[index] = f"{path}: {reason}"
                self.busy.remove(w)
                w.process.kill()
                w.process.join()
                w.conn.close()
                self.idle.append(self._start())
        return out

    def release(self) -> None:
        for w in self.busy:  # the build stopped early (an error while storing)
            w.process.kill()
        for w in self.idle:
            w.conn.send(None)  # a forked sibling holds this pipe too, so closing it would not end the worker
        for w in self.idle + self.busy:
            w.process.join()
            w.conn.close()


def _store_one(result: Statements | str, store: GraphStore, base: str, report: BuildReport, on_file,
               gone: dict[str, list[str]], built: dict[str, list[str]], index: Update) -> None:
    if isinstance(result, str):
        report.failed.append(result)
    elif _elsewhere(store, result):
        report.failed.append(f"{result.path}: document {result.doc_id} was built from {_elsewhere(store, result)}, "
                             "which is still there; build their common folder, or remove that one first")
    else:
        # a file renamed or moved since it was built (the same bytes under a new id, the old path gone),
        # or the same file built before under another id (from another folder, or by an older ipgraph)
        path = str(Path(result.path).resolve())
        moved = [d for d in gone.pop(result.sha256, []) + built.pop(path, []) if d != result.doc_id]
        report.removed += _drop(store, sorted(set(moved)), base)
        graph = Iris(base).graph(result.doc_id)
        n = store.put(graph, result.lines)
        store.record(result.doc_id, path, result.sha256, n)
        if graph in store.changed_graphs and result.rows is not None:
            index.put(result.rows, store.logged()[result.doc_id])
        report.built.append((result.path, n))
    if on_file:
        on_file(result)


def _elsewhere(store: GraphStore, result: Statements) -> str | None:
    """The other file a document of this id was built from, if it still exists: two files never
    silently share one document."""
    path = store.logged().get(result.doc_id, {}).get("path")
    return path if path and path != str(Path(result.path).resolve()) and Path(path).exists() else None


def _drop(store: GraphStore, documents: list[str], base: str) -> list[str]:
    for d in documents:
        store.remove(Iris(base).graph(d))
        store.forget(d)
    return documents


def remove(targets: list[str], store: GraphStore, base: str = DEFAULT_BASE) -> list[str]:
    """Take documents out of the store, each in one transaction, the merged graph and the inferred
    lineage kept in step. A target is a document id (a/plan.txt) or the path of a built file or of
    a folder holding built files, whether or not it still exists. Returns the ids removed."""
    logged = store.logged()
    chosen: list[str] = []
    for target in targets:
        path = Path(target).resolve()
        found = [target] if target in logged else [
            d for d, e in logged.items() if Path(e["path"]) == path or path in Path(e["path"]).parents]
        if not found:
            raise IpgraphError(f"{target}: no document of that id or path in store {store.path}")
        chosen += [d for d in sorted(found) if d not in chosen]
    _drop(store, chosen, base)
    store.save_log()
    infer_lineage(store, base)
    store.flush()
    return chosen
