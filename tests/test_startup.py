"""Commands that only read the store start without spaCy, OpenCC or the division table: importing
them took about a second before any work began. Checked with Python's own import log
(PYTHONPROFILEIMPORTTIME, the environment form of -X importtime), not with timings."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

IPGRAPH = str(Path(sys.executable).with_name("ipgraph"))
HEAVY = ("spacy", "opencc", "ipgraph.nlp", "ipgraph.regions", "ipgraph.clean")


def imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY}


def env() -> dict:
    return {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}


def test_the_import_log_is_read():
    """The checks below would pass vacuously if the log were not parsed: the pipeline brings them."""
    out = subprocess.run([sys.executable, "-c", "import ipgraph.pipeline"], env=env(), capture_output=True,
                         text=True, check=True)
    assert {"spacy", "ipgraph.clean"} <= heavy(imported(out.stderr))


@pytest.mark.parametrize("args", [
    ["--help"],
    ["query", "ASK {}"],
    ["query", "plans", "--format", "csv"],
    ["export", "--format", "turtle"],
    ["owners", "--department", "市场监管局"],
])
def test_reading_commands_do_not_import_the_pipeline(corpus_store, args):
    store = [] if args == ["--help"] else ["--store", str(corpus_store.path)]
    out = subprocess.run([IPGRAPH, *args, *store], env=env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = imported(out.stderr)
    assert "ipgraph.cli" in modules
    assert heavy(modules) == set()


def test_serve_does_not_import_the_pipeline(corpus_store):
    proc = subprocess.Popen([IPGRAPH, "serve", "--store", str(corpus_store.path), "--port", "0"], env=env(),
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines = []
    try:
        for line in proc.stderr:  # the import log, then "serving … at …" once the server is set up
            lines.append(line)
            if line.startswith("serving"):
                break
    finally:
        proc.terminate()
        proc.wait(10)
    assert lines and lines[-1].startswith("serving"), "".join(lines[-20:])
    modules = imported("".join(lines))
    assert "ipgraph.serve" in modules
    assert heavy(modules) == set()


@pytest.mark.parametrize("args,in_memory", [([], True), (["--memory-budget", "0"], False),
                                            (["--disk"], False), (["--memory", "--memory-budget", "0"], True)])
def test_serve_picks_memory_when_the_copy_fits_the_budget(corpus_store, monkeypatch, args, in_memory):
    from click.testing import CliRunner

    from ipgraph.cli import cli

    served = []

    def serve(store, host, port, base, timeout, max_rows, memory, *rest, on_ready):
        served.append(memory)
        on_ready()

    monkeypatch.setattr("ipgraph.serve.serve", serve)
    r = CliRunner().invoke(cli, ["serve", "--store", str(corpus_store.path), *args])
    assert r.exit_code == 0, r.output
    assert served == [in_memory]
    assert ("in memory" if in_memory else "on disk") in r.output
