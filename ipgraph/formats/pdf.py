"""PDF → blocks: text lines in reading order joined into paragraphs where the layout wrapped them,
tables from pdfplumber's table finder as grids, running headers, footers and page numbers dropped,
and the title block (the largest centred lines atop page 1)."""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber

from ..document import PARAGRAPH, Meta, Read, TextBuilder
from ..genre import BOX_OPENER, CN_DIGITS
from .common import header_rows, join_lines, title_block

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*[页頁])?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*[页頁]?)?[-—–\s]*$")
# a line opening with a number of the outline starts a new paragraph, whatever the line above
_NUMBERED = re.compile(rf"^\s*(?:第[{CN_DIGITS}\d]+[编編章节節条條部]|[{CN_DIGITS}]+[、.．]|[（(][{CN_DIGITS}\d]+[)）]|"
                       r"\d+(?:\.\d+)*[、.．](?!\d)|[①-⑳]|附件|专栏|專欄|注[:：])")
_ENDS = "。！？!?；;：:….．"
_CLOSERS = "”’）)」』】》"


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int
    table: list | None = None   # a table standing at this place: rows of (text, rowspan, colspan)
    frame: tuple | None = None  # the bbox of the framed box (a one-column "table") the line stands in
    columns: bool = False       # words set apart by wide gaps: a row of a table drawn without rules


def _inside(obj, boxes) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _written(cells: list[list[str | None]]) -> list[list[tuple[str, int, int]]]:
    """pdfplumber's rows, where a merged area gives None, as rows of (text, rowspan, colspan): a None
    extends the cell to its left when that cell starts in the same row, else the cell above."""
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text is None and c and owner[(r, c - 1)][0] == r:
                owner[(r, c)] = owner[(r, c - 1)]
            elif text is None and r and (r - 1, c) in owner:
                owner[(r, c)] = owner[(r - 1, c)]
            else:
                owner[(r, c)] = (r, c)
    rows = []
    for r, row in enumerate(cells):
        out = []
        for c, text in enumerate(row):
            if owner[(r, c)] != (r, c):
                continue
            colspan = sum(1 for k in range(c, len(row)) if owner[(r, k)] == (r, c))
            rowspan = sum(1 for k in range(r, len(cells)) if owner.get((k, c)) == (r, c))
            out.append((join_lines((text or "").split("\n")), rowspan, colspan))
        rows.append(out)
    return rows


def _page_lines(page, number: int) -> list[_Line]:
    tables, frames = [], []
    for t in page.find_tables():
        cells = t.extract()
        # one row or one column is a frame drawn round text (专栏, 注), read as lines, not a table
        if len(cells) > 1 and max(len(r) for r in cells) > 1:
            tables.append((t.bbox, cells))
        else:
            frames.append(t.bbox)
    # the finder leaves out a single rectangle: a box drawn round text, unless it frames the whole page
    frames += [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects
               if r["width"] > page.width / 2 and r["height"] > 24 and r["width"] * r["height"] < 0.6 * page.width * page.height]
    boxes = [bbox for bbox, _ in tables]
    text = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    lines = []
    for ln in text.extract_text_lines():
        if ln["text"].strip():
            frame = min((bbox for bbox in frames if _inside(ln, [bbox])), default=None,
                        key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
            size = max((ch["size"] for ch in ln["chars"]), default=0)
            gaps = any(b["x0"] - a["x1"] > 2 * size for a, b in zip(ln["chars"], ln["chars"][1:]))
            lines.append(_Line(ln["text"], ln["x0"], ln["x1"], ln["top"], size, number, frame=frame, columns=gaps))
    for (x0, top, x1, _), cells in tables:
        lines.append(_Line("", x0, x1, top, 0, number, _written(cells)))
    return sorted(lines, key=lambda ln: ln.top)


def _furniture(pages: list[list[_Line]]) -> set[str]:
    """Lines that open or close most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edges = Counter(s for lines in pages for s in {ln.text.strip() for ln in lines[:2] + lines[-2:] if ln.table is None})
    return {s for s, n in edges.items() if n >= 0.6 * len(pages)}


def _measure(lines: list[_Line], width: float) -> tuple[float, float]:
    """Where lines start and end: the left margin, and the right one, which the longest line marks
    unless it overruns the margin the left one mirrors (a URL, a line of code)."""
    starts = sorted(ln.x0 for ln in lines)
    left = starts[len(starts) // 10] if starts else 0
    return left, max((ln.x1 for ln in lines if ln.x1 <= width - left + (ln.size or 10)), default=width)


def _continues(line: _Line, nxt: _Line, left: float, right: float) -> bool:
    """A line wrapped by the layout: it fills the measure, ends no sentence, and the next line is in
    the same type, not indented, not numbered, and neither is a row of an unruled table."""
    size = line.size or 10
    return (nxt.table is None and not (line.columns or nxt.columns) and nxt.frame == line.frame and line.x1 >= right - 1.5 * size and line.text.rstrip(_CLOSERS)[-1:] not in _ENDS
            and abs(nxt.size - line.size) < 0.5 and nxt.x0 < left + size and not _NUMBERED.match(nxt.text))


def read_pdf(data: bytes) -> Read:
    """The paragraphs and tables of a PDF's text layer, and its title block."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [_page_lines(page, k) for k, page in enumerate(pdf.pages)]
        width = pdf.pages[0].width if pdf.pages else 0
    furniture = _furniture(pages)
    lines = [ln for lines in pages for ln in lines
             if ln.table is not None or not (ln.text.strip() in furniture or _PAGE_NUMBER.match(ln.text))]
    text_lines = [ln for ln in lines if ln.table is None]
    left, right = _measure([ln for ln in text_lines if ln.frame is None], width)
    measures = {f: _measure([ln for ln in text_lines if ln.frame == f], f[0] + f[2])   # a frame mirrors in itself
                for f in {ln.frame for ln in text_lines} if f is not None}
    measures[None] = left, right
    top_size = max((ln.size for ln in text_lines if ln.page == 0), default=0)
    b = TextBuilder()
    title_like: list[bool] = []
    para: list[_Line] = []
    box, frame, boxes = None, None, 0

    def flush() -> None:
        if para and b.add(PARAGRAPH, join_lines([ln.text for ln in para]), box=box) is not None:
            first = para[0]
            # centred: clear of both margins, its middle on the measure's middle
            title_like.append(first.page == 0 and first.size >= top_size - 0.5 and first.x0 > left + first.size
                              and first.x1 < right - first.size
                              and abs((first.x0 + first.x1) / 2 - (left + right) / 2) < 2 * first.size)
        para.clear()

    for k, ln in enumerate(lines):
        if ln.table is not None:
            flush()
            if b.table(ln.table, header_rows(ln.table)) is not None:
                title_like.append(False)
            continue
        if ln.frame != frame:  # a framed box that opens with 专栏 keeps a box id, as in the other readers
            frame, box = ln.frame, None
            if frame is not None and BOX_OPENER.match(ln.text):
                boxes += 1
                box = boxes
        para.append(ln)
        if k + 1 == len(lines) or not _continues(ln, lines[k + 1], *measures[ln.frame]):
            flush()
    read = b.read(Meta())
    read.meta.title = title_block(read, title_like)
    return read
