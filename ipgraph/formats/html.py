"""Saved web pages: the page's text in reading order, scripts, styles and navigation dropped,
table rows kept as lines of tab-separated cells."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select",
         "button", "iframe", "svg", "head", "object"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "tbody", "thead", "tfoot", "center", "dd", "dt", "dl", "figure",
          "figcaption", "address", "hr", "caption"}
_NAV_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|menu|breadcrumb|footer|header|sidebar|share|toolbar|crumb)(?:$|[\s_-])", re.I)


def charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP or _NAV_CLASS.search(el.get("class", "") + " " + el.get("id", "")):
        if el.tail:
            out.append(el.tail)
        return
    if tag == "tr":
        cells = [re.sub(r"\s+", " ", c.text_content()).strip() for c in el if c.tag in ("td", "th")]
        out.append("\n" + "\t".join(cells) + "\n")
    else:
        if tag in _BLOCK:
            out.append("\n")
        if tag == "br":
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            _walk(child, out)
        if tag in _BLOCK:
            out.append("\n")
    if el.tail:
        out.append(el.tail)


def html_text(markup: str) -> str:
    """The text of a page, one block per line (tables as tab-separated rows)."""
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find(".//body")
    out: list[str] = []
    _walk(body if body is not None else root, out)
    text = "".join(out).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+$", "", ln) for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
