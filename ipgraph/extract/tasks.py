"""Tasks and who owns them.

Every numbered item is a task. A paragraph or clause that names its owners is a task of its
own, under the item it sits in: "(一)建立评价体系。" + a paragraph ending "(责任单位:…)" gives
the paragraph task; "…，市市场监管局牵头做好规划组织实施工作，…。" gives a task that starts at
the department. A line holding only a 责任单位 list belongs to the task before it.
"""
from __future__ import annotations

import dataclasses
import re

from spacy.language import Language

from ..genre import DOC_TYPE, DUTY_HEADING, FIRST_IS_LEAD, LEAD_ROLE, LIST_HEADS, OWNER, OWNER_TAILS, alternation
from ..nlp import SHORT_BARE, Match, _after_last, _default_vocab, is_body, list_items, named_before, split_bodies
from ..outline import OWNER_HEADERS, Item, Outline, Para, Table
from .founded import BODILESS_DUTIES, founded
from .model import Owner, TaskRec

_ONLY_OWNERS = re.compile(rf"^[(〔【\[]?\s*(?:{LIST_HEADS})\s*(?:[】\]]|:)")
# A clause that only assigns (X、Y按职责分工负责。X、Y指导。) opens with an owner verb of the vocabulary
# after its bodies, and says little else once the words of assigning are set aside (做好规划组织实施工作
# is a task of its own: 组织实施 is an act there, so it is not set aside).
_BARE = re.compile(r"[。;,!\s]|牵头|负责|配合|参与|按职责分工|按照职责分工|分别|共同|具体")
_OWNER_VERB = re.compile(rf"\s*(?:等|和|及)?(?:{OWNER_TAILS})*(?:{alternation(OWNER['verbs'])})")
FIRST_PERSON = frozenset(OWNER["first_person"])
TASK_COLUMN_WORDS = tuple(OWNER["duty_table_task_words"])
_BOX_REF = re.compile(r"见?专栏\s*(\d+|[一二三四五六七八九十]+)")
_SENTENCE_MARK = re.compile(r"[。,，;；:：!?！？]")
_MADE = re.compile(alternation(OWNER["made"]))
_MADE_REPORTED = re.compile(alternation(OWNER["made"] + OWNER["made_reported"]))
# 本规划由X会同Y编制; 日前，X印发…的通知 (not 6月30日前)
_SELF_MADE = re.compile(rf"本(?:{DOC_TYPE})由[^。]{{0,80}}?(?:编制|起草)|(?<!\d)(?:日前|近日)[,，]?[^。]{{0,40}}?(?:印发|出台|发布)"
                        r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?[,，]?[^。]{0,40}?印发《|于\d{4}年\d{1,2}月(?:\d{1,2}日)?印发")
_SET_UP_WITH_DUTIES = re.compile(rf"(?:{alternation(OWNER['founding_verbs'] + ['建立'])})(?P<body>[^,，。;；:：]{{2,30}})"
                                  r"[,，]\s*(?:其)?(?:主要)?(?:职责|职能|任务)(?:如下|是|为)?\s*[:：]$")
_COMPOSED = re.compile(r"[^。]{0,4}由[^。]{0,60}?(?:组成|为成员)")
_DUTY_AFTER = re.compile(r"(?:主要)?(?:负责|承担)")
_BODY_OPENS = re.compile(r"^(?P<body>[^,，。:：;；()（）]{2,30})(?P<mark>[:：。])\s*(?=\S)")


# a sentence that defines a term (本办法所称X是指…由Y管理的资金): the bodies it names own nothing by it
_DEFINES = re.compile(r"(?:所称|所指)[^。;；]{0,60}?(?:是指|系指|指)(?![导引挥南])|是指(?![导引挥南])")


def _in_definition(text: str, at: int) -> bool:
    start = _after_last(text, "。;；\n", at)
    ends = [i for i in (text.find(c, at) for c in "。;；\n") if i >= 0]
    return bool(_DEFINES.search(text, start, min(ends) if ends else len(text)))


def _assigns_only(text: str, matches: list[Match]) -> bool:
    """Whether a passage says nothing but who owns: its bodies and the words of assigning (X牵头，Y配合。)."""
    rest, at = [], 0
    for m in sorted(matches, key=lambda m: m.start):
        rest.append(text[at:m.start])
        at = max(at, m.end)
    return bool(matches) and not _BARE.sub("", "".join(rest) + text[at:])


def item_key(outline: Outline, item: Item) -> str:
    return ".".join(str(a.ordinal) for a in reversed(outline.ancestors(item.index)))


def _add(task: TaskRec, owners: list[Owner]) -> None:
    seen = {o.surface for o in task.owners}
    for o in owners:
        if o.surface not in seen:
            task.owners.append(o)
            seen.add(o.surface)
        elif o.lead:
            next(x for x in task.owners if x.surface == o.surface).lead = True


def _without_bare_clauses(text: str, start: int, end: int, clauses: dict[int, list]) -> str:
    """text[start:end] without the later clauses that only assign (，Y、Z配合): their bodies are no
    words of the first clause's task, where a clause with a duty of its own (，Y负责专利导航) is."""
    later = sorted(c for c in clauses if start <= c < end)
    out, at = [], start
    for i, c in enumerate(later):
        stop = later[i + 1] if i + 1 < len(later) else end
        if not _BARE.sub("", text[max(m.end for m in clauses[c]):stop]):
            out.append(text[at:c])
            at = stop
    return "".join(out) + text[at:end]


def _sentence_end(text: str, start: int) -> int:
    m = re.compile(r"[。!?]").search(text, start)
    return m.end() if m else len(text)


def extract_tasks(outline: Outline, nlp: Language, author: str | None = None, reporting: bool = False) -> list[TaskRec]:
    """The tasks of a plan and who owns them; `author` is who 我局, 我部… in its text are; `reporting`: the
    text reports on a plan (an interpretation, a news article) rather than being one."""
    made = _MADE_REPORTED if reporting else _MADE
    tasks: list[TaskRec] = []
    by_item: dict[int, TaskRec] = {}
    for it in outline.items:
        parent = by_item[it.parent].key if it.parent is not None else None
        body = it.offset(len(it.line) - len(it.text.lstrip()))  # the task's text starts after its number
        task = TaskRec(item_key(outline, it), it.numbering, it.text.strip(), body, it.end, parent)
        task.refers_to = _BOX_REF.findall(it.text)
        by_item[it.index] = task
        tasks.append(task)

    vocab = _default_vocab()
    duties: dict[int, list[Owner]] = {}  # item → the body whose duties it heads ("X职责", "X及其职责")
    listed: set[int] = set()     # items whose paragraphs list duties one to a semicolon (主要职能 of a body set up)
    declared_leads: list[tuple[int, int]] = []  # clauses declaring a body's lead (A为牵头单位)
    led: dict[str, str | None] = {}  # a body set up → its lead unit, which leads whatever the body owns
    named: dict[int, int] = {}   # item → where its text goes on after the body that titles it
    for it in outline.items:  # "X：负责…" / "监督组。负责…": the item is X's; "X职责" heads X's items
        m = _BODY_OPENS.match(it.text.strip())
        if m and is_body(m.group("body"), vocab):
            by_item[it.index].owners.append(Owner(m.group("body")))
            named[it.index] = len(it.line) - len(it.text.lstrip()) + m.end()
        duty = DUTY_HEADING.match(it.title.strip())
        parent = outline.items[it.parent] if it.parent is not None else None
        heading = it.title.strip(" 。.:：")
        if duty and is_body(duty.group("body"), vocab):
            duties[it.index] = [Owner(duty.group("body"))]
        elif (set_up := _SET_UP_WITH_DUTIES.match(it.text.strip())) and is_body(set_up.group("body"), vocab):
            duties[it.index] = [Owner(set_up.group("body"))]  # 设立X，主要职责如下：(一)…(二)…: X's duties
        elif parent and "职责" in parent.title and it.text.strip(" 。.:：") == heading and is_body(heading, vocab) \
                and not any(c.parent == it.index for c in outline.items):
            # 2.2 应急组织机构及职责 / 2.2.1 市卫生应急指挥部 / its duties: a heading that is only a body's name
            duties[it.index] = [Owner(heading)]
        elif BODILESS_DUTIES.match(it.title.strip()) and (body := founded(outline.text, it.start)):
            duties[it.index] = [Owner(body.name)] + ([Owner(body.lead, True)] if body.lead else [])
            listed.add(it.index)
            led[body.name] = body.lead
            declared_leads += [body.declared] if body.declared else []
        for child in outline.items if it.index in duties else ():
            if child.parent == it.index:
                _add(by_item[child.index], duties[it.index])

    declared = FIRST_IS_LEAD.search(outline.text)
    units: list[Item | Para] = sorted([*outline.items, *outline.paras], key=lambda u: u.start)
    # the head's lines before the first sentence (a title over two lines, 文号, addressee) give no task:
    # 国务院办公厅对全国政协…第4626号提案的答复 is a title, not 国务院办公厅 acting
    first = next((u.start for u in units if "。" in (u.line if isinstance(u, Item) else u.text)), len(outline.text))
    units = [u for u in units if u.start >= first or isinstance(u, Item) or _SENTENCE_MARK.search(u.text)]
    extra: dict[str, int] = {}
    tagger = nlp.get_pipe("ipgraph_responsibility")  # its matches alone: no Doc per passage is needed
    for unit in units:
        is_item = isinstance(unit, Item)
        home = by_item.get(unit.index if is_item else unit.item)
        text = unit.line if is_item else unit.text
        numbering = unit.text_at if is_item else 0  # a paragraph is unnumbered
        matches = [_named(outline.text, unit, text, m) if m.short else m for m in tagger.match(text, numbering)]
        defining = "指" in text and _DEFINES.search(text)  # most passages define nothing: one scan
        matches = [m for m in matches if m is not None and not (defining and _in_definition(text, m.start))]
        clauses: dict[int, list] = {}
        for m in matches:
            if m.kind == "subjects":
                clauses.setdefault(m.clause, []).append(m)
        first_leads = declared is not None and declared.start() < unit.end  # 列第一位者为牵头单位，下同
        owners = [Owner(m.name(text), m.label == "LEAD" or (first_leads and m.first))
                  for m in matches if m.kind == "owners"]
        tasks_of_clauses = []
        for start, spans in sorted(clauses.items()):
            end = _sentence_end(text, start)
            found = [Owner(m.name(text), m.label == "LEAD") for m in spans]
            opens = min(m.start for m in spans) <= start + 1
            rest = _without_bare_clauses(text, max(m.end for m in spans), end, clauses)
            if opens and len(_BARE.sub("", rest)) <= 8 and (_OWNER_VERB.match(rest) or not _BARE.sub("", rest)):
                if tasks_of_clauses and tasks_of_clauses[-1][1] == end:
                    tasks_of_clauses[-1][2].extend(found)  # X牵头做好…，Y配合。: Y takes part in X's clause
                else:
                    owners += found  # "市科技局、市财政局负责。" assigns the passage, it is no task of its own
            else:
                tasks_of_clauses.append((start, end, found))
        if not is_item and not matches and unit.item in duties:  # a paragraph under "X职责" names X's duties
            if unit.item in listed:  # 贯彻落实…；统筹协调…；…: a task each
                for a, b in _semicolon_parts(text):
                    _add(_new(tasks, extra, home, "c", text[a:b], unit.offset(a), unit.offset(b - 1) + 1),
                         duties[unit.item])
            else:
                owners = list(duties[unit.item])
        body_start = len(unit.line) - len(unit.text.lstrip()) if is_item else 0
        notes = sorted({m.note for m in matches if m.note})
        if len(notes) >= 2:  # X（A负责）；Y（B牵头，C配合）: each owned clause is a task of its own
            start = body_start
            for a, b in notes:
                found = [o for o, m in zip(owners, [m for m in matches if m.kind == "owners"]) if m.note == (a, b)]
                if is_item and start <= body_start:
                    _add(home, found)
                else:
                    _add(_new(tasks, extra, home, "c", text[start:b], unit.offset(start), unit.offset(b - 1) + 1), found)
                start = b + len(re.match(r"[\s。;；,，.]*", text[b:]).group())
            owners = [o for o, m in zip(owners, [m for m in matches if m.kind == "owners"]) if not m.note]
        opened = None if is_item or _ONLY_OWNERS.match(unit.text) else _BODY_OPENS.match(unit.text.strip())
        # 区教委：负责…, unnumbered; X、Y：负责…; X。负责… (a line of a duty list, where 。 parts the body from its duty)
        body = opened.group("body") if opened else ""
        bodies = split_bodies(body, vocab) if "、" in body else [(0, body, "")] if is_body(body, vocab) else None
        if bodies and "".join(name for _, name, _ in bodies) != body.replace("、", ""):
            bodies = None  # X、Y会同Z研究提出…: the bodies open a clause, not a duty list's line
        if bodies and _COMPOSED.match(unit.text.strip(), opened.end()):
            bodies = None  # 监测组：主要由X、Y抽派人员组成: who makes up the group, not its duty
        if bodies and (opened.group("mark") != "。" or _DUTY_AFTER.match(unit.text.strip(), opened.end())):
            leads = unit.text.strip().startswith(LEAD_ROLE, opened.end())  # X：牵头负责…
            owners = [*(Owner(shared + name, leads) for _, name, shared in bodies), *owners]
        if owners:
            if is_item:
                _add(home, owners)
            elif _ONLY_OWNERS.match(unit.text) or (not tasks_of_clauses and _assigns_only(text, matches)):
                # a line of owners under its task: 责任单位：X; X牵头，Y配合。
                before = [t for t in tasks if t.start < unit.start]
                if before:
                    _add(max(before, key=lambda t: t.start), owners)
            else:
                task = _new(tasks, extra, home, "p", unit.text, unit.start, unit.end)
                task.refers_to = _BOX_REF.findall(unit.text)
                _add(task, owners)
        passage = {o.surface for o in owners}
        given: list[tuple[int, int, set[str]]] = []  # (start, sentence end, bodies) of the clauses given a task
        for start, end, found in tasks_of_clauses:
            bodies = {o.surface for o in found}
            if bodies <= passage:
                continue  # the clause's bodies own the whole passage already
            if any(e == end and b == bodies and not re.search("[;；]", text[a:start]) for a, e, b in given):
                continue  # X由Y审查，Z由Y承办: one task of Y's, the sentence (a semicolon parts two)
            given.append((start, end, bodies))
            if any(a <= unit.offset(start) < b for a, b in declared_leads):
                continue  # A为牵头单位 of a body set up: A leads the body's duties, it is given none here
            if is_item and start <= named.get(unit.index, body_start):  # 集中采购小组。负责…，由X培训…
                _add(home, found)
                continue
            begins = _after_last(text, "。;；", start)  # its sentence
            if made.search(text, begins, end) or _SELF_MADE.search(text, begins, end):
                continue  # (日前，)X制定印发了《Y》, 本规划由X会同Y编制: how a document was made, no task
            task = _new(tasks, extra, home, "c", text[start:end], unit.offset(start), unit.offset(end - 1) + 1)
            _add(task, found)
    for table in outline.tables:
        if table.kind == "duties":
            _duty_rows(table, tasks, extra, by_item.get(table.item))
    for task in tasks:
        lead = next((led[o.surface] for o in task.owners if led.get(o.surface)), None)
        if lead:
            _add(task, [Owner(lead, True)])
    lost = set()
    for task in tasks:
        owners = speaking(task.owners, author)
        if task.owners and not owners and not task.numbering:
            lost.add(id(task))  # a clause only 我局 owned, and no author says who that is
        task.owners = owners
    return [t for t in tasks if id(t) not in lost]


def _semicolon_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of a passage between semicolons, its closing mark left out."""
    out, at = [], 0
    for m in re.finditer(r"[;；。]|$", text):
        part = text[at:m.start()]
        if part.strip():
            a = at + len(part) - len(part.lstrip())
            out.append((a, m.start()))
        at = m.end()
    return out


def speaking(owners: list[Owner], author: str | None) -> list[Owner]:
    """我局将… is the author's (国家地震局 ends as 我局 does, 某市人民政府办公室 as 我办); none when no author of
    that ending is known."""
    out: list[Owner] = []
    for o in owners:
        if o.surface in FIRST_PERSON:
            if not author or o.surface[1:] not in author[-3:]:
                continue
            o = Owner(author, o.lead)
        if all(x.surface != o.surface for x in out):
            out.append(o)
    return out


def _named(doc: str, unit: Item | Para, text: str, m: Match) -> Match | None:
    """A bare ending (联席会议) as the body the document named in full before it, or None."""
    ending = SHORT_BARE.match(text, m.start).group()  # 联席会议 of 联席会议办公室: its office
    full = named_before(doc, unit.offset(m.start), ending)
    return dataclasses.replace(m, level=full[:-len(ending)]) if full else None


def _duty_rows(table: Table, tasks: list[TaskRec], extra: dict[str, int], home: TaskRec | None) -> None:
    """Each task of a 任务分工 table is a task: the most specific task column names it (具体措施 under a
    merged 重点任务 cell), rows that share it are one task; the first body of a 牵头 column leads, the
    others take part."""
    task_cols = [i for i, h in enumerate(table.header) if any(w in h for w in TASK_COLUMN_WORDS)
                 and not any(o in h for o in OWNER_HEADERS)]
    owner_cols = [(i, LEAD_ROLE in h) for i, h in enumerate(table.header) if any(o in h for o in OWNER_HEADERS)]
    if not task_cols:
        return
    by_text: dict[str, TaskRec] = {}
    for row in table.rows:
        cells = row.cells
        text = next((cells[i] for i in reversed(task_cols) if i < len(cells) and cells[i]), "")
        if len(cells) != len(table.header) or not text:
            continue
        task = by_text.get(text)
        if task is None:
            col = next(i for i in reversed(task_cols) if i < len(cells) and cells[i])
            start, end = row.spans[col] if row.spans else (row.start, row.end)
            task = by_text[text] = _new(tasks, extra, home, "r", text, start, end)
        _add(task, [Owner(name, marked) for col, lead in owner_cols
                    for _, name, marked in list_items(cells[col], lead)])


def _new(tasks: list[TaskRec], extra: dict[str, int], home: TaskRec | None, kind: str,
         text: str, start: int, end: int) -> TaskRec:
    base = home.key if home else "0"
    extra[base + kind] = extra.get(base + kind, 0) + 1
    task = TaskRec(f"{base}.{kind}{extra[base + kind]}", "", text.strip(), start, end, home.key if home else None)
    tasks.append(task)
    return task
