"""Who is responsible, in the sentence forms of statutes, replies, contingency plans and action plans:
each convention shown in at least two hand-written documents of different levels or fields. Every
expected fact (a task's opening words, its departments in order) is what a reader takes from the
snippet."""


def owners(task):
    return [(o.surface, o.lead) for o in task.owners]


def task_with(res, phrase):
    """The innermost task holding a phrase: the shortest text that contains it."""
    return min((t for t in res.extraction.tasks if phrase in t.text), key=lambda t: len(t.text))


def all_owners(res):
    return {o.surface for t in res.extraction.tasks for o in t.owners}


# ---------------------------------------------------------------- names of bodies

def test_a_level_written_once_for_a_list_of_kinds_of_body(doc):
    res = doc("某某职业教育条例\n第一章 总则\n"
              "第五条 国务院教育行政部门、人力资源社会保障行政部门和其他有关部门在职责范围内，分别负责有关的职业教育工作。\n")
    assert owners(task_with(res, "有关的职业教育工作")) == [("国务院教育行政部门", False),
                                                          ("国务院人力资源社会保障行政部门", False)]
    res = doc("某某市养老服务条例\n第一章 总则\n"
              "第六条 市人民政府民政主管部门、卫生健康主管部门按照各自职责，负责养老服务的监督管理。\n")
    assert owners(task_with(res, "养老服务的监督管理")) == [("市人民政府民政主管部门", False),
                                                          ("市人民政府卫生健康主管部门", False)]


def test_a_government_named_by_its_level_after_a_bodies_division(doc):
    # 河北省委和省政府: the province is written once, for both
    res = doc("国务院关于某新区总体规划的批复\n一、组织实施\n河北省委和省政府要切实履行主体责任。\n")
    assert owners(task_with(res, "主体责任")) == [("河北省委", False), ("河北省政府", False)]
    res = doc("长沙市关于某某的实施意见\n一、组织保障\n长沙市委、市政府要加强组织领导。省政府要给予支持。\n")
    assert owners(task_with(res, "加强组织领导")) == [("长沙市委", False), ("长沙市政府", False)]
    assert owners(task_with(res, "给予支持")) == [("省政府", False)]  # no list: no division to share


def test_a_compound_word_inside_a_name_breaks_nothing(doc):
    # 协同 of X协同Y ends a name; 协同发展 inside one does not
    res = doc("国务院关于某新区总体规划的批复\n一、组织实施\n国家发展改革委、京津冀协同发展领导小组办公室要做好综合协调。\n")
    assert owners(task_with(res, "综合协调")) == [("国家发展改革委", False), ("京津冀协同发展领导小组办公室", False)]
    res = doc("某省关于长江经济带发展的实施意见\n一、组织实施\n推动长江经济带协同发展领导小组办公室加强统筹。"
              "省发展改革委协同省生态环境厅开展评估。\n")
    assert owners(task_with(res, "开展评估")) == [("省发展改革委", False), ("省生态环境厅", False)]


def test_a_kind_of_body_with_no_level_in_the_list_is_not_named(doc):
    # no level before the list: 教育部门 is a kind of body, not a department
    res = doc("某某市关于加强学生资助工作的通知\n一、工作任务\n（一）教育部门、财政部门要做好资助资金发放。\n")
    assert all_owners(res) == set()


def test_a_series_of_levels_is_every_province_not_a_list(doc):
    res = doc("某某代理条例\n第三章 监督管理\n"
              "第二十条 国务院专利行政部门和省、自治区、直辖市人民政府管理专利工作的部门应当加强执业活动检查。\n")
    assert owners(task_with(res, "执业活动检查")) == [("国务院专利行政部门", False)]
    res = doc("国家卫生健康委关于做好某某监测工作的通知\n一、工作要求\n"
              "（一）国家疾控局和各省、自治区、直辖市卫生健康行政部门要按月报送监测数据。\n")
    assert owners(task_with(res, "按月报送")) == [("国家疾控局", False)]


def test_a_joint_conference_of_ministries_and_its_office(doc):
    res = doc("国务院关于某某改革试点经验复制推广的通知\n五、组织实施\n"
              "国务院自由贸易试验区工作部际联席会议办公室要加强督促检查。\n")
    assert owners(task_with(res, "督促检查")) == [("国务院自由贸易试验区工作部际联席会议办公室", False)]
    res = doc("某某省促进民营经济发展行动方案\n四、保障措施\n"
              "（一）省民营经济发展工作部际联席会议办公室负责统筹协调。\n")
    assert owners(task_with(res, "统筹协调")) == [("省民营经济发展工作部际联席会议办公室", False)]


def test_a_pilot_working_group_is_a_body_pilot_cities_are_not(doc):
    res = doc("国家组织药品集中采购试点方案\n三、组织实施\n"
              "试点工作小组办公室对集中采购全过程进行指导监督。试点城市人民政府要落实配套措施。\n")
    assert owners(task_with(res, "全过程进行指导监督")) == [("试点工作小组办公室", False)]
    assert "试点城市人民政府" not in all_owners(res)
    res = doc("某某市长期护理保险试点实施方案\n五、保障措施\n"
              "（一）试点工作领导小组办公室负责日常调度。试点地区医保部门要做好经办服务。\n")
    assert owners(task_with(res, "日常调度")) == [("试点工作领导小组办公室", False)]
    assert all_owners(res) == {"试点工作领导小组办公室"}


def test_words_that_end_like_a_body_name_none(doc):
    res = doc("国务院关于加快发展现代职业教育的决定\n一、总体要求\n"
              "经过5年左右时间，职业教育基本完成由政府举办为主向政府统筹管理转变。"
              "按规定落实政府对公立院校的投入政策。允许银行将交易凭证作为审核依据。\n")
    assert all_owners(res) == set()
    res = doc("某某市政府网站集约化建设方案\n三、工作要求\n"
              "（一）政府网站在迁移前要进行安全评估。目前仍处在探索阶段。纳税人所在地税务机关核查时，单位所在地公安派出所予以配合。\n")
    assert all_owners(res) == set()


