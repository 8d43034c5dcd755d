"""The document's real structure, per reader and layout: what a portal page's layout table, a
merged indicator or duty table, decimal numbering, a numbered preamble and a 专栏 box become.
Every snippet is written here, modelled on real government pages, and every expected value is
one the snippet states."""
import re
import unicodedata

import pytest
from docx import Document

from ipgraph.clean import clean
from ipgraph.formats.html import read_html
from ipgraph.load import load
from ipgraph.outline import parse
from ipgraph.pipeline import process
from tests.test_readers import assert_spans, pdf, saved, texts


def fold(s: str) -> str:
    """Full-width and half-width forms the same, spaces gone."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def outline_of(path):
    return parse(clean(load(path)))


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def html(body: str, title: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{body}</body></html>")


# A page saved from a municipal portal: navigation bar, the document in a one-cell layout table,
# the title centred over two lines, the 文号, the body, then the site's footer.
PORTAL = html("""
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zcwj/">政策文件</a>
 | <a href="/wza/">无障碍浏览</a></div>
<table width="100%" cellpadding="0" cellspacing="0"><tr><td>
<p align="center"><strong>大同市人民政府办公室关于印发大同市</strong></p>
<p align="center"><strong>“十四五”能源发展规划的通知</strong></p>
<p align="center">同政办发〔2022〕15号</p>
<p>各县（区）人民政府，市人民政府各委、办、局：</p>
<p>　　《大同市“十四五”能源发展规划》已经市人民政府同意，现印发给你们，请认真贯彻执行。</p>
<p>　　无障碍环境建设全面推进，新建公共建筑无障碍设施配建率达到100%。</p>
<p>　　关闭退出一批落后煤矿产能。</p>
</td></tr></table>
<div class="footer"><p>版权所有：大同市人民政府办公室　主办：大同市人民政府办公室</p>
<p>晋ICP备05001234号　网站标识码：1402000001</p></div>
""", title="大同市人民政府办公室关于印发大同市“十四五”能源发展规划的通知_大同市人民政府")


def test_portal_page_blocks_are_its_paragraphs_and_title_is_joined():
    read = read_html(PORTAL)
    assert texts(read) == [
        "大同市人民政府办公室关于印发大同市", "“十四五”能源发展规划的通知", "同政办发〔2022〕15号",
        "各县（区）人民政府，市人民政府各委、办、局：",
        "《大同市“十四五”能源发展规划》已经市人民政府同意，现印发给你们，请认真贯彻执行。",
        "无障碍环境建设全面推进，新建公共建筑无障碍设施配建率达到100%。",
        "关闭退出一批落后煤矿产能。"]
    assert read.meta.title == "大同市人民政府办公室关于印发大同市“十四五”能源发展规划的通知"


def test_portal_page_describes_the_plan_it_issues(tmp_path):
    res = process(write(tmp_path, "notice.html", PORTAL))
    assert res.extraction.plan.title == "大同市“十四五”能源发展规划"
    assert "无障碍环境建设全面推进" in res.clean.text and "关闭退出一批落后煤矿产能" in res.clean.text
    assert "版权所有" not in res.source.text and "ICP备" not in res.source.text and "首页" not in res.source.text


def test_page_saved_as_plain_text_keeps_body_lines_and_drops_furniture(tmp_path):
    text = ("大同市“十四五”能源发展规划\n（三）化解过剩产能\n关闭退出一批落后煤矿产能。\n无障碍环境建设全面推进。\n"
            "【打印本页】【关闭窗口】\n版权所有：大同市人民政府办公室　晋ICP备05001234号\n")
    res = process(write(tmp_path, "plan.txt", text))
    assert res.clean.text.split("\n") == ["大同市“十四五”能源发展规划", "(三)化解过剩产能", "关闭退出一批落后煤矿产能。",
                                           "无障碍环境建设全面推进。", ""]


# 表1 of a 十四五 plan: 类别 merged down over two indicators, 目标值 across 2020年 and 2025年.
INDICATORS = html("""
<p align="center">大同市“十四五”知识产权保护和运用规划</p>
<p>一、发展目标</p>
<p>到2025年，知识产权创造质量明显提升，运用效益显著增强。</p>
<p align="center">表1 “十四五”知识产权发展主要指标</p>
<table border="1">
<tr><td rowspan="2">类别</td><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">目标值</td><td rowspan="2">属性</td></tr>
<tr><td>2020年</td><td>2025年</td></tr>
<tr><td rowspan="2">知识产权创造</td><td>每万人口高价值发明专利拥有量</td><td>件</td><td>1.14</td><td>4.0</td><td>预期性</td></tr>
<tr><td>海外发明专利授权量</td><td>件</td><td>30</td><td>60</td><td>预期性</td></tr>
<tr><td>知识产权运用</td><td>知识产权质押融资登记金额</td><td>亿元</td><td>7.5</td><td>[20]</td><td>约束性</td></tr>
</table>
<p>二、重点任务</p>
""")


def test_indicator_table_is_the_expanded_grid_with_two_header_rows():
    read = read_html(INDICATORS)
    [table] = [b for b in read.blocks if b.kind == "table"]
    assert [[c.text for c in row] for row in table.grid] == [
        ["类别", "指标", "单位", "目标值", "目标值", "属性"],
        ["类别", "指标", "单位", "2020年", "2025年", "属性"],
        ["知识产权创造", "每万人口高价值发明专利拥有量", "件", "1.14", "4.0", "预期性"],
        ["知识产权创造", "海外发明专利授权量", "件", "30", "60", "预期性"],
        ["知识产权运用", "知识产权质押融资登记金额", "亿元", "7.5", "[20]", "约束性"]]
    assert table.header_rows == 2
    assert table.grid[2][0] is table.grid[3][0]
    assert_spans(read, [
        "大同市“十四五”知识产权保护和运用规划", "一、发展目标", "到2025年，知识产权创造质量明显提升，运用效益显著增强。",
        "表1 “十四五”知识产权发展主要指标",
        "类别\t指标\t单位\t目标值\t属性\n2020年\t2025年\n"
        "知识产权创造\t每万人口高价值发明专利拥有量\t件\t1.14\t4.0\t预期性\n海外发明专利授权量\t件\t30\t60\t预期性\n"
        "知识产权运用\t知识产权质押融资登记金额\t亿元\t7.5\t[20]\t约束性",
        "二、重点任务"])


def test_indicator_records_are_what_the_table_states(tmp_path):
    res = process(write(tmp_path, "plan.html", INDICATORS))
    got = [(i.name, i.unit, i.baseline_text, i.baseline_year, i.target_text, i.target_year, i.nature)
           for i in res.extraction.indicators]
    assert got == [("每万人口高价值发明专利拥有量", "件", "1.14", 2020, "4.0", 2025, "expected"),
                   ("海外发明专利授权量", "件", "30", 2020, "60", 2025, "expected"),
                   ("知识产权质押融资登记金额", "亿元", "7.5", 2020, "[20]", 2025, "binding")]


# 附件 of an implementation plan: one lead department merged down over two tasks.
DUTIES = html("""
<p align="center">大同市知识产权强市建设实施方案</p>
<p>附件</p>
<p align="center">重点任务分工表</p>
<table border="1">
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td>建设知识产权保护中心，开展专利快速预审。</td><td rowspan="2">市市场监管局</td><td>市司法局、市公安局</td></tr>
<tr><td>2</td><td>健全知识产权纠纷多元化解机制。</td><td>市中级人民法院、市司法局</td></tr>
</table>
""")


def test_duty_table_lead_from_a_merged_cell_leads_both_tasks(tmp_path):
    res = process(write(tmp_path, "duties.html", DUTIES))
    got = [(fold(t.text), [(o.surface, o.lead) for o in t.owners]) for t in res.extraction.tasks]
    assert got == [
        (fold("建设知识产权保护中心，开展专利快速预审。"), [("市市场监管局", True), ("市司法局", False), ("市公安局", False)]),
        (fold("健全知识产权纠纷多元化解机制。"), [("市市场监管局", True), ("市中级人民法院", False), ("市司法局", False)])]


DECIMAL = """大同市突发环境事件应急预案

