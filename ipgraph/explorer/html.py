"""The explorer's HTML. Every piece of text from a document goes through `e()` (html.escape), and
data for scripts travels in a JSON block whose `<` are escaped, so a task named `<script>` is
shown, never run. No inline scripts or handlers: pages load /static/*.js, which reads the
block, so the pages work under a Content-Security-Policy of script-src 'self'."""
from __future__ import annotations

import html
import json
import urllib.parse

e = html.escape
KIND_NAMES = {"plan": "规划 plan", "task": "任务 task", "department": "部门 department", "indicator": "指标 indicator",
              "term": "术语 term", "project": "项目 project", "document": "文件 document",
              "ingested plan": "收录规划 ingested plan"}
FACET_NAMES = {"kind": "kind", "level": "level", "region_label": "region", "period": "period", "plan_label": "plan"}
RELATION_NAMES = {"parent": "依据 based on", "inferred parent": "依据(推断) based on (inferred)",
                  "child": "下级 child", "inferred child": "下级(推断) child (inferred)",
                  "promulgated by": "印发通知 promulgated by", "promulgates": "印发 promulgates",
                  "cites": "引用 cites", "cited by": "被引用 cited by"}


class Links:
    """Addresses of pages: an entity's page is its IRI under /id/ on this server."""

    def __init__(self, base: str):
        self.base = base

    def href(self, iri: str | None, **query) -> str:
        if not iri:
            return "#"
        path = "/id/" + urllib.parse.quote(iri[len(self.base):], safe="/") if iri.startswith(self.base) else iri
        return path + ("?" + urllib.parse.urlencode(query) if query else "")

    def source(self, doc: str | None, iri: str) -> str | None:
        """The source view of `doc` with `iri`'s span highlighted and scrolled to."""
        if not doc:
            return None
        return self.href(doc, focus=iri) + "#focus"

    def a(self, iri: str | None, label: str | None, cls: str = "") -> str:
        if not iri:
            return e(label or "")
        c = f' class="{cls}"' if cls else ""
        return f'<a href="{e(self.href(iri))}"{c}>{e(label or iri)}</a>'

    def src(self, doc, iri) -> str:
        href = self.source(doc, iri)
        return f'<a class="src" href="{e(href)}" title="原文 open the source sentence">原文</a>' if href else ""


def data_block(obj) -> str:
    """JSON for the page's script, safe inside <script type=application/json>."""
    text = json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="page-data">{text}</script>'