def test_collectives_of_governments_and_grades_of_hospitals_are_generic(doc):
    res = doc("国家粮食应急预案\n1 总则\n"
              "对不同等级的粮食应急工作，由中央和省级人民政府按照事权各负其责。中央和地方各级政府要增加投入。\n")
    assert all_owners(res) == set()
    res = doc("某某省公立医院绩效考核实施方案\n三、主要任务\n"
              "（一）三级公立医院要加强病案首页质量管理。（二）省卫生健康委负责考核数据质控。\n")
    assert all_owners(res) == {"省卫生健康委"}


def test_the_competent_organ_of_a_statute(doc):
    res = doc("某某专利代理条例\n第五章 附则\n"
              "第三十一条 代理国防专利事务的管理办法，由国务院专利行政部门商国家国防专利机构主管机关另行制定。\n")
    assert owners(task_with(res, "国防专利事务")) == [("国务院专利行政部门", False), ("国家国防专利机构主管机关", False)]


def test_zi_you_is_no_by(doc):
    # 由 inside 自由 and 由于 opens no 由X clause
    res = doc("某某省自由贸易试验区建设实施方案\n三、保障措施\n"
              "（一）由于省自由贸易试验区工作办公室人员不足，省委编办负责调剂编制。\n")
    assert owners(task_with(res, "调剂编制")) == [("省委编办", False)]


# ---------------------------------------------------------------- subjects of sentences

def test_a_time_written_before_the_subject(doc):
    res = doc("国务院办公厅关于加强三级公立医院绩效考核工作的意见\n三、考核程序\n"
              "2020年起，每年2月底前各省份完成辖区内考核工作，3月底前国家卫生健康委完成国家监测指标分析工作。\n")
    task = task_with(res, "国家监测指标分析")
    assert task.text.startswith("3月底前国家卫生健康委")
    assert owners(task) == [("国家卫生健康委", False)]
    res = doc("某县2024年农业农村工作要点\n二、重点工作\n"
              "（一）抓好粮食生产。6月底前县农业农村局完成高标准农田建设任务。2024年县财政局将安排衔接资金。\n")
    assert task_with(res, "高标准农田").text.startswith("6月底前县农业农村局")
    assert owners(task_with(res, "高标准农田")) == [("县农业农村局", False)]
    assert owners(task_with(res, "衔接资金")) == [("县财政局", False)]


def test_a_clause_that_opens_with_only_a_time(doc):
    res = doc("某省关于某某答复的函\n一、办理意见\n目前，省生态环境厅正在对规划进行修订。\n")
    task = task_with(res, "对规划进行修订")
    assert task.text.startswith("目前")
    assert owners(task) == [("省生态环境厅", False)]
    res = doc("某市社区卫生服务提升行动方案\n三、重点任务\n（一）加强队伍建设。年底前，市卫生健康委完成全科医生轮训。\n")
    assert owners(task_with(res, "全科医生轮训")) == [("市卫生健康委", False)]


def test_adverbs_and_prepositions_between_subject_and_verb(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n"
              "水利部也表示将积极配合做好立项工作。目前，财政部正在抓紧修改完善管理办法。"
              "扶贫办已会同交通部、水利部等部门进行了实地调查。\n")
    assert owners(task_with(res, "立项工作")) == [("水利部", False)]
    assert owners(task_with(res, "修改完善管理办法")) == [("财政部", False)]
    assert owners(task_with(res, "实地调查")) == [("扶贫办", False), ("交通部", False), ("水利部", False)]
    res = doc("某某市关于推进政务服务标准化的实施方案\n三、保障措施\n"
              "（一）市政务服务数据管理局在职责范围内负责统筹推进。\n（二）市财政局立即启动资金拨付。\n")
    assert owners(task_with(res, "统筹推进")) == [("市政务服务数据管理局", False)]
    assert owners(task_with(res, "资金拨付")) == [("市财政局", False)]


