"""Which body a department name denotes: its jurisdiction and its full name.

省科技厅 in a 吉林 plan is 吉林省科学技术厅; 市市场监管局 in a 宜昌 plan and in a 济宁 plan are two
bodies; 市场监管总局 is 国家市场监督管理总局 wherever it is named. Short forms and full names come
from resources/department_aliases.csv; a body not listed keeps the name it is written with.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .genre import OWNER, alternation
from .regions import CHINA, Region, divisions

_MUNICIPALITIES = ("11", "12", "31", "50")  # 北京, 天津, 上海, 重庆: provincial-level cities
# words that start with 省/市/县/区 but name no level of the plan's own
_NOT_A_LEVEL = (*OWNER["not_levels"], *OWNER["levels_at_large"])
_NATIONAL_BODY = re.compile(rf"^(?:{alternation(OWNER['central_openers'])})|(?:{alternation(OWNER['central_endings'])})$")
_NATIONAL_BY_OPENER = re.compile(rf"^(?:{alternation(OWNER['central_by_opener'])})")
_ALIAS_PAREN = re.compile(r"\(([^()]*)\)$")


@dataclass(frozen=True)
class DeptRef:
    key: str                 # "220000/科学技术厅": jurisdiction code (or the plan's key) / full name
    label: str               # 吉林省科学技术厅
    region: Region | None
    surfaces: tuple[str, ...]  # every form it was written in, and its short name


@lru_cache(maxsize=1)
def aliases() -> dict[tuple[str, str], str]:
    path = Path(__file__).parent / "resources" / "department_aliases.csv"
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {(r["alias"], r["scope"]): r["full"] for r in csv.DictReader(rows)}


def full_name(stem: str, level: str) -> str:
    table = aliases()
    scopes = ["national"] if level == "national" else [level, "local"]
    return next((table[(stem, s)] for s in scopes if (stem, s) in table), stem)


def _is_national(core: str) -> bool:
    """A central body named on its own: 科技部, 市场监管总局, 国家知识产权局 (not 市场监管局, a local one)."""
    if core[0] in "省市县区州" and not core.startswith(_NOT_A_LEVEL):
        return False
    return bool(_NATIONAL_BY_OPENER.match(core)) or (
        bool(_NATIONAL_BODY.search(core)) and (core, "national") in aliases())


def _city_of(region: Region) -> Region:
    """The 市 of a plan's region: the region itself for a city, a county-level city (宜都市: about
    390 of them) included; the prefecture for a county or district."""
    if region.level == "county" and not region.name.endswith("市") and region.parent \
            and region.parent != region.province:
        return divisions().get(region.parent) or region
    return region


def _key(text: str) -> str:
    return re.sub(r"[^\w.-]", "", text) or "unnamed"


def department(surface: str, home: Region | None, scope: str = "") -> DeptRef:
    """The body `surface` denotes in a plan of region `home` (unknown: scoped to the plan `scope`)."""
    d = divisions()
    core = _ALIAS_PAREN.sub("", surface).strip() or surface
    surfaces = {surface, core}
    alias = _ALIAS_PAREN.search(surface)
    if alias and surface[:1] in "省市县区":
        surfaces.add(surface[0] + alias.group(1))
    prefix = d.prefix(core)
    local = core[0] in "省市县区" and not core.startswith(_NOT_A_LEVEL)
    # 市市场监管局 in a plan of unknown or national scope names some city's bureau, not a national one
    unplaced = home is None or (home.code == CHINA.code and local)
    if unplaced and prefix is None and not _is_national(core):
        return DeptRef(f"{scope or 'unscoped'}/{_key(core)}", core, None, tuple(sorted(surfaces)))
    home = home or CHINA
    level_prefix = False
    if prefix:
        region = d.lookup(prefix, within=home) or home
        rest = core[len(prefix):]
        if region.code == CHINA.code and (rest, "national") not in aliases():
            rest = core  # 中国 is part of a central body's own name (中国气象局), not a region before it
        # 广东省深圳市人民政府: the innermost division written in full (not a short form: 广东省中山大学)
        while (inner := d.prefix(rest)) and inner in d.by_name:
            child = d.lookup(inner, within=region)
            if child is None or region not in d.chain(child)[1:]:
                break
            region, rest = child, rest[len(inner):]
    elif home.code == CHINA.code or _is_national(core):
        region, rest = CHINA, core
    elif local:
        level_prefix = True
        if core[0] == "省":
            region = d.get(home.province) or home
        elif core[0] == "市":
            region = d.get(home.province) if home.code[:2] in _MUNICIPALITIES else _city_of(home)
        else:
            region = home
        rest = core[1:]
    else:
        region, rest = home, core
    region = region or home
    national = region.code == CHINA.code
    full = full_name(rest, "national" if national else region.level)
    generic = any((rest, sc) in aliases() for sc in (region.level, "local"))
    if national or (not level_prefix and not generic):
        label = full if national else core  # 长春海关, 人民银行长春中心支行: as written
    else:
        label = region.name + full
    if level_prefix:
        surfaces.add(region.name + rest)
    surfaces.discard(label)
    return DeptRef(f"{region.code}/{_key(full)}", label, region, tuple(sorted(surfaces)))
