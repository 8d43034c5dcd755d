"""Extraction in worker processes gives exactly the graph of a serial build."""
from bench.corpus import generate

from ipgraph.export import export
from ipgraph.pipeline import build
from ipgraph.store import GraphStore


def test_parallel_build_equals_serial(tmp_path):
    files = generate(16, tmp_path / "corpus", seed=3)
    assert len(files) == 16
    serial, parallel = GraphStore(tmp_path / "serial"), GraphStore(tmp_path / "parallel")
    a = build([tmp_path / "corpus"], serial, workers=1)
    b = build([tmp_path / "corpus"], parallel, workers=2)
    assert not a.failed and not b.failed and len(a.built) == 16
    assert len(serial) == len(parallel) > 10_000
    assert export(serial, "nquads") == export(parallel, "nquads")