def test_two_bodies_agreeing_on_a_policy(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n林业局与财政部商定，工程区暂不实施补偿政策。\n")
    assert owners(task_with(res, "暂不实施补偿政策")) == [("林业局", False), ("财政部", False)]
    res = doc("某某市关于做好就业困难人员帮扶的通知\n二、工作措施\n"
              "（一）市人力资源社会保障局与市财政局商定，公益性岗位补贴标准每年调整一次。\n")
    assert owners(task_with(res, "补贴标准")) == [("市人力资源社会保障局", False), ("市财政局", False)]


def test_partners_named_later_in_the_subjects_sentence(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n"
              "目前，环保总局正在对规划进行修订，同时将会同发展改革委、财政部等有关部门研究纳入项目。\n")
    assert owners(task_with(res, "纳入项目")) == [("环保总局", False), ("发展改革委", False), ("财政部", False)]
    res = doc("某某县乡村振兴工作要点\n二、重点任务\n"
              "（一）县农业农村局负责编制产业规划，并会同县自然资源局做好用地保障。\n")
    assert owners(task_with(res, "用地保障")) == [("县农业农村局", False), ("县自然资源局", False)]


def test_a_request_makes_the_body_responsible_for_its_sentence(doc):
    res = doc("国务院办公厅关于抓好赋予科研机构自主权有关文件贯彻落实工作的通知\n一、工作要求\n"
              "项目管理专业机构不再承担已下放给科研单位管理的事项，请科技部、农业农村部等部门在2019年2月底前完成。"
              "请财政部在相关经费管理规定中明确差旅费报销标准。\n")
    task = task_with(res, "2019年2月底前完成")
    assert task.text.startswith("项目管理专业机构")
    assert owners(task) == [("科技部", False), ("农业农村部", False)]
    assert owners(task_with(res, "差旅费报销标准")) == [("财政部", False)]
    res = doc("某某市人民政府关于加强耕地保护的通知\n三、保障措施\n"
              "（一）补充耕地指标不足的，请市自然资源和规划局在年度计划中统筹安排。\n")
    task = task_with(res, "统筹安排")
    assert task.text.startswith("补充耕地指标不足的")
    assert owners(task) == [("市自然资源和规划局", False)]


def test_advice_makes_the_body_advised_responsible(doc):
    # a reply's or a report's 建议X做…: X is asked to act, and 建议 is no part of its name
    res = doc("国务院关于某某地区地震危险性的复函\n四、建议意见\n"
              "建议湖北省人民政府按照专家组意见，做好该地区地下振动的长期监测工作。\n")
    assert owners(task_with(res, "长期监测工作")) == [("湖北省人民政府", False)]
    res = doc("某某市审计局关于某某专项资金的审计报告\n三、审计建议\n"
              "（一）建议市财政局加快资金拨付进度。\n")
    assert owners(task_with(res, "资金拨付进度")) == [("市财政局", False)]


def test_a_body_turning_to_another_is_the_one_that_acts(doc):
    # X向Y报告/征求: X acts; Y is whom it turns to
    res = doc("国务院办公厅对某某提案的答复\n王某委员：\n"
              "对与人民群众利益密切相关的重大事项，国务院及有关部门都要向社会公开征求意见。\n")
    assert owners(task_with(res, "公开征求意见")) == [("国务院", False)]
    res = doc("某某市推进外贸稳增长实施方案\n三、保障措施\n（二）市商务局向市人民政府报送季度工作进展。\n")
    assert owners(task_with(res, "季度工作进展")) == [("市商务局", False)]
    # a generic actor turning to a body names neither as the one to act
    res = doc("国务院办公厅关于成立某某工作领导小组的通知\n"
              "领导小组成员因工作变动等需要调整的，由所在单位向领导小组办公室提出，报领导小组组长审批。\n")
    assert all_owners(res) == set()
    res = doc("某某市专项资金管理办法\n第三章 资金申报\n第八条 需要追加资金的，由主管部门向市财政局提出申请。\n")
    assert all_owners(res) == set()


def test_with_joins_two_bodies_as_and_does(doc):
    res = doc("国务院关于深圳湾口岸港方口岸区实施管辖的批复\n"
              "二、口岸区的土地使用权，由香港特别行政区政府同广东省深圳市人民政府签订国有土地租赁合同。\n")
    assert owners(task_with(res, "租赁合同")) == [("香港特别行政区政府", False), ("广东省深圳市人民政府", False)]
    res = doc("某某市促进就业实施方案\n三、保障措施\n（一）市人力资源社会保障局同市财政局共同制定补贴办法。\n")
    assert owners(task_with(res, "补贴办法")) == [("市人力资源社会保障局", False), ("市财政局", False)]
    # 同意, 同时: no second body
    res = doc("某某市促进就业实施方案\n三、保障措施\n（二）市财政局同时做好资金保障。市人民政府同意设立专项资金。\n")
    assert all("同" not in o for o in all_owners(res))


def test_income_is_no_institute(doc):
    # 所 ends names (研究所), but not in 所得: 主管税务机关 is a generic actor, and the rest is its act
    res = doc("某某所得税法实施条例\n第三章 应纳税额\n"
              "第十五条 不能正确计算应纳税所得额的，由主管税务机关核定应纳税所得额或者应纳税额。\n")
    assert all_owners(res) == set()
    res = doc("某某市企业所得税征收管理办法\n二、征收管理\n"
              "（三）账簿不全的，由市税务局核定其应纳税所得额。\n")
    assert owners(task_with(res, "应纳税所得额")) == [("市税务局", False)]


def test_by_with_no_topic_owns_its_sentence_or_the_part_after_a_semicolon(doc):
    res = doc("某某专利代理条例\n第四章 法律责任\n"
              "第二十五条 专利代理机构有下列行为之一的，由省人民政府管理专利工作的部门责令改正。\n"
              "专利代理师泄露委托人发明创造内容的，依照有关法律的规定承担法律责任；由国务院专利行政部门吊销资格证。\n"
              "第二十六条 考试合格的人员可以申请执业；考试作弊的，由国务院专利行政部门取消成绩。\n")
    task = task_with(res, "吊销资格证")
    assert task.text.startswith("专利代理师泄露委托人")
    assert owners(task) == [("国务院专利行政部门", False)]
    task = task_with(res, "取消成绩")
    assert task.text.startswith("考试作弊的")
    assert owners(task) == [("国务院专利行政部门", False)]
    res = doc("某某省安全生产条例\n第五章 法律责任\n"
              "第四十条 生产经营单位未按规定开展隐患排查的，由省应急管理厅责令限期改正；逾期未改正的，由省应急管理厅处以罚款。\n")
    task = task_with(res, "处以罚款")
    assert task.text.startswith("逾期未改正的")


def test_by_x_consulting_y(doc):
    res = doc("某某代理条例\n第五章 附则\n第三十条 具体办法由国务院专利行政部门商国务院司法行政部门另行制定。\n")
    assert owners(task_with(res, "另行制定")) == [("国务院专利行政部门", False), ("国务院司法行政部门", False)]
    res = doc("某某市最低生活保障实施办法\n第五章 附则\n第三十条 实施细则由市民政局商市财政局制定。\n")
    assert owners(task_with(res, "实施细则")) == [("市民政局", False), ("市财政局", False)]


def test_a_clause_after_an_adverbial_inside_a_numbered_item(doc):
    res = doc("国家粮食应急预案\n4 应急响应\n4.2 国家级应急响应\n"
              "（2）根据国家粮食应急工作指挥部的安排，中国储备粮管理总公司负责中央储备粮动用计划的执行。\n")
    task = task_with(res, "动用计划的执行")
    assert task.key == "1.1.1"  # the item itself, its number left out of the adverbial
    assert owners(task) == [("中国储备粮管理总公司", False)]
    res = doc("某县防汛应急预案\n3 应急响应\n3.1 响应措施\n（1）接到预警信息后，县水利局立即组织巡堤查险。\n")
    assert owners(task_with(res, "巡堤查险")) == [("县水利局", False)]


def test_a_heading_of_a_body_and_its_duties_gives_it_the_paragraph_and_items(doc):
    res = doc("国家粮食应急预案\n2 组织机构和职责\n2.1.2 国家粮食应急工作指挥部办公室及其职责\n"
              "国家粮食应急工作指挥部下设办公室，负责日常工作。办公室设在国家粮食局，由国家粮食局主要负责人兼任办公室主任。\n"
              "（1）综合有关情况，起草有关文件和简报。\n")
    assert owners(task_with(res, "负责日常工作")) == [("国家粮食应急工作指挥部办公室", False)]
    assert owners(task_with(res, "起草有关文件")) == [("国家粮食应急工作指挥部办公室", False)]
    assert "国家粮食局" not in all_owners(res)  # it only hosts the office and lends its head
    res = doc("某县森林防灭火应急预案\n2 组织体系\n2.2 县森林防灭火指挥部办公室及其职责\n"
              "县森林防灭火指挥部办公室承担指挥部日常工作。\n（1）组织编制县级森林火灾应急预案。\n")
    assert owners(task_with(res, "应急预案")) == [("县森林防灭火指挥部办公室", False)]


def test_a_ministry_named_before_2008(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n"
              "交通部将着重做好船舶污染监督管理工作，建设部将着重做好城市污水处理监督管理工作。\n")
    assert owners(task_with(res, "城市污水处理")) == [("建设部", False)]


def test_a_body_set_up_owns_what_its_sentence_goes_on_to_say(doc):
    res = doc("国家组织药品集中采购和使用试点方案\n四、组织实施\n"
              "由国家医保局、国家卫生健康委组成国家组织集中采购试点工作小组（以下简称试点工作小组），领导试点工作。"
              "在试点工作小组领导下，成立联合采购办公室，代表试点地区开展集中采购。\n")
    assert owners(task_with(res, "领导试点工作")) == [("国家组织集中采购试点工作小组", False)]
    task = task_with(res, "代表试点地区")
    assert task.text.startswith("在试点工作小组领导下")
    assert owners(task) == [("联合采购办公室", False)]
    res = doc("某某市创建全国文明城市工作方案\n三、组织保障\n"
              "（一）成立市创建工作指挥部，统筹推进创建工作。市创建工作指挥部下设办公室，负责日常工作。\n")
    assert owners(task_with(res, "统筹推进创建工作")) == [("市创建工作指挥部", False)]
    # 下设办公室: the duty is the office's, which the text does not name in full here
    assert not [t for t in res.extraction.tasks if t.text.startswith("市创建工作指挥部下设")]
    res = doc("国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n四、加强组织领导\n"
              "成立城镇小区配套幼儿园治理工作小组，组长由国务院副秘书长担任，成员由教育部、民政部负责同志组成。\n")
    assert all_owners(res) == set()  # set up and made up, given no duty


def test_a_body_described_keeps_the_duty_its_sentence_gives(doc):
    res = doc("国家组织药品集中采购和使用试点方案\n四、组织实施\n"
              "试点工作小组办公室设在国家医保局，由国家卫生健康委、国家药监局选派人员参加，具体负责组织开展试点。"
              "联合采购办公室由试点城市各派1名代表组成，负责实施集中采购。\n")
    assert owners(task_with(res, "组织开展试点")) == [("试点工作小组办公室", False)]
    assert owners(task_with(res, "实施集中采购")) == [("联合采购办公室", False)]
    res = doc("某县防汛抗旱应急预案\n2 组织体系\n"
              "县防汛抗旱指挥部办公室设在县水利局，办公室主任由县水利局局长兼任，负责指挥部日常工作。\n")
    assert owners(task_with(res, "指挥部日常工作")) == [("县防汛抗旱指挥部办公室", False)]


def test_an_item_titled_by_a_body_keeps_the_by_clause_of_its_text(doc):
    res = doc("国家组织药品集中采购和使用试点方案\n五、采购程序\n（二）联合采购办公室下设工作组。\n"
              "3.集中采购小组。负责集中采购具体实施工作，由联合采购办公室对集中采购小组成员进行培训。\n")
    assert owners(task_with(res, "集中采购具体实施")) == [("集中采购小组", False), ("联合采购办公室", False)]
    res = doc("某市重污染天气应急预案\n4 应急响应\n4.1 职责分工\n"
              "1.综合协调组。负责统筹协调应对工作，由市生态环境局对成员单位进行培训。\n")
    assert owners(task_with(res, "统筹协调应对")) == [("综合协调组", False), ("市生态环境局", False)]


def test_what_a_subject_says_after_its_colon_is_its_task(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n"
              "发展改革委会同有关部门研究提出了办理意见：待你省上报项目建议书后，交通部将进行行业审查，发展改革委将尽快研究办理。\n")
    task = task_with(res, "行业审查")
    assert task.text.startswith("发展改革委会同有关部门")
    assert owners(task) == [("发展改革委", False), ("交通部", False)]
    res = doc("某省人民政府办公厅关于省人大代表建议办理情况的通报\n二、办理情况\n"
              "省交通运输厅研究提出了办理意见：省财政厅将安排专项资金，省自然资源厅负责保障项目用地。\n")
    assert owners(task_with(res, "保障项目用地")) == [("省交通运输厅", False), ("省财政厅", False), ("省自然资源厅", False)]


def test_the_body_a_subject_works_with_later_in_its_sentence(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n水利部也表示将积极配合发展改革委做好该项目的立项工作。\n")
    assert owners(task_with(res, "立项工作")) == [("水利部", False), ("发展改革委", False)]
    res = doc("某县乡村振兴工作要点\n二、重点任务\n（三）县财政局负责资金保障，并协助县农业农村局做好项目验收。\n")
    assert owners(task_with(res, "项目验收")) == [("县财政局", False), ("县农业农村局", False)]


def test_a_bare_ending_stands_for_the_body_named_in_full_before(doc):
    res = doc("国务院关于印发国家职业教育改革实施方案的通知\n七、加强组织领导\n（二十）完善国务院职业教育工作部际联席会议制度。\n"
              "联席会议由教育、财政等单位组成。联席会议统筹协调全国职业教育工作。\n")
    task = task_with(res, "统筹协调全国职业教育")
    assert task.text.startswith("联席会议统筹协调")
    assert owners(task) == [("国务院职业教育工作部际联席会议", False)]
    res = doc("某县防汛抗旱应急预案\n2 组织体系\n县人民政府设立县防汛抗旱指挥部。\n3 应急响应\n"
              "3.1 指挥部负责组织会商，发布预警信息。\n")
    assert owners(task_with(res, "组织会商")) == [("县防汛抗旱指挥部", False)]


def test_a_bare_ending_never_named_in_full_is_no_owner(doc):
    res = doc("某市关于加强安全生产工作的通知\n三、保障措施\n（一）领导小组负责统筹协调。\n")
    assert all_owners(res) == set()


def test_a_body_that_says_what_it_will_do(doc):
    res = doc("国务院办公厅关于某某建议办理情况的函\n一、办理意见\n农业部也表示，对你省的农业产业化项目将继续予以重点支持。\n")
    task = task_with(res, "农业产业化项目")
    assert task.text.startswith("农业部也表示")
    assert owners(task) == [("农业部", False)]
    res = doc("某市人民政府办公室关于市人大代表建议办理情况的通报\n二、办理情况\n"
              "市发展改革委表示，将加快推进城区停车场项目审批。\n")
    assert owners(task_with(res, "停车场项目审批")) == [("市发展改革委", False)]


# ---------------------------------------------------------------- the State Council as an actor

def test_the_state_council_owns_the_clauses_it_opens(doc):
    res = doc("某某委员会工作规则\n第三章 科学民主决策\n"
              "十、国务院在作出重大决策前，要听取专家学者的意见。\n"
              "十一、国务院及各部门要完善决策机制，健全决策程序。\n"
              "十二、国务院根据经济社会发展需要，适时提出法律议案。\n")
    assert owners(task_with(res, "听取专家学者")) == [("国务院", False)]
    assert owners(task_with(res, "完善决策机制")) == [("国务院", False)]
    assert owners(task_with(res, "适时提出法律议案")) == [("国务院", False)]
    res = doc("国务院关于某某体制改革的决定\n五、组织实施\n国务院将适时组织开展督查，各地区要抓好落实。\n")
    assert owners(task_with(res, "组织开展督查")) == [("国务院", False)]


def test_the_state_council_approving_hosting_or_led_is_no_owner(doc):
    res = doc("某某粮食应急预案\n4 应急响应\n"
              "4.1 经国务院同意，国家粮食局会同国务院有关部门组织实施。\n"
              "4.2 确需动用中央储备的，由国务院批准。国务院领导同志要亲自部署。\n")
    assert all_owners(res) == {"国家粮食局"}
    res = doc("某省人民政府关于某某试点的请示\n三、有关建议\n"
              "建议由国务院组织有关部门开展检查。国务院部门制定的规范性文件，由本部门审核。\n")
    assert all_owners(res) == set()


def test_a_name_the_state_council_hosts_is_not_cut_short(doc):
    res = doc("某某税收征收管理办法\n第一章 总则\n第三条 国务院税务主管部门负责制定具体操作办法。\n")
    assert owners(task_with(res, "具体操作办法")) == [("国务院税务主管部门", False)]


# ---------------------------------------------------------------- lists and clauses

def test_a_list_of_bodies_goes_on_after_collectives(doc):
    res = doc("某某工作规则\n第二章 职责\n五、各部、各委员会、人民银行、审计署根据法律，在本部门的职权范围内制定规章。\n")
    assert owners(task_with(res, "制定规章")) == [("人民银行", False), ("审计署", False)]
    res = doc("某市优化营商环境行动方案\n三、保障措施\n（一）各委办局、市财政局要保障工作经费。\n")
    assert owners(task_with(res, "保障工作经费")) == [("市财政局", False)]


def test_a_body_before_a_verb_and_de_is_a_noun_not_a_clause(doc):
    res = doc("某某指导意见\n二、主要任务\n（四）国家粮食局制定的规范性文件，由本部门法制机构审核。\n")
    assert all_owners(res) == set()
    res = doc("某市规范性文件管理办法\n第二章 审核\n第六条 市司法局确定的审核人员，应当具备法律职业资格。\n")
    assert all_owners(res) == set()


def test_a_short_clause_with_its_own_act_is_its_own_task(doc):
    res = doc("某某工作规则\n第七章 工作安排\n三十四、各地区要认真落实年度工作安排。国务院办公厅适时作出通报。\n")
    task = task_with(res, "适时作出通报")
    assert task.text.startswith("国务院办公厅适时作出通报")
    assert owners(task) == [("国务院办公厅", False)]
    res = doc("某县乡村振兴工作要点\n二、重点任务\n（三）加快补齐基础设施短板。县统计局定期通报进展。\n")
    assert task_with(res, "定期通报进展").text.startswith("县统计局")


def test_a_list_of_bodies_ends_with_its_sentence(doc):
    res = doc("国务院办公厅关于某某提案的答复\n总理十分重视，批示发展改革委、科技部认真研究。有关部门根据批示进行了调研。\n")
    assert all_owners(res) == set()
    res = doc("某市人民政府办公室关于某某建议的答复\n市长批示市发展改革委、市财政局认真研究。有关部门根据批示进行了调研。\n")
    assert all_owners(res) == set()


def test_a_designation_makes_the_body_responsible(doc):
    res = doc("国务院办公厅关于某某专用号牌有关事项的通知\n一、号牌管理\n"
              "交通运输部为专用号牌及配套证件的核发主管单位。驾驶人员须持相应驾驶证。\n")
    task = task_with(res, "核发主管单位")
    assert task.text.startswith("交通运输部为")
    assert owners(task) == [("交通运输部", False)]
    res = doc("某市老旧小区改造实施方案\n四、保障措施\n（一）加强组织领导。市住房城乡建设局为本方案实施的牵头单位，"
              "市财政局为配合单位。\n")
    assert owners(task_with(res, "本方案实施的牵头单位")) == [("市住房城乡建设局", True)]
    assert owners(task_with(res, "为配合单位")) == [("市财政局", False)]


def test_a_list_head_in_brackets_with_no_colon(doc):
    res = doc("某市优化营商环境行动方案\n二、重点任务\n（一）推进企业开办便利化。压缩企业开办时间。\n"
              "【责任单位】市市场监管局、市中级人民法院\n")
    assert owners(task_with(res, "压缩企业开办时间")) == [("市市场监管局", False), ("市中级人民法院", False)]
    res = doc("某省数字政府建设工作要点\n一、重点任务\n1.推进政务数据共享。建成省级数据共享平台。"
              "【牵头单位】省大数据局 【配合单位】省财政厅\n")
    assert owners(task_with(res, "数据共享平台")) == [("省大数据局", True), ("省财政厅", False)]


# ---------------------------------------------------------------- a body speaking of itself

def test_we_in_a_forwarded_report_is_its_author(doc):
    res = doc("国务院办公厅转发国家海洋局关于加强海洋灾害防御工作意见的报告的通知\n"
              "国家海洋局《关于加强海洋灾害防御工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。\n"
              "关于加强海洋灾害防御工作意见的报告\n一、工作意见\n"
              "（一）加强宣传教育。我局将尽快向沿海各地提供海洋灾害科普材料。\n")
    task = task_with(res, "海洋灾害科普材料")
    assert task.text.startswith("我局将尽快")
    assert owners(task) == [("国家海洋局", False)]
    res = doc("某某部关于做好2020年农村公路养护工作的通知\n各省、自治区、直辖市交通运输厅：\n"
              "一、工作要求\n（一）加强督导。我部将适时组织开展专项检查。\n")
    assert owners(task_with(res, "专项检查")) == [("某某部", False)]


def test_we_that_no_author_of_that_ending_answers_is_no_owner(doc):
    res = doc("国务院办公厅关于某某县地质灾害有关问题的复函\n某省人民政府：\n"
              "一、有关情况\n你省请示收悉。我部将会同有关方面研究。\n")
    assert all_owners(res) == set()


def test_what_a_body_has_done_is_no_duty(doc):
    res = doc("国务院办公厅转发国家海洋局关于2020年海洋灾害趋势的报告的通知\n关于2020年海洋灾害趋势的报告\n一、有关情况\n"
              "自80年代以来，我局每年都组织海洋灾害趋势会商。我局于2020年1月6日至9日召开全国海洋灾害会商会。\n"
              "国家海洋局在综合分析各地资料的基础上，确定了重点防御区。\n")
    assert all_owners(res) == set()
    res = doc("某省人民政府关于某某地质灾害防治情况的报告\n一、工作情况\n"
              "省地震局于2019年3月5日在某村设立了监测点。近年来省自然资源厅按照部署，开展了隐患排查。\n"
              "二、下步工作\n省自然资源厅要于2020年6月30日前完成隐患点核查。\n")
    assert all_owners(res) == {"省自然资源厅"}
    assert owners(task_with(res, "隐患点核查")) == [("省自然资源厅", False)]


def test_an_office_ending_in_jigou_is_a_body_only_with_its_level(doc):
    res = doc("某某工作规则\n第四章 依法行政\n二十五、行政法规草案由国务院法制机构审查或组织起草。\n")
    assert owners(task_with(res, "审查或组织起草")) == [("国务院法制机构", False)]
    res = doc("某省规范性文件管理办法\n第二章 审核\n第八条 省政府法制机构负责规范性文件的合法性审核。"
              "医疗机构要配合做好相关工作。\n")
    assert owners(task_with(res, "合法性审核")) == [("省政府法制机构", False)]
    assert all_owners(res) == {"省政府法制机构"}


def test_a_verb_or_preposition_opens_no_name(doc):
    res = doc("某某粮食应急预案\n2 组织体系\n2.1 指挥部办公室职责\n（1）根据市场动态，向国家粮食应急工作指挥部提出行动建议。\n"
              "（2）领导首都机场管理委员会做好保障工作。\n")
    assert not {"向国家粮食应急工作指挥部", "领导首都机场管理委员会"} & all_owners(res)
    res = doc("某市人民政府办公室关于某某建议的答复\n市长十分重视，批示市发展改革委认真研究。\n")
    assert "批示市发展改革委" not in all_owners(res)
    res = doc("某市关于推广政府和社会资本合作模式的实施意见\n现就推广政府和社会资本合作模式提出以下实施意见。\n"
              "一、总体要求\n现将有关事项通知如下。\n")
    assert all_owners(res) == set()


def test_a_body_that_asks_others_owns_nothing(doc):
    res = doc("国务院关于加强安全生产工作的通知\n一、工作要求\n国务院要求，各地区、各部门要切实加强安全生产工作。\n")
    assert all_owners(res) == set()
    res = doc("某市人民政府关于做好防汛工作的通知\n一、工作要求\n市政府要求各区县立即开展隐患排查。市水务局负责技术指导。\n")
    assert all_owners(res) == {"市水务局"}


def test_lines_of_an_unnumbered_duty_list_are_their_bodies_tasks(doc):
    # 四、职责分工 / 区教委：负责…: a line each, owned by the body before its colon
    res = doc("某区烟花爆竹禁放工作方案\n四、职责分工\n区委宣传部：负责禁放宣传报道。\n区教委：负责中小学生禁放教育。\n"
              "联系人：张某某\n")
    assert [(t.text[:5], owners(t)) for t in res.extraction.tasks if t.owners] == [
        ("区委宣传部", [("区委宣传部", False)]), ("区教委:负", [("区教委", False)])]


def test_a_bracket_of_levels_inside_a_name_opens_no_clause(doc):
    # 县(市)林业局: no second clause from 林业局 on; 市、县(市)区人民政府: no 区人民政府 cut from a series
    res = doc("某某古树名木保护条例\n第五条 县(市)林业局负责本行政区域内古树名木的保护管理。\n"
              "第六条 市、县(市)区人民政府应当加强领导。\n")
    assert [(t.text[:7], owners(t)) for t in res.extraction.tasks if t.owners] == [("县(市)林业局", [("县(市)林业局", False)])]


def test_words_of_a_statute_that_open_no_name(doc):
    # 必须经X, 协助X, 是指X: a verb before a body is no part of its name; 县市人民政府 and 街道办事处 are generic
    res = doc("某市专项资金管理办法\n第九条 确需调整专项资金用途的，必须经市财政局审核后报市人民政府批准。\n"
              "第十条 市公安局负责现场警戒，协助市交通运输局做好交通管制。\n"
              "第十一条 本办法所称评议，是指常委会听取公众意见的活动。\n"
              "第十二条 县市人民政府和有关部门应当做好湿地保护工作。各乡（镇）政府、街道办事处应当落实巡查责任。\n")
    assert {o for t in res.extraction.tasks for o in owners(t)} == {("市公安局", False), ("市交通运输局", False)}
    assert [t.text[:5] for t in res.extraction.tasks if t.owners] == ["市公安局负"]


def test_the_drafters_a_joint_notice_names_without_de_own_nothing(doc):
    # X、Y和Z联合制定《W》。现印发你们: the issuers drafted it; W's own items give the duties
    res = doc("某某部、某某部和某某总社关于印发2024年全国农资打假工作要点的通知\n各省、自治区、直辖市农业农村厅：\n"
              "农业农村部、公安部和供销合作总社联合制定《2024年全国农资打假工作要点》。现印发你们，请认真贯彻执行。\n"
              "2024年全国农资打假工作要点\n一、重点任务\n（一）加强监管。（农业农村部牵头）\n")
    assert [(t.text[:6], owners(t)) for t in res.extraction.tasks if t.owners] == [("加强监管。(", [("农业农村部", True)])]
    # a plan's task to draft rules keeps its owners
    res = doc("某市知识产权发展规划\n一、重点任务\n（一）完善制度。市市场监管局会同市财政局制定《某市专利资助管理办法》。\n")
    assert owners(task_with(res, "专利资助")) == [("市市场监管局", False), ("市财政局", False)]


def test_the_drafters_a_covering_notice_names_own_nothing(doc):
    # X会同Y拟定的《Z》已经…同意: who drafted the plan is no owner of the notice's sentence; the plan's own
    # sentences give the duties
    res = doc("某省人民政府办公厅关于印发某省专利转化运用专项行动实施方案的通知\n各市人民政府，省政府各部门：\n"
              "省知识产权局会同省财政厅、省科技厅等部门拟定的《某省专利转化运用专项行动实施方案》已经省政府同意，"
              "现印发给你们，请认真贯彻执行。\n某省专利转化运用专项行动实施方案\n一、重点任务\n"
              "（一）梳理盘活高校存量专利。省教育厅会同省知识产权局组织高校开展存量专利筛选评估。\n")
    assert "省财政厅" not in all_owners(res)
    assert owners(task_with(res, "存量专利筛选")) == [("省教育厅", False), ("省知识产权局", False)]
    res = doc("某市人民政府关于转发市发展改革委某市节能降碳行动方案的通知\n各区人民政府：\n"
              "市发展改革委会同市生态环境局研究制定的《某市节能降碳行动方案》已经市政府同意，现转发给你们，请遵照执行。\n")
    assert all_owners(res) == set()


# ---------------------------------------------------------------- a body the document sets up

def test_the_duties_of_a_body_set_up_are_its_own_led_by_its_lead_unit(doc):
    # a joint meeting: duties one to a semicolon under a heading that names no body, the lead unit
    # declared where its members are listed (X为牵头单位)
    res = doc("湖北省人民政府关于同意建立湖北省知识产权工作联席会议制度的批复\n省市场监管局：\n同意建立湖北省知识产权工作联席会议制度。\n"
              "湖北省知识产权工作联席会议制度\n为加强统筹协调，建立湖北省知识产权工作联席会议（以下简称联席会议）制度。\n"
              "一、主要职责\n研究拟订全省知识产权发展规划；统筹协调知识产权保护重大事项；督促检查有关政策落实情况。\n"
              "二、成员单位\n联席会议由省市场监管局、省科技厅、省司法厅组成，省市场监管局为牵头单位。\n"
              "联席会议办公室设在省市场监管局，承担联席会议日常工作。\n"
              "三、工作规则\n联席会议办公室要及时向各成员单位通报工作情况。\n")
    body = "湖北省知识产权工作联席会议"
    assert owners(task_with(res, "统筹协调知识产权保护重大事项")) == [(body, False), ("省市场监管局", True)]
    assert owners(task_with(res, "督促检查有关政策落实情况")) == [(body, False), ("省市场监管局", True)]
    assert owners(task_with(res, "通报工作情况")) == [(body + "办公室", False)]
    assert owners(task_with(res, "承担联席会议日常工作")) == [(body + "办公室", False)]
    assert not [t for t in res.extraction.tasks if t.text.startswith("省市场监管局为牵头单位")]
    # a leading group led by 由X牵头, its duties numbered
    res = doc("宜昌市知识产权强市建设领导小组工作规则\n为推进知识产权强市建设，成立宜昌市知识产权强市建设领导小组。\n"
              "一、组成\n领导小组由市知识产权局牵头，市发展改革委、市财政局参加。\n二、主要职责\n"
              "（一）审议知识产权强市建设年度计划。\n（二）协调解决重大问题。\n")
    body = "宜昌市知识产权强市建设领导小组"
    assert owners(task_with(res, "年度计划")) == [(body, False), ("市知识产权局", True)]
    assert owners(task_with(res, "协调解决重大问题")) == [(body, False), ("市知识产权局", True)]


def test_a_body_set_up_under_a_short_name_of_its_own_owns_its_duties(doc):
    # 协调委 is no ending of the genre: the text declares it (以下简称协调委); no lead is declared
    res = doc("国务院关于同意组建某某运动会机场协调委员会的批复\n民航总局：\n同意组建北京某运动会机场协调委员会。\n"
              "北京某运动会机场协调委员会组建方案\n组建北京某运动会机场协调委员会（以下简称协调委）。\n"
              "一、主要职能\n研究拟订运动会期间机场保障措施；协调机场运行的重大事项。\n")
    assert owners(task_with(res, "协调机场运行的重大事项")) == [("北京某运动会机场协调委员会", False)]
    assert owners(task_with(res, "机场保障措施")) == [("北京某运动会机场协调委员会", False)]


def test_duties_under_a_bodiless_heading_with_no_body_set_up_have_no_owner(doc):
    res = doc("某市关于加强基层治理的意见\n一、主要职责\n统筹推进基层治理；协调解决重大问题。\n")
    assert all_owners(res) == set()


# ---------------------------------------------------------------- 由X… after a topic, a modal or a connective

def test_the_rule_a_topic_leaves_to_a_body_is_that_bodys_clause(doc):
    res = doc("某某税收条例\n第三章 附则\n第二十条 税务机关可以对纳税人提供的信息进行抽查，具体办法由国务院税务主管部门另行规定。\n")
    task = task_with(res, "另行规定")
    assert task.text.startswith("具体办法由") and owners(task) == [("国务院税务主管部门", False)]
    res = doc("某市物业管理条例\n第八章 附则\n第六十条 业主大会可以委托物业服务企业管理公共收益，具体办法由市住房城乡建设局制定。\n")
    task = task_with(res, "具体办法由")
    assert task.text.startswith("具体办法由") and owners(task) == [("市住房城乡建设局", False)]


def test_the_state_council_making_the_rule_owns_it(doc):
    # 由国务院另行规定 / 应由国务院制定: it makes the rule; 由国务院批准 only approves
    res = doc("某某所得税法实施条例\n第一章 总则\n第七条 对股票转让所得征收个人所得税的办法，由国务院另行规定，并报全国人民代表大会常务委员会备案。\n"
              "第八条 确需调整税率的，由国务院批准。\n")
    assert owners(task_with(res, "另行规定")) == [("国务院", False)]
    assert all_owners(res) == {"国务院"} and not owners(task_with(res, "由国务院批准"))
    res = doc("某某工作规则\n第四章 依法行政\n二十四、涉及两个以上部门职权范围的事项，应由国务院制定行政法规、发布决定和命令。\n")
    task = task_with(res, "制定行政法规")
    assert task.text.startswith("涉及两个以上部门") and owners(task) == [("国务院", False)]


def test_a_connective_before_by_x_opens_the_task(doc):
    res = doc("某某通知\n一、工作安排\n此项调查涉及外交。因此，这项工作由外交部和总参谋部统一归口管理。\n")
    task = task_with(res, "归口管理")
    assert task.text.startswith("因此") and "这项工作" in task.text and owners(task) == [("外交部", False), ("总参谋部", False)]
    res = doc("某市人民政府关于做好汛期安全工作的通知\n一、工作要求\n汛期将至。为此，汛期值守由市应急管理局统一安排。\n")
    task = task_with(res, "统一安排")
    assert task.text.startswith("为此") and owners(task) == [("市应急管理局", False)]


def test_one_body_in_two_clauses_of_a_sentence_is_one_task(doc):
    res = doc("某某工作规则\n第四章 依法行政\n二十五、法律草案由国务院法制机构审查，行政法规的解释工作由国务院法制机构承办。\n")
    assert [t.text[:6] for t in res.extraction.tasks if t.owners] == ["法律草案由国"]
    res = doc("某市人民政府关于承办运动会的批复\n一、经费\n申办经费由市财政局承担；举办经费由市财政局承担，省财政给予补助。\n")
    assert [t.text[:6] for t in res.extraction.tasks if t.owners] == ["申办经费由市", "举办经费由市"]


def test_a_title_over_two_lines_is_no_body_acting(doc):
    res = doc("国务院办公厅对全国政协某次会议\n第4626号提案的答复\n国办函〔2006〕82号\n某某委员：\n"
              "您提出的提案收悉。国家信访局将及时报送有关意见。\n")
    assert [(t.text[:6], owners(t)) for t in res.extraction.tasks if t.owners] == [("国家信访局将", [("国家信访局", False)])]
    res = doc("某市人民政府办公室对市政协某次会议\n第12号提案的答复\n某政办函〔2023〕5号\n某某委员：\n"
              "您提出的提案收悉。市交通运输局要加快公交线路优化。\n")
    assert [t.text[:6] for t in res.extraction.tasks if t.owners] == ["市交通运输局"]
