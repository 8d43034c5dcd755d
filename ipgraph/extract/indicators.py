"""Indicators: every row of every indicator table, or, where a text has no table, the
targets it states in running text (到2025年，X达到10件)."""
from __future__ import annotations

import re

from ..genre import (ADVERBS, BASELINE_HEADERS, COUNT_VERBS, MODAL_END, MODAL_WORDS, NAME_MARKS, NATURE_HEADERS,
                     PROSE_HEADS, QUALIFIERS, SHARES, TARGET_HEADERS, TARGET_VERBS, UNIT_HEADERS, UNITS)
from ..outline import CIRCLED, Outline, Table, is_nature, is_value
from .model import IndicatorRec, PlanInfo
_UNIT_PAREN = re.compile(r"\s*\(([^()]{1,8})\)\s*$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


# a cell that is a unit: the genre's units, perhaps per something (人/万人, 个/10万人)
_CELL_UNITS = sorted(set(UNITS) | {"立方米", "米", "辆", "床"}, key=len, reverse=True)
_UNIT_CELL = re.compile(rf"(?:万|亿|千|百)?(?:{'|'.join(map(re.escape, _CELL_UNITS))})(?:/.{{1,5}})?")


def _is_unit(cell: str) -> bool:
    return bool(_UNIT_CELL.fullmatch(cell.strip()))


def _number(text: str | None) -> str | None:
    m = _NUMBER.search(text or "")
    return m.group() if m else None


def _nature(cell: str | None) -> str | None:
    c = re.sub(r"\s+", "", cell or "")
    return "binding" if "约束" in c else "expected" if "预期" in c else None


def _header_year(cell: str) -> int | None:
    """The year a column stands for: 2025年, 目标值(2025年), or the end of a period (“十三五”累计 → 2020)."""
    m = _YEAR.search(cell)
    if m:
        return int(m.group())
    p = re.search(r"(十[一二三四五])五", cell)
    return _PERIOD_END[p.group(1)] if p else None


def _columns(header: list[str], plan: PlanInfo):
    nature_col = next((i for i, h in enumerate(header) if any(w in h for w in NATURE_HEADERS)), None)
    unit_col = next((i for i, h in enumerate(header) if h in UNIT_HEADERS or h.startswith("计量单位")), None)
    # the most specific name column: 三级指标 rather than 一级指标
    named = [i for i, h in enumerate(header) if i not in (nature_col, unit_col) and (
        h.endswith("指标") or h.startswith("指标名") or h in ("名称", "主要指标", "指标"))]
    name_col = named[-1] if named else next((i for i, h in enumerate(header) if h.startswith("指标")), 0)
    value_cols = [i for i in range(len(header)) if i not in (name_col, unit_col, nature_col) and i > name_col]
    years = {i: _header_year(header[i]) for i in value_cols if _header_year(header[i])}
    base = next((i for i in value_cols if any(w in header[i] for w in BASELINE_HEADERS)), None)
    target = next((i for i in value_cols if any(w in header[i] for w in TARGET_HEADERS)), None)
    if len(set(years.values())) >= 2 and (base is None or target is None or years.get(base) == years.get(target)):
        base = target = None  # 目标值 over 2020年 and 2025年: the years tell baseline from target
    if target is None and years:
        target = next((i for i, y in years.items() if y == plan.end_year), max(years, key=years.get))
    if base is None and years:
        earlier = [i for i, y in years.items() if target is None or y < years.get(target, 9999)]
        base = min(earlier, key=years.get) if earlier else None
    return name_col, unit_col, nature_col, value_cols, years, base, target


_EMPTY = re.compile(r"^(?:—+|-+|/|无|暂无|…+|\*)$")


def _datum(cell: str) -> bool:
    return is_value(cell) or is_nature(cell) or _is_unit(cell) or bool(_EMPTY.match(cell.strip()))


def _by_column(cells: list[str], header: list[str], name_col: int, unit_col: int | None,
               nature_col: int | None, value_cols: list[int], year_cols: list[int],
               target: int | None) -> dict[int, str]:
    """Map a row's cells to header columns, when cells are missing (empty or merged cells)."""
    if len(cells) == len(header):
        return dict(enumerate(cells))
    if any(h in ("序号", "编号") for h in header):
        serial = next((i for i, c in enumerate(cells[:2]) if re.fullmatch(r"\d{1,3}", c)), None)
        if serial is not None:
            cells = cells[:serial] + cells[serial + 1:]
    k = 0
    while k < len(cells) and not _datum(cells[k]):
        k += 1
    lead = cells[:k]
    # a name may hold spaces (PCT 专利申请量); a merged category cell before it may be missing
    name = lead[-1] if name_col > 0 and len(lead) > 1 else " ".join(lead)
    by_col = {name_col: name}
    values = []
    for c in cells[k:]:
        if is_nature(c) and nature_col is not None:
            by_col[nature_col] = c
        elif _is_unit(c) and not is_value(c) and unit_col is not None:
            by_col[unit_col] = c
        elif is_value(c) or _EMPTY.match(c.strip()):
            values.append("" if _EMPTY.match(c.strip()) else c)
    if len(values) == 1 and target is not None:
        by_col[target] = values[0]
    else:
        by_col.update(zip(year_cols if len(values) == len(year_cols) else value_cols, values))
    return by_col


_TABLE_UNIT = re.compile(r"^\s*(?:计量)?单位\s*[:：]\s*(\S{1,6})\s*$")


def table_unit(outline: Outline, table: Table) -> str | None:
    """The one unit a line right above a table states for all its rows (单位：万人)."""
    above = next((p for p in reversed(outline.paras) if p.end <= table.start), None)
    m = _TABLE_UNIT.match(above.text) if above is not None and table.start - above.end <= 2 else None
    return m.group(1) if m and (_is_unit(m.group(1)) or m.group(1) in UNITS) else None


def from_table(table: Table, plan: PlanInfo, unit_of_all: str | None = None) -> list[IndicatorRec]:
    name_col, unit_col, nature_col, value_cols, years, base, target = _columns(table.header, plan)
    year_cols = [i for i in value_cols if i in years]
    out = []
    for row in table.rows:
        by_col = _by_column(row.cells, table.header, name_col, unit_col, nature_col, value_cols, year_cols, target)
        raw_name = (by_col.get(name_col) or "").strip().rstrip(NAME_MARKS)
        raw_name = re.sub(r"^(?:\d{1,3}\s*[.、．]|[(（]\d{1,3}[)）])\s*", "", raw_name).rstrip(NAME_MARKS).strip()
        if not raw_name or is_value(raw_name):
            continue
        unit = ((by_col.get(unit_col) or "").strip() or None) if unit_col is not None else None
        m = _UNIT_PAREN.search(raw_name)
        # the unit in the name's brackets, perhaps with how it is counted: (万人), (万人,累计)
        stated = re.sub(r"\s*[,，、;；]\s*(?:五年)?(?:累计|年均|年均增长|期末)$", "", m.group(1)).strip() if m else ""
        if m and (_is_unit(stated) or stated in UNITS):
            unit = unit or stated
            raw_name = raw_name[: m.start()]
        name = "".join(ch for ch in raw_name if ch not in CIRCLED).strip()
        rec = IndicatorRec(name=name, start=row.start, end=row.end, unit=unit,
                           nature=_nature(by_col.get(nature_col)) if nature_col is not None else None)
        rec.baseline_year = years.get(base) if base is not None else None
        rec.target_year = years.get(target) if target is not None else None
        if base is not None and (bt := (by_col.get(base) or "").strip()) and not _EMPTY.match(bt):
            rec.baseline_text, rec.baseline_value = bt, _number(bt)
        if target is not None and (tt := (by_col.get(target) or "").strip()) and not _EMPTY.match(tt):
            rec.target_text, rec.target_value = tt, _number(tt)
        if rec.unit is None:
            stated = re.search(r"(%|‰)", (rec.target_text or "") + (rec.baseline_text or ""))
            rec.unit = stated.group(1) if stated else unit_of_all
        rec.baseline_year = rec.baseline_year or (plan.start_year - 1 if plan.start_year else None)
        rec.target_year = rec.target_year or plan.end_year
        out.append(rec)
    return out


# the year a sentence's targets are for: 到2025年, 到“十四五”末, 今年; a year or a period's end opening a
# clause (主要目标是：2025年，X达到…; “十四五”末，Y达到…; 2023年全区X达到…); 到规划期末, the plan's last
# year; a heading of a year's targets (1.2018年发展目标。, 2020年目标：)
_ANCHOR = re.compile(r"(?:到|至|截至|展望)\s*((?:19|20)\d{2})\s*年(?:底|末)?"
                     r"|(?:到\s*|(?<![\u4e00-\u9fff“\"])(?<![\u4e00-\u9fff][“\"]))[“\"]?(十[一二三四五])五[”\"]?(?:时期)?末|(今年|本年度)"
                     r"|(?:^|(?<=[:：,，;；。\s]))((?:19|20)\d{2})\s*年(?:底前|底|末)?(?=\s*[,，]|全[市省区县]|我[市省区县])"
                     r"|(?:到|至)?(规划期末)|((?:19|20)\d{2})\s*年(?:发展|主要|工作|总体)?目标")
_VERBS = TARGET_VERBS
_UNIT = "|".join(map(re.escape, UNITS))
# a name may hold a gloss in brackets: 细颗粒物(PM2.5)年均浓度, 优良天数比例(AQI达标率)
# …比重35%左右: a share written right before its percentage needs no verb
_STATED = re.compile(rf"(?P<name>(?:[^,。;:、()《》\"“”]|\([^()]{{1,20}}\)){{2,30}}?)"
                     rf"(?<![下传表抵送直转])(?P<verb>{_VERBS}|(?<=比重)|(?<=占比)|(?<=比例)|(?=[≥≤]))"  # not 下达2016年…
                     rf"(?P<cmp>[≥>≤<]?)\s*(?P<val>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # 1,250亿元 too
                     rf"\s*(?P<unit>{_UNIT})?(?P<more>{QUALIFIERS})?")
_COUNTED = re.compile(rf"(?:{COUNT_VERBS})(?P<val>\d+(?:\.\d+)?)\s*(?:余|多)?(?P<unit>{_UNIT})(?P<name>[^,，。;；、和及]{{2,40}})")
_AND_COUNTED = re.compile(rf"^[和及、](?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})(?P<name>[^,，。;；、和及]{{2,40}})")
_SHARE = re.compile(rf"^(?P<subj>[^,，。;；]{{2,40}}?)(?:{ADVERBS})?(?P<of>占[^,，。;；]{{1,16}}?)(?P<val>(?:{SHARES})|"
                    rf"\d+(?:\.\d+)?%(?:以上|左右)?)$")
_CHANGES = ("年均增长", "年均下降", "增长", "下降", "降低", "减少")
_SINCE = re.compile(r"(?:比|较)(?:(?:19|20)\d{2}年(?:末|底)?|上年)$")  # 单位GDP能耗比2020年下降14%
# a bound a verb sets instead of a point: 不低于90% is ≥90%, 高于80% is >80%
_BOUNDS = {"不低于": "≥", "不少于": "≥", "不超过": "≤", "高于": ">", "大于": ">", "低于": "<", "小于": "<"}
# digits a name may not hold: a year, a number opening it, a percentage (建成区公交站点500米覆盖率 is a name)
_NOT_A_NAME = re.compile(r"^\d|\d\s*[年%]|(?:19|20)\d{2}")
_NAME_NOISE = re.compile(r"^(?:——|—|●|•|·|★|☆|▲|△|※|\*|的|全市|全省|全区|全县|我市|我省|我区|我县|本市|本省|本区|本县|力争|实现|使|推动|重点推动|确保|引导|其中|提出|规划提出"
                         r"|(?:具体|主要)(?:指标|目标)(?:包括|为|是))+")
_GLOSS = re.compile(r"[(（][^()（）]{2,40}[)）]")
_GLOSS_AT_END = re.compile(r"\s*[(（][^()（）]{2,40}[)）]$")
_PERIOD_END = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030}


