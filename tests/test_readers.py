"""Word and PDF read into blocks: numbers as shown, footnotes with their marks, tables as grids,
wrapped lines joined. Fixtures are written here, so every expected value is one the fixture states."""
import io
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ipgraph.document import FOOTNOTE, HEADING, ITEM, PARAGRAPH, TABLE
from ipgraph.errors import InputError
from ipgraph.formats.docx import read_docx
from ipgraph.formats.pdf import read_pdf
from ipgraph.load import load

W = nsdecls("w")

# 一、 / （一） on one list, 1. on another, 第一章 on the Heading 1 style
NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="9">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1章"/>
  <w:pStyle w:val="Heading1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="8"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="9"/></w:num>
</w:numbering>"""

DEFINITION = "专利导航：是指在宏观决策、产业规划、企业经营和创新活动中，以专利数据为核心深度融合各类数据资源，全景式分析区域发展定位、产业竞争格局、企业经营决策和技术创新方向。"


def numbered(d, text, num, level=0):
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
    return p


def saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def texts(read):
    return [read.text[b.start:b.end] for b in read.blocks]


def assert_spans(read, expected):
    """Each block's span gives its text; each table cell's span gives the cell's text."""
    assert texts(read) == expected
    for b in read.blocks:
        if b.grid:
            for row in b.grid:
                for cell in row:
                    assert read.text[cell.start:cell.end] == cell.text


def test_word_numbering_is_rendered_as_shown():
    d = Document()
    d.part.numbering_part._element = parse_xml(NUMBERING)
    d.styles["Heading 1"].element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="6"/></w:numPr>'))
    d.add_paragraph("总体要求", style="Heading 1")
    numbered(d, "指导思想", 3, 0)
    numbered(d, "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。", 3, 1)
    numbered(d, "基本原则", 3, 1)
    numbered(d, "坚持创新引领。", 4)
    numbered(d, "坚持统筹协调。", 4)
    d.add_paragraph("重点任务", style="Heading 1")
    numbered(d, "强化知识产权保护", 3, 0)
    numbered(d, "完善知识产权保护体系", 3, 1)
    numbered(d, "健全知识产权司法保护机制。", 5)  # a second list on the same pattern, restarted at 1
    read = read_docx(saved(d))
    assert_spans(read, [
        "第一章 总体要求", "一、指导思想", "（一）坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
        "（二）基本原则", "1.坚持创新引领。", "2.坚持统筹协调。", "第二章 重点任务", "二、强化知识产权保护",
        "（一）完善知识产权保护体系", "1.健全知识产权司法保护机制。"])
    assert [b.marker for b in read.blocks] == ["第一章", "一、", "（一）", "（二）", "1.", "2.", "第二章", "二、", "（一）", "1."]
    assert [b.kind for b in read.blocks] == [HEADING] + [ITEM] * 5 + [HEADING] + [ITEM] * 3


