"""The web explorer `ipgraph serve` shows: home, search, and a page for each plan, department,
indicator, region and source document, each with a .json twin (and .csv for its tables).

Pages live at the entities' own IRIs under /id/ (HTML when the browser asks for it; Turtle and
JSON-LD stay with the endpoint's negotiation), read the graph only through SPARQL (`data`), and
search through the full-text index (`index`). Scripts and styles are files under /static/,
vendored from their npm releases, so nothing is fetched from elsewhere and the pages work under
a strict Content-Security-Policy.
"""
from __future__ import annotations

import csv
import io
import json
import mimetypes
import threading
import urllib.parse
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from ..sandbox import accepted
from ..vocab import PREFIXES
from . import data, html, index

STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# YASGUI's editor (CodeMirror) sets style attributes while it draws, which style-src 'self' refuses
CSP_EDITOR = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PAGE_KINDS = ("plan/", "dept/", "indicator-concept/", "region/")
ITEM_KINDS = ("task/", "project/", "indicator/", "term/")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def wants_html(accept: str) -> bool:
    """Whether the Accept header prefers HTML to the RDF types /id/ also serves (q-values honoured;
    */* or no header counts as HTML, as the endpoint's own negotiation has it)."""
    best_html, best_other = -1.0, -1.0
    for media, q in accepted(accept or "*/*"):
        if media in HTML_TYPES or media in ("text/*", "*/*"):
            best_html = max(best_html, q)
        elif media:
            best_other = max(best_other, q)
    return best_html > 0 and best_html >= best_other


