"""The built graph: SHACL, round trips, determinism, idempotent re-builds, SPARQL answers."""
import shutil

import pytest
import rdflib
from rdflib.compare import isomorphic

from ipgraph.export import export
from ipgraph.pipeline import build
from ipgraph.query import lineage, named_queries, owners, rows, run
from ipgraph.store import GraphStore
from ipgraph.validate import validate

from .conftest import DATA, SEEDS

IPG = rdflib.Namespace("https://w3id.org/ipgraph/ontology#")


def ttl_graph(store):
    return rdflib.Graph().parse(data=export(store, "turtle"), format="turtle")


def test_graph_conforms_to_shapes(corpus_store):
    conforms, report = validate(ttl_graph(corpus_store))
    assert conforms, report


def test_shapes_catch_a_lead_that_is_not_responsible():
    g = rdflib.Graph().parse(data="""
        @prefix ipg: <https://w3id.org/ipgraph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:t> a ipg:Task ; rdfs:label "t"@zh ; ipg:text "t"@zh ; ipg:partOf <urn:p> ; ipg:leadDepartment <urn:d> .
        <urn:p> a ipg:Plan ; rdfs:label "p"@zh .
        <urn:d> a ipg:Department ; rdfs:label "d"@zh .""", format="turtle")
    conforms, report = validate(g)
    assert not conforms and "lead department must also be a responsible department" in report


@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("nquads", "nquads"), ("trig", "trig"),
                                          ("jsonld", "json-ld")])
def test_exports_round_trip(corpus_store, fmt, parse_as):
    data = export(corpus_store, fmt)
    if parse_as in ("nquads", "trig"):
        ds = rdflib.Dataset().parse(data=data, format=parse_as)
        assert len(set(ds.quads())) == sum(1 for _ in corpus_store.quads())
        assert len({g for *_, g in ds.quads()}) == 6  # five documents and the inferred links
    else:
        g = rdflib.Graph().parse(data=data, format=parse_as)
        assert isomorphic(g, ttl_graph(corpus_store))


def test_export_is_byte_identical_across_builds(tmp_path):
    outs = []
    for n in range(2):
        store = GraphStore(tmp_path / f"s{n}")
        build([DATA], store)
        outs.append(export(store, "turtle"))
        del store
    assert outs[0] == outs[1]
    assert outs[0].startswith(b"@prefix dcterms:")


def test_rebuilding_replaces_instead_of_duplicating(tmp_path):
    store = GraphStore(tmp_path / "s")
    build([DATA], store)
    first = len(store)
    build([SEEDS["yichang"], DATA], store)
    assert len(store) == first


def test_rebuilding_a_changed_file_drops_its_old_statements(tmp_path):
    src = tmp_path / "plan.txt"
    shutil.copy(SEEDS["jining"], src)
    store = GraphStore(tmp_path / "s")
    build([src], store)
    assert owners(store, "市场监管局")
    src.write_text(src.read_text(encoding="utf-8").replace("市市场监管局牵头", "有关方面"), encoding="utf-8")
    build([src], store)
    assert owners(store, "市场监管局") == []
    fresh = GraphStore(tmp_path / "fresh")
    build([src], fresh)  # only the difference was written: the result is what a fresh build gives
    assert export(store, "nquads") == export(fresh, "nquads")
    assert sorted(map(str, store.triples())) == sorted(map(str, fresh.triples()))


def test_every_named_query_runs_and_answers(corpus_store):
    expected_min = {"plans": 5, "task-owners": 175, "departments-by-tasks": 30, "plan-lineage": 19,
                    "indicators": 30, "defined-terms": 26, "projects": 36, "tasks-without-owner": 50}
    for name, nq in named_queries().items():
        headers, data = rows(run(corpus_store, nq.sparql))
        assert len(data) >= expected_min[name], name


def test_indicator_query_gives_values(corpus_store):
    headers, data = rows(run(corpus_store, named_queries()["indicators"].sparql))
    found = [dict(zip(headers, r)) for r in data if r[1] == "每万人口高价值发明专利拥有量"]
    got = {(r["plan"], r["baseline"], r["target"], r["targetYear"]) for r in found}
    assert ("宜昌市知识产权保护与运用“十四五”规划", "2.81", "10", "2025") in got
    assert ("济宁市“十四五”知识产权保护和运用规划", "[1.14]", "4.0", "2025") in got


def test_departments_ranked_by_tasks(corpus_store):
    headers, data = rows(run(corpus_store, named_queries()["departments-by-tasks"].sparql))
    assert data[0][:2] == ["吉林省科学技术厅", "31"]


def test_owners_of_a_department_in_a_plan(corpus_store):
    found = owners(corpus_store, "市场监管局", "济宁")
    assert [(r["department"], r["lead"]) for r in found] == [("济宁市市场监督管理局", True)]
    assert owners(corpus_store, "省统计局")[0]["text"].startswith("推动将知识产权指标纳入")


def test_the_same_national_plan_is_one_node_across_documents(corpus_store):
    headers, data = rows(run(corpus_store, """
        SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p rdfs:label ?l FILTER(CONTAINS(?l, "国家知识产权保护和运用规划")
        && CONTAINS(?l, "十四五") && !CONTAINS(?l, "通知")) }"""))
    assert data == [["1"]]


def test_lineage_of_yichang(corpus_store):
    [tree] = lineage(corpus_store, "宜昌市知识产权保护与运用")
    assert {p.title for p in tree.parents} >= {"湖北省知识产权“十四五”规划", "“十四五”国家知识产权保护和运用规划"}
    assert {p.level for p in tree.parents} >= {"National", "Provincial", "Municipal"}
    assert "专利合作条约" in {t for _, t in tree.cites}


def test_tasks_have_spans_into_the_source(corpus_store):
    headers, data = rows(run(corpus_store, """
        SELECT ?s ?e WHERE { ?t ipg:text ?x ; ipg:charStart ?s ; ipg:charEnd ?e .
          FILTER(STRSTARTS(?x, "省科技厅要会同")) }"""))
    [(s, e)] = data
    text = SEEDS["jilin"].read_text(encoding="utf-8")
    assert text[int(s):int(e)].startswith("省科技厅要会同各相关部门")


def test_the_copy_in_memory_answers_as_the_store_on_disk(corpus_store):
    memory = GraphStore(corpus_store.path, create=False, exclusive=False, memory=True)
    disk = GraphStore(corpus_store.path, create=False, exclusive=False)
    for name, nq in named_queries().items():
        assert rows(run(memory, nq.sparql)) == rows(run(disk, nq.sparql)), name
    per_document = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    got = rows(run(memory, per_document))[1]
    assert len(got) == 6 and got == rows(run(disk, per_document))[1]  # five documents and the inferred links


def test_only_queries_that_can_reach_named_graphs_leave_the_copy_in_memory():
    from ipgraph.store import _reaches_named_graphs as reaches

    assert reaches("SELECT * { GRAPH ?g { ?s ?p ?o } }") and reaches("select * from <http://x> where { ?s ?p ?o }")
    assert not reaches('SELECT * { ?s rdfs:label "from the graph" } # GRAPH in a comment')
    assert not reaches("SELECT * { ?s <http://x/graph#from> ?o }")
    assert not any(reaches(q.sparql) for q in named_queries().values())
