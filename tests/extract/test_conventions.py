"""The genre's conventions, each shown at work in at least two hand-written documents of other
fields than intellectual property (health, transport, employment, elderly care, emergencies…).
Every expected fact is what a reader takes from the snippet."""
import pytest


def owners(task):
    return [(o.surface, o.lead) for o in task.owners]


def task_with(res, phrase):
    """The innermost task holding a phrase: the shortest text that contains it."""
    return min((t for t in res.extraction.tasks if phrase in t.text), key=lambda t: len(t.text))


def indicators(res):
    return [(i.name, i.unit, i.target_text, i.target_value, i.target_year) for i in res.extraction.indicators]


def terms(res):
    return {t.term: t.definition for t in res.extraction.terms}


def citations(res):
    return [(c.title, c.parent) for c in res.extraction.citations]


# ---------------------------------------------------------------- responsibility

COUNTY_HEALTH = """某县“十四五”卫生健康事业发展规划
四、主要任务
（一）完善基层医疗卫生服务体系。推进乡镇卫生院标准化建设。（县卫生健康局、县发展改革局负责）
（二）加强公共卫生应急能力。建设县疾控中心实验室。（县卫生健康局牵头，县财政局参与）
（三）推进医保支付方式改革。开展按病种付费。（县医保局牵头，县卫生健康局、县财政局配合）
（四）加强中医药服务。推广中医适宜技术。（市卫生健康委、市中医药管理局指导）
（五）加强医疗质量监管。健全县域医疗质控体系。（县卫生健康局牵头负责）
"""


def test_owner_notes_with_verbs_in_a_county_health_plan(doc):
    res = doc(COUNTY_HEALTH)
    assert owners(task_with(res, "乡镇卫生院标准化")) == [("县卫生健康局", False), ("县发展改革局", False)]
    assert owners(task_with(res, "县疾控中心实验室")) == [("县卫生健康局", True), ("县财政局", False)]
    assert owners(task_with(res, "按病种付费")) == [("县医保局", True), ("县卫生健康局", False), ("县财政局", False)]
    assert owners(task_with(res, "中医适宜技术")) == [("市卫生健康委", False), ("市中医药管理局", False)]
    assert owners(task_with(res, "医疗质控体系")) == [("县卫生健康局", True)]


def test_owner_notes_with_verbs_in_a_provincial_transport_plan(doc):
    res = doc("某省交通运输领域新型基础设施建设行动方案（2023—2025年）\n一、重点任务\n"
              "1.推进智慧公路建设。开展高速公路车路协同试点。(省交通运输厅、省工业和信息化厅负责)\n"
              "2.建设智慧港口。推进集装箱码头自动化改造。(省港口集团牵头,省交通运输厅配合)\n"
              "3.推广电子证照。实现道路运输电子证照互认。(省交通运输厅牵头,省政务服务和大数据管理局参与)\n"
              "4.规范数据共享。(交通运输部、国家数据局指导)\n"
              "5.推进综合交通大数据共享。(省交通运输厅牵头负责)\n")
    assert owners(task_with(res, "车路协同")) == [("省交通运输厅", False), ("省工业和信息化厅", False)]
    assert owners(task_with(res, "集装箱码头")) == [("省港口集团", True), ("省交通运输厅", False)]
    assert owners(task_with(res, "电子证照互认")) == [("省交通运输厅", True), ("省政务服务和大数据管理局", False)]
    assert owners(task_with(res, "规范数据共享")) == [("交通运输部", False), ("国家数据局", False)]
    assert owners(task_with(res, "大数据共享")) == [("省交通运输厅", True)]


def test_an_item_titled_build_a_centre_names_no_owner(doc):
    res = doc("某省交通运输领域新型基础设施建设行动方案（2023—2025年）\n一、重点任务\n"
              "5.建设综合交通大数据中心。推进行业数据汇聚共享。(省交通运输厅牵头负责)\n")
    assert owners(task_with(res, "数据汇聚")) == [("省交通运输厅", True)]
    res = doc("某县“十四五”卫生健康事业发展规划\n四、主要任务\n"
              "（六）建设县域医疗次中心。推进中心乡镇卫生院提档升级。（县卫生健康局负责）\n")
    assert owners(task_with(res, "提档升级")) == [("县卫生健康局", False)]


def test_lead_and_partner_heads_separated_by_semicolon_or_comma(doc):
    res = doc("某县药品安全“十四五”规划\n三、主要任务\n"
              "（一）加强药品抽检。扩大抽检覆盖面。（牵头单位：县市场监管局；配合单位：县卫生健康局）\n"
              "（二）加强疫苗监管。落实疫苗全程追溯。（牵头单位：县卫生健康局，配合单位：县疾控中心、县市场监管局）\n")
    assert owners(task_with(res, "扩大抽检")) == [("县市场监管局", True), ("县卫生健康局", False)]
    assert owners(task_with(res, "全程追溯")) == [("县卫生健康局", True), ("县疾控中心", False), ("县市场监管局", False)]

    res = doc("某市关于进一步稳定和扩大就业的实施意见\n一、支持市场主体稳岗扩岗\n"
              "（一）落实稳岗返还政策。（牵头单位：市人力资源社会保障局；配合单位：市财政局、市税务局）\n")
    assert owners(task_with(res, "稳岗返还")) == [("市人力资源社会保障局", True), ("市财政局", False),
                                                    ("市税务局", False)]


def test_lead_and_partner_heads_separated_by_a_space(doc):
    res = doc("某省交通运输安全生产专项整治行动方案\n一、重点任务\n"
              "（一）整治农村公路临水临崖路段。（牵头单位：省交通运输厅 配合单位：省公安厅）\n"
              "（二）整治客运站安全隐患。（牵头单位：省交通运输厅　配合单位：省应急管理厅、省消防救援总队）\n")
    assert owners(task_with(res, "临水临崖")) == [("省交通运输厅", True), ("省公安厅", False)]
    assert owners(task_with(res, "客运站")) == [("省交通运输厅", True), ("省应急管理厅", False),
                                                ("省消防救援总队", False)]


def test_nested_parentheses_in_a_body_name(doc):
    res = doc("某省“十四五”市场监管现代化规划\n三、主要任务\n"
              "（一）加强质量基础设施建设。（省市场监管局（知识产权局）牵头，省科技厅配合）\n")
    assert owners(task_with(res, "质量基础设施")) == [("省市场监管局(知识产权局)", True), ("省科技厅", False)]

    res = doc("某市公共文化服务体系建设实施方案\n二、重点任务\n"
              "（一）推进全民阅读。建设城市书房20个。（市委宣传部（市新闻出版局）、市文化和旅游局负责）\n")
    assert owners(task_with(res, "全民阅读")) == [("市委宣传部(市新闻出版局)", False), ("市文化和旅游局", False)]


