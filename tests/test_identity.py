"""The right node for every thing: documents, plans, jurisdictions, departments, defined terms."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ipgraph.cli import cli
from ipgraph.clean import clean_string
from ipgraph.departments import department
from ipgraph.export import export
from ipgraph.nlp import get_nlp
from ipgraph.pipeline import build, remove
from ipgraph.regions import divisions
from ipgraph.resolve import document_ids
from ipgraph.store import GraphStore
from ipgraph.vocab import PREFIXES

from .conftest import SEEDS

ID = "https://w3id.org/ipgraph/id/"


def select(store: GraphStore, sparql: str) -> list[tuple[str, ...]]:
    rows = store.query(sparql, prefixes=PREFIXES)
    names = [v.value for v in rows.variables]
    return sorted(tuple(r[n].value if r[n] is not None else None for n in names) for r in rows)


def nquads(store: GraphStore) -> bytes:
    return export(store, "nquads")


# ---------------------------------------------------------------- documents

def test_same_stem_files_in_two_folders_are_two_documents(tmp_path):
    for sub, seed in (("a", "jilin"), ("b", "yichang")):
        (tmp_path / "c" / sub).mkdir(parents=True)
        shutil.copy(SEEDS[seed], tmp_path / "c" / sub / "plan.txt")
    store = GraphStore(tmp_path / "s")
    report = build([tmp_path / "c"], store)
    assert len(report.built) == 2
    assert select(store, "SELECT ?d ?p WHERE { ?d a ipg:SourceDocument ; ipg:describes ?p }") == [
        (ID + "doc/a/plan.txt", ID + "plan/十三五吉林省知识产权保护和运用规划"),
        (ID + "doc/b/plan.txt", ID + "plan/宜昌市知识产权保护与运用十四五规划")]
    assert {g.value for g in store.graphs()} >= {ID + "graph/a/plan.txt", ID + "graph/b/plan.txt"}


def test_a_file_of_the_same_name_from_another_folder_does_not_replace_a_document(tmp_path):
    for sub, seed in (("a", "jilin"), ("b", "yichang")):
        (tmp_path / sub).mkdir()
        shutil.copy(SEEDS[seed], tmp_path / sub / "plan.txt")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "a"], store)
    report = build([tmp_path / "b"], store)
    assert report.built == [] and report.failed == [
        f"{tmp_path / 'b' / 'plan.txt'}: document plan.txt was built from {(tmp_path / 'a' / 'plan.txt').resolve()}, "
        "which is still there; build their common folder, or remove that one first"]
    assert select(store, "SELECT ?p WHERE { ?d ipg:describes ?p }") == [(ID + "plan/十三五吉林省知识产权保护和运用规划",)]


def test_files_named_alike_on_the_command_line_are_named_below_their_common_folder(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "plan.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "other.txt").write_text("y", encoding="utf-8")
    ids = [d for _, d in document_ids([tmp_path / "a" / "plan.txt", tmp_path / "b" / "plan.txt",
                                       tmp_path / "a" / "other.txt"])]
    assert ids == ["a/plan.txt", "b/plan.txt", "other.txt"]
    # a folder names its files by their path inside it, as the same file given alone would be named
    assert [d for _, d in document_ids([tmp_path / "a"])] == ["other.txt", "plan.txt"]


@pytest.fixture
def three(tmp_path):
    """A folder of three documents: Yichang's plan, Linyi's interpretation (inferred parent) and
    the national plan's reader, Jining's draft."""
    folder = tmp_path / "c"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS["yichang"], folder / "yichang.txt")
    shutil.copy(SEEDS["linyi"], folder / "sub" / "linyi.txt")
    shutil.copy(SEEDS["jining"], folder / "jining.txt")
    return folder


def fresh(tmp_path, folder, name="fresh") -> GraphStore:
    store = GraphStore(tmp_path / name)
    build([folder], store)
    return store


def test_remove_leaves_what_a_fresh_build_of_the_rest_gives(tmp_path, three):
    store = GraphStore(tmp_path / "s")
    build([three], store)
    assert remove([str(three / "yichang.txt")], store) == ["yichang.txt"]   # by path
    assert remove(["sub/linyi.txt"], store) == ["sub/linyi.txt"]            # by document id
    (three / "yichang.txt").unlink()
    (three / "sub" / "linyi.txt").unlink()
    assert nquads(store) == nquads(fresh(tmp_path, three))
    with pytest.raises(Exception, match="yichang.txt: no document of that id or path"):
        remove(["yichang.txt"], store)


def test_prune_drops_documents_whose_files_are_gone(tmp_path, three):
    store = GraphStore(tmp_path / "s")
    build([three], store)
    # Linyi's interpretation aligns with the national plan Yichang's cites: an inferred link
    assert select(store, "SELECT ?q WHERE { ?p ipg:inferredBasedOn ?q }") == [
        (ID + "plan/十四五国家知识产权保护和运用规划",)]
    (three / "yichang.txt").unlink()
    report = build([three], store, prune=True)
    assert report.removed == ["yichang.txt"]
    assert select(store, "SELECT ?q WHERE { ?p ipg:inferredBasedOn ?q }") == []
    assert nquads(store) == nquads(fresh(tmp_path, three))


def test_a_renamed_file_rebuilt_is_one_document(tmp_path, three):
    store = GraphStore(tmp_path / "s")
    build([three], store)
    (three / "yichang.txt").rename(three / "sub" / "yichang-2021.txt")
    report = build([three], store)
    assert report.removed == ["yichang.txt"]
    assert len(select(store, "SELECT ?d WHERE { ?d a ipg:SourceDocument }")) == 3
    assert nquads(store) == nquads(fresh(tmp_path, three))


def test_cli_remove_and_prune(tmp_path, three):
    store = str(tmp_path / "s")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(three), "--store", store]).exit_code == 0
    r = runner.invoke(cli, ["remove", "jining.txt", "--store", store])
    assert r.exit_code == 0 and r.output == "removed jining.txt\n"
    (three / "yichang.txt").unlink()
    r = runner.invoke(cli, ["build", str(three), "--store", store, "--prune"])
    assert r.exit_code == 0 and "removed yichang.txt" in r.output
    r = runner.invoke(cli, ["remove", "nothing.txt", "--store", store])
    assert r.exit_code != 0 and "nothing.txt: no document of that id or path" in str(r.exception)


# ---------------------------------------------------------------- drafts, interpretations, news

def test_a_draft_and_its_final_plan_keep_two_outlines_under_one_plan(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    draft = SEEDS["jining"].read_text(encoding="utf-8")
    shutil.copy(SEEDS["jining"], folder / "draft.txt")
    (folder / "final.txt").write_text(draft.replace("（征求意见稿）", ""), encoding="utf-8")
    store = fresh(tmp_path, folder, "s")
    plan = ID + "plan/济宁市十四五知识产权保护和运用规划"
    assert select(store, "SELECT DISTINCT ?p WHERE { ?d ipg:describes ?p }") == [(plan,)]
    assert select(store, "SELECT ?v ?p WHERE { ?v ipg:draftOf ?p }") == [(ID + "draft/draft.txt", plan)]
    top = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a ipg:Task ; ipg:partOf <%s> }"
    draft_top, final_top = select(store, top % (ID + "draft/draft.txt"))[0][0], select(store, top % plan)[0][0]
    assert draft_top == final_top and int(final_top) > 0   # the same outline, once in each version
    assert select(store, f"SELECT ?t WHERE {{ ?t ipg:inPlan <{plan}> ; prov:wasDerivedFrom <{ID}doc/draft.txt> }}") == []


def test_an_interpretation_is_about_the_plan_and_its_headings_are_not_tasks(tmp_path):
    store = GraphStore(tmp_path / "s")
    build([SEEDS["linyi"]], store)
    plan = ID + "plan/临沂市十四五知识产权保护和运用规划"
    assert select(store, "SELECT ?p WHERE { ?d ipg:describes ?p }") == [(plan,)]
    assert select(store, "SELECT ?t WHERE { ?t a ipg:Task }") == []   # 出台背景, 主要内容… are the article's
    projects = select(store, f"SELECT ?x WHERE {{ ?x a ipg:Project ; ipg:about <{plan}> ; "
                             f"prov:wasDerivedFrom/dcterms:type ipg:Interpretation }}")
    assert len(projects) == 7
    assert select(store, "SELECT ?x WHERE { ?x ipg:inPlan ?p }") == []


def test_a_news_articles_reported_sentences_are_no_tasks(tmp_path):
    text = ("《某某市促进就业实施方案》正式印发\n"
            "近日，某某市人民政府办公室印发《某某市促进就业实施方案》（以下简称《方案》）。"
            "市人力社保局有关负责人表示，下一步将会同市财政局抓好《方案》落实。\n")
    (tmp_path / "news.txt").write_text(text, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "news.txt"], store)
    plan = ID + "plan/某某市促进就业实施方案"
    assert select(store, "SELECT ?p WHERE { ?d ipg:describes ?p }") == [(plan,)]
    assert select(store, "SELECT ?t WHERE { ?t a ipg:Task }") == []
    assert select(store, "SELECT ?d WHERE { ?x ipg:responsibleDepartment ?d }") == []


def test_a_plans_years_and_its_five_year_period(tmp_path):
    # 十四五 is 2021–2025; a three-year action plan (2022—2025年) states years but belongs to no period
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("宜昌市促进消费三年行动计划（2022—2025年）\n依据《湖北省“十四五”商务发展规划》，制定本计划。\n"
                                  "一、重点任务\n（一）扩大消费。\n", encoding="utf-8")
    (folder / "b.txt").write_text("宜昌市交通运输发展规划（2021—2025年）\n一、发展目标\n（一）完善路网。\n", encoding="utf-8")
    store = fresh(tmp_path, folder, "s")
    years = "SELECT ?t ?y ?s ?e WHERE { ?p dcterms:title ?t ; dcterms:temporal ?y OPTIONAL { ?p ipg:startYear ?s ; ipg:endYear ?e } }"
    assert sorted(select(store, years)) == [
        ("宜昌市交通运输发展规划(2021—2025年)", "2021/2025", "2021", "2025"),
        ("宜昌市促进消费三年行动计划(2022—2025年)", "2022/2025", None, None),
        ("湖北省“十四五”商务发展规划", "2021/2025", "2021", "2025")]


# ---------------------------------------------------------------- jurisdictions

def test_a_county_level_citys_bureau_is_its_own():
    d = divisions()
    yidu = d.lookup("宜都市")
    assert (yidu.code, yidu.parent) == ("420581", "420500")
    ref = department("市市场监管局", yidu)
    assert (ref.key, ref.label) == ("420581/市场监督管理局", "宜都市市场监督管理局")
    # a county's 市 bodies are its prefecture's
    assert department("市市场监管局", d.lookup("秭归县")).key == "420500/市场监督管理局"


YIDU = ("宜都市知识产权“十四五”规划\n\n"
        "一、主要任务\n(一)加强知识产权保护。建立快速维权机制。(责任单位:市市场监管局、市公安局)\n")


def test_county_level_city_plan_end_to_end(tmp_path):
    (tmp_path / "yidu.txt").write_text(YIDU, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "yidu.txt"], store)
    assert select(store, "SELECT ?d ?l WHERE { ?t ipg:responsibleDepartment ?d . ?d rdfs:label ?l }") == [
        (ID + "dept/420581/公安局", "宜都市公安局"), (ID + "dept/420581/市场监督管理局", "宜都市市场监督管理局")]


def test_china_x_centre_does_not_make_a_plan_national(tmp_path):
    text = ("知识产权快速维权工作方案\n\n一、工作任务\n(一)建设中国(宜昌)知识产权保护中心。"
            "完善中国(宜昌)知识产权保护中心运行机制。(责任单位:市市场监管局)\n")
    (tmp_path / "centre.txt").write_text(text, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "centre.txt"], store)
    assert select(store, "SELECT ?r WHERE { ?p a ipg:Plan ; ipg:region ?r }") == [(ID + "region/420500",)]
    assert select(store, "SELECT ?d WHERE { ?t ipg:responsibleDepartment ?d }") == [
        (ID + "dept/420500/市场监督管理局",)]


@pytest.mark.parametrize("home", ["CN", "420000"])
def test_china_in_a_central_bodys_name_is_part_of_the_name(home):
    # 中国气象局 and 中国科学院 are the bodies' own names, not 气象局 and 科学院 of the region 中国
    got = [(r.key, r.label) for r in (department(s, divisions().get(home)) for s in (
        "中国气象局", "中国科学院", "中国储备粮管理总公司", "中国人民银行", "中国证监会", "中国残联"))]
    assert got == [("CN/中国气象局", "中国气象局"), ("CN/中国科学院", "中国科学院"),
                   ("CN/中国储备粮管理总公司", "中国储备粮管理总公司"), ("CN/中国人民银行", "中国人民银行"),
                   ("CN/中国证券监督管理委员会", "中国证券监督管理委员会"), ("CN/中国残疾人联合会", "中国残疾人联合会")]


def test_a_central_body_is_one_under_its_short_and_its_china_name():
    china = divisions().get("CN")
    for short, named in (("民航局", "中国民航局"), ("残联", "中国残联"), ("人民银行", "中国人民银行")):
        assert department(short, china).key == department(named, china).key


def test_a_plan_of_no_known_place_keeps_its_city_bureau_to_itself():
    ref = department("市市场监管局", divisions().get("CN"), "某规划")
    assert (ref.key, ref.region) == ("某规划/市市场监管局", None)


def test_simplified_text_is_not_converted():
    text = "吉林省乾安县知识产权“十四五”规划\n陕西省乾县也是。"
    assert clean_string(text)[0] == text
    assert clean_string("臺灣知識產權保護規劃與運用")[0] == "台湾知识产权保护规划与运用"


def test_qianan_plan_keeps_its_county(tmp_path):
    (tmp_path / "qa.txt").write_text(YIDU.replace("宜都市", "乾安县"), encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "qa.txt"], store)
    assert select(store, "SELECT ?t ?r WHERE { ?p ipg:region ?r ; dcterms:title ?t }") == [
        ("乾安县知识产权“十四五”规划", ID + "region/220723")]


def test_divisions_gone_since_resolve_with_their_years(tmp_path):
    laiwu = divisions().lookup("莱芜市")
    assert (laiwu.code, laiwu.parent, laiwu.listed) == ("371200", "370000", (2006, 2019))
    assert divisions().lookup("襄樊市").code == "420600"          # renamed 襄阳市 in 2010: one node
    assert divisions().lookup("渝北区").code == "500112"
    text = YIDU.replace("宜都市", "莱芜市").replace("十四五", "十三五")
    (tmp_path / "lw.txt").write_text(text, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "lw.txt"], store)
    assert select(store, "SELECT ?r ?from ?until ?up WHERE { ?p a ipg:Plan ; ipg:region ?r . "
                         "?r ipg:listedFrom ?from ; ipg:listedUntil ?until ; ipg:parentRegion ?up }") == [
        (ID + "region/371200", "2006", "2019", ID + "region/370000")]
    assert (ID + "dept/371200/市场监督管理局",) in select(store, "SELECT ?d WHERE { ?t ipg:responsibleDepartment ?d }")


def test_two_character_district_names_only_as_whole_names():
    def regions(text):
        doc = get_nlp()(text)
        return [s.text for s in doc.spans["regions"]]

    assert regions("重庆市渝北区知识产权局") == ["重庆市", "渝北区"]
    assert regions("推进新东区建设") == []
    assert regions("东区、北区") == ["东区", "北区"]


# ---------------------------------------------------------------- defined terms, titles, lineage

FOOTNOTED = ("{city}知识产权“十四五”规划\n\n一、主要任务\n1.开展专利导航①工作。\n"
             "①专利导航:指{definition}\n")


def test_two_plans_defining_a_term_keep_their_definitions_with_their_spans(tmp_path):
    (tmp_path / "a.txt").write_text(FOOTNOTED.format(city="宜都市", definition="以专利信息资源利用为基础的工作。"),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(FOOTNOTED.format(city="乾安县", definition="专利分析与产业决策相结合。"),
                                    encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build(sorted(tmp_path.glob("*.txt")), store)
    rows = select(store, "SELECT ?t ?def ?start ?end ?c WHERE { ?t a ipg:DefinedTerm ; skos:definition ?def ; "
                         "ipg:charStart ?start ; ipg:charEnd ?end ; ipg:definitionOf ?c }")
    assert [(r[0], r[1][:6], r[4]) for r in rows] == [
        (ID + "definition/a.txt/专利导航", "指以专利信息", ID + "term/专利导航"),
        (ID + "definition/b.txt/专利导航", "指专利分析与", ID + "term/专利导航")]
    for (t, _, start, end, _), name in zip(rows, ("a.txt", "b.txt")):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text[int(start):int(end)].startswith("①专利导航:指")
    assert select(store, f"SELECT ?p WHERE {{ <{ID}term/专利导航> ?p ?o }}") == [
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",), ("http://www.w3.org/2000/01/rdf-schema#label",),
        ("http://www.w3.org/2004/02/skos/core#inScheme",), ("http://www.w3.org/2004/02/skos/core#prefLabel",)]


def test_every_plan_has_a_title(corpus_store):
    assert select(corpus_store, "SELECT ?p WHERE { ?p a ipg:Plan FILTER NOT EXISTS { ?p dcterms:title ?t } }") == []
    assert ("知识产权强国建设纲要(2021—2035年)",) in select(
        corpus_store, f"SELECT ?t WHERE {{ <{ID}plan/知识产权强国建设纲要> dcterms:title ?t }}")


def plan(title: str, body: str = "") -> str:
    return f"{title}\n\n{body}一、主要任务\n(一)完善体系。推进重点工作。\n"


def test_lineage_is_inferred_within_a_field(tmp_path):
    (tmp_path / "edu.txt").write_text(plan("山东省“十四五”教育事业发展规划"), encoding="utf-8")
    (tmp_path / "road.txt").write_text(plan("山东省“十四五”综合交通运输发展规划"), encoding="utf-8")
    (tmp_path / "linyi.txt").write_text(
        plan("临沂市“十四五”综合交通运输发展规划", "本规划与省规划相衔接。\n"), encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build(sorted(tmp_path.glob("*.txt")), store)
    assert select(store, "SELECT ?p ?q WHERE { ?p ipg:inferredBasedOn ?q }") == [
        (ID + "plan/临沂市十四五综合交通运输发展规划", ID + "plan/山东省十四五综合交通运输发展规划")]


def test_a_central_document_is_national_by_its_addressees():
    from ipgraph.resolve import main_region

    text = "关于深入开展消费扶贫的指导意见\n各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n坚持中国特色。"
    assert main_region(text).code == "CN"
    assert main_region("坚持中国特色社会主义。中国特色。") is None


def test_untitled_plans_named_alike_stay_apart(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "c" / sub).mkdir(parents=True)
        (tmp_path / "c" / sub / "plan.txt").write_text(f"一、主要任务\n(一)推进{sub}工作。(责任单位:省科技厅)\n",
                                                     encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build([tmp_path / "c"], store)
    assert select(store, "SELECT ?d ?p WHERE { ?d ipg:describes ?p }") == [
        (ID + "doc/a/plan.txt", ID + "plan/doc-a/plan.txt"), (ID + "doc/b/plan.txt", ID + "plan/doc-b/plan.txt")]


def test_a_file_built_alone_then_with_its_folder_is_one_document(tmp_path, three):
    store = GraphStore(tmp_path / "s")
    build([three / "sub" / "linyi.txt"], store)   # named linyi.txt
    build([three], store)                          # now sub/linyi.txt: the same file, one document
    assert nquads(store) == nquads(fresh(tmp_path, three))


def test_districts_and_counties_bodies():
    d = divisions()
    xiling = d.lookup("西陵区", within=d.lookup("宜昌市"))
    assert xiling.code == "420502"
    assert department("区市场监管局", xiling).key == "420502/市场监督管理局"
    assert department("市市场监管局", xiling).key == "420500/市场监督管理局"
    assert department("市市场监管局", d.lookup("渝北区")).key == "500000/市场监督管理局"  # 重庆市's


def test_a_plan_titled_in_full_width_brackets_is_the_plan_cited_in_half_width(tmp_path):
    # a page's centred title block reads （2023—2025年）, as its text does before the clean stage
    # narrows it to (2023—2025年): one plan, and the page does not cite itself
    title = "山东省知识产权保护和运用三年行动计划（2023—2025年）"
    (tmp_path / "province.html").write_text(
        f'<html><body><p style="text-align:center">{title}</p>'
        f'<p>为实施《{title}》，制定如下措施。</p><p>一、主要任务</p>'
        '<p>（一）加强知识产权保护。（省市场监管局负责）</p></body></html>', encoding="utf-8")
    (tmp_path / "city.txt").write_text(
        plan("济南市知识产权保护和运用三年行动计划", f"根据《{title}》，制定本计划。\n"), encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    build(sorted(tmp_path.iterdir()), store)
    province = ID + "plan/山东省知识产权保护和运用三年行动计划"
    assert select(store, "SELECT ?p ?q WHERE { ?p ipg:basedOn ?q }") == [
        (ID + "plan/济南市知识产权保护和运用三年行动计划", province)]
    assert select(store, f"SELECT ?c WHERE {{ <{ID}doc/province.html> ipg:cites ?c }}") == []
