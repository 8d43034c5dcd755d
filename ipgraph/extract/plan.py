"""The plan a document is, or is about: title, kind of document, period, number, issuer, date."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator

from ..document import Meta
from ..genre import (ADDRESSED, ALIAS_MARKS, DATE_LINE, DOC_NUMBER, DOC_TYPE, DRAFT_MARKS, INTERPRETATION_MARKS,
                     LETTER_TITLE, NEWS_MARKS, NEWS_OPENINGS, NOTICE_VERBS, PERIODS, PORTAL_FIELDS, VOCAB, alternation,
                     cn_int)
from ..outline import Outline
from ..nlp import _default_vocab, is_body
from ..regions import divisions
from .model import PlanInfo

PLAN_TYPES = DOC_TYPE
# a title's type, then its years, its edition (试行, 2017年修订) or a draft's mark
_TYPE_END = re.compile(rf"(?:{PLAN_TYPES})(?:\s*\(\s*\d{{4}}\s*[-—–~至]\s*\d{{4}}\s*年?\s*\))?"
                       rf"(?:\s*\((?:\d{{4}}年)?(?:试行|暂行|修订|修正|{DRAFT_MARKS})\))?$")
_DRAFT_END = re.compile(rf"\((?:{DRAFT_MARKS})\)$")  # X（征求意见稿）: the draft of X
_LABEL_PREFIX = re.compile(r"^(?:标\s*题|题\s*目|名\s*称)?\s*[:：]?\s*(?:[文字图]{0,2}解读|政策解读|一图读懂|全文)?\s*[:：]?\s*")
# 关于印发X的通知, and X印发《Y》的通知 where the title in 《》 opens with 关于 itself; 〈Y〉 inside a citation
_NOTICE = re.compile(rf"(?:关于(?:{NOTICE_VERBS})\s*[《〈]?|(?:{NOTICE_VERBS})\s*[《〈])(.{{4,80}}?)[》〉]?\s*的(?:通知|函|决定)")
# 《X》（以下简称《Y》）, also after X's number in the same bracket (（深府规〔2018〕12号，以下简称《Y》）)
_ALIAS = re.compile(rf"《([^《》]{{2,80}})》\s*\(\s*(?:{DOC_NUMBER.pattern}\s*[,，;；]\s*)?(?:{ALIAS_MARKS})\s*[《“\"]?"
                    rf"([^《》“”\")]{{1,20}})[》”\"]?\s*\)")

_EXPLAINED = re.compile(rf"\s*《?(?P<title>[^,，。;《》\n]{{4,60}}?(?:{PLAN_TYPES}))》?(?:\([^()]*\))?是")
_ISSUED_HERE = re.compile(r"《(?P<title>[^《》]{4,80})》[^。《》]{0,40}?印发给?你们")
_ORDINAL_PERIOD = {"第十一个五年": "十一五", "第十二个五年": "十二五", "第十三个五年": "十三五",
                   "第十四个五年": "十四五", "第十五个五年": "十五五"}
_YEAR_RANGE = re.compile(r"(20\d{2}|19\d{2})\s*[-—–~至]\s*(20\d{2})\s*年")


def period(text: str) -> tuple[int | None, int | None]:
    """Start and end year a title states: 十四五 → 2021–2025, (2021-2025年) likewise."""
    for phrase, name in _ORDINAL_PERIOD.items():
        text = text.replace(phrase, name)
    for name, start in PERIODS.items():
        if name in text:
            return start, start + 4
    m = _YEAR_RANGE.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    return None, None


_UNTITLED_PARENT = re.compile(r"(国家|省|市)((?:[、和及与](?:国家|省|市))*)(?:级|委|政府)?(?:知识产权)?(?:[“\"]?十[一二三四五]五[”\"]?)?"
                              r"(?:相关|有关)?(?:规划|文件|部署|要求)")
_ALIGN = re.compile(r"衔接|对接|一致|相协调|相统一|贯彻")
_LEVEL_WORD = {"国家": "national", "省": "provincial", "市": "municipal"}


def aligns_with(text: str) -> list[str]:
    """Levels of the parent plans a text aligns with without naming them (与国家、省相关文件衔接一致)."""
    found: set[str] = set()
    for sentence in re.split(r"[。;\n]", text):
        if not _ALIGN.search(sentence):
            continue
        for m in _UNTITLED_PARENT.finditer(re.sub(r"《[^》]*》", "", sentence)):
            words = [m.group(1)] + re.findall(r"国家|省|市", m.group(2))
            found.update(_LEVEL_WORD[w] for w in words)
    return sorted(found)


_NAVIGATION = re.compile(r"[>|»/]|首页|当前位置|您的位置|栏目|来源|下载|打印|关闭")


def _title_line(line: str, first: bool = False) -> str | None:
    """The title a line is, if any. `first`: the text's first line, where 关于X的若干措施 is the plan's own
    title (elsewhere a line opening with 关于 is a cited request or a covering notice)."""
    line = _LABEL_PREFIX.sub("", line.strip())
    line = re.sub(r"\s+", "", line).strip("|")  # 名 称: | X | ||: a portal's cell saved as text
    line = re.sub(r"^\(([^()]{2,10})\)(?=\1)", "", line)  # (荆门市)荆门市…规划: a library's shelf mark
    line = re.sub(r"^(?:\([^()]{2,8}类\)|【[^】]{2,8}】)(?=.)", "", line)  # (自然灾害类)X预案, 【地质灾害】X: a category
    if not (4 <= len(line) <= 80) or re.search(r"[,。;!?]", line) or _NAVIGATION.search(line):
        return None
    m = _NOTICE.search(line)
    if m:
        return m.group(1)
    if first and line.startswith("关于") and _TYPE_END.search(line):
        return line
    if first and re.fullmatch(r"《[^《》]+》", line) and _TYPE_END.search(line[1:-1]):
        return line[1:-1]  # 《关于…的实施细则》 heading the text
    if line.startswith(("关于", "《")) or "解读" in line:
        return None
    # a title's type, or a letter's whole title, X关于…的通知/批复/复函 (its second line alone, …规划的通知, is none)
    if (_TYPE_END.search(line) or LETTER_TITLE.search(line)) and (len(line) > 6 or period(line) != (None, None)):
        return _DRAFT_END.sub("", line)
    return None


# an article's byline or source line: 重庆日报记者 张亦筑, （通讯员 李明）, 本报讯, 来源：某某日报
_BYLINE = re.compile(rf"(?:{NEWS_MARKS})[\s:：]*[\u4e00-\u9fff·]{{2,4}}(?=[\s)）,，]|$)|报讯|新闻网"
                     r"|来源\s*[:：]\s*\S{0,12}(?:日报|晚报|新闻网)")
# a line of a page's menu or trail: several short words side by side (首页 政务公开 政策解读 互动交流)
_MENU = re.compile(r"^(?:\S{1,8}(?:\s+|\s*>>?\s*|\s*\|\s*)){3,}\S{1,8}$")


# a heading an interpretation is written under, alone on its line after its number (二、编制背景, 出台时间：…)
_EXPLAINING = re.compile(rf"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|\d+[.、])?\s*"
                         rf"({alternation(VOCAB['documents']['interpretation_headings'])})\s*(?:[:：。].*)?$", re.M)


# 近日/日前 opening a report, not 日前 of 11月23日前; a draft's mark in brackets or on its own line, not
# 草案 in a chapter's heading (第二章 地方性法规草案的起草)
_OPENING = re.compile(rf"(?<!\d)(?:{NEWS_OPENINGS})")
_DRAFT = re.compile(rf"[(《]\s*[^()《》\n]*?(?:{DRAFT_MARKS})\s*[)》]|^\s*[(]?(?:{DRAFT_MARKS})[)]?\s*$", re.M)
_ABOUT = re.compile(rf"\s*《[^《》\n]{{4,60}}》\s*\((?:{ALIAS_MARKS})[^()]*\)\s*是")


def _doc_kind(text: str) -> str:
    """plan, or an article about one (news, interpretation), or a draft, by the marks of the first
    lines: a byline, 近日…印发 with no addressee; 解读 in a heading, not in a page's menu nor in a
    sentence (…政策解读、回应关切…), nor above a notice that addresses someone."""
    head = text[:600]
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    addressed = ADDRESSED.search(head)
    if any(_BYLINE.search(line) for line in lines):
        return "news"
    # written under an interpretation's headings, or opening with the plan it is about (《X》（以下简称《规划》）是…)
    if not addressed and (len({m.group(1) for m in _EXPLAINING.finditer(text[:6000])}) >= 2 or _ABOUT.match(text)):
        return "interpretation"
    if _OPENING.search(head) and not addressed:
        return "news"
    if not addressed and any(re.search(INTERPRETATION_MARKS, line) and not _MENU.match(line)
                             and not (len(line) > 30 and re.search(r"[、,，]", line)) for line in lines):
        return "interpretation"
    if any(head.count("〈", 0, m.start()) <= head.count("〉", 0, m.start()) for m in _DRAFT.finditer(head)):
        return "draft"  # (not the 送审稿 of 《关于报请审批〈X（送审稿）〉的请示》 an approval answers)
    return "plan"


def iso_date(text: str) -> str | None:
    m = re.search(r"([\d〇○零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日",
                  text)
    if not m:
        m = re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if not m:
        return None
    y, mo, d = (cn_int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


# 关于(同意|对)X的批复, X a plan: the approval of X (the plan approved is another document)
_APPROVAL = re.compile(rf"关于(?:同意|批准|对)?《?(.{{2,80}}?(?:{PLAN_TYPES})(?:\([^()]*\))?)》?的批复$")
_RULES = "制度"  # the rules of a system an approval sets up (X部际联席会议制度)
# a title that only covers another document: 转发…的通知, 印发…的通知, 国务院令
_COVERING = re.compile(rf"(?:{NOTICE_VERBS}).+的(?:通知|函)$|令$")


def _covering_issuer(title: str | None) -> str | None:
    """The body that issues a covering notice, letter or decree: 国务院办公厅 of 国务院办公厅转发…的通知."""
    m = re.match(rf"(.{{2,30}}?)(?:关于|{NOTICE_VERBS}|令$)", re.sub(r"\s+", "", title or ""))
    return m.group(1) if m and _COVERING.search(re.sub(r"\s+", "", title or "")) else None


_FORWARDED = re.compile(rf"(?:{alternation(VOCAB['documents']['forwarding_verbs'])})(.{{2,30}}?)(?:关于|《)")


def _author(title: str | None, issuer: str | None) -> str | None:
    """Who wrote the plan itself: X of 转发X关于…的通知, else the issuer, else the body a title opens
    with (X关于…的通知)."""
    title = re.sub(r"\s+", "", title or "")
    forwarded = _FORWARDED.search(title)
    if forwarded and is_body(forwarded.group(1), _default_vocab()):
        return forwarded.group(1)
    opening = re.match(r"(.{2,30}?)关于", title)
    return issuer or (opening.group(1) if opening and is_body(opening.group(1), _default_vocab()) else None)


def _named_attachment(title: str, attached: list[str]) -> str | None:
    """关于同意建立X制度的批复 over its attachment X制度: the document approved (not 关于对X给予表扬的通报
    over a list of X)."""
    return next((t for t in attached if t in title and (_TYPE_END.search(t) or t.endswith(_RULES))), None)


# 附件 (附件2) over an attachment's title, or 附件：X in the covering text
_ATTACHMENT = re.compile(r"附\s*件\s*\d*\s*(?:[:：]\s*(?P<title>\S.*))?")


def _attachments(paras) -> list[str]:
    """The attachments' titles a text gives, for a source without headings of its own."""
    out = []
    for k, p in enumerate(paras):
        m = _ATTACHMENT.fullmatch(p.text.strip())
        if m and m.group("title"):
            out.append(m.group("title"))
        elif m and k + 1 < len(paras):
            out.append(paras[k + 1].text.strip())
    return out