def test_full_and_half_width_brackets_give_the_same_owners(doc):
    full = doc("某市城市更新行动方案\n一、重点任务\n（一）改造老旧小区。（市住房城乡建设局牵头，市财政局、市自然资源局配合）\n")
    half = doc("某市城市更新行动方案\n一、重点任务\n(一)改造老旧小区。(市住房城乡建设局牵头,市财政局、市自然资源局配合)\n")
    expected = [("市住房城乡建设局", True), ("市财政局", False), ("市自然资源局", False)]
    assert owners(task_with(full, "老旧小区")) == owners(task_with(half, "老旧小区")) == expected


def test_each_owned_clause_keeps_its_own_bracket(doc):
    res = doc("某省绿色交通发展行动方案\n二、保障措施\n加快推广新能源公交车辆（省交通运输厅、省工业和信息化厅负责）；"
              "完善充电基础设施（省能源局牵头，省住房城乡建设厅配合）。\n")
    assert owners(task_with(res, "新能源公交车辆")) == [("省交通运输厅", False), ("省工业和信息化厅", False)]
    assert owners(task_with(res, "充电基础设施")) == [("省能源局", True), ("省住房城乡建设厅", False)]

    res = doc("某市“十四五”养老服务发展规划\n三、主要任务\n（一）完善居家社区养老。推进街道综合养老服务中心建设"
              "（市民政局负责）。实施特殊困难老年人家庭适老化改造（市民政局牵头，市残联配合）。\n")
    assert owners(task_with(res, "街道综合养老")) == [("市民政局", False)]
    assert owners(task_with(res, "适老化改造")) == [("市民政局", True), ("市残联", False)]


def test_list_tails_are_dropped(doc):
    res = doc("某市“十四五”应急管理体系规划\n三、主要任务\n"
              "（一）提升监测预警能力。（市应急管理局、市气象局等有关部门按职责分工负责）\n"
              "（二）加强救援队伍建设。（市应急管理局牵头，市消防救援支队等相关单位配合）\n")
    assert owners(task_with(res, "监测预警")) == [("市应急管理局", False), ("市气象局", False)]
    assert owners(task_with(res, "救援队伍")) == [("市应急管理局", True), ("市消防救援支队", False)]

    res = doc("国务院关于加快发展现代职业教育的实施意见\n一、重点任务\n"
              "（一）完善职业教育投入机制。（财政部、教育部、人力资源社会保障部按职责分工负责）\n")
    assert owners(task_with(res, "投入机制")) == [("财政部", False), ("教育部", False), ("人力资源社会保障部", False)]


def test_generic_actors_are_left_out(doc):
    res = doc("国务院关于进一步加强安全生产工作的意见\n一、落实安全生产责任\n"
              "（一）强化属地管理。（各省级人民政府、应急管理部负责）\n"
              "（二）加强隐患排查。（应急管理部牵头，有关部门配合）\n"
              "（三）抓好贯彻落实。各地区各部门要结合实际制定具体措施。（各地区各部门负责）\n")
    assert owners(task_with(res, "属地管理")) == [("应急管理部", False)]
    assert owners(task_with(res, "隐患排查")) == [("应急管理部", True)]
    assert owners(task_with(res, "具体措施")) == []

    res = doc("某市义务教育优质均衡发展实施方案\n二、主要任务\n"
              "（一）扩大优质学位供给。（市教育局、各区县政府负责）\n"
              "（二）加强教师队伍建设。（市教育局、市委编办、有关部门负责）\n")
    assert owners(task_with(res, "优质学位")) == [("市教育局", False)]
    assert owners(task_with(res, "教师队伍")) == [("市教育局", False), ("市委编办", False)]


def test_subjects_of_role_sentences(doc):
    res = doc("某市关于做好高校毕业生就业创业工作的实施意见\n二、强化服务保障\n"
              "（一）加强组织领导。市人力资源社会保障局要会同市教育局建立高校毕业生就业工作协调机制，定期研究解决重大问题。\n"
              "（二）加强资金保障。由市财政局负责统筹安排就业补助资金，确保按时足额拨付到位。\n"
              "（三）加强困难帮扶。市总工会牵头做好困难家庭毕业生帮扶工作，建立帮扶台账。\n")
    assert owners(task_with(res, "就业工作协调机制")) == [("市人力资源社会保障局", False), ("市教育局", False)]
    assert owners(task_with(res, "就业补助资金")) == [("市财政局", False)]
    assert owners(task_with(res, "帮扶台账")) == [("市总工会", True)]

    res = doc("某县“十四五”卫生健康事业发展规划\n五、保障措施\n"
              "（一）加强组织领导。县卫生健康局要会同县发展改革局、县财政局制定年度实施计划。\n"
              "（二）加强监测评估。由县统计局负责建立规划监测指标体系。\n"
              "（三）加强督查考核。县卫生健康局牵头做好规划实施情况的督查工作。\n")
    assert owners(task_with(res, "年度实施计划")) == [("县卫生健康局", False), ("县发展改革局", False),
                                                    ("县财政局", False)]
    assert owners(task_with(res, "监测指标体系")) == [("县统计局", False)]
    assert owners(task_with(res, "督查工作")) == [("县卫生健康局", True)]


def test_a_body_named_with_the_ending_shi(doc):
    res = doc("某县“十四五”卫生健康事业发展规划\n五、保障措施\n"
              "（一）加强督查考核。县政府督查室牵头做好规划实施情况的督查工作。\n")
    assert owners(task_with(res, "督查工作")) == [("县政府督查室", True)]


def test_zuzhi_after_a_body_is_its_verb_not_an_ending(doc):
    # 组 ends bodies (工作组), but in 组织 it is the verb: X组织制定… is X's task, and the clause after
    # the comma is the next body's, neither starting at the comma
    res = doc("某省职业技能提升行动实施方案\n二、重点任务\n"
              "（一）完善标准。省人力资源社会保障厅组织制定职业标准，省教育厅依照职业标准牵头组织开发教学标准。\n")
    assert owners(task_with(res, "制定职业标准")) == [("省人力资源社会保障厅", False)]
    assert owners(task_with(res, "开发教学标准")) == [("省教育厅", True)]
    assert not any(t.text.startswith(("，", ",")) for t in res.extraction.tasks)
    res = doc("某市安全生产专项整治三年行动计划\n三、工作措施\n"
              "（二）开展督查。市应急管理局组织有关部门开展联合督查，市住房城乡建设局组织开展燃气安全排查。\n")
    assert owners(task_with(res, "联合督查")) == [("市应急管理局", False)]
    assert owners(task_with(res, "燃气安全排查")) == [("市住房城乡建设局", False)]


def test_role_sentences_in_one_paragraph_each_keep_their_subject(doc):
    res = doc("某市关于做好高校毕业生就业创业工作的实施意见\n二、强化服务保障\n"
              "（一）加强组织领导。市人力资源社会保障局要会同市教育局建立就业工作协调机制。由市财政局负责落实就业补助资金。"
              "市总工会牵头做好困难毕业生帮扶工作。\n")
    assert owners(task_with(res, "就业工作协调机制")) == [("市人力资源社会保障局", False), ("市教育局", False)]
    assert owners(task_with(res, "困难毕业生帮扶")) == [("市总工会", True)]


