"""Saved web pages → blocks: paragraphs, headings, data tables as grids, the title block and the
portal's metadata table.

Navigation, share bars and footers are dropped by structure (their elements, their class or id,
or being mostly links), never by the words a line starts with. A layout table — one row or one
column, or cells that hold whole documents or other tables — is unwrapped into its blocks; a
one-cell framed box that opens with 专栏 keeps a box id so the outline knows where it visibly ends.
The walk is iterative, so deeply nested markup loses nothing.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import takewhile

import lxml.html
from lxml import etree

from ..document import HEADING, PARAGRAPH, Meta, Read, TextBuilder
from ..genre import BOX_OPENER, PORTAL_FIELDS, TITLE_END
from .common import header_rows as _header_rows
from .common import title_blocks

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select",
         "button", "iframe", "svg", "head", "object", "input", "textarea", "map"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "center", "dd", "dt", "dl",
          "figure", "figcaption", "address", "hr", "caption", "body"}
_NAV_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|header|sidebar|share|toolbar|crumbs?|"
                        r"bshare|jiathis|print|related|pager)(?:$|[\s_-])", re.I)
# Words of portal templates that style sheets also use inside other names (position-relative,
# border-bottom): only a whole class or id. position and location hold the 当前位置 trail; foot, bottom
# and copyright the 主办/版权所有 lines.
_TEMPLATE_PART = re.compile(r"(?:^|\s)(?:foot|bottom|copyright|position|location)(?:$|\s)", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_LAYOUT_CELL_CHARS = 1500
# A container of two or more links whose text is mostly theirs, and whose own words are not prose
# (no comma or full stop between the links), is a menu, a list of related articles or a pager,
# whatever its class is called (xglb, sxp, lm…): the readability heuristic. A paragraph that links
# the documents it cites keeps its commas. Table parts are left out: a data table keeps its cells.
_LINK_SHARE = 0.5
_LINK_CONTAINERS = {"div", "ul", "ol", "section", "article", "p", "dl", "center"}
_PROSE = re.compile(r"[。，、；！？,;!?]")
# A link, for that rule, leads to another page: not an anchor (Word's <a name=_Toc…> around its
# headings), a link within the page, or a file the page attaches (附件：1.任务分工表.doc)
_FILE = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar|7z|txt|rtf)(?:[?#].*)?$", re.I)


def _leads_away(a) -> bool:
    href = (a.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and not _FILE.search(href)


def charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _skipped(el) -> bool:
    tag = _tag(el)
    if not tag or tag in _SKIP:
        return True
    if _HIDDEN.search(el.get("style", "")):
        return True
    names = el.get("class", "") + " " + el.get("id", "")
    return bool(_NAV_CLASS.search(names) or _TEMPLATE_PART.search(names))


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def _link_lists(root) -> frozenset:
    """The containers that are lists of links (see _LINK_SHARE). Children come before their parents
    in reversed document order, so one pass sums each element's text, link text and links."""
    found = []
    size: dict = {}  # element → (characters, of them in links, links, prose outside links)
    for el in reversed(list(root.iter())):
        tag = _tag(el)
        parts = [size.pop(child, (0, 0, 0, False)) for child in el]
        if not tag or tag in _SKIP:
            size[el] = (0, 0, 0, False)
            continue
        own = [el.text or ""] + [child.tail or "" for child in el]
        chars = sum(map(_chars, own)) + sum(p[0] for p in parts)
        if tag == "a" and _leads_away(el):
            size[el] = (chars, chars, 1 if chars else 0, False)
            continue
        linked, links = sum(p[1] for p in parts), sum(p[2] for p in parts)
        prose = any(p[3] for p in parts) or any(_PROSE.search(t) for t in own)
        size[el] = (chars, linked, links, prose)
        if links >= 2 and not prose and tag in _LINK_CONTAINERS and linked >= _LINK_SHARE * chars:
            found.append(el)
    return frozenset(found)


def _centered(el) -> bool:
    return _tag(el) == "center" or (el.get("align") or "").lower() == "center" or bool(_CENTER.search(el.get("style", "")))


def _rows(table) -> list:
    """The table's own rows, not those of tables nested in its cells."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _cells(tr) -> list:
    return [c for c in tr if _tag(c) in ("td", "th") and not _skipped(c)]


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(re.sub(r"\D", "", cell.get(name, "1")) or 1), 1000))
    except ValueError:
        return 1


def _cell_text(cell) -> str:
    return " ".join(_plain_lines(cell))


def _plain_lines(el) -> list[str]:
    """The text of an element, a line per block or <br>, skipped parts left out (iterative)."""
    out: list[str] = [""]
    stack = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag = _tag(node)
        if closing:
            if tag in _BLOCK:
                out.append("")
            if node is not el and node.tail:
                out[-1] += node.tail
            continue
        if node is not el and _skipped(node):
            if node.tail:
                out[-1] += node.tail
            continue
        if tag == "br" or tag in _BLOCK:
            out.append("")
        if node.text and tag != "br":
            out[-1] += node.text
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(node))
    return [s for s in (" ".join(x.replace("\xa0", " ").split()) for x in out) if s]


def _is_layout(table, rows) -> bool:
    if len(rows) < 2 or max((len(_cells(r)) for r in rows), default=0) < 2:
        return True
    for tr in rows:
        for c in _cells(tr):
            if c.find(".//table") is not None or len(c.text_content()) > _LAYOUT_CELL_CHARS:
                return True
    return False


def _portal_meta(rows: list[list[tuple[str, int, int]]], meta: Meta) -> bool:
    """The portal's metadata table (索引号, 发文机关, 发文字号…): read into `meta`, not emitted."""
    cells = [t for row in rows for t, _, _ in row]
    found = 0
    for i, text in enumerate(cells):
        label = re.sub(r"[\s:：]", "", text)
        for key, attr in PORTAL_FIELDS.items():
            if label.startswith(key):
                value = re.sub(r"^[^:：]*[:：]\s*", "", text) if re.search(r"[:：]\s*\S", text) else (
                    cells[i + 1] if i + 1 < len(cells) else "")
                if value.strip():
                    setattr(meta, attr, getattr(meta, attr) or value.strip())
                    found += 1
                break
    return found >= 2


