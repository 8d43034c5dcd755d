"""ipgraph push against servers that redirect, never answer, cut answers short or lose data:
the push fails loudly, never sends credentials elsewhere, and never reports what did not happen."""
import http.server
import socket
import subprocess
import threading
import time

import pytest

from ipgraph.errors import IpgraphError
from ipgraph.pipeline import build
from ipgraph.publish import push
from ipgraph.store import GraphStore

from .conftest import SEEDS
from .test_publish import BIN


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("push") / "store"
    build([SEEDS["linyi"], SEEDS["chongqing"]], GraphStore(path))
    return path


class Recorder(http.server.ThreadingHTTPServer):
    """A local HTTP server whose handler is given per test; it records every request."""

    def __init__(self, respond):
        self.seen = []
        seen = self.seen

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen.append((self.command, self.path, dict(self.headers), body))
                respond(self)

            do_GET = do_POST = do_PUT = _any

            def log_message(self, *a):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


def _reply(handler, code=204, body=b"", headers=()):
    handler.send_response(code)
    for k, v in headers:
        handler.send_header(k, v)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def servers():
    made = []

    def make(respond):
        made.append(Recorder(respond))
        return made[-1]

    yield make
    for s in made:
        s.shutdown()


def test_a_redirect_fails_loudly_and_sends_no_credentials_on(small, servers):
    elsewhere = servers(lambda h: _reply(h, 204))
    redirecting = servers(lambda h: _reply(h, 302, headers=[("Location", elsewhere.url + "/sparql")]))
    out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(small), "--endpoint", redirecting.url + "/update",
                          "--auth", "user:secret"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "pushed" not in out.stdout
    assert "redirect (302)" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "secret" not in out.stderr + out.stdout
    assert len(redirecting.seen) == 1 and redirecting.seen[0][0] == "POST"
    assert elsewhere.seen == []  # neither the write nor the Authorization header went on


def test_only_http_urls_are_accepted(small):
    for url in ["file:///etc/passwd", "ftp://127.0.0.1/x", "http:///nohost", "gopher://127.0.0.1:70/"]:
        out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(small), "--graph-store", url],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 1 and "http:// or https://" in out.stderr and "Traceback" not in out.stderr


def test_a_server_that_never_answers_meets_the_deadline(small):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        start = time.monotonic()
        out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(small), "--graph-store",
                              f"http://127.0.0.1:{port}/store", "--deadline", "4"],
                             capture_output=True, text=True, timeout=120)
        took = time.monotonic() - start
    assert out.returncode == 1 and "deadline passed" in out.stderr, out.stderr
    assert took < 4 + 8  # the deadline, plus start-up of the command


def test_a_cut_off_answer_is_retried_then_reported(small, servers):
    def truncated(h):
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b"short")
        h.close_connection = True

    cut = servers(truncated)
    with pytest.raises(IpgraphError, match="failed after 2 tries: IncompleteRead"):
        push(GraphStore(small, create=False, exclusive=False), graph_store=cut.url + "/store", attempts=2)
    assert len(cut.seen) == 2
    out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(small), "--graph-store", cut.url + "/store"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "IncompleteRead" in out.stderr


def test_a_store_that_loses_the_data_is_found_out(small, servers):
    def forgetful(h):  # accepts every PUT, and holds nothing afterwards
        _reply(h, 204) if h.command == "PUT" else _reply(h, 200, b"", [("Content-Type", "application/n-triples")])

    lossy = servers(forgetful)
    out = subprocess.run([str(BIN / "ipgraph"), "push", "--store", str(small), "--graph-store", lossy.url + "/store"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "pushed" not in out.stdout.splitlines()[-1]
    assert "the remote store holds 0 statements" in out.stderr
