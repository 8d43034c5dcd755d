"""Stage 3: CleanText → Outline, the document's structure.

Numbered items (第一编, 第一章, 第一节, 一、, (一), 1., 1.1, (1), ①, 一是, —— and bullets) nest by
the conventional rank of their numbering (resources/genre.toml): a heading sits under the nearest
open heading of a higher rank, so a plan that skips a level or starts at (一) still nests right,
and a numbered preamble never adopts the plan. Besides items the outline holds plain paragraphs,
专栏 boxes (holding what they contain), tables (the reader's grids, or rows recognised from aligned
lines in plain text) and footnote definitions. All spans are offsets into the clean text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import CleanText
from .document import TABLE, Block
from .genre import (CN_DIGITS, DOC_NUMBER, LETTER_TITLE, NAME_HEADERS, NOTE_HEAD, NUMBERING_RANKS, OWNER,
                    PROJECT_NAME_ENDINGS, TITLE_END, TITLE_LINE_END, VOCAB, alternation, cn_int)

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_SCHEMES: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(rf"第[{CN_DIGITS}\d]+编\s*")),
    ("chapter", re.compile(rf"第[{CN_DIGITS}\d]+[章篇部](?:分)?\s*")),
    ("section", re.compile(rf"第[{CN_DIGITS}\d]+节\s*")),
    # an article's caption is part of its number (第二条【定义】, 第三条（部门职责）): the text starts after it
    ("article", re.compile(rf"第[{CN_DIGITS}\d]+条\s*(?:[【\[(][^】\]()]{{1,10}}[】\])]\s*)?")),
    ("cn", re.compile(rf"[{CN_DIGITS}]{{1,3}}\s*[、.]\s*")),
    ("(cn)", re.compile(rf"\(\s*[{CN_DIGITS}]{{1,3}}\s*\)\s*[、.]?\s*")),
    ("decimal", re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}(?![\d%.])\s*")),
    # 1. and 1、, not 1.5亿元; but 1.2023年底前… is item 1 opening with a year
    ("n", re.compile(r"\d{1,3}\s*(?:[.、](?![\d%])|\.(?=(?:19|20)\d{2}\s*年))\s*")),
    ("(n)", re.compile(r"\(\s*\d{1,3}\s*\)\s*")),
    ("n)", re.compile(r"\d{1,2}\)\s*")),
    ("circled", re.compile(rf"[{CIRCLED}]\s*")),
    ("cn是", re.compile(rf"[{CN_DIGITS}]{{1,2}}是(?=[^,。;:]{{2}})")),
    ("dash", re.compile(r"——\s*")),
    ("bullet", re.compile(r"[-•·▪●○◆■]\s+")),
]

_COUNTING = {"cn", "(cn)", "n", "(n)", "n)", "circled"}
# an item titled with a project's name: 3.地理标志运用工程。…
_PROJECT_TITLE = re.compile(rf"[^。:：;；]{{2,30}}?(?:{PROJECT_NAME_ENDINGS})(?:[。:：]|$)")
_BOX = re.compile(rf"^[【\[]?专栏\s*([\d{CN_DIGITS}]+(?:\s*[-—–]\s*\d+)?)?\s*[】\]]?\s*[:.、]?\s*(.*)$")
# a footnote's reference mark: ①, [1]; in a 注: block also 1. / 1、
_MARK = rf"[{CIRCLED}]|\[\d{{1,2}}\]"
_FOOTNOTE_PART = re.compile(rf"({_MARK}|\d{{1,2}}[.、](?!\d))\s*([^:,。;\[{CIRCLED}]{{1,30}}?)\s*"
                            rf"(?::|,(?=\s*(?:是指|系指|指))|(?=是指|系指))\s*(.*)", re.S)
_DEF_START = re.compile(rf"^(?:{alternation(VOCAB['terms']['definition_starts'])})")
_TERMINAL = tuple("。;!?:)》】")
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}(?:年.*)?$")
_HEADER_WORDS = tuple(VOCAB["indicators"]["header_words"])
# a bare decimal chapter heading: "1 总则", "2 组织机构和职责"
_BARE_DECIMAL = re.compile(r"(\d{1,2})[ \u3000]+(?=[\u4e00-\u9fff][^,。;:\t]{1,24}$)")
_VALUE = re.compile(r"^[\[\(]?[≥≤><~约]?\s*-?\d[\d.,]*\s*[%‰]?[\]\)]?(?:以上|以下|左右)?$")
_NATURE = re.compile(r"^(预期性|约束性)$")


@dataclass
class Item:
    index: int
    scheme: str
    numbering: str
    text: str          # the line without its numbering
    start: int         # span of the whole line, numbering included
    end: int
    parent: int | None
    depth: int
    ordinal: int       # 1-based position among its siblings
    line: str = ""     # the whole line, numbering included, wrapped lines joined
    pieces: list[tuple[int, str]] = field(default_factory=list)

    def offset(self, k: int) -> int:
        """Clean-text offset of character k of `line`."""
        return piece_offset(self.pieces, k, self.end)

    @property
    def text_at(self) -> int:
        """Where `text` starts in `line`: the length of the numbering as written."""
        return len(self.line) - len(self.text)

    @property
    def title(self) -> str:
        head = re.split(r"[。;!?]", self.text, maxsplit=1)[0]
        return head.strip() or self.text.strip()


@dataclass
class Para:
    text: str
    start: int
    end: int
    item: int | None   # the item it sits under
    pieces: list[tuple[int, str]] = field(default_factory=list)

    def offset(self, k: int) -> int:
        return piece_offset(self.pieces, k, self.end)


@dataclass
class Box:
    number: str
    title: str
    body: str
    start: int
    end: int
    item: int | None
    group: int | None = None   # the reader's box id: the box ends where its frame does
    # its lines of text, each with its place among the body's lines (a table's rows are lines of
    # the body too, but not of the text) and its span
    lines: list[tuple[int, Para]] = field(default_factory=list)


@dataclass
class Row:
    cells: list[str]
    start: int
    end: int
    spans: list[tuple[int, int]] = field(default_factory=list)  # each cell's span, where the reader gave it


@dataclass
class Table:
    header: list[str]
    rows: list[Row]
    start: int
    end: int
    caption: str
    item: int | None
    kind: str = "indicators"   # or "duties": a 任务分工 table of tasks and their departments


@dataclass
class Footnote:
    marker: str
    term: str
    definition: str
    start: int         # span of the whole definition, marker included
    end: int


@dataclass
class Outline:
    text: str
    items: list[Item] = field(default_factory=list)
    paras: list[Para] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def ancestors(self, index: int | None) -> list[Item]:
        out = []
        while index is not None:
            out.append(self.items[index])
            index = self.items[index].parent
        return out


@dataclass
class _Line:
    text: str   # stripped
    start: int  # span of the stripped text
    end: int
    raw: str
    pieces: list[tuple[int, str]] = field(default_factory=list)  # (start, text) of joined physical lines
    box: int | None = None  # the reader's box id

    def __post_init__(self):
        self.pieces = self.pieces or [(self.start, self.text)]

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(_Line(stripped, pos + lead, pos + lead + len(stripped), raw))
        pos += len(raw) + 1
    return out


# the characters a numbering can open with (and any digit): most lines open with none of them, and
# are done without trying each scheme
_NUMBER_STARTS = frozenset("第(—-•·▪●○◆■" + CN_DIGITS + CIRCLED)


def match_numbering(text: str) -> tuple[str, str] | None:
    if not text or not (text[0] in _NUMBER_STARTS or text[0].isdecimal()):
        return None
    for scheme, rx in _SCHEMES:
        m = rx.match(text)
        if m and len(text) > m.end():
            return scheme, m.group(0)
    m = _BARE_DECIMAL.match(text)
    if m and not _table_like(text[m.end():]):  # 1 森林覆盖率 % 46.5 47 约束性: a table's row, not 1 总则
        return "decimal", m.group(0)
    return None


def ordinal(scheme: str, numbering: str) -> int | None:
    """The number a numbering counts (3 for 3. and （三）), for the schemes that count one by one."""
    digits = re.sub(rf"[^\d{CN_DIGITS}{CIRCLED}]", "", numbering)
    if not digits or scheme not in _COUNTING:
        return None
    return CIRCLED.index(digits) + 1 if scheme == "circled" else cn_int(digits)


def rank(scheme: str, numbering: str) -> float:
    """The conventional rank of a numbering (lower is higher). Decimal numbering ranks by depth:
    1 with 一、, 1.1 with (一), 1.1.1 with 1., a level deeper just above (1)."""
    if scheme == "decimal":
        depth = numbering.strip().count(".") + 1
        return NUMBERING_RANKS["cn"] + depth - 0.5
    return float(NUMBERING_RANKS[scheme])


def _cells(line: str) -> list[str]:
    line = re.sub(r"^指\s+标", "指标", line.strip())
    return [c.strip() for c in (line.split("\t") if "\t" in line else line.split())]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _header_like(cell: str) -> bool:
    c = _squash(cell)
    return bool(_YEAR_CELL.match(c)) or any(w in c for w in _HEADER_WORDS)


def is_value(cell: str) -> bool:
    return bool(_VALUE.match(cell.strip()))


def is_nature(cell: str) -> bool:
    return bool(_NATURE.match(_squash(cell)))


def _table_like(line: str) -> bool:
    cells = line.split()
    return "\t" in line or (len(cells) >= 2 and any(is_value(c) or is_nature(c) for c in cells))


def _join_wraps(lines: list[_Line]) -> list[_Line]:
    """Join lines broken in the middle of a sentence (copies of PDFs, fixed-width pages)."""
    out: list[_Line] = []
    texts = 0  # lines with text in `out`: the first of them is the text's first line
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and not prev.blank and not ln.blank and len(prev.text) >= 20
                and " " not in prev.text and " " not in ln.text
                and not prev.text.endswith(_TERMINAL) and "\t" not in prev.raw and "\t" not in ln.raw
                and not _table_like(prev.text) and not _table_like(ln.text)
                and not TITLE_LINE_END.search(prev.text) and not LETTER_TITLE.search(prev.text)
                and not (texts == 1 and TITLE_END.search(prev.text))  # the first line, ending as a title does
                and not DOC_NUMBER.fullmatch(ln.text)
                and match_numbering(ln.text) is None and not _BOX.match(ln.text) and not _BOX.match(prev.text)
                and ln.text[0] not in CIRCLED and not ln.text.startswith("注")):
            out[-1] = _Line(prev.text + ln.text, prev.start, ln.end, prev.raw + ln.raw, prev.pieces + ln.pieces)
        else:
            out.append(ln)
            texts += not ln.blank
    return out


def piece_offset(pieces: list[tuple[int, str]], k: int, end: int) -> int:
    """Clean-text offset of character k of a line made of joined pieces."""
    for start, piece in pieces:
        if k < len(piece):
            return start + k
        k -= len(piece)
    return end


def _offset_in(line: _Line, k: int) -> int:
    return piece_offset(line.pieces, k, line.end)


def _footnotes(line: _Line, text: str, continuing: bool = False) -> list[Footnote]:
    """Footnote definitions on a line (①X:指…, ①X,是指…, [1]X:…, 注:1.X:…, and the 2.Y:… lines that
    go on a 注: block); `text` is the whole clean text (only what precedes the line is read)."""
    body = line.text
    lead = 0
    m = re.match(NOTE_HEAD, body)
    in_note = bool(m) and bool(re.match(rf"(?:{_MARK}|\d{{1,2}}[.、](?!\d))", body[m.end():]))
    if in_note:
        lead = m.end()
    in_note = in_note or continuing
    marks = rf"{_MARK}|\d{{1,2}}[.、](?!\d)" if in_note else _MARK
    if not re.match(marks, body[lead:]):
        return []
    parts = [(mm.start() + lead) for mm in re.finditer(marks, body[lead:])]
    # only split where a marker starts a "term:" part, so a marker inside a definition stays
    starts = [p for p in parts if _FOOTNOTE_PART.match(body, p) and (p == lead or body[p - 1] in "。;. ")]
    if not starts or (starts[0] != lead and not in_note):  # in a 注: block, notes that define nothing come first
        return []
    out = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(body)
        fm = _FOOTNOTE_PART.match(body[s:e])
        if not fm:
            continue
        marker, term, definition = fm.group(1), fm.group(2).strip().strip("“”\"'‘’"), fm.group(3).strip()
        referenced = text.find(term + marker, 0, line.start) >= 0 or re.compile(
            re.escape(term) + r"\S{0,12}" + re.escape(marker)).search(text, 0, line.start)
        if not (in_note or referenced or _DEF_START.match(definition)):
            return []
        out.append(Footnote(marker, term, definition, _offset_in(line, s), _offset_in(line, e - 1) + 1))
    return out


def _toc_lines(lines: list[_Line]) -> set[int]:
    """Indices of a table of contents: a run of bare headings whose first one recurs later."""
    skip: set[int] = set()
    i = 0
    while i < len(lines):
        run = []
        j = i
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                j += 1
                continue
            if len(ln.text) <= 24 and match_numbering(ln.text) and not re.search(r"[,。;]", ln.text):
                run.append(j)
                j += 1
                continue
            break
        if len(run) >= 3:
            first = lines[run[0]].text
            if any(lines[k].text == first for k in range(run[-1] + 1, len(lines))):
                skip.update(run)
        i = max(j, i + 1)
    return skip


def _block_lines(text: str, blocks: tuple[Block, ...]) -> list[_Line | Block]:
    """The reader's blocks as outline units: tables stay grids, every other block is a line."""
    out: list[_Line | Block] = []
    for b in blocks:
        if b.kind == TABLE:
            out.append(b)
            continue
        raw = text[b.start:b.end]
        for piece in raw.split("\n"):
            stripped = piece.strip()
            lead = len(piece) - len(piece.lstrip())
            start = b.start + raw.find(piece) + lead if stripped else b.start
            if stripped:
                out.append(_Line(stripped, start, start + len(stripped), piece, box=b.box))
    return out


