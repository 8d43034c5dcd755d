"""Push each document's named graph to a remote triple store, by the standard protocols only:
the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces a graph, so pushing twice doubles
nothing), or SPARQL 1.1 Update (DROP + INSERT DATA) where only an update endpoint is offered."""
from __future__ import annotations

import base64
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


def _request(url: str, data: bytes, method: str, ctype: str, auth: str | None) -> None:
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype})
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii"))
    with urllib.request.urlopen(req, timeout=60) as resp:
        resp.read()


def push(store: GraphStore, endpoint: str | None = None, graph_store: str | None = None, auth: str | None = None,
         attempts: int = 4, on_graph=None) -> PushReport:
    if not endpoint and not graph_store:
        raise IpgraphError("give --graph-store URL (Graph Store Protocol) or --endpoint URL (SPARQL Update)")
    report = PushReport()
    for graph in store.graphs():
        triples = [q.triple for q in store.store.quads_for_pattern(None, None, None, graph)]
        body = serialize(sorted(triples, key=str), None, RdfFormat.N_TRIPLES)
        if graph_store:
            sep = "&" if "?" in graph_store else "?"
            url = f"{graph_store}{sep}graph={urllib.parse.quote(graph.value, safe='')}"
            call = (url, body, "PUT", "application/n-triples")
        else:
            update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body.decode('utf-8')}}} }}"
            call = (endpoint, update.encode("utf-8"), "POST", "application/sparql-update")
        for attempt in range(attempts):
            try:
                _request(*call, auth)
                break
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == attempts - 1:
                    raise IpgraphError(f"push of {graph.value} refused: HTTP {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                if attempt == attempts - 1:
                    reason = getattr(exc, "reason", exc)
                    raise IpgraphError(f"push of {graph.value} failed after {attempts} tries: {reason}") from None
            report.retries += 1
            time.sleep(0.5 * 2 ** attempt)
        report.graphs.append((graph.value, len(triples)))
        if on_graph:
            on_graph(graph.value, len(triples))
    return report


def remote_count(endpoint: str, auth: str | None = None) -> int:
    """Statements in all named graphs of a remote store (for checks after a push)."""
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    req = urllib.request.Request(f"{endpoint}?{q}", headers={"Accept": "text/csv"})
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii"))
    with urllib.request.urlopen(req, timeout=60) as resp:
        return int(resp.read().decode("utf-8").split()[-1])


__all__ = ["push", "remote_count", "PushReport"]
