"""Builds under hostile files and kills: a bomb costs one file, not the build; nothing is read for
ever; a killed build leaves no process behind and the next build repairs what it left stale; an
unchanged corpus is never rewritten."""
import os
import signal
import subprocess
import sys
import time
import zipfile
import zlib

import psutil
from docx import Document

from ipgraph.pipeline import Limits, build
from ipgraph.query import rows, run
from ipgraph.store import GraphStore

from .conftest import DATA, SEEDS
from .test_publish import BIN

INFERRED = "SELECT ?p ?q WHERE { GRAPH ?g { ?p ipg:inferredBasedOn ?q } } ORDER BY ?p ?q"


def ipgraph(*args, timeout=300):
    return subprocess.run([str(BIN / "ipgraph"), *args], capture_output=True, text=True, timeout=timeout)


def pdf_bomb(path, mb: int = 400, content: bytes | None = None) -> None:
    """A PDF of a few hundred KB whose page content inflates to `mb` MB (of spaces, or of `content`)."""
    stream = zlib.compress(content or b"BT /F1 12 Tf (x) Tj ET\n" + b" " * (mb * 1_000_000), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def docx_bomb(path, template, paragraphs: int = 3_000_000) -> None:
    """A .docx of about a megabyte whose document.xml holds millions of paragraphs."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                para = "<w:p><w:r><w:t>加强知识产权保护</w:t></w:r></w:p>".encode("utf-8")
                data = data.replace(b"<w:body>", b"<w:body>" + para * paragraphs, 1)
            dst.writestr(item, data)


def test_bombs_and_devices_cost_one_file_each(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEEDS["linyi"].read_bytes())
    pdf_bomb(folder / "bomb.pdf")
    d = Document()
    d.add_paragraph("某市知识产权规划")
    d.save(tmp_path / "template.docx")
    docx_bomb(folder / "bomb.docx", tmp_path / "template.docx")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 1000)
    (folder / "big.txt").write_bytes(SEEDS["yichang"].read_bytes() * 60)  # about 3 MB
    os.mkfifo(tmp_path / "pipe.txt")
    assert (folder / "bomb.pdf").stat().st_size < 1_000_000 and (folder / "bomb.docx").stat().st_size < 2_000_000

    start = time.monotonic()
    out = ipgraph("build", "--store", str(tmp_path / "s"), "-j", "2", "--max-file-mb", "1", "--max-seconds", "60",
                  "--max-worker-mb", "400", str(folder), "/dev/zero", str(tmp_path / "pipe.txt"))
    took = time.monotonic() - start
    skipped = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line for line in out.stderr.splitlines()
               if line.startswith("ipgraph: skipped ")}
    assert out.returncode == 3, out.stderr
    assert "400 MB" in skipped["bomb.pdf"] or "60 s" in skipped["bomb.pdf"]
    assert "400 MB" in skipped["bomb.docx"] or "60 s" in skipped["bomb.docx"]
    assert "too large (" in skipped["big.txt"] and "--max-file-mb" in skipped["big.txt"]
    assert "save it as .docx" in skipped["old.doc"]
    assert "not a regular file" in skipped["zero"] and "not a regular file" in skipped["pipe.txt"]
    assert "built 1 file(s)" in out.stdout and "internal error" not in out.stderr
    assert took < 60 + 60  # the limits, plus start-up; unbounded it ran for minutes and gigabytes


def test_a_slow_file_is_stopped_at_its_time_limit(tmp_path):
    pdf_bomb(tmp_path / "slow.pdf", content=b"BT /F1 12 Tf " + b"(x) Tj " * 5_000_000 + b"ET")  # 5 million glyphs
    start = time.monotonic()
    report = build([tmp_path / "slow.pdf", SEEDS["linyi"]], GraphStore(tmp_path / "s"),
                   limits=Limits(max_seconds=3, max_worker_mb=100_000))
    assert time.monotonic() - start < 3 + 30
    assert report.failed == [f"{tmp_path / 'slow.pdf'}: took more than 3 s to read (see --max-seconds): stopped"]
    assert [p for p, _ in report.built] == [str(SEEDS["linyi"])]


def test_user_caused_problems_are_worded_as_such(tmp_path):
    one_line = tmp_path / "one-line.txt"
    one_line.write_text("某市知识产权规划。" + "加强知识产权保护，" * 120_000, encoding="utf-8")  # no line break
    d = Document()
    d.add_paragraph("某市知识产权规划")
    d.save(tmp_path / "ok.docx")
    with zipfile.ZipFile(tmp_path / "ok.docx") as src, zipfile.ZipFile(tmp_path / "badxml.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data.replace(b"</w:body>", b"<w:p></w:body>") if item.filename == "word/document.xml"
                         else data)
    report = build([one_line, tmp_path / "badxml.docx"], GraphStore(tmp_path / "s"))
    reasons = dict(r.split(": ", 1) for r in report.failed)
    assert "internal error" not in " ".join(reasons.values())
    # a paragraph of more than spaCy's 1,000,000 characters is read: extraction makes no Doc of it
    assert [p for p, _ in report.built] == [str(one_line)]
    assert "damaged Word file (XMLSyntaxError)" in reasons[str(tmp_path / "badxml.docx")]


def test_a_kill_before_the_lineage_update_is_repaired_by_the_next_build(tmp_path):
    reference = GraphStore(tmp_path / "ref")
    build([DATA], reference)
    expected = rows(run(reference, INFERRED))[1]
    assert expected
    # the build dies exactly where the inferred lineage would be recomputed
    killed = subprocess.run([sys.executable, "-c", (
        "import os, signal, sys\n"
        "from ipgraph import pipeline\n"
        "from ipgraph.store import GraphStore\n"
        "pipeline.infer_lineage = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
        "if __name__ == '__main__':\n"
        f"    pipeline.build([{str(DATA)!r}], GraphStore({str(tmp_path / 's')!r}))\n")], timeout=300)
    assert killed.returncode == -signal.SIGKILL
    store = GraphStore(tmp_path / "s")
    assert rows(run(store, INFERRED))[1] == []  # the documents are in, their inferred links are not
    build([DATA], store)  # every document unchanged: only the marker says the lineage is stale
    assert rows(run(store, INFERRED))[1] == expected


def test_an_unchanged_corpus_is_not_rewritten(tmp_path):
    build([DATA], GraphStore(tmp_path / "s"))
    again = GraphStore(tmp_path / "s")
    report = build([DATA], again)
    assert len(report.built) == 5
    assert again.changed == set() and again.new_documents == 0  # 0 statements written
    target = rows(run(again, 'SELECT ?v WHERE { ?i rdfs:label "每万人口高价值发明专利拥有量"@zh ; ipg:targetValue ?v }'
                             " ORDER BY ?v"))[1]
    assert target == [["10"], ["4"]] or target == [["4"], ["10"]]


def test_no_worker_survives_a_killed_build(tmp_path):
    from bench.corpus import generate

    generate(24, tmp_path / "corpus", seed=5)
    proc = subprocess.Popen([str(BIN / "ipgraph"), "build", "-q", "-j", "2", "--store", str(tmp_path / "s"),
                             str(tmp_path / "corpus")], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pgid = proc.pid

    def group() -> list[psutil.Process]:
        out = []
        for p in psutil.process_iter(["pid"]):
            try:
                if os.getpgid(p.pid) == pgid and p.status() != psutil.STATUS_ZOMBIE:
                    out.append(p)
            except (ProcessLookupError, psutil.NoSuchProcess):
                pass
        return out

    deadline = time.monotonic() + 120
    while len(group()) < 3 and time.monotonic() < deadline:  # the build and its two workers
        time.sleep(0.1)
    assert len(group()) >= 3 and proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while group() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert group() == []


def test_a_file_named_like_a_reserved_graph_does_not_collide(tmp_path):
    src = tmp_path / "_inferred.txt"
    src.write_bytes(SEEDS["linyi"].read_bytes())
    store = GraphStore(tmp_path / "s")
    build([DATA, src], store)
    graphs = {g.value.rsplit("/", 1)[-1] for g in store.graphs()}
    assert "doc_inferred.txt" in graphs and "_inferred" in graphs
    assert rows(run(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/ipgraph/id/graph/doc_inferred.txt> "
                           "{ ?s ?p ?o } }"))[1][0][0] != "0"
