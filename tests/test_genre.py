"""The genre's vocabulary (ipgraph/resources/genre.toml): every entry of its lists shown at work in a
sentence. The cases are parametrized over the lists as read from ipgraph.genre.VOCAB, so a word
added to the file is tested at once; an entry the rules do not yet honour is marked xfail with why."""
import re

import pytest
import spacy
from spacy.language import Language

import ipgraph.nlp  # noqa: F401  (registers the ipgraph_responsibility factory)
from ipgraph.genre import VOCAB

OWNERS = VOCAB["owners"]


def cases(words, xfail):
    """The words of a list as test cases, those the rules miss marked strict xfail."""
    return [pytest.param(w, marks=pytest.mark.xfail(strict=True, reason=xfail[w])) if w in xfail else w
            for w in words]


def note_owners(doc, note):
    res = doc(f"某市“十四五”公共服务规划\n一、主要任务\n（一）加强统筹协调。健全工作机制。（{note}）\n")
    [task] = [t for t in res.extraction.tasks if t.key == "1.1"]
    return [(o.surface, o.lead) for o in task.owners]


@pytest.mark.parametrize("head", OWNERS["list_heads"])
def test_list_head_names_the_bodies_after_it(doc, head):
    lead = head in OWNERS["lead_heads"]  # the first of a lead head's list leads
    assert note_owners(doc, f"{head}：市发展改革委、市财政局") == [("市发展改革委", lead), ("市财政局", False)]


def test_lead_heads_are_list_heads():
    assert set(OWNERS["lead_heads"]) <= set(OWNERS["list_heads"])


@pytest.mark.parametrize("verb", OWNERS["verbs"])
def test_verb_makes_the_bodies_before_it_owners(doc, verb):
    lead = verb in OWNERS["lead_verbs"]
    assert note_owners(doc, f"市发展改革委、市财政局{verb}") == [("市发展改革委", lead), ("市财政局", lead)]


def test_lead_verbs_are_verbs():
    assert set(OWNERS["lead_verbs"]) <= set(OWNERS["verbs"])


# A representative actor for each generic pattern, chosen so that, where the list allows it, no other
# pattern matches it: the note then loses 市财政局 too if the pattern stops working (a part that is
# neither generic nor a body makes the whole list no list).
GENERIC_ACTORS = {
    "^各": "各区县政府", "^有关": "有关区县政府", "^相关": "相关区县政府", "^其他": "其他区县政府", "^其它": "其它区县政府",
    "^市直": "市直各部门", "^省直": "省直各部门", "^中省直": "中省直驻市单位", "^全市": "全市各级卫生健康部门",
    "^全省": "全省各级交通运输部门", "^各级": "各级人民政府", "^各类": "各类市场主体", "有关部门$": "市政府有关部门",
    "相关部门$": "市政府相关部门", "有关单位$": "市政府有关单位", "相关单位$": "市政府相关单位",
    "成员单位$": "市就业工作领导小组成员单位", "等部门$": "卫生健康等部门", "^地方": "地方财政部门",
    "^试点(?:城市|地区|省|市|县|区|地方|单位|企业|医院|医疗机构|学校|院校|园区|街道|乡镇|村|社区)": "试点城市人民政府", "^所在地": "所在地卫生健康部门", "^省级": "省级卫生健康部门", "^市级": "市级财政部门",
    "^县级": "县级人民政府", "^本级": "本级财政部门", "^同级": "同级财政部门", "^当地": "当地卫生健康部门",
    "^属地": "属地政府", "^驻": "驻市部队", "^主管部门$": "主管部门", "^主管机关$": "主管机关", "^行业主管部门$": "行业主管部门",
    "^各有关": "各有关部门", "^我市": "我市各级财政部门", "^我省": "我省各级教育部门", "^本市": "本市各区政府",
    "^本省": "本省各市政府", "^全国各": "全国各省级政府", "^中央和国家机关各": "中央和国家机关各部门",
    "^国务院各": "国务院各部委", "^国务院有关": "国务院有关部委", "^党中央": "党中央各部门", "^(?:国务院|中央|国家|省|市|县|区)部门$": "国务院部门",
    "^中共中央$": "中共中央", "^部委$": "部委", "^[^省市县区州盟旗]{0,4}人民政府$": "乡镇人民政府",
    "^[省市县区]级": "区级财政部门", "以上人民政府": "设区市以上人民政府", "^单位$": "单位", "^部门$": "部门",
    "^机构$": "机构", "^方面$": "方面", "^全社会": "全社会", "^社会": "社会各界", "^行业": "行业协会",
    "^社会组织": "社会组织", "^企业": "企业", "^高校": "高校", "^学校": "学校", "[的把被对]|(?<![自理缘事])由": "市政府确定的部门",
    "^在": "在市高校", "级(?:人民)?政府$": "中央和地方各级政府", "^[一二三]级": "三级公立医院",
    "^街道办事处$": "街道办事处", "^[省市县区乡镇]{2,}(?:人民)?政府$": "县市人民政府",
    "^哪": "哪家银行", "^区直": "区直有关单位", "^县直": "县直部门", "各(?:部门|单位|直属单位|直属机构|委办局)$": "市政府各部门",
    "^全县": "全县各级党委政府", "^全区": "全区各级党委政府", "^(?:发生地|事发地|涉事地)": "事发地乡镇人民政府",
    "民委员会$": "社区居(村)民委员会",
}
GENERIC_MISSED: dict[str, str] = {}


