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
from .resolve import Resolved, document_ids, resolve
from .store import GraphStore, line
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
    """One document's graph, as N-Triples lines: cheap to send back from a worker process."""
    path: str
    doc_id: str
    sha256: str
    lines: tuple[str, ...]


def statements(path: str, base: str = DEFAULT_BASE, document: str | None = None) -> Statements | str:
    """The statements of one file, or the one-line reason it could not be read."""
    try:
        res = process(path, document)
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
          on_file=None, prune: bool = False) -> BuildReport:
    """Build files and folders into the store; extraction runs in `workers` processes (default: all cores
    when there are enough files), writes stay in this process, in file order, so the graph is the same.
    With `prune`, documents whose files are gone are taken out (see `remove`)."""
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
    report = BuildReport()
    done = 0
    if workers > 1:
        ctx = multiprocessing.get_context("forkserver")
        try:
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm) as pool:
                # a bounded window of files in flight: results wait in memory only until stored
                pending: deque = deque()
                for f, d in docs:
                    pending.append(pool.submit(statements, f, base, d))
                    if len(pending) >= 4 * workers:
                        _store_one(pending.popleft().result(), store, base, report, on_file, gone, built)
                        done += 1
                while pending:
                    _store_one(pending.popleft().result(), store, base, report, on_file, gone, built)
                    done += 1
        except BrokenProcessPool:  # workers could not start (no importable __main__): go on here
            pass
    for f, d in docs[done:]:
        _store_one(statements(f, base, d), store, base, report, on_file, gone, built)
    if prune:
        report.removed += _drop(store, sorted(d for ds in gone.values() for d in ds), base)
    store.save_log()
    infer_lineage(store, base)
    store.flush()
    from .explorer.index import ensure  # the explorer's search index and source texts, when documents changed
    ensure(store)
    report.seconds = time.perf_counter() - start
    return report


def _store_one(result: Statements | str, store: GraphStore, base: str, report: BuildReport, on_file,
               gone: dict[str, list[str]], built: dict[str, list[str]]) -> None:
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
        n = store.put(Iris(base).graph(result.doc_id), result.lines)
        store.record(result.doc_id, path, result.sha256, n)
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
