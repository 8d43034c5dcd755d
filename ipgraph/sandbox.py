"""Queries from the public endpoint run in worker processes that can be stopped.

Oxigraph cannot interrupt a query, and a thread cannot be killed: a query over its time or memory
limit would run on and hold a core (or grow by hundreds of MB a second) until the server restarts.
So each query runs in a worker process, one at a time per worker, and a worker is killed with
SIGKILL when its query passes `timeout` seconds or its memory grows by more than `max_memory_mb`.
At most `workers` queries run at once; a request that finds them all busy for `queue_wait`
seconds is told so (503) instead of queueing without bound. A query runs once per request: the
rows are counted as they are read and the same rows are serialised.

SERVICE would make the server send HTTP requests wherever a query says (SSRF): it is refused
unless its endpoint, written as a full IRI, is one the operator allowed.
"""
from __future__ import annotations

import json
import multiprocessing
import queue
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse_query_results, serialize

from .lifeline import die_with_parent, rss_mb
from .query import term_json
from .vocab import DEFAULT_BASE, PREFIXES

TEXT = "text/plain; charset=utf-8"
RESULT_TYPES = {"application/sparql-results+json": QueryResultsFormat.JSON,
                "application/json": QueryResultsFormat.JSON,
                "application/sparql-results+xml": QueryResultsFormat.XML,
                "application/xml": QueryResultsFormat.XML,
                "text/csv": QueryResultsFormat.CSV,
                "text/tab-separated-values": QueryResultsFormat.TSV}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/ld+json": RdfFormat.JSON_LD,
               "application/n-triples": RdfFormat.N_TRIPLES, "application/rdf+xml": RdfFormat.RDF_XML}
# characters XML 1.0 cannot carry even as references: a literal holding one would make the
# results document ill-formed, so they are shown as U+FFFD there
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# SERVICE is looked for the way Oxigraph's parser reads it: strings, IRIs, comments and variables
# are skipped (with SPARQL's own rules for each), and anywhere else the word counts even inside a
# longer one, because Oxigraph reads `1SERVICE <…>` and `trueSERVICE <…>` as a call. Oxigraph
# reads no \u escapes in keywords, so the keyword is always written out.
_VARNAME = ("[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D"
            "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF]")
_TOKENS = re.compile(r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^\'\\]|\\.))*\'\'\''
                     r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
                     r'|(<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)'
                     r'|#[^\n\r]*|[?$]' + _VARNAME + r'+|(SERVICE|SILENT)|(\S)', re.I)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class Refused(ValueError):
    """A query the endpoint will not run."""


def check_services(sparql: str, allowed: frozenset[str] = frozenset()) -> None:
    """Raise Refused when the query calls SERVICE on anything but an allowed endpoint IRI."""
    tokens = [(m.group(1), m.group(2), m.group(3)) for m in _TOKENS.finditer(sparql)
              if m.group(1) or m.group(2) or m.group(3)]
    for i, (_, keyword, _) in enumerate(tokens):
        if not keyword or keyword.upper() != "SERVICE":
            continue
        j = i + 1
        while j < len(tokens) and (tokens[j][1] or "").upper() == "SILENT":
            j += 1
        iri = tokens[j][0] if j < len(tokens) else None
        target = _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri[1:-1]) if iri else None
        if target is None or target not in allowed:
            shown = target or "an endpoint not written as a full IRI"
            raise Refused(f"SERVICE to {shown} is not allowed on this endpoint (the operator allows "
                          "named endpoints with --allow-service)")


def accepted(accept: str) -> list[tuple[str, float]]:
    """The media types an Accept header names, with their q-values."""
    out = []
    for part in (accept or "").split(","):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            if p.strip().startswith("q="):
                try:
                    q = float(p.strip()[2:])
                except ValueError:
                    q = 0.0
        out.append((media.strip().lower(), q))
    return out


