"""Conventions of provincial, city and county documents: owner notes in 〔〕 and 【】, 责任单位 lines
under items, dual names and bracketed classes of governments in lists, indicator tables framed in a
专栏 or following one another, columns named by a period, targets named by their topic, history
that cites without being a basis, portal pages with a metadata list, traditional script.

Every snippet is written for these tests in the genre's style (names, numbers and tasks invented);
every expected fact is what a reader takes from it."""
from tests.extract.test_conventions import citations, owners, task_with, terms


def indicator_rows(res):
    return [(i.name, i.unit, i.baseline_text, i.baseline_year, i.target_text, i.target_year, i.nature)
            for i in res.extraction.indicators]


# ---------------------------------------------------------------- owners

def test_owner_notes_in_tortoise_shell_brackets(doc):
    res = doc("四川省“十四五”科技创新规划\n三、重点任务\n"
              "（一）强化基础研究。布局建设一批省级重点实验室。〔责任单位：科技厅、教育厅、财政厅按职责分工负责〕\n"
              "（二）推进成果转化。完善技术转移服务体系。〔责任单位：科技厅牵头，省发展改革委、经济和信息化厅配合〕\n")
    assert owners(task_with(res, "省级重点实验室")) == [("科技厅", False), ("教育厅", False), ("财政厅", False)]
    assert owners(task_with(res, "技术转移服务")) == [("科技厅", True), ("省发展改革委", False),
                                                    ("经济和信息化厅", False)]
    res = doc("湛江市促进外贸稳增长若干措施\n一、支持企业开拓市场\n"
              "1.组织企业参加境外展会。〔市商务局（市口岸办）牵头，市财政局配合〕\n"
              "2.扩大出口信用保险覆盖面。〔市商务局、市地方金融监管局负责〕\n")
    assert owners(task_with(res, "境外展会")) == [("市商务局(市口岸办)", True), ("市财政局", False)]
    assert owners(task_with(res, "出口信用保险")) == [("市商务局", False), ("市地方金融监管局", False)]


def test_owner_notes_in_black_lenticular_brackets(doc):
    res = doc("山东省“十四五”市场监管现代化规划\n三、主要任务\n"
              "（六）推进标准化建设。开展企业标准领跑者行动。【责任单位：省市场监管局、省工业和信息化厅】\n"
              "（七）加强计量能力建设。建设省级计量测试中心。【牵头单位：省市场监管局；配合单位：省科技厅】\n")
    assert owners(task_with(res, "标准领跑者")) == [("省市场监管局", False), ("省工业和信息化厅", False)]
    assert owners(task_with(res, "计量测试中心")) == [("省市场监管局", True), ("省科技厅", False)]


def test_owner_notes_in_square_brackets(doc):
    res = doc("某某区2023年政府工作报告重点任务分解方案\n一、推动产业升级\n"
              "1.建设数字经济产业园。[责任单位：区经信局、区投资促进中心]\n"
              "2.推进城镇老旧小区改造。[牵头单位：区住建局；责任单位：区财政局、区城管执法局]\n"
              "3.优化农贸市场布局。［区商务局］\n")
    assert owners(task_with(res, "数字经济产业园")) == [("区经信局", False), ("区投资促进中心", False)]
    assert owners(task_with(res, "老旧小区")) == [("区住建局", True), ("区财政局", False), ("区城管执法局", False)]
    assert owners(task_with(res, "农贸市场")) == [("区商务局", False)]


def test_supervising_a_task_names_no_body(doc):
    res = doc("某某县2024年重点工作任务分解方案\n三、保障措施\n（一）实行挂牌督办。对进展滞后的任务实行挂牌督办。\n"
              "（二）强化跟踪督办落实。县政府督查室要对各项任务进行跟踪督办。\n（三）严格限时督办，确保按期完成。\n")
    assert [(t.text[:8], owners(t)) for t in res.extraction.tasks if t.owners] == [
        ("县政府督查室要对", [("县政府督查室", False)])]


def test_times_before_a_lead_are_no_part_of_its_name(doc):
    res = doc("某市知识产权局2024年工作要点\n一、加强知识产权保护\n（一）第三季度市商务局牵头开展海外维权培训。\n"
              "（二）每季度市统计局牵头发布专利统计数据。\n（三）12月份市财政局牵头兑现专利资助资金。\n"
              "（四）二季度末市司法局牵头开展普法宣传。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [
        [("市商务局", True)], [("市统计局", True)], [("市财政局", True)], [("市司法局", True)]]


def test_acts_and_collectives_that_look_like_bodies(doc):
    # 统一部署 is an act; 区直各部门 and 市政府各部门 are every department; 径向X反映 and 为X提供 make X no owner
    res = doc("某市人民政府办公室关于印发某市促进消费实施方案的通知\n各县（市、区）人民政府，市政府各部门：\n"
              "现印发给你们，请认真组织实施。实施过程中遇到的问题，请径向市商务局反映。\n某市人民政府办公室\n2024年3月1日\n"
              "某市促进消费实施方案\n一、重点任务\n（一）统一部署开展促消费活动。\n"
              "（二）扩大汽车消费。（市商务局牵头，市政府各部门、区直各单位配合）\n"
              "（三）加强运行监测。市统计局要按月汇总数据，为市政府科学决策提供依据。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("市商务局", True)], [("市统计局", False)]]


def test_lines_of_lead_and_partner_owners_under_a_target(doc):
    # 牵头责任单位/协同责任单位 lines, a 部门分工 line and a bare X牵头，Y配合 line belong to the item above
    res = doc("某市人民政府关于2024年重点工作及责任分解的通知\n一、确保完成全年主要预期目标\n1.地区生产总值增长6%左右。\n"
              "牵头负责领导：王某。\n牵头责任单位：市发展改革委。\n协同责任单位：市统计局、市财政局。\n"
              "2.粮食产量稳定在120万吨以上。\n部门分工：市农业农村局牵头，市粮食和储备局配合。\n"
              "3.城镇新增就业3万人。\n市人力资源社会保障局牵头，市教育局配合。\n")
    assert [(t.text[:6], owners(t)) for t in res.extraction.tasks if t.owners] == [
        ("地区生产总值", [("市发展改革委", True), ("市统计局", False), ("市财政局", False)]),
        ("粮食产量稳定", [("市农业农村局", True), ("市粮食和储备局", False)]),
        ("城镇新增就业", [("市人力资源社会保障局", True), ("市教育局", False)])]


def test_each_before_a_list_holds_for_the_zones_after_it(doc):
    # 各县区人民政府、园区管委会: every county and every zone; a body named by its place is one body
    res = doc("某市稳定经济增长若干措施\n一、落实财税政策\n"
              "1.落实小规模纳税人减免政策。（责任单位：市税务局，各县区政府、开发区管委会）\n"
              "2.设立专项引导资金。（责任单位：市工信局、市财政局，各县区人民政府、滁州经开区管委会。"
              "以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出）\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [
        [("市税务局", False)], [("市工信局", False), ("市财政局", False), ("滁州经开区管委会", False)]]


def test_how_a_document_was_made_gives_no_task(doc):
    # drafters and the office that released it are named, but no task is theirs
    res = doc("我省发布知识产权强省建设纲要\n3月7日，省政府新闻办举行新闻发布会。据介绍，省市场监管局会同有关部门，"
              "在充分调研的基础上，制定印发了《某省知识产权强省建设纲要（2021—2035年）》。\n")
    assert [t for t in res.extraction.tasks if t.owners] == []
    res = doc("《某省市场监管“十四五”规划》解读\n《某省市场监管“十四五”规划》（以下简称《规划》）是省“十四五”重点专项规划之一，"
              "由省市场监管局牵头组织编制。编制过程中，省市场监管局广泛听取意见，由省政府办公厅印发实施。\n一、编制背景\n")
    assert [t for t in res.extraction.tasks if t.owners] == []
    # in a plan, organising the drafting of another plan is a task
    res = doc("某市“十四五”规划纲要实施方案\n一、重点任务\n（一）完善规划体系。由市发展改革委牵头组织编制专项规划。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("市发展改革委", True)]]


def test_a_funds_measures_with_a_chapter_of_duties(doc):
    # a department the text only shortens is no body set up: the chapter's articles keep their own owners;
    # a definition names the manager of the fund, who owns nothing by it
    res = doc("某市知识产权专项资金管理办法\n第一章 总则\n第一条 本办法所称专项资金是指由某市市场监督管理局"
              "（以下简称市市场监管局）管理的专项资金。\n第二章 职责分工\n第二条 市市场监管局负责组织申报和评审。\n"
              "第三条 市财政局负责专项资金安排、资金拨付。\n第四条 各镇街主管部门负责项目的审查推荐。\n"
              "第五条 本办法适用于某市科学技术局（以下简称市科技局）组织实施的扶持计划。\n")
    assert [(t.text[:6], owners(t)) for t in res.extraction.tasks if t.owners] == [
        ("市市场监管局", [("市市场监管局", False)]), ("市财政局负责", [("市财政局", False)])]


def test_a_definition_of_what_this_plan_in_brackets_means(doc):
    res = doc("某省文化发展“十三五”规划\n本《规划》所称文化，是指文学艺术事业和社会文化事业。\n")
    assert terms(res) == {"文化": "是指文学艺术事业和社会文化事业。"}


def test_articles_under_captions_in_black_brackets(doc):
    # a people's congress draws each article's caption in 【】: the article's text starts after it
    res = doc("某市人才工作条例\n第一条【立法目的】为了落实人才强国战略，制定本条例。\n"
              "第二条【定义】本条例所称人才，是指具有一定的专业知识或者专门技能的劳动者。\n"
              "第三条【部门职责】市人力资源保障局负责人才公共服务体系建设。\n")
    assert terms(res) == {"人才": "是指具有一定的专业知识或者专门技能的劳动者。"}
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("市人力资源保障局", False)]]