1 总则
1.1 编制目的
为建立健全突发环境事件应对工作机制，科学有序高效应对突发环境事件，制定本预案。
1.2 适用范围
1.2.1 本预案适用于本市行政区域内突发环境事件应对工作。
1.2.2 核与辐射事故的应对工作按照有关规定执行。
2 组织指挥体系
2.1 市级组织指挥机构
2.1.1 市突发环境事件应急指挥部
市突发环境事件应急指挥部的主要职责是：
(1)贯彻落实国家和省关于突发环境事件应对工作的决策部署；
(2)统一领导、组织和指挥全市突发环境事件应对工作。
2.2 现场指挥机构
"""


def test_decimal_numbering_nests_by_depth(tmp_path):
    o = outline_of(write(tmp_path, "plan.txt", DECIMAL))
    number = {it.index: it.numbering for it in o.items}
    assert [(it.numbering, number.get(it.parent)) for it in o.items] == [
        ("1", None), ("1.1", "1"), ("1.2", "1"), ("1.2.1", "1.2"), ("1.2.2", "1.2"),
        ("2", None), ("2.1", "2"), ("2.1.1", "2.1"), ("(1)", "2.1.1"), ("(2)", "2.1.1"), ("2.2", "2")]


PREAMBLE = """大同市“十四五”生态环境保护规划