def negotiate(accept: str, offered: list[str]) -> str:
    """The offered type the Accept header prefers (q-values honoured), else the first offered."""
    best, best_q = offered[0], -1.0
    for media, q in accepted(accept):
        for o in offered:
            if (media == o or media == "*/*" or (media.endswith("/*") and o.startswith(media[:-1]))) and q > best_q:
                best, best_q = o, q
    return best


def _solutions(variables: list[str], rows: list, fmt: QueryResultsFormat) -> bytes:
    """Rows already read, in the requested format: written as SPARQL JSON, and re-read by Oxigraph
    for the other formats, so the query itself is not run a second time."""
    bindings = [{v: term_json(row[v]) for v in variables if row[v] is not None} for row in rows]
    data = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")
    if fmt == QueryResultsFormat.JSON:
        return data
    return parse_query_results(data, QueryResultsFormat.JSON).serialize(format=fmt)


def answer(store, sparql: str, accept: str, base: str = DEFAULT_BASE, max_rows: int = 100_000,
           allowed: frozenset[str] = frozenset()) -> tuple[str, str, bytes]:
    """HTTP status, media type and body for one query, run once."""
    try:
        check_services(sparql, allowed)
        result = store.query(sparql, prefixes={**PREFIXES, "id": base})
        if isinstance(result, QuerySolutions):
            media = negotiate(accept, list(RESULT_TYPES))
            variables = [v.value for v in result.variables]
            rows = list(islice(result, max_rows + 1))
            if len(rows) > max_rows:
                return "413 Content Too Large", TEXT, f"more than {max_rows} result rows: add a LIMIT\n".encode()
            body = _solutions(variables, rows, RESULT_TYPES[media])
        elif isinstance(result, QueryBoolean):
            media = negotiate(accept, list(RESULT_TYPES))
            body = result.serialize(format=RESULT_TYPES[media])
        else:
            media = negotiate(accept, list(GRAPH_TYPES))
            triples = list(islice(result, max_rows + 1))
            if len(triples) > max_rows:
                return "413 Content Too Large", TEXT, b"too many triples: narrow the query\n"
            body = serialize(triples, None, GRAPH_TYPES[media], prefixes=PREFIXES if media == "text/turtle" else None)
    except Refused as exc:
        return "403 Forbidden", TEXT, f"{exc}\n".encode("utf-8")
    except SyntaxError as exc:
        return "400 Bad Request", TEXT, f"SPARQL syntax error: {exc}\n".encode("utf-8")
    except (OSError, RuntimeError, ValueError) as exc:  # evaluation errors (e.g. an allowed SERVICE that failed)
        return "500 Internal Server Error", TEXT, f"query failed: {str(exc).splitlines()[0] if str(exc) else exc}\n".encode()
    if "xml" in media:
        body = _NOT_XML.sub("\ufffd".encode("utf-8"), body)
    return "200 OK", media, body


def _work(conn, store_path: str, memory: bool, base: str, max_rows: int, allowed: frozenset[str],
          max_memory_mb: float) -> None:
    die_with_parent()
    from .store import GraphStore

    store = GraphStore(store_path, create=False, exclusive=False, memory=memory)
    _cap_memory(max_memory_mb)
    conn.send("ready")
    while True:
        try:
            sparql, accept = conn.recv()
        except EOFError:
            return
        conn.send(answer(store, sparql, accept, base, max_rows, allowed))


def _cap_memory(mb: float) -> None:
    """A hard stop behind the pool's watch on memory, which only looks every 50 ms: the kernel
    refuses this process more than `mb` MB of data beyond what it holds now (RLIMIT_DATA), and an
    allocation past it ends the process."""
    with open("/proc/self/status", encoding="ascii") as f:
        now_kb = next(int(ln.split()[1]) for ln in f if ln.startswith("VmData:"))
    limit = int(now_kb * 1024 + mb * 1e6)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Connection
    rest_mb: float = 0.0


