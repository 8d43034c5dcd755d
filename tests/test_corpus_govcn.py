"""Every State Council page of ../shared/corpus/govcn-2018 built end to end: the plan each one
describes is the document SOURCES.tsv names, and every numbered paragraph of the page is a task."""
import csv
import re
import unicodedata
from pathlib import Path

import pytest

from ipgraph.pipeline import process

CORPUS = Path(__file__).parents[1].parent / "shared/corpus/govcn-2018"
if not (CORPUS / "SOURCES.tsv").exists():
    pytest.skip(f"corpus not found: {CORPUS} (the shared folder beside the repository)", allow_module_level=True)

with open(CORPUS / "SOURCES.tsv", encoding="utf-8", newline="") as f:
    ROWS = {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}
SOURCES = {name: row["title"] for name, row in ROWS.items()}

# Opens a numbered paragraph: 一、 / （一） / 1. or 1、 (not 1.5 or 1.1) / 第X章, full- or half-width.
NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]"
                      r"|[0-9０-９]{1,3}(?:[.．](?![0-9０-９])|、)|第[一二三四五六七八九十百零〇0-9]+章)")
ISSUES = re.compile(r"关于印发《?(?P<issued>.+?)》?的(?:通知|函)$")
FORWARDS = re.compile(r"转发(?P<forwarded>.+)的通知$")
APPROVES = re.compile(r"关于同意建立(?P<approved>.+制度)的批复$")


def fold(title: str) -> str:
    """A title with 的 and spaces removed, full-width forms folded: 关于清理整顿社会团体的意见 and
    关于清理整顿社会团体意见 are the same document."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", title)).replace("的", "")


def assert_describes(plan: str, source_title: str) -> None:
    """The plan a page describes, by the title SOURCES.tsv gives the page:
    - 关于印发X的通知 / 关于印发X的函 (a covering notice or letter): the plan is X;
    - 转发Y的通知 (a notice forwarding another body's document, Y = the body + 关于…): the plan is
      the forwarded document, titled as its own title block gives it (关于清理整顿社会团体的意见 for
      转发民政部关于清理整顿社会团体意见的通知), so it equals Y from its 关于 on once 的 and spaces
      are removed, and is part of the SOURCES title;
    - 关于同意建立X制度的批复 (an approval that attaches the rules of the system it sets up): the plan
      is X制度, the attachment;
    - anything else: the plan is the page's own title.
    Brackets and digits in either width: ipgraph reads every title in the widths of its clean text."""
    issued = ISSUES.search(source_title) or APPROVES.search(source_title)
    forwarded = FORWARDS.search(source_title)
    if issued:
        assert _narrow(plan) == _narrow(issued.group(1))
    elif forwarded:
        own_title = forwarded.group("forwarded")[forwarded.group("forwarded").index("关于"):]
        assert fold(plan) == fold(own_title)
        assert fold(plan) in fold(source_title)
    else:
        assert _narrow(plan) == _narrow(source_title)


def _narrow(title: str) -> str:
    return unicodedata.normalize("NFKC", title)


@pytest.fixture(scope="module")
def built():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = process(CORPUS / name)
        return cache[name]

    return get


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_plan_is_the_document_the_page_publishes(built, name):
    assert_describes(built(name).extraction.plan.title, SOURCES[name])


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_numbered_paragraph_is_a_task(built, name):
    res = built(name)
    numbered = [b for b in res.clean.blocks
                if b.kind != "table" and NUMBERED.match(res.clean.text[b.start:b.end])]
    assert len(res.extraction.tasks) >= len(numbered)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_issuer_is_the_body_that_signs_the_page(built, name):
    # the signature (the issuing body over the date) closes the letter, after its numbered items too;
    # a decree is signed 中华人民共和国国务院, two issuers on one line (国务院 中央军委)
    def fold_issuer(issuer):
        return re.sub(r"\s+|、", "、", issuer.removeprefix("中华人民共和国"))
    issuer = built(name).extraction.plan.issuer
    assert issuer is not None and fold_issuer(issuer) == fold_issuer(ROWS[name]["issuer"])


def test_issued_is_the_date_under_the_signature(built):
    # read from each page's last lines: 国务院办公厅 / 2018年12月4日, 国务院 / 一九八一年五月二十三日
    dates = {"38.html": "2018-12-04", "40.html": "1981-05-23", "45.html": "1996-11-05", "30.html": "2005-07-14"}
    assert {name: built(name).extraction.plan.issued for name in dates} == dates


def test_title_rule_reads_each_kind_of_title():
    assert_describes("国家职业教育改革实施方案", "国务院关于印发国家职业教育改革实施方案的通知")
    assert_describes("国务院工作规则", "国务院关于印发《国务院工作规则》的通知")
    assert_describes("关于清理整顿社会团体的意见", "国务院办公厅转发民政部关于清理整顿社会团体意见的通知")
    assert_describes("专利代理条例", "专利代理条例")
    assert_describes("国务院职业教育工作部际联席会议制度", "国务院关于同意建立国务院职业教育工作部际联席会议制度的批复")
    for plan, title in [("国务院关于印发国家职业教育改革实施方案的通知", "国务院关于印发国家职业教育改革实施方案的通知"),
                        ("民政部关于清理整顿社会团体意见", "国务院办公厅转发民政部关于清理整顿社会团体意见的通知"),
                        ("社会团体的意见", "国务院办公厅转发民政部关于清理整顿社会团体意见的通知")]:
        with pytest.raises(AssertionError):
            assert_describes(plan, title)


def test_numbered_pattern_opens_only_numbered_paragraphs():
    opens = ["一、总体要求", "（一）指导思想", "(二)基本原则", "1.坚持创新", "2、加强保护", "１．完善制度", "第一章 总则"]
    does_not = ["1.5亿元用于补助", "1.1 编制目的", "2019年3月底前完成", "第一条 为了规范", "一是加强领导", "各省、自治区"]
    assert all(NUMBERED.match(s) for s in opens)
    assert not any(NUMBERED.match(s) for s in does_not)
