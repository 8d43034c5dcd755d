def owners(task):
    return [(o.surface, o.lead) for o in task.owners]


def find(res, start):
    return next(t for t in res.extraction.tasks if t.text.startswith(start))


def test_jilin_responsibility_list_in_order(seed):
    task = find(seed("jilin"), "完善职务发明制度")
    assert task.numbering == "1." or task.key == "2.2.2"
    assert [o.surface for o in task.owners] == ["省科技厅", "省发展改革委", "省工业和信息化厅", "省农委", "省林业厅",
                                                "省文化厅", "省国资委", "省新闻出版广电局"]
    assert not any(o.lead for o in task.owners)


def test_jilin_list_under_a_bare_heading_makes_a_paragraph_task(seed):
    res = seed("jilin")
    task = find(res, "推动将知识产权指标纳入创新驱动发展评价指标")
    assert task.key == "2.1.p1" and task.parent == "2.1"
    assert owners(task)[-1] == ("省统计局", False)


def test_jilin_clause_subjects(seed):
    res = seed("jilin")
    assert owners(find(res, "省打击侵犯知识产权和制售假冒伪劣商品工作领导小组要")) == [
        ("省打击侵犯知识产权和制售假冒伪劣商品工作领导小组", False)]
    assert owners(find(res, "省科技厅要会同各相关部门")) == [("省科技厅", False)]
    owned = {o.surface for t in res.extraction.tasks for o in t.owners}
    assert not any(s.startswith(("各", "中省直")) for s in owned)


def test_jining_lead_department(seed):
    task = find(seed("jining"), "市市场监管局牵头做好规划组织实施工作")
    assert owners(task) == [("市市场监管局", True)]
    assert task.text.endswith("推动规划有效落实。")


def test_yichang_dual_name_and_office(seed):
    res = seed("yichang")
    assert owners(find(res, "市市场监管局(知识产权局)承担")) == [("市市场监管局(知识产权局)", False)]
    assert owners(find(res, "宜昌市知识产权强市建设领导小组办公室会同")) == [
        ("宜昌市知识产权强市建设领导小组办公室", False)]


def test_news_and_interpretation_name_no_owners(seed):
    for name in ("linyi", "chongqing"):
        assert not [t for t in seed(name).extraction.tasks if t.owners]


def test_lead_and_support_patterns(doc):
    res = doc("二、重点任务\n(一)培育高价值专利。实施培育计划。(市市场监管局牵头,市科技局、市财政局配合)\n"
              "(二)加强商标品牌建设。推动区域品牌发展。\n责任单位:市市场监管局、市商务局\n"
              "(三)健全行政保护。由市公安局牵头,加强执法协作。\n"
              "(四)加强司法保护。(市法院、市检察院按职责分工负责)\n"
              "(五)加强海关保护。\n牵头单位:市商务局\n配合单位:市口岸办、各县区政府\n")
    got = {t.key: owners(t) for t in res.extraction.tasks}
    assert got["1.1"] == [("市市场监管局", True), ("市科技局", False), ("市财政局", False)]
    assert got["1.2"] == [("市市场监管局", False), ("市商务局", False)]
    assert got["1.3"] == [("市公安局", True)]
    assert got["1.4"] == [("市法院", False), ("市检察院", False)]
    assert got["1.5"] == [("市商务局", True), ("市口岸办", False)]


def test_generic_actors_are_not_owners(doc):
    res = doc("三、保障措施\n(一)加强领导。各县市区政府要加强组织领导,市直有关部门要密切配合。领导小组成员单位按照职责分工落实。\n")
    assert not [t for t in res.extraction.tasks if t.owners]


def test_bare_assignment_sentences_own_the_item(doc):
    res = doc("某市知识产权规划\n一、重点任务\n1.完善制度。加强政策供给。市科技局、市财政局按职责分工负责。\n"
              "2.加强保护。市公安局牵头,市检察院配合。\n3.加强组织。市科技局要会同有关部门建立工作机制。\n")
    got = {t.key: owners(t) for t in res.extraction.tasks}
    assert got["1.1"] == [("市科技局", False), ("市财政局", False)]
    assert got["1.2"] == [("市公安局", True), ("市检察院", False)]
    assert got["1.3"] == [] and got["1.3.c1"] == [("市科技局", False)]


def test_task_division_table_rows_are_tasks(doc):
    res = doc("某市知识产权强市建设实施方案\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
              "1\t建设知识产权保护中心,提供快速维权服务。\t市市场监管局\t市财政局、市科技局\t2023年底\n"
              "2\t开展专利导航。\t市科技局\t各县区政府\t持续推进\n")
    rows = [t for t in res.extraction.tasks if ".r" in t.key]
    assert [(t.text, owners(t)) for t in rows] == [
        ("建设知识产权保护中心,提供快速维权服务。", [("市市场监管局", True), ("市财政局", False), ("市科技局", False)]),
        ("开展专利导航。", [("市科技局", True)])]
    assert res.extraction.indicators == []


def test_a_lead_and_several_partners_in_a_sentence_own_the_item(doc):
    # the partners' names are no words of the task: 由X牵头，Y、Z配合 assigns as X牵头，Y配合 does
    res = doc("某县知识产权规划\n一、重点任务\n1.提升专利质量。由县市场监管局牵头，县科技局、县工信局、县财政局配合。\n"
              "2.培育商标品牌。县农业农村局牵头，县商务局、县文旅局按职责分工负责。\n")
    got = {t.key: owners(t) for t in res.extraction.tasks}
    assert got == {"1": [], "1.1": [("县市场监管局", True), ("县科技局", False), ("县工信局", False), ("县财政局", False)],
                   "1.2": [("县农业农村局", True), ("县商务局", False), ("县文旅局", False)]}


def test_partners_with_duties_of_their_own_do_not_make_the_sentence_bare(doc):
    # ，Y负责专利导航 and ，Y、Z开展专利导航 are duties, not a partner's assent: the lead's clause is a
    # task of its own, and the item is not the three bodies' alone
    res = doc("某县知识产权规划\n一、重点任务\n1.提升专利质量。县市场监管局牵头，县科技局负责专利导航，县财政局负责资金保障。\n"
              "2.加强保护。县市场监管局牵头，县科技局、县财政局开展专利导航。\n")
    got = {t.key: owners(t) for t in res.extraction.tasks}
    assert got["1.1"] == [] and got["1.1.c1"] == [("县市场监管局", True)]
    assert got["1.2"] == [] and got["1.2.c1"] == [("县市场监管局", True)]
    assert got["1.2.c2"] == [("县科技局", False), ("县财政局", False)]