_FORWARDED_TITLE = re.compile(rf"(?:{alternation(VOCAB['documents']['forwarding_verbs'])}).{{2,30}}?(关于.+?)的(?:通知|函)$")


def _forwarded(title: str, text: str) -> str | None:
    """The document a 转发 notice forwards, as the notice cites it (民政部《关于清理整顿社会团体的意见》 for
    转发民政部关于清理整顿社会团体意见的通知), for a source without headings to give its own title."""
    m = _FORWARDED_TITLE.search(title)
    if not m:
        return None
    want = _fold(m.group(1)).replace("的", "")
    return next((c.group(1) for c in re.finditer(r"《([^《》]{4,80})》", text)
                 if _fold(c.group(1)).replace("的", "") == want), None)


def _meta_title(title: str | None, later: list[str]) -> str | None:
    """The plan a source's own title names: X of 关于印发X的通知, an attachment X the title names (关于同意
    建立X的批复); the attachment's own title under a covering notice, letter or decree (转发…的通知,
    国务院令); none for a headline about a plan."""
    if not title:
        return None
    title = re.sub(r"\s+", "", title)
    notice = _NOTICE.search(title)
    if notice:
        return notice.group(1).strip("《》")
    attached = [re.sub(r"\s+", "", t) for t in later if len(t) >= 4 and not t.endswith(("表", "目录", "目 录"))]
    named = _named_attachment(title, attached)
    if named:
        return named
    if _COVERING.search(title) and attached:
        return attached[0]
    if re.search(r"[,。;!?]|出台|印发|发布|召开|解读|答记者问|一图读懂", title):
        return None
    return title