def with_footnotes(d, notes):
    xml = f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    for nid, text in notes.items():
        xml += (f'<w:footnote w:id="{nid}"><w:p><w:r><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, (xml + "</w:footnotes>").encode(), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)


def reference(p, nid):
    p.add_run()._r.append(parse_xml(f'<w:footnoteReference {W} w:id="{nid}"/>'))


def test_word_footnotes_follow_the_body_with_their_marks():
    d = Document()
    p = d.add_paragraph("深入实施专利导航")
    reference(p, 2)  # Word numbers notes by order of reference, not by id
    p.add_run("工程，推动专利导航服务基地建设。")
    p = d.add_paragraph("培育一批知识产权运营")
    reference(p, 1)
    p.add_run("机构。")
    with_footnotes(d, {1: "知识产权运营：是指以实现知识产权经济价值为直接目的的活动。", 2: DEFINITION})
    read = read_docx(saved(d))
    assert_spans(read, ["深入实施专利导航①工程，推动专利导航服务基地建设。", "培育一批知识产权运营②机构。",
                        "①" + DEFINITION, "②知识产权运营：是指以实现知识产权经济价值为直接目的的活动。"])
    assert [(b.kind, b.marker) for b in read.blocks] == [(PARAGRAPH, ""), (PARAGRAPH, ""), (FOOTNOTE, "①"), (FOOTNOTE, "②")]


def test_word_merged_indicator_table_is_an_expanded_grid():
    d = Document()
    d.add_paragraph("济宁市“十四五”知识产权保护和运用规划").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("为全面加强知识产权保护，制定本规划。")
    table = d.add_table(rows=5, cols=4)
    written = [["类别", "指标", "目标", ""], ["", "", "2020年", "2025年"],
               ["知识产权创造", "每万人口高价值发明专利拥有量（件）", "1.14", "4.0"],
               ["", "海外发明专利授权量（件）", "30", "60"],
               ["知识产权运用", "知识产权质押融资金额（亿元）", "7.5", "10"]]
    for row, values in zip(table.rows, written):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(2, 0).merge(table.cell(3, 0))
    read = read_docx(saved(d))
    [block] = [b for b in read.blocks if b.kind == TABLE]
    assert [[c.text for c in row] for row in block.grid] == [
        ["类别", "指标", "目标", "目标"], ["类别", "指标", "2020年", "2025年"],
        ["知识产权创造", "每万人口高价值发明专利拥有量（件）", "1.14", "4.0"],
        ["知识产权创造", "海外发明专利授权量（件）", "30", "60"],
        ["知识产权运用", "知识产权质押融资金额（亿元）", "7.5", "10"]]
    assert block.header_rows == 2
    assert block.grid[2][0] is block.grid[3][0] and (block.grid[2][0].rowspan, block.grid[0][2].colspan) == (2, 2)
    assert read.meta.title == "济宁市“十四五”知识产权保护和运用规划"
    assert_spans(read, ["济宁市“十四五”知识产权保护和运用规划", "为全面加强知识产权保护，制定本规划。",
                        "类别\t指标\t目标\n2020年\t2025年\n知识产权创造\t每万人口高价值发明专利拥有量（件）\t1.14\t4.0\n"
                        "海外发明专利授权量（件）\t30\t60\n知识产权运用\t知识产权质押融资金额（亿元）\t7.5\t10"])


def replaced(data: bytes, name: str, content: bytes) -> bytes:
    src, buf = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for item in src.infolist():
            out.writestr(item, content if item.filename == name else src.read(item))
    return buf.getvalue()


def test_damaged_word_parts(tmp_path):
    d = Document()
    p = d.add_paragraph("深入实施专利导航")
    reference(p, 1)
    with_footnotes(d, {1: DEFINITION})
    data = saved(d)
    # a broken notes part: the body is read without its notes
    assert texts(read_docx(replaced(data, "word/footnotes.xml", b"<w:footnotes"))) == ["深入实施专利导航①"]
    path = tmp_path / "plan.docx"
    path.write_bytes(replaced(data, "word/numbering.xml", b"<w:numbering><w:num"))
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.reason.startswith("damaged Word file")


def pdf(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c, A4)
    c.showPage()
    c.save()
    return buf.getvalue()


PREAMBLE = ("为深入贯彻党中央、国务院关于知识产权工作的决策部署，全面加强知识产权保护，激发全社会创新活力，推动构建新发展格局，"
            "依据《济宁市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》，制定本规划。")


def wrapped(c, text, y, per_line=38, size=12):
    """A paragraph set as the typesetter does: first line indented two characters, then full lines."""
    lines = [text[:per_line - 2]] + [text[k:k + per_line] for k in range(per_line - 2, len(text), per_line)]
    for i, line in enumerate(lines):
        c.drawString(60 + (2 * size if i == 0 else 0), y, line)
        y -= 20
    return y, len(lines)


def test_pdf_wrapped_paragraph_is_one_block_and_title_is_the_centred_large_lines():
    def draw(c, page):
        c.setFont("STSong-Light", 18)
        c.drawCentredString(page[0] / 2, 780, "济宁市“十四五”知识产权")
        c.drawCentredString(page[0] / 2, 756, "保护和运用规划")
        c.setFont("STSong-Light", 12)
        y, n = wrapped(c, PREAMBLE, 720)
        assert n == 3
        c.drawString(60, y, "一、总体要求")
        y, _ = wrapped(c, "坚持以习近平新时代中国特色社会主义思想为指导，深入实施知识产权强国战略", y - 20)
        c.drawString(60, y, "（一）指导思想")

    read = read_pdf(pdf(draw))
    assert_spans(read, ["济宁市“十四五”知识产权", "保护和运用规划", PREAMBLE, "一、总体要求",
                        "坚持以习近平新时代中国特色社会主义思想为指导，深入实施知识产权强国战略", "（一）指导思想"])
    assert read.meta.title == "济宁市“十四五”知识产权保护和运用规划"


def test_pdf_table_is_a_grid_and_its_words_are_not_paragraphs():
    from reportlab.platypus import Table, TableStyle

    cells = [["类别", "指标", "目标", ""], ["", "", "2020年", "2025年"],
             ["知识产权创造", "每万人口高价值发明专利拥有量（件）", "1.14", "4.0"],
             ["", "海外发明专利授权量（件）", "30", "60"]]

    def draw(c, page):
        c.setFont("STSong-Light", 12)
        c.drawString(60, 760, "表1 济宁市“十四五”知识产权发展主要指标")
        table = Table(cells, colWidths=[80, 220, 70, 70])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                                   ("SPAN", (2, 0), (3, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
                                   ("SPAN", (0, 2), (0, 3))]))
        _, h = table.wrapOn(c, 440, 400)
        table.drawOn(c, 60, 740 - h)
        c.drawString(60, 710 - h, "二、重点任务")

    read = read_pdf(pdf(draw))
    assert [b.kind for b in read.blocks] == [PARAGRAPH, TABLE, PARAGRAPH]
    block = read.blocks[1]
    assert [[c.text for c in row] for row in block.grid] == [
        ["类别", "指标", "目标", "目标"], ["类别", "指标", "2020年", "2025年"],
        ["知识产权创造", "每万人口高价值发明专利拥有量（件）", "1.14", "4.0"],
        ["知识产权创造", "海外发明专利授权量（件）", "30", "60"]]
    assert block.header_rows == 2
    assert_spans(read, ["表1 济宁市“十四五”知识产权发展主要指标",
                        "类别\t指标\t目标\n2020年\t2025年\n知识产权创造\t每万人口高价值发明专利拥有量（件）\t1.14\t4.0\n"
                        "海外发明专利授权量（件）\t30\t60", "二、重点任务"])


