"""Realistic plan corpora of any size, made from the bundled seeds.

Each document is one of the seed plans with its jurisdiction replaced by a real one (a city and
its province from the division table, names in full and short forms), its period shifted to
十三五 or 十四五, and a section of another seed spliced in, so layouts, tables, footnotes,
citations and 责任单位 lists stay as published while plans, regions and departments stay distinct.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from ipgraph.regions import divisions

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = {  # seed file → (its city or province, its province)
    "yichang_14fyp_ip_plan.txt": ("宜昌市", "湖北省"),
    "jilin_13fyp_ip_plan.txt": ("吉林省", "吉林省"),
    "jining_14fyp_ip_plan_draft.txt": ("济宁市", "山东省"),
    "linyi_14fyp_ip_plan_interpretation.txt": ("临沂市", "山东省"),
    "chongqing_14fyp_ip_plan_news.txt": ("重庆市", "重庆市"),
}


def _short(name: str) -> str:
    return re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$", "", name)


def _sections(text: str) -> list[str]:
    """Top-level sections (一、…) of a seed, to splice into other documents."""
    parts = re.split(r"(?m)^(?=\s*[一二三四五六七八九十]、)", text)
    return [p for p in parts[1:] if len(p) > 200]


def generate(n: int, out: Path, seed: int = 0) -> list[Path]:
    rnd = random.Random(seed)
    d = divisions()
    cities = sorted((r for r in d.by_code.values() if r.level == "municipal"), key=lambda r: r.code)
    texts = {name: (DATA / name).read_text(encoding="utf-8") for name in SEEDS}
    spare = [s for t in texts.values() for s in _sections(t)]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name = rnd.choice(sorted(SEEDS))
        city = cities[rnd.randrange(len(cities))]
        province = d.get(city.parent)
        own, own_province = SEEDS[name]
        text = texts[name]
        target = province.name if own == own_province else city.name
        for old, new in ((own, target), (own_province, province.name), (_short(own), _short(target)),
                         (_short(own_province), _short(province.name))):
            text = text.replace(old, new)
        if rnd.random() < 0.5:
            text = text.replace("十四五", "十三五").replace("2025", "2020").replace("2021", "2016")
        text += "\n" + rnd.choice(spare)
        path = out / f"{i:05d}_{city.code}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