_INDICATOR_HEADING = re.compile(r"^[^,，。;；]{0,10}指标[^,，。;；]{0,4}$")


def _nature_in(text: str) -> str | None:
    return "binding" if "约束性" in text else "expected" if "预期性" in text else None


def _section_nature(outline: Outline, index: int) -> str | None:
    return next((n for a in outline.ancestors(outline.items[index].parent) if (n := _nature_in(a.title))), None)


# NAME12.5年: a target without a verb, in a list of indicators
_BARE = re.compile(rf"^(?P<name>[^,，。;；:：()（）\d]{{4,30}}?)(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})(?P<more>{QUALIFIERS})?$")


def _bare_target(s: str, offset: int, year: int) -> list[IndicatorRec]:
    m = _BARE.match(s.strip())
    if not m:
        return []
    lead = len(s) - len(s.lstrip())
    return [IndicatorRec(name=m.group("name"), start=offset + lead, end=offset + lead + m.end(), unit=m.group("unit"),
                         target_text=m.group("val") + m.group("unit") + (m.group("more") or ""),
                         target_value=m.group("val"), target_year=year)]


def _anchor_year(m: re.Match, plan: PlanInfo, issued: str | None, paragraph: str = "") -> int | None:
    """The year an anchor names; none for a year opening a clause without 到 in a paragraph that
    reports (“十三五”期间…。“十三五”末，X达到…: achievements)."""
    if (m.group(4) or (m.group(2) and not m.group().startswith("到"))) and _REPORTED.search(paragraph):
        return None
    if m.group(1) or m.group(4) or m.group(6):
        return int(m.group(1) or m.group(4) or m.group(6))
    if m.group(2):
        return _PERIOD_END[m.group(2)]
    if m.group(5):
        return plan.end_year
    if issued:
        return int(issued[:4])
    titled = re.search(r"((?:19|20)\d{2})\s*年", plan.title)  # 今年 of 某县2024年工作要点 is 2024
    return plan.end_year or (int(titled.group(1)) if titled else None)


