"""Saved web pages read by the HTML reader: the page's own bytes decide its encoding, and no depth
of nesting loses text."""
import pytest

from ipgraph.formats.html import read_html
from ipgraph.load import load
from ipgraph.pipeline import process


def test_valid_utf8_wins_over_a_lying_meta_charset(tmp_path):
    page = ('<html><head><meta charset="gbk"><title>某市知识产权规划</title></head><body>'
            '<p>（一）加强知识产权保护。（市市场监管局负责）</p></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    src = load(path)
    assert src.encoding == "utf-8"
    assert "（一）加强知识产权保护。（市市场监管局负责）" in src.text


def test_a_gbk_page_that_says_so_is_read_as_gbk(tmp_path):
    page = '<html><head><meta charset="gbk"></head><body><p>一、总体要求</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    assert "一、总体要求" in load(path).text


@pytest.mark.parametrize("label", ["gb2312", "euc-cn", "cp936"])
def test_a_page_labelled_gb2312_is_read_as_browsers_read_it(tmp_path, label):
    # Browsers read GB2312 and GBK labels, under any of their names, with the GB18030 decoder: bytes
    # A1AA are the dash of "2015—2020年" (Python's own gb2312 codec gives U+2015)
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head><body>'
            '<p>《法治政府建设实施纲要（2015—2020年）》</p></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    assert "《法治政府建设实施纲要（2015\u20142020年）》" in load(path).text


def test_a_page_labelled_big5_keeps_its_hong_kong_characters(tmp_path):
    page = '<html><head><meta charset="big5"></head><body><p>香港特別行政區政府𥚃</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5hkscs"))
    assert "香港特別行政區政府𥚃" in load(path).text


def test_text_nested_deeper_than_the_parser_default_is_kept():
    depth = 600  # libxml2 stops at 256 levels unless told otherwise; the walk itself is iterative
    page = "<html><body>" + "<div>" * depth + "<p>（三）完善创新体系。</p>" + "</div>" * depth + "</body></html>"
    read = read_html(page)
    assert [read.text[b.start:b.end] for b in read.blocks] == ["（三）完善创新体系。"]


def _centred(*lines: str) -> str:
    return "".join(f'<p style="text-align:center">{line}</p>' for line in lines)


def test_a_traditional_page_keeps_its_number_out_of_its_title(doc):
    # readers see the page as published: 號 ends a 文号 or a decree's number as 号 does
    res = doc("<html><body>" + _centred("國務院辦公廳關於加強三級公立醫院績效考核工作的意見", "國辦發〔2019〕4號")
              + "<p>各省、自治區、直轄市人民政府：</p><p>一、總體要求</p><p>（一）加強統籌協調。</p></body></html>",
              name="notice.html")
    assert res.extraction.plan.title == "国务院办公厅关于加强三级公立医院绩效考核工作的意见"
    res = doc("<html><body>" + _centred("中華人民共和國國務院令", "第707號", "中華人民共和國個人所得稅法實施條例")
              + "<p>第一條 根據《中華人民共和國個人所得稅法》，制定本條例。</p></body></html>", name="decree.html")
    assert res.extraction.plan.title == "中华人民共和国个人所得税法实施条例"


LINKS_PAGE = """<html><head><meta charset="utf-8"></head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a></div>
<div class="leftbox"><div class="lm">相关阅读</div><ul class="xglb">
<li><a href="1.html">《浙江省知识产权保护和促进条例》解读</a><span>2021-06-10</span></li>
<li><a href="2.html">《浙江省专利条例》实施细则</a><span>2021-05-28</span></li></ul></div>
<div class="article">
<p>为全面加强知识产权保护，根据<a href="g.html">《知识产权强国建设纲要（2021—2035年）》</a>、<a href="h.html">《“十四五”国家知识产权保护和运用规划》</a>，制定本规划。</p>
<p>（一）加强知识产权司法保护。（责任单位：省法院、省检察院）</p>
<table><tr><td>附件</td><td>下载</td></tr><tr><td><a href="a.doc">重点任务分工表</a></td><td><a href="a.pdf">PDF</a></td></tr></table>
</div>
<div class="sxp"><p>上一篇：<a href="a.html">关于印发《浙江省数字经济发展“十四五”规划》的通知</a></p>
<p>下一篇：<a href="b.html">浙江省科技创新“十四五”规划</a></p></div>
</body></html>"""


def test_lists_of_links_are_not_read_whatever_their_class(tmp_path):
    # a menu, a list of related articles (with dates) and a pager: links, one to a line, no prose
    path = tmp_path / "page.html"
    path.write_text(LINKS_PAGE, encoding="utf-8")
    text = load(path).text
    for junk in ("首页", "相关阅读", "浙江省专利条例", "上一篇", "数字经济发展"):
        assert junk not in text


def test_links_inside_prose_and_inside_a_data_table_are_read(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(LINKS_PAGE, encoding="utf-8")
    src = load(path)
    assert ("为全面加强知识产权保护，根据《知识产权强国建设纲要（2021—2035年）》、《“十四五”国家知识产权保护和运用规划》，"
            "制定本规划。") in src.text
    grids = [b.grid for b in src.blocks if b.grid]
    assert [[c.text for c in row] for row in grids[0]] == [["附件", "下载"], ["重点任务分工表", "PDF"]]


def _page(title: str, head: str, body: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{head}'
            f'<div class="article">{body}<p>一、主要任务</p><p>（一）强化知识产权保护。（责任单位：省市场监管局）</p></div></body></html>')


def test_a_title_styled_by_the_sheet_is_the_heading_that_ends_as_a_title(tmp_path):
    # no centred run: the portal centres its title in a style sheet; its <title> is the site's name
    path = tmp_path / "page.html"
    path.write_text(_page("湖南省人民政府门户网站", '<div class="top"><h1>湖南省人民政府</h1></div>',
                          "<h2>湖南省人民政府办公厅关于印发《湖南省“十四五”知识产权发展规划》的通知</h2>"
                          "<h3>一、总体要求</h3>"), encoding="utf-8")
    assert load(path).meta.title == "湖南省人民政府办公厅关于印发《湖南省“十四五”知识产权发展规划》的通知"
    assert process(path).extraction.plan.title == "湖南省“十四五”知识产权发展规划"


def test_a_pages_title_that_names_only_the_site_is_no_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_page("湖南省人民政府门户网站", "", "<p>湖南省“十四五”知识产权发展规划</p>"), encoding="utf-8")
    assert load(path).meta.title is None
    path.write_text(_page("湖南省“十四五”知识产权发展规划_湖南省人民政府门户网站", "", ""), encoding="utf-8")
    assert load(path).meta.title == "湖南省“十四五”知识产权发展规划"


def test_a_logo_heading_in_the_pages_header_is_no_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_page("首页", '<header><h1>某市人民政府</h1></header>',
                          "<h1>某市2024年政府工作报告</h1>"), encoding="utf-8")
    assert load(path).meta.title == "某市2024年政府工作报告"