def _fold(title: str) -> str:
    return re.sub(r"[\s《》“”\"()（）〈〉—–\-]", "", title)


_TYPE_IN = re.compile(PLAN_TYPES)


def derived(a: str, b: str) -> bool:
    """Whether one folded title is the other and a type of document: 《X纲要》 and the X纲要任务分工方案
    are two documents, however alike their titles."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer != shorter and longer.startswith(shorter) and bool(_TYPE_IN.search(longer[len(shorter):]))


def _region_at(line: str) -> int:
    """How long the division name a line opens with is (深圳市南山区… → 3), 0 for none."""
    d = divisions()
    return next((k for k in range(min(len(line), 12), 1, -1) if line[:k] in d.by_name or line[:k] in d.by_short), 0)


def _title_head(prev, line, text: str) -> bool:
    """Whether the line before a title line is its first half (深圳市南山区 / “十四五”知识产权发展规划):
    right above it, short, no sentence, opening with a division while the second half opens with none,
    and no body's name (宜昌市人民政府办公室 over its plan is the issuer)."""
    head = prev.text.strip()
    return (0 < len(head) <= 24 and "\n\n" not in text[prev.end:line.start] and not text[prev.end:line.start].strip()
            and not re.search(r"[,。;:!?、]", head) and _region_at(head) and not _region_at(line.text.strip())
            and not is_body(head, _default_vocab()) and not head.endswith("文件"))


