"""The explorer's full-text index: an SQLite file next to the store (explorer.sqlite).

It holds what the pages need and SPARQL is slow or unable to give: a trigram FTS5 index over plan
titles, task and project texts, department names and aliases, indicator names and defined terms
(trigrams match Chinese without word segmentation); the facets of each hit (kind, region, level,
period, plan); and each document's source text, read once with `ipgraph.load.load(path).text`,
so the source view keeps working when the file moves. Everything in it is read from the store
through SPARQL; the store stays the one truth and the index is rebuilt whenever the store's
documents change (`fresh` compares the ingest log).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from ..vocab import IPG, PREFIXES

FILE = "explorer.sqlite"
VERSION = 2  # of the index's layout: an index written by another version is rebuilt
KIND_ORDER = ["plan", "department", "indicator", "term", "project", "task"]
LEVELS = {IPG + "National": "国家级", IPG + "Provincial": "省级", IPG + "Municipal": "市级", IPG + "County": "县级"}
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs (doc_id TEXT PRIMARY KEY, iri TEXT, name TEXT, kind TEXT, plan TEXT, path TEXT, sha256 TEXT,
                   format TEXT, text TEXT);
CREATE TABLE entities (id INTEGER PRIMARY KEY, kind TEXT, rank INTEGER, level TEXT, region_label TEXT, period TEXT,
                       plan_label TEXT, ingested INTEGER, plan TEXT, region TEXT, link TEXT, doc TEXT, start INTEGER,
                       end INTEGER, iri TEXT, label TEXT);
CREATE INDEX entities_kind ON entities(kind);
CREATE INDEX docs_iri ON docs(iri);
CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='trigram');
"""


def path_of(store) -> Path:
    return Path(store.path) / FILE


def fingerprint(store) -> str:
    """What the index was built from: each document's id, checksum and statement count, and the
    layout version."""
    log = store.log()
    rows = sorted((k, v.get("sha256", ""), v.get("triples", 0)) for k, v in log.items())
    return hashlib.sha256(json.dumps([VERSION, rows]).encode()).hexdigest()