def test_declared_first_is_lead_applies_to_later_lists(doc):
    res = doc("某市关于做好高校毕业生等青年就业创业工作的实施意见\n一、拓宽就业渠道\n"
              "（一）挖掘企业吸纳潜力。给予一次性扩岗补助（市人力资源社会保障局、市财政局负责。列第一位者为牵头单位，下同）。\n"
              "（二）稳定公共部门岗位。统筹事业单位招聘计划（市委组织部、市人力资源社会保障局负责）。\n"
              "（三）支持自主创业。落实创业担保贷款政策（市人力资源社会保障局、市财政局、人民银行某市中心支行负责）。\n")
    assert owners(task_with(res, "扩岗补助")) == [("市人力资源社会保障局", True), ("市财政局", False)]
    assert owners(task_with(res, "招聘计划")) == [("市委组织部", True), ("市人力资源社会保障局", False)]
    assert owners(task_with(res, "创业担保贷款")) == [("市人力资源社会保障局", True), ("市财政局", False),
                                                    ("人民银行某市中心支行", False)]

    res = doc("国务院办公厅关于推进养老服务发展的意见\n一、扩大养老服务供给\n"
              "（一）发展社区嵌入式养老。推动社区养老服务设施全覆盖（民政部、国家发展改革委负责。排在第一位的为牵头单位，下同）。\n"
              "（二）加强人才培养。扩大养老护理员培训规模（人力资源社会保障部、民政部、教育部负责）。\n")
    assert owners(task_with(res, "嵌入式养老")) == [("民政部", True), ("国家发展改革委", False)]
    assert owners(task_with(res, "养老护理员")) == [("人力资源社会保障部", True), ("民政部", False), ("教育部", False)]


@pytest.mark.parametrize("declaration", ["排在首位的部门是牵头部门", "位列第一的为牵头单位", "第一个单位为牵头单位",
                                         "列在第一位的为牵头单位"])
def test_a_first_is_lead_declaration_in_any_wording(doc, declaration):
    # a place word or none, the first place, who or none, 为 or 是, then 牵头
    res = doc("某县农村人居环境整治提升行动实施方案\n三、重点任务\n"
              f"（一）推进农村厕所革命。完善农村改厕技术标准（县农业农村局、县卫生健康局负责，{declaration}，下同）。\n"
              "（二）加强生活垃圾治理。健全收运处置体系（县住房城乡建设局、县生态环境局负责）。\n")
    assert owners(task_with(res, "改厕技术标准")) == [("县农业农村局", True), ("县卫生健康局", False)]
    assert owners(task_with(res, "收运处置体系")) == [("县住房城乡建设局", True), ("县生态环境局", False)]


def test_declared_lead_of_a_generic_first_actor_makes_no_lead(doc):
    res = doc("国务院办公厅关于推进养老服务发展的意见\n一、扩大养老服务供给\n"
              "（一）发展社区嵌入式养老。推动社区养老服务设施全覆盖（民政部、国家发展改革委负责。列第一位者为牵头单位，下同）。\n"
              "（二）强化地方责任。将养老服务纳入政府工作重要议事日程（各省级人民政府、民政部负责）。\n")
    assert owners(task_with(res, "重要议事日程")) == [("民政部", False)]


def test_duty_heading_gives_its_items_to_the_body(doc):
    res = doc("某市突发公共卫生事件应急预案\n2 组织体系\n2.1 应急指挥机构\n2.1.1 市卫生健康委职责\n"
              "（1）负责突发公共卫生事件的监测、报告和风险评估。\n（2）组织开展医疗救治和卫生学调查处置。\n"
              "2.1.2 市疾病预防控制局职责\n（1）负责流行病学调查和实验室检测。\n")
    assert owners(task_with(res, "风险评估")) == [("市卫生健康委", False)]
    assert owners(task_with(res, "医疗救治")) == [("市卫生健康委", False)]
    assert owners(task_with(res, "流行病学调查")) == [("市疾病预防控制局", False)]

    res = doc("某县防汛抗旱应急预案\n3 组织指挥体系\n3.2 成员单位职责\n3.2.1 县水利局职责\n"
              "（1）承担防汛抗旱日常工作，组织编制洪水干旱防御方案。\n（2）负责水利工程安全度汛监督管理。\n"
              "3.2.2 县气象局职责\n（1）负责天气监测预报预警。\n")
    assert owners(task_with(res, "洪水干旱防御方案")) == [("县水利局", False)]
    assert owners(task_with(res, "安全度汛")) == [("县水利局", False)]
    assert owners(task_with(res, "天气监测")) == [("县气象局", False)]


def test_items_that_open_with_a_body_and_notes_with_a_scope(doc):
    res = doc("某市重污染天气应急预案\n4 应急响应\n4.1 职责分工\n1.综合协调组。负责统筹协调重污染天气应对工作。\n"
              "2.市生态环境局：负责空气质量监测和预警信息发布。\n3.市公安局：负责机动车限行管控。\n5 措施清单\n"
              "（一）落实工业企业减排措施。（负责部门：市生态环境局、市工业和信息化局；适用范围：全市工业企业）\n")
    assert owners(task_with(res, "统筹协调重污染天气")) == [("综合协调组", False)]
    assert owners(task_with(res, "空气质量监测")) == [("市生态环境局", False)]
    assert owners(task_with(res, "机动车限行")) == [("市公安局", False)]
    assert owners(task_with(res, "工业企业减排")) == [("市生态环境局", False), ("市工业和信息化局", False)]


def test_duty_table_rows_are_tasks(doc):
    res = doc("某省公路安全设施提升行动实施方案\n三、任务分工\n任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
              "1\t开展国省干线公路安全隐患排查。\t省交通运输厅\t省公安厅、省应急管理厅\t2023年6月底\n"
              "2\t完善农村公路安全防护设施。\t省交通运输厅\t省财政厅、各市州人民政府\t2024年底\n")
    assert owners(task_with(res, "安全隐患排查")) == [("省交通运输厅", True), ("省公安厅", False), ("省应急管理厅", False)]
    assert owners(task_with(res, "安全防护设施")) == [("省交通运输厅", True), ("省财政厅", False)]

    res = doc("某市稳就业若干措施\n重点任务分工\n序号\t工作任务\t牵头单位\t责任单位\n"
              "1\t开发城乡公益性岗位，托底安置就业困难人员。\t市人力资源社会保障局\t市财政局、各区县政府\n"
              "2\t实施青年见习计划。\t市人力资源社会保障局\t市团委、市国资委\n")
    assert owners(task_with(res, "公益性岗位")) == [("市人力资源社会保障局", True), ("市财政局", False)]
    assert owners(task_with(res, "青年见习")) == [("市人力资源社会保障局", True), ("市团委", False), ("市国资委", False)]



