"""Saved web pages read by the HTML reader: the page's own bytes decide its encoding, and no depth
of nesting loses text."""
from ipgraph.formats.html import read_html
from ipgraph.load import load


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


def test_a_page_labelled_gb2312_is_read_as_browsers_read_it(tmp_path):
    # Browsers read GB2312 and GBK labels with the GB18030 decoder: bytes A1AA are the dash of
    # "2015—2020年" (Python's own gb2312 codec gives U+2015)
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
            '<p>《法治政府建设实施纲要（2015—2020年）》</p></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    assert "《法治政府建设实施纲要（2015\u20142020年）》" in load(path).text


def test_a_page_labelled_gb2312_may_hold_characters_only_gbk_has(tmp_path):
    page = '<html><head><meta charset="gb2312"></head><body><p>省政府副秘书长王镕负责。</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    assert "王镕负责" in load(path).text


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