def fresh(store) -> bool:
    try:
        with sqlite3.connect(f"file:{path_of(store)}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == fingerprint(store)


def ensure(store) -> Path:
    """The index of this store, rebuilt first if it is missing or older than the store."""
    if fresh(store):
        return path_of(store)
    try:
        return rebuild(store)
    except (OSError, sqlite3.Error):  # a store folder this process may not write: index beside it in /tmp
        return rebuild(store, Path(tempfile.mkdtemp(prefix="ipgraph-explorer-")) / FILE)


def select(store, sparql: str) -> list[dict]:
    """SPARQL SELECT over the store as a list of {variable: plain value or None}."""
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    result = store.query(prologue + sparql)
    names = [v.value for v in result.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in result]


def _period(start, end) -> str:
    return f"{start}–{end}" if start and end else ""


def _plans(store) -> dict[str, dict]:
    plans: dict[str, dict] = {}
    for r in select(store, """SELECT ?s ?p ?o WHERE { ?s a ipg:Plan ; ?p ?o
        FILTER(?p IN (rdfs:label, dcterms:title, skos:altLabel, ipg:region, ipg:level, ipg:startYear, ipg:endYear)) }"""):
        p = plans.setdefault(r["s"], {"labels": [], "title": None, "region": None, "level": None,
                                      "start": None, "end": None})
        key = r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if key in ("label", "altLabel"):
            p["labels"].append(r["o"])
        else:
            p[key] = r["o"]
    for r in select(store, "SELECT DISTINCT ?p WHERE { ?d ipg:describes ?p }"):
        if r["p"] in plans:
            plans[r["p"]]["ingested"] = 1
    for p in plans.values():
        p["label"] = p["title"] or (p["labels"][0] if p["labels"] else "")
        p["period"] = _period(p.get("startYear"), p.get("endYear"))
    return plans


def _regions(store) -> dict[str, tuple[str, str]]:
    return {r["r"]: (r["l"], r["lv"]) for r in
            select(store, "SELECT ?r ?l ?lv WHERE { ?r a ipg:Region ; rdfs:label ?l OPTIONAL { ?r ipg:level ?lv } }")}


def rebuild(store, target: Path | None = None) -> Path:
    """Build the index from the store into a new file and put it in place in one rename.

    Source texts whose document is unchanged (same checksum) are copied from the old index rather
    than read and decoded again."""
    from ..load import load  # the reader is heavy (lxml, pdfplumber): only when texts are read

    target = target or path_of(store)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    old = {}
    if target.exists():
        try:
            with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as db:
                old = {r[0]: (r[1], r[2]) for r in db.execute("SELECT doc_id, sha256, text FROM docs")}
        except sqlite3.Error:
            old = {}
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    log = store.log()
    docs = select(store, """SELECT ?d ?id ?name ?kind ?plan ?format WHERE { ?d a ipg:SourceDocument ;
        dcterms:identifier ?id OPTIONAL { ?d rdfs:label ?name } OPTIONAL { ?d dcterms:type ?kind }
        OPTIONAL { ?d ipg:describes ?plan } OPTIONAL { ?d dcterms:format ?format } }""")
    for d in docs:
        entry = log.get(d["id"], {})
        sha = entry.get("sha256", "")
        if d["id"] in old and old[d["id"]][0] == sha:
            text = old[d["id"]][1]
        else:
            try:
                text = load(entry["path"]).text
            except Exception:  # moved or unreadable since the build: the view says so instead
                text = None
        db.execute("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?,?)",
                   (d["id"], d["d"], d["name"], (d["kind"] or "").rsplit("#", 1)[-1], d["plan"],
                    entry.get("path"), sha, d["format"], text))
    plans, regions = _plans(store), _regions(store)
    rows = []

    def add(kind, iri, label, body, link=None, plan=None, region=None, level=None, period="", ingested=0,
            doc=None, start=None, end=None):
        p = plans.get(plan, {}) if plan else {}
        region = region or p.get("region")
        level = level or p.get("level") or (regions.get(region, (None, None))[1] if region else None)
        rows.append((kind, iri, label, body, link or iri, plan, p.get("label"), region,
                     regions.get(region, ("", ""))[0] if region else None, LEVELS.get(level or "", None),
                     period or p.get("period", ""), ingested, doc, start, end))

    for iri, p in plans.items():
        add("plan", iri, p["label"], " ".join(dict.fromkeys([p["label"], *p["labels"]])), plan=iri,
            ingested=p.get("ingested", 0))
    # a start, its end and its document are read together inside each document's graph: a term
    # defined in many documents is one node with a span in each (see data.span_map)
    spans = {(r["s"], r["doc"]): (int(r["b"]), int(r["e"])) for r in select(store, """SELECT ?s ?doc ?b ?e WHERE {
        GRAPH ?g { ?s ipg:charStart ?b ; ipg:charEnd ?e ; prov:wasDerivedFrom ?doc } }""")}
    seen = set()

    def items(kind: str, sparql: str, label, body, link=lambda r: None):
        # required patterns and one-pattern OPTIONALs only: Oxigraph evaluates an OPTIONAL of
        # several patterns over the whole store; one row per item and document (labels in zh and
        # zh-Hant give two)
        for r in select(store, sparql):
            if (r["s"], r["doc"]) in seen:
                continue
            seen.add((r["s"], r["doc"]))
            b, e = spans.get((r["s"], r["doc"]), (None, None))
            add(kind, r["s"], label(r), body(r), link=link(r), plan=r["plan"], doc=r["doc"], start=b, end=e)

    items("task", """SELECT ?s ?x ?plan ?doc WHERE { ?s a ipg:Task ; ipg:text ?x ; ipg:inPlan ?plan ;
        prov:wasDerivedFrom ?doc }""", lambda r: r["x"], lambda r: r["x"])
    items("project", """SELECT ?s ?l ?x ?plan ?doc WHERE { ?s a ipg:Project ; rdfs:label ?l ; ipg:inPlan ?plan ;
        prov:wasDerivedFrom ?doc OPTIONAL { ?s ipg:text ?x } }""", lambda r: r["l"], lambda r: f"{r['l']} {r['x'] or ''}")
    items("indicator", """SELECT ?s ?l ?c ?plan ?doc WHERE { ?s a ipg:Indicator ; rdfs:label ?l ; ipg:inPlan ?plan ;
        prov:wasDerivedFrom ?doc OPTIONAL { ?s ipg:measures ?c } }""", lambda r: r["l"], lambda r: r["l"],
          link=lambda r: r["c"])
    items("term", """SELECT ?s ?l ?def ?plan ?doc WHERE { GRAPH ?g { ?s a ipg:DefinedTerm ; rdfs:label ?l ;
        ipg:inPlan ?plan ; prov:wasDerivedFrom ?doc OPTIONAL { ?s skos:definition ?def } } }""",
          lambda r: r["l"], lambda r: f"{r['l']} {r['def'] or ''}")
    depts: dict[str, dict] = {}
    for r in select(store, "SELECT ?s ?l ?alt ?region WHERE { ?s a ipg:Department ; rdfs:label ?l "
                           "OPTIONAL { ?s skos:altLabel ?alt } OPTIONAL { ?s ipg:region ?region } }"):
        d = depts.setdefault(r["s"], {"label": r["l"], "names": [r["l"]], "region": r["region"]})
        if r["alt"]:
            d["names"].append(r["alt"])
    for iri, d in depts.items():
        add("department", iri, d["label"], " ".join(dict.fromkeys(d["names"])), region=d["region"])
    # The searchable text lives only in the FTS table, and the label (a task's can be pages long)
    # is the last column: SQLite reads a row's columns in order, so facets and counts over tens of
    # thousands of matches never touch the long text. `rank` orders hits: kind, then shorter first.
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    db.executemany("INSERT INTO entities (id, kind, rank, level, region_label, period, plan_label, ingested, plan, region, "
                   "link, doc, start, end, iri, label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   ((i, kind, order[kind] * 1_000_000 + min(len(label or ""), 999_999), level, region_label, period,
                     plan_label, ingested, plan, region, link, doc, start, end, iri, label)
                    for i, (kind, iri, label, _, link, plan, plan_label, region, region_label, level, period, ingested, doc,
                            start, end) in enumerate(rows, 1)))
    db.executemany("INSERT INTO fts (rowid, body) VALUES (?, ?)", ((i, r[3]) for i, r in enumerate(rows, 1)))
    db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(store),))
    db.commit()
    db.close()
    tmp.replace(target)
    return target


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional input searched as the simplified text the index holds."""
    return _t2s().convert(text)


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

