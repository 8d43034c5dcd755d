"""The explorer as a researcher uses it: the real `ipgraph serve` on a store built from data/ and
the gov.cn corpus, driven in Debian's Chromium. Every request that would leave the server is
blocked and recorded; console errors (a refused script or style under the CSP among them) fail.

What is asserted is read from the sources: the Yichang plan (data/yichang_14fyp_ip_plan.txt)
names 市市场监管局(知识产权局) as the office of its leading group (line 267) and sets 每万人口高价值
发明专利拥有量 from 2.81 to 10 (line 110)."""
import json
import os
import re
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from ipgraph.pipeline import build
from ipgraph.store import GraphStore
from tests.browser import wait_until

from .conftest import DATA, ROOT
from .test_viz import ARTIFACTS, CHROMIUM_ARGS

GOVCN = ROOT.parent / "shared" / "corpus" / "govcn-2018"
YICHANG = "宜昌市知识产权保护与运用“十四五”规划"
HOSTILE = ("某市知识产权规划\n一、重点任务\n"
           "1.<script>window.__xss=1;alert(1)</script>加强保护。(市<img src=x onerror=window.__xss=2>局负责)\n"
           "2.加强运用</script><script>window.__xss=3</script>。(市科技局负责)\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("explorer")
    (tmp / "hostile").mkdir()
    (tmp / "hostile" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    paths = [DATA, tmp / "hostile"] + ([GOVCN] if GOVCN.is_dir() else [])
    report = build(paths, GraphStore(tmp / "store"))
    assert not report.failed
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "ipgraph"), "serve", "--store", str(tmp / "store"),
                             "--port", str(port)], stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/index.json", timeout=2)
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """One browser tab on the explorer, recording console errors, dialogs and requests that leave."""

    def __init__(self, browser, server):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors, self.left, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                        else (self.left.append(route.request.url), route.abort()))
        self.server = server

    def go(self, path: str):
        self.page.goto(self.server + path)
        return self.ready()

    def ready(self):
        """Wait until the page's script (if it has one) has drawn."""
        self.page.wait_for_load_state()
        wait_until(self.page, "window.ipgraph === undefined || window.ipgraph.ready")
        return self.page

    def shot(self, name: str, full: bool = False):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=full)

    def clean(self):
        assert self.errors == [] and self.left == [] and self.dialogs == []
        assert self.page.evaluate("window.__xss") is None


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.context.close()


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def test_search_then_department(visit):
    page = visit.go("/")
    visit.shot("explorer-home.png")
    page.fill(".big-search input", "市场监管")
    page.press(".big-search input", "Enter")
    page.wait_for_selector(".hits")
    visit.shot("explorer-search.png")
    page.click(".hit.k-department >> text=宜昌市市场监督管理局")
    assert page.text_content("h1") == "宜昌市市场监督管理局"
    group = page.locator(".group", has=page.locator(f"h3 >> text={YICHANG}"))
    assert "市市场监管局(知识产权局)承担领导小组办公室工作职责" in group.text_content()
    assert "市市场监管局(知识产权局)" in page.text_content(".facts")  # its other names
    visit.shot("explorer-department.png")
    visit.clean()


def test_search_in_traditional_script_with_facets(visit):
    page = visit.go("/search?q=" + urllib.parse.quote("市場監管"))
    assert page.locator(".hit.k-department >> text=宜昌市市场监督管理局").count() == 1
    with page.expect_navigation():  # the facet is a link: read the hits of the page it opens
        page.click(".facet >> text=部门 department")
    kinds = page.eval_on_selector_all(".hit .kind", "els => els.map(e => e.textContent)")
    assert kinds and set(kinds) == {"部门 department"}
    visit.clean()


