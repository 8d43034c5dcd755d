"""Stage 2: SourceText → CleanText, normalised for rules but always mappable to original offsets.

What changes: full-width ASCII becomes half-width (（）→(), ：→:, ，→,), ideographic and
no-break spaces become spaces, traditional characters become simplified (OpenCC, Hong Kong and
Taiwan forms included), zero-width characters and CR go, and stray spaces inside Chinese prose
(知 识产权) go.
Table rows keep their spaces: they separate cells there.
"""
from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from array import array
from dataclasses import dataclass

from .document import Block, Cell, Meta
from .load import SourceText
from .script import is_traditional, to_simplified


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: array  # offsets[i] = index in the original text of clean character i
    original: str
    blocks: tuple[Block, ...] = ()  # the reader's blocks, spans in clean text
    meta: Meta = dataclasses.field(default_factory=Meta)  # the reader's metadata, half-width and simplified as the text
    traditional: bool = False       # the source is written in traditional script

    def clean_pos(self, orig: int) -> int:
        """The clean offset of the first clean character at or after original offset `orig`."""
        return bisect.bisect_left(self.offsets, orig)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text covering clean text[start:end]."""
        if not self.offsets:
            return 0, 0
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return self.offsets[start], self.offsets[last] + 1


def _width_table() -> dict[int, str]:
    table = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ",
                  0x2267: "≥", 0x2266: "≤", 0x25CB: "〇"})  # ≧ ≦ ○, as Big5 writes ≥ ≤ 〇
    return table


_WIDTH = _width_table()
_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH)) + "]+")


def _narrow(text: str) -> str:
    """text.translate(_WIDTH), touching only the runs of characters it changes (most are not)."""
    return _WIDE.sub(lambda m: m.group().translate(_WIDTH), text)


_IOTA = array("i")


def _positions(start: int, end: int) -> array:
    """array("i", range(start, end)), copied from a table of positions instead of counted out."""
    global _IOTA
    if len(_IOTA) < end:
        _IOTA = array("i", range(max(end, 2 * len(_IOTA))))
    return _IOTA[start:end]
_DROP = re.compile("[\r\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_PROSE_JOIN = re.compile(rf"(?<=[{_CJK}、。,;:“”《》()]) +(?=[{_CJK}、。,;:“”《》()])")
_SENTENCE_PUNCT = re.compile(r"[、。,;]")
# a pinyin gloss after a character: 规(guī)划, 场(chang)监督管(guan)理; with a tone mark or number, or a
# syllable of initial and final without one, so (PCT), (kg) and (a) stay
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en"
             r"|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v|ü)")
_PINYIN = re.compile(rf"(?<=[{_CJK}])\s?\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*|[a-zü]+[1-5]|{_SYLLABLE})"
                     rf"(?:\s[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ1-5][a-zü]*)*\)")
# whole short lines of web-page furniture in a page saved as plain text (a saved page's own
# structure drops them before this stage); a longer line is prose, whatever word it opens with
_FURNITURE = re.compile(r"^(?:当前位置|您当前的位置|您的位置|字体[:：]?\s*[大中小]|【字体|扫描二维码|扫一扫|分享到|上一篇|下一篇|"
                        r"版权所有|网站标识码|.*ICP备|主办单位).{0,40}$")
# buttons that make up a whole line ([打印本页] [关闭窗口]); a line that only opens with 关闭 is prose
_BUTTONS = re.compile(r"[【\[]?(?:关闭窗口|打印本页|打印|关闭|返回顶部|收藏本页|相关链接|无障碍浏览)[】\]]?|[\s|/·]")


_BUTTON_FIRST = frozenset("【[关打返收相无|/·")
# the heading of a page's list of links to other pages (相关文章, 相关解读：): it and the link lines after it
# go; a sentence (…。) ends the list
_RELATED = re.compile(r"^[【\[]?相关(?:文章|链接|阅读|新闻|解读|稿件|文件|信息|推荐|政策)[】\]]?\s*[:：]?$")  # what a match of _BUTTONS can open with (a stripped line)


def _furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line)) or (bool(line) and line[0] in _BUTTON_FIRST and not _BUTTONS.sub("", line))
_VALUE_CELL = re.compile(r"^[\[\(]?[≥≤><~约]?-?\d[\d.,%]*[\]\)]?(?:%|年)?$")


# traditional script quotes with corner brackets where simplified uses curly quotes: 「十四五」 → “十四五”
_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")


def _is_prose(line: str) -> bool:
    segments = line.split()
    if len(segments) < 2:
        return False
    if any(_VALUE_CELL.match(s) for s in segments):
        return False
    return bool(_SENTENCE_PUNCT.search(line))


def _simplify(line: str) -> str:
    """t2s that keeps one character per character, so offsets stay aligned."""
    out = to_simplified(line)
    if len(out) == len(line):
        return out
    fixed = list(line)
    sm = difflib.SequenceMatcher(a=line, b=out, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            fixed[i1:i2] = out[j1:j2]
    return "".join(fixed)


def _dropped(line: str, marks: bool = True) -> set[int]:
    """Positions in a line that clean text leaves out: glosses, zero-width marks, stray spaces.
    `marks`: whether the text holds any zero-width mark at all."""
    drop = {m.start() for m in _DROP.finditer(line)} if marks else set()
    if "(" in line:
        for m in _PINYIN.finditer(line):
            drop.update(range(m.start(), m.end()))
    if " " in line and _is_prose(line.strip()):
        for m in _PROSE_JOIN.finditer(line):
            drop.update(range(m.start(), m.end()))
    return drop


def clean_string(text: str, furniture: bool = True, traditional: bool | None = None) -> tuple[str, array]:
    """The clean text and, for each of its characters, its offset in `text`. Lines kept as they are
    (most) are copied in runs of whole lines; only the others are rebuilt character by character."""
    if traditional is None:
        traditional = is_traditional(text)  # t2s on simplified text turns 乾安县 into 干安县
    wide = _narrow(text)  # one character for one: offsets do not move
    marks = bool(_DROP.search(wide))
    out: list[str] = []
    keep = array("i")
    run = pos = 0  # run: where the lines copied as they are since the last line rebuilt begin

    def copy(end: int) -> None:
        if end > run:
            out.append(wide[run:end])
            keep.extend(_positions(run, end))

    lines = wide.split("\n")
    related = prose = False  # a list of related links follows the text, never heads it (相关新闻 in a menu)
    for n, line in enumerate(lines):
        end = pos + len(line)  # its newline
        if traditional:
            simplified = to_simplified(line)
            line = (simplified if len(simplified) == len(line) else _simplify(line)).translate(_CORNER_QUOTES)
        if furniture:
            related = (related and "。" not in line) or (prose and "相关" in line and bool(_RELATED.match(line.strip())))
            prose = prose or "。" in line
        if furniture and (related or _furniture(line.strip())):
            copy(pos)
            run = end + 1  # page furniture goes, newline and all
        else:
            drop = _dropped(line, marks)
            if drop or traditional:
                copy(pos)
                kept = [k for k in range(len(line)) if k not in drop]
                out.append("".join(line[k] for k in kept))
                keep.extend(pos + k for k in kept)
                if n < len(lines) - 1:
                    out.append("\n")
                    keep.append(end)
                run = end + 1
        pos = end + 1
    copy(len(wide))
    return "".join(out), keep


def clean(src: SourceText) -> CleanText:
    traditional = is_traditional(src.text)
    text, offsets = clean_string(src.text, furniture=not src.blocks, traditional=traditional)
    out = CleanText(text=text, offsets=offsets, original=src.text, traditional=traditional)
    # the title block and portal fields in the widths (and script) of the text the rules read:
    # a title read as （2023—2025年） would be a plan apart from the one cited as (2023—2025年)
    meta = dataclasses.replace(src.meta, **{f.name: _as_text(getattr(src.meta, f.name), traditional)
                                            for f in dataclasses.fields(src.meta)})
    return dataclasses.replace(out, blocks=tuple(_moved(b, out) for b in src.blocks), meta=meta)


def _as_text(value, traditional: bool):
    if isinstance(value, str):
        value = _narrow(value)
        return to_simplified(value).translate(_CORNER_QUOTES) if traditional else value
    if isinstance(value, list):
        return [_as_text(v, traditional) for v in value]
    return value


def _moved(block: Block, ct: CleanText) -> Block:
    """The block with its spans (and its cells' spans) in clean text."""
    cells: dict[int, Cell] = {}

    def cell(c: Cell) -> Cell:
        if id(c) not in cells:  # a merged cell stays one object across the rows it spans
            cells[id(c)] = dataclasses.replace(c, text=ct.text[ct.clean_pos(c.start):ct.clean_pos(c.end)],
                                               start=ct.clean_pos(c.start), end=ct.clean_pos(c.end))
        return cells[id(c)]

    grid = [[cell(c) for c in row] for row in block.grid] if block.grid is not None else None
    return dataclasses.replace(block, start=ct.clean_pos(block.start), end=ct.clean_pos(block.end), grid=grid)
