"""Publishing to a real Virtuoso 7 (Debian's virtuoso-opensource, installed by `make test`), as the
store CELLAR runs: `ipgraph push --endpoint` and the bulk loader (ld_dir + rdf_loader_run)."""
import shutil
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from ipgraph.pipeline import build
from ipgraph.store import GraphStore

from .conftest import DATA
from .test_publish import BIN, free_port, wait_port

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("virt") / "store"
    build([DATA], GraphStore(path))
    store = GraphStore(path, create=False, exclusive=False)
    return path, {g.value: sum(1 for _ in store.store.quads_for_pattern(None, None, None, g)) for g in store.graphs()}


@pytest.fixture
def virtuoso(tmp_path):
    binary = shutil.which("virtuoso-t")
    assert binary, "virtuoso-t not found: `make test` installs Debian's virtuoso-opensource-7-bin"
    sql, http = free_port(), free_port()
    (tmp_path / "virtuoso.ini").write_text(INI.format(d=tmp_path, sql=sql, http=http))
    proc = subprocess.Popen([binary, "-f", "-c", str(tmp_path / "virtuoso.ini")], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(http, proc, seconds=120)
    url = f"http://127.0.0.1:{http}/sparql"
    deadline = time.time() + 60
    while counts(url) is None and time.time() < deadline:  # HTTP is up before SPARQL answers
        time.sleep(0.5)

    def isql(*statements: str) -> str:
        out = subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", "exec=" + " ".join(statements)],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stdout + out.stderr
        return out.stdout

    yield url, isql, tmp_path
    proc.terminate()
    proc.wait(timeout=60)


def counts(url: str) -> dict[str, int] | None:
    q = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
         "'https://w3id.org/ipgraph/')) } GROUP BY ?g")
    req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": q}).encode(), headers={"Accept": "text/csv"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            lines = r.read().decode("utf-8").splitlines()[1:]
    except OSError:
        return None
    return {g.strip('"'): int(n) for g, _, n in (ln.rpartition(",") for ln in lines)}


def test_push_to_virtuoso_holds_exactly_the_local_statements(built, virtuoso):
    path, local = built
    url, isql, _ = virtuoso
    isql('GRANT SPARQL_UPDATE TO "SPARQL";')  # the endpoint accepts updates (in production: /sparql-auth)
    for _ in range(2):  # a second push replaces, and doubles nothing
        out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(path), "--endpoint", url],
                             capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr
        total = sum(local.values())
        assert f"pushed {len(local)} graph(s), {total} statements (the remote store holds {total})" in out.stdout
        assert counts(url) == local


def test_bulk_load_into_virtuoso(built, virtuoso):
    path, local = built
    url, isql, folder = virtuoso
    out = subprocess.run([str(BIN / "ipgraph"), "export", "--store", str(path), "--format", "nquads",
                          "--output", str(folder / "ipgraph.nq")], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    isql(f"ld_dir('{folder}', 'ipgraph.nq', 'urn:ipgraph:default');", "rdf_loader_run();", "checkpoint;")
    assert "NULL" in isql("SELECT ll_error FROM DB.DBA.load_list;")
    assert counts(url) == local