def layout(title: str, body: str, twins: dict[str, str] | None = None, scripts: tuple[str, ...] = (),
           styles: tuple[str, ...] = (), q: str = "") -> str:
    links = " ".join(f'<a href="{e(h)}" class="twin">{e(n)}</a>' for n, h in (twins or {}).items())
    return (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{e(title)} · ipgraph</title>"
        + "".join(f'<link rel="stylesheet" href="/static/{s}">' for s in styles)
        + '<link rel="stylesheet" href="/static/explorer.css"></head><body>'
        '<header><a href="/" class="brand">ipgraph</a>'
        f'<form action="/search" method="get" class="top-search"><input type="search" name="q" value="{e(q)}" '
        'placeholder="搜索 规划、任务、部门、指标… (简体/繁體)" aria-label="search"><button>搜索</button></form>'
        '<nav><a href="/search">browse</a><a href="/query">SPARQL</a></nav></header>'
        f"<main>{body}</main><footer>{links}</footer>"
        + "".join(f'<script src="/static/{s}"></script>' for s in scripts)
        + "</body></html>")


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    if not rows:
        return '<p class="none">—</p>'
    return (f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table>")


def _level(level) -> str:
    return f'<span class="level r{level["rank"]}">{e(level["label"])}</span>' if level else ""


def _facts(pairs: list[tuple[str, str]]) -> str:
    return '<dl class="facts">' + "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in pairs if v) + "</dl>"


def home(d: dict, L: Links) -> str:
    c = d["counts"]
    counts = "".join(f'<li><a href="/search?kind={e(k)}"><b>{c.get(k, 0):,}</b> {e(KIND_NAMES[k])}</a></li>'
                     for k in ("plan", "task", "department", "indicator", "term", "project") if k in c)
    counts += f'<li><b>{c.get("document", 0):,}</b> {e(KIND_NAMES["document"])}</li>'

    def groups(items, facet):
        return "<ul class='chips'>" + "".join(
            f'<li><a href="/search?kind=plan&amp;{facet}={urllib.parse.quote(i["value"])}">{e(i["value"])} '
            f'<span class="n">{i["count"]}</span></a></li>' for i in items) + "</ul>"
    plans = _table(["规划 plan", "level", "region", "period"],
                   [[L.a(p["iri"], p["label"]), e(p["level"] or ""), e(p["region_label"] or ""), e(p["period"] or "")]
                    for p in d["plans"]])
    body = (f"<h1>中国政府规划知识图谱 <small>ipgraph explorer</small></h1>"
            '<form action="/search" method="get" class="big-search"><input type="search" name="q" autofocus '
            'placeholder="市场监管、高价值发明专利、宜昌…"><button>搜索 search</button></form>'
            f"<section><h2>What the corpus holds</h2><ul class='counts'>{counts}</ul></section>"
            f"<section><h2>收录规划 by level</h2>{groups(d['levels'], 'level')}"
            f"<h2>by region</h2>{groups(d['regions'], 'region_label')}"
            f"<h2>by period</h2>{groups(d['periods'], 'period')}</section>"
            f"<section><h2>收录规划 ingested plans ({c.get('ingested plan', 0)})</h2>{plans}</section>")
    return layout("ipgraph explorer", body, {"JSON": "/index.json", "CSV": "/index.csv"})


def search(d: dict, L: Links, query: dict) -> str:
    def link(**change):
        params = {k: v for k, v in {**query, **change}.items() if v}
        if "offset" not in change:  # a new filter starts from the first page
            params.pop("offset", None)
        return "/search?" + urllib.parse.urlencode(params)
    facets = ""
    for f, values in d["facets"].items():
        if not values:
            continue
        chosen = d["filters"].get(f)
        items = "".join(
            f'<li{" class=on" if v["value"] == chosen else ""}><a href="{e(link(**{f: None if v["value"] == chosen else v["value"]}))}">'
            f'{e(KIND_NAMES.get(v["value"], v["value"]) if f == "kind" else v["value"])} <span class="n">{v["count"]}</span></a></li>'
            for v in values)
        facets += f'<div class="facet"><h3>{e(FACET_NAMES[f])}</h3><ul>{items}</ul></div>'
    hits = []
    for h in d["hits"]:
        meta = " · ".join(x for x in [L.a(h["plan"], h["plan_label"]) if h["kind"] != "plan" and h["plan"] else "",
                                      e(h["region_label"] or ""), e(h["level"] or ""), e(h["period"] or "")] if x)
        hits.append(f'<li class="hit k-{e(h["kind"])}"><span class="kind">{e(KIND_NAMES[h["kind"]])}</span> '
                    f'<a href="{e(L.href(h["link"]))}" class="hit-label">{e(h["snippet"][0])}<b>{e(h["snippet"][1])}</b>'
                    f'{e(h["snippet"][2])}</a> {L.src(h["doc"], h["iri"]) if h["start"] is not None else ""}'
                    f'<div class="meta">{meta}</div></li>')
    more = ""
    if d["offset"] + len(d["hits"]) < d["total"]:
        more = f'<p><a href="{e(link(offset=str(d["offset"] + len(d["hits"]))))}" class="more">more results →</a></p>'
    twin = urllib.parse.urlencode({k: v for k, v in query.items() if v})
    body = (f'<h1>搜索 {e(d["q"])}</h1><p class="total">{d["total"]:,} results</p>'
            f'<div class="search-page"><aside>{facets}</aside><ol class="hits" start="{d["offset"] + 1}">{"".join(hits)}</ol></div>{more}')
    return layout(f"搜索 {d['q']}", body, {"JSON": f"/search.json?{twin}", "CSV": f"/search.csv?{twin}"}, q=query.get("q", ""))


def _owners(owners, L: Links) -> str:
    return "".join(f'<a class="owner{" lead" if o["lead"] else ""}" href="{e(L.href(o["iri"]))}"'
                   f'{" title=牵头" if o["lead"] else ""}>{"★ " if o["lead"] else ""}{e(o["label"])}</a>' for o in owners)


def _tree(nodes, L: Links, depth=0) -> str:
    out = []
    for n in nodes:
        line = (f'<span class="num">{e(n["numbering"] or "")}</span> <span class="text">{e(n["text"])}</span> '
                f'<span class="owners">{_owners(n["owners"], L)}</span> {L.src(n["doc"], n["iri"])}')
        if n["children"]:
            out.append(f'<li class="task" data-iri="{e(n["iri"])}"><details{" open" if depth else ""}><summary>{line}'
                       f'<span class="n">{len(n["children"])}</span></summary><ul>{_tree(n["children"], L, depth + 1)}</ul>'
                       "</details></li>")
        else:
            out.append(f'<li class="task leaf" data-iri="{e(n["iri"])}">{line}</li>')
    return "".join(out)


def plan(d: dict, L: Links) -> str:
    p = d["period"]
    facts = _facts([("发文机关 issuer", L.a(d["issuer"]["iri"], d["issuer"]["label"]) if d["issuer"] else ""),
                    ("文号 number", e(d["document_number"] or "")), ("日期 issued", e(d["issued"] or "")),
                    ("期间 period", f'{p["start"]}–{p["end"]}' if p else ""),
                    ("地区 region", L.a(d["region"]["iri"], d["region"]["label"]) if d["region"] else ""),
                    ("层级 level", _level(d["level"])), ("类型 kind", e(d["kind"])),
                    ("又名 other names", e("、".join(d["other_names"]))),
                    ("来源 source documents", " ".join(
                        f'{L.a(x["doc"], x["name"] or x["id"])} <span class="kind">{e(x["kind"])}</span>'
                        for x in d["documents"]))])
    lineage = _table(["relation", "plan", "level"],
                     [[e(RELATION_NAMES[x["relation"]]), L.a(x["iri"], x["label"], "ingested" if x["ingested"] else ""),
                       _level(x["level"])] for x in d["lineage"]], "lineage")
    indicators = _table(
        ["指标 indicator", "基期 baseline", "目标 target", "单位 unit", "属性 nature", "上级规划目标 in parent plans", ""],
        [[L.a(i["concept"], i["label"]) if i["concept"] else e(i["label"]),
          e(f'{i["baseline"] or "—"}') + (f' <small>({i["baseline_year"]})</small>' if i["baseline_year"] else ""),
          e(f'{i["target"] or "—"}') + (f' <small>({i["target_year"]})</small>' if i["target_year"] else ""),
          e(i["unit"] or ""), e(i["nature"]),
          "<br>".join(f'{L.a(x["plan"], x["plan_label"])} {_level(x["level"])}: <b>{e(x["target"] or "—")}</b>'
                      for x in i["in_parent_plans"]), L.src(i["doc"], i["iri"])] for i in d["indicators"]], "indicators")
    projects = "".join(f'<li>{e(x["label"])} <span class="owners">{_owners(x["owners"], L)}</span> {L.src(x["doc"], x["iri"])}'
                       f'<div class="meta">{e(x["text"] or "")}</div></li>' for x in d["projects"])
    terms = _table(["术语 term", "定义 definition", ""],
                   [[e(t["label"]), e(t["definition"] or ""), L.src(t["doc"], t["term"])] for t in d["terms"]])
    n_tasks = _count(d["outline"])
    graph = {"center": {"iri": d["iri"], "label": d["title"], "level": d["level"]},
             "nodes": [dict(x, href=L.href(x["iri"])) for x in d["lineage"]]}
    href = L.href(d["iri"])
    body = (f'<p class="kind">规划 plan</p><h1>{e(d["title"])}</h1>{facts}'
            f'<section><h2>谱系 lineage</h2><div id="lineage-graph" class="chart small"></div>'
            f'<details><summary>as a table ({len(d["lineage"])})</summary>{lineage}</details></section>'
            f'<section><h2>任务 outline <small>({n_tasks} tasks)</small></h2>'
            '<p class="tools"><button type="button" id="expand-all">expand all</button> '
            '<button type="button" id="collapse-all">collapse all</button> '
            f'<a href="{e(href)}.csv">CSV</a></p><ul class="outline">{_tree(d["outline"], L)}</ul></section>'
            f'<section><h2>指标 indicators <small>({len(d["indicators"])})</small> '
            f'<a href="{e(href)}.csv?table=indicators">CSV</a></h2>{indicators}</section>'
            f'<section><h2>重点项目 projects <small>({len(d["projects"])})</small></h2><ul class="projects">{projects}</ul></section>'
            f'<section><h2>术语 defined terms <small>({len(d["terms"])})</small></h2>{terms}</section>'
            + data_block({"lineage": graph}))
    return layout(d["title"], body, _twins(href), scripts=("vendor/echarts/echarts.min.js", "explorer.js"))


def _count(nodes) -> int:
    return sum(1 + _count(n["children"]) for n in nodes)


def _twins(href: str, csv: bool = True) -> dict[str, str]:
    t = {"JSON": href + ".json"}
    if csv:
        t["CSV"] = href + ".csv"
    t["Turtle"] = href + ".ttl"
    return t


def department(d: dict, L: Links) -> str:
    facts = _facts([("地区 region", L.a(d["region"]["iri"], d["region"]["label"]) if d["region"] else ""),
                    ("又名 other names", e("、".join(d["other_names"]))),
                    ("任务 tasks", f'{d["count"]} ({d["leads"]} 牵头 lead)')])
    groups = []
    for p in d["plans"]:
        rows = [[e(t["numbering"] or ""), e(t["text"] or ""), "★ 牵头" if t["lead"] else "", e(t["kind"]),
                 L.src(t["doc"], t["iri"])] for t in p["tasks"]]
        groups.append(f'<section class="group"><h3>{L.a(p["iri"], p["label"])} {_level(p["level"])} '
                      f'<span class="n">{p["count"]} tasks, {p["leads"]} lead</span></h3>'
                      f'{_table(["", "任务 task", "lead", "kind", ""], rows)}</section>')
    href = L.href(d["iri"])
    body = (f'<p class="kind">部门 department</p><h1>{e(d["label"])}</h1>{facts}'
            f'<h2>负责的任务 tasks it owns, by plan ({len(d["plans"])} plans)</h2>{"".join(groups) or "<p>—</p>"}')
    return layout(d["label"], body, _twins(href))


def indicator(d: dict, L: Links) -> str:
    rows = [[L.a(s["plan"], s["plan_label"]), _level(s["level"]),
             L.a(s["region"]["iri"], s["region"]["label"]) if s["region"] else "",
             e(s["baseline"] or "—") + (f' <small>({s["baseline_year"]})</small>' if s["baseline_year"] else ""),
             e(s["target"] or "—") + (f' <small>({s["target_year"]})</small>' if s["target_year"] else ""),
             e(s["unit"] or ""), L.src(s["doc"], s["iri"])] for s in d["plans"]]
    chart = {"label": d["label"], "national": d["national_target"],
             "bars": [{"plan": s["plan_label"], "level": (s["level"] or {}).get("label", ""),
                       "rank": (s["level"] or {}).get("rank", 4), "value": s["target_value"], "text": s["target"],
                       "unit": s["unit"] or ""} for s in d["plans"]]}
    href = L.href(d["iri"])
    body = (f'<p class="kind">指标 indicator</p><h1>{e(d["label"])}</h1>'
            f'<p>{len(d["plans"])} plans set it'
            + (f'; national target <b>{e(str(d["national_target"]))}</b>' if d["national_target"] is not None else "")
            + '.</p><div id="indicator-chart" class="chart"></div>'
            + _table(["规划 plan", "level", "region", "基期 baseline", "目标 target", "unit", ""], rows)
            + data_block({"indicator": chart}))
    return layout(d["label"], body, _twins(href), scripts=("vendor/echarts/echarts.min.js", "explorer.js"))


def region(d: dict, L: Links) -> str:
    facts = _facts([("代码 code", e(d["code"] or "")), ("层级 level", _level(d["level"])),
                    ("上级 parent", L.a(d["parent"]["iri"], d["parent"]["label"]) if d["parent"] else ""),
                    ("下级 sub-regions", "、".join(L.a(s["iri"], s["label"]) for s in d["sub_regions"])),
                    ("规划 plans by level", " ".join(f'{e(k)} <b>{v}</b>' for k, v in d["counts_by_level"].items()))])
    rows = [[L.a(p["iri"], p["label"]), _level(p["level"]), L.a(p["region"]["iri"], p["region"]["label"]),
             e(p["period"]), "收录 ingested" if p["ingested"] else "cited"] for p in d["plans"]]
    href = L.href(d["iri"])
    body = (f'<p class="kind">地区 region</p><h1>{e(d["label"])}</h1>{facts}'
            f'<h2>规划 plans of {e(d["label"])} and its sub-regions ({len(d["plans"])})</h2>'
            + _table(["规划 plan", "level", "region", "period", ""], rows))
    return layout(d["label"], body, _twins(href))


def _nest(text: str, spans: list[dict], focus: str | None, L: Links) -> str:
    """The text with each span as a <mark>, nested where spans nest; a span that crosses the end of
    the one it starts in is cut there, so the marks stay a tree."""
    out, stack, pos = [], [], 0  # stack: where each open mark ends
    for s in spans:  # sorted by start, longest first
        start, end = s["start"], min(s["end"], len(text))
        while stack and stack[-1] <= start:
            top = stack.pop()
            out.append(e(text[pos:top]) + "</mark>")
            pos = top
        if stack:
            end = min(end, stack[-1])
        if end <= start:
            continue
        out.append(e(text[pos:start]))
        pos = start
        mark_id = ' id="focus"' if s["iri"] == focus else ""
        out.append(f'<mark class="k-{e(s["kind"])}{" focus" if mark_id else ""}"{mark_id} '
                   f'data-href="{e(L.href(s["doc"], focus=s["iri"]))}" title="{e(s["kind"])}: {e(s["label"][:80])}">')
        stack.append(end)
    while stack:
        top = stack.pop()
        out.append(e(text[pos:top]) + "</mark>")
        pos = top
    out.append(e(text[pos:]))
    return "".join(out)


def source(doc: dict, spans: list[dict], focus: dict | None, L: Links) -> str:
    counts: dict[str, int] = {}
    for s in spans:
        counts[s["kind"]] = counts.get(s["kind"], 0) + 1
        s["doc"] = doc["iri"]
    legend = " ".join(f'<span class="legend k-{e(k)}">{e(KIND_NAMES.get(k, k))} {n}</span>' for k, n in counts.items())
    box = ""
    if focus:
        box = ('<div class="focus-box">'
               f'<p class="kind">{e(KIND_NAMES.get(focus["kind"], focus["kind"]))}</p>'
               f'<p class="focus-text">{e(focus["text"] or focus["label"] or "")}</p>'
               + _facts([("规划 plan", L.a(focus["plan"], focus["plan_label"])),
                         ("责任单位 owners", _owners(focus["owners"], L)),
                         ("span", f'{focus["start"]}–{focus["end"]}' if focus["start"] is not None else ""),
                         ("IRI", f'<a href="{e(L.href(focus["iri"]))}.ttl">{e(focus["iri"])}</a>')]) + "</div>")
    if doc["text"] is None:
        text = '<p class="none">The source file could not be read when the index was built.</p>'
    else:
        text = f'<pre class="source">{_nest(doc["text"], spans, focus["iri"] if focus else None, L)}</pre>'
    facts = _facts([("规划 describes", L.a(doc["plan"], doc["plan_label"]) if doc["plan"] else ""),
                    ("kind", e(doc["kind"] or "")), ("format", e(doc["format"] or "")), ("file", e(doc["path"] or ""))])
    href = L.href(doc["iri"])
    body = (f'<p class="kind">原文 source document</p><h1>{e(doc["name"] or doc["doc_id"])}</h1>{facts}{box}'
            f'<p class="legend-line">{legend}</p>{text}')
    return layout(doc["name"] or doc["doc_id"], body, {"JSON": href + ".json", "Turtle": href + ".ttl"},
                  scripts=("explorer.js",))


def query_page(examples: list[dict]) -> str:
    items = "".join(f'<li><button type="button" class="example" data-name="{e(x["name"])}" title="{e(x["description"])}">'
                    f'{e(x["title"])}</button></li>' for x in examples)
    body = ('<h1>SPARQL</h1><p>Read-only SPARQL 1.1 endpoint at <code>/sparql</code>; the contract\'s prefixes are '
            f'predeclared. Named queries:</p><ul class="examples">{items}</ul><div id="yasgui"></div>'
            + data_block({"queries": examples}))
    return layout("SPARQL", body, {"JSON": "/queries.json"}, scripts=("vendor/yasgui/yasgui.min.js", "sparql.js"),
                  styles=("vendor/yasgui/yasgui.min.css",))
