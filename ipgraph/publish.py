"""Push each document's named graph to a remote triple store, by the standard protocols only:
the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces a graph, so pushing twice doubles
nothing), or SPARQL 1.1 Update (DROP + INSERT DATA) where only an update endpoint is offered.

A push tells the truth: a redirect is never followed (urllib would turn the write into a GET
without its body and send the credentials to the other host), the whole push has a deadline,
and the remote store is asked afterwards how many statements each graph holds."""
from __future__ import annotations

import base64
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from pyoxigraph import RdfFormat, serialize

from .errors import IpgraphError
from .store import GraphStore


@dataclass
class PushReport:
    graphs: list[tuple[str, int]] = field(default_factory=list)   # (graph IRI, triples sent)
    retries: int = 0
    checked: int = 0   # statements the remote store was found to hold in the pushed graphs


def check_url(url: str, what: str) -> str:
    """An http(s) URL with a host, or a one-line error naming the option."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IpgraphError(f"{what} {url!r}: give an http:// or https:// URL with a host")
    return url


class _Redirected(Exception):
    def __init__(self, code: int, location: str):
        super().__init__(code, location)
        self.code, self.location = code, location


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise _Redirected(code, newurl)


_opener = urllib.request.build_opener(_NoRedirect)


def _request(url: str, data: bytes | None, method: str, headers: dict, auth: str | None, timeout: float) -> bytes:
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii"))
    with _opener.open(req, timeout=timeout) as resp:
        return resp.read()


def _call(url, data, method, headers, auth, deadline: float, attempts: int, report: PushReport, what: str) -> bytes:
    """One request with retries of transient failures (connection refused, 5xx, a cut-off answer),
    within the push's deadline."""
    for attempt in range(attempts):
        left = deadline - time.monotonic()
        if left <= 0:
            raise IpgraphError(f"{what}: the push's deadline passed (raise --deadline)")
        try:
            return _request(url, data, method, headers, auth, min(60.0, left))
        except _Redirected as exc:
            raise IpgraphError(f"{what}: {url} answered with a redirect ({exc.code}) to {exc.location}; "
                               "a write is not sent on to another address: give the final URL") from None
        except urllib.error.HTTPError as exc:
            if exc.code < 500 or attempt == attempts - 1:
                raise IpgraphError(f"{what} refused: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError) as exc:
            if attempt == attempts - 1:
                reason = getattr(exc, "reason", None) or type(exc).__name__
                raise IpgraphError(f"{what} failed after {attempts} tries: {reason}") from None
        report.retries += 1
        time.sleep(min(0.5 * 2 ** attempt, max(0.0, deadline - time.monotonic())))
    raise AssertionError("unreachable")


def push(store: GraphStore, endpoint: str | None = None, graph_store: str | None = None, auth: str | None = None,
         attempts: int = 4, on_graph=None, deadline: float = 3600.0, query_url: str | None = None) -> PushReport:
    """Send every document graph, then check the remote counts: by a SPARQL query at `query_url`
    (default: the update endpoint), else by reading each graph back from the graph store."""
    if not endpoint and not graph_store:
        raise IpgraphError("give --graph-store URL (Graph Store Protocol) or --endpoint URL (SPARQL Update)")
    for url, what in ((endpoint, "--endpoint"), (graph_store, "--graph-store"), (query_url, "--query-url")):
        if url:
            check_url(url, what)
    end = time.monotonic() + deadline
    report = PushReport()
    for graph in store.graphs():
        triples = [q.triple for q in store.store.quads_for_pattern(None, None, None, graph)]
        body = serialize(sorted(triples, key=str), None, RdfFormat.N_TRIPLES)
        if graph_store:
            call = (_graph_url(graph_store, graph.value), body, "PUT", {"Content-Type": "application/n-triples"})
        else:
            update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body.decode('utf-8')}}} }}"
            call = (endpoint, update.encode("utf-8"), "POST", {"Content-Type": "application/sparql-update"})
        _call(*call, auth, end, attempts, report, f"push of {graph.value}")
        report.graphs.append((graph.value, len(triples)))
        if on_graph:
            on_graph(graph.value, len(triples))
    remote = _remote_counts(report, query_url or endpoint, graph_store, auth, end, attempts)
    wrong = [(g, n, remote.get(g, 0)) for g, n in report.graphs if remote.get(g, 0) != n]
    if wrong:
        g, n, r = wrong[0]
        raise IpgraphError(f"the remote store holds {r} statements in {g} after the push, not the {n} sent"
                           + (f" ({len(wrong)} graphs differ)" if len(wrong) > 1 else ""))
    report.checked = sum(remote.get(g, 0) for g, _ in report.graphs)
    return report


def _graph_url(graph_store: str, graph: str) -> str:
    sep = "&" if "?" in graph_store else "?"
    return f"{graph_store}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _remote_counts(report: PushReport, query_url: str | None, graph_store: str | None, auth: str | None,
                   end: float, attempts: int) -> dict[str, int]:
    pushed = [g for g, _ in report.graphs]
    if query_url:
        counts: dict[str, int] = {}
        for i in range(0, len(pushed), 500):  # a bounded VALUES list per query
            values = " ".join(f"<{g}>" for g in pushed[i:i + 500])
            q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
            data = urllib.parse.urlencode({"query": q}).encode("ascii")
            text = _call(query_url, data, "POST", {"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": "text/csv"}, auth, end, attempts, report,
                         "counting the pushed statements").decode("utf-8")
            for row in text.splitlines()[1:]:
                g, _, n = row.rpartition(",")
                if g:
                    counts[g.strip('"')] = int(float(n))
        return counts
    out = {}
    for g in pushed:
        text = _call(_graph_url(graph_store, g), None, "GET", {"Accept": "application/n-triples"}, auth, end, attempts,
                     report, f"reading back {g}").decode("utf-8")
        out[g] = sum(1 for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return out


def remote_count(endpoint: str, auth: str | None = None) -> int:
    """Statements in all named graphs of a remote store (for checks after a push)."""
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    text = _request(f"{endpoint}?{q}", None, "GET", {"Accept": "text/csv"}, auth, 60)
    return int(text.decode("utf-8").split()[-1])


__all__ = ["push", "remote_count", "check_url", "PushReport"]
