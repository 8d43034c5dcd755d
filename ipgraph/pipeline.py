"""The whole pipeline for one file, and a build over many: load → clean → outline → extract →
resolve → RDF → store. This is the library entry point a notebook imports."""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import clean as clean_stage
from . import load as load_stage
from . import outline as outline_stage
from .errors import IpgraphError
from .extract import extract
from .infer import infer_lineage
from .lifeline import die_with_parent, rss_mb
from .rdf import Iris, to_quads
from .resolve import Resolved, resolve
from .store import GraphStore, line
from .vocab import DEFAULT_BASE


def process(path: str | Path) -> Resolved:
    """Read one file and return everything ipgraph knows about it, before RDF."""
    source = load_stage.load(path)
    cleaned = clean_stage.clean(source)
    outline = outline_stage.parse(cleaned)
    extraction = extract(outline, fallback_title=source.path.stem)
    return resolve(source, cleaned, extraction)


@dataclass
class BuildReport:
    built: list[tuple[str, int]] = field(default_factory=list)   # (file, triples)
    failed: list[str] = field(default_factory=list)              # "file: reason"
    seconds: float = 0.0


@dataclass(frozen=True)
class Limits:
    """What one file may cost. A file over a limit is skipped and named; the build goes on.
    Time and memory are enforced on the worker process reading the file, which is killed."""
    max_file_mb: float = 64        # size on disk
    max_seconds: float = 300       # reading and extracting it
    max_worker_mb: float = 3000    # memory it may add to its worker process


@dataclass(frozen=True)
class Statements:
    """One document's graph, as N-Triples lines: cheap to send back from a worker process."""
    path: str
    doc_id: str
    sha256: str
    lines: tuple[str, ...]


# exceptions a library raises on a malformed or oversized file: the user's to fix, not a bug
_USER_CAUSED = {"XMLSyntaxError": "malformed XML inside the file", "BadZipFile": "damaged zip container",
                "error": "damaged compressed data", "EOFError": "the file ends early",
                "RecursionError": "nested too deeply to read", "MemoryError": "too large to read in memory",
                "UnicodeDecodeError": "text in an encoding its header misstates"}


def statements(path: str, base: str = DEFAULT_BASE) -> Statements | str:
    """The statements of one file, or the one-line reason it could not be read."""
    try:
        res = process(path)
        lines = tuple(sorted({line(q) for q in to_quads(res, base)}))
        return Statements(path, res.doc_id, res.source.sha256, lines)
    except IpgraphError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the rest of a corpus from building
        name = type(exc).__name__
        if name in _USER_CAUSED:
            return f"{path}: {_USER_CAUSED[name]} ({name})"
        if "[E088]" in str(exc):  # spaCy reads at most 1,000,000 characters at once
            return f"{path}: a paragraph of more than 1,000,000 characters (a file without line breaks?)"
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


def build(paths: list[str | Path], store: GraphStore, base: str = DEFAULT_BASE, workers: int | None = None,
          on_file=None, limits: Limits = Limits()) -> BuildReport:
    """Build files and folders into the store. Files are read in worker processes (all cores when
    there are enough files), under `limits`; writes stay in this process, in file order, so the
    graph is the same whatever the order in which workers finish."""
    start = time.perf_counter()
    files = [str(p) for p in load_stage.discover(paths)]
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= 8 else 1
    report = BuildReport(failed=unreadable(paths))
    stale = store.path / _LINEAGE_STALE
    force = stale.exists()  # a build was cut off before it recomputed the inferred lineage
    stale.touch()
    for result in _extract(files, base, max(1, workers), limits):
        _store_one(result, store, base, report, on_file)
    store.save_log()
    infer_lineage(store, base, force=force)
    store.flush()
    stale.unlink()
    report.seconds = time.perf_counter() - start
    return report


_LINEAGE_STALE = "lineage.stale"  # written before a build's first write, removed once the lineage is recomputed


def _extract(files: list[str], base: str, workers: int, limits: Limits):
    """Each file's Statements or reason, in file order, read by worker processes under the limits;
    at most 4 files per worker wait in memory to be stored."""
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
                    pool.give(handed, files[handed])
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

    def give(self, index: int, path: str) -> None:
        w = self.idle.pop()
        w.task = (index, path, time.monotonic(), rss_mb(w.process.pid))
        w.conn.send((path, self.base))
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


def _store_one(result: Statements | str, store: GraphStore, base: str, report: BuildReport, on_file) -> None:
    if isinstance(result, str):
        report.failed.append(result)
    else:
        n = store.put(Iris(base).graph(result.doc_id), result.lines)
        store.record(result.doc_id, str(Path(result.path).resolve()), result.sha256, n)
        report.built.append((result.path, n))
    if on_file:
        on_file(result)