1.本规划期限为2021—2025年。
2.本规划由市发展改革委负责解释。
第一章 发展基础
一、主要成效
“十三五”期间，全市生态环境质量明显改善。
第二章 总体要求
一、指导思想
坚持以习近平新时代中国特色社会主义思想为指导。
"""


def test_numbered_preamble_does_not_adopt_the_chapters(tmp_path):
    o = outline_of(write(tmp_path, "plan.txt", PREAMBLE))
    number = {it.index: it.numbering for it in o.items}
    assert [(it.numbering, number.get(it.parent)) for it in o.items] == [
        ("1.", None), ("2.", None), ("第一章", None), ("一、", "第一章"), ("第二章", None), ("一、", "第二章")]


BOX_OF_ITEMS = [
    "（一）推动煤炭绿色开采",
    "推广充填开采、保水开采等绿色开采技术。",
    "专栏1 重点工程",
    "1.智能化煤矿建设工程。建成智能化煤矿30座。",
    "2.煤矸石综合利用工程。新增煤矸石综合利用能力500万吨。",
    "（二）加快新能源发展",
    "积极推进风电、光伏发电规模化开发。",
]


def box_of_items_page() -> str:
    """The box drawn as a framed one-cell table, as portals lay it out."""
    head, box, tail = BOX_OF_ITEMS[:2], BOX_OF_ITEMS[2:5], BOX_OF_ITEMS[5:]
    p = "".join
    return html(p(f"<p>{s}</p>" for s in head) + '<table border="1"><tr><td>' + p(f"<p>{s}</p>" for s in box)
                + "</td></tr></table>" + p(f"<p>{s}</p>" for s in tail))


@pytest.mark.parametrize("name, content", [("plan.txt", "\n".join(BOX_OF_ITEMS) + "\n"),
                                           ("plan.html", box_of_items_page())], ids=["text", "html"])
def test_box_holds_its_numbered_items_and_the_next_heading_is_outside(tmp_path, name, content):
    o = outline_of(write(tmp_path, name, content))
    [box] = o.boxes
    assert (box.number, box.title) == ("1", "重点工程")
    assert box.body.split("\n") == ["1.智能化煤矿建设工程。建成智能化煤矿30座。",
                                    "2.煤矸石综合利用工程。新增煤矸石综合利用能力500万吨。"]
    assert [it.numbering for it in o.items] == ["(一)", "(二)"]
    assert [(p.text, o.items[p.item].numbering) for p in o.paras] == [
        ("推广充填开采、保水开采等绿色开采技术。", "(一)"), ("积极推进风电、光伏发电规模化开发。", "(二)")]


BOX_AMID_TASKS = [
    "（一）繁荣文化旅游",
    "1.提升景区品质。推动A级景区提档升级。",
    "专栏2 文化旅游重点工程",
    "1.全域旅游示范工程。创建省级全域旅游示范区2个。",
    "2.文物保护利用工程。修缮文物保护单位10处。",
    "2.丰富旅游业态。发展乡村旅游和研学旅游。",
    "3.培育旅游品牌。打造精品线路。",
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["lines", "blank-lines-between"])
def test_box_numbered_like_the_tasks_around_it_keeps_its_items(tmp_path, gap):
    """A box numbers its own items from 1, as the tasks around it are numbered: its 1. comes
    after task 1., its 2. names a project, and the tasks go on with 2. after it."""
    o = outline_of(write(tmp_path, "plan.txt", gap.join(BOX_AMID_TASKS) + "\n"))
    [box] = o.boxes
    assert box.body.split("\n") == ["1.全域旅游示范工程。创建省级全域旅游示范区2个。", "2.文物保护利用工程。修缮文物保护单位10处。"]
    assert [(it.numbering, it.title) for it in o.items] == [
        ("(一)", "繁荣文化旅游"), ("1.", "提升景区品质"), ("2.", "丰富旅游业态"), ("3.", "培育旅游品牌")]


BOX_ROWS = ["智能化煤矿建设工程\t建成智能化煤矿30座。", "煤矸石综合利用工程\t新增煤矸石综合利用能力500万吨。"]


def test_framed_box_holding_a_table_holds_its_rows(tmp_path):
    page = html("""