_NUM = rf"\d+(?:\.\d+)?\s*(?:{_UNIT})?"
# X和Y分别达到A和B: one indicator each
_RESPECTIVELY = re.compile(rf"(?P<names>[^,，。;；:：《》]{{4,60}}?)(?P<growth>年均)?分别(?:达到|达|为|提高到|提升到|增长到|增加到|超过|不低于"
                           rf"|(?P<grows>年均增长|增长))"
                           rf"(?P<vals>{_NUM}(?:(?:、|和|及|,|，)\s*{_NUM})+)")
# X由2020年的A提高到B: a baseline beside the target
_FROM_TO = re.compile(rf"(?P<name>[^,，。;；:：、()《》\"“”]{{2,30}}?)(?:由|从)(?:(?P<by>20\d{{2}})\s*年(?:底|末)?(?:的)?)?"
                      rf"(?P<base>\d+(?:\.\d+)?)\s*(?P<bunit>{_UNIT})?(?:提高|增加|增长|提升|下降|降低|扩大|减少)(?:到|至)"
                      rf"(?:20\d{{2}}\s*年(?:底|末)?的?)?(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})?(?P<more>{QUALIFIERS})?")


def _shared_head(names: list[str]) -> list[str]:
    """城镇、农村居民人均可支配收入 → 城镇居民…, 农村居民…: a short first part is a qualifier as long as the
    last part's, which the head noun after it completes."""
    if len(names) < 2 or not all(len(n) <= 3 for n in names[:-1]) or len(names[-1]) <= len(names[0]) + 1:
        return names
    k = len(names[0])
    if any(len(n) != k for n in names[:-1]):
        return names
    return [n + names[-1][k:] for n in names[:-1]] + [names[-1]]