def test_a_section_heading_is_no_title(tmp_path):
    # 措施 ends titles and section headings alike: a numbered heading is a section's
    path = tmp_path / "page.html"
    path.write_text(_page("首页", "", "<h1>某市2024年政府工作报告</h1><h3>（三）保障措施</h3>"), encoding="utf-8")
    assert load(path).meta.title == "某市2024年政府工作报告"


@pytest.mark.parametrize("title", ["某市2024年知识产权工作要点", "某市关于促进专利转化运用的若干措施", "某县知识产权资助管理规定"])
def test_a_title_heading_below_the_sites_name_is_the_title(tmp_path, title):
    path = tmp_path / "page.html"
    path.write_text(_page("首页", "", f'<div class="logo"><h1>某市人民政府</h1></div><h2>{title}</h2>'), encoding="utf-8")
    assert load(path).meta.title == title


def test_anchors_and_attached_files_are_no_list_of_links(tmp_path):
    # Word wraps its headings in bookmarks (<a name=_Toc…>); a notice lists the files it attaches
    page = ('<html><body><p><a name="_Toc1">第一章</a> <a name="_Toc2">总体要求</a></p>'
            '<p>附件：<a href="/files/a.doc">1.重点任务分工表</a><br><a href="/files/b.xls?id=3">2.主要指标清单</a></p>'
            '</body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = load(path).text
    assert "第一章 总体要求" in text and "附件：1.重点任务分工表\n2.主要指标清单" in text


def test_a_portals_trail_and_footer_are_not_read_but_its_footnotes_are(tmp_path):
    page = ('<html><body><div class="position">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>'
            '<p>某县知识产权“十四五”规划</p><p>一、重点任务</p>'
            '<p>（一）建设知识产权保护中心。（责任单位：县市场监管局）</p>'
            '<div class="footnote">注：高价值发明专利是指战略性新兴产业的发明专利。</div>'
            '<div class="foot">主办：某县人民政府办公室 <a href="/about">关于我们</a> <a href="/map">网站地图</a></div>'
            '<div id="bottom">地址：某县人民路1号</div><div class="copyright">版权所有 某县人民政府</div>'
            '</body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = load(path).text
    assert "注：高价值发明专利是指战略性新兴产业的发明专利。" in text
    for chrome in ("当前位置", "主办", "地址", "版权所有"):
        assert chrome not in text


def test_style_sheet_words_inside_a_class_name_hide_nothing(tmp_path):
    # position-relative and border-bottom are a style sheet's, not a template's trail or footer
    page = ('<html><body><div class="container position-relative"><p>一、重点任务</p>'
            '<p class="border-bottom">（一）建设知识产权保护中心。（责任单位：县市场监管局）</p></div></body></html>')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert load(path).text.splitlines() == ["一、重点任务", "（一）建设知识产权保护中心。（责任单位：县市场监管局）"]


def test_a_big5_page_with_microsofts_characters_is_read(tmp_path):
    # the euro sign is in Microsoft's Big5 (cp950), not in Big5-HKSCS
    page = '<html><head><meta charset="big5"></head><body><p>價格100€</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp950"))
    assert "價格100€" in load(path).text
