"""The spaCy pipeline: spacy.blank("zh") with character tokens and ipgraph's rule components.

Character tokens make token offsets equal character offsets, so every span a component sets maps
straight back to the clean text. The components take the genre's vocabulary (resources/genre.toml)
as their default configuration and, like spaCy's span_ruler, keep matching (`match`) apart from
annotating (`set_annotations`). Nothing here downloads a model.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import genre
from .outline import match_numbering
from .regions import divisions

for _ext, _default in (("clause", None), ("list_first", False)):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=_default)

_H = r"\u4e00-\u9fff"
_LEVEL_PREFIX = re.compile(rf"^(?:{genre.alternation(genre.OWNER['name_levels'])})")
_SHARED_LEVEL = re.compile(rf"^(?:{genre.alternation(genre.OWNER['shared_levels'])})")
_NOT_LEVELS = tuple(genre.OWNER["not_levels"])
# 同 joins two bodies as 与 does (香港特别行政区政府同广东省深圳市人民政府签订), but not in 同意, 同时…
_WITH = f"同(?!{genre.alternation(genre.OWNER['with_not'])})"
# 及其 and a conjunction before 各 always part two (市人民政府及其各部门: the government, and a
# collective); a separator inside brackets is part of a name: 各县（市、区）人民政府 is one actor
_AND = genre.alternation(genre.OWNER["conjunctions"])
_SEP = re.compile(rf"(?:[、,，;；]|(?<=[{genre.OWNER['before_conjunction']}])(?:{_AND}|{_WITH})(?=[{_H}])"
                  rf"|(?:{_AND})(?=各))(?![^()（）]*[)）])")
# a party committee or government that hosts bodies named after it: 市委宣传部, 县政府督查室
_HOST = re.compile(r"国务院|(?:中共中央|(?:中共)?[\u4e00-\u9fff]{0,8}?[省市县区州盟旗])"
                   rf"(?:{genre.alternation(genre.OWNER['hosts'])})")
_NAME_PAREN = re.compile(r"[(（][^()（）]{1,14}[)）]$")
_ALIAS_END = re.compile(rf"{genre.ALIAS_NOTE}$")
# brackets an owner note may stand in: (X牵头), 〔责任单位：X〕, 【责任单位：X】, [责任单位：X]
_PARENS = re.compile(r"[()（）〔〕【】\[\]]")
# a 责任单位：list outside brackets runs to the end of its clause, through a bracket that is part of
# a name (市市场监管局（知识产权局）, 各县（市、区）人民政府) or marks its lead (（牵头）); a bracket
# of anything else (（2023年底前完成）) ends it
_LIST_RUN = re.compile(rf"(?:[^()（）〔〕【】\[\];；。\n]|[(（](?:[^()（）;；。\n]{{0,12}}(?:{genre.DEPT_SUFFIXES})|"
                       rf"[省市县区州盟旗、]{{1,6}}|{genre.ROLES})[)）])*")
# the label of another field of a duty list ends a 责任单位 list: 责任单位：X、Y 完成时限：2023年底
_FIELD_LABEL = re.compile(rf"(?:{genre.alternation(genre.OWNER['field_labels'])})\s*[:：]")
# a body marked as the lead inside its list: 县住建局（牵头）、县自然资源局
_LEAD_MARK = re.compile(rf"\s*[(（]{re.escape(genre.LEAD_ROLE)}[)）]")
_ROLE_MARK = re.compile(rf"[(（](?:{genre.ROLES})[)）]$")  # 县住建局（配合）: the name without its role
_LEAD_AT_END = re.compile(rf"[(（]{re.escape(genre.LEAD_ROLE)}[)）]$|{re.escape(genre.LEAD_ROLE)}$")
_CLAUSE_MARKS = "。;；,，:：!?！？)）"  # a clause can open after one
_OPENING = re.compile(rf"^\s*|[{_CLAUSE_MARKS}]\s*")  # where a clause can open: the end of a match
_REQUEST = re.compile(genre.REQUESTS)
# what may stand between a subject and its verb: a tail (等部门), then 分别, 共同, 也, 已… (genre before_verb)
_BEFORE_VERB = re.compile(rf"(?:{genre.OWNER_TAILS})*(?:{genre.alternation(genre.OWNER['before_verb'])})*")
_CONDITION = re.compile(rf"(?:{genre.alternation(genre.OWNER['conditions'])})[^,，。;；!?！？\n]{{1,40}}[,，]\s*")
# X和各区县要…, X和试点地区如遇…: a generic actor that names no body by an ending joins the subjects
_JOIN = re.compile(rf"{_AND}|、")
_PARTNER = re.compile(genre.alternation(genre.OWNER["partner_verbs"]))
_FOUNDING = re.compile(genre.alternation(genre.OWNER["founding_verbs"]))
_DESCRIBING = re.compile(genre.alternation(genre.OWNER["describing_verbs"]))
_LATER_PARTNER = re.compile(genre.alternation(genre.OWNER["later_partner_verbs"]))
_SHORT = genre.alternation(genre.OWNER["short_names"])
SHORT_BARE = re.compile(_SHORT)
# a short name, or its office (联席会议办公室): an office of the body named in full before
_SHORT_NAME = re.compile(rf"(?:{_SHORT})(?:{genre.alternation(genre.OWNER['short_name_offices'])})?")
# a clause that goes on with a duty and no subject of its own: …，具体负责组织开展试点
_DUTY_CLAUSE = re.compile(rf"[,，]\s*(?:{genre.alternation(genre.OWNER['duty_adverbs'])})?"
                          rf"(?:{genre.alternation(genre.OWNER['verbs'])})")
_ALIAS_NOTE = re.compile(genre.ALIAS_NOTE)
_NAME_CHAR = rf"[{_H}A-Za-z0-9()（）·]"  # the characters is_body admits in a name
_NAME_RUN = re.compile(rf"{_NAME_CHAR}*")
# what a clause opening holds when a rule may find a body there (_subject_end, _carried, _short): a time
# perhaps, then characters of a name up to the last character of a name's ending (局, 委, 办…); or a
# bare ending. Three openings in four hold none: this one regex passes them over before those rules run.
_ENDING_LAST = "".join(sorted({w[-1] for w in genre.OWNER["suffixes"]}))
_MAY_HOLD_BODY = re.compile(rf"(?:{genre.TIME_LEAD.pattern})?{_NAME_CHAR}*?[{_ENDING_LAST}]|{_SHORT_NAME.pattern}")
# a clause opening after a mark that may hold a body: its end (one scan instead of a test per opening)
_BODY_OPENING = re.compile(rf"[{_CLAUSE_MARKS}]\s*(?={_MAY_HOLD_BODY.pattern})")
_TIME = re.compile(r"\d\s*[年月日岁]")  # 3月底前国家卫生健康委, 年满3岁至…处: a time or age is in no name
# what may follow a name that is a body only as its clause's subject or a list member (genre acting_only)
_ACTS = re.compile(rf"$|[^{_H}A-Za-z0-9]|{_SEP.pattern}|(?:{genre.alternation(genre.OWNER['before_verb'])})"
                   rf"|(?:{genre.alternation(genre.OWNER['subject_verbs'])})")
# X为…主管单位, X为牵头单位, X是…业务主管部门: a designation (X is what it names)
_DESIGNATION = re.compile(rf"(?:为|是)[^,，。;；:：]{{0,30}}?(?:{genre.alternation(genre.OWNER['designations'])}|{genre.LIST_HEADS})"
                          r"(?=[,，。;；]|$)")
# 于1997年1月7日至11日召开: a dated event (于2019年6月30日前完成 is a deadline)
_EVENT_DAY = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[至到-]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?"
                        rf"(?!{genre.alternation(genre.OWNER['deadline_tails'])})")
_BY_RULING = re.compile(genre.alternation(genre.OWNER["by_ruling"]))
_RULING_ACTOR = re.compile(rf"(?:{genre.alternation(genre.OWNER['acting_only'])})(?={_BY_RULING.pattern})")
_BY_MODAL = re.compile(rf"(?:{genre.alternation(genre.OWNER['by_modals'])})$")
_SINCE = re.compile(rf"(?:{genre.alternation(genre.OWNER['since_tails'])})[,，]?\s*$")
# 在…的基础上，确定了…: after an adverbial phrase, a verb with 了 reports what was done
_DONE = re.compile(rf"[^,，。;；]*[,，]\s*[{_H}]{{1,3}}了")
_ADVERBIAL_VERB = frozenset(genre.OWNER["adverbial_heads"])
_ASKS = tuple(genre.OWNER["asks"])
# right after the partners' names (and 等…部门和单位), a drafting verb that makes them a document's
# drafters: X会同Y、Z等拟定的《W》, …起草了《W》, a covering notice's …联合制定《W》。现印发给你们
_DRAFTED = re.compile(rf"(?:和单位|等[^,，。;；:：《]{{0,10}}?)?(?:研究)?(?:{genre.alternation(genre.OWNER['drafting'])})"
                      rf"(?:的|了)?(?:[《“\"](?=[^》”\"]{{2,80}}[》”\"][^。]{{0,30}}[。,，]\s*(?:现印发|现转发|现将|现予|已经))|(?:的|了)[《“\"])")
_COLLECTIVE = re.compile(genre.alternation(genre.OWNER["collective_openers"]))
_SENTENCE_STOP = re.compile(r"[。!?！？\n]|$")
_CLAUSE_STOP = re.compile(r"[。;；!?！？\n]|$")
_COMMA_STOP = re.compile(r"[,，。;；]|$")
_STOPS = "。;；!?！？\n"  # the marks that end a sentence or its part
_NOTE_PARTS = re.compile(r"[,，;；]")
_LEVEL_BRACKET = re.compile(r"[(（][省市县区、]{1,5}[)）]$")


def _after_last(text: str, marks: str, pos: int, floor: int = 0) -> int:
    """Where the text after the last of `marks` before `pos` starts, never before `floor`."""
    return max(max(text.rfind(c, 0, pos) for c in marks) + 1, floor)

_SERIES = "\u2027"  # stands for the 、 of a series of levels (省、自治区、直辖市): offsets are kept


# how every series of levels starts: a plain scan for it spares most lists the series' pattern, which
# tries its look-behinds at every character
_SERIES_START = re.compile(rf"(?:{genre.alternation(genre.OWNER['level_words'])})、")


def _mask(text: str) -> str:
    """`text` with the 、 inside a series of division levels masked, so that no list splits there."""
    if "、" not in text or not _SERIES_START.search(text):
        return text
    return genre.LEVEL_SERIES.sub(lambda m: m.group().replace("、", _SERIES), text)


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the caches of every name looked up
class Vocab:
    """What the responsibility rules read, compiled once from the component's configuration."""
    list_head: re.Pattern
    head_word: re.Pattern  # a list head's word alone, which a plain scan finds: no list without one
    verb_tail: re.Pattern
    subject: re.Pattern
    suffix: re.Pattern
    lead_heads: tuple[str, ...]
    lead_verbs: tuple[str, ...]
    generic: re.Pattern
    tails: re.Pattern
    not_owner: re.Pattern
    known: frozenset[str]
    not_body: re.Pattern