class QueryPool:
    """`workers` query processes, started at once; one killed for running over is replaced."""

    def __init__(self, store_path: str, memory: bool = False, base: str = DEFAULT_BASE, workers: int = 8,
                 timeout: float = 10.0, max_memory_mb: float = 1024, max_rows: int = 100_000,
                 allowed: frozenset[str] = frozenset(), queue_wait: float = 1.0):
        self.args = (store_path, memory, base, max_rows, allowed, max_memory_mb)
        self.workers, self.timeout, self.max_memory_mb, self.queue_wait = workers, timeout, max_memory_mb, queue_wait
        self.idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self.idle.put(self._start())  # one now, so that a store that cannot be opened fails at start-up
        # the others, and every replacement, are started by one thread that lives as long as the
        # server: the kernel's parent-death signal fires when the *thread* that started a child ends
        self.wanted: queue.SimpleQueue[int] = queue.SimpleQueue()
        for _ in range(workers - 1):
            self.wanted.put(1)
        threading.Thread(target=self._starter, daemon=True).start()

    def _start(self) -> _Worker:
        """A new worker, once it has opened the store. A fresh interpreter that imports only this
        module and Oxigraph: multiprocessing would re-run the server's main module in each one."""
        mine, theirs = multiprocessing.Pipe()
        proc = subprocess.Popen([sys.executable, "-m", "ipgraph.sandbox", str(theirs.fileno())],
                                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        worker = _Worker(proc, mine)
        deadline = time.monotonic() + 600
        try:
            mine.send(self.args)
            while not mine.poll(0.1):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise EOFError
            mine.recv()
        except (EOFError, OSError):
            self._kill(worker, replace=False)
            raise RuntimeError("a query worker could not open the store") from None
        worker.rest_mb = rss_mb(proc.pid)
        return worker

    def _starter(self) -> None:
        while self.wanted.get():
            try:
                self.idle.put(self._start())
            except RuntimeError:  # the store went away: later queries are told the server is busy
                pass

    def _kill(self, worker: _Worker, replace: bool = True) -> None:
        worker.process.kill()
        worker.process.wait()
        worker.conn.close()
        if replace:
            self.wanted.put(1)

    def execute(self, sparql: str, accept: str) -> tuple[str, str, bytes]:
        try:
            worker = self.idle.get(timeout=self.queue_wait)
        except queue.Empty:
            return ("503 Service Unavailable", TEXT,
                    f"server busy: {self.workers} queries are running; try again shortly\n".encode("utf-8"))
        deadline = time.monotonic() + self.timeout
        try:
            worker.conn.send((sparql, accept))
        except OSError:  # the worker died while idle
            self._kill(worker)
            return "503 Service Unavailable", TEXT, b"a query worker had stopped; try again\n"
        while True:
            try:
                if worker.conn.poll(0.05):
                    reply = worker.conn.recv()
                    self.idle.put(worker)
                    return reply
            except (EOFError, OSError):  # most likely at its memory limit (see _cap_memory)
                self._kill(worker)
                return ("503 Service Unavailable", TEXT,
                        f"query stopped: its process ended, most likely at the {self.max_memory_mb:g} MB memory "
                        "limit\n".encode())
            grown = rss_mb(worker.process.pid) - worker.rest_mb
            if grown > self.max_memory_mb:
                self._kill(worker)
                return ("503 Service Unavailable", TEXT,
                        f"query stopped: it needed more than the {self.max_memory_mb:g} MB memory limit\n".encode())
            if time.monotonic() > deadline:
                self._kill(worker)
                return ("503 Service Unavailable", TEXT,
                        f"query stopped: it ran longer than the {self.timeout:g} s limit\n".encode("utf-8"))


if __name__ == "__main__":  # a query worker, started by QueryPool with its end of the pipe
    _channel = Connection(int(sys.argv[1]))
    _work(_channel, *_channel.recv())
