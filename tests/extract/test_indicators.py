def by_name(res):
    return {i.name: i for i in res.extraction.indicators}


def test_yichang_row_layout_with_missing_cells(seed):
    inds = by_name(seed("yichang"))
    assert len(inds) == 12
    pct = inds["有效注册商标量年均增长"]
    assert (pct.unit, pct.baseline_text, pct.target_text, pct.target_year) == ("%", None, "8", 2025)
    loan = inds["知识产权质押融资登记金额"]
    assert (loan.unit, loan.baseline_value, loan.target_value, loan.baseline_year) == ("亿元", "17.3", "40", 2020)
    madrid = inds["马德里商标有效注册量"]
    assert (madrid.baseline_value, madrid.target_text, madrid.target_value) == ("76", "≥100", "100")
    assert inds["每万人口高价值发明专利拥有量"].nature == "expected"


def test_jilin_one_cell_per_line_with_extra_columns(seed):
    inds = by_name(seed("jilin"))
    pct = inds["PCT 专利申请量"]
    assert (pct.unit, pct.baseline_value, pct.baseline_year, pct.target_value, pct.target_year) == (
        "件", "52", 2015, "100", 2020)
    assert inds["年度知识产权质押融资金额"].target_text == "2.0"


def test_jining_tab_cells_bracketed_and_empty(seed):
    inds = by_name(seed("jining"))
    hv = inds["每万人口高价值发明专利拥有量"]
    assert (hv.baseline_text, hv.baseline_value, hv.target_value, hv.unit) == ("[1.14]", "1.14", "4.0", "件")
    empty = inds["海外发明专利授权量"]
    assert (empty.baseline_text, empty.target_text, empty.baseline_year, empty.target_year) == (None, None, 2020, 2025)
    assert inds["有效注册商标量"].baseline_value == "6.6" and inds["有效注册商标量"].target_value is None


def test_running_text_target_in_a_news_article(seed):
    [ind] = seed("chongqing").extraction.indicators
    assert (ind.name, ind.unit, ind.target_value, ind.target_year, ind.nature) == (
        "知识产权服务业营业收入", "亿元", "10", 2025, "expected")


def test_running_text_ignores_past_figures(doc):
    res = doc("“十四五”知识产权规划解读\n“十三五”期间,每万人口发明专利拥有量从6.3件增加到15.8件。"
              "到2025年,每万人口高价值发明专利拥有量达到10件,PCT国际专利申请量年均增长15%。")
    got = {(i.name, i.unit, i.target_value, i.target_year) for i in res.extraction.indicators}
    assert got == {("每万人口高价值发明专利拥有量", "件", "10", 2025), ("PCT国际专利申请量年均增长", "%", "15", 2025)}


def test_table_with_serial_column_and_binding_nature(doc):
    res = doc("济南市知识产权规划(2023—2025年)\n表1 主要指标\n序号\t指标名称\t单位\t2022年\t2025年\t指标属性\n"
              "1\t每万人口高价值发明专利①拥有量\t件\t3.2\t6.5\t预期性\n2\t专利密集型产业增加值占GDP比重\t%\t10\t≥12\t约束性\n")
    inds = by_name(res)
    assert (inds["每万人口高价值发明专利拥有量"].baseline_value, inds["每万人口高价值发明专利拥有量"].baseline_year) == ("3.2", 2022)
    share = inds["专利密集型产业增加值占GDP比重"]
    assert (share.unit, share.target_text, share.nature) == ("%", "≥12", "binding")


def test_table_with_category_serial_and_empty_markers(doc):
    res = doc("某县知识产权规划(2021-2025年)\n类别 序号 指标名称 单位 2020年 2025年 属性\n"
              "创造 1 每万人口发明专利拥有量 件 3.5 6 预期性\n2 PCT专利申请量 件 — 50 预期性\n"
              "运用 3 专利密集型产业增加值占比 ≥15% 预期性\n")
    got = [(i.name, i.unit, i.baseline_text, i.target_text) for i in res.extraction.indicators]
    assert got == [("每万人口发明专利拥有量", "件", "3.5", "6"), ("PCT专利申请量", "件", None, "50"),
                   ("专利密集型产业增加值占比", "%", None, "≥15%")]