# X年均增长15%以上，达到500亿元: the growth and the level it reaches, two targets of one measure
_GROWTH_LEVEL = re.compile(rf"(?P<name>[^,，。;；:：、()《》\"“”]{{2,30}}?)(?:年均|年)?增长\d+(?:\.\d+)?%(?:{QUALIFIERS})?[,，]\s*"
                           rf"(?:达到|达|突破|超过)(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})(?P<more>{QUALIFIERS})?")


def _paired(s: str, offset: int, year: int) -> list[IndicatorRec]:
    """Targets stated two at a time (分别达到) or with their baseline (由A提高到B), and the level a growth
    reaches (X年均增长15%，达到500亿元)."""
    out = []
    for m in _GROWTH_LEVEL.finditer(s):
        name = re.sub(rf"(?:{ADVERBS})$", "", _NAME_NOISE.sub("", m.group("name").strip()))
        if len(name) >= 2:
            out.append(IndicatorRec(name=name, start=offset + m.start("val"), end=offset + m.end(), unit=m.group("unit"),
                                    target_text=m.group("val") + m.group("unit") + (m.group("more") or ""),
                                    target_value=m.group("val"), target_year=year))
    for m in _RESPECTIVELY.finditer(s):
        names = _shared_head([n for n in re.split(r"[、和及]", _NAME_NOISE.sub("", m.group("names").strip())) if n])
        vals = re.findall(rf"(\d+(?:\.\d+)?)\s*({_UNIT})?", m.group("vals"))
        if m.group("grows"):  # 旅游人数和旅游收入年均分别增长20%和22%: growth rates
            names = [n + (m.group("growth") or "") + m.group("grows") for n in names]
            vals = [(v, u or "%") for v, u in vals]
        if len(names) == len(vals) >= 2:
            for name, (val, unit) in zip(names, vals):
                out.append(IndicatorRec(name=name, start=offset + m.start(), end=offset + m.end(), unit=unit or None,
                                        target_text=val + (unit or ""), target_value=val, target_year=year))
    for m in _FROM_TO.finditer(s):
        name = re.sub(rf"(?:{ADVERBS})$", "", _NAME_NOISE.sub("", m.group("name").strip()))
        if len(name) < 2 or any(o.start <= offset + m.start() < o.end for o in out):
            continue
        unit = m.group("unit") or m.group("bunit")
        out.append(IndicatorRec(
            name=name, start=offset + m.start("name"), end=offset + m.end(), unit=unit,
            baseline_text=m.group("base") + (m.group("bunit") or ""), baseline_value=m.group("base"),
            baseline_year=int(m.group("by")) if m.group("by") else None,
            target_text=m.group("val") + (m.group("unit") or "") + (m.group("more") or ""), target_value=m.group("val"),
            target_year=year))
    return out