BOX = "实施知识产权保护能力提升工程，建设中国（济宁）知识产权保护中心，开展专利快速预审、快速确权和快速维权，推动形成知识产权保护合力。"
ENFORCEMENT = "加强知识产权行政执法，完善跨部门、跨区域执法协作机制，严厉打击侵权假冒违法行为，营造良好营商环境。"


def test_pdf_framed_box_keeps_a_box_id_and_its_wrapped_lines_join():
    def draw(c, page):
        c.setFont("STSong-Light", 12)
        y, _ = wrapped(c, ENFORCEMENT, 760)
        c.rect(50, y - 100, 480, 110)
        c.drawString(60, y - 10, "专栏1 知识产权保护重点工程")
        _, n = wrapped(c, BOX, y - 34, per_line=37)
        assert n == 2
        c.drawString(60, y - 130, "二、重点任务")

    read = read_pdf(pdf(draw))
    assert_spans(read, [ENFORCEMENT, "专栏1 知识产权保护重点工程", BOX, "二、重点任务"])
    assert [b.box for b in read.blocks] == [None, 1, 1, None]


def test_word_one_cell_box_is_read_as_its_paragraphs():
    d = Document()
    d.add_paragraph(ENFORCEMENT)
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "专栏1 知识产权保护重点工程"
    cell.add_paragraph(BOX)
    d.add_paragraph("二、重点任务")
    read = read_docx(saved(d))
    assert_spans(read, [ENFORCEMENT, "专栏1 知识产权保护重点工程", BOX, "二、重点任务"])
    assert [(b.kind, b.box) for b in read.blocks] == [(PARAGRAPH, None), (PARAGRAPH, 1), (PARAGRAPH, 1), (PARAGRAPH, None)]


def test_numbering_levels_restart_and_formats():
    from ipgraph.formats.numbering import Numbering

    numbering = Numbering(f"""<w:numbering {W}>
    <w:abstractNum w:abstractNumId="1">
     <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
     <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
     <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/>
      <w:lvlRestart w:val="0"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="2">
     <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
     <w:lvl w:ilvl="1"><w:start w:val="11"/><w:numFmt w:val="chineseLegalSimplified"/><w:lvlText w:val="第%2条"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>""".encode())
    shown = [numbering.next(num, level) for num, level in
             [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2), ("2", 0), ("3", 0), ("3", 1), ("3", 1), ("3", 0)]]
    # ③ is not restarted by 2. (w:lvlRestart 0); list 2 restarts list 1's first level at 5
    assert shown == ["1.", "1.1", "1.2", "①", "2.", "2.1", "②", "5.", "甲、", "第壹拾壹条", "第壹拾贰条", "乙、"]
    assert Numbering(b"<w:numbering").next("1", 0) == ""


def test_word_endnotes_and_custom_marks():
    d = Document()
    p = d.add_paragraph("知识产权质押融资登记金额")
    p.add_run()._r.append(parse_xml(f'<w:endnoteReference {W} w:id="1"/>'))
    p.add_run("达到40亿元，")
    p.add_run()._r.append(parse_xml(f'<w:footnoteReference {W} w:customMarkFollows="1" w:id="1"/>'))
    p.add_run("*")
    p.add_run("含专利、商标质押。")
    with_footnotes(d, {1: "*以登记金额计。"})
    xml = (f'<w:endnotes {W}><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>'
           f'<w:r><w:t>数据来源：市市场监管局。</w:t></w:r></w:p></w:endnote></w:endnotes>')
    d.part.relate_to(Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, xml.encode(), d.part.package), RT.ENDNOTES)
    read = read_docx(saved(d))
    assert_spans(read, ["知识产权质押融资登记金额[1]达到40亿元，*含专利、商标质押。", "[1]数据来源：市市场监管局。", "*以登记金额计。"])
    assert [b.marker for b in read.blocks] == ["", "[1]", "*"]


def test_pdf_rows_of_an_unruled_table_are_not_joined():
    rows = [("每万人口高价值发明专利拥有量（件）", "1.14", "4.0"), ("海外发明专利授权量（件）", "30", "60")]

    def draw(c, page):
        c.setFont("STSong-Light", 12)
        y = 760
        for name, then, target in rows:  # the last column ends at the right margin, no full stop
            c.drawString(60, y, name)
            c.drawString(400, y, then)
            c.drawRightString(516, y, target)
            y -= 20
        wrapped(c, PREAMBLE, y)

    read = read_pdf(pdf(draw))
    assert texts(read)[:2] == ["每万人口高价值发明专利拥有量（件） 1.14 4.0", "海外发明专利授权量（件） 30 60"]
    assert texts(read)[2] == PREAMBLE