def make_vocab(list_heads: list[str], lead_heads: list[str], verbs: list[str], lead_verbs: list[str],
               subject_verbs: list[str], generic: list[str], tails: list[str], suffixes: list[str],
               not_owner: list[str], not_bodies: list[str], verb_openers: list[str], name_breakers: list[str],
               noun_openers: list[str] = (), compound_words: list[str] = ()) -> Vocab:
    from .departments import aliases

    alt = genre.alternation
    known = frozenset(a for (a, scope) in aliases() if scope == "national") | frozenset(
        full for (a, scope), full in aliases().items() if scope == "national")
    return Vocab(
        # 责任单位：X, or the head in brackets with no colon (【责任单位】X)
        list_head=re.compile(rf"[【\[]?(?P<head>{alt(list_heads)})(?:\s*[】\]]\s*[:：]?|\s*[:：])\s*"),
        head_word=re.compile(alt(list_heads)),
        # X负责 / X牵头督导 (an act of two characters may follow the role) at the end of a note's part
        verb_tail=re.compile(rf"(?P<verb>{alt(verbs)})(?:[\u4e00-\u9fff]{{1,2}})?(?:[。.]?\s*)$"),
        subject=re.compile(rf"(?P<verb>{alt(subject_verbs)})"),
        suffix=re.compile(rf"(?:{alt(suffixes)})$"),
        lead_heads=tuple(lead_heads), lead_verbs=tuple(lead_verbs),
        generic=re.compile("|".join(generic)), tails=re.compile(rf"(?:{alt(tails)})+$"),
        not_owner=re.compile(alt(not_owner)), known=known,
        not_body=re.compile(rf"^(?!{alt(noun_openers) or '$^'})(?:{alt(verb_openers)})|(?:{alt(not_bodies)})$|"
                            rf"(?!{alt(compound_words) or '$^'})(?:{alt(name_breakers)})"))