def test_lists_sharing_a_later_verb_requests_and_by_with_partners(doc):
    res = doc("国务院关于加快发展康复辅助器具产业的若干意见\n一、主要任务\n"
              "（一）完善产业标准体系。加快制定康复辅助器具国家标准。（市场监管总局、工业和信息化部，各省级人民政府按职责分工负责）\n"
              "（二）加强资金支持。请人民银行会同金融监管总局研究出台金融支持措施。\n"
              "（三）加强监管协作。由民政部会同国家卫生健康委制定康复辅助器具配置服务规范。\n")
    assert owners(task_with(res, "国家标准")) == [("市场监管总局", False), ("工业和信息化部", False)]
    assert owners(task_with(res, "金融支持措施")) == [("人民银行", False), ("金融监管总局", False)]
    assert owners(task_with(res, "配置服务规范")) == [("民政部", False), ("国家卫生健康委", False)]

# ---------------------------------------------------------------- indicators

def test_space_separated_table_with_serial_category_and_unit_columns(doc):
    res = doc("某县“十四五”卫生健康事业发展规划\n表1 “十四五”时期卫生健康发展主要指标\n"
              "序号 类别 指标名称 单位 2020年 2025年 指标属性\n"
              "1 健康水平 人均预期寿命 岁 77.8 ≥79 预期性\n"
              "2 健康水平 孕产妇死亡率 1/10万 12.5 ≤10 约束性\n"
              "3 医疗服务 每千人口医疗卫生机构床位数 张 5.8 — 预期性\n"
              "4 健康服务 个人卫生支出占卫生总费用的比重 % 29.5 [27] 约束性\n")
    got = [(i.name, i.unit, i.baseline_text, i.baseline_year, i.target_text, i.target_value, i.target_year, i.nature)
           for i in res.extraction.indicators]
    assert got == [
        ("人均预期寿命", "岁", "77.8", 2020, "≥79", "79", 2025, "expected"),
        ("孕产妇死亡率", "1/10万", "12.5", 2020, "≤10", "10", 2025, "binding"),
        ("每千人口医疗卫生机构床位数", "张", "5.8", 2020, None, None, 2025, "expected"),
        ("个人卫生支出占卫生总费用的比重", "%", "29.5", 2020, "[27]", "27", 2025, "binding")]


def test_tab_separated_table_with_units_in_the_names_brackets(doc):
    res = doc("某省综合交通运输发展行动计划（2023—2025年）\n表1 主要发展指标\n类别\t序号\t指标\t2022年\t2025年\t属性\n"
              "设施网络\t1\t高速公路通车里程（公里）\t7500\t≥8500\t预期性\n"
              "设施网络\t2\t城市轨道交通运营里程（公里）\t—\t120\t预期性\n"
              "绿色低碳\t3\t城市公交车中新能源车辆占比（%）\t[65]\t80\t约束性\n")
    got = [(i.name, i.unit, i.baseline_text, i.baseline_year, i.target_text, i.target_year, i.nature)
           for i in res.extraction.indicators]
    assert got == [("高速公路通车里程", "公里", "7500", 2022, "≥8500", 2025, "expected"),
                   ("城市轨道交通运营里程", "公里", None, 2022, "120", 2025, "expected"),
                   ("城市公交车中新能源车辆占比", "%", "[65]", 2022, "80", 2025, "binding")]


def test_tab_separated_table_with_a_merged_category_cell(doc):
    res = doc("某省综合交通运输发展行动计划（2023—2025年）\n表1 主要发展指标\n类别\t序号\t指标\t2022年\t2025年\t属性\n"
              "设施网络\t1\t高速公路通车里程（公里）\t7500\t≥8500\t预期性\n"
              "\t2\t城市轨道交通运营里程（公里）\t—\t120\t预期性\n"
              "绿色低碳\t3\t城市公交车中新能源车辆占比（%）\t[65]\t80\t约束性\n")
    assert [i.name for i in res.extraction.indicators] == ["高速公路通车里程", "城市轨道交通运营里程",
                                                          "城市公交车中新能源车辆占比"]


def test_prose_targets_anchored_on_a_year_or_the_period_end(doc):
    res = doc("某市“十四五”就业促进规划\n一、发展目标\n到2025年，全市城镇新增就业人数达到25万人，城镇调查失业率控制在5.5%以内。"
              "到“十四五”末，职业技能培训人次达到30万人次以上，新增返乡入乡创业人数达到5000人左右。\n")
    assert indicators(res) == [("城镇新增就业人数", "万人", "25万人", "25", 2025),
                               ("城镇调查失业率", "%", "5.5%以内", "5.5", 2025),
                               ("职业技能培训人次", "万人次", "30万人次以上", "30", 2025),
                               ("新增返乡入乡创业人数", "人", "5000人左右", "5000", 2025)]

    res = doc("某省“十四五”综合交通运输发展规划\n二、发展目标\n到2025年，全省高速公路通车里程达到9000公里以上，"
              "民用运输机场达到12个。\n")
    assert indicators(res) == [("高速公路通车里程", "公里", "9000公里以上", "9000", 2025),
                               ("民用运输机场", "个", "12个", "12", 2025)]


def test_a_lower_bound_stays_a_bound(doc):
    res = doc("某市“十四五”就业促进规划\n一、发展目标\n到2025年，高技能人才占技能人才比例不低于30%。\n")
    [ind] = res.extraction.indicators
    assert (ind.name, ind.unit, ind.target_value) == ("高技能人才占技能人才比例", "%", "30")
    assert ind.target_text in ("不低于30%", "≥30%")

    res = doc("某省“十四五”综合交通运输发展规划\n二、发展目标\n到2025年，内河高等级航道里程不低于1500公里。\n")
    [ind] = res.extraction.indicators
    assert (ind.name, ind.unit, ind.target_value) == ("内河高等级航道里程", "公里", "1500")
    assert ind.target_text in ("不低于1500公里", "≥1500公里")


def test_targets_in_pairs_and_beside_a_baseline(doc):
    res = doc("某市“十四五”教育事业发展规划\n二、发展目标\n到2025年底，学前教育毛入园率和义务教育巩固率分别达到92%和97%，"
              "高中阶段毛入学率由2020年的90%提高到95%。\n")
    got = [(i.name, i.unit, i.baseline_text, i.baseline_year, i.target_text, i.target_year)
           for i in res.extraction.indicators]
    assert got == [("学前教育毛入园率", "%", None, None, "92%", 2025), ("义务教育巩固率", "%", None, None, "97%", 2025),
                   ("高中阶段毛入学率", "%", "90%", 2020, "95%", 2025)]