class Explorer:
    def __init__(self, store, base: str):
        self.store, self.base, self.links = store, base, html.Links(base)
        self.index_path = index.ensure(store)
        self.local = threading.local()

    @property
    def db(self):
        if not hasattr(self.local, "db"):
            self.local.db = index.connect(self.index_path)
        return self.local.db

    def handle(self, path: str, environ) -> tuple[str, list[tuple[str, str]], bytes] | None:
        """The response for `path`, or None when it is not the explorer's (the endpoint answers)."""
        try:
            return self._route(path, environ)
        except ValueError:  # not an IRI (NamedNode refused it): nothing of this dataset is there
            return "404 Not Found", [("Content-Type", "text/plain; charset=utf-8")], b"not found\n"

    def _route(self, path: str, environ):
        params = {k: v[0] for k, v in urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).items()}
        if path.startswith("/static/"):
            return self._static(path[len("/static/"):])
        stem, fmt = path, "html"
        for suffix in (".json", ".csv", ".ttl"):
            if path.endswith(suffix):
                stem, fmt = path[: -len(suffix)], suffix[1:]
        if stem in ("/", "/index"):
            return self._reply(fmt, index.overview(self.db), html.home, "plans")
        if stem == "/search":
            filters = {k: params.get(k, "") for k in index.FACETS}
            offset = int(params["offset"]) if params.get("offset", "").isdigit() else 0
            result = index.search(self.db, params.get("q", ""), filters, limit=1000 if fmt == "csv" else 50, offset=offset)
            return self._reply(fmt, result, lambda d, L: html.search(d, L, params), "hits")
        if stem == "/query" and fmt == "html":
            return self._page(html.query_page(self._examples()), CSP_EDITOR)
        if stem == "/queries" and fmt == "json":
            return self._json(self._examples())
        if not stem.startswith("/id/"):
            return None
        if fmt == "html" and not wants_html(environ.get("HTTP_ACCEPT", "")):
            return None
        if fmt == "ttl":
            return self._turtle(self.base + stem[len("/id/"):])
        return self._entity(stem[len("/id/"):], fmt, params)

    def _entity(self, local: str, fmt: str, params: dict):
        iri = self.base + local
        table = params.get("table", "")
        if local.startswith("plan/"):
            d = data.plan(self.store, iri)
            return d and self._reply(fmt, d, html.plan, "indicators" if table == "indicators" else "outline")
        if local.startswith("dept/"):
            return (d := data.department(self.store, iri)) and self._reply(fmt, d, html.department, "tasks")
        if local.startswith("indicator-concept/"):
            return (d := data.indicator(self.store, iri)) and self._reply(fmt, d, html.indicator, "plans")
        if local.startswith("region/"):
            return (d := data.region(self.store, iri)) and self._reply(fmt, d, html.region, "plans")
        doc = index.source(self.db, iri)
        if doc:
            focus = data.entity(self.store, params["focus"], iri) if params.get("focus") else None
            doc["plan_label"] = data.label(self.store, doc["plan"]) if doc["plan"] else None
            spans = data.spans(self.store, iri)
            if fmt == "json":
                return self._json({**doc, "spans": spans, "focus": focus})
            return self._page(html.source(doc, spans, focus, self.links))
        if local.startswith(ITEM_KINDS):
            item = data.entity(self.store, iri)
            if item is None:
                return None
            if fmt == "json":
                return self._json(item)
            where = self.links.source(item["doc_iri"], iri)
            return ("303 See Other", [("Location", where), ("Content-Type", "text/plain; charset=utf-8")],
                    b"see its source sentence\n") if where else None
        return None

    def _turtle(self, iri: str):
        """The Turtle twin: what the graph states about the IRI, as /id/ gives it to RDF clients."""
        triples = data.describe(self.store, iri)
        if not triples:
            return None
        body = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
        return "200 OK", [("Content-Type", "text/turtle; charset=utf-8")], body

    def _examples(self) -> list[dict]:
        from ..query import named_queries

        return [{"name": q.name, "title": q.title, "description": q.description, "sparql": q.sparql}
                for q in named_queries().values()]

    def _reply(self, fmt: str, d: dict, render, table: str):
        if fmt == "json":
            return self._json(d)
        if fmt == "csv":
            return self._csv(_rows(d, table))
        if fmt == "html":
            return self._page(render(d, self.links))
        return None

    def _page(self, text: str, csp: str = CSP):
        return "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", csp)], \
            text.encode("utf-8")

    def _json(self, d):
        return "200 OK", [("Content-Type", "application/json; charset=utf-8")], \
            json.dumps(d, ensure_ascii=False, indent=1).encode("utf-8")

    def _csv(self, rows: list[dict]):
        out = io.StringIO()
        names = list(dict.fromkeys(k for r in rows for k in r))
        w = csv.DictWriter(out, names)
        w.writeheader()
        w.writerows(rows)
        # a BOM, so that Excel opens the Chinese text as UTF-8
        return "200 OK", [("Content-Type", "text/csv; charset=utf-8"),
                          ("Content-Disposition", "attachment")], ("\ufeff" + out.getvalue()).encode("utf-8")

    def _static(self, name: str):
        f = (STATIC / name).resolve()
        if STATIC.resolve() not in f.parents or not f.is_file():
            return "404 Not Found", [("Content-Type", "text/plain; charset=utf-8")], b"not found\n"
        ctype = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith("javascript"):
            ctype += "; charset=utf-8"
        return "200 OK", [("Content-Type", ctype), ("Cache-Control", "max-age=3600")], f.read_bytes()


def _flat(value):
    if isinstance(value, dict):
        return value.get("label") or value.get("iri") or ""
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    return value


def _rows(d: dict, table: str) -> list[dict]:
    """A page's table as flat rows for CSV: nested values become their labels."""
    if table == "outline":
        rows, stack = [], [(n, 0) for n in reversed(d["outline"])]
        while stack:
            n, depth = stack.pop()
            rows.append({"depth": depth, "numbering": n["numbering"], "text": n["text"], "iri": n["iri"],
                         "owners": "; ".join(o["label"] for o in n["owners"]),
                         "lead": "; ".join(o["label"] for o in n["owners"] if o["lead"]), "start": n["start"],
                         "end": n["end"]})
            stack.extend((c, depth + 1) for c in reversed(n["children"]))
        return rows
    if table == "tasks":
        return [{"plan": p["label"], **{k: _flat(v) for k, v in t.items()}} for p in d["plans"] for t in p["tasks"]]
    return [{k: _flat(v) for k, v in r.items()} for r in d[table]]