<p>（一）推动煤炭绿色开采</p>
<p>推广充填开采、保水开采等绿色开采技术。</p>
<table border="1" width="100%"><tr><td>
<p align="center">专栏1 煤炭绿色开采重点工程</p>
<table border="1">
<tr><td>工程名称</td><td>建设内容</td></tr>
<tr><td>智能化煤矿建设工程</td><td>建成智能化煤矿30座。</td></tr>
<tr><td>煤矸石综合利用工程</td><td>新增煤矸石综合利用能力500万吨。</td></tr>
</table>
</td></tr></table>
<p>积极推进风电、光伏发电规模化开发。</p>
<p>（二）加快新能源发展</p>
""")
    o = outline_of(write(tmp_path, "plan.html", page))
    [box] = o.boxes
    assert (box.number, box.title, box.body.split("\n")) == ("1", "煤炭绿色开采重点工程", BOX_ROWS)
    [table] = o.tables
    assert table.header == ["工程名称", "建设内容"]
    assert ["\t".join(r.cells) for r in table.rows] == BOX_ROWS
    # the paragraph after the frame is the item's again, not the box's
    assert [(p.text, o.items[p.item].numbering) for p in o.paras] == [
        ("推广充填开采、保水开采等绿色开采技术。", "(一)"), ("积极推进风电、光伏发电规模化开发。", "(一)")]


def test_box_holding_a_plain_text_table_holds_its_rows(tmp_path):
    text = ("（一）推动煤炭绿色开采\n推广充填开采、保水开采等绿色开采技术。\n专栏1 煤炭绿色开采重点工程\n工程名称\t建设内容\n"
            + "\n".join(BOX_ROWS) + "\n（二）加快新能源发展\n积极推进风电、光伏发电规模化开发。\n")
    o = outline_of(write(tmp_path, "plan.txt", text))
    [box] = o.boxes
    assert (box.number, box.title, box.body.split("\n")) == ("1", "煤炭绿色开采重点工程", ["工程名称\t建设内容"] + BOX_ROWS)
    assert [it.numbering for it in o.items] == ["(一)", "(二)"]


# Items, an item with its 责任单位, and a paragraph whose department leads: a task each.
TASK_LINES = [
    "大同市知识产权强市建设实施方案",
    "一、主要任务",
    "（一）加强知识产权保护。",
    "1．建设知识产权保护中心，开展专利快速预审。（责任单位：市市场监管局、市司法局）",
    "2．健全知识产权纠纷多元化解机制。",
    "市市场监管局牵头做好规划组织实施工作，市司法局配合。",
    "（二）促进知识产权转化运用。",
]


def word_file(lines) -> bytes:
    d = Document()
    for line in lines:
        d.add_paragraph(line)
    return saved(d)


def pdf_file(lines) -> bytes:
    def draw(c, page):
        c.setFont("STSong-Light", 12)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 24

    return pdf(draw)


TASK_FILES = {
    "text": ("plan.txt", "\n".join(TASK_LINES) + "\n"),
    "html": ("plan.html", html("".join(f"<p>{s}</p>" for s in TASK_LINES))),
    "word": ("plan.docx", word_file(TASK_LINES)),
    "pdf": ("plan.pdf", pdf_file(TASK_LINES)),
}


def mismatched_spans(res, tasks):
    """Tasks whose span, mapped back to the source, is not the task's text: (text, source span)."""
    out = []
    for t in tasks:
        a, b = res.clean.orig_span(t.start, t.end)
        if fold(res.source.text[a:b]) != fold(t.text):
            out.append((t.text, res.source.text[a:b]))
    return out


@pytest.mark.parametrize("fmt", ["html", "word", "pdf"])
def test_block_spans_give_the_lines_written_in_reader_and_clean_text(tmp_path, fmt):
    res = process(write(tmp_path, *TASK_FILES[fmt]))
    assert [res.source.text[b.start:b.end] for b in res.source.blocks] == TASK_LINES
    assert [fold(res.clean.text[b.start:b.end]) for b in res.clean.blocks] == [fold(s) for s in TASK_LINES]


@pytest.mark.parametrize("fmt", TASK_FILES)
def test_paragraph_task_spans_give_their_text(tmp_path, fmt):
    res = process(write(tmp_path, *TASK_FILES[fmt]))
    paragraphs = [t for t in res.extraction.tasks if not t.numbering]
    assert [fold(t.text) for t in paragraphs] == [fold("市市场监管局牵头做好规划组织实施工作，市司法局配合。")]
    assert mismatched_spans(res, paragraphs) == []


@pytest.mark.parametrize("fmt", TASK_FILES)
def test_numbered_task_spans_give_their_text(tmp_path, fmt):
    res = process(write(tmp_path, *TASK_FILES[fmt]))
    items = [t for t in res.extraction.tasks if t.numbering]
    assert [t.numbering for t in items] == ["一、", "(一)", "1.", "2.", "(二)"]
    assert mismatched_spans(res, items) == []


def test_duty_row_task_spans_give_their_text(tmp_path):
    res = process(write(tmp_path, "duties.html", DUTIES))
    assert len(res.extraction.tasks) == 2
    assert mismatched_spans(res, res.extraction.tasks) == []