def test_plan_outline_owners_and_source_sentence(visit):
    page = visit.go("/")
    page.click(f"text={YICHANG}")
    visit.ready()
    assert page.text_content("h1") == YICHANG
    assert "2022-12-14" in page.text_content(".facts")  # 发布时间 on line 2 of the text
    assert page.evaluate("window.ipgraph.charts.lineage !== undefined")
    task = page.locator("li.task.leaf", has_text="市市场监管局(知识产权局)承担领导小组办公室工作职责")
    assert not task.is_visible()  # the outline opens collapsed
    page.click(".outline > li > details > summary >> text=保障措施")
    assert task.is_visible()
    assert task.locator(".owner").all_text_contents() == ["宜昌市市场监督管理局"]
    visit.shot("explorer-plan.png")
    task_text = task.locator(".text").text_content()
    task.locator("a.src").click()
    page.wait_for_selector("mark.focus")
    highlighted = page.text_content("mark.focus")
    assert _norm(highlighted) == _norm(task_text)
    assert page.evaluate("document.querySelector('mark.focus').getBoundingClientRect().top") < 900  # scrolled to
    assert "宜昌市市场监督管理局" in page.text_content(".focus-box")
    visit.shot("explorer-source.png")
    visit.clean()


def test_indicator_page_draws_the_chart(visit):
    page = visit.go("/search?q=" + urllib.parse.quote(YICHANG) + "&kind=plan")
    page.click(f".hit-label >> text={YICHANG}")
    visit.ready()
    row = page.locator("table.indicators tr", has_text="每万人口高价值发明专利拥有量")
    assert "2.81" in row.text_content() and "10" in row.text_content()
    row.locator("a", has_text="每万人口高价值发明专利拥有量").click()
    visit.ready()
    assert page.evaluate("window.ipgraph.charts.indicator !== undefined")
    assert page.text_content("h1") == "每万人口高价值发明专利拥有量"
    assert YICHANG in page.text_content("table")
    painted = page.evaluate("""() => { const c = document.querySelector('#indicator-chart canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4 * 37) if (d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 600) n++; return n; }""")
    assert painted > 100
    visit.shot("explorer-indicator.png")
    visit.clean()


def test_region_page_counts_sub_regions(visit):
    page = visit.go("/id/region/420000")
    assert page.text_content("h1") == "湖北省"
    assert page.locator(f"table >> text={YICHANG}").count() == 1  # a plan of a city of the province
    visit.shot("explorer-region.png")
    visit.clean()


def test_sparql_editor_runs_a_named_query(visit):
    page = visit.go("/query")
    page.click("button.example >> text=Task owners")
    page.wait_for_selector(".yasr table tbody tr", timeout=30000)
    assert page.locator(".yasr table tbody tr").count() > 0
    header = page.eval_on_selector_all(".yasr table thead th", "els => els.map(e => e.textContent.trim())")
    assert {"department", "task", "lead"} <= set(header)  # the variables of queries/task-owners.rq
    visit.shot("explorer-sparql.png")
    visit.clean()


def test_hostile_labels_are_text(visit):
    page = visit.go("/search?q=" + urllib.parse.quote("加强保护"))
    assert "<script>window.__xss=1;alert(1)</script>" in page.text_content(".hits")
    page.click(".hit.k-task .meta a")
    page.click(".outline summary")
    assert "<img src=x onerror=window.__xss=2>" in page.text_content(".outline")
    page.locator("a.src").first.click()
    page.wait_for_selector("mark.focus")
    assert "<script>" in page.text_content("pre.source")
    visit.clean()


def _get(url: str, accept: str = "*/*"):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept})) as r:
        return r.headers.get("Content-Type"), r.read().decode("utf-8-sig")


def test_every_page_has_its_twins(server):
    plan = server + "/id/plan/" + urllib.parse.quote("宜昌市知识产权保护与运用十四五规划")
    ctype, body = _get(plan + ".json")
    assert ctype.startswith("application/json") and json.loads(body)["title"] == YICHANG
    ctype, body = _get(plan + ".csv?table=indicators")
    assert ctype.startswith("text/csv") and "每万人口高价值发明专利拥有量" in body
    assert _get(plan, "text/turtle")[0].startswith("text/turtle")  # /id/ still negotiates RDF
    assert _get(plan, "application/ld+json")[0].startswith("application/ld+json")
    with urllib.request.urlopen(urllib.request.Request(plan, headers={"Accept": "text/html"})) as r:
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
        scripts = re.findall(r"<script[^>]*>", r.read().decode("utf-8"))
    assert scripts and all("src=" in t or 'type="application/json"' in t for t in scripts)  # no inline code
    ctype, body = _get(server + "/search.csv?q=" + urllib.parse.quote("市场监管"))
    assert body.splitlines()[0].startswith("kind,iri") and "宜昌市市场监督管理局" in body
    assert json.loads(_get(server + "/index.json")[1])["counts"]["document"] >= 6
    # the Linyi interpretation names the plan's 文号 and the office that issued it
    linyi = json.loads(_get(server + "/id/plan/" + urllib.parse.quote("临沂市十四五知识产权保护和运用规划") + ".json")[1])
    assert linyi["document_number"] == "临政办字〔2021〕113号" and linyi["issuer"]["label"] == "临沂市人民政府办公室"


