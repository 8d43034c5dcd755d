"""Render a projection as one self-contained HTML page with pyvis's network model.

pyvis builds the nodes, edges and options; the page is ours, because pyvis's own templates load
bootstrap and tom-select from CDNs even with cdn_resources="in_line", write a lib/ folder into the
working directory, and embed the data unescaped. Here vis-network's JavaScript and CSS (shipped
inside the pyvis package) are inlined, the data is JSON escaped for a <script> element, text from
documents reaches the page only as canvas labels or DOM textContent, and files are written as UTF-8.
"""
from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

# Above this many nodes physics is off and positions are computed here (networkx), so the page
# is interactive at once instead of simulating for tens of seconds.
LAYOUT_THRESHOLD = 300
SPRING_LIMIT = 600  # networkx's spring layout costs ~7 s at 2,000 nodes; above this, groups on a spiral

COLORS = {"department": "#d9534f", "task": "#5b8def", "project": "#f0ad4e", "plan": "#2e7d32",
          "cited": "#9e9e9e", "indicator": "#8e44ad"}
KIND_NAMES = {"department": "部门 department", "task": "任务 task", "project": "重点工程 project",
              "plan": "规划 plan (ingested)", "cited": "被引文件 cited document", "indicator": "指标 indicator"}
EDGE_STYLES = {"basedOn": ("#2e7d32", False, "依据 based on"), "cites": ("#9e9e9e", True, "引用 cites"),
               "inferred": ("#e67e22", [2, 6], "推断依据 inferred"), "promulgates": ("#607d8b", [8, 4], "印发 promulgates"),
               "lead": ("#d9534f", False, "牵头 lead"), "resp": ("#bbbbbb", True, "参与 responsible")}
