"""The genre's vocabulary (resources/genre.toml), read once, with the patterns built from it.

Every rule that needs a convention of Chinese official documents — numbering ranks, owner list
heads and verbs, generic actors, document types, units, citation triggers — imports it from here.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

VOCAB = tomllib.loads((Path(__file__).parent / "resources" / "genre.toml").read_text(encoding="utf-8"))


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that no word hides a longer one."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


NUMBERING_RANKS: dict[str, int] = {name: i for i, name in enumerate(VOCAB["numbering"]["ranks"])}

DOC_TYPES: list[str] = VOCAB["documents"]["types"]
DOC_TYPE = alternation(DOC_TYPES)
# a line that ends as a document's title does (…规划, …的通知, …（征求意见稿）), and the narrower ending
# of a title line that no sentence has (TITLE_LINE_END: not 措施 or 规定)
_BRACKETED = r"(?:[(（][^()（）]{1,12}[)）])?$"
TITLE_END = re.compile(rf"(?:{DOC_TYPE}|{alternation(VOCAB['documents']['title_endings'])}){_BRACKETED}")
TITLE_LINE_END = re.compile(rf"(?:{alternation(VOCAB['documents']['title_endings'])}){_BRACKETED}")
# a letter's whole title, X关于…的通知/批复/复函/通报 (批复 and 通报 alone end sentences too: 予以通报)
LETTER_TITLE = re.compile(rf"关于.+(?:{alternation(VOCAB['documents']['title_endings'] + VOCAB['documents']['letter_endings'])})"
                          rf"{_BRACKETED}")
DRAFT_MARKS = alternation(VOCAB["documents"]["draft"])
INTERPRETATION_MARKS = alternation(VOCAB["documents"]["interpretation"])
NEWS_MARKS = alternation(VOCAB["documents"]["news"])
NEWS_OPENINGS = alternation(VOCAB["documents"]["news_openings"])
# a notice's addressees: a line of bodies opening with 各 and ending with a colon, or 给你们
ADDRESSED = re.compile(rf"(?:^|\n)\s*各[^\n。]{{1,80}}:\s*(?:\n|$)|{alternation(VOCAB['documents']['addressed'])}")
NOTICE_VERBS = alternation(VOCAB["documents"]["notice_verbs"])
ALIAS_MARKS = alternation(VOCAB["documents"]["alias_marks"])
# X（以下简称Y）: the note that declares a short name, Y in its group `short` (a pattern to embed)
ALIAS_NOTE = rf"\s*[(（](?:{ALIAS_MARKS})[“\"]?(?P<short>[^()（）“”\"]{{1,20}})[”\"]?[)）]"
PERIODS: dict[str, int] = VOCAB["documents"]["periods"]

OWNER = VOCAB["owners"]
LIST_HEADS = alternation(OWNER["list_heads"])
OWNER_TAILS = alternation(OWNER["tails"])
DEPT_SUFFIXES = alternation(OWNER["suffixes"])
# where a body's name may end: after a suffix, not inside a word such as 办法 or 部署
_ENDING_WORDS = "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in OWNER["ending_words"])
# (nor before 各部门 or 有关部门: 市人民政府各相关部门, 市政府有关部门 are departments of the city, no body of their own)
DEPT_END = re.compile(rf"(?:{DEPT_SUFFIXES})(?:[(（][^()（）]{{1,12}}[)）])?(?![{OWNER['after_suffix']}]|{_ENDING_WORDS}"
                      r"|各?(?:相关|有关)(?:部门|单位)|各(?:部门|单位|部委|委办局|直属))")
ROLES = alternation(OWNER["roles"])
LEAD_ROLE: str = OWNER["lead_role"]
_FIRST = OWNER["first_is_lead"]
FIRST_IS_LEAD = re.compile(rf"(?:{alternation(_FIRST['place'])})?(?:{alternation(_FIRST['first'])})"
                           rf"(?:{alternation(_FIRST['who'])})?(?:{alternation(_FIRST['is'])}){re.escape(LEAD_ROLE)}")
REQUESTS = alternation(OWNER["requests"])
BY_NOT = re.compile(alternation(OWNER["by_not"]))
BY_WORDS = re.compile(alternation(OWNER["by_words"]))
# 省、自治区、直辖市: a series of division levels, one collective name; its first level word stands on
# its own (各省、…, 和省、…), not at the end of a name (市高新区、市经开区 is a list)
_LEVEL = alternation(OWNER["level_words"])
LEVEL_SERIES = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[各和及与由对在请经]))(?:{_LEVEL})(?:、(?:{_LEVEL}))+")
DUTY_HEADING = re.compile(rf"^(?P<body>.{{2,40}}?)(?:的|及其)?(?:{alternation(OWNER['duty_heading'])})(?:是|为|如下)?[:：]?$")
_TIME = (rf"(?:{alternation(OWNER['time_words'])}|\d{{4}}年|\d{{1,2}}月份?(?:底|末|初|中旬|上旬|下旬)?|\d{{1,2}}日"
         r"|第?[一二三四1-4]季度(?:末|初)?)+")
_TAILS = alternation(OWNER["adverbial_tails"])
ADVERBIAL = re.compile(rf"^(?:{alternation(OWNER['adverbial_heads'])})|(?:{_TAILS})$|^(?:到|至)?{_TIME}$")
# a time written right before a subject: 3月底前国家卫生健康委完成…, 2004年发展改革委将…
TIME_LEAD = re.compile(rf"{_TIME}(?:{_TAILS})?[,，]?")

CITE = VOCAB["citations"]
CITE_TRIGGERS = alternation(CITE["triggers"])
CITE_MAKING = re.compile(alternation(CITE["making"]))
CITE_AFTER = alternation(CITE["after"])
CITE_IMPLEMENT = alternation(CITE["implement"])
CITE_NEGATIONS = alternation(CITE["negations"])
CITE_IMPLEMENT_AFTER = alternation(CITE["implement_after"])
CITE_PAST = re.compile(alternation(CITE["past"]))
CITE_BASIS_HEADINGS: list[str] = CITE["basis_headings"]
CITE_REPEALED = alternation(CITE["repealed"])

IND = VOCAB["indicators"]
UNITS: list[str] = sorted(IND["units"], key=len, reverse=True)
NAME_HEADERS: set[str] = set(IND["name_headers"])
BASELINE_HEADERS: tuple[str, ...] = tuple(IND["baseline_headers"])
TARGET_HEADERS: tuple[str, ...] = tuple(IND["target_headers"])
NATURE_HEADERS: tuple[str, ...] = tuple(IND["nature_headers"])
UNIT_HEADERS: tuple[str, ...] = tuple(IND["unit_headers"])
TARGET_VERBS = alternation(IND["target_verbs"])
QUALIFIERS = alternation(IND["qualifiers"])
PROSE_HEADS = alternation(IND["prose_heads"])
COUNT_VERBS = alternation(IND["count_verbs"])
SHARES = alternation(IND["shares"])
ADVERBS = alternation(IND["adverbs"])
MODAL_END = re.compile(rf"(?:{alternation(IND['modals'])})$")
MODAL_WORDS = tuple(IND["modal_words"])
NAME_MARKS: str = IND["name_marks"]

# 名词解释, and 《X规划》名词解释 (the plan it explains named first)
GLOSSARY = re.compile(rf"^(?:附件\s*\d*\s*[:：]?\s*)?(?:《[^《》]{{2,60}}》)?(?:{alternation(VOCAB['terms']['glossary'])})$")
DEFINITION_OPENERS = alternation(VOCAB["terms"]["definition_openers"])
NOTE_HEAD = rf"(?:{alternation(VOCAB['terms']['note_heads'])})\s*:?\s*"

PROJ = VOCAB["projects"]
PROJECT_LIST_VERBS = alternation(PROJ["list_verbs"])
PROJECT_KIND_WORDS: list[str] = PROJ["kinds"]
PROJECT_KINDS = alternation(PROJ["kinds"])
PROJECT_QUALIFIERS = alternation(PROJ["qualifiers"])
PROJECT_NAME_ENDINGS = alternation(PROJ["name_endings"])
PROJECT_LEAD_VERBS = alternation(PROJ["lead_verbs"])
# 建设X工程: a verb that opens only a works' name
PROJECT_WORKS_LEAD = rf"(?:{alternation(PROJ['works_lead_verbs'])})(?=.*{re.escape(PROJ['works'])}$)"
PROJECT_LIST_INTROS = alternation(PROJ["list_intros"])
PROJECT_DESCRIPTION_ENDS = alternation(PROJ["description_ends"])

PORTAL_FIELDS: dict[str, str] = VOCAB["portal"]["fields"]
BOX_OPENER = re.compile(rf"^\s*(?:{alternation(VOCAB['boxes']['openers'])})")
BOX_NOT_PROJECTS = re.compile(alternation(VOCAB["boxes"]["not_projects"]))

CN_DIGITS = "一二三四五六七八九十百零〇两"
_CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def cn_int(s: str) -> int:
    """二〇〇五 → 2005, 十一 → 11, 二十三 → 23, 6 → 6."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_NUM.get(c, 0)) for c in s))


# 文号: 国发〔2016〕86号, 临政办字[2021]113号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*[号號]?")  # 號: traditional
DATE_LINE = re.compile(rf"(?:\d{{4}}|[{CN_DIGITS}〇○]{{4}})\s*年\s*[\d{CN_DIGITS}]{{1,3}}\s*月\s*[\d{CN_DIGITS}]{{1,3}}\s*日")
