"""The document model every reader gives: the text a reader sees, cut into typed blocks.

A reader (formats/) turns a file into `Read`: its reading text (one block after another, a
newline between blocks, table rows as lines of tab-separated cells), the blocks with their
character spans in that text, and the metadata the source states (title, issuer, 文号, dates).
Later stages consume blocks and grids; none re-parses tab-joined text where a grid exists.
"""
from __future__ import annotations

from dataclasses import dataclass, field

HEADING, PARAGRAPH, ITEM, TABLE, FOOTNOTE, CAPTION = "heading", "paragraph", "item", "table", "footnote", "caption"


@dataclass
class Cell:
    text: str
    start: int          # span in the reading text
    end: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Block:
    kind: str                       # heading | paragraph | item | table | footnote | caption
    start: int                      # span in the reading text
    end: int
    # tables: rows of cells with spans expanded (a merged cell stands in every row and column it
    # covers, as the same Cell object); the first `header_rows` rows are the header
    grid: list[list[Cell]] | None = None
    header_rows: int = 0
    marker: str = ""                # footnotes: the reference mark (①, 1, *); items: the number as shown
    box: int | None = None          # blocks read from one framed box (a one-cell table) share an id


@dataclass
class Meta:
    title: str | None = None
    issuer: str | None = None
    number: str | None = None       # 文号
    written: str | None = None      # 成文日期, ISO
    published: str | None = None    # 发布日期, ISO
    index: str | None = None        # 索引号
    subject: str | None = None      # 主题分类
    titles: list[str] = field(default_factory=list)  # later title blocks: what a notice issues or forwards


@dataclass
class Read:
    text: str
    blocks: list[Block] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)


class TextBuilder:
    """Appends blocks to a reading text, one per line, recording each block's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []

    def _put(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s + "\n")
        self.pos += len(s) + 1
        return start, start + len(s)

    def add(self, kind: str, text: str, marker: str = "", box: int | None = None) -> Block | None:
        text = text.strip()
        if not text:
            return None
        start, end = self._put(text)
        block = Block(kind, start, end, marker=marker, box=box)
        self.blocks.append(block)
        return block

    def table(self, rows: list[list[tuple[str, int, int]]], header_rows: int, box: int | None = None) -> Block | None:
        """Rows of (text, rowspan, colspan) as written; the grid is expanded here."""
        grid: list[list[Cell]] = []
        pending: dict[int, tuple[Cell, int]] = {}   # column → (cell, rows still covered)
        start = self.pos
        for row in rows:
            line: list[Cell] = []
            parts: list[str] = []
            cells = iter(row)
            col = 0
            while True:
                if col in pending:
                    cell, left = pending.pop(col)
                    if left > 1:
                        pending[col] = (cell, left - 1)
                    line.append(cell)
                    col += 1
                    continue
                nxt = next(cells, None)
                if nxt is None:
                    break
                text, rowspan, colspan = nxt
                text = " ".join(text.split())
                offset = self.pos + sum(len(p) + 1 for p in parts)
                cell = Cell(text, offset, offset + len(text), max(rowspan, 1), max(colspan, 1))
                parts.append(text)
                for k in range(cell.colspan):
                    line.append(cell)
                    if cell.rowspan > 1:
                        pending[col + k] = (cell, cell.rowspan - 1)
                col += cell.colspan
            while col in pending:  # cells merged down into the end of a short row
                cell, left = pending.pop(col)
                if left > 1:
                    pending[col] = (cell, left - 1)
                line.append(cell)
                col += 1
            if any(c.text for c in line):
                self._put("\t".join(parts))
                grid.append(line)
        if not grid:
            return None
        width = max(len(r) for r in grid)
        for r in grid:  # ragged rows: pad with empty cells at the row's end
            r.extend(Cell("", r[-1].end, r[-1].end) for _ in range(width - len(r)))
        block = Block(TABLE, start, self.pos - 1, grid=grid, header_rows=min(header_rows, len(grid)), box=box)
        self.blocks.append(block)
        return block

    def read(self, meta: Meta | None = None) -> Read:
        return Read("".join(self.parts), self.blocks, meta or Meta())