def test_a_paragraph_of_targets_counts_what_it_builds(doc):
    res = doc("某省职业教育提质培优行动计划（2020—2022年）\n一、总体要求\n具体指标：到2022年，建设50所高水平中等职业学校"
              "和150个骨干专业，遴选100家产教融合型企业，培育2000名“双师型”骨干教师。\n")
    assert indicators(res) == [("高水平中等职业学校", "所", "50所", "50", 2022), ("骨干专业", "个", "150个", "150", 2022),
                               ("产教融合型企业", "家", "100家", "100", 2022),
                               ("“双师型”骨干教师", "名", "2000名", "2000", 2022)]

    res = doc("某县“十四五”养老服务体系建设规划\n二、发展目标\n主要目标：到2025年，建成3个县级综合养老服务中心和12个"
              "乡镇区域养老服务中心，培育5家连锁化养老服务机构。\n")
    assert indicators(res) == [("县级综合养老服务中心", "个", "3个", "3", 2025),
                               ("乡镇区域养老服务中心", "个", "12个", "12", 2025),
                               ("连锁化养老服务机构", "家", "5家", "5", 2025)]

    res = doc("某省职业教育提质培优行动计划（2020—2022年）\n一、总体要求\n具体指标：到2022年，“双师型”教师占专业课教师总数一半以上。\n")
    assert indicators(res) == [("“双师型”教师占专业课教师总数", None, "一半以上", None, 2022)]


def test_a_head_of_targets_inside_a_paragraph_opens_its_targets(doc):
    # the paragraph's first sentence gives the year, its head 具体指标/主要指标 the targets that follow
    res = doc("某县“十四五”知识产权发展规划\n一、发展目标\n到2025年，全县知识产权综合实力明显提升。具体指标：每万人口高价值"
              "发明专利拥有量达到3件，有效注册商标总量达到1.2万件，知识产权质押融资金额累计达到5亿元。\n")
    assert indicators(res) == [("每万人口高价值发明专利拥有量", "件", "3件", "3", 2025),
                               ("有效注册商标总量", "万件", "1.2万件", "1.2", 2025),
                               ("知识产权质押融资金额", "亿元", "5亿元", "5", 2025)]

    res = doc("某市养老服务体系建设三年行动计划（2023—2025年）\n二、工作目标\n养老服务体系更加健全。主要指标：到2024年，"
              "建成8个街道综合养老服务中心，培育4家品牌连锁养老机构。\n")
    assert indicators(res) == [("街道综合养老服务中心", "个", "8个", "8", 2024), ("品牌连锁养老机构", "家", "4家", "4", 2024)]

    # a year before the plan's period is where it starts from, not the year of its targets
    res = doc("某县知识产权“十四五”规划\n一、发展目标\n截至2020年底，全县有效发明专利达到500件。主要指标：每万人口高价值"
              "发明专利拥有量达到3件。\n")
    assert indicators(res) == [("每万人口高价值发明专利拥有量", "件", "3件", "3", 2025)]


# ---------------------------------------------------------------- terms

def test_footnote_definitions_with_circled_marks(doc):
    res = doc("某县“十四五”卫生健康事业发展规划\n一、主要任务\n（一）推进紧密型县域医共体①建设。推动家庭医生签约服务②提质增效。\n"
              "注：①紧密型县域医共体：指以县级医院为龙头、乡镇卫生院为枢纽、村卫生室为基础的医疗卫生服务共同体。\n"
              "②家庭医生签约服务，是指以全科医生为核心，为签约居民提供的连续性健康管理服务。\n")
    got = terms(res)
    assert list(got) == ["紧密型县域医共体", "家庭医生签约服务"]
    assert got["紧密型县域医共体"].startswith("指以县级医院为龙头")
    assert got["家庭医生签约服务"].startswith("是指以全科医生为核心")


def test_footnote_definitions_with_circled_marks_in_a_transport_plan(doc):
    res = doc("某省推进多式联运发展行动计划（2022—2025年）\n一、重点任务\n（一）发展多式联运①。推进铁路专用线②建设。\n"
              "①多式联运：指由两种及以上交通运输方式相互衔接、转运而共同完成的运输过程。\n"
              "②铁路专用线，是指由企业或者其他单位管理的与国家铁路或者其他铁路线路接轨的岔线。\n")
    got = terms(res)
    assert list(got) == ["多式联运", "铁路专用线"]
    assert got["多式联运"].startswith("指由两种及以上交通运输方式")
    assert got["铁路专用线"].startswith("是指由企业或者其他单位管理")


def test_a_quoted_footnote_term_is_the_words_inside_the_quotes(doc):
    res = doc("某省推进多式联运发展行动计划（2022—2025年）\n一、重点任务\n（一）推进大宗货物“公转铁”①。\n"
              "①“公转铁”，是指将公路运输的大宗货物转由铁路运输。\n")
    assert list(terms(res)) == ["公转铁"]


def test_numbered_and_bracketed_notes(doc):
    res = doc("某市“十四五”数字经济发展规划\n一、发展基础\n数字经济核心产业增加值年均增长15%。\n"
              "注：1.数字经济核心产业：指为产业数字化发展提供数字技术、产品、服务、基础设施和解决方案的产业。"
              "2.算力：指数据中心对数据进行处理并输出结果的计算能力。\n")
    got = terms(res)
    assert list(got) == ["数字经济核心产业", "算力"]
    assert got["数字经济核心产业"].startswith("指为产业数字化发展")
    assert got["算力"].startswith("指数据中心对数据")

    res = doc("某省“十四五”生态环境保护规划\n一、主要任务\n推进“无废城市”[1]建设，开展生态产品价值实现[2]试点。\n"
              "[1]无废城市：以创新、协调、绿色、开放、共享的新发展理念为引领，推动形成绿色发展方式和生活方式的城市发展模式。\n"
              "[2]生态产品价值实现：指通过市场化途径将生态产品的生态价值转化为经济价值的过程。\n")
    got = terms(res)
    assert list(got) == ["无废城市", "生态产品价值实现"]
    assert got["无废城市"].startswith("以创新、协调、绿色")
    assert got["生态产品价值实现"].startswith("指通过市场化途径")

    res = doc("某县“十四五”养老服务体系建设规划\n一、发展目标\n到2025年，养老机构护理型床位占比达到55%。\n"
              "注：1.护理型床位：指能够为失能、失智老年人提供照护服务的床位。2.家庭养老床位：指依托有资质的养老服务机构，"
              "在老年人家中设置的具备机构化照护功能的床位。\n")
    got = terms(res)
    assert list(got) == ["护理型床位", "家庭养老床位"]
    assert got["家庭养老床位"].startswith("指依托有资质的养老服务机构")

    res = doc("某市“十四五”就业促进规划\n一、主要任务\n（一）发展零工市场[1]。支持劳务品牌[2]建设。\n"
              "[1]零工市场：指为灵活就业人员和用工主体提供供需对接服务的公共服务场所。\n"
              "[2]劳务品牌：指具有鲜明地域标记、过硬技能特征和良好用户口碑的劳务标识。\n")
    got = terms(res)
    assert list(got) == ["零工市场", "劳务品牌"]
    assert got["劳务品牌"].startswith("指具有鲜明地域标记")