@lru_cache(maxsize=1 << 16)  # the same names recur in every clause of a document and across documents
def is_body(name: str, vocab: Vocab) -> bool:
    """Whether a name denotes a body: a known central body, or a name ending as bodies do
    (局, 委, 办公室, 总公司…) after a level or region prefix or a stem of two characters or more."""
    core = _NAME_PAREN.sub("", name)
    if name.count("(") + name.count("（") != name.count(")") + name.count("）") or name[:1] in "(（":
        return False
    if len(core) < 2 or vocab.generic.search(core) or not re.fullmatch(rf"[{_H}A-Za-z0-9()（）·]+", name) \
            or _TIME.search(core):
        return False
    if core in vocab.known or core in genre.OWNER["first_person"]:
        return True  # 我局: the text's author (extract.tasks says who)
    m = vocab.suffix.search(core)
    if vocab.not_body.search(core):
        return False
    if not m:
        return False
    stem = core[:m.start()]
    level = _LEVEL_PREFIX.match(core)
    if level and level.end() == 1 and m.start() == 1 and m.group() not in genre.OWNER["level_bodies"]:
        return False  # 市科 is no body; 市委, 市政府 are
    prefixed = bool((level and not core.startswith(_NOT_LEVELS)) or divisions().prefix(core))
    if core.endswith(("部门", "机构")):  # 知识产权管理部门, 法制机构: a kind of body at every level unless a level names it
        return prefixed
    return prefixed or len(stem) >= 2


def _shared_level(name: str) -> str:
    """The level a list's first body is named with, which a statute writes once for the whole list
    (国务院教育行政部门、人力资源社会保障行政部门): 国务院, 省, 市人民政府… or a division's name."""
    level = _SHARED_LEVEL.match(name)
    if level and name.startswith(_NOT_LEVELS):
        level = None
    prefix = level.group() if level else divisions().prefix(name) or ""
    government = re.match(r"(?:人民政府|政府)(?=.)", name[len(prefix):]) if prefix else None
    return prefix + (government.group() if government else "")


def named_before(text: str, end: int, ending: str) -> str | None:
    """The body a bare ending (联席会议) stands for at `end`: the last name with that ending written in
    full before it, from its level or division on (国务院职业教育工作部际联席会议 in 完善国务院职业教育工作
    部际联席会议制度)."""
    found = _last_named(text, end, re.compile(re.escape(ending)))
    return found[0] if found else None


def last_short_named(text: str, end: int) -> tuple[str, str, int] | None:
    """The last body named in full before `end` with an ending a text also uses alone (genre
    short_names), that ending and where the name ends: (国务院职业教育工作部际联席会议, 联席会议, 468)."""
    return _last_named(text, end, SHORT_BARE)


def _last_named(text: str, end: int, endings: re.Pattern) -> tuple[str, str, int] | None:
    for m in reversed(list(endings.finditer(text, 0, end))):
        name = named_at(text, m.end())
        if name:
            return name, m.group(), m.end()
    return None


def named_at(text: str, end: int) -> str | None:
    """The longest body's name that ends at `end` and opens with a level or division (国务院…联席会议 of
    建立国务院…联席会议（以下简称联席会议）), up to 40 characters."""
    vocab = _default_vocab()
    left = text[max(0, end - 40):end]
    for k in range(len(left) - 1):
        name = left[k:]
        if (_LEVEL_PREFIX.match(name) or divisions().prefix(name)) and is_body(name, vocab):
            return name
    return None


# a body named by its level alone, which a list writes after a division's first body (河北省委和省政府)
_LEVEL_ONLY = re.compile(rf"[省市县区](?:{genre.alternation(genre.OWNER['level_bodies'])})")


def split_bodies(text: str, vocab: Vocab, partial: bool = False) -> list[tuple[int, str, str]] | None:
    """The bodies a list names, with their offsets and the level they share with the list's first
    body when they are named without one, or None when any part is not a body. `partial`: a list a
    head declares (责任单位：…), whose other parts (立山经济开发区, 海关) are left out instead."""
    out: list[tuple[int, str, str]] = []
    text = _mask(text)
    pos = 0  # where the current part starts
    each = False  # 各 before the list's last part holds on: 各县区人民政府、园区管委会 are every zone's too
    for sep in [*_SEP.finditer(text), None]:
        part = text[pos:sep.start() if sep else len(text)]
        stripped = part.strip()
        named = each and bool(_ONE_BODY.search(stripped) or divisions().prefix(stripped) or stripped in vocab.known)
        name = "" if each and not named else _part_name(part, vocab)
        each = (each and not named or stripped.startswith("各")) and sep is not None and "、" in sep.group()
        if name:
            shared = ""
            if not is_body(name, vocab):
                # 人力资源社会保障行政部门 after 国务院教育行政部门: a kind of body, at the first one's level
                shared = _shared_level(out[0][2] + out[0][1]) if out and name.endswith("部门") else ""
                if not shared or not _whole(name, vocab) or not is_body(shared + name, vocab):
                    if not partial:
                        return None
                    pos = sep.end() if sep else len(text)
                    continue
            elif out and _LEVEL_ONLY.fullmatch(name):  # 省政府 of 河北省委和省政府: 河北's
                division = divisions().prefix(out[0][2] + out[0][1]) or ""
                shared = division[:-1] if division.endswith(name[0]) else ""
            out.append((pos + part.find(name), name, shared))
        pos = sep.end() if sep else len(text)
    return out