def _stated(s: str, offset: int, year: int) -> list[IndicatorRec]:
    """NAME达到10件, NAME年均增长8%: a target stated after the indicator's name; pairs and baselines too."""
    out = _paired(s, offset, year)
    for m in _STATED.finditer(s):
        if any(o.start <= offset + m.start("verb") < o.end for o in out):
            continue
        name = _NAME_NOISE.sub("", m.group("name").strip())
        name = name if name.endswith(MODAL_WORDS) else MODAL_END.sub("", name)  # 比重应达到…
        name = _GLOSS_AT_END.sub("", re.sub(rf"(?:{ADVERBS})$", "", name))  # 优良天数比例(AQI达标率)达到…
        if m.group("verb") in _CHANGES:
            name = _SINCE.sub("", name)
        bare = _GLOSS.sub("", name)  # 细颗粒物(PM2.5)年均浓度: the gloss may hold digits
        if len(bare) < 4 or _NOT_A_NAME.search(bare):
            continue
        unit = m.group("unit")
        if not m.group("verb") and not m.group("cmp") and unit != "%":
            continue  # 比重3: no share
        if m.group("verb") in _CHANGES:  # X增长8%, X比2020年下降14%: the change is the measure
            name, unit = name + m.group("verb"), unit or "%"
        bound = _BOUNDS.get(m.group("verb"), "")  # a bound, not a point
        written = (m.group("cmp") or bound) + m.group("val") + (unit or "") + (m.group("more") or "")
        tail = s[m.end(): m.end() + 12]
        nature = _nature_in(tail)
        # X和Y均达到98%: each of them
        names = re.split(r"[和及、]", name[:-1]) if re.search(r"[和及、].+(?:均|都)$", name) else [name]
        for n in names:
            out.append(IndicatorRec(name=n, start=offset + m.start("name") + name.find(n), end=offset + m.end(), unit=unit,
                                    target_text=written, target_value=m.group("val").replace(",", ""), target_year=year,
                                    nature=nature))
    return out


