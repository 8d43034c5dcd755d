"""The public endpoint under attack: SSRF by SERVICE, runaway queries, slow clients, hostile
literals. Each test reproduces the attack against a real `ipgraph serve` and asserts the outcome."""
import http.server
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.dom.minidom

import psutil
import pytest
from pyoxigraph import NamedNode

from ipgraph.pipeline import build
from ipgraph.store import GraphStore

from .conftest import DATA
from .test_publish import BIN, free_port, wait_port

HEAVY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("hard") / "store"
    store = GraphStore(path)
    build([DATA], store)
    # a literal with control characters, as a hostile document could carry
    store.put(NamedNode("https://w3id.org/ipgraph/id/graph/hostile"),
              ['<urn:x:hostile> <http://www.w3.org/2000/01/rdf-schema#label> "bell\\u0007 nul\\u0000 esc\\u001B"'])
    store.flush()
    del store
    return path


class Server:
    def __init__(self, store, *args):
        self.port = free_port()
        self.proc = subprocess.Popen([str(BIN / "ipgraph"), "serve", "--store", str(store), "--port", str(self.port),
                                      *args], stderr=subprocess.PIPE, start_new_session=True)
        wait_port(self.port, self.proc)
        self.url = f"http://127.0.0.1:{self.port}"
        assert self.get("ASK { ?s ?p ?o }", timeout=120)[0] == 200  # the query workers are up
        time.sleep(0.5)  # and a spare one is started

    def get(self, query: str, accept: str = "application/sparql-results+json", timeout: float = 60):
        req = urllib.request.Request(f"{self.url}/sparql?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def processes(self) -> list[psutil.Process]:
        return [psutil.Process(self.proc.pid), *psutil.Process(self.proc.pid).children(recursive=True)]

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


@pytest.fixture
def server(store_path):
    servers = []

    def start(*args):
        servers.append(Server(store_path, *args))
        return servers[-1]

    yield start
    for s in servers:
        s.stop()


class Listener:
    """A local HTTP server that records every request it gets and answers as a SPARQL endpoint."""

    def __init__(self):
        self.requests = []
        seen = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                seen.append((self.command, self.path))
                body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                    {"x": {"type": "literal", "value": "from elsewhere"}}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def test_service_is_refused_and_nothing_is_contacted(server, listener):
    srv = server()
    for query in [f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                  f"select * where {{ service silent <{listener.url}> {{ ?s ?p ?o }} }}",
                  f"PREFIX e: <{listener.url[:-6]}> SELECT * WHERE {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ BIND(<{listener.url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s<?o)SERVICE<{listener.url}>{{ ?a ?b ?c }} }}",
                  # Oxigraph reads a keyword glued to a number or boolean, and ends a comment at CR
                  f"SELECT * WHERE {{ ?p ipg:startYear 2021SERVICE <{listener.url}> {{ ?a ?b ?c }} }}",
                  f"PREFIX : <{listener.url}> SELECT * WHERE {{ ?s ?p trueSERVICE:x {{ ?a ?b ?c }} }}",
                  f"SELECT * WHERE {{ ?s ?p ?o # a comment\rSERVICE <{listener.url}> {{ ?a ?b ?c }} }}"]:
        status, _, body = srv.get(query)
        assert status == 403 and b"SERVICE" in body, query
    # the word inside a string, an IRI or a comment is not a call
    status, _, _ = srv.get('SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1/>" AS ?x) } # SERVICE')
    assert status == 200
    time.sleep(0.5)
    assert listener.requests == []


def test_an_allowed_service_is_called_once_per_query(server, listener):
    srv = server("--allow-service", listener.url)
    status, _, body = srv.get(f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}")
    assert status == 200 and json.loads(body)["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "from elsewhere"}}]
    assert len(listener.requests) == 1  # one execution: no second run to serialise the rows
    other = listener.url.replace("/sparql", "/other")
    assert srv.get(f"SELECT * WHERE {{ SERVICE <{other}> {{ ?s ?p ?o }} }}")[0] == 403
    assert len(listener.requests) == 1


def test_runaway_queries_are_killed_and_a_trivial_one_still_answers(server):
    limit_mb = 150
    srv = server("--timeout", "4", "--max-memory", str(limit_mb), "--workers", "6")
    deadline = time.monotonic() + 60
    while len(srv.processes()) < 1 + 6 and time.monotonic() < deadline:  # the server and its workers
        time.sleep(0.2)
    results, peak = [], {}
    stop = threading.Event()

    def sample():  # the resident memory of every process of the server, every 20 ms
        while not stop.wait(0.02):
            for p in srv.processes()[1:]:
                try:
                    peak[p.pid] = max(peak.get(p.pid, 0), p.memory_info().rss / 1e6)
                except psutil.NoSuchProcess:
                    pass

    def heavy():
        start = time.monotonic()
        status, _, body = srv.get(HEAVY)
        results.append((status, time.monotonic() - start, body))

    sampler = threading.Thread(target=sample)
    sampler.start()
    threads = [threading.Thread(target=heavy) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    start = time.monotonic()
    status, _, body = srv.get("SELECT ?t WHERE { ?p dcterms:title ?t } LIMIT 1")
    trivial = time.monotonic() - start
    for t in threads:
        t.join()
    stop.set()
    sampler.join()
    assert status == 200 and trivial < 1.0, (status, trivial)
    assert len(results) == 4
    for status, seconds, body in results:
        assert status == 503 and b"query stopped" in body and seconds < 4 + 3
    # every process of the server stayed under its bound: resting size (under 150 MB) + the limit
    assert peak and max(peak.values()) < 150 + limit_mb + 60, peak
    # the killed workers are gone, and the server answers as before
    assert srv.get("ASK { ?s ?p ?o }")[0] == 200
    assert len(srv.processes()) <= 1 + 6


def test_a_full_server_says_so(server):
    srv = server("--timeout", "3", "--workers", "1", "--max-memory", "100000")
    heavy = threading.Thread(target=srv.get, args=(HEAVY,))
    heavy.start()
    time.sleep(0.8)
    status, headers, body = srv.get("ASK { ?s ?p ?o }")
    assert status == 503 and b"busy" in body and headers["Retry-After"]
    heavy.join()


def test_max_rows_counts_the_rows_it_serves(server):
    srv = server("--max-rows", "3")
    assert srv.get("SELECT ?s WHERE { ?s a ipg:Plan }")[0] == 413
    status, _, body = srv.get("SELECT ?s WHERE { ?s a ipg:Plan } LIMIT 3")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, _, body = srv.get("SELECT ?s WHERE { ?s a ipg:Plan } LIMIT 3", "text/csv")
    assert status == 200 and len(body.decode().splitlines()) == 4


def test_a_hundred_slow_clients_do_not_lock_out_another(server):
    srv = server()
    slow = []
    for _ in range(100):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"GET /sparql?query=ASK")
        slow.append(s)
    stop = threading.Event()

    def trickle():  # one byte per second on every connection, never finishing the request
        while not stop.wait(1.0):
            for s in slow:
                try:
                    s.send(b"%")
                except OSError:
                    pass

    threading.Thread(target=trickle, daemon=True).start()
    try:
        time.sleep(1.5)
        start = time.monotonic()
        status, _, _ = srv.get("ASK { ?s ?p ?o }", timeout=10)
        assert status == 200 and time.monotonic() - start < 2.0
    finally:
        stop.set()
        for s in slow:
            s.close()


def test_html_pages_carry_security_headers(server):
    srv = server()
    path = "/id/plan/" + urllib.parse.quote("济宁市十四五知识产权保护和运用规划")
    for url in [srv.url + "/", srv.url + path]:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=10) as r:
            assert r.headers["Content-Type"].startswith("text/html")
            assert "default-src 'none'" in r.headers["Content-Security-Policy"]
            assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_xml_results_stay_well_formed_with_control_characters(server):
    srv = server()
    status, _, body = srv.get("SELECT ?l WHERE { <urn:x:hostile> rdfs:label ?l }", "application/sparql-results+xml")
    assert status == 200
    text = xml.dom.minidom.parseString(body).getElementsByTagName("literal")[0].firstChild.data
    assert text == "bell\ufffd nul\ufffd esc\ufffd"
    status, _, body = srv.get("SELECT ?l WHERE { <urn:x:hostile> rdfs:label ?l }")  # JSON keeps them, escaped
    assert json.loads(body)["results"]["bindings"][0]["l"]["value"] == "bell\x07 nul\x00 esc\x1b"


def test_bad_ports_are_one_line_errors(store_path):
    out = subprocess.run([str(BIN / "ipgraph"), "serve", "--store", str(store_path), "--port", "70000"],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 2 and "70000" in out.stderr and "Traceback" not in out.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = subprocess.run([str(BIN / "ipgraph"), "serve", "--store", str(store_path), "--port", str(port)],
                             capture_output=True, text=True, timeout=30)
    assert out.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    out = subprocess.run([str(BIN / "ipgraph"), "serve", "--store", str(store_path), "--host", "192.0.2.1"],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 1 and "cannot listen on 192.0.2.1" in out.stderr and "Traceback" not in out.stderr


def test_no_query_worker_survives_a_killed_server(server):
    srv = server("--workers", "3")
    deadline = time.monotonic() + 60
    while len(srv.processes()) < 1 + 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = srv.processes()[1:]
    assert len(workers) == 3
    srv.proc.kill()
    srv.proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == []
