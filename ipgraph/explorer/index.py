"""The explorer's full-text index: an SQLite file next to the store (explorer.sqlite).

It holds what the pages need and SPARQL is slow or unable to give: a trigram FTS5 index over plan
titles, task and project texts, department names and aliases, indicator names and defined terms
(trigrams match Chinese without word segmentation); the facets of each hit (kind, region, level,
period, plan); and each document's source text, so the source view keeps working when the file
moves. The store stays the one truth: the index is brought up to date after every build, and
whenever it is found older than the store (`fresh` compares the ingest log).

It is kept up to date document by document. What a document adds (its source row, its tasks,
projects, indicators and definitions) is read from its own statements alone (`read_document`),
in the build's worker processes; plans, departments and regions are nodes many documents speak
of, so the rows of those a changed document speaks of are read again from the merged graph, and
the items of a plan whose label, region or period changed take the new values. A whole rebuild
is the same update applied to an empty index, so both give the same file contents (tested). Row
ids are hashes of (kind, IRI, document), so hits that rank equally come in the same order however
the index was made.
"""
from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from ..script import is_traditional_word, to_simplified
from ..vocab import DCTERMS, IPG, PREFIXES, PROV, RDF, RDFS, SKOS

FILE = "explorer.sqlite"
VERSION = "4"  # of the index's layout: an index written by another version is rebuilt
KIND_ORDER = ["plan", "department", "indicator", "term", "project", "task"]
LEVELS = {IPG + "National": "国家级", IPG + "Provincial": "省级", IPG + "Municipal": "市级", IPG + "County": "县级"}
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (doc_id TEXT PRIMARY KEY, iri TEXT, name TEXT, kind TEXT, plan TEXT, path TEXT, sha256 TEXT,
                   format TEXT, text TEXT, triples INTEGER);
CREATE TABLE doc_nodes (doc_id TEXT, node TEXT);
CREATE TABLE regions (iri TEXT PRIMARY KEY, label TEXT, level TEXT);
CREATE TABLE entities (id INTEGER PRIMARY KEY, kind TEXT, rank INTEGER, level TEXT, region_label TEXT, period TEXT,
                       plan_label TEXT, ingested INTEGER, plan TEXT, region TEXT, link TEXT, doc TEXT, start INTEGER,
                       end INTEGER, iri TEXT, label TEXT);
CREATE INDEX entities_kind ON entities(kind);
CREATE INDEX entities_doc ON entities(doc);
CREATE INDEX entities_plan ON entities(plan);
CREATE INDEX entities_iri ON entities(iri);
CREATE INDEX doc_nodes_doc ON doc_nodes(doc_id);
CREATE INDEX docs_iri ON docs(iri);
CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='trigram', columnsize=0);
"""  # columnsize=0: no per-row token counts (only bm25 reads them, and hits are ordered by `rank`): a
# quarter less to write
_TYPE = RDF + "type"
_LABEL = RDFS + "label"
_SHARED = {IPG + "Plan", IPG + "Department", IPG + "Region"}  # nodes whose rows read the merged graph
# (kind, class, predicate of the label, predicate of the rest of the body, predicate of the link)
_ITEMS = [("task", IPG + "Task", IPG + "text", None, None),
          ("project", IPG + "Project", _LABEL, IPG + "text", None),
          ("indicator", IPG + "Indicator", _LABEL, None, IPG + "measures"),
          ("term", IPG + "DefinedTerm", _LABEL, SKOS + "definition", None)]


def path_of(store) -> Path:
    return Path(store.path) / FILE


def select(store, sparql: str) -> list[dict]:
    """SPARQL SELECT over the store as a list of {variable: plain value or None}."""
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    result = store.query(prologue + sparql)
    names = [v.value for v in result.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in result]


@dataclass(frozen=True)
class DocumentRows:
    """What one document adds to the index, read from its own statements alone."""
    doc_id: str
    source: tuple          # (iri, name, kind, plan, format) of its SourceDocument
    items: tuple           # (kind, iri, label, body, link, plan, doc, start, end)
    nodes: tuple[str, ...]  # plans, departments and regions it states something about
    text: str | None       # its source text; None: read from its file


def _pick(values: list):
    """One value of several, the same whatever order they were read in: simplified script first."""
    if not values:
        return None
    return min(values, key=lambda o: (o[1] not in (None, "zh"), o[0]))[0]


# what the rows are made of: every other statement is passed over
_READ = {_TYPE, _LABEL, DCTERMS + "identifier", DCTERMS + "type", DCTERMS + "format", IPG + "describes",
         IPG + "inPlan", IPG + "charStart", IPG + "charEnd", PROV + "wasDerivedFrom",
         *(p for _, _, *ps in _ITEMS for p in ps if p)}


def read_document(doc_id: str, statements: Iterable[tuple[str, str, tuple[str, str | None]]],
                  text: str | None = None) -> DocumentRows:
    """The index rows of one document from its statements: (subject, predicate, (value, language))."""
    about: dict[str, dict[str, list]] = {}
    for s, p, o in statements:
        if p in _READ:
            about.setdefault(s, {}).setdefault(p, []).append(o)
    source, items, nodes = None, [], []
    for s in sorted(about):
        facts = about[s]
        types = {o[0] for o in facts.get(_TYPE, ())}
        if IPG + "SourceDocument" in types and _pick(facts.get(DCTERMS + "identifier", [])) == doc_id:
            kind = _pick(facts.get(DCTERMS + "type", [])) or ""
            source = (s, _pick(facts.get(_LABEL, [])), kind.rsplit("#", 1)[-1],
                      _pick(facts.get(IPG + "describes", [])), _pick(facts.get(DCTERMS + "format", [])))
        if types & _SHARED:
            nodes.append(s)
        for kind, cls, label_p, more_p, link_p in _ITEMS:
            if cls not in types:
                continue
            label, plan = _pick(facts.get(label_p, [])), _pick(facts.get(IPG + "inPlan", []))
            if label is None or plan is None:
                break
            body = label if kind == "task" else f"{label} {_pick(facts.get(more_p, [])) or ''}" if more_p else label
            start, end = _pick(facts.get(IPG + "charStart", [])), _pick(facts.get(IPG + "charEnd", []))
            span = (int(start), int(end)) if start is not None and end is not None else (None, None)
            for doc in sorted({o[0] for o in facts.get(PROV + "wasDerivedFrom", ())}):
                items.append((kind, s, label, body, _pick(facts.get(link_p, [])) if link_p else None, plan, doc,
                               *span))
            break
    return DocumentRows(doc_id, source, tuple(items), tuple(nodes), text)


def _value(term) -> tuple[str, str | None]:
    return term.value, getattr(term, "language", None)


def read_quads(doc_id: str, quads: Iterable) -> DocumentRows:
    """read_document over a document's graph in the store."""
    return read_document(doc_id, ((q.subject.value, q.predicate.value, _value(q.object)) for q in quads))


_READ_LINES = {f"<{p}>" for p in _READ}  # the predicates as N-Triples writes them


def _statements(lines: Iterable[str]) -> Iterable[tuple[str, str, tuple[str, str | None]]]:
    """The statements of lines as the store writes them (see store.line) whose predicate the index
    reads: IRIs, then an IRI or a literal; a line with an escape in it is left to the N-Triples parser."""
    for line in lines:
        s, p, o = line.split(" ", 2)
        if p not in _READ_LINES:
            continue
        if "\\" in line:
            t = next(parse(line + " .", RdfFormat.N_TRIPLES)).triple
            yield t.subject.value, t.predicate.value, _value(t.object)
        elif o[0] == "<":
            yield s[1:-1], p[1:-1], (o[1:-1], None)
        else:
            end = o.rindex('"')
            yield s[1:-1], p[1:-1], (o[1:end], o[end + 2:] if o.startswith("@", end + 1) else None)


def read_lines(doc_id: str, lines: Iterable[str], text: str | None = None) -> DocumentRows:
    """read_document over N-Triples lines without their final dot (the form a build's workers send)."""
    return read_document(doc_id, _statements(lines), text)


def _rank(kind: str, iri: str, doc: str | None, label: str | None) -> int:
    """Hits order by kind, then shorter labels first; then by a hash of the row's identity (40
    bits), so that the order is the same however the index was made."""
    tie = int.from_bytes(hashlib.blake2b(f"{kind} {iri} {doc or ''}".encode(), digest_size=5).digest())
    return (KIND_ORDER.index(kind) * 1_000_000 + min(len(label or ""), 999_999)) << 40 | tie


def _period(start, end) -> str:
    return f"{start}–{end}" if start and end else ""


class Update:
    """A change of the index in one SQLite transaction: documents put and dropped, then `finish`
    reads the shared nodes they spoke of from the merged graph. Readers see the index as before
    until the commit."""

    def __init__(self, store, target: Path | None = None):
        self.store = store
        self.path = target or path_of(store)
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        if _version(self.db) != VERSION:
            self.db.close()
            _remove(self.path)
            self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        self.db.execute("PRAGMA journal_mode = WAL")  # readers go on reading the index as it was meanwhile
        self.db.execute("PRAGMA cache_size = -16384")  # 16 MB: the pages a build rewrites stay in memory
        self.db.execute("BEGIN IMMEDIATE")
        # FTS5 gathers new trigrams in memory and writes a segment whenever 1 MB is reached, merging
        # segments as they pile up: at 16 MB a 1,000-document build spent 2.7-2.8 s indexing instead of 5.1
        self.db.execute("INSERT INTO fts (fts, rank) VALUES ('hashsize', 16777216)")
        self.next_id = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM entities").fetchone()[0]
        self.touched: set[str] = set()
        self.plans: set[str] = set()  # plans of items put: their context is filled in at the end

    def indexed(self) -> dict[str, tuple[str, int]]:
        return {d: (sha, n) for d, sha, n in self.db.execute("SELECT doc_id, sha256, triples FROM docs")}

    def drop(self, doc_id: str) -> None:
        row = self.db.execute("SELECT iri FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return
        self.touched.update(n for (n,) in self.db.execute("SELECT node FROM doc_nodes WHERE doc_id = ?", (doc_id,)))
        self.db.execute("DELETE FROM fts WHERE rowid IN (SELECT id FROM entities WHERE doc = ?)", row)
        self.db.execute("DELETE FROM entities WHERE doc = ?", row)
        self.db.execute("DELETE FROM doc_nodes WHERE doc_id = ?", (doc_id,))
        self.db.execute("DELETE FROM docs WHERE doc_id = ?", (doc_id,))

    def put(self, rows: DocumentRows, entry: dict) -> None:
        """Put one document in (after dropping what the index held of it); `entry` is its ingest log entry."""
        from ..load import load  # the reader is heavy (lxml, pdfplumber): only when a text must be read

        self.drop(rows.doc_id)
        text = rows.text
        if text is None:
            try:
                text = load(entry["path"]).text
            except Exception:  # moved or unreadable since the build: the view says so instead
                text = None
        if rows.source is not None:
            iri, name, kind, plan, fmt = rows.source
            self.db.execute("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?)",
                            (rows.doc_id, iri, name, kind, plan, entry.get("path"), entry.get("sha256", ""), fmt,
                             text, entry.get("triples", 0)))
        self.db.executemany("INSERT INTO doc_nodes VALUES (?, ?)", ((rows.doc_id, n) for n in rows.nodes))
        self.touched.update(rows.nodes)
        self._insert((kind, iri, label, body, link or iri, plan, None, None, None, None, "", 0, doc, start, end)
                     for kind, iri, label, body, link, plan, doc, start, end in rows.items)
        self.plans.update(r[5] for r in rows.items)

    def _insert(self, rows) -> None:
        # The searchable text lives only in the FTS table, and the label (a task's can be pages long)
        # is the last column: SQLite reads a row's columns in order, so facets and counts over tens of
        # thousands of matches never touch the long text. `rank` orders hits: kind, then shorter first.
        rows = [(i, *r) for i, r in enumerate(rows, self.next_id)]
        self.next_id += len(rows)
        self.db.executemany("INSERT INTO entities (id, kind, rank, level, region_label, period, plan_label, ingested, "
                            "plan, region, link, doc, start, end, iri, label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            ((i, kind, _rank(kind, iri, doc, label), level, region_label, period, plan_label, ingested, plan,
                              region, link, doc, start, end, iri, label)
                             for i, kind, iri, label, _, link, plan, plan_label, region, region_label, level, period,
                             ingested, doc, start, end in rows))
        self.db.executemany("INSERT INTO fts (rowid, body) VALUES (?, ?)", ((r[0], r[4]) for r in rows))

    def _about(self, node: str) -> dict[str, list]:
        facts: dict[str, list] = {}
        for q in self.store.about(NamedNode(node)):
            facts.setdefault(q.predicate.value, []).append(_value(q.object))
        return facts

    def sync(self) -> None:
        """Put the documents the ingest log lists differently from the index (from their graphs in
        the store), drop those gone from the log, and `finish`."""
        put, drop = _stale(self.store, self.indexed())
        for d in drop:
            self.drop(d)
        log = self.store.log()
        for d in put:  # its graph is found by its identifier: the store may have been built under another base
            graphs = self.store.graphs_stating(NamedNode(DCTERMS + "identifier"), Literal(d))
            self.put(read_quads(d, (q for g in graphs for q in self.store.graph(g))), log[d])
        self.finish()

    def close(self) -> None:
        """End the update; uncommitted changes (an error while building) are rolled back."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()

    def finish(self) -> None:
        """Read the shared nodes the documents put or dropped spoke of again, give the items of each
        plan its plan's context, and commit."""
        nodes = {n: self._about(n) for n in sorted(self.touched)}
        regions = set()
        for n, facts in nodes.items():  # regions first: plans and departments show their labels and levels
            types = {o[0] for o in facts.get(_TYPE, ())}
            old = self.db.execute("SELECT label, level FROM regions WHERE iri = ?", (n,)).fetchone()
            new = (_pick(facts.get(_LABEL, [])), _pick(facts.get(IPG + "level", []))) \
                if IPG + "Region" in types and facts.get(_LABEL) else None
            if old != new:
                self.db.execute("DELETE FROM regions WHERE iri = ?", (n,))
                if new:
                    self.db.execute("INSERT INTO regions VALUES (?, ?, ?)", (n, *new))
                regions.add(n)
        if regions:  # a region renamed: every plan and department in it shows the new name
            for r in regions:
                for (iri,) in self.db.execute("SELECT iri FROM entities WHERE kind IN ('plan', 'department') "
                                              "AND region = ?", (r,)).fetchall():
                    nodes.setdefault(iri, None)
        changed = set()
        for n, facts in nodes.items():
            if facts is None:
                facts = self._about(n)
            old = self.db.execute("SELECT id, kind, plan_label, region, region_label, level, period FROM entities "
                                  "WHERE iri = ? AND kind IN ('plan', 'department')", (n,)).fetchall()
            for row in old:
                self.db.execute("DELETE FROM fts WHERE rowid = ?", (row[0],))
                self.db.execute("DELETE FROM entities WHERE id = ?", (row[0],))
            new = self._shared_rows(n, facts)
            self._insert(new)
            before = {r[2:] for r in old if r[1] == "plan"}
            after = {(r[6], r[7], r[8], r[9], r[10]) for r in new if r[0] == "plan"}
            if before != after:
                changed.add(n)
        for plan in sorted(changed | self.plans):
            ctx = self.db.execute("SELECT plan_label, region, region_label, level, period FROM entities "
                                  "WHERE kind = 'plan' AND iri = ?", (plan,)).fetchone() or (None, None, None, None, "")
            self.db.execute("UPDATE entities SET plan_label = ?, region = ?, region_label = ?, level = ?, period = ? "
                            "WHERE plan = ? AND kind NOT IN ('plan', 'department')", (*ctx, plan))
        self.db.execute("COMMIT")

    def _region(self, iri: str | None) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT label, level FROM regions WHERE iri = ?", (iri,)).fetchone() if iri else None
        return row or (None, None)

    def _shared_rows(self, n: str, facts: dict[str, list]) -> list[tuple]:
        """The rows of a plan or department node, as the merged graph states it."""
        types = {o[0] for o in facts.get(_TYPE, ())}
        rows = []
        if IPG + "Plan" in types:
            labels = sorted({o[0] for o in facts.get(_LABEL, []) + facts.get(SKOS + "altLabel", [])})
            label = _pick(facts.get(DCTERMS + "title", [])) or (labels[0] if labels else "")
            region = _pick(facts.get(IPG + "region", []))
            region_label, region_level = self._region(region)
            level = LEVELS.get(_pick(facts.get(IPG + "level", [])) or region_level or "")
            period = _period(_pick(facts.get(IPG + "startYear", [])), _pick(facts.get(IPG + "endYear", [])))
            ingested = int(any(True for _ in self.store.about(None, NamedNode(IPG + "describes"), NamedNode(n))))
            rows.append(("plan", n, label, " ".join(dict.fromkeys([label, *labels])), n, n, label, region,
                         region_label if region else None, level, period, ingested, None, None, None))
        if IPG + "Department" in types and facts.get(_LABEL):
            label = _pick(facts[_LABEL])
            names = [label, *sorted(o[0] for o in facts.get(SKOS + "altLabel", []))]
            region = _pick(facts.get(IPG + "region", []))
            region_label, region_level = self._region(region)
            rows.append(("department", n, label, " ".join(dict.fromkeys(names)), n, None, None, region,
                         region_label if region else None, LEVELS.get(region_level or ""), "", 0, None, None, None))
        return rows


def _version(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _stale(store, indexed: dict[str, tuple[str, int]]) -> tuple[list[str], list[str]]:
    """(documents to put, documents to drop): the ingest log against what the index holds."""
    log = store.log()
    put = [d for d, e in sorted(log.items()) if indexed.get(d) != (e.get("sha256", ""), e.get("triples", 0))]
    return put, sorted(set(indexed) - set(log))


def fresh(store) -> bool:
    try:
        with sqlite3.connect(f"file:{path_of(store)}?mode=ro", uri=True) as db:
            if _version(db) != VERSION:
                return False
            indexed = {d: (sha, n) for d, sha, n in db.execute("SELECT doc_id, sha256, triples FROM docs")}
    except sqlite3.Error:
        return False
    return _stale(store, indexed) == ([], [])


def update(store, target: Path | None = None) -> Path:
    """Bring the index up to date with the store (see `Update.sync`)."""
    u = Update(store, target)
    try:
        u.sync()
    finally:
        u.close()
    return u.path


def ensure(store) -> Path:
    """The index of this store, brought up to date first if it is missing or older than the store."""
    if fresh(store):
        return path_of(store)
    try:
        return update(store)
    except (OSError, sqlite3.Error):  # a store folder this process may not write: index beside it in /tmp
        return update(store, target=Path(tempfile.mkdtemp(prefix="ipgraph-explorer-")) / FILE)


def rebuild(store, target: Path | None = None) -> Path:
    """The index built anew from the store alone."""
    target = target or path_of(store)
    _remove(target)
    return update(store, target=target)


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)


def simplified(text: str) -> str:
    """Traditional input searched as the simplified text the index holds; simplified input as typed
    (the regional forms' folding would turn its 显著 into 显着)."""
    return to_simplified(text) if is_traditional_word(text) else text


FACETS = ["kind", "level", "region_label", "period", "plan_label"]


def search(db: sqlite3.Connection, q: str, filters: dict[str, str] | None = None, limit: int = 50,
           offset: int = 0) -> dict:
    """Hits for `q` (any script), narrowed by facet values, with the counts of each facet's values."""
    q = simplified(q.strip())
    filters = {k: v for k, v in (filters or {}).items() if k in FACETS and v}
    if not q:  # browse: every entity, narrowed by the facets
        match, arg = "SELECT id FROM entities WHERE ? = ''", ""
    elif len(q) >= 3:  # a trigram index needs three characters; shorter words scan the labels
        match = "SELECT rowid AS id FROM fts WHERE fts MATCH ?"
        arg = '"' + q.replace('"', '""') + '"'
    else:
        match = "SELECT rowid AS id FROM fts WHERE body LIKE ? ESCAPE '\\'"
        arg = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # The matches, with the columns facets and ordering need, go once into a temporary table (this
    # connection's own); the count, the facets and the page of hits then read only that table.
    # CROSS JOIN keeps SQLite from scanning every entity to probe the matches.
    where = "".join(f" AND e.{k} = ?" for k in filters)
    db.execute("DROP TABLE IF EXISTS temp.matched")
    db.execute(f"CREATE TEMP TABLE matched AS SELECT e.id, e.rank, {', '.join('e.' + f for f in FACETS)} "
               f"FROM ({match}) m CROSS JOIN entities e ON e.id = m.id WHERE 1{where}", [arg, *filters.values()])
    total = db.execute("SELECT count(*) FROM temp.matched").fetchone()[0]
    cols = ("kind", "iri", "link", "label", "plan", "plan_label", "region", "region_label", "level", "period", "doc",
            "start", "end")
    page = [r[0] for r in db.execute("SELECT id FROM temp.matched ORDER BY rank, id LIMIT ? OFFSET ?", (limit, offset))]
    found = {r[0]: dict(zip(cols, r[1:])) for r in db.execute(
        f"SELECT id, {', '.join(cols)} FROM entities WHERE id IN ({','.join('?' * len(page))})", page)}
    hits = [found[i] for i in page]
    for h in hits:
        h["snippet"] = snippet(h["label"], q)
    facets = {f: [{"value": v, "count": n} for v, n in db.execute(
        f"SELECT {f}, count(*) AS n FROM temp.matched WHERE {f} IS NOT NULL AND {f} != '' GROUP BY {f} "
        f"ORDER BY n DESC, {f} LIMIT 30")] for f in FACETS}
    return {"q": q, "filters": filters, "total": total, "offset": offset, "hits": hits, "facets": facets}


def snippet(text: str, q: str, width: int = 60) -> list[str]:
    """[before, match, after] around the first match of q, cut to about `width` characters each
    side: a task can be a whole page long."""
    at = text.find(q) if q else -1
    if at < 0:
        return [text[: 2 * width] + ("…" if len(text) > 2 * width else ""), "", ""]
    before, after = text[max(0, at - width):at], text[at + len(q):at + len(q) + width]
    return [("…" if at > width else "") + before, text[at:at + len(q)],
            after + ("…" if at + len(q) + width < len(text) else "")]


def overview(db: sqlite3.Connection) -> dict:
    """The home page's numbers: entities by kind, ingested plans by level, region and period."""
    def group(col, where="kind='plan' AND ingested=1"):
        return [{"value": v, "count": n} for v, n in db.execute(
            f"SELECT {col}, count(*) n FROM entities WHERE {where} AND {col} IS NOT NULL AND {col} != '' "
            f"GROUP BY {col} ORDER BY n DESC, {col} LIMIT 40")]
    kinds = dict(db.execute("SELECT kind, count(*) FROM entities GROUP BY kind").fetchall())
    kinds["document"] = db.execute("SELECT count(*) FROM docs").fetchone()[0]
    kinds["ingested plan"] = db.execute("SELECT count(*) FROM entities WHERE kind='plan' AND ingested=1").fetchone()[0]
    plans = [dict(zip(("iri", "label", "level", "region", "region_label", "period"), r)) for r in db.execute(
        "SELECT iri, label, level, region, region_label, period FROM entities WHERE kind='plan' AND ingested=1 "
        "ORDER BY CASE level WHEN '国家级' THEN 0 WHEN '省级' THEN 1 WHEN '市级' THEN 2 WHEN '县级' THEN 3 ELSE 4 END, "
        "region_label, label LIMIT 200")]
    return {"counts": kinds, "levels": group("level"), "regions": group("region_label"), "periods": group("period"),
            "plans": plans}


def source(db: sqlite3.Connection, iri: str) -> dict | None:
    """A source document by its IRI, with the text its entities' offsets point into."""
    row = db.execute("SELECT doc_id, iri, name, kind, plan, path, format, text FROM docs WHERE iri = ?",
                     (iri,)).fetchone()
    return dict(zip(("doc_id", "iri", "name", "kind", "plan", "path", "format", "text"), row)) if row else None


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection; one per thread (sqlite3 connections are not shared across threads)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