class _Walker:
    def __init__(self) -> None:
        self.b = TextBuilder()
        self.meta = Meta()
        self.buf: list[str] = []
        self.kind = PARAGRAPH
        self.box: int | None = None
        self.boxes = 0
        self.centered: list[bool] = []   # per open block element
        self.centered_blocks: list[bool] = []

    def flush(self) -> None:
        text = " ".join("".join(self.buf).replace("\xa0", " ").split())
        self.buf = []
        if text:
            block = self.b.add(self.kind, text, box=self.box)
            if block is not None:
                self.centered_blocks.append(bool(self.centered and self.centered[-1]))
        self.kind = PARAGRAPH

    def table(self, table, rows, stack) -> bool:
        """Emit a data table as a grid (True), or say it is a layout table to walk into (False)."""
        opens_box = bool(BOX_OPENER.match(" ".join(table.text_content().split())[:20]))
        if _is_layout(table, rows):
            if opens_box:
                self.boxes += 1
                stack.append(("endbox", self.box))
                self.box = self.boxes
            return False
        grid_rows = [[(_cell_text(c), _span(c, "rowspan"), _span(c, "colspan")) for c in _cells(tr)] for tr in rows]
        grid_rows = [r for r in grid_rows if r]
        if _portal_meta(grid_rows, self.meta):
            return True
        box = self.box
        if opens_box:
            self.boxes += 1
            box = self.boxes
        if len(grid_rows) > 1 and len(grid_rows[0]) == 1 and len(grid_rows[1]) > 1:
            # a title row across the table is its caption (专栏3 …, 表1 主要指标)
            self.b.add("caption", grid_rows.pop(0)[0][0], box=box)
            self.centered_blocks.append(True)
        if grid_rows:
            block = self.b.table(grid_rows, _header_rows(grid_rows), box=box)
            if block is not None:
                self.centered_blocks.append(False)
        return True

    def walk(self, root) -> None:
        stack: list = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if node == "endbox":
                self.flush()
                self.box = closing
                continue
            tag = _tag(node)
            if closing:
                if tag in _BLOCK:
                    self.flush()
                    self.centered.pop()
                if node.tail and node is not root:
                    self.buf.append(node.tail)
                continue
            if node is not root and _skipped(node):
                if node.tail:
                    self.buf.append(node.tail)
                continue
            if tag == "br":
                self.flush()
                if node.tail:
                    self.buf.append(node.tail)
                continue
            if tag == "table":
                self.flush()
                if self.table(node, _rows(node), stack):
                    if node.tail:
                        self.buf.append(node.tail)
                    continue
            if tag in _BLOCK:
                self.flush()
                self.centered.append(_centered(node) or bool(self.centered and self.centered[-1] and tag not in
                                                             ("table", "tbody", "tr")))
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    self.kind = HEADING
            if node.text:
                self.buf.append(node.text)
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(node))
        self.flush()


def read_html(markup: str) -> Read:
    """The blocks of a page, its title block and the metadata the portal states."""
    try:
        root = lxml.html.fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return Read("")
    w = _Walker()
    title_el = root.find(".//title")
    page_title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    body = root.find(".//body")
    body = body if body is not None else root
    for el in _link_lists(body):
        el.drop_tree()  # its tail stays
    w.walk(body)
    read = w.b.read(w.meta)
    runs = title_blocks(read, w.centered_blocks)
    read.meta.titles = runs[1:]
    read.meta.title = read.meta.title or (runs[0] if runs else None) or _heading_title(body) or _page_title(page_title)
    return read


def _heading_title(body) -> str | None:
    """The highest heading (h1, then h2, then h3) that ends as a document's title does (…的通知, …规划,
    …若干措施) and opens with no section number (not （三）保障措施), else the first h1 outside the
    page's header (not its logo): portals centre their titles by style sheet, and a page's first
    heading need not be its title."""
    from ..outline import match_numbering  # here: the outline's stage imports this one's (load)

    heads = [(_tag(h), " ".join(h.text_content().split())) for h in body.iter("h1", "h2", "h3")
             if not any(_skipped(a) for a in takewhile(lambda a: a is not body, h.iterancestors()))]
    heads.sort(key=lambda h: h[0])  # stable: in document order within a level
    titled = (t for _, t in heads if TITLE_END.search(t) and not match_numbering(unicodedata.normalize("NFKC", t)))
    return next(titled, None) or next((t for tag, t in heads if tag == "h1" and t), None)


_SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|[—–-]{1,2})\s*")


def _page_title(title: str) -> str | None:
    """<title> up to the first separator where it ends as a document's title does (标题_中国政府网,
    标题 - 某某市人民政府; 规划（2021—2025年）_某省: a dash inside the title separates nothing). Many
    portals title every page with their own name (某某省人民政府门户网站): that is none."""
    ends = [m.start() for m in _SITE_SEPARATOR.finditer(title)] + [len(title)]
    return next((head for e in ends if TITLE_END.search(head := title[:e].strip())), None)