def test_the_index_follows_the_store(tmp_path):
    from ipgraph.explorer import index

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "a"], store)
    assert index.fresh(store)
    with index.connect(index.path_of(store)) as db:
        assert index.search(db, "市场监管")["total"] == 0
    build([DATA / "yichang_14fyp_ip_plan.txt"], store)  # a second document: the build brings the index up to date
    assert index.fresh(store)
    with index.connect(index.path_of(store)) as db:
        hits = index.search(db, "市場監管局")["hits"]  # traditional input
        assert "宜昌市市场监督管理局" in [h["label"] for h in hits if h["kind"] == "department"]
        assert index.source(db, "https://w3id.org/ipgraph/id/doc/yichang_14fyp_ip_plan.txt")["text"] == \
            (DATA / "yichang_14fyp_ip_plan.txt").read_text(encoding="utf-8").lstrip("\ufeff")


PROVINCE = ("湖北省知识产权“十四五”规划\n\n一、发展目标\n\n  表1:“十四五”湖北省知识产权发展主要指标\n\n"
            "指标 单位 2020年 2025年 属性\n每万人口高价值发明专利拥有量 件 4.1 12 预期性\n\n"
            "二、重点任务\n\n  1.加强知识产权保护。(省市场监管局负责)\n")
CITY = ("宜都市知识产权“十四五”规划\n\n  依据《湖北省知识产权“十四五”规划》,制定本规划。\n\n一、发展目标\n\n"
        "  表1:“十四五”宜都市知识产权发展主要指标\n\n指标 单位 2020年 2025年 属性\n"
        "每万人口高价值发明专利拥有量 件 1.5 6 预期性\n\n二、重点任务\n\n  1.加强知识产权运用。(市市场监管局负责)\n")


def test_a_plan_shows_its_parents_target_for_the_same_indicator(tmp_path):
    """The city plan is based on the province's and sets the same indicator: its plan page gives
    the province's target (12) beside its own (6)."""
    from ipgraph.explorer import Explorer

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "province.txt").write_text(PROVINCE, encoding="utf-8")
    (tmp_path / "docs" / "city.txt").write_text(CITY, encoding="utf-8")
    build([tmp_path / "docs"], GraphStore(tmp_path / "s"))
    app = Explorer(GraphStore(tmp_path / "s", create=False, exclusive=False), "https://w3id.org/ipgraph/id/")
    status, _, body = app.handle("/id/plan/宜都市知识产权十四五规划.json", {"HTTP_ACCEPT": "text/html"})
    assert status == "200 OK"
    [row] = json.loads(body)["indicators"]
    assert (row["label"], row["target"]) == ("每万人口高价值发明专利拥有量", "6")
    assert [(p["plan_label"], p["target"]) for p in row["in_parent_plans"]] == [("湖北省知识产权“十四五”规划", "12")]
    status, _, body = app.handle("/id/plan/宜都市知识产权十四五规划", {"HTTP_ACCEPT": "text/html"})
    assert "湖北省知识产权“十四五”规划</a> <span class=\"level r1\">省级</span>: <b>12</b>" in body.decode()


