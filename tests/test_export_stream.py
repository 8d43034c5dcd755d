"""Exports are streamed from Oxigraph's indexes; only the @prefix lines are held back, to be sorted."""
import io

from ipgraph.export import _SortedPrefixes, export
from ipgraph.store import GraphStore

HEADER = b"@prefix b: <urn:b#> .\n@prefix a: <urn:a#> .\n"
BODY = b"<urn:x> a:p b:o .\n"


def test_prefix_lines_are_sorted_however_the_writes_are_cut():
    for size in (1, 3, 7, 40, 1000):
        out = io.BytesIO()
        sink = _SortedPrefixes(out)
        data = HEADER + BODY
        for i in range(0, len(data), size):
            sink.write(data[i:i + size])
        sink.flush()
        assert out.getvalue() == b"@prefix a: <urn:a#> .\n@prefix b: <urn:b#> .\n" + BODY, size


def test_prefixes_alone_are_written_sorted_at_the_end():
    out = io.BytesIO()
    sink = _SortedPrefixes(out)
    sink.write(HEADER)
    assert out.getvalue() == b""
    sink.flush()
    assert out.getvalue() == b"@prefix a: <urn:a#> .\n@prefix b: <urn:b#> .\n"


def test_an_empty_store_exports_nothing(tmp_path):
    assert export(GraphStore(tmp_path / "s"), "turtle") == b""


def test_writing_to_a_file_gives_the_same_bytes(corpus_store, tmp_path):
    for fmt in ("turtle", "nquads"):
        export(corpus_store, fmt, tmp_path / f"out.{fmt}")
        assert (tmp_path / f"out.{fmt}").read_bytes() == export(corpus_store, fmt)


def test_nquads_hold_every_document_graph_and_not_the_merge(corpus_store):
    lines = export(corpus_store, "nquads").decode("utf-8").splitlines()
    assert len(lines) == sum(1 for _ in corpus_store.quads())
    assert all(line.rstrip(" .").endswith(">") and "/graph/" in line.rsplit(" ", 2)[-2] for line in lines)


def test_the_command_streams_the_same_bytes_to_stdout(corpus_store):
    import subprocess
    import sys
    from pathlib import Path

    ipgraph = str(Path(sys.executable).with_name("ipgraph"))
    out = subprocess.run([ipgraph, "export", "--store", str(corpus_store.path)], capture_output=True, check=True)
    assert out.stdout == export(corpus_store, "turtle")
