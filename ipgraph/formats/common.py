"""What every reader decides the same way: which opening lines are the title, how many rows are a
table's header, how lines broken inside a paragraph join."""
from __future__ import annotations

import re

from ..document import Read
from ..genre import DATE_LINE, DOC_NUMBER


def header_rows(grid_rows: list[list[tuple[str, int, int]]]) -> int:
    """The first row, or as many as its tallest cell spans; two when it has a cell across columns
    (目标 over 2020年 and 2025年)."""
    if not grid_rows:
        return 0
    first = grid_rows[0]
    n = max(rs for _, rs, _ in first)
    if any(cs > 1 for _, _, cs in first):
        n = max(n, 2)
    return min(n, len(grid_rows))


def title_blocks(read: Read, centered: list[bool]) -> list[str]:
    """Every run of centred title lines, joined, in order: the document's title first, then the titles
    of what it issues or forwards (an attachment's own title block), 文号, dates and bylines left out."""
    runs: list[str] = []
    lines: list[str] = []

    def close() -> None:
        if lines and len("".join(lines)) <= 100:
            runs.append("".join(lines))
        lines.clear()

    for block, is_centered in zip(read.blocks, centered):
        text = read.text[block.start:block.end].strip()
        if not is_centered or block.kind == "table":
            if not runs and not lines and len(text) <= 60:
                continue  # a line above the title (a source note)
            close()
            continue
        # a centred chapter heading, in either script (readers see the text as published)
        if re.match(r"第\s*[一二三四五六七八九十百\d]+\s*[章节節编編条條]", text):
            close()
            continue
        if DOC_NUMBER.fullmatch(text) or DATE_LINE.fullmatch(text) or text[:1] in "(（" or re.fullmatch(
                r"第\s*\d+\s*[号號]", text):
            close()
            continue
        lines.append(text)
    close()
    return runs


def title_block(read: Read, centered: list[bool]) -> str | None:
    """The centred lines that open the document, joined (a title broken over two lines is one)."""
    runs = title_blocks(read, centered)
    return runs[0] if runs else None


def join_lines(lines: list[str]) -> str:
    """Lines broken inside one paragraph, joined: a space between two Latin words, nothing where
    either side is Chinese (a break inside Chinese text is no space)."""
    out = ""
    for line in (" ".join(s.split()) for s in lines):
        if out and line and not (out[-1].isascii() and line[0].isascii()):
            out += line
        elif line:
            out = f"{out} {line}" if out else line
    return out
