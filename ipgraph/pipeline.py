"""The whole pipeline for one file, and a build over many: load → clean → outline → extract →
resolve → RDF → store. This is the library entry point a notebook imports."""
from __future__ import annotations

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
from .store import GraphStore
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


def build(paths: list[str | Path], store: GraphStore, base: str = DEFAULT_BASE, on_file=None) -> BuildReport:
    report = BuildReport()
    for path in load_stage.discover(paths):
        try:
            res = process(path)
            n = store.replace_graph(Iris(base).graph(res.doc_id), to_quads(res, base))
        except IpgraphError as exc:
            report.failed.append(str(exc))
        except Exception as exc:  # a bug must not stop the rest of a corpus from building
            report.failed.append(f"{path}: internal error, please report: {type(exc).__name__}: {exc}")
        else:
            store.record(res.doc_id, str(Path(path).resolve()), res.source.sha256, n)
            report.built.append((str(path), n))
        if on_file:
            on_file(path)
    infer_lineage(store, base)
    store.flush()
    return report