def _contents(path) -> dict:
    """Everything an index holds but its row ids (which only follow insertion order)."""
    import sqlite3

    with sqlite3.connect(path) as db:
        return {"docs": sorted(db.execute("SELECT * FROM docs")),
                "regions": sorted(db.execute("SELECT * FROM regions")),
                "nodes": sorted(db.execute("SELECT * FROM doc_nodes")),
                "entities": sorted(db.execute(
                    "SELECT e.kind, e.rank, e.level, e.region_label, e.period, e.plan_label, e.ingested, e.plan, e.region, "
                    "e.link, e.doc, e.start, e.end, e.iri, e.label, f.body FROM entities e JOIN fts f ON f.rowid = e.id"),
                    key=repr)}


def test_the_index_is_updated_document_by_document_as_a_fresh_one_would_be(tmp_path):
    """Documents added, changed and removed by later builds: the index updated in place holds what
    an index built anew from the store holds, and searches give the same hits in the same order.
    The city plan cites the province's: once the province's text is gone, the province plan is still
    a plan of the graph (cited), no longer an ingested one, and its task is found no more."""
    from ipgraph.explorer import index
    from ipgraph.pipeline import remove

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "province.txt").write_text(PROVINCE, encoding="utf-8")
    (docs / "city.txt").write_text(CITY, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([docs, DATA / "yichang_14fyp_ip_plan.txt"], store)
    with index.connect(index.path_of(store)) as db:
        assert [h["label"] for h in index.search(db, "加强知识产权保护")["hits"]] == ["加强知识产权保护。(省市场监管局负责)"]
    (docs / "city.txt").write_text(CITY.replace("加强知识产权运用", "全面加强知识产权运用")
                                   .replace("宜都市知识产权", "宜都市知识产权保护和运用"), encoding="utf-8")
    (docs / "county.txt").write_text(CITY.replace("宜都", "枝江"), encoding="utf-8")
    build([docs, DATA / "jilin_13fyp_ip_plan.txt"], store)
    remove([str(docs / "province.txt")], store)
    assert not index.fresh(store)  # `remove` leaves the index to the next reader or build
    # a plan that cites the city's, writing its title with straight quotes: the same plan, another title
    (docs / "town.txt").write_text(CITY.replace("宜都市知识产权“十四五”规划\n", "宜都市陆城街道知识产权工作方案\n")
                                   .replace("《湖北省知识产权“十四五”规划》", '《宜都市知识产权保护和运用"十四五"规划》'),
                                   encoding="utf-8")
    build([docs / "county.txt", docs / "town.txt"], store)
    assert index.fresh(store)
    updated = _contents(index.path_of(store))
    anew = index.rebuild(store, tmp_path / "anew.sqlite")
    assert updated == _contents(anew)
    with index.connect(index.path_of(store)) as a, index.connect(anew) as b:
        for q in ("知识产权", "加强", "市场监管", "湖北省", ""):
            assert index.search(a, q) == index.search(b, q)
        assert index.search(a, "加强知识产权保护")["total"] == 0  # the province's task went with its text
        [task] = index.search(a, "全面加强知识产权运用")["hits"]
        # the city's plan takes its title as the town's plan writes it (one title of two, chosen by order)
        assert (task["label"], task["plan_label"]) == ("全面加强知识产权运用。(市市场监管局负责)",
                                                       '宜都市知识产权保护和运用"十四五"规划')
        plans = {h["label"]: h for h in index.search(a, "", {"kind": "plan"}, limit=1000)["hits"]}
        assert '宜都市知识产权保护和运用"十四五"规划' in plans and "宜都市知识产权“十四五”规划" not in plans
        overview = index.overview(a)
        ingested = {p["label"] for p in overview["plans"]}
        assert "湖北省知识产权“十四五”规划" in plans and "湖北省知识产权“十四五”规划" not in ingested
        assert "枝江市知识产权“十四五”规划" in ingested


def test_an_index_built_anew_finds_the_documents_of_a_store_built_under_another_base(tmp_path):
    from ipgraph.explorer import index

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "province.txt").write_text(PROVINCE, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "docs"], store, base="https://example.org/plans/")
    anew = index.rebuild(store, tmp_path / "anew.sqlite")
    assert _contents(anew) == _contents(index.path_of(store))
    with index.connect(anew) as db:
        [task] = index.search(db, "加强知识产权保护")["hits"]
        assert task["doc"] == "https://example.org/plans/doc/province.txt"