def _red_head(line: str) -> bool:
    """X市人民政府文件, the issuer's name printed in red over its documents (not …规范性文件)."""
    return line.endswith("文件") and is_body(line[:-2], _default_vocab())


def _broken_title(paras) -> str | None:
    """A title set on two to four short lines (国务院办公厅 / 关于辽宁省在…考察 / 工作时所提问题…的函):
    the longest run from the first that reads as one; its last line alone would be a fragment."""
    lines = [p.text.strip() for p in paras]
    if not lines or _title_line(lines[0]):
        return None  # a whole title on its first line
    for n in range(len(lines), 1, -1):
        # an official title (X关于…的通知/意见/函) broken before its end, whose last line is no title of its
        # own (X市人民政府关于…意见 under an issuer, a 文号 or a red head is); not a signature (总理　　李克强),
        # a date, a 文号 or a red head (X市人民政府文件) either
        last = lines[n - 1]
        if all(0 < len(line) <= 40 and not re.search(r"\s\s", line) and not DATE_LINE.search(line)
               and not DOC_NUMBER.search(line) and not _red_head(line) for line in lines[:n]) \
                and "关于" in "".join(lines[:n]) and not ("关于" in last[1:] and _title_line(last)):
            title = _title_line("".join(lines[:n]))
            if title:
                return title
    return None


def _decree(paras) -> tuple[str, str | None] | None:
    """The issuer of a decree a text opens with (中华人民共和国国务院令 / 第706号 / 《X》已经…公布) and the
    regulation it promulgates, X: for a source without a title of its own to say so."""
    for k, p in enumerate(paras[:6]):
        head = re.sub(r"\s+", "", p.text)
        issuer = _covering_issuer(head) if head.endswith("令") else None
        if issuer and k + 1 < len(paras) and re.fullmatch(r"第\s*\d+\s*号", paras[k + 1].text.strip()):
            cited = (re.search(r"《([^《》]{2,80})》", q.text) for q in paras[k + 2:k + 4])
            return issuer, next((m.group(1) for m in cited if m), None)
    return None


