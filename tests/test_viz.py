"""The views, opened for real in headless Chromium from file:// with the network cut off."""
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import sync_playwright

from ipgraph.pipeline import build
from ipgraph.store import GraphStore
from ipgraph.viz import VIEWS, render
from ipgraph.viz.html import LAYOUT_THRESHOLD, build_network, page
from ipgraph.viz.stats import stats
from tests.browser import wait_until

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, path: Path, shot: str | None = None):
    """Open a rendered view offline; return (page, console errors, requests that tried to leave)."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors, left, dialogs = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.route("**/*", lambda route: (left.append(route.request.url), route.abort())
               if not route.request.url.startswith("file://") else route.continue_())
    page.goto(path.as_uri())
    wait_until(page, "window.ipgraph && window.ipgraph.ready")
    page.wait_for_timeout(300)
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / shot))
    return page, errors, left, dialogs


def painted(page) -> int:
    """How many sampled canvas pixels are not blank."""
    return page.evaluate("""() => {
        const c = document.querySelector('#graph canvas'); const ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4 * 97) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
        return n; }""")


@pytest.mark.parametrize("view", ["accountability", "lineage", "indicators"])
def test_each_view_draws_offline(browser, corpus_store, tmp_path, view):
    graph = VIEWS[view](corpus_store)
    path = render(graph, view, tmp_path / f"{view}.html")
    page, errors, left, _ = open_page(browser, path, shot=f"{view}.png")
    assert errors == [] and left == []
    assert page.evaluate("window.ipgraph.nodes.length") == graph.number_of_nodes() > 0
    assert page.evaluate("window.ipgraph.edges.length") == graph.number_of_edges() > 0
    assert painted(page) > 200


def test_filter_by_plan_narrows_the_view(browser, corpus_store, tmp_path):
    path = render(VIEWS["accountability"](corpus_store), "accountability", tmp_path / "a.html")
    page, *_ = open_page(browser, path)
    page.select_option("#group", label="济宁市“十四五”知识产权保护和运用规划")
    assert page.text_content("#count") == f"2 / {page.evaluate('window.ipgraph.nodes.length')}"


HOSTILE = ("某市知识产权规划\n一、重点任务\n"
           "1.<script>window.__xss=1;alert(1)</script>加强保护。(市<img src=x onerror=window.__xss=2>局负责)\n"
           "2.加强运用</script><script>window.__xss=3</script>。(市科技局负责)\n")


def test_hostile_text_renders_as_text(browser, tmp_path):
    doc = tmp_path / "hostile.txt"
    doc.write_text(HOSTILE, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([doc], store)
    graph = VIEWS["accountability"](store)
    assert any("<script>" in d["tooltip"] for _, d in graph.nodes(data=True))
    path = render(graph, "accountability", tmp_path / "x.html")
    html = path.read_text(encoding="utf-8")
    assert "</script><script>window.__xss" not in html
    page, errors, left, dialogs = open_page(browser, path, shot="hostile.png")
    page.hover("#graph")
    assert page.evaluate("window.__xss") is None and dialogs == [] and left == []
    assert page.evaluate("window.ipgraph.nodes.get().some(n => n.title.textContent.includes('<script>'))")


def test_no_cdn_no_lib_folder_and_utf8_whatever_the_locale(tmp_path, corpus_store):
    path = render(VIEWS["lineage"](corpus_store), "lineage", tmp_path / "l.html")
    html = path.read_text(encoding="utf-8")
    assert "cdn" not in html.lower().split("vis-network")[0]
    assert 'src="http' not in html and "href=\"http" not in html and "<link" not in html
    name = "宜昌市规划".encode("unicode_escape").decode("ascii")  # the command line itself must stay ASCII
    code = ("from ipgraph.viz.html import render; import networkx as nx; g = nx.Graph(); "
            f"g.add_node('a', kind='plan', label='{name}', tooltip='{name}'); render(g, 'lineage', 'v.html')")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True)
    assert "宜昌市规划" in (tmp_path / "v.html").read_bytes().decode("utf-8")
    assert not (tmp_path / "lib").exists()


def test_large_graphs_get_a_fixed_layout_without_physics():
    g = nx.Graph()
    for i in range(LAYOUT_THRESHOLD + 50):
        g.add_node(f"t{i}", kind="task", label=f"任务{i}", tooltip="", group=f"p{i % 7}")
        g.add_edge(f"t{i}", f"d{i % 40}")
        g.nodes[f"d{i % 40}"].update(kind="department", label="部门", tooltip="", group="d")
    net, options = build_network(g, "accountability")
    assert options["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in net.nodes)
    small, small_options = build_network(nx.path_graph(5), "accountability")
    assert small_options["physics"]["enabled"] is True


def test_stats_rank_departments(corpus_store):
    s = stats(corpus_store, top=3)
    assert s["by_tasks"][0] == {"department": "吉林省科学技术厅", "tasks": 31, "leads": 0}
    assert s["by_betweenness"][0]["department"] == "吉林省科学技术厅"
    assert s["shared_tasks"][0] == {"a": "吉林省工商行政管理局", "b": "吉林省科学技术厅", "tasks": 22}
    assert s["tasks_without_owner"] > 0


def test_page_is_deterministic(corpus_store):
    g = VIEWS["indicators"](corpus_store)
    assert page(g, "indicators", "t") == page(g, "indicators", "t")


def test_accountability_opens_on_one_plan_and_lineage_stays_legible(browser, corpus_store, tmp_path):
    path = render(VIEWS["accountability"](corpus_store), "accountability", tmp_path / "a.html")
    page, *_ = open_page(browser, path)
    assert page.input_value("#group") == "“十三五”吉林省知识产权保护和运用规划"  # the plan with most tasks
    shown, total = map(int, page.text_content("#count").split(" / "))
    assert 0 < shown < total
    page.select_option("#group", label="吉林省科学技术厅")  # a department: it and its tasks
    assert 1 < int(page.text_content("#count").split(" / ")[0]) < total
    path = render(VIEWS["lineage"](corpus_store), "lineage", tmp_path / "l.html")
    page, *_ = open_page(browser, path)
    # drawn at a scale where a 14 px label stays at least 10 px on screen
    assert page.evaluate("window.ipgraph.network.getScale()") * 14 >= 10
