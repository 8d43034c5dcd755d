"""PDF: the text layer page by page, with running headers, footers and page numbers removed."""
from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


def pdf_pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text(layout=False) or "" for page in pdf.pages]


def pdf_text(data: bytes) -> str:
    pages = [p.split("\n") for p in pdf_pages(data)]
    # a line that opens or closes most pages is a running header or footer
    edges = Counter(ln.strip() for lines in pages for ln in {*(lines[:2]), *(lines[-2:])} if ln.strip())
    repeated = {ln for ln, n in edges.items() if len(pages) >= 3 and n >= 0.6 * len(pages)}
    out = []
    for lines in pages:
        for ln in lines:
            s = ln.strip()
            if s in repeated or _PAGE_NUMBER.match(s):
                continue
            out.append(ln)
    return "\n".join(out) + "\n"