def grid_table(block: Block, item: int | None) -> Table:
    """A reader's grid as a Table: a header label per column (stacked header rows joined), rows of cells."""
    grid = block.grid or []
    head_rows = grid[:block.header_rows] or grid[:1]
    header = []
    for col in range(len(grid[0]) if grid else 0):
        parts: list[str] = []
        for row in head_rows:
            t = _squash(row[col].text)
            if t and t not in parts:
                parts.append(t)
        header.append("".join(parts))
    rows = []
    above: list = []
    for row in grid[len(head_rows):]:
        # a cell merged down from the row above belongs to that row's span, not this one's
        own = [c for c in row if c.text and not any(c is a for a in above)] or [c for c in row if c.text] or row
        rows.append(Row([c.text for c in row], min(c.start for c in own), max(c.end for c in own),
                        [(c.start, c.end) for c in row]))
        above = row
    return Table(header, rows, block.start, block.end, "", item, _table_kind(header))


def _table_kind(header: list[str]) -> str:
    if any(h in _TASK_HEADERS or any(w in h for w in _DUTY_MARKS) for h in header) and any(
            any(o in h for o in OWNER_HEADERS) for h in header):
        return "duties"
    if any(h in NAME_HEADERS or h.endswith("指标") or h.startswith("指标名") for h in header):
        return "indicators"
    return "other"


