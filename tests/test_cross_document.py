"""One connected graph: the same thing is one node across documents, different things stay apart."""
import shutil

import pytest

from ipgraph.infer import _affects_lineage
from ipgraph.pipeline import build
from ipgraph.query import indicators, lineage, owners, plans_in, rows, run
from ipgraph.resolve import indicator_concept
from ipgraph.store import GraphStore

from .conftest import DATA

DOCS = {
    "hubei.txt": "湖北省知识产权“十四五”规划\n一、总体要求\n(一)指导思想。坚持创新驱动。\n"
                 "指标 单位 2020年 2025年 属性\n每万人口高价值发明专利拥有量 件 4.1 9 预期性\n",
    "xiangyang.txt": "襄阳市知识产权“十四五”规划\n为加快建设知识产权强市,确保本规划与省规划衔接一致,制定本规划。\n"
                     "一、重点任务\n(一)加强保护。(市市场监管局牵头,市公安局配合)\n"
                     "指标 单位 2020年 2025年 属性\n每万人口高价值发明专利①拥有量 件 2.0 6 预期性\n"
                     "年度PCT国际专利申请量 件 10 30 预期性\n",
    "wuhan.txt": "武汉市知识產權“十四五”規劃\n依據《湖北省知識產權“十四五”規劃》和《國務院關於印發“十四五”國家知識產權保護和運用規劃的通知》"
                 "(國發〔2021〕20號),制定本規劃。\n一、重點任務\n(一)加強保護。(市市場監管局負責)\n"
                 "指标 单位 2020年 2025年 属性\nPCT专利申请量 件 100 300 预期性\n",
    "yichang.txt": "宜昌市知识产权规划\n依据《“十四五”国家知识产权保护和运用规划》,制定本规划。\n"
                   "一、重点任务\n(一)加强保护。(市市场监管局负责)\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    st = GraphStore(tmp_path_factory.mktemp("store") / "s")
    report = build([folder], st)
    assert not report.failed
    return st


def select(store, sparql):
    return rows(run(store, sparql))[1]


def test_departments_of_different_cities_never_merge(store):
    found = {r["department"] for r in owners(store, "市场监督管理局")}
    assert found == {"襄阳市市场监督管理局", "武汉市市场监督管理局", "宜昌市市场监督管理局"}
    depts = select(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ipg:Department ; rdfs:label ?l "
                          "FILTER(CONTAINS(?l, '市场监督管理局')) }")
    assert depts == [["3"]]


def test_traditional_and_simplified_citations_are_one_plan(store):
    [[n]] = select(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ipg:Plan ; rdfs:label|dcterms:title ?l "
                          "FILTER(STRSTARTS(?l, '湖北省知识产权')) }")
    assert n == "1"
    [[region, code]] = select(store, "SELECT DISTINCT ?r ?code WHERE { ?p dcterms:title '湖北省知识产权“十四五”规划'@zh ; "
                                     "ipg:region ?reg . ?reg rdfs:label ?r ; ipg:divisionCode ?code }")
    assert (region, code) == ("湖北省", "420000")


def test_a_notice_leads_to_the_plan_it_promulgates(store):
    got = select(store, """SELECT DISTINCT ?plan ?number WHERE {
        ?n ipg:promulgates ?p . ?p rdfs:label ?plan ; ipg:documentNumber ?number }""")
    assert got == [["“十四五”国家知识产权保护和运用规划", "国发〔2021〕20号"]]
    # cited directly by 宜昌 and through its notice by 武汉: one node
    [[n]] = select(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p rdfs:label '“十四五”国家知识产权保护和运用规划'@zh }")
    assert n == "1"
    [tree] = lineage(store, "武汉")
    assert {p.title for p in tree.parents} == {"湖北省知识产权“十四五”规划", "“十四五”国家知识产权保护和运用规划"}


def test_untitled_parent_is_inferred_and_marked(store):
    [tree] = lineage(store, "襄阳")
    assert [(p.title, p.inferred) for p in tree.parents] == [("湖北省知识产权“十四五”规划", True)]
    stated_and_inferred = select(store, "SELECT ?p WHERE { ?p ipg:basedOn ?q ; ipg:inferredBasedOn ?q }")
    assert stated_and_inferred == []
    in_own_graph = select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p ipg:inferredBasedOn ?q } }")
    assert in_own_graph == [["https://w3id.org/ipgraph/id/graph/_inferred"]]


def test_indicator_concepts_match_by_rule_both_ways():
    assert indicator_concept("每万人口高价值发明专利①拥有量") == indicator_concept("每万人口高价值发明专利拥有量")
    assert indicator_concept("PCT 专利申请量") == indicator_concept("PCT专利申请量")
    assert indicator_concept("年度PCT国际专利申请量") != indicator_concept("PCT专利申请量")


def test_one_indicator_across_plans(store):
    found = [(r["plan"], r["level"], r["target"]) for r in indicators(store, "每万人口高价值发明专利")]
    assert found == [("湖北省知识产权“十四五”规划", "Provincial", "9"), ("襄阳市知识产权“十四五”规划", "Municipal", "6")]
    assert {r["plan"] for r in indicators(store, "PCT")} == {"襄阳市知识产权“十四五”规划", "武汉市知识产权“十四五”规划"}
    concepts = select(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?i ipg:measures ?c ; rdfs:label ?l "
                             "FILTER(CONTAINS(?l, 'PCT')) }")
    assert concepts == [["2"]]


def test_plans_of_a_region_and_its_sub_regions(store):
    assert {r["plan"] for r in plans_in(store, "湖北")} == {
        "湖北省知识产权“十四五”规划", "襄阳市知识产权“十四五”规划", "武汉市知识产权“十四五”规划", "宜昌市知识产权规划"}
    assert {r["plan"] for r in plans_in(store, "襄阳")} == {"襄阳市知识产权“十四五”规划"}


def test_all_departments_of_a_province_and_its_cities(store):
    got = select(store, """SELECT DISTINCT ?l WHERE { ?d a ipg:Department ; rdfs:label ?l ; ipg:region ?r .
        ?r ipg:parentRegion* ?up . ?up ipg:divisionCode "420000" } ORDER BY ?l""")
    assert [r[0] for r in got] == ["宜昌市市场监督管理局", "武汉市市场监督管理局", "襄阳市公安局", "襄阳市市场监督管理局"]


def test_inferred_links_are_recomputed_only_when_plans_change(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(DATA, folder)
    inferred = "SELECT ?p WHERE { GRAPH ?g { ?p ipg:inferredBasedOn ?q } }"

    def rebuild(name: str, old: str, new: str) -> tuple[bool, list]:
        f = folder / name
        f.write_text(f.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        store = GraphStore(tmp_path / "s")
        build([f], store)
        return _affects_lineage(store), [r[0] for r in rows(run(store, inferred))[1]]

    store = GraphStore(tmp_path / "s")
    build([folder], store)
    before = [r[0] for r in rows(run(store, inferred))[1]]
    assert [p.rsplit("/", 1)[1][:3] for p in before] == ["临沂市"]
    del store
    assert rebuild("jilin_13fyp_ip_plan.txt", "加强", "切实加强") == (False, before)  # tasks only
    affected, after = rebuild("linyi_14fyp_ip_plan_interpretation.txt", "临沂", "日照")
    assert affected and [p.rsplit("/", 1)[1][:3] for p in after] == ["日照市"]