LEVEL_Y = {"National": 0, "Provincial": 1, "Municipal": 2, "County": 3, "": 4}
LINEAGE_ROW = 6  # plans per row of a level's band
# The accountability view of a whole corpus is one hairball; above this many nodes it opens on the
# plan with the most tasks (the filter shows all on request)
FOCUS_ABOVE = 60


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that cannot end or break out of a <script> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _positions(g: nx.Graph, view: str) -> dict:
    if view == "lineage":
        # one band per level, national on top; a band holds rows of at most LINEAGE_ROW plans, so the
        # page stays about as wide as a screen and vis-network need not zoom the labels out of sight
        by_level: dict[str, list] = {}
        for n, d in sorted(g.nodes(data=True), key=lambda x: (x[1].get("kind") != "plan", x[1].get("label", ""), str(x[0]))):
            by_level.setdefault(d.get("level", ""), []).append(n)
        pos, y = {}, 0
        for level in sorted(by_level, key=lambda lv: LEVEL_Y.get(lv, 4)):
            nodes = by_level[level]
            for i, n in enumerate(nodes):
                row, col = divmod(i, LINEAGE_ROW)
                width = min(LINEAGE_ROW, len(nodes) - row * LINEAGE_ROW)
                pos[n] = ((col - (width - 1) / 2) * 230, y + row * 70 + (col % 2) * 22)
            y += (math.ceil(len(nodes) / LINEAGE_ROW) - 1) * 70 + 150
        return pos
    if g.number_of_nodes() <= SPRING_LIMIT:
        raw = nx.spring_layout(g, seed=7, iterations=50)
        scale = 60 * math.sqrt(max(g.number_of_nodes(), 1))
        return {n: (x * scale, y * scale) for n, (x, y) in raw.items()}
    # very large: groups on a spiral, members on a grid around their group's centre (linear time)
    groups: dict[str, list] = {}
    for n, d in g.nodes(data=True):
        groups.setdefault(str(d.get("group", "")), []).append(n)
    pos = {}
    for k, (_, members) in enumerate(sorted(groups.items(), key=lambda kv: -len(kv[1]))):
        angle, radius = k * 2.4, 400 * math.sqrt(k)
        cx, cy = radius * math.cos(angle), radius * math.sin(angle)
        side = math.ceil(math.sqrt(len(members)))
        for i, n in enumerate(sorted(members, key=str)):
            pos[n] = (cx + (i % side) * 40, cy + (i // side) * 40)
    return pos


def build_network(g: nx.Graph, view: str) -> tuple[Network, dict]:
    net = Network(directed=g.is_directed(), height="100%", width="100%")
    fixed = view == "lineage" or g.number_of_nodes() > LAYOUT_THRESHOLD
    pos = _positions(g, view) if fixed else {}
    for n, d in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        kind = d.get("kind", "task")
        attrs = dict(label=d.get("label", ""), title=d.get("tooltip", ""), color=COLORS.get(kind, "#777"),
                     size=10 + 4 * math.sqrt(d.get("weight", 1)), shape="dot" if kind != "plan" else "box",
                     cluster=str(d.get("group", "")), kind=kind)
        if kind in ("plan", "cited"):
            attrs["shape"] = "box"
            attrs["font"] = {"color": "#ffffff" if kind == "plan" else "#222222", "size": 14}
            attrs["widthConstraint"] = {"maximum": 190}  # long titles wrap onto two lines instead of shrinking
        if n in pos:
            attrs.update(x=round(pos[n][0], 2), y=round(pos[n][1], 2), physics=False)
        # pyvis's add_node/add_edge look each id up in a list (quadratic at 10,000 nodes); networkx
        # already guarantees unique ids, so the Node and Edge models are appended directly.
        node = Node(str(n), attrs.pop("shape"), font_color=net.font_color, **attrs).options
        net.nodes.append(node)
        net.node_ids.append(str(n))
        net.node_map[str(n)] = node
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        style = d.get("kind") or ("lead" if d.get("lead") else "resp")
        color, dashes, _ = EDGE_STYLES.get(style, ("#999", False, ""))
        attrs = dict(color=color, dashes=dashes, width=3 if style in ("lead", "basedOn") else 1, kind=style)
        if d.get("label"):
            attrs.update(label=d["label"], font={"size": 10, "align": "middle"})
        if d.get("tooltip"):
            attrs["title"] = d["tooltip"]
        net.edges.append(Edge(str(a), str(b), net.directed, **attrs).options)
    options = {"physics": {"enabled": not fixed, "stabilization": {"iterations": 150}},
               "interaction": {"hover": True, "tooltipDelay": 150},
               "edges": {"smooth": False, "arrows": {"to": {"enabled": g.is_directed(), "scaleFactor": 0.6}}},
               "nodes": {"font": {"size": 13}}}
    return net, options


_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;">
<title>__TITLE__</title>
<style>__VISCSS__</style>
<style>
html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
#bar { position: absolute; top: 0; left: 0; right: 0; padding: 6px 10px; background: #fafafa;
       border-bottom: 1px solid #ddd; display: flex; gap: 10px; align-items: center; z-index: 2; font-size: 13px; }
#graph { position: absolute; top: 42px; bottom: 0; left: 0; right: 0; }
#legend { position: absolute; bottom: 10px; left: 10px; background: rgba(255,255,255,.92); border: 1px solid #ddd;
          padding: 6px 10px; font-size: 12px; z-index: 2; }
#legend span.sw { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
#legend span.ln { display: inline-block; width: 22px; border-top: 3px solid; margin-right: 4px; vertical-align: middle; }
div.vis-tooltip { white-space: pre-line; max-width: 480px; }
</style>
</head>
<body>
<div id="bar"><strong id="heading"></strong>
<label>筛选 filter <select id="group"><option value="">全部 all</option></select></label>
<label>搜索 search <input id="search" type="search" placeholder="名称 name"></label>
<span id="count"></span></div>
<div id="graph"></div>
<div id="legend"></div>
<script>__VISJS__</script>
<script id="ipgraph-data" type="application/json">__DATA__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ipgraph-data").textContent);
  document.getElementById("heading").textContent = data.title;
  function tip(text) { var el = document.createElement("div"); el.textContent = text; return el; }
  data.nodes.forEach(function (n) { if (n.title) { n.title = tip(n.title); } });
  data.edges.forEach(function (e) { if (e.title) { e.title = tip(e.title); } });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var groupSel = document.getElementById("group"), search = document.getElementById("search");
  data.groups.forEach(function (grp) {
    if (!grp.values.length) { return; }
    var og = document.createElement("optgroup"); og.label = grp.label;
    grp.values.forEach(function (g) { var o = document.createElement("option"); o.value = g; o.textContent = g; og.appendChild(o); });
    groupSel.appendChild(og);
  });
  if (data.focus) { groupSel.value = data.focus; }
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var row = document.createElement("div"), sw = document.createElement("span");
    sw.className = item.line ? "ln" : "sw";
    if (item.line) { sw.style.borderTopColor = item.color; if (item.dashed) { sw.style.borderTopStyle = "dashed"; } }
    else { sw.style.background = item.color; }
    row.appendChild(sw); row.appendChild(document.createTextNode(item.name)); legend.appendChild(row);
  });
  // a node shows under a filter when it is in the chosen plan or department, or next to one that is
  // (a plan's departments; a department's tasks); neighbours are listed once, not searched per node
  var cluster = {}, near = {};
  data.nodes.forEach(function (n) { cluster[n.id] = n.cluster; near[n.id] = []; });
  data.edges.forEach(function (e) { near[e.from].push(e.to); near[e.to].push(e.from); });
  function visible(n) {
    var g = groupSel.value, q = search.value.trim();
    if (g && n.cluster !== g && !near[n.id].some(function (m) { return cluster[m] === g; })) { return false; }
    return !q || (n.label || "").indexOf(q) >= 0 || (n.title && n.title.textContent.indexOf(q) >= 0);
  }
  var nodeView = new vis.DataView(nodes, { filter: visible });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return nodeView.get(e.from) && nodeView.get(e.to); } });
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  function refresh() { nodeView.refresh(); edgeView.refresh(); document.getElementById("count").textContent = nodeView.length + " / " + nodes.length; }
  groupSel.addEventListener("change", refresh); search.addEventListener("input", refresh);
  window.ipgraph = { network: network, nodes: nodes, edges: edges, ready: false, drawnAt: null };
  network.once("afterDrawing", function () { window.ipgraph.ready = true; window.ipgraph.drawnAt = performance.now(); });
  refresh();
})();
</script>
</body>
</html>
"""


def page(g: nx.Graph, view: str, title: str) -> str:
    net, options = build_network(g, view)
    js, css = _assets()
    kinds = sorted({d.get("kind", "") for _, d in g.nodes(data=True)})
    edge_kinds = sorted({e.get("kind", "") for e in net.edges})
    legend = [{"name": KIND_NAMES.get(k, k), "color": COLORS.get(k, "#777")} for k in kinds]
    legend += [{"name": EDGE_STYLES[k][2], "color": EDGE_STYLES[k][0], "line": True, "dashed": bool(EDGE_STYLES[k][1])}
               for k in edge_kinds if k in EDGE_STYLES]
    plans = sorted({str(d.get("group", "")) for _, d in g.nodes(data=True)
                    if d.get("kind") in ("task", "project", "plan")} - {""})
    departments = sorted({str(d.get("group", "")) for _, d in g.nodes(data=True) if d.get("kind") == "department"} - {""})
    focus = ""
    if view == "accountability" and g.number_of_nodes() > FOCUS_ABOVE:
        sizes: dict[str, int] = {}
        for _, d in g.nodes(data=True):
            if d.get("kind") in ("task", "project"):
                sizes[str(d.get("group", ""))] = sizes.get(str(d.get("group", "")), 0) + 1
        focus = min(sizes, key=lambda k: (-sizes[k], k)) if sizes else ""
    data = {"title": title, "nodes": net.nodes, "edges": net.edges, "options": options,
            "groups": [{"label": "规划 plan", "values": plans}, {"label": "部门 department", "values": departments}],
            "focus": focus, "legend": legend}
    return (_PAGE.replace("__VISCSS__", css.replace("</", "<\\/")).replace("__VISJS__", js.replace("</script", "<\\/script"))
            .replace("__TITLE__", html.escape(title, quote=True)).replace("__DATA__", script_json(data)))


def render(g: nx.Graph, view: str, output: str | Path, title: str = "") -> Path:
    """Write the view as one HTML file (UTF-8 whatever the platform) and return its path."""
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page(g, view, title or f"ipgraph: {view}"), encoding="utf-8")
    return out