def parse(clean: CleanText | str) -> Outline:
    text = clean.text if isinstance(clean, CleanText) else clean
    blocks = clean.blocks if isinstance(clean, CleanText) else ()
    out = Outline(text=text)
    units: list[_Line | Block] = _block_lines(text, blocks) if blocks else _join_wraps(_lines(text))
    lines = [u if isinstance(u, _Line) else _Line("", u.start, u.start, "") for u in units]
    toc = _toc_lines(lines)
    stack: list[tuple[float, int]] = []   # open headings: (rank, item index)
    counters: dict[int | None, int] = {}
    box: Box | None = None
    box_rank = 0.0
    box_list: dict[str, int] = {}  # scheme → the last number of the box's own list
    note_block = False  # the lines after 注:1.X:… that go on with 2.Y:…
    i = 0

    def current() -> int | None:
        return stack[-1][1] if stack else None

    def close_box() -> None:
        nonlocal box
        if box is not None:
            out.boxes.append(box)
            box = None

    def in_box_list(num: tuple[str, str] | None, text: str) -> bool:
        """Whether a numbered line goes on with the open box's own list. A box numbers its items
        from 1, often as the tasks around it are numbered: 1. in a box after task 2. is the box's;
        3. after the box's 1. and 2. is the tasks' again, unless it names a project."""
        n = ordinal(*num) if num else None
        if n is None or box_list.get(num[0], 0) != n - 1:
            return False
        outer = out.items[stack[-1][1]] if stack else None
        if outer is None or outer.scheme != num[0] or counters.get(outer.parent, 0) + 1 != n:
            return True
        return bool(_PROJECT_TITLE.match(text[len(num[1]):]))

    while i < len(units):
        unit = units[i]
        if isinstance(unit, Block):  # a reader's table: its grid, kept whole
            tbl = grid_table(unit, current())
            cap = next((p for p in reversed(out.paras) if p.end <= tbl.start), None)
            if cap is not None and len(cap.text) <= 40 and ("指标" in cap.text or "表" in cap.text[:3]):
                tbl.caption = cap.text
            if box is not None and (box.group is None or box.group == unit.box):
                box.body = (box.body + "\n" + "\n".join("\t".join(r.cells) for r in tbl.rows)).strip()
                box.end = unit.end
                tbl.caption = tbl.caption or box.title
            if tbl.rows:
                out.tables.append(tbl)
            i += 1
            continue
        ln = unit
        if ln.blank or i in toc:
            if box is not None and ln.blank and box.body:
                # a page that puts a blank line between all its lines still lists a box's items
                nxt = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
                if not (box_list and nxt is not None and isinstance(units[nxt], _Line)
                        and in_box_list(match_numbering(lines[nxt].text), lines[nxt].text)):
                    close_box()
            i += 1
            continue
        num = match_numbering(ln.text)
        r = rank(*num) if num else None
        bm = _BOX.match(ln.text)
        outside = r is not None and r <= box_rank and not (r == box_rank and in_box_list(num, ln.text))
        if box is not None and (bm or (box.group is not None and ln.box != box.group) or outside):
            close_box()
        if bm:
            title = bm.group(2).strip()
            if not title:
                nxt = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
                if nxt is not None and len(lines[nxt].text) <= 40 and isinstance(units[nxt], _Line):
                    title, i = lines[nxt].text, nxt
            box = Box(re.sub(r"\s+", "", bm.group(1) or ""), title, "", ln.start, lines[i].end, current(), ln.box)
            box_rank = stack[-1][0] if stack else -1.0
            box_list = {}
            i += 1
            continue
        table = None if blocks else (_table_at(lines, i, current()) or _duty_table_at(lines, i, current()))
        if table is not None:
            tbl, i = table
            if box is not None:  # a table framed in a box (专栏1 主要指标): the box's title is its caption
                box.body = (box.body + "\n" + "\n".join("\t".join(r.cells) for r in tbl.rows)).strip()
                box.end = tbl.end
                tbl.caption = box.title
            else:
                cap = next((p for p in reversed(out.paras) if p.end <= tbl.start), None)
                if cap is not None and len(cap.text) <= 40 and ("指标" in cap.text or "表" in cap.text[:3]):
                    tbl.caption = cap.text
            out.tables.append(tbl)
            continue
        if box is not None:
            box.body = (box.body + "\n" + ln.text).strip()
            box.end = ln.end
            if num and ordinal(*num) is not None:
                box_list[num[0]] = ordinal(*num)
            if ln.text.strip():
                box.lines.append((box.body.count("\n"), Para(ln.text, ln.start, ln.end, box.item, ln.pieces)))
            notes = _footnotes(ln, text, note_block)  # a box's own notes define terms too
            note_block = bool(notes) and (note_block or bool(re.match(NOTE_HEAD, ln.text)))
            out.footnotes.extend(notes)
            i += 1
            continue
        notes = _footnotes(ln, text, note_block)
        note_block = bool(notes) and (note_block or bool(re.match(NOTE_HEAD, ln.text)))
        if notes:
            out.footnotes.extend(notes)
            i += 1
            continue
        if num:
            scheme, numbering = num
            while stack and stack[-1][0] >= r:
                stack.pop()
            parent = current()
            counters[parent] = counters.get(parent, 0) + 1
            idx = len(out.items)
            body = ln.text[len(numbering):]
            out.items.append(Item(idx, scheme, numbering.strip(), body, ln.start, ln.end, parent, len(stack),
                                  counters[parent], ln.text, ln.pieces))
            stack.append((r, idx))
        else:
            out.paras.append(Para(ln.text, ln.start, ln.end, current(), ln.pieces))
        i += 1
    close_box()
    return out


