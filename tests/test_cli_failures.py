"""Failures a user meets at the command line end in one line and a non-zero exit, never a traceback."""
import shutil
import subprocess

import pytest

from ipgraph.pipeline import build
from ipgraph.store import GraphStore

from .conftest import SEEDS
from .test_publish import BIN


def ipgraph(*args, timeout=120):
    return subprocess.run([str(BIN / "ipgraph"), *args], capture_output=True, text=True, timeout=timeout)


def one_line(out) -> str:
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    return out.stderr


def test_a_damaged_store_is_named(tmp_path):
    build([SEEDS["linyi"]], GraphStore(tmp_path / "s"))
    for f in (tmp_path / "s" / "oxigraph").glob("MANIFEST*"):
        f.write_bytes(b"\x00garbage" * 10)
    shutil.rmtree(tmp_path / "s" / "snapshots")
    (tmp_path / "s" / "current").unlink()
    for args in (["query", "ASK { ?s ?p ?o }"], ["build", str(SEEDS["jining"])]):
        out = ipgraph(*args, "--store", str(tmp_path / "s"))
        assert out.returncode == 1 and f"cannot open store {tmp_path / 's'}" in one_line(out)


def test_an_unwritable_output_and_a_failing_service_are_one_line(tmp_path):
    build([SEEDS["linyi"]], GraphStore(tmp_path / "s"))
    (tmp_path / "a-file").write_text("x")
    out = ipgraph("export", "--store", str(tmp_path / "s"), "--output", str(tmp_path / "a-file" / "x.ttl"))
    assert out.returncode == 1 and "a-file: File exists" in one_line(out)
    out = ipgraph("query", "--store", str(tmp_path / "s"), "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    assert out.returncode == 1 and one_line(out).startswith("ipgraph: ")


def test_a_full_disk_is_one_line_and_loses_nothing(tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", str(full)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        out = ipgraph("build", "--store", str(full / "s"), str(SEEDS["yichang"]), str(SEEDS["jilin"]))
        assert out.returncode == 1 and "No space left on device" in one_line(out)
    finally:
        subprocess.run(["umount", str(full)])