# a body named as one, not as a class: by its level, a central opener or ending, or its place (see split_bodies)
_ONE_BODY = re.compile(rf"^(?:[省市县区州盟旗]|{genre.alternation(genre.OWNER['central_openers'])})"
                       rf"|(?:{genre.alternation(genre.OWNER['central_endings'])})$")


@lru_cache(maxsize=1 << 14)  # the same parts recur in every list of a document, and in its clauses' growing runs
def _part_name(part: str, vocab: Vocab) -> str:
    """The name a part of a list stands for, or "" when it names no body: a generic actor, a sector
    (卫生健康等部门), every province's (省、自治区、直辖市人民政府)."""
    name = vocab.tails.sub("", part.strip()).strip()
    name = _ROLE_MARK.sub("", name)
    if vocab.generic.search(part.strip()) and not is_body(name, vocab) or _SERIES in name:
        return ""
    return "" if vocab.generic.search(_NAME_PAREN.sub("", name)) else name


@lru_cache(maxsize=1 << 16)
def _whole(name: str, vocab: Vocab) -> bool:
    """A name that is complete as it stands (教育行政部门 is, though only a level would make it a body)."""
    return is_body(name, vocab) or (name.endswith("部门") and len(name) >= 4 and not vocab.not_body.search(name)) \
        or _collective(name, vocab)


def _collective(name: str, vocab: Vocab) -> bool:
    """A generic collective written as one name (各部门, 各委员会, 各有关单位): a list of bodies goes on
    after it, and it names none (国务院及各部门要…, 各部、各委员会、人民银行、审计署根据…)."""
    return bool(_COLLECTIVE.match(name) and vocab.suffix.search(name)) and not _SEP.search(name)


_ENDINGS_ONLY = re.compile(rf"(?:{genre.DEPT_SUFFIXES}|[(（][^()（）]{{1,12}}[)）])+")  # 办公室, (知识产权局)
_TAIL_RUN = re.compile(rf"(?:{genre.OWNER_TAILS})+")
# an owner note's segments end at punctuation, and before a list head run on without any (牵头单位：X 配合单位：Y)
# a note's parts: at a mark, or before a list head, but not inside a longer head (牵头责任单位 holds 责任单位)
_HEAD_PREFIXES = sorted({a[:-len(b)] for a in genre.OWNER["list_heads"] for b in genre.OWNER["list_heads"]
                         if a != b and a.endswith(b)})
_NOTE_SEGMENT = re.compile(rf"([;；,，。]|{''.join(f'(?<!{p})' for p in _HEAD_PREFIXES)}(?=(?:{genre.LIST_HEADS})\s*[:：]))")


def may_open_body(text: str, at: int) -> bool:
    """Whether a body's name may open `text` at `at`: one of a name's endings lies inside the run of
    characters a name can hold (80 at most). Most clauses open with no body at all, and this says so
    without copying a window; DEPT_END looks behind only inside its own match, so the text before
    `at` changes nothing."""
    return bool(genre.DEPT_END.search(text, at, _NAME_RUN.match(text, at, at + 80).end()))


# each clause opening asks twice: for its subject (_subject_end), for a body its sentence describes (_carried)
@lru_cache(maxsize=16)
def body_run(window: str, vocab: Vocab) -> int:
    """Where the run of bodies opening `window` ends (0: none). A name is a stem and one or more
    endings (指挥部 + 办公室, 市场监管局 + (知识产权局)); names are joined by 、和及与 and closed by a
    tail (等有关部门). A name that runs on into other words (教育行政部门办成公办) ends where it was whole."""
    if not may_open_body(window, 0):
        return 0
    window = _mask(window[:_SENTENCE_STOP.search(window).start()])  # a list ends with its sentence
    run, start, whole = 0, 0, 0   # end of the run; start of the current name; where it was last whole
    for m in genre.DEPT_END.finditer(window):
        end = m.end()
        if whole:
            piece = window[whole:end]
            sep = _SEP.match(window, whole)
            if sep:
                start, whole = sep.end(), 0
            elif not _ENDINGS_ONLY.fullmatch(piece) and \
                    not _HOST.fullmatch(window[start:whole]):
                break  # words after a whole name that are no ending of it (市委宣传部 and 县政府督查室 go on)
        name = vocab.tails.sub("", window[start:end]).strip()
        if (name in genre.OWNER["acting_only"] or _collective(name, vocab)) and not _ACTS.match(window, end):
            continue  # 国务院有关部门, 国务院领导同志, 相关科技…: the words go on, the name is longer
        if _whole(name, vocab):
            whole = end
            if split_bodies(window[:end], vocab):
                run = end
    if run:
        tail = _TAIL_RUN.match(window, run)
        if tail and split_bodies(window[:tail.end()], vocab):
            run = tail.end()
    return run


# heads inside one cell of a duty table: 牵头单位：X / 配合单位：Y, 牵头：X；配合：Y
_CELL_HEAD = re.compile(rf"(?P<head>{genre.LIST_HEADS}|{genre.ROLES})\s*[:：]")


def list_items(text: str, lead: bool = False) -> list[tuple[int, str, bool]]:
    """The bodies a cell or list names: (offset, name, marked 牵头), generic actors left out. By
    convention the first body of a 牵头单位 list leads: in a list a lead heads (`lead`: a 牵头单位
    column) and in a cell's list of a lead head (牵头单位：X、Y 配合单位：Z marks X)."""
    heads = list(_CELL_HEAD.finditer(text))
    if not heads:
        return _listed(text, 0, lead)
    out = []
    for k, h in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        lead_head = h.group("head") in genre.OWNER["lead_heads"] or h.group("head") == genre.LEAD_ROLE
        out += _listed(text[h.end():end], h.end(), lead_head)
    return out


def _listed(listed: str, at: int, lead: bool) -> list[tuple[int, str, bool]]:
    """_items at offset `at`; with `lead`, the first body as written is marked (a generic actor written
    first leads nothing)."""
    first = len(listed) - len(listed.lstrip(" \u3000、,，;；\n"))
    return [(at + off, name, (lead and i == 0 and off == first) or marked)
            for i, (off, name, marked) in enumerate(_items(listed))]


# what parts a cell's list: marks and spaces, and 和/及 after a body's name (县税务局及县公安局)
_CELL_SEP = re.compile(rf"([、,，;；\s]+|(?<=[{genre.OWNER['before_conjunction']}])(?:{_AND})(?=[{_H}]))(?![^()（）]*[)）])")