def test_classes_of_local_actors_and_headings_that_open_with_a_verb(doc):
    res = doc("某县森林火灾应急预案\n一、职责分工\n1.发生森林火灾时，由发生地乡镇人民政府负责先期处置。\n"
              "2.事发地乡镇人民政府负责组织群众转移安置。\n3.全县各级党委政府负责落实属地管理责任。\n"
              "4.社区居（村）民委员会应当予以协助和配合。\n5.增加日间照料中心。每个社区建设一处老年人活动场所。\n"
              "6.县应急管理局负责综合协调。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("县应急管理局", False)]]


def test_who_drafted_adopted_or_issued_a_document_owns_no_task(doc):
    res = doc("某省“十三五”文化改革发展专项规划\n本规划由省文化厅牵头会同省委宣传部、省新闻出版广电局编制，"
              "是指导全省文化改革发展的行动纲领。\n一、发展目标\n（一）繁荣文艺创作。（省文化厅负责）\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("省文化厅", False)]]
    res = doc("某市乡村振兴促进条例\n《某市乡村振兴促进条例》已由某市人民代表大会常务委员会第二十九次会议于2021年9月27日通过，"
              "现予公布，自2021年11月1日起施行。\n第一条 为了促进乡村振兴，制定本条例。\n")
    assert [t for t in res.extraction.tasks if t.owners] == []
    res = doc("关于推动经济高质量发展若干政策举措\n日前，某区人民政府印发关于推动经济高质量发展若干政策举措的通知。\n"
              "一、强化科技创新（区科技局牵头）\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("区科技局", True)]]


def test_lines_of_a_duty_list_opening_with_their_bodies(doc):
    # X、Y：负责…, and X。负责… where a full stop parts the body from its duty
    res = doc("某县秸秆禁烧工作实施方案\n三、职责分工\n县交通运输局、县公安局：负责国道两侧焚烧秸秆情况的巡查。\n"
              "县生态环境局。负责对全县秸秆禁烧工作实施统一监督。\n发展改革委会同有关部门研究提出了办理意见：同意立项。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [
        [("县交通运输局", False), ("县公安局", False)], [("县生态环境局", False)], [("发展改革委", False)]]


def test_a_body_named_the_competent_department(doc):
    res = doc("某市专项资金管理办法\n第二条 市科技局是专项资金的业务主管部门，负责组织项目申报、评审和绩效自评。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("市科技局", False)]]


def test_a_departments_work_points_name_its_divisions(doc):
    res = doc("某市教育局2024年工作要点\n一、加强党的建设\n1.加强思想理论武装。深化学习培训。（责任科室：组干科、机关党委）\n"
              "2.推进专利导航。开展导航项目10项。（牵头处室：专利管理处；配合处室：保护处）\n"
              "3.加快项目建设。由市人民政府各相关部门负责落实。\n4.加强安全生产。市应急局会同市政府有关部门开展专项检查。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [
        [("组干科", False), ("机关党委", False)], [("专利管理处", True), ("保护处", False)], [("市应急局", False)]]


def test_a_responsibility_table_headed_by_its_targets_and_tasks(doc):
    res = doc("2023年区政府工作目标任务落实责任分解表\n序号\t目标任务\t牵头单位\t责任单位\t责任人\n"
              "1\t推进重点项目建设。\t区发改局\t区统计局、区财政局\t张某\n")
    assert owners(task_with(res, "重点项目")) == [("区发改局", True), ("区统计局", False), ("区财政局", False)]


def test_an_emergency_plans_bodies_in_response_and_duty_sections(doc):
    # its own headquarters by their short names, the verbs of a response, a lead written after the colon,
    # a work group's members, the short name a body declares, a request to the government
    res = doc("某县地质灾害应急预案\n1 组织体系\n县人民政府地质灾害应急指挥部（以下简称县指挥部）负责统一指挥全县应急处置工作。\n"
              "县自然资源局：牵头负责地质灾害应急调查和监测。\n（1）宣传报道组\n牵头单位：县委宣传部。\n"
              "成员单位：县水利局、县应急管理局等相关单位。\n2 应急响应\n县指挥部启动Ⅳ级应急响应。\n"
              "县应急管理局调集救援力量开展抢险。\n各责任单位要及时报告存在的困难，提请县人民政府统筹协调解决。\n")
    assert sorted(tuple(owners(t)) for t in res.extraction.tasks if t.owners) == sorted([
        (("县人民政府地质灾害应急指挥部", False),), (("县自然资源局", True),),
        (("县委宣传部", True), ("县水利局", False), ("县应急管理局", False)), (("县指挥部", False),),
        (("县应急管理局", False),)])


def test_a_heading_that_is_only_a_bodys_name_under_duties(doc):
    res = doc("某市突发公共卫生事件应急预案\n2 组织体系\n2.2 应急组织机构职责\n2.2.1 市卫生应急指挥部\n"
              "贯彻落实市委、市人民政府重大决策部署，领导、指挥和协调全市突发公共卫生事件应急工作。\n"
              "2.2.2 市卫生应急指挥部办公室\n承担指挥部日常工作，督促落实指挥部决定事项。\n")
    assert [owners(t) for t in res.extraction.tasks if t.owners] == [[("市卫生应急指挥部", False)],
                                                                     [("市卫生应急指挥部办公室", False)]]


def test_a_work_groups_composition_is_no_duty(doc):
    res = doc("某县突发公共卫生事件应急预案\n2.4 工作组\n监测组：主要由县水利局、县自然资源局、县气象局抽派人员组成。\n"
              "医疗组：负责伤病员救治。\n")
    assert [(t.text[:3], owners(t)) for t in res.extraction.tasks if t.owners] == [("医疗组", [("医疗组", False)])]


def test_an_article_setting_up_a_body_with_its_duties_listed_under_it(doc):
    res = doc("某市人才工作条例\n第一条 为了落实人才强国战略，制定本条例。\n第四条 设立市人才工作领导小组，主要职责如下：\n"
              "（一）拟定、组织实施重大人才发展规划和计划；\n（二）领导和协调全市人才管理改革有关工作。\n")
    assert [(t.text[:6], owners(t)) for t in res.extraction.tasks if t.owners][1:] == [
        ("拟定、组织实", [("市人才工作领导小组", False)]), ("领导和协调全", [("市人才工作领导小组", False)])]


def test_a_lead_with_its_own_act_in_an_owner_note(doc):
    # (X牵头督导，Y配合): 牵头 followed by what the lead does still marks it
    res = doc("某市大气污染防治实施方案\n一、重点任务\n1.开展专项检查。(市应急管理局牵头督导，市公安局配合)\n"
              "2.加强执法检查。(市市场监管局牵头组织，市公安局参与)\n")
    assert owners(task_with(res, "专项检查")) == [("市应急管理局", True), ("市公安局", False)]
    assert owners(task_with(res, "执法检查")) == [("市市场监管局", True), ("市公安局", False)]
    res = doc("某县农村人居环境整治方案\n一、重点任务\n（一）推进厕所改造。（县农业农村局牵头推进，县卫生健康局配合）\n")
    assert owners(task_with(res, "厕所改造")) == [("县农业农村局", True), ("县卫生健康局", False)]


def test_an_owner_note_that_ends_with_its_deadline(doc):
    # (X牵头，Y按职责分工负责，年内持续推进), (X、Y负责，2023年底前完成): the time is no owner, the note still is one
    res = doc("国务院关于落实《政府工作报告》重点工作部门分工的意见\n一、重点工作\n"
              "（一）加大宏观政策实施力度。（国家发展改革委牵头，财政部按职责分工负责，年内持续推进）\n"
              "（二）稳外贸稳外资。（商务部、海关总署负责，2023年底前完成）\n")
    assert owners(task_with(res, "宏观政策")) == [("国家发展改革委", True), ("财政部", False)]
    assert owners(task_with(res, "稳外贸")) == [("商务部", False), ("海关总署", False)]
    res = doc("某市2023年重点工作分工方案\n一、重点任务\n1.完善统计制度。（市统计局牵头；2023年12月底前完成）\n")
    assert owners(task_with(res, "统计制度")) == [("市统计局", True)]


def test_a_responsibility_list_keeps_its_bodies_around_other_names(doc):
    # 责任单位：开发区、街道…: the bodies are kept, the names of no body left out; a comma goes on with the list
    res = doc("某区2023年重点工作任务分解方案\n一、重点任务\n1.优化营商环境。责任单位：某某经济开发区，各街道，区税务局\n"
              "2.加强监管。（责任单位：区市场监管局，区公安分局）\n")
    assert owners(task_with(res, "营商环境")) == [("区税务局", False)]
    assert owners(task_with(res, "加强监管")) == [("区市场监管局", False), ("区公安分局", False)]


def test_a_list_head_whose_bodies_carry_verbs(doc):
    # 责任单位：X牵头，Y配合 — the head names the list, the verbs say who leads
    res = doc("广西壮族自治区“十四五”知识产权发展规划\n四、重点任务\n"
              "（一）加强地理标志保护。开展地理标志专用标志使用核准。（责任单位：自治区市场监管局牵头，自治区农业农村厅配合）\n")
    assert owners(task_with(res, "专用标志使用核准")) == [("自治区市场监管局", True), ("自治区农业农村厅", False)]
    res = doc("合肥市文化旅游融合发展三年行动计划\n二、重点任务\n"
              "（三）培育夜间经济。打造夜间文旅消费集聚区5个。（责任单位：市文化和旅游局负责，市商务局、市公安局参与）\n")
    assert owners(task_with(res, "夜间文旅消费")) == [("市文化和旅游局", False), ("市商务局", False),
                                                   ("市公安局", False)]


def test_a_class_tail_with_a_level_closes_the_list(doc):
    # X、Y等省有关部门和各地级以上市人民政府按职责分工负责: the bodies before 等 are the owners
    res = doc("广东省进一步支持民间投资发展的实施方案\n一、发挥重大项目牵引作用\n"
              "2.鼓励民间资本参与交通、水利等领域重点项目。（省发展改革委、交通运输厅、水利厅、能源局等省有关部门和"
              "各地级以上市人民政府按职责分工负责）\n")
    assert owners(task_with(res, "民间资本参与")) == [("省发展改革委", False), ("交通运输厅", False), ("水利厅", False),
                                                   ("能源局", False)]
    res = doc("台州市制造业高质量发展行动方案\n二、重点任务\n"
              "（三）推进企业技术改造。（市经信局、市财政局等市直有关单位按职责分工负责）\n")
    assert owners(task_with(res, "技术改造")) == [("市经信局", False), ("市财政局", False)]


def test_lead_and_responsible_heads_in_a_traditional_note(doc):
    res = doc("湖北省人民政府關於進一步優化營商環境的若干意見\n二、主要任務\n"
              "（一）提高市場開放程度。全面實施市場準入負面清單制度。（牽頭單位：省發展改革委；責任單位：省委編辦、省自然資源廳、"
              "省生態環境廳）\n")
    assert owners(task_with(res, "负面清单")) == [("省发展改革委", True), ("省委编办", False), ("省自然资源厅", False),
                                                ("省生态环境厅", False)]


def test_the_label_of_another_field_ends_a_responsibility_list(doc):
    res = doc("某市2023年数字经济工作要点\n一、重点任务\n"
              "2.推进工业互联网平台建设。牵头单位：市工业和信息化局 责任单位：市发展改革委、市科技局 完成时间：2023年底\n"
              "3.培育数字化转型服务商。\n责任单位：市科技局、市商务局　时间节点：2023年6月\n")
    assert owners(task_with(res, "工业互联网平台")) == [("市工业和信息化局", True), ("市发展改革委", False),
                                                     ("市科技局", False)]
    assert owners(task_with(res, "转型服务商")) == [("市科技局", False), ("市商务局", False)]


def test_a_time_note_after_a_responsibility_list_is_no_part_of_a_name(doc):
    res = doc("某市2023年科技工作要点\n一、重点任务\n1.完成科技计划项目验收。\n"
              "责任单位：市科技局、市财政局（2023年底前完成）\n"
              "2.开展企业研发费用补助。责任单位：市科技局（长期坚持）\n")
    assert owners(task_with(res, "项目验收")) == [("市科技局", False), ("市财政局", False)]
    assert owners(task_with(res, "研发费用补助")) == [("市科技局", False)]


def test_local_wordings_of_the_first_listed_body_leads(doc):
    res = doc("某市优化营商环境行动方案\n二、重点任务\n（一）压缩企业开办时间。（市市场监管局、市税务局负责，"
              "排在首位的部门为牵头部门，下同）\n（二）推行“一网通办”。（市政务服务数据管理局、市公安局负责）\n")
    assert owners(task_with(res, "企业开办")) == [("市市场监管局", True), ("市税务局", False)]
    assert owners(task_with(res, "一网通办")) == [("市政务服务数据管理局", True), ("市公安局", False)]
    res = doc("某县乡村振兴工作要点\n说明：各项任务责任单位中，排在第一位的单位为牵头单位。\n一、重点任务\n"
              "1.新建高标准农田1万亩。（县农业农村局、县财政局、县自然资源局）\n")
    assert owners(task_with(res, "高标准农田")) == [("县农业农村局", True), ("县财政局", False), ("县自然资源局", False)]
    res = doc("某区2024年重点工作责任分解\n说明：第一责任单位为牵头单位。\n一、重点任务\n"
              "1.建成社区养老服务中心5个。（区民政局、区财政局）\n")
    assert owners(task_with(res, "社区养老")) == [("区民政局", True), ("区财政局", False)]


def test_a_bare_list_after_its_task_is_an_owner_note(doc):
    # 。（X、Y）: a bracket of bodies alone after the sentence names its owners; a gloss inside one does not
    res = doc("某县2024年市场监管工作要点\n一、重点任务\n1.开展食品安全专项整治行动。（县市场监管局、县公安局）\n"
              "2.加强市场监管部门（县市场监管局、县知识产权局）与公安机关的协作，完善线索移送机制。\n")
    assert owners(task_with(res, "专项整治")) == [("县市场监管局", False), ("县公安局", False)]
    assert owners(task_with(res, "线索移送")) == []


def test_a_lead_marked_inside_its_list(doc):
    # X（牵头）、Y、Z: the mark names the lead, in a 责任单位 line or in a note with no verb
    res = doc("某县2023年营商环境工作要点\n一、重点任务\n1.推进工程建设项目审批改革。\n"
              "责任单位：县住建局（牵头）、县自然资源局、县行政审批局\n"
              "2.开展涉企收费检查。（县市场监管局（牵头）、县发改局、县财政局）\n")
    assert owners(task_with(res, "审批改革")) == [("县住建局", True), ("县自然资源局", False), ("县行政审批局", False)]
    assert owners(task_with(res, "涉企收费")) == [("县市场监管局", True), ("县发改局", False), ("县财政局", False)]
    res = doc("株洲市优化营商环境三年行动方案\n二、重点任务\n（一）压缩企业开办时间。（市市场监管局（牵头）、市税务局）\n")
    assert owners(task_with(res, "企业开办")) == [("市市场监管局", True), ("市税务局", False)]


def test_responsibility_lines_name_dual_bodies(doc):
    res = doc("清河县2024年知识产权工作要点\n一、提升知识产权创造质量\n"
              "1.开展高价值专利培育行动，全年发明专利授权量达到120件。\n"
              "责任单位：县市场监管局（知识产权局）、县科技局\n"
              "2.推进商标品牌建设，新增地理标志证明商标2件。\n"
              "责任单位：县市场监管局（知识产权局）、县农业农村局\n")
    assert owners(task_with(res, "高价值专利培育")) == [("县市场监管局(知识产权局)", False), ("县科技局", False)]
    assert owners(task_with(res, "地理标志证明商标")) == [("县市场监管局(知识产权局)", False), ("县农业农村局", False)]
    res = doc("宜宾市2023年文化工作要点\n一、繁荣文艺创作\n"
              "1.实施精品创作工程，推出舞台艺术作品3部。\n"
              "责任单位：市委宣传部（市新闻出版局）、市文化广电旅游局\n")
    assert owners(task_with(res, "精品创作工程")) == [("市委宣传部(市新闻出版局)", False), ("市文化广电旅游局", False)]


def test_lead_and_responsible_lines_under_an_item(doc):
    res = doc("江门市促进民营经济高质量发展三年行动方案（2023—2025年）\n一、优化市场准入环境\n"
              "1.全面落实市场准入负面清单制度，清理违规设置的准入壁垒。\n"
              "牵头单位：市发展改革局\n责任单位：市市场监管局、市商务局\n完成时限：2023年底前\n"
              "2.深化“证照分离”改革，推行经营许可告知承诺制。\n"
              "牵头单位：市市场监管局\n责任单位：市政务服务数据管理局，各县（市、区）人民政府\n完成时限：长期坚持\n")
    assert owners(task_with(res, "准入负面清单")) == [("市发展改革局", True), ("市市场监管局", False),
                                                    ("市商务局", False)]
    assert owners(task_with(res, "告知承诺制")) == [("市市场监管局", True), ("市政务服务数据管理局", False)]


def test_a_bracketed_class_of_governments_is_one_generic_actor(doc):
    # 各县（市、区）人民政府 is one collective actor: the 、 inside its brackets splits nothing
    res = doc("湖南省“十四五”教育发展规划\n三、主要任务\n"
              "（四）加强教师队伍建设。（省教育厅牵头，省委编办、各市（州）人民政府配合）\n"
              "（五）扩大优质学位供给。（省教育厅、各县（市、区）人民政府负责）\n")
    assert owners(task_with(res, "教师队伍")) == [("省教育厅", True), ("省委编办", False)]
    assert owners(task_with(res, "优质学位")) == [("省教育厅", False)]
    res = doc("梅州市“十四五”教育事业发展规划重点任务分工表\n"
              "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
              "1\t推动义务教育优质均衡发展\t市教育局\t市财政局、各县（市、区）人民政府\t持续推进\n"
              "2\t加强教师队伍建设\t市教育局、市委编办\t市人力资源社会保障局\t2025年\n")
    assert owners(task_with(res, "优质均衡")) == [("市教育局", True), ("市财政局", False)]
    # the first of a 牵头单位 list leads (the annotation rules); the second shares the work
    assert owners(task_with(res, "教师队伍")) == [("市教育局", True), ("市委编办", False),
                                                ("市人力资源社会保障局", False)]
    plan = res.extraction.plan
    assert (plan.title, plan.start_year, plan.end_year) == ("梅州市“十四五”教育事业发展规划重点任务分工表", 2021, 2025)
    assert res.region.name == "梅州市"


def test_a_duty_table_cell_that_heads_its_lists(doc):
    res = doc("<html><body><p>某市2023年科技工作任务分工</p><table border='1'><tr><td>序号</td><td>工作任务</td>"
              "<td>责任单位</td></tr><tr><td>1</td><td>新建省级重点实验室2家</td>"
              "<td>牵头单位：市科技局<br>配合单位：市财政局、市教育局</td></tr></table></body></html>", name="tasks.html")
    assert owners(task_with(res, "重点实验室")) == [("市科技局", True), ("市财政局", False), ("市教育局", False)]
    res = doc("某县2024年民生实事任务分工\n\n序号\t工作任务\t责任单位\n"
              "1\t新增城镇就业1500人\t牵头：县人社局；配合：县财政局、县税务局\n")
    assert owners(task_with(res, "城镇就业")) == [("县人社局", True), ("县财政局", False), ("县税务局", False)]


def test_the_first_of_a_lead_list_leads(doc):
    """牵头单位：X、Y names X the lead and Y a partner, in an owner note, on a line under an item and
    in a cell that heads its lists alike; X、Y牵头 makes both leads."""
    res = doc("某省2024年知识产权工作要点\n一、强化知识产权保护\n"
              "（一）建设知识产权保护中心。（牵头单位：省知识产权局、省发展改革委；配合单位：省财政厅）\n"
              "（二）开展专项执法行动。\n牵头单位：省市场监管局、省公安厅\n责任单位：省农业农村厅\n"
              "（三）完善快速维权机制。（省知识产权局、省司法厅牵头，省商务厅配合）\n")
    assert owners(task_with(res, "保护中心")) == [("省知识产权局", True), ("省发展改革委", False), ("省财政厅", False)]
    assert owners(task_with(res, "专项执法")) == [("省市场监管局", True), ("省公安厅", False), ("省农业农村厅", False)]
    assert owners(task_with(res, "快速维权")) == [("省知识产权局", True), ("省司法厅", True), ("省商务厅", False)]
    res = doc("某县2024年民生实事任务分工\n\n序号\t工作任务\t责任单位\n"
              "1\t改造老旧小区12个\t牵头单位：县住建局、县发改局；配合单位：县财政局\n")
    assert owners(task_with(res, "老旧小区")) == [("县住建局", True), ("县发改局", False), ("县财政局", False)]


def test_a_duty_table_with_cells_one_space_apart(doc):
    res = doc("韶关市“十四五”科技创新规划重点任务分工\n\n序号 重点任务 牵头单位 配合单位\n"
              "1 建设省级新型研发机构 市科技局 市发展改革局、市财政局\n"
              "2 实施高新技术企业倍增计划 市科技局 市工业和信息化局、市税务局\n\n"
              "各单位 要 加强 协调。\n一、保障措施\n（一）加强组织领导。各单位要明确责任人。\n")
    assert owners(task_with(res, "新型研发机构")) == [("市科技局", True), ("市发展改革局", False), ("市财政局", False)]
    assert owners(task_with(res, "倍增计划")) == [("市科技局", True), ("市工业和信息化局", False), ("市税务局", False)]
    assert not [t for t in res.extraction.tasks if "协调" in t.text and t.owners]  # the sentence after is no row
    assert res.extraction.plan.title == "韶关市“十四五”科技创新规划重点任务分工"
    res = doc("某县2024年农业农村工作任务分工\n\n序号 工作任务 责任单位 完成时限\n"
              "1 新建高标准农田2万亩 县农业农村局 2024年底\n2 推进农村改厕 县农业农村局、县卫生健康局 2024年底\n")
    assert owners(task_with(res, "高标准农田")) == [("县农业农村局", False)]
    assert owners(task_with(res, "农村改厕")) == [("县农业农村局", False), ("县卫生健康局", False)]


def test_bodies_joined_by_and_in_a_duty_tables_cell(doc):
    res = doc("某县2024年营商环境优化提升重点任务清单\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
              "1\t推行企业开办一日办结\t县市场监管局\t县税务局及县公安局\t2024年6月底\n"
              "2\t压缩工程建设项目审批时间\t县住建局\t县自然资源局、县发改局和各乡镇\t2024年12月底\n")
    assert owners(task_with(res, "企业开办")) == [("县市场监管局", True), ("县税务局", False), ("县公安局", False)]
    assert owners(task_with(res, "审批时间")) == [("县住建局", True), ("县自然资源局", False), ("县发改局", False)]


# ---------------------------------------------------------------- indicators

def test_an_indicator_table_framed_in_a_box(doc):
    res = doc("吉安市“十三五”市场监管发展规划\n二、发展目标\n"
              "专栏1  “十三五”市场监管主要指标\n"
              "指标\t基期值（2015年）\t目标值（2020年）\t指标属性\n"
              "市场主体总量（万户）\t18.5\t26\t预期性\n"
              "食品抽检合格率（%）\t95\t≥97\t约束性\n"
              "三、主要任务\n（一）深化商事制度改革。推进“多证合一”。\n")
    assert indicator_rows(res) == [("市场主体总量", "万户", "18.5", 2015, "26", 2020, "expected"),
                                   ("食品抽检合格率", "%", "95", 2015, "≥97", 2020, "binding")]
    assert not res.extraction.projects  # a box of indicators is no project
    res = doc("漯河市“十四五”卫生健康事业发展规划\n二、主要目标\n"
              "专栏2 卫生健康主要发展指标\n"
              "序号\t指标名称\t单位\t2020年\t2025年\t属性\n"
              "1\t人均预期寿命\t岁\t77.6\t78.5\t预期性\n"
              "2\t每千人口执业（助理）医师数\t人\t2.6\t3.2\t预期性\n"
              "专栏3 公共卫生能力提升工程\n建设市级疾病预防控制中心实验室。\n")
    assert indicator_rows(res) == [("人均预期寿命", "岁", "77.6", 2020, "78.5", 2025, "expected"),
                                   ("每千人口执业(助理)医师数", "人", "2.6", 2020, "3.2", 2025, "expected")]
    assert [p.name for p in res.extraction.projects] == ["公共卫生能力提升工程"]


def test_the_next_caption_ends_a_table_and_period_columns_have_their_years(doc):
    res = doc("湖州市“十四五”交通运输发展规划\n二、发展目标\n"
              "表1  湖州市“十四五”交通运输发展主要指标\n"
              "序号\t指标名称\t单位\t2020年\t2025年\t属性\t责任单位\n"
              "1\t高速公路里程\t公里\t320\t400\t预期性\t市交通运输局\n"
              "2\t新能源公交车占比\t%\t75\t100\t约束性\t市交通运输局\n"
              "表2  “十四五”综合交通投资指标\n"
              "指标\t单位\t“十三五”累计\t“十四五”累计\t属性\n"
              "交通固定资产投资\t亿元\t560\t800\t预期性\n")
    assert indicator_rows(res) == [("高速公路里程", "公里", "320", 2020, "400", 2025, "expected"),
                                   ("新能源公交车占比", "%", "75", 2020, "100", 2025, "binding"),
                                   ("交通固定资产投资", "亿元", "560", 2020, "800", 2025, "expected")]
    res = doc("衢州市“十三五”水利发展规划\n二、发展目标\n"
              "表1 主要指标\n指标\t单位\t2015年\t2020年\t属性\n"
              "县级以上城市供水保证率\t%\t95\t97\t约束性\n"
              "附表2 水利投资\n指标\t单位\t“十二五”完成\t“十三五”计划\t属性\n"
              "水利建设投资\t亿元\t120\t180\t预期性\n")
    assert indicator_rows(res) == [("县级以上城市供水保证率", "%", "95", 2015, "97", 2020, "binding"),
                                   ("水利建设投资", "亿元", "120", 2015, "180", 2020, "expected")]


def test_a_comma_inside_a_names_brackets_keeps_the_table_going(doc):
    # 城镇新增就业人数（万人，累计）: the unit and how it is counted, not the end of the table
    res = doc("南平市“十四五”人力资源和社会保障事业发展规划\n二、主要目标\n"
              "表1  “十四五”人力资源和社会保障事业发展主要指标\n"
              "指标名称\t2020年基期值\t2025年目标值\t年均增长/累计\t属性\n"
              "城镇新增就业人数（万人，累计）\t[2.8]\t[3]\t—\t预期性\n"
              "基本养老保险参保人数（万人）\t180\t195\t1.6%\t预期性\n")
    assert indicator_rows(res) == [("城镇新增就业人数", "万人", "[2.8]", 2020, "[3]", 2025, "expected"),
                                   ("基本养老保险参保人数", "万人", "180", 2020, "195", 2025, "expected")]
    res = doc("六安市“十四五”文化旅游发展规划\n二、发展目标\n"
              "主要指标\n指标\t单位\t2020年\t2025年\t属性\n"
              "旅游总收入（亿元，五年累计）\t亿元\t[1500]\t[2200]\t预期性\n"
              "A级旅游景区数量（个）\t个\t60\t75\t预期性\n")
    assert indicator_rows(res) == [("旅游总收入", "亿元", "[1500]", 2020, "[2200]", 2025, "expected"),
                                   ("A级旅游景区数量", "个", "60", 2020, "75", 2025, "expected")]


def test_a_table_of_one_cell_a_line_with_numbered_names(doc):
    res = doc("某县“十四五”教育事业发展规划\n二、发展目标\n表1 “十四五”教育事业发展主要指标\n\n指标\n\n2020年\n\n2025年\n\n属性\n\n"
              "1.学前教育毛入园率(%)\n\n99\n\n99以上\n\n约束性\n\n2.普惠性幼儿园覆盖率(%)\n\n86.44\n\n90\n\n预期性\n\n"
              "三、主要任务\n1.扩大学前教育资源。新建幼儿园5所。\n")
    assert indicator_rows(res) == [("学前教育毛入园率", "%", "99", 2020, "99以上", 2025, "binding"),
                                   ("普惠性幼儿园覆盖率", "%", "86.44", 2020, "90", 2025, "expected")]


def test_a_unit_stated_above_a_table_is_every_rows(doc):
    res = doc("安康市“十四五”旅游发展规划\n二、发展目标\n表1 主要指标\n单位：万人次\n"
              "指标\t2020年\t2025年\t属性\n接待国内游客\t3500\t5000\t预期性\n接待入境游客\t12\t20\t预期性\n")
    assert indicator_rows(res) == [("接待国内游客", "万人次", "3500", 2020, "5000", 2025, "expected"),
                                   ("接待入境游客", "万人次", "12", 2020, "20", 2025, "expected")]
    res = doc("<html><body><p>黄冈市“十四五”教育事业发展规划</p><p>二、主要目标</p><p>表2 学位供给指标</p><p>单位：个</p>"
              "<table border='1'><tr><td>指标</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
              "<tr><td>公办幼儿园学位</td><td>52000</td><td>68000</td><td>预期性</td></tr>"
              "<tr><td>新增义务教育学位</td><td>—</td><td>30000</td><td>预期性</td></tr></table></body></html>",
              name="huanggang.html")
    assert indicator_rows(res) == [("公办幼儿园学位", "个", "52000", 2020, "68000", 2025, "expected"),
                                   ("新增义务教育学位", "个", None, 2020, "30000", 2025, "expected")]


def test_dash_bullets_under_a_dated_goal_state_its_targets(doc):
    # 到2025年，…。 then ——X。Y达到N件: each bullet's targets are for the year the paragraph above set
    res = doc("某市“十四五”知识产权发展规划\n一、发展目标\n到2025年，知识产权强市建设取得明显成效。\n"
              "——知识产权创造质量显著提升。每万人口高价值发明专利拥有量达到15件，PCT国际专利申请每年达到150件。\n"
              "——知识产权运用效益充分显现。知识产权质押融资额累计达到50亿元。\n"
              "二、重点任务\n（一）加强保护。完善维权机制。\n——其他要求。开展专项行动10次。\n")
    assert [(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("每万人口高价值发明专利拥有量", "件", "15", 2025), ("PCT国际专利申请", "件", "150", 2025),
        ("知识产权质押融资额", "亿元", "50", 2025)]


def test_later_sentences_of_a_dated_paragraph_state_targets_for_its_year(doc):
    # 到2027年，X达到A。Y合计超B。: both for 2027, until the next year; what was reached before is no target
    res = doc("某省关于加大科技投入的实施意见\n一、总体要求\n到2027年，全省科技创新投入达到9000亿元以上。"
              "高校和科研机构科技创新投入合计超900亿元。引导企业科技创新投入达到7000亿元。"
              "“十四五”以来全省研发经费已达到2000亿元。在生均拨款水平达到1.2万元的基础上逐步提高。"
              "到2030年，全省科技创新投入达到1.1万亿元以上。\n"
              "二、重点任务\n（一）加大投入。\n")
    assert [(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("科技创新投入", "亿元", "9000", 2027), ("高校和科研机构科技创新投入", "亿元", "900", 2027),
        ("企业科技创新投入", "亿元", "7000", 2027), ("科技创新投入", "万亿元", "1.1", 2030)]


def test_a_news_report_states_a_target_with_da(doc):
    # 达 for 达到, as reports abbreviate it
    res = doc("某报讯 日前，某省“十四五”规划纲要公布。纲要提出，到2025年每万人口高价值发明专利拥有量达12件，"
              "研发经费投入强度达2.8%。\n（来源：某日报）\n")
    assert [(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("每万人口高价值发明专利拥有量", "件", "12", 2025), ("研发经费投入强度", "%", "2.8", 2025)]


def test_paragraphs_after_a_dated_goal_in_its_item(doc):
    # （二）发展目标。到2025年，…。 then paragraphs with no year: the item's year, not the next item's
    res = doc("某市制造强市行动计划\n一、总体要求\n（二）发展目标。到2025年，初步建成先进制造业强市。\n"
              "产业能级更高。制造业增加值占全市生产总值的比重稳定在30%以上。\n展望2035年，制造业增加值比重达到35%。\n"
              "（三）基本原则。坚持创新引领，研发投入强度达到3%。\n")
    assert [(i.name, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("制造业增加值占全市生产总值的比重", "30", 2025), ("制造业增加值比重", "35", 2035)]


def test_an_indicator_table_copied_as_lines_of_single_spaces(doc):
    # 1 森林覆盖率 % 46.5 47 约束性 is a row, not a heading numbered 1 (1 总则)
    res = doc("某市生态环境保护规划\n表1 主要指标\n序号 指标 单位 2020年 2025年 属性\n1 森林覆盖率 % 46.5 47 约束性\n"
              "2 城镇污水处理率 % 95 97 约束性\n")
    assert [(i.name, i.unit, i.baseline_value, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("森林覆盖率", "%", "46.5", "47", 2025), ("城镇污水处理率", "%", "95", "97", 2025)]


def test_rows_under_a_merged_category_keep_their_units(doc):
    # the 类别 cell spans rows: later rows are a cell short, and 岁, 平方米 are units, not names
    res = doc("某市卫生健康事业发展规划\n表1 主要指标\n类别\t序号\t指标\t单位\t2020年\t2025年\t属性\n"
              "民生福祉\t1\t城镇化率\t%\t58\t65\t预期性\n2\t人均预期寿命\t岁\t79.5\t80.5\t预期性\n"
              "3\t人均体育场地面积\t平方米\t2.1\t2.6\t预期性\n")
    assert [(i.name, i.unit, i.target_value) for i in res.extraction.indicators] == [
        ("城镇化率", "%", "65"), ("人均预期寿命", "岁", "80.5"), ("人均体育场地面积", "平方米", "2.6")]


def test_a_target_with_its_year_before_the_value(doc):
    res = doc("某市新型城镇化规划\n二、发展目标\n到2025年，常住人口城镇化率由2020年的58%提高到2025年的65%。\n")
    assert [(i.name, i.unit, i.baseline_value, i.baseline_year, i.target_value, i.target_year)
            for i in res.extraction.indicators] == [("常住人口城镇化率", "%", "58", 2020, "65", 2025)]


def test_a_share_written_before_its_percentage_needs_no_verb(doc):
    res = doc("某市制造业高质量发展实施方案\n一、发展目标\n到2025年，全市制造业增加值占地区生产总值比重35%左右，"
              "战略性新兴产业占比达到30%，规模以上企业研发投入比重3。\n")
    assert [(i.name, i.unit, i.target_text, i.target_year) for i in res.extraction.indicators] == [
        ("制造业增加值占地区生产总值比重", "%", "35%左右", 2025), ("战略性新兴产业占比", "%", "30%", 2025)]


def test_glosses_in_an_indicators_name(doc):
    res = doc("某市空气质量持续改善行动方案\n一、工作目标\n到2025年，全市优良天数比例（AQI达标率）达到90%，"
              "细颗粒物（PM2.5）年均浓度控制在30微克/立方米以下，单位工业增加值能耗年均下降4%。\n")
    assert [(i.name, i.unit, i.target_value) for i in res.extraction.indicators] == [
        ("优良天数比例", "%", "90"), ("细颗粒物(PM2.5)年均浓度", "微克/立方米", "30"),
        ("单位工业增加值能耗年均下降", "%", "4")]


def test_targets_of_a_yearly_plan_are_for_its_year(doc):
    # a title naming one year: its items state that year's targets; 1.2023年… is item 1, not 1.2023
    res = doc("某市2023年政府工作报告重点工作责任分解\n一、主要预期目标\n1.地区生产总值增长6%左右。\n责任单位：市发展改革委\n"
              "2.2023年研发投入强度达到2.8%。\n责任单位：市科技局\n3.2022年城镇调查失业率为5.2%，今年控制在5.5%以内。\n"
              "4.城镇新增就业同比增长3%。\n")
    assert [(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators] == [
        ("地区生产总值增长", "%", "6", 2023), ("研发投入强度", "%", "2.8", 2023)]
    assert [(t.numbering, [o.surface for o in t.owners]) for t in res.extraction.tasks][1:3] == [
        ("1.", ["市发展改革委"]), ("2.", ["市科技局"])]
    res = doc("某市“十四五”知识产权发展规划（2021—2025年）\n一、重点任务\n1.专利质押融资额达到20亿元。\n")
    assert res.extraction.indicators == []  # a period's plan: a target needs its year


def test_this_years_target_in_a_yearly_work_plan(doc):
    # 今年 in 某县2024年工作要点 with no date given: the year its title names
    res = doc("清河县2024年知识产权工作要点\n一、工作目标\n今年，全县发明专利授权量达到120件。\n")
    assert indicator_rows(res) == [("发明专利授权量", "件", None, None, "120件", 2024, None)]
    res = doc("某市2023年科技创新工作要点\n一、主要目标\n今年，全市技术合同成交额达到50亿元以上。\n")
    assert indicator_rows(res) == [("技术合同成交额", "亿元", None, None, "50亿元以上", 2023, None)]


def test_a_year_or_a_periods_end_opening_a_clause_dates_its_targets(doc):
    res = doc("某省科技创新行动方案\n一、总体要求\n主要目标是：2025年，科技进步贡献率达到62%，每万名就业人员中研发人员"
              "达到40人年。\n“十四五”末，每万人口高价值发明专利拥有量达到3件。\n")
    assert indicator_rows(res) == [("科技进步贡献率", "%", None, None, "62%", 2025, None),
                                   ("每万名就业人员中研发人员", "人年", None, None, "40人年", 2025, None),
                                   ("每万人口高价值发明专利拥有量", "件", None, None, "3件", 2025, None)]
    # a paragraph that reports what was achieved states no target
    res = doc("某省市场监管“十四五”规划\n一、发展基础\n“十三五”期间，市场主体快速增长。“十三五”末，每万人口发明专利"
              "拥有量达到15.4件。市场主体总量从“十二五”末的275万户增加到587万户。\n")
    assert indicator_rows(res) == []


def test_targets_in_the_forms_of_thirteenth_plan_goals(doc):
    # a dash opening each goal, a modal before the verb, bounds above and below, a name holding a distance
    res = doc("某市“十三五”养老和交通发展规划\n二、发展目标\n到2020年，全面建成覆盖城乡的养老服务体系。\n"
              "——全市养老床位总数应达到15800张以上。\n——新能源公交车比重至少需达到65%。\n"
              "到2020年，空气质量优良天数比例高于80%，城镇登记失业率低于4.5%，建成区公交站点500米覆盖率达到90%以上，"
              "港口集装箱吞吐量达到300万标箱，接待游客总量达到3.6亿人次。\n")
    assert [(r[0], r[1], r[4]) for r in indicator_rows(res)] == [
        ("养老床位总数", "张", "15800张以上"), ("新能源公交车比重", "%", "65%"), ("空气质量优良天数比例", "%", ">80%"),
        ("城镇登记失业率", "%", "<4.5%"), ("建成区公交站点500米覆盖率", "%", "90%以上"), ("港口集装箱吞吐量", "万标箱", "300万标箱"),
        ("接待游客总量", "亿人次", "3.6亿人次")]


def test_targets_under_a_years_heading_and_a_year_before_the_subject(doc):
    res = doc("某省促进大数据发展行动计划\n（二）发展目标。\n1.2018年发展目标。\n政务信息资源采集率达50%以上。\n"
              "2020年目标：\n政务信息资源采集率达到80%以上。\n")
    assert [(r[0], r[4], r[5]) for r in indicator_rows(res)] == [("政务信息资源采集率", "50%以上", 2018),
                                                                 ("政务信息资源采集率", "80%以上", 2020)]
    res = doc("某区2023年推动经济高质量发展行动方案\n一、主要目标\n2023年全区社会消费品零售总额达到500亿元。"
              "2023年，全区一般公共预算收入力争完成50亿元。\n")
    assert [(r[0], r[4], r[5]) for r in indicator_rows(res)] == [("社会消费品零售总额", "500亿元", 2023),
                                                                 ("一般公共预算收入", "50亿元", 2023)]


def test_units_of_farms_and_buildings(doc):
    res = doc("某县2022年乡村振兴工作要点\n一、主要目标\n2022年，全县粮食播种面积稳定在7.3万亩以上，能繁母猪存栏量稳定在"
              "1200头左右，新建改建农房面积达到2.5万平方米。\n")
    assert [(r[0], r[1]) for r in indicator_rows(res)] == [("粮食播种面积", "万亩"), ("能繁母猪存栏量", "头"),
                                                           ("新建改建农房面积", "万平方米")]


def test_bounds_written_as_signs_and_lists_of_respective_targets(doc):
    res = doc("某区健康行动实施方案\n二、工作目标\n到2025年，本区人均健康预期寿命≥81岁；居民健康素养水平≥40%。\n"
              "到2025年，大豆、油菜种植面积分别达1800亩、38000亩；城镇、农村居民人均可支配收入分别达到44846元和37342元。\n"
              "2021—2025年，旅游人数和旅游综合收入年均分别增长20%和22%以上。\n")
    assert [(r[0], r[1], r[4]) for r in indicator_rows(res)] == [
        ("人均健康预期寿命", "岁", "≥81岁"), ("居民健康素养水平", "%", "≥40%"), ("大豆种植面积", "亩", "1800亩"),
        ("油菜种植面积", "亩", "38000亩"), ("城镇居民人均可支配收入", "元", "44846元"),
        ("农村居民人均可支配收入", "元", "37342元"), ("旅游人数年均增长", "%", "20%"), ("旅游综合收入年均增长", "%", "22%")]


def test_a_growth_and_the_level_it_reaches(doc):
    res = doc("某省旅游业发展规划\n二、发展目标\n到2020年，全市旅游总收入年均增长15%以上，达到500亿元。\n")
    assert [(r[0], r[1], r[4]) for r in indicator_rows(res)] == [("旅游总收入", "亿元", "500亿元"),
                                                                 ("旅游总收入年均增长", "%", "15%以上")]


def test_a_yearly_breakdowns_targets_compared_with_last_year(doc):
    res = doc("某市2023年政府工作报告重点工作分解\n一、主要目标\n2023年，地区生产总值比上年增长6%，进出口总额增长8%。\n"
              "1.★一般公共预算收入增长5%。（牵头单位：市财政局）\n"
              "2.城镇调查失业率全年控制在5.5%以内，粮食产量保持在120万斤以上。\n")
    assert res.extraction.plan.title == "某市2023年政府工作报告重点工作分解"
    assert [(r[0], r[1], r[5]) for r in indicator_rows(res)] == [
        ("地区生产总值增长", "%", 2023), ("进出口总额增长", "%", 2023), ("一般公共预算收入增长", "%", 2023),
        ("城镇调查失业率", "%", 2023), ("粮食产量", "万斤", 2023)]


def test_reductions_and_an_annual_plans_results_of_last_year(doc):
    res = doc("某市“十四五”节能减排综合工作方案\n一、主要目标\n到2025年，全市单位地区生产总值能源消耗比2020年下降14%，"
              "化学需氧量排放总量减少8%，每万人拥有足球场地数量达到0.9块。\n")
    assert [(r[0], r[1], r[4]) for r in indicator_rows(res)] == [
        ("单位地区生产总值能源消耗下降", "%", "14%"), ("化学需氧量排放总量减少", "%", "8%"), ("每万人拥有足球场地数量", "块", "0.9块")]
    # a notice hands the plan down; the plan's first paragraph reports last year
    res = doc("某省人民政府关于下达《某省2018年国民经济和社会发展计划》的通知\n各市州人民政府：\n"
              "《某省2018年国民经济和社会发展计划》已经省人大审议通过，现印发给你们。\n某省2018年国民经济和社会发展计划\n"
              "2017年，全省实现地区生产总值3.4万亿元，增长8%；规模工业增加值增长7.3%。\n"
              "2018年主要预期目标是：地区生产总值增长7.5%左右。\n")
    assert (res.extraction.plan.title, citations(res)) == ("某省2018年国民经济和社会发展计划", [])
    assert [(r[0], r[4], r[5]) for r in indicator_rows(res)] == [("地区生产总值增长", "7.5%左右", 2018)]


def test_a_value_written_with_thousands_separators(doc):
    res = doc("某市2023年科技工作要点\n一、主要目标\n2023年，技术合同成交额达到1,250亿元，新平整土地达到3,300公顷。\n")
    assert [(i.name, i.unit, i.target_value) for i in res.extraction.indicators] == [
        ("技术合同成交额", "亿元", "1250"), ("新平整土地", "公顷", "3300")]


def test_words_leading_into_targets_and_targets_shared_by_two(doc):
    res = doc("某市质量强市建设实施方案\n一、主要目标\n到2025年，质量整体水平进一步提高。具体指标包括制造业质量竞争力指数"
              "达到86，农产品质量安全例行监测合格率和食品抽检合格率均达到98%以上，重点推动制造业产品质量合格率达到94%。\n")
    assert [(r[0], r[4]) for r in indicator_rows(res)] == [
        ("制造业质量竞争力指数", "86"), ("农产品质量安全例行监测合格率", "98%以上"), ("食品抽检合格率", "98%以上"),
        ("制造业产品质量合格率", "94%")]


def test_a_list_of_indicators_under_their_heading_in_a_division_of_tasks(doc):
    # no year and no verb: the heading says they are indicators, for the plan's last year, of its nature
    res = doc("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案\n一、主要指标分工\n（一）约束性指标\n"
              "1.劳动年龄人口平均受教育年限12.5年。（牵头单位：市教育局；责任单位：市人社局）\n"
              "2.森林覆盖率达到15%。（牵头单位：市林业局）\n（二）预期性指标\n"
              "3.常住人口城镇化率达到86%。（预期性指标，牵头单位：市发改委）\n二、重点任务分工\n"
              "（一）加快产业升级。（牵头单位：市经信局）\n")
    assert indicator_rows(res) == [("劳动年龄人口平均受教育年限", "年", None, None, "12.5年", 2025, "binding"),
                                   ("森林覆盖率", "%", None, None, "15%", 2025, "binding"),
                                   ("常住人口城镇化率", "%", None, None, "86%", 2025, "expected")]


def test_a_target_named_by_the_topic_of_its_sentence(doc):
    # …至YEAR年达到N名的招生规模: the measure is the topic the sentence opened with, 以…为基数 its baseline
    res = doc("某省中等职业教育扩招实施方案\n一、扩大招生规模\n"
              "（一）扩大中等职业学校招生规模，以2020年实际招生人数3.2万人为基数，逐年扩大，"
              "到2023年达到4万人的招生规模。\n")
    assert indicator_rows(res) == [("中等职业学校招生规模", "万人", "3.2万人", 2020, "4万人", 2023, None)]
    res = doc("某市托育服务发展实施方案\n二、工作目标\n"
              "提高普惠托位供给能力，以2021年普惠托位1200个为基数，到2025年达到3000个的供给能力。\n")
    assert indicator_rows(res) == [("普惠托位供给能力", "个", "1200个", 2021, "3000个", 2025, None)]
    # a noun that does not close the topic names nothing
    res = doc("某市托育服务发展实施方案\n二、工作目标\n加强托育机构监管，到2025年达到3000个的规模。\n")
    assert indicator_rows(res) == []


# ---------------------------------------------------------------- citations

def test_parents_each_named_with_its_issuer(doc):
    # 按照X《A》、Y《B》要求: a body before each title stands between the trigger and the title
    res = doc("某县人民政府关于推进乡村旅游发展的实施意见\n各乡镇人民政府：\n为加快乡村旅游发展，按照省政府办公厅"
              "《关于促进乡村旅游发展的意见》（某政办发〔2021〕8号）、市政府《关于文旅融合发展的实施意见》（某政发〔2021〕3号）"
              "要求，结合我县实际，现就推进乡村旅游发展提出以下实施意见。\n一、总体要求\n坚持统筹推进。\n")
    assert citations(res) == [("关于促进乡村旅游发展的意见", True), ("关于文旅融合发展的实施意见", True)]


def test_parents_of_a_plan_made_by_its_name(doc):
    # …部署要求，…，制定甲区X实施方案: the plan is made, named instead of 本方案
    res = doc("某区环境整治实施方案\n根据《某市环境卫生管理办法》《某市城管委关于开展环境整治工作的函》等部署要求，"
              "全面推进环境整治，制定某区环境整治实施方案。\n一、工作目标\n环境明显改善。\n")
    assert citations(res) == [("某市环境卫生管理办法", True), ("某市城管委关于开展环境整治工作的函", True)]


def test_parents_of_opinions_put_forward_and_of_measures_brought_to_effect(doc):
    # 依据《X》，现就…提出如下实施意见; 为推动《Y》文件落地见效，特制定本方案
    res = doc("某市人民政府关于加强政务诚信建设的实施意见\n各区人民政府：\n为推进政府治理能力现代化，依据《某市社会信用条例》，"
              "现就本市加强政务诚信建设提出如下实施意见：\n一、总体要求\n坚持依法行政。\n")
    assert citations(res) == [("某市社会信用条例", True)]
    res = doc("某市稳经济实施方案\n为推动《某省稳经济若干措施》（某政发〔2023〕1号）文件落地见效，特制定本方案。\n"
              "一、重点任务\n（一）开展促销活动。督促银行落实降低手续费政策。\n")
    assert citations(res) == [("某省稳经济若干措施", True)]
    assert not [o for t in res.extraction.tasks for o in t.owners]  # 督促 opens a clause, not a name


def test_a_division_of_tasks_cites_the_outline_it_is_named_after(doc):
    # the division of tasks of X is another document than X, and X is its basis under its short name
    res = doc("某市人民政府办公室关于印发某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案的通知\n"
              "各县（市、区）人民政府，市政府各部门：\n现将《某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
              "任务分工方案》印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2021年11月2日\n"
              "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案\n"
              "《某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（以下简称《纲要》）已经市人民代表大会审议通过。"
              "为确保《纲要》有效实施，制定本方案。\n一、重点任务\n1.建设先进制造业基地。（牵头单位：市经信局）\n")
    assert citations(res) == [("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", True)]


def test_breakdowns_of_a_government_work_report_are_based_on_it(doc):
    res = doc("2024年区政府重点工作责任分解\n根据区人民代表大会会议通过的《政府工作报告》，现将2024年区政府重点工作"
              "责任分解如下。\n一、稳定经济增长\n1.地区生产总值增长6%左右。（区发改局负责）\n")
    assert citations(res) == [("政府工作报告", True)]
    res = doc("2024年省《政府工作报告》重点任务分工方案\n全面落实省人民代表大会会议通过的省《政府工作报告》部署，"
              "现将重点工作任务分工如下。\n一、稳定经济增长\n1.推动消费回升。（省商务厅牵头）\n")
    assert citations(res) == [("政府工作报告", True), ("政府工作报告", True)]
    # the notice names the plan with its year outside the brackets and the report inside them in 〈〉
    res = doc("某区人民政府办公室关于印发2024年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n"
              "各街道办事处，区人民政府各部门：\n2024年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已经区人民政府同意，"
              "现印发给你们。\n某区人民政府办公室\n2024年1月5日\n"
              "2024年区《政府工作报告》确定的主要目标任务责任分解方案\n一、主要预期目标\n（一）地区生产总值增长6%以上\n")
    assert {c for c in citations(res)} == {("政府工作报告", True)}


def test_a_citys_opinions_titled_as_the_provinces_they_carry_out(doc):
    res = doc("某市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知\n各县市区人民政府，市直各单位：\n"
              "《关于全面推进政务公开工作的实施意见》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n"
              "某市人民政府办公室\n2017年3月1日\n关于全面推进政务公开工作的实施意见\n"
              "根据《某省人民政府办公厅印发〈关于全面推进政务公开工作的实施意见〉的通知》（某办发〔2016〕41号）要求，"
              "结合我市实际，提出如下实施意见。\n一、总体要求\n（一）指导思想。\n")
    assert citations(res) == [("某省人民政府办公厅印发〈关于全面推进政务公开工作的实施意见〉的通知", True)]


def test_a_repealed_predecessor_is_cited_however_alike_its_title(doc):
    res = doc("某县人民政府办公室关于印发某县森林火灾应急预案（试行）的通知\n各乡镇人民政府，县级有关部门：\n"
              "现将《某县森林火灾应急预案（试行）》印发给你们，请认真贯彻执行，原2010年印发的《某县森林火灾应急预案》同时废止。\n"
              "某县人民政府办公室\n2018年5月4日\n某县森林火灾应急预案（试行）\n1.2 编制依据\n"
              "依据《中华人民共和国森林法》等法律法规，制定本预案。\n")
    assert citations(res) == [("某县森林火灾应急预案", False), ("中华人民共和国森林法", True)]


def test_a_basis_named_after_bases_in_general(doc):
    res = doc("某省市场监管“十四五”规划\n为提升市场监管现代化水平，根据国家有关规划和《某省国民经济和社会发展第十四个五年规划"
              "和二〇三五年远景目标纲要》，结合全省实际，编制本规划。\n一、发展基础\n")
    assert citations(res) == [("某省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", True)]
    res = doc("某县安全生产专项整治实施方案\n依据有关法律法规和《某省安全生产条例》，制定本方案。\n一、工作目标\n")
    assert citations(res) == [("某省安全生产条例", True)]


def test_a_plan_carrying_out_a_document_titled_almost_as_itself(doc):
    # the province's 实施方案 of the nation's 工作方案: one word apart, two documents
    res = doc("知识产权保护工作实施方案\n为贯彻落实《知识产权保护工作方案》，结合我省实际，制定本实施方案。\n一、主要目标\n")
    assert citations(res) == [("知识产权保护工作方案", True)]
    res = doc("某市卫生健康事业发展“十四五”规划\n本规划与《某省卫生健康事业发展“十四五”规划》相衔接。\n一、发展基础\n")
    assert citations(res) == [("某省卫生健康事业发展“十四五”规划", True)]


def test_a_text_whose_first_line_is_its_title_opening_with_guanyu(doc):
    res = doc("关于深化改革创新促进数字经济高质量发展的若干措施\n为深化改革创新，促进数字经济高质量发展，制定以下措施。\n"
              "一、强化创新\n（一）加大研发投入。\n")
    assert res.extraction.plan.title == "关于深化改革创新促进数字经济高质量发展的若干措施"


def test_an_interpretation_known_by_its_headings_or_its_opening(doc):
    # no 解读 anywhere: the headings of an interpretation, or the plan named with its short name first
    res = doc("某区“十四五”知识产权发展规划是区级规划体系的重要组成部分。\n一、出台和实施时间\n出台时间：2023年4月3日\n"
              "二、编制背景\n近日，中共中央、国务院印发了《知识产权强国建设纲要（2021—2035年）》。\n三、主要内容\n"
              "《规划》提出，到2025年，每万人口高价值发明专利拥有量达到15件。\n")
    assert (res.extraction.plan.doc_kind, res.extraction.plan.title) == ("interpretation", "某区“十四五”知识产权发展规划")
    res = doc("《某省市场监管现代化“十四五”规划》（以下简称《规划》）是省“十四五”重点专项规划之一，经省政府同意，"
              "由省政府办公厅印发实施。\n一、编制背景\n党的十八大以来，市场监管工作取得显著成效。\n")
    assert (res.extraction.plan.doc_kind, res.extraction.plan.title) == ("interpretation", "某省市场监管现代化“十四五”规划")
    assert [t for t in res.extraction.tasks if t.owners] == []


def test_an_approval_without_its_title_line_grants_the_plan(doc):
    res = doc("省市场监管局：\n你局《关于呈请审定〈某省知识产权“十四五”规划〉的请示》收悉。经研究，现批复如下：\n"
              "一、原则同意《某省知识产权“十四五”规划》，由省知识产权办公会议办公室印发。\n")
    assert ("某省知识产权“十四五”规划", True) in citations(res)


def test_a_librarys_shelf_mark_before_a_title_and_a_reports_dateline(doc):
    res = doc("（荆门市）荆门市市场监管“十四五”规划\n目录\n第一章 发展现状\n")
    assert res.extraction.plan.title == "荆门市市场监管“十四五”规划"
    res = doc("我国知识产权公共服务体系基本形成\n本报北京9月14日电（记者 张三）国家知识产权局近日印发《知识产权公共服务"
              "普惠工程实施方案（2023—2025年）》。\n")
    assert res.region is None or res.region.name != "北京市"
    res = doc("乡村旅游迎来新政\n某某网北京2月12日讯 甘肃省文化和旅游厅近日印发《关于加快乡村旅游发展的意见》。\n")
    assert res.region.name == "甘肃省"


def test_drafts_known_by_their_marks_not_by_a_chapters_words(doc):
    # a call for comments names the draft: the plan, without its mark, is no citation of itself
    res = doc("关于对《某市促进科技成果转化的若干措施（征求意见稿）》公开征求意见的通知\n为落实《某市“十四五”科技创新规划》，"
              "市科技局起草了《某市促进科技成果转化的若干措施（征求意见稿）》，现公开征求意见，意见请于11月23日前反馈。\n")
    plan = res.extraction.plan
    assert (plan.doc_kind, plan.title) == ("draft", "某市促进科技成果转化的若干措施")
    assert [c for c, _ in citations(res)] == ["某市“十四五”科技创新规划"]
    res = doc("某市立法条例\n目录\n第一章 总则\n第二章 地方性法规草案的起草\n第一章 总则\n第一条 为了规范立法活动，制定本条例。\n")
    assert res.extraction.plan.doc_kind == "plan"


def test_county_titles_in_the_forms_their_notices_give(doc):
    # the notice's own title leaves the county out; the document it issues names it
    res = doc("某县人民政府办公室关于印发农村人居环境整治实施方案的通知\n各乡镇人民政府，县直有关部门：\n"
              "《某县农村人居环境整治实施方案》已经县人民政府同意，现印发你们，请认真贯彻落实。\n某县人民政府办公室\n"
              "2019年3月1日\n")
    assert (res.extraction.plan.title, citations(res)) == ("某县农村人居环境整治实施方案", [])
    # an edition after the title; a portal's name cell kept as a table's cell
    res = doc("仁寿县农村人居环境整治实施方案（试行）\n一、总体要求\n依据《四川省农村人居环境整治三年行动实施方案》，制定本方案。\n")
    assert res.extraction.plan.title == "仁寿县农村人居环境整治实施方案(试行)"
    res = doc("索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |\n名 称: | 某区人民政府关于深入推进爱国卫生运动的实施方案 | ||\n"
              "各镇人民政府，区政府各委、办、局：\n为落实《某市人民政府关于深入推进爱国卫生运动的实施意见》，制定本实施方案。\n")
    assert res.extraction.plan.title == "某区人民政府关于深入推进爱国卫生运动的实施方案"
    # a year the notice hands down is no target
    res = doc("某县人民政府办公室关于下达2016年农业重点工作任务的通知\n各镇人民政府：\n现将任务分解下达，请认真抓好落实。\n")
    assert res.extraction.indicators == []


def test_parents_a_county_names_by_the_levels_above_it(doc):
    res = doc("某市安全生产专项整治三年行动总体方案\n为认真贯彻落实安全生产安排部署，根据《全国安全生产专项整治三年行动计划》"
              "和省、市《安全生产专项整治三年行动总体方案》，制定本方案。\n一、总体要求\n")
    assert citations(res) == [("全国安全生产专项整治三年行动计划", True), ("安全生产专项整治三年行动总体方案", True)]


def test_rules_procedures_and_what_their_citations_say(doc):
    # 工作规则 and 操作规程 title documents; a short name declared after a number is the same citation
    res = doc("某县人民政府工作规则\n第一章 总则\n第一条 根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，"
              "参照《某市人民政府工作规则》，结合实际，制定本规则。\n")
    assert res.extraction.plan.title == "某县人民政府工作规则"
    res = doc("某市产业发展专项资金操作规程\n第一条 为规范专项资金管理，根据《某市市级财政专项资金管理办法》（某府规〔2018〕12号，"
              "以下简称《资金管理办法》），结合工作实际，制定本规程。\n第二条 专项资金按照《资金管理办法》的规定组织实施。\n")
    assert (res.extraction.plan.title, citations(res)) == ("某市产业发展专项资金操作规程",
                                                           [("某市市级财政专项资金管理办法", True)])
    # a portal's note on the document's validity cites its basis for being repealed, no basis of the plan
    res = doc("标  题 某省人民政府办公厅关于印发某省促进就业实施方案的通知\n发文字号 某政办〔2017〕162号 时  效 根据《某省人民政府关于"
              "公布省政府规范性文件清理结果的决定》（某政〔2023〕7号），此文件宣布失效。\n某省促进就业实施方案\n")
    assert citations(res) == [("某省人民政府关于公布省政府规范性文件清理结果的决定", False)]
    assert res.extraction.plan.issuer == "某省人民政府办公厅"


def test_approvals_short_names_categories_and_lists_of_bases(doc):
    # the 送审稿 of the request an approval answers makes no draft
    res = doc("某省人民政府关于某市国土空间总体规划（2021—2035年）的批复\n某市人民政府：\n你市《关于报请审批〈某市国土空间总体"
              "规划（2021—2035年）（送审稿）〉的请示》收悉。现批复如下：\n一、原则同意《某市国土空间总体规划（2021—2035年）》。\n")
    assert res.extraction.plan.doc_kind == "plan"
    # a plan's own short name in its headings; a category before the title; bases listed one to a numbered line
    res = doc("（自然灾害类）某县全民健身实施计划（2021—2025年）\n1.2 编制依据\n（1）《中华人民共和国体育法》；\n"
              "（2）《某省全民健身实施计划》；\n二、《实施计划》目标任务\n")
    assert res.extraction.plan.title == "某县全民健身实施计划(2021—2025年)"
    assert citations(res) == [("中华人民共和国体育法", True), ("某省全民健身实施计划", True)]


def test_a_report_of_a_central_plan_naming_no_place_is_national(doc):
    res = doc("人民网北京8月3日电 （记者 张三）日前，国务院印发《全民健身计划（2021—2025年）》（以下简称《计划》）。\n"
              "《计划》明确，到2025年，经常参加体育锻炼人数比例达到38.5%。\n")
    assert (res.extraction.plan.doc_kind, res.region.name) == ("news", "中国")


def test_the_document_a_notice_issues_is_the_plan(doc):
    # the notice names what it issues in 《》; task lists, policies and arrangements are kinds of document
    res = doc("各区、市人民政府，市政府各部门：\n《某市深化新旧动能转换2024年重点工作任务》已经市政府同意，现印发给你们，"
              "请认真组织实施。\n某市人民政府办公厅\n2024年1月30日\n一、实施创新驱动发展战略\n1.建设海洋实验室。\n")
    assert (res.extraction.plan.title, citations(res)) == ("某市深化新旧动能转换2024年重点工作任务", [])
    res = doc("《关于进一步帮助市场主体纾困解难的具体实施细则》\n为深入贯彻落实省政府《关于进一步帮助市场主体纾困解难的若干"
              "政策措施》精神，结合我市实际，制定如下实施细则。\n一、落实财税支持政策\n")
    assert res.extraction.plan.title == "关于进一步帮助市场主体纾困解难的具体实施细则"
    assert citations(res) == [("关于进一步帮助市场主体纾困解难的若干政策措施", True)]


def test_a_text_without_a_title_is_not_titled_by_the_notice_it_is_based_on(doc):
    res = doc("根据《乙市人民政府关于印发乙市稳增长若干政策措施的通知》，结合甲区实际，特制定如下政策措施。\n"
              "一、支持企业\n（一）加大补贴。\n", name="measures.txt")
    assert res.extraction.plan.title == "measures"  # the file's name: the text states none
    assert citations(res) == [("乙市人民政府关于印发乙市稳增长若干政策措施的通知", True)]


def test_a_section_of_bases_lists_parents_without_a_verb(doc):
    # 1.2 编制依据 / 《X法》、《Y条例》等法律法规和《Z预案》等。: no 依据 in the sentence, the heading says it
    res = doc("某某县防汛应急预案\n1 总则\n1.1 编制目的\n为做好防汛工作，保障人民生命财产安全。\n1.2 编制依据\n"
              "《中华人民共和国防洪法》、《某某省防汛条例》等法律法规和《某某省防汛抗旱应急预案》等。\n"
              "1.3 适用范围\n本预案参考《某某市水旱灾害风险图》。\n")
    assert citations(res) == [("中华人民共和国防洪法", True), ("某某省防汛条例", True), ("某某省防汛抗旱应急预案", True),
                              ("某某市水旱灾害风险图", False)]


def test_history_cites_without_making_a_parent(doc):
    res = doc("宁波市数字经济发展“十四五”规划\n"
              "本规划根据《浙江省数字经济发展“十四五”规划》编制，规划期为2021—2025年。\n"
              "一、发展基础\n“十三五”期间，我市认真落实《宁波市数字经济发展三年行动计划》，出台《宁波市软件产业促进条例》。\n")
    assert citations(res) == [("浙江省数字经济发展“十四五”规划", True), ("宁波市数字经济发展三年行动计划", False),
                              ("宁波市软件产业促进条例", False)]
    res = doc("德州市“十三五”商务发展规划\n"
              "依据《山东省“十三五”商务发展规划》，结合我市实际，制定本规划。\n"
              "一、发展回顾\n近年来，我市先后贯彻落实《德州市加快电子商务发展实施意见》等政策，电商规模持续扩大。\n")
    assert citations(res) == [("山东省“十三五”商务发展规划", True), ("德州市加快电子商务发展实施意见", False)]


def test_a_background_that_goes_on_carrying_a_document_out_names_a_parent(doc):
    # 近年来 alone opens the background of an opinion that builds on the document it names
    res = doc("某省人民政府办公厅关于进一步支持小微企业融资的指导意见\n各市、县人民政府：\n"
              "近年来，各地、各部门认真贯彻落实《某省人民政府关于促进融资担保行业发展的意见》，取得积极成效。"
              "为进一步缓解小微企业融资难题，现提出如下意见。\n一、加大支持力度\n")
    assert citations(res) == [("某省人民政府关于促进融资担保行业发展的意见", True)]


# ---------------------------------------------------------------- traditional script and portal pages

TRADITIONAL = """廣州市知識產權事業發展“十四五”規劃

為全面加強知識產權保護，根據《“十四五”國家知識產權保護和運用規劃》，結合本市實際，制定本規劃。

一、主要目標
表1  廣州市“十四五”知識產權發展主要指標
序號	指標名稱	單位	2020年	2025年	屬性
1	每萬人口高價值發明專利擁有量	件	15.8	28	預期性
2	知識產權質押融資金額	億元	[120]	[300]	預期性

二、重點任務
（一）加強行政保護。完善跨部門執法協作機制。〔市市場監管局牽頭，市公安局、市文化廣電旅遊局配合〕
（二）推進知識產權運營。建設知識產權運營服務平臺①。
責任單位：市市場監管局（知識產權局）、市金融局

專欄1　知識產權保護體系建設工程
建設知識產權保護中心。

①知識產權運營服務平臺：指為專利、商標等知識產權的交易、許可、質押提供一站式服務的綜合平臺。
"""


def test_a_municipal_plan_in_traditional_script(doc):
    res = doc(TRADITIONAL)
    plan = res.extraction.plan
    assert (plan.title, plan.start_year, plan.end_year) == ("广州市知识产权事业发展“十四五”规划", 2021, 2025)
    assert (res.region.name, res.region.level) == ("广州市", "municipal")
    assert owners(task_with(res, "执法协作")) == [("市市场监管局", True), ("市公安局", False),
                                                ("市文化广电旅游局", False)]
    assert owners(task_with(res, "运营服务平台")) == [("市市场监管局(知识产权局)", False), ("市金融局", False)]
    assert indicator_rows(res) == [
        ("每万人口高价值发明专利拥有量", "件", "15.8", 2020, "28", 2025, "expected"),
        ("知识产权质押融资金额", "亿元", "[120]", 2020, "[300]", 2025, "expected")]
    assert terms(res)["知识产权运营服务平台"].startswith("指为专利、商标等知识产权的交易")
    assert [p.name for p in res.extraction.projects] == ["知识产权保护体系建设工程"]
    assert citations(res) == [("“十四五”国家知识产权保护和运用规划", True)]


def test_corner_quotes_of_traditional_script_are_curly_quotes(doc):
    res = doc("臺州市知識產權「十四五」規劃\n\n根據《浙江省知識產權發展「十四五」規劃》，制定本規劃。\n"
              "一、重點任務\n（一）加強保護。（市市場監管局牽頭，市公安局配合）\n")
    assert res.extraction.plan.title == "台州市知识产权“十四五”规划"
    assert citations(res) == [("浙江省知识产权发展“十四五”规划", True)]


def test_hong_kong_and_taiwan_forms_of_characters_read_as_simplified(doc):
    # 衞 (Hong Kong) and 著 for 着 (Taiwan) are forms t2s alone leaves as written; 著作權 stays 著作权
    res = doc("廣東省醫療衞生服務體系規劃（2024—2028年）\n三、主要任務\n"
              "（一）完善公共衞生體系。加強疾病預防控制能力。（省衞生健康委牽頭，省民政廳配合）\n"
              "（二）著力推進著作權保護。建立著作權登記服務平台。（省版權局、省市場監管局負責）\n")
    assert res.extraction.plan.title == "广东省医疗卫生服务体系规划(2024—2028年)"
    assert owners(task_with(res, "公共卫生体系")) == [("省卫生健康委", True), ("省民政厅", False)]
    assert task_with(res, "着力推进著作权保护").text.startswith("着力推进著作权保护。")
    assert owners(task_with(res, "著作权登记")) == [("省版权局", False), ("省市场监管局", False)]


PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>绍兴市人民政府办公室关于印发绍兴市“十四五”文化和旅游发展规划的通知 - 绍兴市人民政府</title></head>
<body>
<div class="position">当前位置：首页 &gt; 政府信息公开 &gt; 规划信息</div>
<div class="xxgk-info"><ul>
<li><span>索引号：</span>002588731/2021-123456</li>
<li><span>发布机构：</span>绍兴市人民政府办公室</li>
<li><span>文件编号：</span>绍政办发〔2021〕31号</li>
<li><span>发文日期：</span>2021-08-20</li>
</ul></div>
<div class="article">
<h1>绍兴市人民政府办公室关于印发绍兴市“十四五”文化和旅游发展规划的通知</h1>
<p>各区、县（市）人民政府，市政府各部门、各单位：</p>
<p>《绍兴市“十四五”文化和旅游发展规划》已经市政府同意，现印发给你们，请认真组织实施。</p>
<p style="text-align:right">绍兴市人民政府办公室</p>
<p style="text-align:right">2021年8月20日</p>
<p style="text-align:center"><strong>绍兴市“十四五”文化和旅游发展规划</strong></p>
<p>为推进文化和旅游深度融合发展，根据《浙江省文化和旅游发展“十四五”规划》，编制本规划。</p>
<p>二、发展目标</p>
<p>表1 绍兴市“十四五”文化和旅游发展主要指标</p>
<table border="1">
<tr><td>序号</td><td>指标名称</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>
<tr><td>1</td><td>旅游总收入</td><td>亿元</td><td>980</td><td>1500</td><td>预期性</td></tr>
<tr><td>2</td><td>国家5A级旅游景区数</td><td>个</td><td>2</td><td>3</td><td>预期性</td></tr>
</table>
<p>三、主要任务</p>
<p>（一）完善公共文化服务体系。推进城市书房建设。（市文化广电旅游局牵头，市财政局配合）</p>
<p>（二）打造文旅融合品牌。培育文旅融合示范区。〔责任单位：市文化广电旅游局、市发展改革委〕</p>
<table border="1"><tr><td><p>专栏1 文化遗产保护传承工程</p><p>建设考古遗址公园3个。</p></td></tr></table>
</div>
<div class="footer">主办单位：绍兴市人民政府办公室</div>
</body></html>
"""


def test_an_unsigned_notice_is_issued_by_the_body_its_title_opens_with(doc):
    # no signature: the covering title names the issuer, and the plan is that city's, not an addressee's
    res = doc("许政〔2024〕20号\n许昌市人民政府关于印发2024年政府工作报告重点工作任务分解的通知\n"
              "各县（市、区）人民政府，魏都区、建安区管委会，市人民政府各部门：\n现将重点工作任务予以分解，请认真贯彻落实。\n"
              "一、抓好项目建设\n1.扩大有效投资。\n责任单位：市发展改革委\n")
    assert (res.extraction.plan.issuer, res.region.name) == ("许昌市人民政府", "许昌市")


def test_a_district_named_as_another_citys_is_the_signatorys(doc):
    res = doc("区政府关于印发通州区知识产权保护示范区建设工作方案的通知\n各镇（街道）人民政府，区各委办局：\n"
              "现将《通州区知识产权保护示范区建设工作方案》印发给你们，请认真组织实施。\n南通市通州区人民政府\n2023年2月17日\n"
              "通州区知识产权保护示范区建设工作方案\n一、主要任务\n1.建设知识产权保护中心。（区市场监管局牵头）\n")
    assert (res.region.code, res.region.parent) == ("320612", "320600")
    assert res.departments["区市场监管局"].region.code == "320612"


def test_streets_and_parks_named_after_cities_name_no_region(doc):
    # a district's notice that names itself only 区人民政府: not the city of 中山路 or of 长乐山工业园区
    res = doc("区人民政府办公室关于印发2024年重点任务分解的通知\n长乐山工业园区、中山路街道、各街道办事处，区政府各部门：\n"
              "现将《2024年重点任务分解》印发给你们。\n一、推进园区建设\n1.加快长乐山工业园区和南京路步行街改造。"
              "（责任单位：区发改局）\n")
    assert res.region is None


def test_document_numbers_where_pages_and_notices_write_them(doc):
    def meta(res):
        p = res.extraction.plan
        return p.document_number, p.issuer, p.issued
    # a portal's table kept as cells when the page was saved as text
    res = doc("索 引 号: | 001008003/2022-00489 | 主题分类: | 市场监管 |\n发布机构 | 某市人民政府办公室 |\n"
              "成文日期 | 2022-10-11 | 公开方式 | 主动公开 |\n文 号: | 某政办〔2022〕73号 | 有效性 | 有效 |\n"
              "某市知识产权强市建设工作方案\n为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，特制定本工作方案。\n")
    assert meta(res) == ("某政办〔2022〕73号", "某市人民政府办公室", "2022-10-11")
    # the number beside the date under the title, or in brackets after it
    res = doc("省政府关于印发某省知识产权战略纲要的通知\n某政发〔2009〕1号 2009年1月5日\n各市、县人民政府：\n"
              "《某省知识产权战略纲要》已经省政府常务会议批准，现予印发，请认真组织实施。\n")
    assert meta(res) == ("某政发〔2009〕1号", "省政府", "2009-01-05")
    res = doc("某市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知（某办发〔2017〕2号）\n"
              "各县市区人民政府，市直各单位：\n《关于全面推进政务公开工作的实施意见》已经市人民政府同意，现印发给你们。\n"
              "某市人民政府办公室\n2017年1月10日\n")
    assert meta(res) == ("某办发〔2017〕2号", "某市人民政府办公室", "2017-01-10")


def test_a_city_portal_page_with_its_metadata_in_a_list(doc):
    res = doc(PORTAL_PAGE, name="shaoxing.html")
    plan = res.extraction.plan
    assert (plan.title, plan.document_number, plan.issuer, plan.issued) == (
        "绍兴市“十四五”文化和旅游发展规划", "绍政办发〔2021〕31号", "绍兴市人民政府办公室", "2021-08-20")
    assert (res.region.name, res.region.level) == ("绍兴市", "municipal")
    assert indicator_rows(res) == [("旅游总收入", "亿元", "980", 2020, "1500", 2025, "expected"),
                                   ("国家5A级旅游景区数", "个", "2", 2020, "3", 2025, "expected")]
    assert owners(task_with(res, "城市书房")) == [("市文化广电旅游局", True), ("市财政局", False)]
    assert owners(task_with(res, "文旅融合示范区")) == [("市文化广电旅游局", False), ("市发展改革委", False)]
    assert [p.name for p in res.extraction.projects] == ["文化遗产保护传承工程"]
    assert citations(res) == [("浙江省文化和旅游发展“十四五”规划", True)]


TRADITIONAL_PAGE = """<html><head><meta charset="utf-8"><title>咸陽市2022年科技創新工作要點</title></head><body>
<table class="info"><tr><td>索 引 號：</td><td>61040000/2022-00031</td><td>發布機構：</td><td>咸陽市人民政府辦公室</td></tr>
<tr><td>發文字號：</td><td>咸政辦發〔2022〕9號</td><td>成文日期：</td><td>2022年3月15日</td></tr></table>
<h1>咸陽市人民政府辦公室關於印發咸陽市2022年科技創新工作要點的通知</h1>
<p>《咸陽市2022年科技創新工作要點》已經市政府同意，現印發給你們，請認真抓好落實。</p>
<p style="text-align:center">咸陽市2022年科技創新工作要點</p>
<p>一、強化創新平臺建設</p>
<p>1.新建省級重點實驗室2家。（市科技局牽頭，市發展改革委、市財政局配合）</p>
<p>二、重點任務分工</p>
<table border="1">
<tr><td>序號</td><td>重點任務</td><td>牽頭單位</td><td>責任單位</td><td>完成時限</td></tr>
<tr><td>1</td><td>開展科技型中小企業評價入庫工作</td><td>市科技局</td><td>各縣（市、區）人民政府</td><td>2022年12月</td></tr>
<tr><td>2</td><td>實施重點研發計劃項目</td><td>市科技局</td><td>市財政局、市工業和信息化局</td><td>2022年12月</td></tr>
</table>
</body></html>
"""


def test_a_county_portal_metadata_table_with_other_labels(doc):
    page = ("<html><head><meta charset='utf-8'><title>信息公开</title></head><body><table class='meta'>"
            "<tr><td>名　　称：</td><td>泉州市人民政府办公室关于印发泉州市“十四五”教育发展专项规划的通知</td></tr>"
            "<tr><td>发文单位：</td><td>泉州市人民政府办公室</td><td>文　　号：</td><td>泉政办〔2021〕60号</td></tr>"
            "<tr><td>生成日期：</td><td>2021-11-02</td></tr></table><div class='content'><p>各县（市、区）人民政府：</p>"
            "<p>现将规划印发给你们，请认真贯彻执行。</p><p>一、发展基础</p><p>（一）主要成效。</p></div></body></html>")
    res = doc(page, name="quanzhou.html")
    plan = res.extraction.plan
    assert (plan.title, plan.document_number, plan.issuer, plan.issued) == (
        "泉州市“十四五”教育发展专项规划", "泉政办〔2021〕60号", "泉州市人民政府办公室", "2021-11-02")
    assert (res.region.name, plan.start_year, plan.end_year) == ("泉州市", 2021, 2025)


def test_a_portal_metadata_list_gives_the_date_without_a_signature(doc):
    page = PORTAL_PAGE.replace('<p style="text-align:right">2021年8月20日</p>', "").replace("2021-08-20", "2021-08-19")
    res = doc(page, name="shaoxing.html")
    assert (res.extraction.plan.document_number, res.extraction.plan.issued) == ("绍政办发〔2021〕31号", "2021-08-19")


def test_a_traditional_script_portal_page_with_a_duty_table(doc):
    res = doc(TRADITIONAL_PAGE, name="xianyang.html")
    plan = res.extraction.plan
    assert (plan.title, plan.document_number, plan.issuer, plan.issued, plan.start_year) == (
        "咸阳市2022年科技创新工作要点", "咸政办发〔2022〕9号", "咸阳市人民政府办公室", "2022-03-15", None)
    assert owners(task_with(res, "省级重点实验室")) == [("市科技局", True), ("市发展改革委", False), ("市财政局", False)]
    assert owners(task_with(res, "评价入库")) == [("市科技局", True)]
    assert owners(task_with(res, "重点研发计划")) == [("市科技局", True), ("市财政局", False),
                                                    ("市工业和信息化局", False)]


def test_a_title_broken_after_its_division(doc):
    res = doc("深圳市南山区\n“十四五”知识产权发展规划\n\n南山区市场监督管理局\n2021年12月\n\n一、发展基础\n")
    assert res.extraction.plan.title == "深圳市南山区“十四五”知识产权发展规划"
    assert (res.region.code, res.region.level) == ("440305", "county")  # 深圳's 南山区, not 鹤岗's
    res = doc("宜宾市知识产权\n发展规划（2021—2025年）\n\n一、发展基础\n")
    assert res.extraction.plan.title == "宜宾市知识产权发展规划(2021—2025年)"
    # an issuing body above the title is no half of it
    res = doc("宜昌市人民政府办公室\n宜昌市“十四五”知识产权发展规划\n\n一、发展基础\n")
    assert res.extraction.plan.title == "宜昌市“十四五”知识产权发展规划"


def test_a_county_title_broken_after_its_common_name(doc):
    # 长阳县 for 长阳土家族自治县: the first line opens with a division all the same
    res = doc("长阳县贯彻落实湖北省“十四五”知识产权\n保护和运用规划实施意见\n为推进全县知识产权工作，制定如下意见。\n"
              "一、总体要求\n坚持创新驱动。\n")
    assert res.extraction.plan.title == "长阳县贯彻落实湖北省“十四五”知识产权保护和运用规划实施意见"
    assert (res.region.name, res.extraction.plan.start_year) == ("长阳土家族自治县", 2021)


def test_a_signature_sealed_for_another_body(doc):
    # a joint meeting's office signs with a ministry's seal (X代章), on the name's line or the next
    for seal in ("（某某局代章）", "\n（某某局代章）"):
        res = doc("某某工作部际联席会议成员单位：\n现将《某某年度推进计划》印发给你们，请认真贯彻执行。\n"
                  f"国务院某某工作部际联席会议办公室{seal}\n2021年12月27日\n某某年度推进计划\n一、重点任务\n")
        plan = res.extraction.plan
        assert (plan.issuer, plan.issued) == ("国务院某某工作部际联席会议办公室", "2021-12-27")


def test_a_notice_issuing_a_title_that_opens_with_guanyu(doc):
    # X印发《关于…的实施意见》的通知: no 关于 before 印发, the plan is the title in 《》
    res = doc("苏州市人民政府印发《关于加强数据资源管理的实施意见》的通知\n苏府发〔2022〕15号\n各区人民政府：\n"
              "现将《关于加强数据资源管理的实施意见》印发给你们，请认真贯彻执行。\n苏州市人民政府\n2022年3月1日\n"
              "关于加强数据资源管理的实施意见\n一、总体要求\n坚持统筹推进。\n")
    plan = res.extraction.plan
    assert (plan.title, plan.issuer, plan.issued) == ("关于加强数据资源管理的实施意见", "苏州市人民政府", "2022-03-01")
    assert citations(res) == []


def test_a_portal_heading_that_cites_the_pages_own_cover(doc):
    # a portal heads the page with the cover's title in 《》, the plan's own title in 〈〉 inside it
    res = doc("《杭州市人民政府办公厅关于印发〈杭州市2023年政务公开工作要点〉的通知》\n杭政办函〔2023〕8号\n各区人民政府：\n"
              "《杭州市2023年政务公开工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。\n杭州市人民政府办公厅\n"
              "2023年4月2日\n今年的总体要求是：深入贯彻《国务院办公厅关于印发2023年政务公开工作要点的通知》精神。\n"
              "一、重点工作\n（一）推进权力清单公开。指导各区政府建立健全权力清单制度。\n")
    assert res.extraction.plan.title == "杭州市2023年政务公开工作要点"
    assert citations(res) == [("国务院办公厅关于印发2023年政务公开工作要点的通知", True)]
    assert not [o for t in res.extraction.tasks for o in t.owners]  # 指导 opens a clause, not a name


def test_a_letters_title_in_a_text_file(doc):
    # a notice, an approval or a reply titled X关于…的通知/批复/复函 is its own plan; the second line of a
    # title broken in two (…规划的通知) is none
    res = doc("某市人民政府办公室关于开展2024年知识产权执法专项行动的通知\n各区人民政府，市政府各部门：\n"
              "为加强知识产权保护，决定开展专项行动。\n一、工作任务\n（一）加强执法。（市市场监管局负责）\n")
    assert res.extraction.plan.title == "某市人民政府办公室关于开展2024年知识产权执法专项行动的通知"
    res = doc("某省人民政府办公厅关于某市申报国家知识产权强市有关问题的复函\n某市人民政府：\n你市来函收悉。现函复如下：\n"
              "一、同意你市申报。\n")
    assert res.extraction.plan.title == "某省人民政府办公厅关于某市申报国家知识产权强市有关问题的复函"
    res = doc("某省人民政府办公厅关于印发“十四五”\n某省知识产权保护规划的通知\n\n《“十四五”某省知识产权保护规划》已经省政府同意，"
              "现印发给你们。\n\n“十四五”某省知识产权保护规划\n\n一、发展基础\n")
    assert res.extraction.plan.title == "“十四五”某省知识产权保护规划"


def test_a_text_files_title_set_on_several_lines_or_covering_another(doc):
    # titles set on two or three lines read as one; a 转发 notice describes the document it forwards and a
    # decree the regulation it promulgates, their issuers placing the plan
    res = doc("国务院办公厅\n关于某省在考察工作时所提问题\n和建议办理情况的函\n国办函〔2024〕12号\n某省人民政府：\n"
              "现将有关问题和建议的办理情况函告如下：\n一、关于建设国家级新区\n发展改革委正在研究。\n")
    assert res.extraction.plan.title == "国务院办公厅关于某省在考察工作时所提问题和建议办理情况的函"
    res = doc("浙江省人民政府办公厅转发省知识产权局\n关于加强专利转化运用意见的通知\n浙政办发〔2024〕3号\n"
              "各市、县（市、区）人民政府，省政府直属各单位：\n省知识产权局《关于加强专利转化运用的意见》已经省政府同意，"
              "现转发给你们，请认真贯彻执行。\n浙江省人民政府办公厅\n2024年2月1日\n关于加强专利转化运用的意见\n"
              "一、总体要求\n（一）盘活存量专利。（省知识产权局负责）\n")
    assert (res.extraction.plan.title, res.region.name) == ("关于加强专利转化运用的意见", "浙江省")
    res = doc("杭州市人民政府令\n第345号\n《杭州市专利促进办法》已经2024年1月5日市人民政府常务会议审议通过，现予公布，"
              "自2024年3月1日起施行。\n市长　　某某\n2024年1月10日\n杭州市专利促进办法\n第一章 总则\n"
              "第一条 为促进专利创造和运用，制定本办法。\n")
    assert (res.extraction.plan.title, res.region.name) == ("杭州市专利促进办法", "杭州市")
    res = doc("浙江省人民政府办公厅关于加强行政规范性文件\n备案审查工作的通知\n各市人民政府：\n现就有关事项通知如下。\n一、总体要求\n")
    assert res.extraction.plan.title == "浙江省人民政府办公厅关于加强行政规范性文件备案审查工作的通知"
    # a 文号, a red head or an issuer above a whole title is no part of it
    for above in ("杭政发〔2021〕5号", "杭州市人民政府文件", "杭州市人民政府办公厅"):
        res = doc(f"{above}\n杭州市人民政府关于加快发展数字经济的实施意见\n各区人民政府：\n为加快发展数字经济，提出如下意见。\n"
                  "一、总体要求\n")
        assert res.extraction.plan.title == "杭州市人民政府关于加快发展数字经济的实施意见", above
    # a sentence wrapped after 通报 or 批复 is one sentence
    res = doc("某市2024年营商环境工作方案\n一、重点任务\n（一）对工作推进不力、进展缓慢、群众反映强烈的单位予以通报\n"
              "批评，并督促限期整改到位，市政务服务数据管理局负责。\n（二）涉及重大项目和重点领域的审批事项须报市人民政府批复\n"
              "后实施，市发展改革委负责做好衔接工作。\n")
    assert owners(task_with(res, "予以通报批评")) == [("市政务服务数据管理局", False)]
    assert owners(task_with(res, "批复后实施")) == [("市发展改革委", False)]


def test_an_approval_attaching_the_rules_it_approves(doc):
    # 关于同意建立X制度的批复 over its attachment X制度: the plan is the rules approved, in a text file as
    # in a page; an attachment the title only mentions (表扬…做法) leaves the letter its own plan
    res = doc("某省人民政府关于同意建立某省知识产权工作厅际联席会议制度的批复\n省知识产权局：\n"
              "你局《关于建立某省知识产权工作厅际联席会议制度的请示》收悉。现批复如下：\n"
              "同意建立某省知识产权工作厅际联席会议制度。\n附件：某省知识产权工作厅际联席会议制度\n某省人民政府\n"
              "2024年3月1日\n附件\n某省知识产权工作厅际联席会议制度\n一、主要职能\n统筹协调全省知识产权工作。\n")
    assert res.extraction.plan.title == "某省知识产权工作厅际联席会议制度"
    res = doc("某省人民政府办公厅关于对全省知识产权工作典型经验做法给予表扬的通报\n各市人民政府：\n"
              "现对以下做法予以表扬。\n附件\n全省知识产权工作典型经验做法\n一、某市建立快速维权机制\n")
    assert res.extraction.plan.title == "某省人民政府办公厅关于对全省知识产权工作典型经验做法给予表扬的通报"


# ---------------------------------------------------------------- terms

def test_a_note_under_a_table_defines_after_a_note_that_does_not(doc):
    # 注：1.[ ]内为五年累计数。2.X：是指… — the first note explains the table, the second defines a term
    res = doc("九江市“十四五”知识产权发展规划\n二、发展目标\n表1 主要指标\n指标\t单位\t2020年\t2025年\t属性\n"
              "每万人口高价值发明专利拥有量\t件\t1.2\t3\t预期性\n"
              "注：1.[ ]内为五年累计数。2.高价值发明专利：是指战略性新兴产业的发明专利、维持年限超过10年的发明专利等。\n")
    assert terms(res) == {"高价值发明专利": "是指战略性新兴产业的发明专利、维持年限超过10年的发明专利等。"}
    res = doc("丽水市“十四五”生态环境保护规划\n二、主要目标\n表1 主要指标\n指标\t单位\t2020年\t2025年\t属性\n"
              "地表水达到或好于Ⅲ类水体比例\t%\t98\t100\t约束性\n"
              "注：1.带★的为约束性指标。2.生态产品价值实现机制：指将生态产品所蕴含的价值转化为经济效益的制度安排。\n")
    assert terms(res) == {"生态产品价值实现机制": "指将生态产品所蕴含的价值转化为经济效益的制度安排。"}


def test_glossary_entries_headed_by_their_term(doc):
    res = doc("九江市“十四五”知识产权发展规划\n一、发展基础\n（一）主要成效。专利拥有量稳步增长。\n附件\n名词解释\n"
              "一、知识产权证券化\n以知识产权未来收益为支撑发行证券进行融资的方式。\n"
              "二、地理标志\n指标示某商品来源于某地区的标志。\n")
    assert terms(res) == {"知识产权证券化": "以知识产权未来收益为支撑发行证券进行融资的方式。",
                          "地理标志": "指标示某商品来源于某地区的标志。"}
    res = doc("某县“十四五”数字乡村发展规划\n附件：名词解释\n1.数字乡村\n伴随网络化、信息化在农业农村中的应用而形成的乡村发展形态。\n"
              "2.智慧农业\n指运用物联网、大数据等技术实现农业生产精准化管理的农业形态。\n")
    assert terms(res) == {"数字乡村": "伴随网络化、信息化在农业农村中的应用而形成的乡村发展形态。",
                          "智慧农业": "指运用物联网、大数据等技术实现农业生产精准化管理的农业形态。"}


# ---------------------------------------------------------------- projects

def test_a_box_of_key_projects_names_each_project(doc):
    res = doc("吉安市“十三五”市场监管发展规划\n三、主要任务\n（一）加强质量强市建设。实施质量提升工程。\n"
              "专栏2  质量提升重点工程\n1.品牌培育工程。培育江西名牌产品50个。\n2.标准化战略工程。主导制定国家标准10项。\n"
              "（二）深化商事制度改革。推进“多证合一”。\n")
    assert [p.name for p in res.extraction.projects] == ["质量提升重点工程", "品牌培育工程", "标准化战略工程"]
    text = res.clean.text  # each item's span is its line in the text
    assert [text[p.start:p.end] for p in res.extraction.projects[1:]] == ["1.品牌培育工程。培育江西名牌产品50个。",
                                                                         "2.标准化战略工程。主导制定国家标准10项。"]
    res = doc("某市“十四五”生态环境保护规划\n四、重大工程\n"
              "专栏3 生态环境重大工程\n（一）城镇污水处理提质增效工程：新建污水管网200公里。\n"
              "（二）土壤污染风险管控项目：完成受污染耕地安全利用。\n")
    assert [p.name for p in res.extraction.projects] == ["生态环境重大工程", "城镇污水处理提质增效工程",
                                                       "土壤污染风险管控项目"]
    # a box named after one project keeps its items as its text
    res = doc("某市“十四五”生态环境保护规划\n四、主要任务\n专栏4 农村人居环境整治工程\n1.农村生活污水治理。治理行政村100个。\n")
    assert [p.name for p in res.extraction.projects] == ["农村人居环境整治工程"]


def test_a_definition_under_an_articles_caption_with_a_short_name(doc):
    # 第二条(适用范围)本办法所称X(以下简称Y)是指…: the term is X
    res = doc("某市市级财政专项资金管理办法\n第一章 总则\n第二条（适用范围）本办法所称市级财政专项资金（以下简称专项资金）"
              "是指市级财政预算安排的具有专门用途的资金。\n第三条 本办法所称项目单位，是指申报专项资金的单位。\n")
    assert terms(res) == {"市级财政专项资金": "是指市级财政预算安排的具有专门用途的资金。", "项目单位": "是指申报专项资金的单位。"}


def test_a_term_with_its_short_name_before_its_definition(doc):
    res = doc("某州某某河流域保护条例\n第一章 总则\n第三条 某某河流域（以下简称流域），是指本州行政区域内以某某河为干流的区域。\n")
    assert terms(res) == {"某某河流域": "是指本州行政区域内以某某河为干流的区域。"}


def test_an_issuer_within_a_list_of_bases(doc):
    res = doc("某某县防汛应急预案\n1 总则\n1.2 编制依据\n根据《中华人民共和国防洪法》、国务院办公厅《突发事件应急预案管理办法》、"
              "《某某省防汛应急预案》，制定本预案。\n")
    assert citations(res) == [("中华人民共和国防洪法", True), ("突发事件应急预案管理办法", True), ("某某省防汛应急预案", True)]


def test_he_xian_inside_a_phrase_is_no_county(doc):
    # 和县 (安徽) also ends 市和县级, 市交通局和县、区: only a name standing alone is the county
    res = doc("某某管理办法\n第六条 所需经费由市交通局和县、区人民政府共同承担。市和县级财政予以保障。\n")
    assert res.region is None


def test_quoted_terms_defined_with_zhi_and_characterisations_that_define_nothing(doc):
    res = doc("某市数字经济发展规划\n一、发展基础\n“十三五”是我市发展进程中极不平凡的五年。“双碳”是一场广泛而深刻的系统性变革。\n"
              "二、重点任务\n（一）推进智慧城市。“一网统管”指依托城市运行管理平台实现城市运行一屏掌握。"
              "其中，“城市大脑”是指以数据资源为核心的城市数字化基础设施。\n")
    assert terms(res) == {"一网统管": "指依托城市运行管理平台实现城市运行一屏掌握。",
                          "城市大脑": "是指以数据资源为核心的城市数字化基础设施。"}


def test_a_glossary_headed_by_the_plan_it_explains(doc):
    res = doc("某市数字经济发展规划\n一、重点任务\n（一）推进智慧城市。\n附件\n《某市数字经济发展规划》名词解释\n"
              "1.“城市大脑”：指以数据资源为核心的城市数字化基础设施。\n2.“一网统管”：指依托城市运行管理平台实现城市运行一屏掌握。\n")
    assert terms(res) == {"城市大脑": "指以数据资源为核心的城市数字化基础设施。",
                          "一网统管": "指依托城市运行管理平台实现城市运行一屏掌握。"}


def test_definitions_of_what_this_plan_means_by_a_term(doc):
    res = doc("某市“十四五”养老服务体系规划\n一、总体要求\n"
              "本规划所指的特殊困难老年人，是指低保、特困、低收入家庭中的失能老年人。\n"
              "本规划中的普惠养老机构，指由政府支持、面向中低收入老年人提供服务的养老机构。\n"
              "本规划中提出的目标指标均为预期性指标。\n")
    assert terms(res) == {"特殊困难老年人": "是指低保、特困、低收入家庭中的失能老年人。",
                          "普惠养老机构": "指由政府支持、面向中低收入老年人提供服务的养老机构。"}
    res = doc("某县农村供水保障实施方案\n一、总体要求\n本方案所指农村供水工程，是指向农村居民和单位供水的公共设施。\n")
    assert terms(res) == {"农村供水工程": "是指向农村居民和单位供水的公共设施。"}


def test_a_numbered_definition_defines_the_term_without_its_number(doc):
    # notes under an indicator table (4.微创手术是指…) and a statute's list of meanings ((一)X，是指…)
    res = doc("国务院办公厅关于加强三级公立医院绩效考核工作的意见\n一、考核指标\n"
              "指标说明：\n3.日间手术是指在1日内入、出院完成的手术。\n4.微创手术是指在手术室内、麻醉状态下的腔镜手术。\n")
    assert terms(res) == {"日间手术": "是指在1日内入、出院完成的手术。", "微创手术": "是指在手术室内、麻醉状态下的腔镜手术。"}
    res = doc("某某所得税法实施条例\n第六条 个人所得的范围：\n（一）工资、薪金所得，是指个人因任职或者受雇取得的工资、薪金。\n"
              "（二）劳务报酬所得，是指个人从事劳务取得的所得。\n")
    assert terms(res) == {"工资、薪金所得": "是指个人因任职或者受雇取得的工资、薪金。",
                          "劳务报酬所得": "是指个人从事劳务取得的所得。"}
    text = res.clean.text
    assert all(text[t.start:t.end].startswith(t.term) for t in res.extraction.terms)
