def test_yichang_footnote_definitions(seed):
    terms = {t.term: t.definition for t in seed("yichang").extraction.terms}
    assert len(terms) == 26
    assert terms["商业秘密"].startswith("指不为公众所知悉,具有商业价值")
    assert terms["PCT国际专利申请"].startswith("依据《专利合作条约》(Patent Cooperation Treaty,简称PCT)")


def test_yichang_parents_and_other_citations(seed):
    cites = seed("yichang").extraction.citations
    parents = sorted({c.title for c in cites if c.parent})
    assert parents == ["“十四五”国家知识产权保护和运用规划", "宜昌市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
                       "湖北省知识产权“十四五”规划", "知识产权强国建设纲要(2021-2035年)"]
    other = {c.title for c in cites if not c.parent}
    assert "专利合作条约" in other and "企业知识产权管理规范" in other
    number = next(c for c in cites if c.title == "关于加快建设知识产权强市的指导意见")
    assert number.document_number == "国知发管字〔2016〕86号"


def test_jilin_notices_promulgate_plans(seed):
    cites = seed("jilin").extraction.citations
    first = cites[0]
    assert first.title == "国务院关于印发“十三五”国家知识产权保护和运用规划的通知"
    assert (first.parent, first.document_number, first.promulgates) == (
        True, "国发〔2016〕86号", "“十三五”国家知识产权保护和运用规划")
    assert "“十三五”吉林省知识产权保护和运用规划" not in {c.title for c in cites}


def test_self_references_are_not_citations(seed):
    assert seed("linyi").extraction.citations == []
    assert {c.title for c in seed("chongqing").extraction.citations} == {"重庆市专利促进与保护条例", "重庆市知识产权保护条例"}


def test_projects_from_boxes_sections_and_lists(seed):
    assert [p.name for p in seed("yichang").extraction.projects][:3] == ["高价值专利培育工程", "中小微企业知识产权托管工程",
                                                                       "商标品牌培育工程"]
    assert len(seed("yichang").extraction.projects) == 13
    assert [p.name for p in seed("jining").extraction.projects][1] == "重点产业(企业)专利导航试点工程"
    assert len(seed("linyi").extraction.projects) == 7
    chongqing = [p.name for p in seed("chongqing").extraction.projects]
    assert chongqing[1] == "重点领域知识产权保护工程" and len(chongqing) == 10
    assert seed("jilin").extraction.projects == []


def test_tasks_refer_to_boxes(seed):
    task = next(t for t in seed("yichang").extraction.tasks if t.text.startswith("培育高价值专利"))
    assert task.refers_to == ["1", "2"]


def test_plan_metadata(seed):
    linyi = seed("linyi").extraction.plan
    assert (linyi.title, linyi.doc_kind, linyi.document_number, linyi.issued) == (
        "临沂市“十四五”知识产权保护和运用规划", "interpretation", "临政办字〔2021〕113号", "2021-12-30")
    jilin = seed("jilin").extraction.plan
    assert (jilin.start_year, jilin.end_year, jilin.issuer, jilin.issued) == (2016, 2020, "吉林省人民政府办公厅", "2017-09-09")
    assert seed("jining").extraction.plan.doc_kind == "draft"
    assert seed("chongqing").extraction.plan.doc_kind == "news"


def test_traditional_script_document(doc):
    text = ("廣東省知識產權保護和運用“十四五”規劃\n\n為貫徹落實《“十四五”國家知識產權保護和運用規劃》，制定本規劃。\n"
            "一、重點任務\n1．加強司法保護。完善審判機制。（省法院、省檢察院按職責分工負責）\n"
            "註：①遺傳資源：指具有實際或潛在價值的遺傳材料。②商業秘密：指不為公眾所知悉的商業信息。\n")
    res = doc(text)
    ex = res.extraction
    assert ex.plan.title == "广东省知识产权保护和运用“十四五”规划"
    assert res.region.code == "440000"
    assert [(c.title, c.parent) for c in ex.citations] == [("“十四五”国家知识产权保护和运用规划", True)]
    assert [o.surface for o in ex.tasks[1].owners] == ["省法院", "省检察院"]
    assert [t.term for t in ex.terms] == ["遗传资源", "商业秘密"]
    # spans point into the original traditional text
    term = ex.terms[1]
    a, b = res.clean.orig_span(term.start, term.end)
    assert text[a:b].startswith("②商業秘密")


def test_glossary_section_entries_are_terms(doc):
    res = doc("一、重点任务\n1.培育专利。\n名词解释\n1.专利密集型产业:指发明专利密集度达到规定标准的产业。\n"
              "2.地理标志:指标示某商品来源于某地区的标志。\n")
    assert [(t.term, t.definition[:4]) for t in res.extraction.terms] == [("专利密集型产业", "指发明专"), ("地理标志", "指标示某")]


def test_parents_stated_after_the_title(doc):
    res = doc("某市知识产权规划\n以《知识产权强国建设纲要(2021-2035年)》和《“十四五”国家知识产权保护和运用规划》为指导,编制本规划。"
              "本规划与《湖北省知识产权“十四五”规划》相衔接。推动修订《某某条例》,制定配套政策。\n")
    assert [(c.title, c.parent) for c in res.extraction.citations] == [
        ("知识产权强国建设纲要(2021-2035年)", True), ("“十四五”国家知识产权保护和运用规划", True),
        ("湖北省知识产权“十四五”规划", True), ("某某条例", False)]