def _labels(field: str) -> str:
    """The portal's labels of a field, spaced or not (文 号, 索 引 号)."""
    return "|".join(r"\s*".join(map(re.escape, k)) for k, v in sorted(PORTAL_FIELDS.items(), key=lambda kv: -len(kv[0]))
                    if v == field)


# a portal's labels where its metadata is a list in the text, not a table (文件编号：X〔2021〕31号)
# (a page saved as text may keep its table's cells: 文 号: | X〔2023〕1号 | 索 引 号: | …)
_GAP = r"\s*[:：]?\s*\|?\s*"
_NUMBER_LABEL = re.compile(rf"(?:{_labels('number')}){_GAP}({DOC_NUMBER.pattern})")
_ISSUER_LABEL = re.compile(rf"(?:{_labels('issuer')}){_GAP}([\u4e00-\u9fff()]{{3,30}}?)(?:\s|\||$)")
_DATE_LABEL = re.compile(rf"(?:{_labels('written')}|{_labels('published')}|发布时间|时间){_GAP}([^\s|]{{8,12}})")
# a 文号 on a title's line: before the date (苏政发〔2009〕1号 2009年1月5日), after the title in brackets
# (…的通知（岳办发〔2017〕2号）) or before it (鲁政发〔2014〕20号《…》)
_NUMBER_LINE = re.compile(rf"^(?P<a>{DOC_NUMBER.pattern})\s*(?:{DATE_LINE.pattern}|《.*)?$"
                          rf"|^.{{8,}}?(?:的(?:通知|决定|函|批复)|{DOC_TYPE})\s*\(\s*(?P<b>{DOC_NUMBER.pattern})\s*\)$")


# a trigger of a cited basis right before a title: 根据《…, 按照省政府《…
_CITED_BASIS = re.compile(rf"(?:{alternation(VOCAB['citations']['triggers'])})[^。,，;；《]{{0,20}}《[^《》]*$")
_SIGNATORY = re.compile(r"(?:人民政府|办公厅|办公室|委员会|委|局|厅|国务院)$")
_SEAL = re.compile(r"[(（][^()（）]{2,30}(?:代章|印章)[)）]")  # (国家知识产权局代章) between name and date


def _signatures(paras: list) -> Iterator[tuple[str, str]]:
    """(signatory, date line) pairs: an issuing body's line over a date, a seal note (国家知识产权局代章)
    after the name or on a line between."""
    for k, (a, b) in enumerate(zip(paras, paras[1:])):
        if _SEAL.fullmatch(b.text.strip()) and k + 2 < len(paras):
            b = paras[k + 2]
        name = _SEAL.sub("", a.text).strip()
        if DATE_LINE.fullmatch(b.text.strip()) and _SIGNATORY.search(name) and len(name) <= 30:
            yield name, b.text