@pytest.mark.parametrize("pattern", cases(OWNERS["generic"], GENERIC_MISSED))
def test_generic_actor_is_no_owner(doc, pattern):
    assert pattern in GENERIC_ACTORS, f"add a representative actor for the generic pattern {pattern!r}"
    actor = GENERIC_ACTORS[pattern]
    assert re.search(pattern, actor)
    assert note_owners(doc, f"{actor}、市财政局负责") == [("市财政局", False)]


@pytest.mark.parametrize("kind", VOCAB["documents"]["types"])
def test_document_type_ends_a_title(doc, kind):
    res = doc(f"某某市促进就业{kind}\n一、总体要求\n（一）指导思想。坚持就业优先战略。\n")
    assert res.extraction.plan.title == f"某某市促进就业{kind}"


@pytest.mark.parametrize("mark", VOCAB["documents"]["news"] + VOCAB["documents"]["news_openings"])
def test_news_mark_makes_an_article_about_the_plan(doc, mark):
    # a byline (某某日报记者 王明, 本报讯) or a report's opening (近日，…印发)
    byline, opening = (f"某某{mark} 王明\n", "") if mark in VOCAB["documents"]["news"] else ("", f"{mark}，")
    res = doc(f"某某市促进就业实施方案发布\n{byline}{opening}某某市人民政府印发《某某市促进就业实施方案》（以下简称《方案》）。"
              f"市人力社保局有关负责人表示，将会同有关部门抓好《方案》落实。\n")
    plan = res.extraction.plan
    assert (plan.doc_kind, plan.title) == ("news", "某某市促进就业实施方案")


def test_an_article_mark_in_a_menu_or_a_sentence_makes_no_article(doc):
    # a portal's menu (…政策解读…), a sentence naming a paper or 政策解读 as a field of work: a plan still
    res = doc("首页 政务公开 政策文件 政策解读 互动交流\n某市政务公开工作要点\n一、重点任务\n"
              "1.做好政策解读。在信息公开、政策解读、回应关切等环节实现新突破。（市政府办公室牵头）\n"
              "2.依托某某日报等媒体加强宣传。（市委宣传部负责）\n")
    assert res.extraction.plan.doc_kind == "plan"
    assert [[o.surface for o in t.owners] for t in res.extraction.tasks if t.owners] == [["市政府办公室"], ["市委宣传部"]]


@pytest.mark.parametrize("mark", VOCAB["documents"]["news_openings"])
def test_a_notice_opening_as_a_report_does_is_no_article(doc, mark):
    res = doc(f"某市人民政府办公室关于转发某省促进就业实施方案的通知\n各县（市、区）人民政府，市政府各部门：\n"
              f"{mark}，省政府办公厅印发了《某省促进就业实施方案》，现转发给你们，请结合实际认真贯彻落实。\n"
              f"一、加强组织领导\n（一）市人社局牵头建立联席会议制度。\n")
    assert res.extraction.plan.doc_kind == "plan"
    assert [[o.surface for o in t.owners] for t in res.extraction.tasks if t.owners] == [["市人社局"]]