def _names_any(raw: str, words) -> bool:
    """Whether a line holds any of `words` once its spaces are gone: no cell of it can be one of
    them otherwise, and most lines are done without being split into cells."""
    compact = "".join(raw.split())
    return any(w in compact for w in words)


def _table_at(lines: list[_Line], i: int, item: int | None) -> tuple[Table, int] | None:
    if not _names_any(lines[i].raw, NAME_HEADERS):
        return None
    cells = _cells(lines[i].raw)
    if not any(_squash(c) in NAME_HEADERS for c in cells[:3]):
        return None
    if len(cells) >= 3 and any(_header_like(c) for c in cells[1:]):
        return _row_table(lines, i, [_squash(c) for c in cells], item)
    if len(cells) == 1:
        header = [_squash(cells[0])]
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                j += 1
                continue
            if _header_like(ln.text) and (not is_value(ln.text) or _YEAR_CELL.match(ln.text)):
                header.append(_squash(ln.text))
                j += 1
                continue
            break
        if len(header) >= 3:
            return _cell_table(lines, i, j, header, item)
    return None


_TASK_HEADERS = set(OWNER["duty_table_tasks"])
_DUTY_MARKS = tuple(OWNER["duty_table_marks"])
OWNER_HEADERS = tuple(OWNER["duty_table_owners"])