def _items(text: str) -> list[tuple[int, str, bool]]:
    vocab = _default_vocab()
    out = []
    pos = 0
    for part in _CELL_SEP.split(_mask(text)):
        if _CELL_SEP.fullmatch(part or " "):
            pos += len(part)
            continue
        lead = bool(_LEAD_AT_END.search(part))
        name = _ROLE_MARK.sub("", part.strip())
        name = re.sub(rf"(?:{genre.ROLES}|负责)$", "", name)
        name = vocab.tails.sub("", name).strip()
        if len(name) >= 2 and not vocab.generic.search(name) and _SERIES not in name:
            out.append((pos + part.find(name), name, lead))
        pos += len(part)
    return out


@lru_cache(maxsize=1)
def _default_vocab() -> Vocab:
    return make_vocab(**RESPONSIBILITY_CONFIG)


RESPONSIBILITY_CONFIG = {k: genre.OWNER[k] for k in ("list_heads", "lead_heads", "verbs", "lead_verbs", "subject_verbs",
                                                     "generic", "tails", "suffixes", "not_owner",
                                                     "not_bodies", "verb_openers", "name_breakers", "noun_openers",
                                                     "compound_words")}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: str             # LEAD | RESP
    kind: str              # owners (the passage's) | subjects (a clause's)
    clause: int | None = None
    first: bool = False    # first body of its list
    note: tuple[int, int] | None = None  # the owner note (bracket) it stands in: its span, brackets included
    level: str = ""        # the level it shares with its list's first body, written there only
    short: bool = False    # a bare ending (联席会议) standing for a body named in full before

    def name(self, text: str) -> str:
        """The body's name: as written, with the level its list wrote once (国务院 + 人力资源社会保障行政部门),
        without the short name it declares (X指挥部（以下简称县指挥部）负责…: X指挥部)."""
        return self.level + _ALIAS_END.sub("", text[self.start:self.end])


def _balanced_parens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the bodies of outermost brackets ((), （）, 〔〕, 【】, []), nested ones inside."""
    out, stack = [], []
    for m in _PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "(（〔【[":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                out.append((start + 1, i))
    return out


def _clause_start(text: str, subj: int, floor: int = 0) -> int:
    """Where the clause a subject opens starts: the sentence start when what comes before in the
    sentence is an adverbial (a time, a condition: 2019年3月底前，X…; 经国务院批准，X…), else the subject.
    `floor`: where an item's text starts after its number."""
    left = _after_last(text, _STOPS, subj, min(floor, subj))
    before = text[left:subj].strip()
    if not before:
        return subj
    clauses = [c for c in re.split(r"[,，]", before) if c.strip()]
    if clauses and all(genre.ADVERBIAL.search(c.strip()) for c in clauses) and len(before) <= 60:
        return left + (len(text[left:subj]) - len(text[left:subj].lstrip()))
    return subj


def _after_colon(text: str, matches: list[Match]) -> list[Match]:
    """X研究提出了办理意见：…，Y将…: what a subject's clause says after its colon is that clause's, so
    the subjects it names join it."""
    subjects = [m for m in matches if m.kind == "subjects" and m.clause is not None]
    out = []
    for m in matches:
        if m.kind == "subjects" and m.clause is not None:
            sentence = _after_last(text, _STOPS, m.clause)
            colon = max(text.rfind(c, sentence, m.clause) for c in ":：")
            head = [s.clause for s in subjects if sentence <= s.clause < colon]
            if colon >= 0 and head:
                m = dataclasses.replace(m, clause=min(head))
        out.append(m)
    return out


