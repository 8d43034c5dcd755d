// The explorer's behaviour, loaded as a file (no inline scripts): outline expand/collapse, the
// source view's clickable marks, and the two ECharts charts, drawn from the page's JSON block.
// Labels reach the charts as plain strings (rich-text tooltips on canvas, never innerHTML).
(function () {
  "use strict";
  window.ipgraph = { ready: false, charts: {} };
  const block = document.getElementById("page-data");
  const data = block ? JSON.parse(block.textContent) : {};
  const LEVELS = ["国家级", "省级", "市级", "县级", "其他"];
  const COLOURS = ["#c0392b", "#d68910", "#1e8449", "#2e86c1", "#7f8c8d"];
  const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

  function toggleAll(open) {
    document.querySelectorAll(".outline details").forEach((d) => { d.open = open; });
  }
  const expand = document.getElementById("expand-all");
  if (expand) expand.addEventListener("click", () => toggleAll(true));
  const collapse = document.getElementById("collapse-all");
  if (collapse) collapse.addEventListener("click", () => toggleAll(false));

  // source view: a click on a highlighted span opens that entity's sentence
  document.querySelectorAll("mark[data-href]").forEach((m) => {
    m.addEventListener("click", (ev) => {
      ev.stopPropagation();
      window.location.href = m.dataset.href + "#focus";
    });
  });
  const focus = document.getElementById("focus");
  if (focus) focus.scrollIntoView({ block: "center" });

  function lineage(el, g) {
    // plans in rows by level (national on top), the plan itself in the middle of its row
    const rank = (n) => (n.level ? n.level.rank : 4);
    const rows = {};
    const nodes = [{ name: g.center.iri, label: g.center.label, rank: rank(g.center), self: true }];
    const seen = new Set([g.center.iri]);
    g.nodes.slice(0, 60).forEach((n) => {
      if (seen.has(n.iri)) return;
      seen.add(n.iri);
      nodes.push({ name: n.iri, label: n.label, rank: rank(n), href: n.href, relation: n.relation, ingested: n.ingested });
    });
    nodes.forEach((n) => { (rows[n.rank] = rows[n.rank] || []).push(n); });
    Object.keys(rows).forEach((r) => {
      const row = rows[r];
      row.sort((a, b) => (a.self ? -1 : b.self ? 1 : 0));
      const mid = (row.length - 1) / 2;
      row.forEach((n, i) => {
        // the plan itself in the centre, the others alternating to its left and right
        const slot = i === 0 ? 0 : (i % 2 ? -1 : 1) * Math.ceil(i / 2);
        n.x = (row[0].self ? slot : i - mid) * 230;
        n.y = Number(r) * 110;
      });
    });
    const data2 = nodes.map((n) => ({
      name: n.name, x: n.x, y: n.y, value: n.href || "",
      symbolSize: n.self ? 22 : 14,
      itemStyle: { color: n.self ? "#f1c40f" : COLOURS[n.rank], opacity: n.self || n.ingested ? 1 : 0.55 },
      label: { show: true, formatter: short(n.label, 18), fontSize: 12, position: "bottom", color: "#1d2733" },
      tooltip: { formatter: n.label + (n.relation ? " — " + n.relation : "") + " [" + LEVELS[n.rank] + "]" },
    }));
    const links = nodes.filter((n) => !n.self).map((n) => {
      const up = ["parent", "inferred parent", "promulgated by", "cites"].includes(n.relation);
      return {
        source: up ? g.center.iri : n.name, target: up ? n.name : g.center.iri,
        lineStyle: { type: n.relation.startsWith("cite") ? "dashed" : "solid",
          color: n.relation.startsWith("inferred") ? "#e67e22" : "#95a5a6", width: n.relation.startsWith("cite") ? 1 : 2 },
      };
    });
    const chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      tooltip: { renderMode: "richText" },
      series: [{ type: "graph", layout: "none", roam: true, data: data2, links: links,
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7, labelLayout: { hideOverlap: true } }],
    });
    chart.on("click", (p) => { if (p.dataType === "node" && p.data.value) window.location.href = p.data.value; });
    window.ipgraph.charts.lineage = chart;
  }

  function indicatorChart(el, d) {
    const bars = d.bars.filter((b) => b.value !== null);
    const chart = echarts.init(el, null, { renderer: "canvas" });
    const series = {
      type: "bar",
      data: bars.map((b) => ({ value: b.value, itemStyle: { color: COLOURS[b.rank] },
        tooltip: { formatter: b.plan + " [" + b.level + "]: " + b.text + " " + b.unit } })),
      label: { show: true, position: "top", formatter: (p) => String(p.value) },
    };
    if (d.national !== null) {
      series.markLine = { symbol: "none", data: [{ yAxis: d.national, name: "国家目标 national" }],
        lineStyle: { color: COLOURS[0], type: "dashed", width: 2 },
        label: { formatter: "国家目标 national " + d.national, position: "insideEndTop" } };
    }
    chart.setOption({
      animation: false,
      title: { text: d.label + " — 目标 targets", textStyle: { fontSize: 14 } },
      tooltip: { renderMode: "richText" },
      grid: { bottom: 110, left: 60, right: 30 },
      xAxis: { type: "category", data: bars.map((b) => short(b.plan, 14)),
        axisLabel: { rotate: 30, interval: 0, fontSize: 11 } },
      yAxis: { type: "value" },
      series: [series],
    });
    window.ipgraph.charts.indicator = chart;
  }

  const lin = document.getElementById("lineage-graph");
  if (lin && data.lineage) lineage(lin, data.lineage);
  const ind = document.getElementById("indicator-chart");
  if (ind && data.indicator) indicatorChart(ind, data.indicator);
  window.addEventListener("resize", () => Object.values(window.ipgraph.charts).forEach((c) => c.resize()));
  window.ipgraph.ready = true;
})();