def _duty_cells(raw: str) -> list[str]:
    cells = [c.strip() for c in re.split(r"\t|\s{2,}", raw.strip())]
    return cells if len(cells) > 1 else raw.split()  # one space between cells: 1 建设X 市科技局 市财政局


def _spaced(raw: str) -> bool:
    return not re.search(r"\t|\s{2,}", raw.strip())


def _duty_table_at(lines: list[_Line], i: int, item: int | None) -> tuple[Table, int] | None:
    """A 任务分工 table: one row a line, cells split by tabs or wide spaces."""
    if not _names_any(lines[i].raw, OWNER_HEADERS):
        return None
    header = [_squash(c) for c in _duty_cells(lines[i].raw)]
    if not (set(header) & _TASK_HEADERS and set(header) & set(OWNER_HEADERS)):
        return None
    rows: list[Row] = []
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if not ln.blank:
            cells = _duty_cells(ln.raw)
            if len(cells) < 2 or (_spaced(ln.raw) and (len(cells) != len(header) or re.search(r"[。;]", ln.text))):
                break  # cells one space apart: a sentence or a line of another count is prose, not a row
            rows.append(Row(cells, ln.start, ln.end))
        j += 1
    if not rows:
        return None
    return Table(header, rows, lines[i].start, rows[-1].end, "", item, "duties"), j


