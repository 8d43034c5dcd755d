"""Views at scale: file size and time to interactive in headless Chromium for 200, 2,000 and
10,000 nodes, with the fixed layout ipgraph uses above LAYOUT_THRESHOLD, against pyvis-style
default physics measured in the same run (baseline, small sizes only: it does not finish at scale).

Run: .venv/bin/python -m bench.viz
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from ipgraph.viz import html

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def accountability_like(n: int, seed: int = 0) -> nx.Graph:
    """n nodes: one department for every 12 tasks, each task owned by 1-3 departments."""
    rnd = random.Random(seed)
    g = nx.Graph()
    depts = [f"d{i}" for i in range(max(1, n // 13))]
    for d in depts:
        g.add_node(d, kind="department", label=f"部门{d}", tooltip=f"部门{d}", group=d)
    for i in range(n - len(depts)):
        t = f"t{i}"
        g.add_node(t, kind="task", label=f"任务{i}", tooltip=f"任务{i} 的全文", group=f"plan{i % 50}")
        for d in rnd.sample(depts, min(len(depts), rnd.randint(1, 3))):
            g.add_edge(d, t, lead=rnd.random() < 0.2)
    for node, degree in g.degree():
        g.nodes[node]["weight"] = degree
    return g


def time_to_interactive(browser, path: Path, timeout_ms: int = 120000) -> float:
    page = browser.new_context(offline=True, viewport={"width": 1200, "height": 800}).new_page()
    start = time.perf_counter()
    page.goto(path.as_uri())
    # polled from here: wait_for_function polls by eval in the page, which its Content-Security-Policy refuses
    while not page.evaluate("() => Boolean(window.ipgraph && window.ipgraph.ready)"):
        if time.perf_counter() - start > timeout_ms / 1000:
            raise TimeoutError(f"{path} was not ready in {timeout_ms / 1000:g} s")
        page.wait_for_timeout(10)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
    elapsed = time.perf_counter() - start
    page.context.close()
    return elapsed


def main() -> None:
    out = Path(tempfile.mkdtemp())
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in (200, 2000, 10000):
            g = accountability_like(n)
            t0 = time.perf_counter()
            path = html.render(g, "accountability", out / f"a{n}.html")
            render_s = time.perf_counter() - t0
            tti = time_to_interactive(browser, path)
            baseline = None
            if n <= 2000:  # physics on, the pyvis default: first draw only after stabilisation
                threshold = html.LAYOUT_THRESHOLD
                html.LAYOUT_THRESHOLD = 10 ** 9
                base_path = html.render(g, "accountability", out / f"b{n}.html")
                html.LAYOUT_THRESHOLD = threshold
                baseline = time_to_interactive(browser, base_path)
            rows.append((n, g.number_of_edges(), path.stat().st_size / 1e6, render_s, tti, baseline))
        browser.close()
    print(f"{'nodes':>6} {'edges':>6} {'MB':>6} {'render s':>9} {'interactive s':>14} {'physics s':>10} {'ratio':>6}")
    for n, e, mb, r, tti, base in rows:
        ratio = f"{base / tti:6.1f}" if base else "     -"
        print(f"{n:>6} {e:>6} {mb:6.2f} {r:9.2f} {tti:14.2f} {base if base else float('nan'):10.2f} {ratio}")


if __name__ == "__main__":
    main()