def extract_plan(outline: Outline, fallback_title: str, meta: Meta | None = None) -> PlanInfo:
    meta = meta or Meta()
    text = outline.text
    first_item = outline.items[0].start if outline.items else len(text)
    preamble = [p for p in outline.paras if p.start < first_item]
    title = _meta_title(meta.title, meta.titles)
    decree = None if meta.title else _decree(preamble)
    title = title or (decree and decree[1])
    for k, p in enumerate(preamble):
        if title:
            break
        if k and _title_head(preamble[k - 1], p, text):
            title = _title_line(preamble[k - 1].text.strip() + p.text.strip())
        title = title or _broken_title(preamble[k:k + 4]) or _title_line(p.text, first=k == 0)
    covering = None  # a text's own title that covers the plan (转发…的通知, 关于同意建立X的批复)
    if title and not meta.title:
        own = _named_attachment(title, _attachments(outline.paras)) or _forwarded(title, text)
        if own:
            covering, title = title, own
    approved = _APPROVAL.search(re.sub(r"\s+", "", title or ""))
    approves = approved.group(1) if approved else None
    aliases: list[str] = []
    for m in _ALIAS.finditer(text):
        alias = m.group(2).strip()
        # 《X》(以下简称《规划》) names the plan only if X is it, perhaps in other words (an article's wording),
        # and not the plan an approval grants
        own = title is None or (difflib.SequenceMatcher(a=_fold(m.group(1)), b=_fold(title)).ratio() >= 0.75
                                and not derived(_fold(m.group(1)), _fold(title)))
        own = own and not (approves and _fold(m.group(1)) == _fold(approves))
        if re.search(rf"(?:{PLAN_TYPES})$", alias) and len(alias) <= 10 and own:
            aliases.extend([m.group(1), alias])
            title = title or m.group(1)
    issued_here = _ISSUED_HERE.search(text[:3000])
    if issued_here and (not title or (issued_here.group("title").endswith(title) and len(issued_here.group("title")) > len(title))):
        # 《X》已经市政府同意，现印发给你们: the notice issues X (姚安县… where its title says 关于印发…方案的通知)
        title = issued_here.group("title")
    if not title:  # the notice that issues it, unless that is a document it is based on (根据《X关于印发Y的通知》)
        notice = next((m for m in _NOTICE.finditer(text) if not _CITED_BASIS.search(text, max(0, m.start() - 40), m.start())),
                      None)
        if notice:
            title = notice.group(1)
    kind = _doc_kind(text)
    opening = None if title or kind == "plan" else _EXPLAINED.match(text)
    if opening:  # an article opening with the plan it is about: X规划是…, 《X》（以下简称《规划》）是…
        title = opening.group("title")
    if not title and kind in ("news", "interpretation", "draft"):  # an article about a plan, or a call for
        # comments on a draft: the plan it cites most
        cited = Counter(m.group(1) for m in re.finditer(r"《([^《》]{4,80})》", text[:3000])
                        if re.search(rf"(?:{PLAN_TYPES})(?:\(.*\))?$", m.group(1)))
        title = _DRAFT_END.sub("", cited.most_common(1)[0][0]) if cited else None
    title = (title or fallback_title).strip().strip("《》")
    start, end = period(title) if not approves else (None, None)  # the years of 关于X(2021—2035年)的批复 are X's
    info = PlanInfo(title=title, doc_kind=kind, start_year=start, end_year=end,
                    aliases=sorted(set(a for a in aliases if a != title)), aligns_with=aligns_with(text),
                    approves=approves)
    head = text[:first_item]
    info.document_number = re.sub(r"\s+", "", meta.number) if meta.number else None
    info.issuer = meta.issuer or _covering_issuer(meta.title or covering) or (decree and decree[0])
    info.issued = iso_date(meta.written or meta.published or "")
    num = None if info.document_number else _NUMBER_LABEL.search(head)
    if num:
        info.document_number = re.sub(r"\s+", "", num.group(1))
    elif not info.document_number:
        for p in preamble:
            line = _NUMBER_LINE.match(p.text.strip())
            if line:
                info.document_number = re.sub(r"\s+", "", line.group("a") or line.group("b"))
                dated = DATE_LINE.search(p.text)
                info.issued = info.issued or (iso_date(dated.group()) if dated else None)
                break
    labelled = _ISSUER_LABEL.search(head)
    # the signature: the issuing body over the date, in the preamble or else after the items (the first
    # one: an attachment's own signature comes later)
    for paras in (preamble, outline.paras):
        signed = next(_signatures(paras), None)
        if signed:
            info.issuer = info.issuer or signed[0]
            info.issued = info.issued or iso_date(signed[1])
            break
    # a portal's 发布机构 after the text's own signature: it may name only its level (区政府办公室)
    info.issuer = info.issuer or (labelled.group(1) if labelled else None)
    if not info.issuer:  # unsigned: the body its covering notice's title opens with (X关于印发…的通知)
        info.issuer = next((b for p in preamble[:4] if (b := _covering_issuer(_LABEL_PREFIX.sub("", p.text.strip())))
                            and is_body(b, _default_vocab())), None)
    info.author = _author(meta.title or "".join(p.text for p in preamble[:2]), info.issuer)  # a title over two lines
    if not info.issued:
        d = _DATE_LABEL.search(head)
        if d:
            info.issued = iso_date(d.group(1))
    return info
