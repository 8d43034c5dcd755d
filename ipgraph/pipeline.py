"""The whole pipeline for one file, and a build over many: load → clean → outline → extract →
resolve → RDF → store. This is the library entry point a notebook imports."""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import clean as clean_stage
from . import load as load_stage
from . import outline as outline_stage
from .errors import IpgraphError
from .extract import extract
from .infer import infer_lineage
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
class Statements:
    """One document's graph, as N-Triples lines: cheap to send back from a worker process."""
    path: str
    doc_id: str
    sha256: str
    lines: tuple[str, ...]


def statements(path: str, base: str = DEFAULT_BASE) -> Statements | str:
    """The statements of one file, or the one-line reason it could not be read."""
    try:
        res = process(path)
        lines = tuple(sorted({line(q) for q in to_quads(res, base)}))
        return Statements(path, res.doc_id, res.source.sha256, lines)
    except IpgraphError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the rest of a corpus from building
        return f"{path}: internal error, please report: {type(exc).__name__}: {exc}"


def _warm() -> None:
    from .nlp import get_nlp

    get_nlp()  # spaCy and the division table load once per worker, not once per file


def build(paths: list[str | Path], store: GraphStore, base: str = DEFAULT_BASE, workers: int | None = None,
          on_file=None) -> BuildReport:
    """Build files and folders into the store; extraction runs in `workers` processes (default: all cores
    when there are enough files), writes stay in this process, in file order, so the graph is the same."""
    start = time.perf_counter()
    files = [str(p) for p in load_stage.discover(paths)]
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(files) >= 8 else 1
    report = BuildReport()
    done = 0
    if workers > 1:
        ctx = multiprocessing.get_context("forkserver")
        try:
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm) as pool:
                # a bounded window of files in flight: results wait in memory only until stored
                pending: deque = deque()
                for f in files:
                    pending.append(pool.submit(statements, f, base))
                    if len(pending) >= 4 * workers:
                        _store_one(pending.popleft().result(), store, base, report, on_file)
                        done += 1
                while pending:
                    _store_one(pending.popleft().result(), store, base, report, on_file)
                    done += 1
        except BrokenProcessPool:  # workers could not start (no importable __main__): go on here
            pass
    for f in files[done:]:
        _store_one(statements(f, base), store, base, report, on_file)
    store.save_log()
    infer_lineage(store, base)
    store.flush()
    from .explorer.index import ensure  # the explorer's search index and source texts, when documents changed
    ensure(store)
    report.seconds = time.perf_counter() - start
    return report


def _store_one(result: Statements | str, store: GraphStore, base: str, report: BuildReport, on_file) -> None:
    if isinstance(result, str):
        report.failed.append(result)
    else:
        n = store.put(Iris(base).graph(result.doc_id), result.lines)
        store.record(result.doc_id, str(Path(result.path).resolve()), result.sha256, n)
        report.built.append((result.path, n))
    if on_file:
        on_file(result)