def _listed(clause: str, offset: int, year: int) -> list[IndicatorRec]:
    """In a paragraph of targets: 建设50所X和150个Y (counted things), X占Y一半以上 (shares)."""
    out = []
    share = _SHARE.match(_GLOSS.sub("", clause.strip()))
    if share:
        name = share.group("subj") + share.group("of")
        val = share.group("val")
        num = re.match(r"\d+(?:\.\d+)?", val)
        return [IndicatorRec(name=name, start=offset, end=offset + len(clause), unit="%" if num else None,
                             target_text=val, target_value=num.group() if num else None, target_year=year)]
    for m in _COUNTED.finditer(clause):
        found = [m]
        rest = clause[m.end():]
        while (nxt := _AND_COUNTED.match(rest)) is not None:
            found.append(nxt)
            rest = rest[nxt.end():]
        for f in found:
            name = f.group("name").strip()
            out.append(IndicatorRec(name=name, start=offset + clause.find(name), end=offset + clause.find(name) + len(name),
                                    unit=f.group("unit"), target_text=f.group("val") + f.group("unit"),
                                    target_value=f.group("val"), target_year=year))
    return out


def from_text(outline: Outline, plan: PlanInfo) -> list[IndicatorRec]:
    """Targets in running text: in a paragraph of targets (具体指标：到2022年，…) every quantified clause,
    elsewhere what a sentence anchored on a year (到2025年，…) states after an indicator's name."""
    text = outline.text
    out = []
    # the item each line opens or sits under
    under = {p.start: p.item for p in outline.paras} | {it.start: it.index for it in outline.items}
    led, scope = None, None  # the year an earlier line set, and the item it holds for: 到2025年，…。/——Y达到…
    # 某市2023年工作要点: its year throughout (not a period's plan: 2021—2025年, “十四五”)
    years_titled = set(_YEAR.findall(plan.title))
    yearly = int(years_titled.pop()) if len(years_titled) == 1 and not re.search(r"十[一二三四五]五", plan.title) \
        and plan.start_year in (None, plan.end_year) else None

    def early(year: int) -> bool:
        """A year before the plan's own: what it reports, not a target."""
        return bool((plan.start_year and year < plan.start_year) or (yearly and year < yearly))

    # items under a heading of indicators (一、主要指标分工 /（一）约束性指标): each states a target for the
    # plan's last year, its nature as the heading says
    under_heading: dict[int, bool] = {}  # items come after their parents: one look at each heading
    for it in outline.items:
        parent = outline.items[it.parent] if it.parent is not None else None
        under_heading[it.index] = parent is not None and (bool(_INDICATOR_HEADING.search(parent.title))
                                                          or under_heading[parent.index])
    listing = {i: _section_nature(outline, i) for i, under in under_heading.items() if under}
    for para in re.finditer(r"[^\n]+", text):
        p = para.group()
        item = under.get(para.start())
        dated = "年" in p or "末" in p  # every anchor holds one of them: most lines are passed over by this alone
        years = [y for a in _ANCHOR.finditer(p) if (y := _anchor_year(a, plan, plan.issued, p))] if dated else []
        if years:
            led = None if early(years[-1]) else years[-1]
            scope = item
        elif item != scope and scope not in {a.index for a in outline.ancestors(item)}:
            led = None  # another item than the dated one or one of its own: the year does not hold there
        head = _PROSE_HEAD.search(p)
        at = head.start() if head else len(p)  # 到2025年，…明显提升。具体指标：…: the targets follow their head
        going = None  # the year an earlier sentence of the paragraph set (到2027年，X达到A。Y达到B。: B is for 2027)
        past = False  # an earlier sentence of the paragraph spoke of a year before the plan's: its results go on
        for sentence in re.finditer(r"[^。;\n]+", p[:at]):
            s = sentence.group()
            anchor = _ANCHOR.search(s) if dated else None
            if not anchor:
                listed = item in listing and sentence.start() == 0
                year = None if past else going or led or yearly or (plan.end_year if listed else None)  # ——创新活力
                # 强劲：X达到…: a bullet, or a paragraph, of the goal above
                if year and _DIGIT.search(s) and not _PAST.search(s) and all(int(y) == year for y in _A_YEAR.findall(s)):
                    at_text = _NUMBERED_START.match(s).end()  # 2.研发投入强度达到2.8%: after the item's number
                    start = para.start() + sentence.start() + at_text
                    found = _stated(s[at_text:], start, year) or (_bare_target(s[at_text:], start, year) if listed else [])
                    if listed:  # its nature: the heading's, or a note after it (（预期性指标，牵头单位：…）)
                        after = p[sentence.end():sentence.end() + 16]
                        nature = listing[item] or _nature_in(after)
                        for rec in found:
                            rec.nature = rec.nature or nature
                    out += found
                continue
            year = _anchor_year(anchor, plan, plan.issued, p)
            if year is None or early(year):
                going = None  # (2017年，全省实现… in the 2018年 plan: last year's results)
                past = year is not None
                continue
            past = False
            going = year if anchor.group(3) is None else None
            found = _stated(s[anchor.end():], para.start() + sentence.start() + anchor.end(), year)
            out += found or _topic_target(s, anchor.end(), para.start() + sentence.start(), year)
        if head:  # the run's own year, else the last of the plan's period before its head (not 截至2020年底)
            anchor = _ANCHOR.search(p, at)
            years = [y for a in _ANCHOR.finditer(p, 0, at) if (y := _anchor_year(a, plan, plan.issued))
                     and not (plan.start_year and y < plan.start_year)]
            year = _anchor_year(anchor, plan, plan.issued) if anchor else (years[-1] if years else plan.end_year)
            for clause in re.finditer(r"[^,，。;；:：]+", p[at:]):
                got = _listed(clause.group(), para.start() + at + clause.start(), year)
                out += got or _stated(clause.group(), para.start() + at + clause.start(), year)
    return out


