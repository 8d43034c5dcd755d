"""The command line, in-process with CliRunner and as a real subprocess."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from ipgraph.cli import cli

from .conftest import DATA, SEEDS

IPGRAPH = str(Path(sys.executable).with_name("ipgraph"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["build", str(DATA), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store, result.output


def test_build_prints_a_summary(built):
    _, out = built
    assert "built 5 file(s)" in out
    assert "documents=5" in out and "indicators=30" in out and "terms=26" in out


def test_query_formats(built):
    store, _ = built
    # cited plans have titles too (济宁市国民经济…纲要): the plan a document describes
    q = 'SELECT ?t WHERE { ?d ipg:describes ?p . ?p dcterms:title ?t FILTER(CONTAINS(?t, "济宁")) }'
    table = CliRunner().invoke(cli, ["query", q, "--store", str(store)])
    assert table.exit_code == 0 and "济宁市“十四五”知识产权保护和运用规划" in table.output
    js = CliRunner().invoke(cli, ["query", q, "--store", str(store), "--format", "json"])
    bindings = json.loads(js.output)["results"]["bindings"]
    assert [b["t"]["value"] for b in bindings] == ["济宁市“十四五”知识产权保护和运用规划"]
    csv = CliRunner().invoke(cli, ["query", q, "--store", str(store), "--format", "csv"])
    assert csv.output.splitlines() == ["t", "济宁市“十四五”知识产权保护和运用规划"]


def test_query_from_file_and_by_name(built, tmp_path):
    store, _ = built
    f = tmp_path / "count.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?d a ipg:SourceDocument }", encoding="utf-8")
    out = CliRunner().invoke(cli, ["query", str(f), "--store", str(store), "--format", "csv"])
    assert out.output.splitlines() == ["n", "5"]
    named = CliRunner().invoke(cli, ["query", "plans", "--store", str(store), "--format", "csv"])
    assert len(named.output.splitlines()) == 6


def test_owners_command(built):
    store, _ = built
    out = CliRunner().invoke(cli, ["owners", "--department", "市场监管局", "--plan", "宜昌", "--store", str(store)])
    assert out.exit_code == 0
    assert "宜昌市市场监督管理局" in out.output and "1 row(s)" in out.output
    js = CliRunner().invoke(cli, ["owners", "-d", "省统计局", "--store", str(store), "--format", "json"])
    assert json.loads(js.output)[0]["department"] == "吉林省统计局"


def test_lineage_command(built):
    store, _ = built
    out = CliRunner().invoke(cli, ["lineage", "宜昌市知识产权保护与运用", "--store", str(store)])
    assert out.exit_code == 0
    assert "based on: 湖北省知识产权“十四五”规划  [Provincial]" in out.output
    assert "cites: 专利合作条约" in out.output


def test_export_writes_turtle_that_parses(built, tmp_path):
    store, _ = built
    out = tmp_path / "x.ttl"
    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--output", str(out)])
    assert r.exit_code == 0
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 3000


def run(*args, cwd=None):
    env = {**os.environ, "IPGRAPH_LOCK_WAIT": "1"}
    return subprocess.run([IPGRAPH, *args], capture_output=True, text=True, cwd=cwd, timeout=120, env=env)


def test_subprocess_build_with_bad_files_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS["jining"], folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    r = run("build", str(folder), "--store", str(tmp_path / "s"))
    assert r.returncode == 3
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("ipgraph: skipped ") for e in errors)
    assert any("empty.txt: empty file" in e for e in errors)
    assert "Traceback" not in r.stderr
    assert "built 1 file(s)" in r.stdout


def test_subprocess_default_store_and_corpus(tmp_path):
    r = run("build", "--quiet", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / ".ipgraph").is_dir()
    q = run("query", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ipg:SourceDocument }", "--format", "csv",
            cwd=tmp_path)
    assert q.stdout.splitlines() == ["n", "5"]


@pytest.mark.parametrize("args,message", [
    (["query", "SELECT * WHERE {", "--store", "{store}"], "SPARQL syntax error"),
    (["export", "--store", "{missing}"], "no store at"),
    (["lineage", "没有这个规划", "--store", "{store}"], "no plan whose title contains"),
    (["query", "nope.rq", "--store", "{store}"], "nope.rq: no such query file"),
])
def test_user_mistakes_give_one_line(built, tmp_path, args, message):
    store, _ = built
    args = [a.replace("{store}", str(store)).replace("{missing}", str(tmp_path / "missing")) for a in args]
    r = run(*args)
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and message in r.stderr and "Traceback" not in r.stderr


def test_a_store_in_use_is_refused_clearly(tmp_path):
    store = tmp_path / "s"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from ipgraph.store import GraphStore; s = GraphStore(sys.argv[1]); "
        "print('ready', flush=True); time.sleep(30)"), str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = run("build", str(SEEDS["jining"]), "--store", str(store))
        assert r.returncode == 1
        assert "in use by another ipgraph process" in r.stderr
    finally:
        holder.kill()
        holder.wait()


def test_help_for_every_command():
    for command in ["build", "remove", "export", "query", "queries", "owners", "lineage", "validate"]:
        r = CliRunner().invoke(cli, [command, "--help"])
        assert r.exit_code == 0 and "Usage:" in r.output