class ResponsibilityTagger:
    """Finds who is made responsible, as department spans labelled LEAD or RESP.

    doc.spans["owners"]: bodies named for the whole passage (责任单位：…, (X牵头，Y配合), (X、Y负责)).
    doc.spans["subjects"]: bodies that take on a clause (X要…, X牵头做好…, 由X负责…); each span's
    ._.clause is the char offset where that clause starts. ._.list_first marks the first body of a list.
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc.text))
        return doc

    def _list(self, text: str, start: int, end: int, lead: bool, kind: str, clause: int | None = None,
              note: tuple[int, int] | None = None, headed: bool = False, partial: bool = False) -> list[Match]:
        """The bodies listed in text[start:end]: all lead when `lead`; when `headed` (牵头单位：X、Y) the
        first as written leads, as a 牵头单位 list is read by convention (X leads, Y shares the lead's work).
        `partial`: a list under a head, whose parts that name no body are left out (see split_bodies)."""
        listed = text[start:end]
        names = split_bodies(listed, self.vocab, partial)
        if not names:
            return []
        written_first = len(listed) - len(listed.lstrip())
        sep = _SEP.search(listed)
        first = (listed[:sep.start()] if sep else listed).strip()
        leads_list = bool(first) and names[0][0] <= written_first + max(len(first) - len(names[0][1]), 0)
        return [Match(start + off, start + off + len(name),
                      "LEAD" if lead or (headed and k == 0 and leads_list)
                      or _LEAD_MARK.match(text, start + off + len(name)) else "RESP", kind, clause,
                      k == 0 and leads_list, note, level)  # the first body as written: none when a generic actor stands first
                for k, (off, name, level) in enumerate(names)]

    def _partners(self, text: str, a: int, clause: int | None) -> list[Match]:
        """The bodies named right after 会同 (会同有关部门 names none)."""
        end = body_run(re.split(r"[,，。;；]", text[a:a + 60])[0], self.vocab)
        return self._list(text, a, a + end, False, "subjects", clause) if end else []

    def _note(self, text: str, a: int, b: int) -> list[Match]:
        """An owner note: (X、Y负责), (X牵头，Y配合), (牵头单位：X；配合单位：Y), (负责部门：X；适用范围：…);
        its matches keep the note's span, brackets included."""
        v = self.vocab
        note = (a - 1, b + 1)
        out: list[Match] = []
        body = text[a:b]
        pos = 0
        bare: list[tuple[int, int]] = []   # lists waiting for the verb of a later segment: (X，Y负责)
        listing = False  # a head's list goes on after a comma: (责任单位：X，Y)
        for seg in _NOTE_SEGMENT.split(body):
            if seg is None or seg == "":
                continue
            if seg in ";；,，。":
                pos += len(seg)
                listing = listing and seg in ",，"
                continue
            s0 = a + pos
            pos += len(seg)
            head = v.list_head.match(seg.strip())
            lead_s = seg.strip()
            lstrip = len(seg) - len(seg.lstrip())
            head_leads = False
            if head:
                start = s0 + lstrip + head.end()
                head_leads = head.group("head") in v.lead_heads
                if not v.verb_tail.search(lead_s[head.end():]):
                    out += self._list(text, start, s0 + len(seg.rstrip()), False, "owners", note=note,
                                      headed=head_leads, partial=True)
                    listing = True
                    continue
                # 责任单位：X牵头，Y配合: the verbs after the head say who leads
                s0, lstrip, lead_s = start, 0, lead_s[head.end():]
            verb = v.verb_tail.search(lead_s)
            if verb and not v.not_owner.search(lead_s):
                end = s0 + lstrip + verb.start()
                lead = verb.group("verb") in v.lead_verbs or head_leads
                for ba, bb in bare:
                    out += self._list(text, ba, bb, lead, "owners", note=note)
                bare = []
                # X会同Y负责: both are responsible, the first leads only when it says 牵头
                found = []
                for part in re.split(r"(会同|协同|联合)", text[s0 + lstrip:end]):
                    if part in ("会同", "协同", "联合"):
                        continue
                    at = text.find(part, s0 + lstrip, end)
                    found += self._list(text, at, at + len(part), lead and not found, "owners", note=note)
                out += found
            elif listing and not verb:
                out += self._list(text, s0 + lstrip, s0 + lstrip + len(lead_s), False, "owners", note=note,
                                  partial=True)
            elif lead_s and split_bodies(lead_s, v):
                bare.append((s0 + lstrip, s0 + lstrip + len(lead_s)))
        if _LEAD_MARK.search(body) or not out:  # (X（牵头）、Y、Z), 。(X、Y、Z): a list alone needs no verb
            for ba, bb in bare:
                out += self._list(text, ba, bb, False, "owners", note=note)
        return [dataclasses.replace(m, first=False) if k and m.first else m for k, m in enumerate(out)]

    def match(self, text: str, numbering: int | None = None) -> list[Match]:
        """The bodies `text` names, and how. `numbering`: the length of the numbering it opens with, when
        the outline has already read it (an item's line); otherwise it is read here."""
        v = self.vocab
        out: list[Match] = []
        parens = _balanced_parens(text)
        bracketed = {i for a, b in parens for i in range(a, b)}
        for a, b in parens:
            inner = text[a:b]
            # a part that ends with a role's verb: (X牵头，Y按职责分工负责，年内持续推进), (X、Y负责，2023年底前完成)
            parts = _NOTE_PARTS.split(inner.split("。")[0])
            if v.list_head.search(inner) or any(v.verb_tail.search(part) for part in parts) or \
                    re.search(rf"(?:{genre.ROLES}|负责|指导)[。.]", inner) or _LEAD_MARK.search(inner) or \
                    genre.FIRST_IS_LEAD.search(inner) or (text[a - 2:a - 1] in ("。", ";", "；") and
                                                          split_bodies(inner, v)):  # 。(X、Y): after its task
                out += self._note(text, a, b)
        heads = v.list_head.finditer(text) if v.head_word.search(text) else ()  # most passages have none
        for m in heads:  # 责任单位：X、Y outside parentheses
            if m.start() in bracketed:
                continue
            end = _LIST_RUN.match(text, m.end()).end()
            nxt = v.list_head.search(text, m.end(), end)  # 牵头单位：X  配合单位：Y on one line
            end = nxt.start() if nxt else end
            field = _FIELD_LABEL.search(text, m.end(), end)
            end = field.start() if field else end
            out += self._list(text, m.end(), len(text[:end].rstrip(" ,，")), False, "owners",
                              headed=m.group("head") in v.lead_heads, partial=True)
        floor = numbering
        if floor is None:
            numbered = match_numbering(text)
            floor = len(numbered[1]) if numbered else 0
        # 由X… and 请X… that open their clause (…的，由X吊销…; …事项，请X完成): the sentence is X's, back
        # to its start (or to its semicolon when conditions open that part: …;逾期未改正的，由X…), unless
        # another subject owns its beginning: (where 由/请 stands, its bodies)
        pending: list[tuple[int, list[Match]]] = []
        partnered: set[int] = set()   # partner verbs read right after their subject (X会同Y, 由X商Y)
        inside_words = {w.start() + w.group().index("由") for w in genre.BY_WORDS.finditer(text)}
        for m in re.finditer("由", text):  # 由X负责…, 由X颁发…: the sentence is X's
            if m.start() in bracketed or m.start() in inside_words:
                continue
            near = _after_last(text, "。;；\n", m.start(), floor)
            opens = _after_last(text, _STOPS + ",，", m.start(), floor)
            # a topic before 由 (…，具体办法由X制定) opens X's clause; a modal (应由X…) is none
            topic = _BY_MODAL.sub("", text[opens:m.start()]).strip()
            at = opens + len(text[opens:m.start()]) - len(text[opens:m.start()].lstrip())
            found = self._by(text, m.end(), _clause_start(text, at, floor) if topic else near, partnered)
            if found and not topic:
                pending.append((m.start(), found))
            out += found

        # clause openings (X、Y要…): the text's start, after a mark, after an item's number (4.2.2 X负责…)
        # and after a request (请X…); only those that may hold a body (_MAY_HOLD_BODY) are read further
        requested: dict[int, int] = {}
        if _REQUEST.search(text):  # most passages request nothing: one scan says so
            openings = {m.end() for m in _OPENING.finditer(text)} | ({floor} if floor else set())
            requested = {m.end(): p for p in openings if (m := _REQUEST.match(text, p))}
        # not after a bracket of levels inside a name: 县(市)林业局, 市、县(市)区人民政府
        starts = {m.end() for m in _BODY_OPENING.finditer(text)
                  if not _LEVEL_BRACKET.search(text, max(0, m.start() - 7), m.start() + 1)}
        starts.update(p for p in [_OPENING.match(text).end(), *requested, *([floor] if floor else [])]
                      if _MAY_HOLD_BODY.match(text, p))
        for start in sorted(starts):
            if start in bracketed or start < floor:
                continue
            subject = self._subject_end(text, start, start in requested)
            if subject is None:
                out += self._carried(text, start, floor) or self._short(text, start, floor)
                continue
            s, e, verb_at, verb = subject
            clause = _clause_start(text, start, floor)
            if verb in genre.OWNER["partner_verbs"]:  # X会同Y、Z…: Y and Z take part
                after = verb_at + len(verb)
                drafted = _DRAFTED.match(text, after + body_run(text[after:after + 200], v))
                found = [] if drafted else self._list(text, s, e, False, "subjects", clause)
                if found:
                    found += self._partners(text, verb_at + len(verb), clause)
                    partnered.add(verb_at)
            else:
                clause_end = _COMMA_STOP.search(text, verb_at).start()
                lead = verb in v.lead_verbs or genre.LEAD_ROLE in text[verb_at:clause_end]  # X依照…牵头组织
                found = self._list(text, s, e, lead, "subjects", clause)
            if found and start in requested:
                pending.append((requested[start], found))
            out += found

        for m in _FOUNDING.finditer(text):  # at a clause's opening, or after its 由A、B (由A、B组成X)
            opening = _after_last(text, _STOPS + ",，", m.start(), floor)
            before = text[opening:m.start()].strip()
            if m.start() not in bracketed and (not before or before.startswith("由")):
                out += self._founded(text, m.end(), floor)
        subjects = [m.start for m in out if m.kind == "subjects"]
        for at, found in pending:
            sentence = _after_last(text, "。!?！？\n", at, floor)
            part = _after_last(text, ";；", at, sentence)
            if text[part:at].strip():  # …;情节严重的，由X…: the part after the semicolon is X's
                sentence = part
            if not any(sentence <= s < at for s in subjects):
                sentence += len(text[sentence:at]) - len(text[sentence:at].lstrip())
                ids = {id(f) for f in found}
                out = [dataclasses.replace(m, clause=sentence) if id(m) in ids else m for m in out]
        out = _after_colon(text, out)
        out += self._later_partners(text, [m for m in out if m.kind == "subjects"], partnered)
        return out

    def _short(self, text: str, start: int, floor: int) -> list[Match]:
        """联席会议统筹协调…: a bare ending that opens a clause with a verb of ours; who it is, the
        document says before (named_before)."""
        short = _SHORT_NAME.match(text, start)
        if not short:
            return []
        rest = _BEFORE_VERB.match(text, short.end())
        verb = self.vocab.subject.match(text, rest.end())
        if verb is None or text.startswith("了", verb.end()):
            return []
        return [Match(start, short.end(), "LEAD" if verb.group("verb") in self.vocab.lead_verbs else "RESP",
                      "subjects", _clause_start(text, start, floor), short=True)]

    def _carried(self, text: str, start: int, floor: int) -> list[Match]:
        """A sentence describing a body keeps it the subject of the duty a later clause gives with no
        subject of its own: X设在Y，由…参加，具体负责…; X由…组成，…，负责…."""
        before = text[max(floor, start - 4):start].rstrip()  # only a sentence's opening body
        if start > floor and before[-1:] not in "。;；!?！？":  # ("" is in every string: no text before)
            return []
        short = _SHORT_NAME.match(text, start)
        end = short.end() - start if short else \
            may_open_body(text, start) and body_run(text[start:start + 80], self.vocab)
        if not end or not _DESCRIBING.match(text, start + end):
            return []
        if not _DUTY_CLAUSE.search(text, start + end, _CLAUSE_STOP.search(text, start).start()):
            return []
        if short:
            return [Match(start, short.end(), "RESP", "subjects", start, short=True)]
        return self._list(text, start, start + end, False, "subjects", start)

    def _founded(self, text: str, a: int, floor: int) -> list[Match]:
        """成立X，代表…; 组成X（以下简称Y），领导…: the body set up owns the sentence when what follows
        the comma has no subject of its own."""
        end = body_run(re.split(r"[,，。;；]", text[a:a + 80])[0], self.vocab)
        if not end:
            return []
        note = re.search(_ALIAS_NOTE.pattern + "$", text[a:a + end])  # X（以下简称Y）: the name is X
        end = note.start() if note else end
        after = m.end() if (m := _ALIAS_NOTE.match(text, a + end)) else a + end
        following = re.split(r"[,，。;；]", text[after + 1:after + 80])[0]
        if not re.match(r"[,，]", text[after:after + 1]) or self._subject_end(text, after + 1) is not None \
                or "由" in following or genre.BY_NOT.search(following):
            return []  # 成立X，组长由Y担任: X is only made up, given no duty
        sentence = _after_last(text, _STOPS, a, floor)
        sentence += len(text[sentence:a]) - len(text[sentence:a].lstrip())
        return self._list(text, a, a + end, False, "subjects", sentence)

    def _later_partners(self, text: str, subjects: list[Match], partnered: set[int]) -> list[Match]:
        """…，同时将会同Y、Z…; …积极配合Y做好…: the bodies a 会同 or 配合 names later in a subject's
        sentence join that subject's clause."""
        out: list[Match] = []
        for m in _LATER_PARTNER.finditer(text):
            if m.start() in partnered:
                continue
            before = [s for s in subjects if s.end <= m.start() and not re.search(r"[。!?！？\n]", text[s.end:m.start()])]
            if before:
                out += self._partners(text, m.end(), max(before, key=lambda s: s.start).clause)
        return out

    def _by(self, text: str, a: int, clause: int, partnered: set[int]) -> list[Match]:
        """由X…: the bodies right after 由, unless they only make something up (由A、B组成);
        由X会同Y…, 由X商Y…: Y takes part."""
        window = re.split(r"[,，。;；:：]", text[a:a + 160])[0]
        short = _SHORT_NAME.match(window)
        ruling = _RULING_ACTOR.match(window)  # 国务院另行规定: a name that acts only here, before its verb
        end = short.end() if short else ruling.end() if ruling else body_run(window, self.vocab)
        rest = window[end:]
        # 由A、B组成: composition (小组成员 holds 组成 but composes nothing)
        composes = any(not rest.startswith("员", m.end()) for m in genre.BY_NOT.finditer(rest))
        if not end or composes or self.vocab.not_owner.match(rest):
            return []
        lead = rest.startswith(genre.LEAD_ROLE)
        rules = _BY_RULING.match(rest)  # 由国务院另行规定: it makes the rule; 由国务院批准: it approves
        found = [Match(a, a + end, "LEAD" if lead else "RESP", "subjects", clause, short=True)] if short else \
            [m for m in self._list(text, a, a + end, lead, "subjects", clause)
             if rules or m.name(text) not in genre.OWNER["acting_only"]]
        partner = _PARTNER.match(rest)
        if found and partner:
            found += self._partners(text, a + end + partner.end(), clause)
            partnered.add(a + end)
        return found

    def _subject_end(self, text: str, start: int, requested: bool = False) -> tuple[int, int, int, str] | None:
        """Where the bodies that open a clause start and end, and where their verb starts and which it
        is (X、Y要…, X(Y)承担…). A time may stand first (3月底前X完成…); after 请 any verb will do (请X在
        年底前完成: the request makes X responsible). A verb inside a name (应 in 应急) is no verb."""
        v = self.vocab
        time = genre.TIME_LEAD.match(text, start)
        s = time.end() if time else start
        if not may_open_body(text, s):
            return None
        window = text[s:s + 80]
        end = body_run(window, v)
        if not end:
            return None
        joined = _JOIN.match(window, end)
        if joined:
            end = next((k for k in range(joined.end() + 2, min(joined.end() + 9, len(window)))
                        if v.generic.match(window[joined.end():k]) and (
                            v.subject.match(window, after := _BEFORE_VERB.match(window, k).end())
                            or _CONDITION.match(window, after))), end)
        rest = _BEFORE_VERB.match(window, end)
        condition = _CONDITION.match(window, rest.end())
        if condition:  # X如遇重大问题，及时…: the verb after the condition is X's
            rest = _BEFORE_VERB.match(window, condition.end())
        vm = v.subject.match(text, s + rest.end()) or v.subject.match(text, s + end)
        if vm is None and requested and re.match(rf"[{_H}]", window[rest.end():]) and \
                not window.startswith("的", rest.end()):
            return s, s + end, s + rest.end(), ""
        if vm is None and _DESIGNATION.match(window, rest.end()):
            return s, s + end, s + rest.end(), "为"
        if vm is None or text.startswith(("了", "的"), vm.end()) or v.not_owner.search(text[s:vm.end() + 6]) \
                or text.startswith(_ASKS, vm.start()):
            return None  # X出台了…: narrative; X制定的文件: a noun, not a clause
        sentence = _after_last(text, _STOPS, start)
        if _SINCE.search(text, sentence, start) or (vm.group("verb") == "于" and _EVENT_DAY.match(text, vm.end())) \
                or (vm.group("verb") in _ADVERBIAL_VERB and _DONE.match(text, vm.end())):
            return None  # 自…以来，X每年都…; X于1997年1月7日召开…; X在…基础上，确定了…: reports
        return s, s + end, vm.start(), vm.group("verb")

    def set_annotations(self, doc: Doc, matches: list[Match]) -> None:
        spans = {"owners": [], "subjects": []}
        seen: set[tuple[int, int, str]] = set()
        for m in matches:
            span = doc.char_span(m.start, m.end, label=m.label)
            if span is None or (m.start, m.end, m.kind) in seen:
                continue
            seen.add((m.start, m.end, m.kind))
            span._.clause = m.clause
            span._.list_first = m.first
            spans[m.kind].append(span)
        doc.spans["owners"] = spans["owners"]
        doc.spans["subjects"] = spans["subjects"]


@Language.factory("ipgraph_responsibility", default_config=RESPONSIBILITY_CONFIG,
                  assigns=["doc.spans"])
def make_responsibility(nlp: Language, name: str, list_heads: list[str], lead_heads: list[str], verbs: list[str],
                        lead_verbs: list[str], subject_verbs: list[str], generic: list[str], tails: list[str],
                        suffixes: list[str], not_owner: list[str], not_bodies: list[str], verb_openers: list[str],
                        name_breakers: list[str], noun_openers: list[str], compound_words: list[str]):
    return ResponsibilityTagger(make_vocab(list_heads, lead_heads, verbs, lead_verbs, subject_verbs, generic, tails,
                                           suffixes, not_owner, not_bodies, verb_openers, name_breakers, noun_openers,
                                           compound_words))


@Language.factory("ipgraph_regions", assigns=["doc.spans"])
def make_regions(nlp: Language, name: str):
    return RegionTagger(nlp)


class RegionTagger:
    """Tags names of China's divisions (宜昌市, 湖北省, 湖北) as REGION spans in doc.spans["regions"]."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab)
        d = divisions()
        names = sorted(set(d.by_name) | set(d.by_short))
        self.matcher.add("REGION", list(nlp.tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(Span(doc, s, e, label="REGION") for _, s, e in self.matcher(doc))
        text = doc.text  # spaCy joins it from a Token object per character at every access: once
        doc.spans["regions"] = [s for s in spans if _whole_region(text, s.start_char, s.end_char)]
        return doc


# Two-character names such as 北区, 东区, 城区 (districts of 香港, 台湾, 山西 cities) are also the end of
# longer names (渝北区, 城东区): they count only where no other character is written before them.
# 和县 also ends 市和县级, 市交通局和县、区; 会同县 is X会同县财政局, 成县 完成县委交办的任务
_AMBIGUOUS = re.compile(r"^(?:[^\W\d_]区|和县|会同县|成县)$")


# a division's name before one of these names a street: 中山路, 南京路步行街, 青岛路社区, 大连路街道
_STREET = re.compile(r"路|大?街|大道|巷")


def _whole_region(text: str, start: int, end: int) -> bool:
    if _STREET.match(text, end):
        return False
    if not _AMBIGUOUS.match(text[start:end]):
        return True
    return start == 0 or not re.match(rf"[{_H}]", text[start - 1])


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("ipgraph_regions")
    nlp.add_pipe("ipgraph_responsibility")
    return nlp
