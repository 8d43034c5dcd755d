"""Word files (.docx) → blocks: paragraphs, headings and list items in document order with their
automatic numbers as the reader sees them, tables as grids with merged cells expanded, footnotes
and endnotes after the body, and the centred title block.

Note marks: a footnote's reference mark is written in the body as a circled number (专利导航①),
the form printed Chinese plans use, whatever superscript style the file sets; endnotes, numbered
apart in Word, are written [1], [2] so the two never share a mark. A custom mark (*) is kept.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import docx
from lxml import etree

from ..document import FOOTNOTE, HEADING, ITEM, PARAGRAPH, Meta, Read, TextBuilder
from ..genre import BOX_OPENER
from .common import header_rows, join_lines, title_block
from .numbering import W, Numbering, render

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title|标题(?:\s*\d)?|標題(?:\s*\d)?)$", re.I)
_LIST_STYLE = re.compile(r"^list", re.I)
# a run of these does not show: deleted text, the fallback copy of a drawing, hidden field codes
_UNSEEN = {W + "del", W + "delText", W + "instrText", _MC + "Fallback", W + "rPr", W + "pPr"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"}


def _on(el) -> bool:
    """A w:onOff property: present and not switched off."""
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


@dataclass
class _Style:
    name: str = ""
    based: str | None = None
    num: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    center: bool | None = None


def _styles(xml: bytes | None) -> tuple[dict[str, _Style], str | None]:
    styles: dict[str, _Style] = {}
    default = None
    try:
        root = etree.fromstring(xml, _PARSER) if xml else None
    except etree.XMLSyntaxError:
        root = None  # damaged styles: every paragraph plain
    for st in root.findall(W + "style") if root is not None else ():
        if st.get(W + "type") != "paragraph":
            continue
        sid = st.get(W + "styleId")
        ppr = st.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        jc = ppr.find(W + "jc") if ppr is not None else None
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        name = st.find(W + "name")
        based = st.find(W + "basedOn")
        styles[sid] = _Style(
            name=name.get(W + "val", "") if name is not None else "",
            based=based.get(W + "val") if based is not None else None,
            num=_child_val(num, "numId"), ilvl=_int(_child_val(num, "ilvl")),
            outline=_int(outline.get(W + "val")) if outline is not None else None,
            center=jc.get(W + "val") == "center" if jc is not None else None)
        if st.get(W + "default") in ("1", "true", "on"):
            default = sid
    return styles, default


def _child_val(el, name: str) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _part(document, kind: str) -> bytes | None:
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/" + kind):
            return rel.target_part.blob
    return None


def _notes(xml: bytes | None, tag: str) -> dict[str, etree._Element]:
    try:
        root = etree.fromstring(xml, _PARSER) if xml else None
    except etree.XMLSyntaxError:
        return {}  # damaged notes part: the body is read without its notes
    return {n.get(W + "id"): n for n in (root.findall(W + tag) if root is not None else ())
            if n.get(W + "type") in (None, "normal")}


class _Reader:
    def __init__(self, document) -> None:
        self.numbering = Numbering(_part(document, "numbering"))
        self.styles, self.default_style = _styles(_part(document, "styles"))
        self.footnotes = _notes(_part(document, "footnotes"), "footnote")
        self.endnotes = _notes(_part(document, "endnotes"), "endnote")
        self.marks: dict[tuple[str, str], str] = {}   # (footnote|endnote, id) → mark, in order of reference
        self.counts: dict[str, int] = {}
        self.b = TextBuilder()
        self.centered: list[bool] = []
        self.boxes = 0

    def _style_chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid].based

    def _number(self, ppr, sid: str | None) -> str | None:
        """The paragraph's rendered number, "" for a bullet, None when not in a list."""
        num = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = _child_val(num, "numId"), _int(_child_val(num, "ilvl"))
        for st in self._style_chain(sid):
            if num_id is None and st.num is not None:
                num_id = st.num
            if ilvl is None and st.ilvl is not None and st.num == num_id:
                ilvl = st.ilvl
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, sid)
        return self.numbering.next(num_id, ilvl)

    def _mark(self, kind: str, ref) -> str:
        """The mark written at a note reference; notes get their marks in order of first reference."""
        key = (kind, ref.get(W + "id"))
        custom = ref.get(W + "customMarkFollows") in ("1", "true", "on")
        if key not in self.marks:
            if custom:  # the custom mark (*, †) is the text of the next run
                run = ref.getparent().getnext()
                self.marks[key] = "".join(t.text or "" for t in run.iter(W + "t")) if run is not None else ""
            else:
                self.counts[kind] = n = self.counts.get(kind, 0) + 1
                self.marks[key] = render(n, "decimalEnclosedCircle") if kind == "footnote" else f"[{n}]"
        return "" if custom else self.marks[key]

    def _text(self, p, boxes: list | None = None) -> str:
        """What the paragraph shows; text boxes inside it are collected into `boxes`."""
        lines = [""]
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag in _UNSEEN or not isinstance(tag, str):
                continue
            if tag == W + "r" and _on(el.find(f"{W}rPr/{W}vanish")):
                continue
            if tag == W + "t":
                lines[-1] += el.text or ""
            elif tag in (W + "tab", W + "ptab"):
                lines[-1] += " "
            elif tag in (W + "br", W + "cr"):
                lines.append("")
            elif tag == W + "noBreakHyphen":
                lines[-1] += "-"
            elif tag == W + "footnoteReference":
                lines[-1] += self._mark("footnote", el)
            elif tag == W + "endnoteReference":
                lines[-1] += self._mark("endnote", el)
            elif tag == W + "txbxContent":
                if boxes is not None:
                    boxes.append(el)
            else:
                stack.extend(reversed(el))
        return join_lines(lines)

    def block(self, el, box: int | None = None) -> None:
        if el.tag == W + "p":
            self.paragraph(el, box)
        elif el.tag == W + "tbl":
            self.table(el, box)
        elif el.tag in _CONTAINERS:
            for child in el:
                self.block(child, box)

    def _numbered(self, p, boxes: list | None = None) -> tuple[str, str | None]:
        """The paragraph's text after its automatic number, and the number (None outside a list)."""
        ppr = p.find(W + "pPr")
        number = self._number(ppr, _child_val(ppr, "pStyle") or self.default_style)
        text = self._text(p, boxes)
        if text and number:
            # 第一章 总则 but 一、总体要求, （一）, 1.: a space only after a number that ends in a word
            text = number + (" " if number[-1].isalnum() else "") + text
        return text, number

    def paragraph(self, p, box: int | None) -> None:
        ppr = p.find(W + "pPr")
        chain = list(self._style_chain(_child_val(ppr, "pStyle") or self.default_style))
        boxes: list = []
        text, number = self._numbered(p, boxes)
        jc = _child_val(ppr, "jc")
        center = jc == "center" if jc is not None else next((st.center for st in chain if st.center is not None), False)
        outline = _int(_child_val(ppr, "outlineLvl"))
        if outline is None:
            outline = next((st.outline for st in chain if st.outline is not None), None)
        if any(_HEADING_STYLE.match(st.name) for st in chain) or (outline is not None and outline < 9):
            kind = HEADING
        elif number is not None or any(_LIST_STYLE.match(st.name) for st in chain):
            kind = ITEM
        else:
            kind = PARAGRAPH
        if self.b.add(kind, text, marker=number or "", box=box) is not None:
            self.centered.append(center)
        for content in boxes:
            self.framed(content, box)

    def framed(self, content, box: int | None) -> None:
        """A text box or a one-cell table: its blocks, with a box id when it opens with 专栏."""
        if BOX_OPENER.match(" ".join("".join(content.itertext()).split())[:20]):
            self.boxes += 1
            box = self.boxes
        for child in content:
            self.block(child, box)

    def _cell_text(self, tc) -> str:
        parts = []
        for p in tc.iter(W + "p"):
            if next((a for a in p.iterancestors(W + "tc", W + "txbxContent")), None) is not tc:
                continue  # paragraphs of nested tables and text boxes are read with them
            parts.append(self._numbered(p)[0])
        return " ".join(s for s in parts if s)

    def table(self, tbl, box: int | None) -> None:
        rows = [tr for tr in _children(tbl, "tr")]
        cells = [list(_children(tr, "tc")) for tr in rows]
        if len(rows) < 2 or max((len(c) for c in cells), default=0) < 2 or any(
                tc.find(f".//{W}tbl") is not None for row in cells for tc in row):
            # a layout table (one row, one column, tables in cells): read as the blocks it holds
            for row in cells:
                for tc in row:
                    self.framed(tc, box)
            return
        written = _spans(rows, cells)
        grid_rows = [[(self._cell_text(tc) if tc is not None else "", rs, cs) for tc, rs, cs in row] for row in written]
        if len(grid_rows) > 1 and len(grid_rows[0]) == 1 and len(grid_rows[1]) > 1:
            # a title row across the table is its caption (专栏3 …, 表1 主要指标)
            rows = rows[1:]
            if self.b.add("caption", grid_rows.pop(0)[0][0], box=box) is not None:
                self.centered.append(True)
        marked = 0
        for tr in rows:
            if not _on(tr.find(f"{W}trPr/{W}tblHeader")):
                break
            marked += 1
        if self.b.table(grid_rows, marked or header_rows(grid_rows), box=box) is not None:
            self.centered.append(False)

    def notes(self) -> None:
        for (kind, nid), mark in list(self.marks.items()):
            note = (self.footnotes if kind == "footnote" else self.endnotes).get(nid)
            if note is None:
                continue
            # the note's own mark (w:footnoteRef) shows nothing here: the mark is written before the text
            text = join_lines([self._text(p) for p in note.iter(W + "p")])
            if mark and not text.startswith(mark):
                text = mark + text
            self.b.add(FOOTNOTE, text, marker=mark)


