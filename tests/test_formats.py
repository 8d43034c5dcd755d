"""Plans as published: Word, web pages, PDF, other encodings and scripts give the same extraction."""
import opencc
import pytest
from docx import Document

from ipgraph.errors import InputError
from ipgraph.load import load
from ipgraph.pipeline import process

from .conftest import SEEDS


def facts(res):
    ex = res.extraction
    return {
        "title": ex.plan.title,
        "owners": sorted((t.text[:12], o.surface, o.lead) for t in ex.tasks for o in t.owners),
        "indicators": sorted((i.name, i.unit, i.baseline_text, i.target_text) for i in ex.indicators),
        "citations": sorted({(c.title, c.parent) for c in ex.citations}),
        "terms": sorted(t.term for t in ex.terms),
    }


@pytest.mark.parametrize("name", ["yichang", "jilin", "jining"])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings_give_the_same_facts(tmp_path, seed, name, encoding):
    text = SEEDS[name].read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        pytest.skip(f"{name} has characters {encoding} cannot hold")
    assert facts(process(path)) == facts(seed(name))


@pytest.mark.parametrize("name", ["yichang", "jilin", "jining"])
def test_traditional_script_in_big5_gives_the_same_facts(tmp_path, seed, name):
    # Taiwan forms (偽, not 僞), ≧ for ≥, ○ for 〇 and plain spaces, as Big5 has them
    text = opencc.OpenCC("s2tw").convert(SEEDS[name].read_text(encoding="utf-8"))
    text = text.replace("≥", "≧").replace("〇", "○").replace("\xa0", " ")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode("big5", errors="replace"))
    assert load(path).encoding == "big5"
    got, want = facts(process(path)), facts(seed(name))
    assert got["owners"] == want["owners"] and got["indicators"] == want["indicators"]
    assert got["title"] == want["title"] and got["citations"] == want["citations"]


def test_small_utf8_file_is_utf8(tmp_path):
    p = tmp_path / "short.txt"
    p.write_text("宜昌市知识产权规划\n一、重点任务\n", encoding="utf-8")
    assert load(p).encoding == "utf-8"


def test_a_few_broken_bytes_do_not_change_the_encoding(tmp_path, seed):
    data = SEEDS["jining"].read_bytes()
    p = tmp_path / "broken.txt"
    p.write_bytes(data[:3001] + b"\xff\xfe" + data[3001:])
    src = load(p)
    assert src.encoding.startswith("utf-8") and "\ufffd" in src.text
    assert facts(process(p))["indicators"] == facts(seed("jining"))["indicators"]


def test_word_file_with_a_real_table(tmp_path, seed):
    """A .docx whose indicator table is a Word table gives the rows of the text's table."""
    d = Document()
    d.add_paragraph("济宁市“十四五”知识产权保护和运用规划")
    d.add_paragraph("为深入贯彻党中央决策部署，依据《济宁市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》，制定本规划。")
    d.add_paragraph("济宁市“十四五”知识产权发展主要指标")
    table = d.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["指  标", "2020年基期值", "2025年预期值", "属性"]):
        cell.text = text
    for row in [["每万人口高价值发明专利拥有量（件）", "[1.14]", "4.0", "预期性"],
                ["海外发明专利授权量（件）", "", "", "预期性"], ["知识产权质押融资金额（亿元）", "7.5", "10", "预期性"]]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    d.add_paragraph("四、保障措施")
    d.add_paragraph("（一）加强组织领导。充分发挥市政府知识产权战略实施工作领导小组作用，市市场监管局牵头做好规划组织实施工作。")
    path = tmp_path / "plan.docx"
    d.save(path)
    res = process(path)
    got = facts(res)
    want = facts(seed("jining"))
    assert res.source.format.endswith("wordprocessingml.document")
    assert got["title"] == want["title"] and got["citations"] == [c for c in want["citations"] if c[1]]
    assert got["indicators"] == [i for i in want["indicators"] if i[0] in ("每万人口高价值发明专利拥有量", "海外发明专利授权量",
                                                                       "知识产权质押融资金额")]
    assert got["owners"] == want["owners"]


PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>宜昌市知识产权保护与运用“十四五”规划</title>
<script>var x = "一、不是标题";</script><style>.a{}</style></head><body>
<div class="nav">首页 | 政务公开 | 规划计划</div><div class="crumb">当前位置: 首页 &gt;&gt; 规划</div>
<div class="content"><h1>宜昌市知识产权保护与运用“十四五”规划</h1>
<p>依据《知识产权强国建设纲要(2021-2035年)》《湖北省知识产权“十四五”规划》等文件,制定本规划。</p>
<p>表1:“十四五”宜昌市知识产权发展主要指标</p>
<table><tr><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>
<tr><td>年度发明专利授权量</td><td></td><td>775</td><td>1600</td><td>预期性</td></tr>
<tr><td>知识产权质押融资登记金额⑤</td><td>亿元</td><td>17.3</td><td>40</td><td>预期性</td></tr></table>
<p>四、保障措施</p><p>(一)加强组织领导</p>
<p>坚持和加强党对知识产权工作的全面领导。市市场监管局(知识产权局)承担领导小组办公室工作职责,加强组织协调和督促检查。</p>
</div><div class="footer">【关闭窗口】【打印】 版权所有 宜昌市人民政府</div></body></html>"""


def test_saved_web_page_with_junk_and_a_table(tmp_path, seed):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.encode("gb18030"))
    src = load(path)
    assert src.format == "text/html" and "首页 | 政务公开" not in src.text and "不是标题" not in src.text
    res = process(path)
    got, want = facts(res), facts(seed("yichang"))
    assert got["title"] == want["title"]
    assert set(got["citations"]) <= set(want["citations"]) and len(got["citations"]) == 2
    assert [(i[0], i[2], i[3]) for i in got["indicators"]] == [
        ("年度发明专利授权量", "775", "1600"), ("知识产权质押融资登记金额", "17.3", "40")]
    assert ("市市场监管局(知识产权局", "市市场监管局(知识产权局)", False) in got["owners"]


def make_pdf(path, lines, encrypt=None):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    per_page = 30
    for start in range(0, len(lines), per_page):
        c.setFont("STSong-Light", 11)
        c.drawString(60, 810, "宜昌市人民政府文件")  # a running header on every page
        y = 780
        for line in lines[start:start + per_page]:
            c.drawString(60, y, line)
            y -= 22
        c.drawString(290, 30, f"- {start // per_page + 1} -")
        c.showPage()
    c.save()


def test_pdf_text_without_page_furniture(tmp_path, seed):
    lines = ["宜昌市知识产权保护与运用“十四五”规划",
             "依据《知识产权强国建设纲要(2021-2035年)》《“十四五”国家知识产权保护和运用规划》等文件,制定本规划。"]
    lines += [f"{k}.任务{k}。加强工作。" for k in range(1, 60)]
    lines += ["四、保障措施", "(一)加强组织领导", "宜昌市知识产权强市建设领导小组办公室会同相关部门开展督促指导和绩效评估。"]
    path = tmp_path / "plan.pdf"
    make_pdf(path, lines)
    src = load(path)
    assert src.format == "application/pdf"
    assert "宜昌市人民政府文件" not in src.text and "- 2 -" not in src.text
    res = process(path)
    assert res.extraction.plan.title == "宜昌市知识产权保护与运用“十四五”规划"
    assert {c.title for c in res.extraction.citations if c.parent} == {
        "知识产权强国建设纲要(2021-2035年)", "“十四五”国家知识产权保护和运用规划"}
    assert [o.surface for t in res.extraction.tasks for o in t.owners] == ["宜昌市知识产权强市建设领导小组办公室"]


def test_broken_files_are_named_with_a_reason(tmp_path):
    from reportlab.lib import pdfencrypt

    good = tmp_path / "plan.docx"
    d = Document()
    d.add_paragraph("某市知识产权规划")
    d.save(good)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:300])
    encrypted = tmp_path / "secret.pdf"
    make_pdf(encrypted, ["宜昌市知识产权规划"], encrypt=pdfencrypt.StandardEncryption("pw", canPrint=0))
    image_only = tmp_path / "scan.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(image_only))
    c.rect(100, 100, 200, 200, fill=1)
    c.showPage()
    c.save()
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    reasons = {}
    for p in (truncated, encrypted, image_only, old):
        with pytest.raises(InputError) as err:
            load(p)
        reasons[p.name] = err.value.reason
    assert reasons["truncated.docx"].startswith("damaged Word file")
    assert reasons["secret.pdf"].startswith("encrypted PDF")
    assert reasons["scan.pdf"].startswith("PDF without a text layer")
    assert reasons["old.doc"].startswith("old binary Word (.doc)")


def test_pinyin_glosses_and_stray_spaces_do_not_break_extraction(tmp_path, seed):
    text = SEEDS["jilin"].read_text(encoding="utf-8")
    noisy = (text.replace("规划", "规(guī)划", 3).replace("省科技厅、省财政厅", "省科 技厅、省财政厅")
             .replace("省工商局", "省工(gong)商局").replace("省林业厅", "省林(lin)业厅")  # glosses without tone marks
             .replace("二、主要任务", "二、主要任务\n当前位置: 首页 > 政务"))
    path = tmp_path / "noisy.txt"
    path.write_text(noisy, encoding="utf-8")
    got, want = facts(process(path)), facts(seed("jilin"))
    assert got == want


def test_traditional_sources_keep_their_script_in_labels(tmp_path):
    from ipgraph.query import rows, run
    from ipgraph.store import GraphStore

    path = tmp_path / "tw.txt"
    path.write_text("廣東省知識產權保護和運用“十四五”規劃\n一、重點任務\n1．加強司法保護。完善審判機制。（省法院負責）\n", encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    from ipgraph.pipeline import build

    build([path], store)
    labels = {r[0] for r in rows(run(store, 'SELECT ?l WHERE { ?s rdfs:label ?l FILTER(langMatches(LANG(?l), "zh-Hant")) }'))[1]}
    assert labels == {"廣東省知識產權保護和運用“十四五”規劃", "重點任務", "加強司法保護"}
    titles = rows(run(store, "SELECT ?t WHERE { ?p dcterms:title ?t }"))[1]
    assert titles == [["广东省知识产权保护和运用“十四五”规划"]]
