"""Word's automatic numbering (word/numbering.xml) rendered as the number a reader sees.

A paragraph names a list instance (w:num) and a level; the instance points to an abstract list
whose levels state a start value, a number format and a text pattern ("%1、", "（%1）", "第%1章",
"%1.%2"). Counters belong to the abstract list, as in Word: two instances of one list continue
each other's count unless an instance restarts a level with w:startOverride.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# ①…⑳, ㉑…㉟, ㊱…㊿
CIRCLED = ("".join(chr(c) for c in range(0x2460, 0x2474)) + "".join(chr(c) for c in range(0x3251, 0x3260))
           + "".join(chr(c) for c in range(0x32B1, 0x32C0)))


def _val(el, name: str) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999; larger numbers as digits)."""
    if n <= 0 or n > 9999:
        return str(n)
    out, zero = "", False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if power == 1 and d == 1 and not out and digits is _DIGITS else digits[d]) + (
            units[power - 1] if power else "")
    return out


def _letters(n: int, base: str) -> str:
    # Word repeats the letter: a … z, aa … zz
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def render(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt format; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return chinese(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital2"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else f"({n})"
    if fmt == "decimalEnclosedParen":
        return chr(0x2473 + n) if 0 < n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2487 + n) if 0 < n <= 20 else f"{n}."
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n, "abcdefghijklmnopqrstuvwxyz" if fmt == "lowerLetter" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).lower() if fmt == "lowerRoman" else _roman(n)
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None   # w:lvlRestart: restart after a level above this 1-based one advances
    legal: bool = False          # w:isLgl: every level shown as decimal
    style: str | None = None     # w:pStyle: the paragraph style this level belongs to


def _level(el) -> _Level:
    restart = _val(el, "lvlRestart")
    return _Level(start=_int(_val(el, "start"), 1), fmt=_val(el, "numFmt") or "decimal",
                  text=_val(el, "lvlText") or "", restart=_int(restart, 0) if restart is not None else None,
                  legal=el.find(W + "isLgl") is not None, style=_val(el, "pStyle"))


@dataclass
class _List:
    abstract: str
    levels: dict[int, _Level]
    starts: dict[int, int] = field(default_factory=dict)   # w:startOverride per level


class Numbering:
    """The lists of one document and their running counters."""

    def __init__(self, xml: bytes | None) -> None:
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if not xml:
            return
        try:
            root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return  # a damaged numbering part: paragraphs read without their numbers
        abstracts = {a.get(W + "abstractNumId"): {_int(lv.get(W + "ilvl"), 0): _level(lv) for lv in a.findall(W + "lvl")}
                     for a in root.findall(W + "abstractNum")}
        for num in root.findall(W + "num"):
            abstract = _val(num, "abstractNumId")
            if abstract not in abstracts:
                continue
            levels = dict(abstracts[abstract])
            starts = {}
            for over in num.findall(W + "lvlOverride"):
                ilvl = _int(over.get(W + "ilvl"), 0)
                if over.find(W + "lvl") is not None:
                    levels[ilvl] = _level(over.find(W + "lvl"))
                if _val(over, "startOverride") is not None:
                    starts[ilvl] = _int(_val(over, "startOverride"), 1)
            self.lists[num.get(W + "numId")] = _List(abstract, levels, starts)

    def level_of_style(self, num_id: str, style: str | None) -> int:
        """The level a list gives to paragraphs of a style (heading styles linked to a multilevel list)."""
        lst = self.lists.get(num_id)
        for ilvl, lv in (lst.levels.items() if lst else ()):
            if style and lv.style == style:
                return ilvl
        return 0

    def next(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter at a level and give the paragraph's number as shown ("" if none)."""
        lst = self.lists.get(num_id)
        if lst is None or ilvl not in lst.levels:
            return ""
        counts = self.counters.setdefault(lst.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in lst.starts.items():
                counts[k] = start - 1
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else lst.levels[ilvl].start
        for k, lv in lst.levels.items():
            # a lower level restarts when a level above it advances, unless w:lvlRestart says otherwise
            if k > ilvl and ilvl < (k if lv.restart is None else lv.restart):
                counts.pop(k, None)
        level = lst.levels[ilvl]
        if level.fmt == "bullet":
            return ""
        out = level.text
        for k in range(9, 0, -1):
            if f"%{k}" in out:
                ref = lst.levels.get(k - 1, _Level())
                value = counts.get(k - 1, ref.start)
                out = out.replace(f"%{k}", render(value, "decimal" if level.legal and ref.fmt != "none" else ref.fmt))
        return out.strip()