def _children(el, name: str):
    """Child elements of a kind, looking through content controls and tracked insertions."""
    for child in el:
        if child.tag == W + name:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, name)


def _spans(rows, cells) -> list[list[tuple]]:
    """Rows of (cell, rowspan, colspan) as written: a cell merged down (w:vMerge) counts the rows it
    covers, and the continuation cells below it are left out."""
    placed = []
    for tr, row in zip(rows, cells):
        col = _int(_child_val(tr.find(W + "trPr"), "gridBefore")) or 0
        line = [(None, k, 1, None) for k in range(col)]
        for tc in row:
            tcpr = tc.find(W + "tcPr")
            span = max(_int(_child_val(tcpr, "gridSpan")) or 1, 1)
            vm = tcpr.find(W + "vMerge") if tcpr is not None else None
            merge = None if vm is None else vm.get(W + "val", "continue")
            line.append((tc, col, span, merge))
            col += span
        placed.append(line)
    out = []
    for r, line in enumerate(placed):
        row = []
        for tc, col, span, merge in line:
            if merge == "continue" and r and any(c == col and m in ("restart", "continue") for _, c, _, m in placed[r - 1]):
                continue  # covered by the cell above
            rowspan = 1
            if merge == "restart":
                for below in placed[r + 1:]:
                    if not any(c == col and m == "continue" for _, c, _, m in below):
                        break
                    rowspan += 1
            row.append((tc, rowspan, span))
        out.append(row)
    return out


def read_docx(data: bytes) -> Read:
    """The blocks of a Word file, its footnotes after the body, and its title block."""
    document = docx.Document(io.BytesIO(data))
    r = _Reader(document)
    for el in document.element.body:
        r.block(el)
    r.notes()
    read = r.b.read(Meta())
    try:
        core = document.core_properties.title or None
    except (ValueError, KeyError, etree.XMLSyntaxError):
        core = None
    read.meta.title = title_block(read, r.centered) or core
    return read


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return True  # a zip that will not open: let the loader say it is damaged
