from __future__ import annotations

from pathlib import Path

import pytest

from ipgraph.pipeline import build, process
from ipgraph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = {
    "yichang": DATA / "yichang_14fyp_ip_plan.txt",
    "jilin": DATA / "jilin_13fyp_ip_plan.txt",
    "jining": DATA / "jining_14fyp_ip_plan_draft.txt",
    "linyi": DATA / "linyi_14fyp_ip_plan_interpretation.txt",
    "chongqing": DATA / "chongqing_14fyp_ip_plan_news.txt",
}


@pytest.fixture(scope="session")
def seed():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = process(SEEDS[name])
        return cache[name]

    return get


@pytest.fixture
def doc(tmp_path):
    """Process a small hand-written document given as text."""
    counter = iter(range(1000))

    def make(text: str, name: str | None = None, encoding: str = "utf-8"):
        p = tmp_path / (name or f"doc{next(counter)}.txt")
        p.write_bytes(text.encode(encoding))
        return process(p)

    return make


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    store = GraphStore(tmp_path_factory.mktemp("store") / "st")
    report = build([DATA], store)
    assert not report.failed
    return store
