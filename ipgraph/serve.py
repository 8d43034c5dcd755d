"""A read-only SPARQL 1.1 Protocol endpoint over the store, with dereferenceable IRIs.

Served by waitress (a production WSGI server) rather than Oxigraph's own server, because the
instance IRIs (/id/plan/…, /id/dept/…) must answer with Turtle, JSON-LD or a readable HTML page,
which Oxigraph's server does not do. Queries run with a time limit and a result-size limit;
SPARQL Update is refused.
"""
from __future__ import annotations

import html
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as QueryTimeout

from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from .explorer import Explorer
from .store import GraphStore
from .vocab import DEFAULT_BASE, PREFIXES

RESULT_TYPES = {"application/sparql-results+json": QueryResultsFormat.JSON,
                "application/json": QueryResultsFormat.JSON,
                "application/sparql-results+xml": QueryResultsFormat.XML,
                "application/xml": QueryResultsFormat.XML,
                "text/csv": QueryResultsFormat.CSV,
                "text/tab-separated-values": QueryResultsFormat.TSV}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/ld+json": RdfFormat.JSON_LD,
               "application/n-triples": RdfFormat.N_TRIPLES, "application/rdf+xml": RdfFormat.RDF_XML}


def negotiate(accept: str, offered: list[str]) -> str:
    """The offered type the Accept header prefers (q-values honoured), else the first offered."""
    best, best_q = offered[0], -1.0
    for part in (accept or "").split(","):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            if p.strip().startswith("q="):
                try:
                    q = float(p.strip()[2:])
                except ValueError:
                    q = 0.0
        media = media.strip().lower()
        for o in offered:
            if (media == o or media == "*/*" or (media.endswith("/*") and o.startswith(media[:-1]))) and q > best_q:
                best, best_q = o, q
    return best


class App:
    def __init__(self, store: GraphStore, base: str = DEFAULT_BASE, timeout: float = 10.0, max_rows: int = 100_000):
        self.store, self.base, self.timeout, self.max_rows = store, base, timeout, max_rows
        self.pool = ThreadPoolExecutor(4)
        self.lock = threading.Lock()
        self.explorer = Explorer(store, base)

    def __call__(self, environ, start_response):
        # WSGI hands the (already unquoted) path over as latin-1 text of its UTF-8 bytes
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", errors="replace")
        # the explorer's pages (ipgraph/explorer): the site, and HTML for the /id/ IRIs it has a page for
        page = self.explorer.handle(path, environ)
        if page is not None:
            status, headers, body = page
            start_response(status, [*headers, ("Content-Length", str(len(body)))])
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
        start_response(status, [("Content-Type", ctype), ("Content-Length", str(len(body))),
                                ("Access-Control-Allow-Origin", "*")])
        return [body]

    def sparql(self, environ):
        method = environ["REQUEST_METHOD"]
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
        if method == "POST":
            raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)).decode("utf-8")
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
        future = self.pool.submit(self._run, params["query"][0], environ.get("HTTP_ACCEPT", ""))
        try:
            return future.result(timeout=self.timeout)
        except QueryTimeout:
            return ("503 Service Unavailable", "text/plain; charset=utf-8",
                    f"query cut: it ran longer than the {self.timeout:g} s limit\n".encode("utf-8"))

    def _run(self, query: str, accept: str):
        try:
            result = self.store.query(query, prefixes={**PREFIXES, "id": self.base})
        except SyntaxError as exc:
            return "400 Bad Request", "text/plain; charset=utf-8", f"SPARQL syntax error: {exc}\n".encode("utf-8")
        if isinstance(result, QuerySolutions):
            media = negotiate(accept, list(RESULT_TYPES))
            rows = []
            for row in result:
                rows.append(row)
                if len(rows) > self.max_rows:
                    return ("413 Content Too Large", "text/plain; charset=utf-8",
                            f"more than {self.max_rows} result rows: add a LIMIT\n".encode("utf-8"))
            again = self.store.query(query, prefixes={**PREFIXES, "id": self.base})
            return "200 OK", media, again.serialize(format=RESULT_TYPES[media])
        if isinstance(result, QueryBoolean):
            media = negotiate(accept, list(RESULT_TYPES))
            return "200 OK", media, result.serialize(format=RESULT_TYPES[media])
        media = negotiate(accept, list(GRAPH_TYPES))
        triples = list(result)
        if len(triples) > self.max_rows:
            return "413 Content Too Large", "text/plain; charset=utf-8", b"too many triples: narrow the query\n"
        return "200 OK", media, serialize(triples, None, GRAPH_TYPES[media], prefixes=_prefixes(media))

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
          timeout: float = 10.0, max_rows: int = 100_000) -> None:
    from waitress import serve as waitress_serve

    waitress_serve(App(store, base, timeout, max_rows), host=host, port=port, threads=8, ident="ipgraph")