@pytest.mark.parametrize("unit", VOCAB["indicators"]["units"])
def test_unit_of_a_prose_target(doc, unit):
    res = doc(f"某某市“十四五”发展规划\n一、发展目标\n到2025年，某某指标达到12{unit}。\n")
    assert [(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("某某指标", unit, "12", 2025)]


@pytest.mark.parametrize("trigger", VOCAB["citations"]["triggers"])
def test_citation_trigger_makes_a_parent(doc, trigger):
    res = doc(f"某某市促进就业实施方案\n{trigger}《某某规划》，制定本方案。\n一、总体要求\n")
    assert [(c.title, c.parent) for c in res.extraction.citations] == [("某某规划", True)]


@pytest.mark.parametrize("verb", VOCAB["citations"]["implement"])
def test_carrying_a_document_out_makes_it_a_parent(doc, verb):
    res = doc(f"某某市安全生产实施方案\n一、工作任务\n（一）{verb}《某某省安全生产条例》，完善应急预案。\n"
              f"（二）不再{verb}《某某市安全生产暂行规定》。\n")
    assert [(c.title, c.parent) for c in res.extraction.citations] == [("某某省安全生产条例", True),
                                                                       ("某某市安全生产暂行规定", False)]


def test_the_responsibility_component_takes_the_vocabulary_as_configuration():
    default = Language.get_factory_meta("ipgraph_responsibility").default_config
    assert {"list_heads", "lead_heads", "verbs", "lead_verbs", "subject_verbs", "generic", "tails"} <= set(default)
    assert default == {key: OWNERS[key] for key in default}


def test_the_component_honours_a_configured_list_head():
    def component_owners(config):
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        nlp.add_pipe("ipgraph_responsibility", config=config)
        parsed = nlp("完善工作机制。（承办单位：市发展改革委、市财政局）")
        return [(s.text, s.label_) for s in parsed.spans["owners"]]

    assert "承办单位" not in OWNERS["list_heads"]
    assert component_owners({}) == []
    assert component_owners({"list_heads": ["承办单位"], "lead_heads": ["承办单位"]}) == [
        ("市发展改革委", "LEAD"), ("市财政局", "RESP")]


def clause_owners(doc, sentence):
    res = doc(f"某市“十四五”公共服务规划\n一、主要任务\n（一）加强统筹协调。{sentence}\n")
    return [(t.text.replace(",", "，"), [(o.surface, o.lead) for o in t.owners]) for t in res.extraction.tasks if t.owners]


@pytest.mark.parametrize("verb", OWNERS["partner_verbs"])
def test_partner_verb_after_by_names_a_partner(doc, verb):
    assert clause_owners(doc, f"实施细则由市民政局{verb}市财政局制定。") == [
        (f"实施细则由市民政局{verb}市财政局制定。", [("市民政局", False), ("市财政局", False)])]


@pytest.mark.parametrize("word", OWNERS["before_verb"])
def test_word_between_subject_and_verb(doc, word):
    [(_, found)] = clause_owners(doc, f"市财政局{word}研究制定资金管理办法。")
    assert found == [("市财政局", False)]


@pytest.mark.parametrize("word", OWNERS["time_words"])
def test_time_word_before_a_subject(doc, word):
    assert clause_owners(doc, f"健全工作机制。{word}，市财政局负责统筹资金。") == [
        (f"{word}，市财政局负责统筹资金。", [("市财政局", False)])]
    assert clause_owners(doc, f"健全工作机制。{word}市财政局负责统筹资金。") == [
        (f"{word}市财政局负责统筹资金。", [("市财政局", False)])]


@pytest.mark.parametrize("word", OWNERS["by_not"])
def test_what_follows_by_x_makes_x_no_owner(doc, word):
    assert clause_owners(doc, f"健全工作机制。建立由市政府办公室{word}的协调机构，统筹推进各项工作。") == []


@pytest.mark.parametrize("word", OWNERS["by_words"])
def test_word_holding_by_opens_no_by_clause(doc, word):
    [(_, found)] = clause_owners(doc, f"{word}省财政厅安排资金，市委编办负责调剂编制。")
    assert found == [("市委编办", False)]


@pytest.mark.parametrize("word", OWNERS["level_words"])
def test_level_word_in_a_series_names_no_body(doc, word):
    other = "省" if word != "省" else "自治区"
    [(_, found)] = clause_owners(doc, f"国家卫生健康委和{other}、{word}卫生健康行政部门要按月报送数据。")
    assert found == [("国家卫生健康委", False)]


ENDING_WORDS = {"所在": "单位所在地公安派出所予以配合。", "处于": "当前仍处于起步阶段。", "处在": "目前仍处在探索阶段。",
                "联合": "市工商联联合市总工会开展走访。", "部分": "部分县市区要加快进度。", "处分": "违规的依法给予处分。",
                "联络": "由市稳就业联席会议办公室召开联络员会议。", "所得": "由主管税务机关核定应纳税所得额。"}


ENDING_OWNERS = {"联合": [("市工商联", False), ("市总工会", False)], "联络": [("市稳就业联席会议办公室", False)]}


@pytest.mark.parametrize("word", OWNERS["ending_words"])
def test_word_opening_with_an_ending_ends_no_name(doc, word):
    assert word in ENDING_WORDS, f"add a sentence for the ending word {word!r}"
    found = {o for _, owners in clause_owners(doc, ENDING_WORDS[word] + "市财政局负责统筹。") for o in owners}
    assert found == {*ENDING_OWNERS.get(word, []), ("市财政局", False)}


@pytest.mark.parametrize("short", OWNERS["short_names"])
def test_short_name_stands_for_the_body_named_before(doc, short):
    res = doc(f"某市稳就业工作方案\n一、组织领导\n（一）建立机制。市政府建立市稳就业{short}。\n（二）统筹推进。{short}负责统筹协调。\n")
    [task] = [t for t in res.extraction.tasks if t.key == "1.2"]
    assert [(o.surface, o.lead) for o in task.owners] == [(f"市稳就业{short}", False)]


@pytest.mark.parametrize("name", OWNERS["acting_only"])
def test_acting_only_name_owns_the_clause_it_opens_and_nothing_else(doc, name):
    res = doc(f"某某工作规则\n第一章 总则\n一、{name}及各部门要加快职能转变。\n"
              f"二、重大事项须报{name}批准，由{name}领导同志审定。\n三、财政部会同{name}有关部门制定办法。\n")
    owned = {t.text[:6]: [o.surface for o in t.owners] for t in res.extraction.tasks if t.owners}
    assert owned == {f"{name}及各部门"[:6]: [name], "财政部会同国务"[:6]: ["财政部"]}


@pytest.mark.parametrize("opener", OWNERS["collective_openers"])
def test_a_list_goes_on_after_a_collective(doc, opener):
    assert clause_owners(doc, f"{opener}部门、市财政局要加强资金保障。") == [
        (f"{opener}部门、市财政局要加强资金保障。", [("市财政局", False)])]


@pytest.mark.parametrize("word", OWNERS["designations"])
def test_a_designation_makes_the_body_responsible(doc, word):
    assert clause_owners(doc, f"市市场监管局为该项许可的{word}。") == [
        (f"市市场监管局为该项许可的{word}。", [("市市场监管局", False)])]


AUTHORS = {"我局": "国家某某局", "我部": "某某部", "我委": "国家某某委", "我厅": "某省某某厅", "我办": "某市人民政府办公室",
           "我署": "某某署", "我院": "某某院", "我会": "某某委员会", "我中心": "某某中心"}


@pytest.mark.parametrize("word", OWNERS["first_person"])
def test_first_person_is_the_author(doc, word):
    assert word in AUTHORS, f"add an author for {word!r}"
    res = doc(f"{AUTHORS[word]}关于做好某某工作的通知\n一、工作要求\n（一）加强督导。{word}将适时组织专项检查。\n")
    assert [[o.surface for o in t.owners] for t in res.extraction.tasks if t.owners] == [[AUTHORS[word]]]


@pytest.mark.parametrize("verb", VOCAB["documents"]["forwarding_verbs"])
def test_forwarding_verb_names_the_author_of_the_plan(doc, verb):
    res = doc(f"国务院{verb}国家某某局关于某某工作意见的通知\n关于某某工作的意见\n一、工作意见\n"
              "（一）加强宣传。我局将编写科普材料。\n")
    assert res.extraction.plan.author == "国家某某局"


@pytest.mark.parametrize("verb", OWNERS["asks"])
def test_a_body_that_asks_owns_nothing(doc, verb):
    # 市应急管理局负责督导 assigns the item; 市人民政府 only asks and owns no clause
    assert clause_owners(doc, f"市人民政府{verb}各区县切实加强安全生产工作。市应急管理局负责督导。") == [
        (f"加强统筹协调。市人民政府{verb}各区县切实加强安全生产工作。市应急管理局负责督导。", [("市应急管理局", False)])]


@pytest.mark.parametrize("word", OWNERS["requests"])
def test_a_request_names_the_body_asked(doc, word):
    found = {o for _, owners in clause_owners(doc, f"{word}市财政局做好资金保障。") for o in owners}
    assert found == {("市财政局", False)}


@pytest.mark.parametrize("role", OWNERS["roles"])
def test_a_role_mark_is_no_part_of_the_name(doc, role):
    lead = role == OWNERS["lead_role"]
    assert note_owners(doc, f"责任单位：市商务局（{role}）、市财政局") == [("市商务局", True), ("市财政局", False)] \
        if lead else note_owners(doc, f"责任单位：市商务局（{role}）、市财政局") == [("市商务局", False),
                                                                                ("市财政局", False)]


@pytest.mark.parametrize("pair", [f"{w}向" for w in ("单位", "部门", "机关", "机构", "政府")])
def test_a_generic_actor_turning_to_a_body_is_no_name(doc, pair):
    assert pair in OWNERS["name_breakers"]
    found = {o for _, owners in clause_owners(doc, f"确需调整的，由当地{pair}市财政局提出。") for o in owners}
    assert found == set()


PROJECTS = VOCAB["projects"]


@pytest.mark.parametrize("qualifier", PROJECTS["qualifiers"])
def test_a_heading_of_key_projects_lists_one_an_item(doc, qualifier):
    res = doc(f"某市“十四五”市场监管规划\n三、{qualifier}{PROJECTS['kinds'][0]}\n"
              "（一）品牌培育工程。培育名牌产品50个。\n（二）标准化战略工程。主导制定国家标准10项。\n")
    assert [p.name for p in res.extraction.projects] == ["品牌培育工程", "标准化战略工程"]


@pytest.mark.parametrize("ending", PROJECTS["name_endings"])
def test_an_item_of_a_box_of_key_projects_named_so_is_a_project(doc, ending):
    res = doc(f"某市“十四五”市场监管规划\n三、主要任务\n专栏1 质量提升重点工程\n1.品牌培育{ending}。培育名牌产品50个。\n")
    assert [p.name for p in res.extraction.projects] == ["质量提升重点工程", f"品牌培育{ending}"]


@pytest.mark.parametrize("verb", PROJECTS["lead_verbs"] + PROJECTS["works_lead_verbs"])
def test_the_verb_a_project_heading_opens_with_is_not_its_name(doc, verb):
    res = doc(f"某市“十四五”市场监管规划\n三、主要任务\n专栏1 {verb}品牌培育{PROJECTS['works']}\n培育名牌产品50个。\n")
    assert [p.name for p in res.extraction.projects] == [f"品牌培育{PROJECTS['works']}"]


WITH_NOT = {"意": "市人民政府同意设立专项资金。", "时": "市财政局同时做好资金保障。", "步": "市财政局同步做好资金保障。",
            "样": "市财政局同样要做好资金保障。", "比": "市财政局同比增加资金投入。", "期": "市财政局同期做好资金保障。",
            "类": "市财政局同类事项一并办理。"}


@pytest.mark.parametrize("word", OWNERS["with_not"])
def test_a_word_opening_with_with_joins_no_bodies(doc, word):
    assert word in WITH_NOT, f"add a sentence for {word!r}"
    found = {name for _, owners in clause_owners(doc, WITH_NOT[word]) for name, _ in owners}
    assert not any("同" in name for name in found)


@pytest.mark.parametrize("mark", VOCAB["documents"]["alias_marks"])
def test_an_alias_mark_is_no_part_of_the_name_it_follows(doc, mark):
    res = doc("国家组织药品集中采购和使用试点方案\n四、组织实施\n"
              f"由国家医保局、国家卫生健康委组成国家组织集中采购试点工作小组（{mark}试点工作小组），领导试点工作。\n")
    [task] = [t for t in res.extraction.tasks if "领导试点工作" in t.text and t.owners]
    assert [(o.surface, o.lead) for o in task.owners] == [("国家组织集中采购试点工作小组", False)]


def duty_table(doc, task_header, owner_header):
    res = doc(f"某市稳就业若干措施\n重点任务分工\n序号\t{task_header}\t{owner_header}\n"
              "1\t开发城乡公益性岗位。\t市人力资源社会保障局、市财政局\n"
              "2\t实施青年见习计划。\t市团委\n")
    return {t.text: [(o.surface, o.lead) for o in t.owners] for t in res.extraction.tasks if t.owners}


@pytest.mark.parametrize("header", OWNERS["duty_table_tasks"])
def test_a_duty_tables_task_header_makes_its_rows_tasks(doc, header):
    assert duty_table(doc, header, "责任单位") == {
        "开发城乡公益性岗位。": [("市人力资源社会保障局", False), ("市财政局", False)],
        "实施青年见习计划。": [("市团委", False)]}


@pytest.mark.parametrize("header", OWNERS["duty_table_owners"])
def test_a_duty_tables_owner_header_makes_its_cells_owners(doc, header):
    lead = OWNERS["lead_role"] in header  # the first of a 牵头 column's list leads
    assert duty_table(doc, "重点任务", header) == {
        "开发城乡公益性岗位。": [("市人力资源社会保障局", lead), ("市财政局", False)],
        "实施青年见习计划。": [("市团委", lead)]}


@pytest.mark.parametrize("part", ["place", "first", "who", "is"])
def test_every_word_of_a_first_is_lead_declaration_declares(doc, part):
    grammar = OWNERS["first_is_lead"]
    for word in grammar[part]:
        words = {k: (word if k == part else v[0]) for k, v in grammar.items()}
        declaration = "".join(words[k] for k in ("place", "first", "who", "is")) + OWNERS["lead_role"] + "单位"
        res = doc("某县农村人居环境整治提升行动实施方案\n三、重点任务\n"
                  f"（一）推进农村厕所革命。完善改厕技术标准（县农业农村局、县卫生健康局负责，{declaration}，下同）。\n"
                  "（二）加强生活垃圾治理。健全收运处置体系（县住房城乡建设局、县生态环境局负责）。\n")
        [task] = [t for t in res.extraction.tasks if "收运处置体系" in t.text]
        assert [(o.surface, o.lead) for o in task.owners] == [("县住房城乡建设局", True), ("县生态环境局", False)], declaration


@pytest.mark.parametrize("host", OWNERS["hosts"])
def test_a_host_goes_on_into_the_body_named_after_it(doc, host):
    assert note_owners(doc, f"市{host}督查室负责") == [(f"市{host}督查室", False)]


# a central body for each word that makes one, named in a city's plan (宜昌): the body is the country's
CENTRAL = {"国家": "国家知识产权局", "国务院": "国务院办公厅", "中共中央": "中共中央宣传部", "最高": "最高人民法院",
           "中央": "中央网信办", "全国": "全国妇联", "部": "科技部", "总局": "市场监管总局",
           "总署": "海关总署", "银保监会": "银保监会", "证监会": "证监会"}


@pytest.mark.parametrize("word", OWNERS["central_openers"] + OWNERS["central_endings"])
def test_a_central_body_is_the_countrys_in_a_citys_plan(word):
    from ipgraph.departments import department
    from ipgraph.regions import divisions

    name = CENTRAL[word]
    assert name.startswith(word) or name.endswith(word)
    assert department(name, divisions().get("420500")).key.startswith("CN/")


@pytest.mark.parametrize("condition", OWNERS["conditions"])
def test_a_condition_after_a_subject_leaves_it_the_verb_after_the_comma(doc, condition):
    res = doc(f"某县安全生产工作方案\n一、主要任务\n（一）加强应急处置。县应急管理局{condition}突发事件，要及时向县人民政府报告。\n")
    [task] = [t for t in res.extraction.tasks if "突发事件" in t.text and t.owners]
    assert [(o.surface, o.lead) for o in task.owners] == [("县应急管理局", False)]
