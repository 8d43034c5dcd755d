from ipgraph.clean import clean_string


def test_full_width_punctuation_becomes_half_width_keeping_offsets():
    text, offsets = clean_string("（一）加强组织领导：市科技局，市财政局")
    assert text == "(一)加强组织领导:市科技局,市财政局"
    assert list(offsets) == list(range(len(text)))


def test_traditional_becomes_simplified():
    text, _ = clean_string("知識產權保護和運用規劃")
    assert text == "知识产权保护和运用规划"


def test_a_search_is_read_as_simplified_only_when_it_is_traditional():
    from ipgraph.explorer.index import simplified

    # 著 is simplified Chinese (显著, 著作权) and Taiwan's form of 着: simplified input stays as typed
    assert simplified("显著提升著作权保护") == "显著提升著作权保护"
    assert simplified("顯著提升") == "显著提升"
    assert simplified("衞生健康") == "卫生健康"  # Hong Kong's form
    assert simplified("著力推進") == "着力推进"  # Taiwan's, in traditional text


def test_stray_spaces_inside_prose_go_and_offsets_point_back():
    raw = "推进知识产权民事、行政、刑事案 件三合一审判"
    text, offsets = clean_string(raw)
    assert text == "推进知识产权民事、行政、刑事案件三合一审判"
    k = text.index("件")
    assert raw[offsets[k]] == "件"


def test_table_rows_keep_their_cell_spaces():
    row = "年度发明专利授权量 775 1600 预期性"
    assert clean_string(row)[0] == row


def test_a_saved_pages_list_of_related_links_goes():
    page = ("某市知识产权保护三年行动方案\n一、重点任务\n（一）加强专利保护。（市知识产权局牵头）\n\n相关解读：\n"
            "图解：《某市知识产权保护三年行动方案》\n政策解读：一图读懂《某市数字经济发展规划》\n"
            "相关文章\n  • 关于印发《某市营商环境优化提升行动方案》的通知\n")
    text, offsets = clean_string(page)
    assert text.rstrip().endswith("（市知识产权局牵头）".replace("（", "(").replace("）", ")"))
    assert "数字经济" not in text and "营商环境" not in text
    # a sentence after such a heading is prose again
    text, _ = clean_string("某市条例\n第一条 为规范管理，制定本条例。\n相关文件\n《某省条例》\n本条例自印发之日起施行。\n")
    assert text.strip().endswith("制定本条例。\n本条例自印发之日起施行。")
    # a menu's 相关新闻 over the page heads nothing: the title after it stays
    text, _ = clean_string("相关新闻\n某市人民政府关于加快养老服务业发展的实施意见\n某府〔2015〕27号\n现提出如下实施意见。\n")
    assert "\n某市人民政府关于加快养老服务业发展的实施意见\n某府〔2015〕27号\n" in text
