"""Word files (.docx): paragraphs and real tables, in the order they stand in the document."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:  # a merged cell is returned once per grid column it spans
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(p.text.strip() for p in cell.paragraphs).strip())
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines) + "\n"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return True  # a zip that will not open: let the loader say it is damaged