def test_parent_is_the_object_of_the_trigger(doc):
    res = doc("某市知识产权规划\n(一)指导思想。全面贯彻落实《知识产权强国建设纲要(2021—2035年)》和《“十四五”国家知识产权保护和运用规划》,"
              "加快建设。\n(二)严格保护。根据《专利法》规定,加大赔偿力度。党中央、国务院出台了《关于强化知识产权保护的意见》,明确了任务。\n"
              "注:①PCT国际专利申请:依据《专利合作条约》递交的申请。\n")
    assert [(c.title, c.parent) for c in res.extraction.citations] == [
        ("知识产权强国建设纲要(2021—2035年)", True), ("“十四五”国家知识产权保护和运用规划", True),
        ("专利法", False), ("关于强化知识产权保护的意见", False), ("专利合作条约", False)]


def test_navigation_lines_are_not_titles(doc):
    res = doc("首页 > 政务公开 > 规划计划\n规划计划\n某某市“十四五”知识产权保护和运用规划\n一、总体要求\n")
    assert res.extraction.plan.title == "某某市“十四五”知识产权保护和运用规划"


def test_a_note_without_a_mark_defines_its_term(doc):
    res = doc("某某县科技创新三年行动方案\n一、主要目标\n到2025年，全县高新技术企业达到120家。\n"
              "注：高新技术企业是指在国家重点支持的高新技术领域内持续进行研发的居民企业。\n"
              "二、重点任务\n（一）培育创新主体。实施科技企业梯次培育计划。\n")
    assert [(t.term, t.definition[:10]) for t in res.extraction.terms] == [("高新技术企业", "是指在国家重点支持的")]


def test_notes_inside_a_box_define_terms(doc):
    res = doc("某某省知识产权发展规划\n二、重点任务\n（一）提高创造质量。加强高价值专利培育。\n"
              "专栏1　高价值专利培育工程\n建设一批高价值专利培育中心。\n"
              "注：①专利导航：指以专利信息资源利用和专利分析为基础的决策方法。\n"
              "说明：知识产权密集型产业是指知识产权集中度较高的产业集合。\n"
              "（二）加强保护。建立快速维权机制。\n")
    terms = {t.term: t.definition for t in res.extraction.terms}
    assert terms["专利导航"].startswith("指以专利信息资源利用")
    assert terms["知识产权密集型产业"].startswith("是指知识产权集中度较高")
    assert [p.name for p in res.extraction.projects] == ["高价值专利培育工程"]


def test_projects_an_article_lists_after_a_planning_verb(doc):
    res = doc("《某某市知识产权“十四五”规划》政策解读\n一、主要内容\n"
              "《规划》部署了知识产权强企培育工程、知识产权保护体系建设工程等6项重点工程。\n")
    assert [p.name for p in res.extraction.projects] == ["知识产权强企培育工程", "知识产权保护体系建设工程"]
    res = doc("某某县文化旅游发展实施方案\n二、重点任务\n"
              "方案谋划了乡村旅游提质工程和非遗保护传承工程两大重点工程，由县文旅局牵头实施。\n")
    assert [p.name for p in res.extraction.projects] == ["乡村旅游提质工程", "非遗保护传承工程"]


def test_a_box_the_author_takes_on_in_the_first_person(doc):
    res = doc("某省气象局关于加强气象防灾减灾工作的报告\n一、主要任务\n（一）完善监测网络。加密自动气象站。\n"
              "专栏1 重点工程\n气象监测预警工程。由我局负责建设，省财政厅配合。\n二、保障措施\n")
    assert [(p.name, [o.surface for o in p.owners]) for p in res.extraction.projects] == [
        ("重点工程", ["某省气象局", "省财政厅"])]


def test_a_box_of_key_projects_listed_with_dashes_and_bullets(doc):
    res = doc("某某市公共文化服务体系建设规划\n二、主要任务\n（一）完善设施网络。推进基层综合性文化服务中心建设。\n"
              "专栏3 公共文化重点工程\n——乡镇文化站提升工程。改造乡镇文化站20个。\n"
              "● 智慧图书馆建设项目：建成市级智慧图书馆1个。\n（二）丰富文化供给。开展送戏下乡。\n")
    assert [p.name for p in res.extraction.projects] == ["公共文化重点工程", "乡镇文化站提升工程", "智慧图书馆建设项目"]


def test_projects_a_list_counts_without_calling_them_key(doc):
    res = doc("某某市制造业高质量发展实施方案\n二、主要任务\n（一）提升产业链水平。\n"
              "实施链主企业培育工程、技术改造提升工程等四大工程。\n（二）强化要素保障。\n"
              "组织两大项目：产业园区扩容项目和标准厂房建设项目。\n")
    assert [p.name for p in res.extraction.projects] == ["链主企业培育工程", "技术改造提升工程", "产业园区扩容项目",
                                                         "标准厂房建设项目"]