def test_a_numbered_note_block_one_entry_per_line(doc):
    res = doc("某市“十四五”数字经济发展规划\n一、发展基础\n数字经济核心产业增加值年均增长15%。\n"
              "注：1.数字经济核心产业：指为产业数字化发展提供数字技术、产品、服务、基础设施和解决方案的产业。\n"
              "2.算力：指数据中心对数据进行处理并输出结果的计算能力。\n")
    assert list(terms(res)) == ["数字经济核心产业", "算力"]


def test_glossary_sections(doc):
    res = doc("某市关于促进平台经济规范健康发展的实施意见\n一、主要措施\n（一）支持灵活就业。\n附件\n名词解释\n"
              "1.灵活就业：指以非全日制、临时性、季节性等方式实现的就业。\n2.新就业形态：指依托互联网平台实现的新型就业方式。\n")
    assert [(t.term, t.definition[:6]) for t in res.extraction.terms] == [("灵活就业", "指以非全日制"),
                                                                          ("新就业形态", "指依托互联网")]

    res = doc("某省“十四五”城乡社区服务体系建设规划\n一、主要任务\n（一）加强社区工作者队伍建设。\n名词术语解释\n"
              "1.城乡社区综合服务设施：指为社区居民提供公共服务的综合性场所。\n2.社区工作者：指在社区专职从事社区工作的人员。\n")
    assert [(t.term, t.definition[:6]) for t in res.extraction.terms] == [("城乡社区综合服务设施", "指为社区居民"),
                                                                          ("社区工作者", "指在社区专职")]


def test_definitions_stated_in_the_text(doc):
    res = doc("某市关于促进平台经济规范健康发展的实施意见\n一、总体要求\n"
              "本意见所称平台经济，是指以互联网平台为主要载体，以数据为关键生产要素的新经济形态。\n二、主要措施\n"
              "（一）规范平台经营行为。平台企业是平台经济的重要组成部分。网络货运是指经营者依托互联网平台整合配置运输资源的"
              "道路货物运输经营活动。\n（二）培育新业态。“共享制造”是运用共享理念将分散、闲置的生产资源集聚起来的新型制造模式。\n")
    got = terms(res)
    assert list(got) == ["平台经济", "网络货运", "共享制造"]
    assert got["平台经济"].startswith("是指以互联网平台为主要载体")
    assert got["网络货运"].startswith("是指经营者依托互联网平台")
    assert got["共享制造"].startswith("是运用共享理念")

    res = doc("某省“十四五”城乡社区服务体系建设规划\n二、主要任务\n（一）推进“一刻钟便民生活圈”建设。“一刻钟便民生活圈”是"
              "以社区居民为服务对象，在步行15分钟范围内满足居民日常生活基本消费需求的社区商圈。\n"
              "（二）发展社区嵌入式服务。社区嵌入式服务设施是指在社区内嵌入的提供养老托育、助餐等服务的功能性设施。\n"
              "本规划所称城乡社区服务，是指以城乡社区为主要平台，为社区居民提供的各类服务。\n")
    got = terms(res)
    assert list(got) == ["一刻钟便民生活圈", "社区嵌入式服务设施", "城乡社区服务"]
    assert got["一刻钟便民生活圈"].startswith("是以社区居民为服务对象")
    assert got["社区嵌入式服务设施"].startswith("是指在社区内嵌入")
    assert got["城乡社区服务"].startswith("是指以城乡社区为主要平台")


def test_definitions_in_the_articles_of_a_measure(doc):
    res = doc("某市公共数据管理办法\n第一章 总则\n第一条 为规范公共数据管理，制定本办法。\n"
              "第二条 本办法所称公共数据，是指本市各级行政机关在依法履行职责过程中收集、产生的数据。\n"
              "第三条 公共数据共享是指行政机关之间因履行职责需要使用其他行政机关公共数据的行为。\n"
              "第四条 “一网通办”是依托一体化政务服务平台，实现政务服务事项全程网上办理的服务模式。\n")
    assert list(terms(res)) == ["公共数据", "公共数据共享", "一网通办"]


def test_an_implementing_regulation_defines_the_words_of_its_law(doc):
    # 实施细则 define the words of the law they implement, article by article, two to a sentence; what
    # 前款所称X 包括 lists is no definition (the annotation rules)
    res = doc("某省专利保护条例实施细则\n第一条 根据《某省专利保护条例》，制定本细则。\n"
              "第二条 条例第五条第一款所称专利侵权纠纷，是指专利权人认为他人未经许可实施其专利引起的纠纷；"
              "所称假冒专利行为，是指在未被授予专利权的产品上标注专利标识的行为。\n"
              "第三条 《某省专利保护条例》第九条、第十条所称重点企业和重点项目，分别是指列入省级名录的企业和项目。\n"
              "第四条 前款所称规定期限，包括法定期限和指定期限。\n")
    got = terms(res)
    assert list(got) == ["专利侵权纠纷", "假冒专利行为", "重点企业和重点项目"]
    assert got["专利侵权纠纷"] == "是指专利权人认为他人未经许可实施其专利引起的纠纷"
    assert got["假冒专利行为"].startswith("是指在未被授予专利权的产品上")
    assert got["重点企业和重点项目"].startswith("分别是指列入省级名录")
    res = doc("某市科技创新券管理细则\n第二条 本细则所称企业，是指在本市依法登记的企业；本细则所称个人，是指在本市从事研发的自然人。\n")
    assert terms(res) == {"企业": "是指在本市依法登记的企业", "个人": "是指在本市从事研发的自然人。"}


def test_a_characterisation_is_no_definition(doc):
    res = doc("某市“十四五”数字政府建设规划\n一、总体要求\n数字政府建设是推进政府治理现代化的重要组成部分。"
              "“一网统管”是提升城市治理能力的关键举措。\n")
    assert res.extraction.terms == []


def test_guiding_and_leading_are_no_definitions_but_discharge_is(doc):
    # 是指导/是指引 open a verb; 是指出院患者… and 主要是指 open a meaning
    res = doc("某市“十四五”知识产权发展规划\n本规划是指导全市“十四五”时期知识产权工作的纲领性文件。"
              "知识产权保护中心是指导企业开展专利预审和快速维权的公共服务机构。"
              "本规划是指引全市知识产权强市建设的行动指南。\n")
    assert res.extraction.terms == []
    res = doc("某市知识产权专项资金管理办法\n第二条 本办法所称示范企业，主要是指经市知识产权局认定的知识产权示范企业。\n"
              "第三条 本办法所称知识产权除特定条款外，主要指专利权、注册商标专用权和地理标志。\n"
              "第四条 日间手术是指出院患者在日间手术室完成的手术。\n")
    assert [(t.term, t.definition[:6]) for t in res.extraction.terms] == [
        ("示范企业", "主要是指经市"), ("知识产权", "主要指专利权"), ("日间手术", "是指出院患者")]


