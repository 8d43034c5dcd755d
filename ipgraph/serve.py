"""A read-only SPARQL 1.1 Protocol endpoint over the store, with dereferenceable IRIs.

Served by waitress (a production WSGI server) rather than Oxigraph's own server, because the
instance IRIs (/id/plan/…, /id/dept/…) must answer with Turtle, JSON-LD or a readable HTML page,
which Oxigraph's server does not do. Queries run in worker processes that are killed at the time
or memory limit (see sandbox.py); SPARQL Update and SERVICE are refused.
"""
from __future__ import annotations

import html
import resource
import urllib.parse

from pyoxigraph import NamedNode, serialize

from .errors import IpgraphError
from .explorer import Explorer
from .sandbox import GRAPH_TYPES, RESULT_TYPES, QueryPool, negotiate  # noqa: F401 (re-exported)
from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES

MAX_BODY = 1_000_000  # bytes of a POSTed query; waitress refuses a larger body before reading it
# a page shows data from documents: nothing on it may run or load from elsewhere
HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"


class App:
    def __init__(self, store: GraphStore, base: str = DEFAULT_BASE, pool: QueryPool | None = None):
        self.store, self.base, self.pool = store, base, pool
        self.explorer = Explorer(store, base)

    def __call__(self, environ, start_response):
        # WSGI hands the (already unquoted) path over as latin-1 text of its UTF-8 bytes
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", errors="replace")
        # the explorer's pages (ipgraph/explorer): the site, and HTML for the /id/ IRIs it has a page for
        page = self.explorer.handle(path, environ)
        if page is not None:
            status, headers, body = page
            security = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")]
            start_response(status, [*headers, *security, ("Content-Length", str(len(body)))])
            return [body]
        try:
            if path == "/sparql":
                status, ctype, body = self.sparql(environ)
            elif path.startswith("/id/"):
                status, ctype, body = self.describe(path[len("/id/"):], environ.get("HTTP_ACCEPT", ""))
            else:
                status, ctype, body = "404 Not Found", "text/plain; charset=utf-8", b"not found\n"
        except ValueError as exc:
            status, ctype, body = "400 Bad Request", "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8")
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), ("Access-Control-Allow-Origin", "*"),
                   ("X-Content-Type-Options", "nosniff")]
        if ctype.startswith("text/html"):
            headers += [("Content-Security-Policy", HTML_POLICY), ("Referrer-Policy", "no-referrer")]
        if status.startswith("503"):
            headers.append(("Retry-After", "5"))
        start_response(status, headers)
        return [body]

    def sparql(self, environ):
        method = environ["REQUEST_METHOD"]
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
        if method == "POST":
            raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)).decode("utf-8", errors="replace")
            if ctype == "application/sparql-update":
                return "403 Forbidden", "text/plain; charset=utf-8", b"this endpoint is read-only: SPARQL Update is refused\n"
            if ctype == "application/x-www-form-urlencoded":
                params.update(urllib.parse.parse_qs(raw))
            elif ctype == "application/sparql-query":
                params["query"] = [raw]
        elif method != "GET":
            return "405 Method Not Allowed", "text/plain; charset=utf-8", b"use GET or POST\n"
        if "update" in params:
            return "403 Forbidden", "text/plain; charset=utf-8", b"this endpoint is read-only: SPARQL Update is refused\n"
        if "query" not in params:
            return "400 Bad Request", "text/plain; charset=utf-8", b"missing query parameter\n"
        if self.pool is None:
            return "503 Service Unavailable", "text/plain; charset=utf-8", b"queries are not served here\n"
        return self.pool.execute(params["query"][0], environ.get("HTTP_ACCEPT", ""))

    def describe(self, local: str, accept: str):
        iri = self.base + local
        try:
            node = NamedNode(iri)
        except ValueError:
            return "404 Not Found", "text/plain; charset=utf-8", b"not an IRI of this dataset\n"
        triples = [q.triple for q in self.store.store.quads_for_pattern(node, None, None, None)
                   if not isinstance(q.graph_name, NamedNode)]
        if not triples:
            return "404 Not Found", "text/plain; charset=utf-8", f"no statements about {iri}\n".encode("utf-8")
        media = negotiate(accept, ["text/html", *GRAPH_TYPES])
        if media == "text/html":
            return "200 OK", "text/html; charset=utf-8", self._page(iri, triples).encode("utf-8")
        return "200 OK", media, serialize(triples, None, GRAPH_TYPES[media], prefixes=_prefixes(media))

    def _label(self, term) -> str:
        if isinstance(term, NamedNode):
            for q in self.store.store.quads_for_pattern(term, NamedNode(PREFIXES["rdfs"] + "label"), None, None):
                return q.object.value
            return term.value
        return term.value

    def _page(self, iri: str, triples) -> str:
        rows = []
        for t in sorted(triples, key=lambda t: (t.predicate.value, str(t.object))):
            p = _short(t.predicate.value)
            if isinstance(t.object, NamedNode):
                href = t.object.value
                local = href.replace(self.base, "/id/", 1) if href.startswith(self.base) else href
                o = f'<a href="{html.escape(local, quote=True)}">{html.escape(self._label(t.object))}</a>'
            else:
                o = html.escape(t.object.value)
            rows.append(f"<tr><th>{html.escape(p)}</th><td>{o}</td></tr>")
        title = html.escape(self._label(NamedNode(iri)))
        return (f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{title}</title>"
                "<style>body{font-family:sans-serif;margin:2em}th{text-align:left;padding-right:1em;vertical-align:top;"
                "color:#555}td{padding:2px 0}</style></head><body>"
                f"<h1>{title}</h1><p><code>{html.escape(iri)}</code></p><table>{''.join(rows)}</table></body></html>")


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _prefixes(media: str) -> dict | None:
    return PREFIXES if media == "text/turtle" else None


def serve(store: GraphStore, host: str = "127.0.0.1", port: int = 8000, base: str = DEFAULT_BASE,
          timeout: float = 10.0, max_rows: int = 100_000, memory: bool = False, workers: int = 8,
          max_memory_mb: float = 1024, allow_service: frozenset[str] = frozenset(), on_ready=None) -> None:
    """Serve until interrupted. Slow clients cannot starve others: waitress reads each request
    whole before a thread takes it, drops a connection idle for 15 s, and holds up to 1,000."""
    from waitress.server import create_server

    app = App(store, base)
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # room for the connections below
    limit = max(100, min(1000, hard - 100))
    try:
        server = create_server(app, host=host, port=port, threads=workers + 4, ident="ipgraph",
                               connection_limit=limit, channel_timeout=15, cleanup_interval=1,
                               asyncore_use_poll=True, max_request_body_size=MAX_BODY)
    except OSError as exc:
        raise IpgraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        app.pool = QueryPool(str(store.path), memory, base, workers, timeout, max_memory_mb, max_rows, allow_service)
    except RuntimeError as exc:
        raise IpgraphError(f"{store.path}: {exc}") from None
    if on_ready:
        on_ready()
    server.run()
