from ipgraph.clean import clean_string
from ipgraph.outline import parse


def outline(text):
    return parse(clean_string(text)[0])


def test_schemes_nest_in_order_of_first_appearance():
    o = outline("第一章 总体要求\n一、指导思想\n(一)坚持创新。\n1.培育专利。\n(1)申报。\n①试点。\n二、主要目标\n")
    depth = {it.numbering: it.depth for it in o.items}
    assert depth == {"第一章": 0, "一、": 1, "(一)": 2, "1.": 3, "(1)": 4, "①": 5, "二、": 1}
    assert o.items[-1].parent == 0


def test_plan_starting_at_second_level_still_nests():
    o = outline("（一）加强保护\n1．完善制度。\n2．加强执法。\n（二）促进运用\n1．培育产业。\n")
    assert [(it.numbering, it.parent) for it in o.items] == [("(一)", None), ("1.", 0), ("2.", 0), ("(二)", None), ("1.", 3)]


def test_table_of_contents_is_skipped():
    text = "一、规划背景\n(一)发展现状\n(二)发展机遇\n二、总体要求\n\n前言。\n一、规划背景\n(一)发展现状\n正文。\n"
    o = outline(text)
    assert [it.numbering for it in o.items] == ["一、", "(一)"]


def test_wrapped_lines_are_joined_with_a_way_back_to_offsets():
    text = "1.强化进出口贸易知识产权保护。加强知识产权海关执法\n  保护,完善跨境电子商务物品通关模式。\n"
    o = outline(text)
    assert len(o.items) == 1
    item = o.items[0]
    assert item.text == "强化进出口贸易知识产权保护。加强知识产权海关执法保护,完善跨境电子商务物品通关模式。"
    k = item.line.index("保护,完善")
    assert text[item.offset(k):item.offset(k) + 5] == "保护,完善"


def test_boxes_end_at_a_blank_line_or_the_next_heading():
    o = outline("(一)任务\n专栏1 高价值专利培育工程\n突出专利质量导向。\n专栏2:商标品牌培育工程\n深入实施商标品牌战略。\n\n(二)下一任务\n")
    assert [(b.number, b.title, b.body) for b in o.boxes] == [
        ("1", "高价值专利培育工程", "突出专利质量导向。"), ("2", "商标品牌培育工程", "深入实施商标品牌战略。")]
    assert [it.numbering for it in o.items] == ["(一)", "(二)"]


def test_run_together_footnotes_split_into_terms():
    o = outline("注:①高价值发明专利:指符合条件的专利。②PCT国际专利申请:依据《专利合作条约》递交的申请。")
    assert [(f.marker, f.term, f.definition) for f in o.footnotes] == [
        ("①", "高价值发明专利", "指符合条件的专利。"), ("②", "PCT国际专利申请", "依据《专利合作条约》递交的申请。")]


def test_circled_list_items_are_not_footnotes():
    o = outline("1.主要措施\n①加强知识产权保护,完善制度。\n②促进运用。\n")
    assert not o.footnotes
    assert [it.numbering for it in o.items] == ["1.", "①", "②"]


def test_three_table_layouts_give_the_same_rows():
    rows_layout = "指标 单位 2020年 2025年 属性\n年度发明专利授权量 件 775 1600 预期性\n"
    cell_per_line = "指  标\n\n2020年\n\n2025年\n\n属性\n\n年度发明专利授权量(件)\n\n775\n\n1600\n\n预期性\n"
    tab_cells = "\t指  标\n\t2020年基期值\n\t2025年预期值\n\t属性\n\n\t年度发明专利授权量(件)\n\t775\n\t1600\n\t预期性\n"
    for text, cells in [(rows_layout, ["年度发明专利授权量", "件", "775", "1600", "预期性"]),
                        (cell_per_line, ["年度发明专利授权量(件)", "775", "1600", "预期性"]),
                        (tab_cells, ["年度发明专利授权量(件)", "775", "1600", "预期性"])]:
        tables = outline(text).tables
        assert len(tables) == 1
        assert tables[0].rows[0].cells == cells


def test_tab_layout_keeps_empty_cells():
    text = "\t指标\n\t2020年基期值\n\t2025年预期值\n\t属性\n\n\t海外发明专利授权量(件)\n\t\n\t\n\t预期性\n"
    assert outline(text).tables[0].rows[0].cells == ["海外发明专利授权量(件)", "", "", "预期性"]


def test_arbitrary_text_never_raises():
    for text in ["", "\n\n", "一、", "(一)", "专栏", "指标", "①:", "注:①", "\t\t\n\t", "1.\n2.\n" * 50]:
        parse(clean_string(text)[0])