# ---------------------------------------------------------------- projects

def test_boxes_numbered_in_arabic_digits(doc):
    res = doc("某县“十四五”卫生健康事业发展规划\n四、主要任务\n（一）提升县级医院综合能力。推进县人民医院新院区建设（见专栏1）。\n"
              "专栏1 县级医院能力提升工程\n县人民医院新院区建设：新增床位500张。\n县中医院康复大楼建设：建筑面积2万平方米。\n"
              "（二）加强公共卫生体系。\n专栏2 公共卫生服务能力提升项目\n建设县疾控中心生物安全二级实验室。\n（三）加快智慧医疗建设。\n")
    assert [(p.number, p.name) for p in res.extraction.projects] == [("1", "县级医院能力提升工程"),
                                                                     ("2", "公共卫生服务能力提升项目")]


def test_boxes_numbered_in_chinese_and_by_chapter(doc):
    res = doc("某省综合交通运输发展规划\n三、重点任务\n（一）建设综合立体交通网。\n专栏一 高速公路扩容工程\n"
              "建设某某至某某高速公路改扩建工程。\n（二）推进运输服务提质。\n专栏3-1 城乡客运一体化示范工程\n"
              "推进农村客运班线公交化改造。\n专栏3-2 多式联运示范工程\n建设国家级多式联运示范工程项目5个。\n（三）提升治理能力。\n")
    assert [(p.number, p.name) for p in res.extraction.projects] == [
        ("一", "高速公路扩容工程"), ("3-1", "城乡客运一体化示范工程"), ("3-2", "多式联运示范工程")]


# ---------------------------------------------------------------- citations

COUNTY_HEALTH_BASIS = ("某县“十四五”卫生健康事业发展规划\n"
                       "依据《某省“十四五”卫生健康发展规划》和《某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》"
                       "（以下简称《纲要》），制定本规划。\n一、主要任务\n"
                       "（一）深化医药卫生体制改革。贯彻落实《关于进一步完善医疗卫生服务体系的意见》，推进分级诊疗。"
                       "按照《纲要》部署，建设县域医共体。\n"
                       "（二）组织实施。各乡镇要将《某县“十四五”卫生健康事业发展规划》确定的任务纳入年度工作计划。\n"
                       "（三）加强考核。按照《某县卫生健康重点任务分工方案》（见附件）抓好落实。\n")
TRANSPORT_BASIS = ("某省推进多式联运发展优化调整运输结构行动计划（2022—2025年）\n"
                   "为深入贯彻落实《推进多式联运发展优化调整运输结构工作方案（2021—2025年）》，根据《某省综合交通运输发展“十四五”规划》"
                   "（以下简称《规划》），结合我省实际，制定本行动计划。\n一、重点任务\n"
                   "（一）提升铁路货运能力。贯彻落实《国务院办公厅关于进一步降低物流成本的实施意见》，推动大宗货物“公转铁”。"
                   "依据《规划》确定的布局，建设铁路专用线。\n"
                   "（二）强化组织保障。各市州要对照《某省推进多式联运发展优化调整运输结构行动计划（2022—2025年）》，制定具体措施。"
                   "重点项目清单详见《某省多式联运重点项目清单》（见附件）。\n")


def test_the_preamble_names_the_parent(doc):
    cites = citations(doc(COUNTY_HEALTH_BASIS))
    assert ("某省“十四五”卫生健康发展规划", True) in cites
    cites = citations(doc(TRANSPORT_BASIS))
    assert ("推进多式联运发展优化调整运输结构工作方案(2021—2025年)", True) in cites


def test_the_plans_own_title_and_its_annex_are_not_cited(doc):
    titles = [t for t, _ in citations(doc(COUNTY_HEALTH_BASIS))]
    assert "某县“十四五”卫生健康事业发展规划" not in titles and "某县卫生健康重点任务分工方案" not in titles
    titles = [t for t, _ in citations(doc(TRANSPORT_BASIS))]
    assert "某省推进多式联运发展优化调整运输结构行动计划(2022—2025年)" not in titles
    assert "某省多式联运重点项目清单" not in titles


def test_implementing_a_document_inside_a_task_is_a_parent(doc):
    # the evaluation's annotation rules (../shared/eval/README.md) make a document the plan implements
    # (贯彻落实《…》, 按照《…》要求) a parent wherever the sentence stands, as the real gold does (g37)
    cites = citations(doc(COUNTY_HEALTH_BASIS))
    assert ("关于进一步完善医疗卫生服务体系的意见", True) in cites
    cites = citations(doc(TRANSPORT_BASIS))
    assert ("国务院办公厅关于进一步降低物流成本的实施意见", True) in cites


def test_an_aliased_parent_is_one_citation(doc):
    cites = citations(doc(COUNTY_HEALTH_BASIS))
    assert [c for c in cites if "纲要" in c[0]] == [("某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", True)]
    cites = citations(doc(TRANSPORT_BASIS))
    assert [c for c in cites if c[0].endswith("规划")] == [("某省综合交通运输发展“十四五”规划", True)]


def test_a_document_carried_out_is_a_parent_a_standard_applied_is_not(doc):
    res = doc("某市安全生产专项整治实施方案\n一、工作任务\n"
              "（一）要认真贯彻执行省政府发布的《某省安全生产条例》，完善应急预案。\n"
              "（二）做好《某市安全生产责任制规定》和《某市应急管理办法》的落实工作。\n"
              "（三）企业财务制度应执行《企业财务通则》，会计制度应执行《企业会计准则》。\n"
              "（四）对试点企业不再执行《某市安全生产许可暂行办法》中关于许可期限的规定。\n"
              "（五）市应急局、市财政局《关于建立安全生产专项资金的报告》已经市政府同意，请各县区认真贯彻落实。\n")
    assert citations(res) == [("某省安全生产条例", True), ("某市安全生产责任制规定", True), ("某市应急管理办法", True),
                              ("企业财务通则", False), ("企业会计准则", False), ("某市安全生产许可暂行办法", False),
                              ("关于建立安全生产专项资金的报告", True)]


def test_the_basis_of_a_statute_and_a_law_it_lets_others_apply(doc):
    res = doc("某省技术市场条例\n第一条　为了规范技术市场，根据《中华人民共和国促进科技成果转化法》，制定本条例。\n"
              "第二十条　律师事务所可以依据《中华人民共和国律师法》开展技术合同法律服务，具体办法由省科学技术主管部门制定。\n")
    assert citations(res) == [("中华人民共和国促进科技成果转化法", True), ("中华人民共和国律师法", False)]