# the caption of the next table (表2 …, 附表1 …) ends the one before
_CAPTION = re.compile(r"^(?:附表|表)\s*[\d一二三四五六七八九十]+(?:[-—.]\d+)?(?:\s|[:：]|$)")


def _ends_table(text: str) -> bool:
    return (text.startswith("注") or match_numbering(text) is not None or bool(_BOX.match(text))
            or bool(_CAPTION.match(text)) or len(text) > 60
            or bool(re.search(r"[,。;]", re.sub(r"\([^()]*\)", "", text))))  # 就业人数(万人,累计) is a cell


def _row_table(lines, i, header, item):
    rows: list[Row] = []
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.blank:
            j += 1
            continue
        cells = _cells(ln.raw)
        if _ends_table(ln.text) or len(cells) < 2:
            break
        rows.append(Row(cells, ln.start, ln.end))
        j += 1
    if not rows:
        return None
    return Table(header, rows, lines[i].start, rows[-1].end, "", item), j


def _numbered_name_cell(lines, j) -> bool:
    """1.学前教育毛入园率(%) over its values: a row's numbered name cell, not a numbered line ending the table."""
    text = lines[j].text
    if match_numbering(text) is None or len(text) > 30 or re.search(r"[,。;]", re.sub(r"\([^()]*\)", "", text)):
        return False
    nxt = next((ln for ln in lines[j + 1:j + 4] if not ln.blank), None)
    return nxt is not None and is_value(nxt.text)


def _cell_table(lines, i, j, header, item):
    cells: list[tuple[str, int, int, bool]] = []  # text, start, end, row break before
    tab_mode = any("\t" in lines[k].raw for k in range(i, min(j + 3, len(lines))))
    gap = False
    while j < len(lines):
        ln = lines[j]
        if not ln.raw.strip("\n"):
            gap = True
            j += 1
            continue
        if ln.blank and not (tab_mode and "\t" in ln.raw):
            gap = True
            j += 1
            continue
        if not ln.blank and _ends_table(ln.text) and not _numbered_name_cell(lines, j):
            break
        cells.append((ln.text, ln.start, ln.end, gap))
        gap = False
        j += 1
    rows: list[Row] = []
    for text, start, end, brk in cells:
        starts_row = (brk and tab_mode) if tab_mode else (
            text and not is_value(text) and not is_nature(text) and len(text) > 3)
        if starts_row or not rows:
            rows.append(Row([text], start, end))
        else:
            rows[-1].cells.append(text)
            rows[-1].end = max(rows[-1].end, end)
    rows = [r for r in rows if any(c for c in r.cells[1:]) or len(r.cells) > 1]
    if not rows:
        return None
    return Table(header, rows, lines[i].start, rows[-1].end, "", item), j