_DIGIT = re.compile(r"\d")  # a target has a number: most sentences are passed over by this alone
_A_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# a sentence about what was reached before the plan's years, not a target
_PAST = re.compile(r"以来|期间|已经|已|截至|截止|同比|比上年|的基础上")
_REPORTED = re.compile(r"以来|期间|已经|已|截至|截止|的基础上")  # (同比 and 比上年 compare a target too)
# a paragraph's targets, or its last sentences': 具体指标：到2022年，… / …明显提升。主要指标：…
_ITEM_NUMBER = r"(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?"  # an item's numbering, if any: (一) 2. 三、
_PROSE_HEAD = re.compile(rf"(?:^|(?<=[。;；]))\s*{_ITEM_NUMBER}(?:{PROSE_HEADS})\s*[:：]")
_NUMBERED_START = re.compile(rf"\s*{_ITEM_NUMBER}(?:(?:19|20)\d{{2}}\s*年\s*[,，]?)?")  # 1.2023年X达到…: X


_NOUN_TARGET = re.compile(rf"\s*(?:{_VERBS})(?P<cmp>[≥>]?)\s*(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})?"
                          rf"(?P<more>{QUALIFIERS})?的(?P<noun>[^,，。;；()（）]{{1,8}})")
_TOPIC = re.compile(rf"^\s*{_ITEM_NUMBER}(?:{COUNT_VERBS}|扩大|提高|提升|增加|稳定)?"
                    r"(?P<name>[^,，。;；:：]{2,30})[,，]")
_BASE = re.compile(rf"以\s*(?P<year>(?:19|20)\d{{2}})\s*年[^,，。;；]{{0,12}}?(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})?为基数")


def _topic_target(s: str, at: int, offset: int, year: int) -> list[IndicatorRec]:
    """至1998年达到2000名的招生规模: the target names its measure by a noun that ends the sentence's
    topic (扩大X招生规模，以1995年…1445名为基数，…): the topic is the indicator, 以…为基数 its baseline."""
    m = _NOUN_TARGET.match(s, at)
    topic = _TOPIC.match(s)
    if not m or not topic or not topic.group("name").endswith(m.group("noun")):
        return []
    rec = IndicatorRec(name=topic.group("name").strip(), start=offset + topic.start("name"), end=offset + m.end(),
                       unit=m.group("unit"), target_text=m.group("val") + (m.group("unit") or "") + (m.group("more") or ""),
                       target_value=m.group("val"), target_year=year)
    base = _BASE.search(s, 0, at)
    if base:
        rec.baseline_text = base.group("val") + (base.group("unit") or "")
        rec.baseline_value, rec.baseline_year = base.group("val"), int(base.group("year"))
    return [rec]


def extract_indicators(outline: Outline, plan: PlanInfo) -> list[IndicatorRec]:
    found = [rec for table in outline.tables if table.kind == "indicators"
             for rec in from_table(table, plan, table_unit(outline, table))]
    return found or from_text(outline, plan)