def test_an_approval_cites_the_plan_it_approves_as_its_parent(doc):
    # 关于X的批复: the approval is its own document; X, approved and to be carried out, is its parent, even
    # under the short name the approval gives it (以下简称《规划》); the request answered is no parent
    res = doc("浙江省人民政府关于杭州市国土空间总体规划（2021—2035年）的批复\n杭州市人民政府：\n"
              "你市《关于报请审批〈杭州市国土空间总体规划（2021—2035年）〉的请示》收悉。现批复如下：\n"
              "一、原则同意《杭州市国土空间总体规划（2021—2035年）》（以下简称《规划》）。\n"
              "二、严格执行《规划》。杭州市人民政府要加强组织领导，确保《规划》确定的各项目标任务落到实处。\n")
    plan = res.extraction.plan
    assert (plan.title, plan.start_year, plan.end_year) == ("浙江省人民政府关于杭州市国土空间总体规划(2021—2035年)的批复",
                                                           None, None)  # the years are the approved plan's
    assert citations(res) == [("关于报请审批〈杭州市国土空间总体规划(2021—2035年)〉的请示", False),
                              ("杭州市国土空间总体规划(2021—2035年)", True)]
    for granting in ("关于同意《湖州市国土空间总体规划（2021—2035年）》的批复", "关于对《湖州市国土空间总体规划（2021—2035年）》的批复",
                     "关于同意湖州市国土空间总体规划（2021—2035年）的批复"):
        res = doc(f"浙江省人民政府{granting}\n湖州市人民政府：\n现批复如下：\n"
                  "一、原则同意《湖州市国土空间总体规划（2021—2035年）》（以下简称《规划》）。\n二、严格执行《规划》。\n")
        assert set(citations(res)) == {("湖州市国土空间总体规划(2021—2035年)", True)}, granting


def test_documents_a_covering_notice_issues_are_not_its_parents(doc):
    res = doc("某市人民政府办公室关于印发两个管理办法的通知\n各区县人民政府：\n"
              "市科技局拟定的《某市科技计划项目管理办法》和《某市科技经费管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
              "为深化科技体制改革，《中共某市委关于深化改革的决定》提出，要完善科技计划管理。\n")
    assert citations(res) == [("某市科技计划项目管理办法", False), ("某市科技经费管理办法", False),
                              ("中共某市委关于深化改革的决定", True)]


def test_a_body_and_its_own_collective_part_after_ji_qi(doc):
    res = doc("某某省政务公开工作要点\n二、重点任务\n1.推进政务公开。完善信息发布制度。（省政府办公厅及其各处室负责）\n"
              "2.加强督查。开展专项督查。（县政府及各乡镇负责）\n")
    assert [[o.surface for o in t.owners] for t in res.extraction.tasks if t.owners] == [["省政府办公厅"], ["县政府"]]


@pytest.mark.parametrize("verb", ["指导", "参加", "协助"])
def test_a_closing_clause_that_only_assigns_owns_the_passage(doc, verb):
    res = doc(f"某市科技创新实施方案\n一、重点任务\n（一）推进科创平台建设，完善孵化机制。市科技局、市财政局{verb}。\n")
    assert [(t.key, [o.surface for o in t.owners]) for t in res.extraction.tasks if t.owners] == [
        ("1.1", ["市科技局", "市财政局"])]


# ---------------------------------------------------------------- plan metadata

def test_a_county_level_citys_plan_under_its_covering_notice(doc):
    res = doc("宜都市人民政府办公室关于印发宜都市全民健身实施计划（2022—2025年）的通知\n都政办发〔2022〕15号\n"
              "各乡镇人民政府、街道办事处，市政府各部门：\n"
              "现将《宜都市全民健身实施计划（2022—2025年）》印发给你们，请认真组织实施。\n宜都市人民政府办公室\n2022年8月16日\n"
              "宜都市全民健身实施计划（2022—2025年）\n一、总体要求\n（一）指导思想。坚持以人民为中心。\n")
    plan = res.extraction.plan
    assert (plan.title, plan.document_number, plan.issued, plan.start_year, plan.end_year) == (
        "宜都市全民健身实施计划(2022—2025年)", "都政办发〔2022〕15号", "2022-08-16", 2022, 2025)
    assert plan.issuer == "宜都市人民政府办公室"
    assert (res.region.code, res.region.name, res.region.level) == ("420581", "宜都市", "county")

    res = doc("枣阳市人民政府关于印发枣阳市“十四五”农业农村现代化发展规划的通知\n枣政发〔2021〕21号\n"
              "各镇人民政府、街道办事处，市政府各部门：\n现将《枣阳市“十四五”农业农村现代化发展规划》印发给你们，请结合实际认真贯彻执行。\n"
              "枣阳市人民政府\n2021年12月20日\n枣阳市“十四五”农业农村现代化发展规划\n一、发展基础\n")
    plan = res.extraction.plan
    assert (plan.title, plan.document_number, plan.issued, plan.start_year, plan.end_year) == (
        "枣阳市“十四五”农业农村现代化发展规划", "枣政发〔2021〕21号", "2021-12-20", 2021, 2025)
    assert plan.issuer == "枣阳市人民政府"
    assert (res.region.code, res.region.name, res.region.level) == ("420683", "枣阳市", "county")


def test_a_generic_actor_in_the_subject_list_names_no_body_and_ends_nothing(doc):
    # X和各区县要…: the collective has no body's ending; the list and its verb still make X the owner
    res = doc("某市“十四五”科技创新规划\n一、重点任务\n（一）完善创新机制。市科技局和各区县要建立科技成果转化工作机制。"
              "市财政局、各县（市、区）要落实配套资金。\n")
    assert owners(task_with(res, "科技成果转化工作机制")) == [("市科技局", False)]
    assert owners(task_with(res, "配套资金")) == [("市财政局", False)]
    res = doc("国务院办公厅关于加强农村留守儿童关爱保护工作的意见\n一、主要任务\n"
              "（一）强化家庭监护。民政部、各地要指导村（居）民委员会建立留守儿童信息台账。\n")
    assert owners(task_with(res, "信息台账")) == [("民政部", False)]


def test_a_condition_between_a_subject_and_its_verb(doc):
    # X如遇…，及时…: the verb after the condition's comma is X's
    res = doc("某县农产品质量安全监管工作方案\n三、工作措施\n（一）强化监测预警。县农业农村局一旦发现不合格产品，"
              "要立即通报县市场监管局。\n（二）加强应急处置。县应急管理局如遇突发事件，及时向县人民政府报告。\n")
    assert owners(task_with(res, "不合格产品")) == [("县农业农村局", False)]
    assert owners(task_with(res, "突发事件")) == [("县应急管理局", False)]
    res = doc("国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知\n五、保障措施\n"
              "（一）加强组织领导。联合采购办公室和试点地区如遇重大问题，及时向试点工作小组办公室报告。\n")
    assert owners(task_with(res, "重大问题")) == [("联合采购办公室", False)]


def test_a_condition_with_no_verb_after_it_makes_no_owner(doc):
    res = doc("某市“十四五”公共服务规划\n一、主要任务\n（一）加强统筹协调。市科技局如有变动，不再另行通知。\n")
    assert owners(task_with(res, "变动")) == []
