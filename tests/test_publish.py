"""Linked-data publishing against real servers: ipgraph serve (waitress) and an Oxigraph server."""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from ipgraph.pipeline import build
from ipgraph.publish import push, remote_count
from ipgraph.store import GraphStore

from .conftest import DATA

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("pub") / "store"
    store = GraphStore(path)
    build([DATA], store)
    local = sum(1 for _ in store.quads())
    del store
    return path, local


@pytest.fixture(scope="module", params=["on disk", "in memory"])
def endpoint(built, request):
    path, _ = built
    port = free_port()
    memory = ["--memory"] if request.param == "in memory" else []
    proc = subprocess.Popen([str(BIN / "ipgraph"), "serve", "--store", str(path), "--port", str(port), "--timeout", "2",
                             *memory], stderr=subprocess.DEVNULL)
    wait_port(port, proc)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait()


def get(url: str, accept: str) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers["Content-Type"], r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


Q = ('PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX ipg: <https://w3id.org/ipgraph/ontology#> '
     'SELECT ?t WHERE { ?d ipg:describes ?p . ?p dcterms:title ?t FILTER(CONTAINS(?t, "济宁")) }')


def test_sparqlwrapper_in_every_format(endpoint):
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(Q)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["t"]["value"] for r in rows] == ["济宁市“十四五”知识产权保护和运用规划"]
    client.setReturnFormat(XML)
    assert "济宁市" in client.query().convert().toxml()
    client.setReturnFormat(CSV)
    assert client.query().convert().decode("utf-8").splitlines()[1] == "济宁市“十四五”知识产权保护和运用规划"
    client.setMethod("POST")
    client.setReturnFormat(JSON)
    assert len(client.query().convert()["results"]["bindings"]) == 1


def test_content_negotiation_for_results(endpoint):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": Q})
    for accept, expected in [("text/tab-separated-values", "text/tab-separated-values"), ("text/csv", "text/csv"),
                             ("application/sparql-results+xml", "application/sparql-results+xml"),
                             ("*/*", "application/sparql-results+json")]:
        status, ctype, body = get(url, accept)
        assert status == 200 and ctype.startswith(expected) and "济宁市".encode() in body


def test_update_is_refused(endpoint):
    for data, ctype in [(b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
                        (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded")]:
        req = urllib.request.Request(f"{endpoint}/sparql", data=data, method="POST", headers={"Content-Type": ctype})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 403


def test_a_long_query_is_cut(endpoint):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = get(f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": heavy}), "application/json")
    assert status == 503 and b"limit" in body


def test_instance_iris_dereference(endpoint):
    path = "/id/plan/" + urllib.parse.quote("济宁市十四五知识产权保护和运用规划")
    status, ctype, body = get(endpoint + path, "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = rdflib.Graph().parse(data=body, format="turtle")
    assert (rdflib.URIRef("https://w3id.org/ipgraph/id/plan/济宁市十四五知识产权保护和运用规划"),
            rdflib.URIRef("http://purl.org/dc/terms/title"), rdflib.Literal("济宁市“十四五”知识产权保护和运用规划", lang="zh")) in g
    status, ctype, body = get(endpoint + path, "application/ld+json")
    assert status == 200 and isinstance(json.loads(body), list)
    status, ctype, body = get(endpoint + path, "text/html,application/xhtml+xml")
    assert status == 200 and ctype.startswith("text/html") and "<h1>济宁市“十四五”知识产权保护和运用规划</h1>" in body.decode()
    assert get(endpoint + "/id/plan/nothing", "text/html")[0] == 404


@pytest.fixture
def oxigraph_server(tmp_path):
    port = free_port()
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(tmp_path / "remote"),
                             "--bind", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    wait_port(port, proc)
    yield proc, port, tmp_path / "remote"
    proc.terminate()
    proc.wait()


def test_push_to_a_real_oxigraph_server(built, oxigraph_server):
    path, local = built
    proc, port, _ = oxigraph_server
    base = f"http://127.0.0.1:{port}"
    store = GraphStore(path, create=False, exclusive=False)
    report = push(store, graph_store=f"{base}/store")
    assert sum(n for _, n in report.graphs) == local
    assert remote_count(f"{base}/query") == local
    client = SPARQLWrapper(f"{base}/query")
    client.setQuery("SELECT ?t WHERE { GRAPH ?g { ?p <http://purl.org/dc/terms/title> ?t } } ORDER BY ?t")
    client.setReturnFormat(JSON)
    remote = [r["t"]["value"] for r in client.query().convert()["results"]["bindings"]]
    mine = [r["t"].value for r in store.query(
        "SELECT ?t WHERE { GRAPH ?g { ?p <http://purl.org/dc/terms/title> ?t } } ORDER BY ?t")]
    assert remote == mine and len(mine) >= 5
    push(store, graph_store=f"{base}/store")
    assert remote_count(f"{base}/query") == local  # PUT replaced, nothing doubled


def test_push_to_a_stopped_server_fails_clearly_and_a_retry_completes(built, tmp_path):
    from ipgraph.errors import IpgraphError

    path, local = built
    port = free_port()
    store = GraphStore(path, create=False, exclusive=False)
    with pytest.raises(IpgraphError, match="failed after 2 tries"):
        push(store, graph_store=f"http://127.0.0.1:{port}/store", attempts=2)
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(tmp_path / "r"),
                             "--bind", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        push(store, graph_store=f"http://127.0.0.1:{port}/store")
        assert remote_count(f"http://127.0.0.1:{port}/query") == local
    finally:
        proc.terminate()
        proc.wait()


def test_dataset_description(built):
    from ipgraph.metadata import describe

    path, _ = built
    store = GraphStore(path, create=False, exclusive=False)
    g = rdflib.Graph().parse(data=describe(store, endpoint="http://example.org/sparql"), format="turtle")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    ds = rdflib.URIRef("https://w3id.org/ipgraph/id/dataset")
    assert (ds, rdflib.RDF.type, dcat.Dataset) in g
    assert int(g.value(ds, void.triples)) == len(store)
    assert len(list(g.objects(ds, dcat.distribution))) == 5
    assert rdflib.URIRef("https://w3id.org/ipgraph/ontology#") in set(g.objects(ds, void.vocabulary))


def test_ontology_documentation_lists_every_term():
    import re

    from ipgraph.ontodoc import ONTOLOGY, render

    page = render()
    terms = set(re.findall(r"^ipg:(\w+) a ", ONTOLOGY.read_text(encoding="utf-8"), re.M))
    assert terms and all(f'id="{t}"' in page for t in terms)
    assert "0.1.0" in page and "https://w3id.org/ipgraph/ontology/0.1.0" in page
