"""Key projects: 专栏 boxes, items of a 重点工程 section, and bare lists under a 十大重点工程 line."""
from __future__ import annotations

import re

from spacy.language import Language

from ..genre import (BOX_NOT_PROJECTS, CN_DIGITS, PROJECT_DESCRIPTION_ENDS, PROJECT_KIND_WORDS, PROJECT_KINDS,
                     PROJECT_LEAD_VERBS, PROJECT_LIST_INTROS, PROJECT_LIST_VERBS, PROJECT_NAME_ENDINGS,
                     PROJECT_QUALIFIERS, PROJECT_WORKS_LEAD)
from ..outline import Outline
from .model import Owner, ProjectRec, TaskRec
from .tasks import speaking

_COUNT = rf"[\d{CN_DIGITS}]+[个大项]"  # 十大, 5项, 10个
_KINDS = rf"(?:{PROJECT_QUALIFIERS})(?:{PROJECT_KINDS})"
_CALLED = rf"(?:(?:{_COUNT})?{_KINDS}|{_COUNT}(?:{PROJECT_KINDS}))"  # 重点工程, 十大重点工程, 五大工程
_SECTION = re.compile(rf"(?:{PROJECT_QUALIFIERS}|{_COUNT})(?:{PROJECT_KINDS})(?:建设)?[。:：]?$")
_NAME = rf"[^、,，。;；:：和]{{2,30}}?(?:{PROJECT_NAME_ENDINGS})"
# a list the text itself calls key projects: 实施X工程、Y工程等十大重点工程; 10个专项工程，包括X、Y
_LABELLED_AFTER = re.compile(rf"(?:{PROJECT_LIST_VERBS})了?(?P<list>{_NAME}(?:[、和]{_NAME})+)等?{_CALLED}")
_LABELLED_BEFORE = re.compile(rf"{_COUNT}(?:{_KINDS}|{PROJECT_KINDS})\s*[,，:：]?\s*(?:{PROJECT_LIST_INTROS})?\s*[:：]?"
                              rf"(?P<list>{_NAME}(?:[、和]{_NAME})+)")
_PROJECT_NAME = re.compile(rf"(?:{PROJECT_NAME_ENDINGS})$")
_LEAD_VERB = re.compile(rf"^(?:{PROJECT_LEAD_VERBS}|{PROJECT_WORKS_LEAD})")
_DESCRIPTION_END = re.compile(rf"^(?:{PROJECT_DESCRIPTION_ENDS})")


def project_name(title: str) -> str:
    name = re.sub(r"^[_\-—\s]+", "", title.strip().rstrip("。.:"))
    return _LEAD_VERB.sub("", name) or name


def _owners(nlp: Language, text: str, author: str | None) -> list[Owner]:
    matches = nlp.get_pipe("ipgraph_responsibility").match(text)
    return speaking([Owner(m.name(text), m.label == "LEAD") for m in sorted(matches, key=lambda m: m.kind)
                     if not m.short], author)


def extract_projects(outline: Outline, nlp: Language, tasks: list[TaskRec],
                     author: str | None = None) -> list[ProjectRec]:
    projects: list[ProjectRec] = []
    for box in outline.boxes:
        title = box.title or box.body.split("\n", 1)[0][:30]
        if BOX_NOT_PROJECTS.search(title):
            continue
        projects.append(ProjectRec(f"box{box.number}", project_name(title), box.body, box.start, box.end,
                                   number=box.number, owners=_owners(nlp, box.body, author)))
        if _SECTION.search(title):  # 专栏2 质量提升重点工程: 1.品牌培育工程。… 2.标准化战略工程。…
            projects += _named_items(box)
    task_at = {t.start: t for t in tasks if t.numbering}
    for it in outline.items:
        parent = outline.items[it.parent] if it.parent is not None else None
        if parent is None or not _SECTION.search(parent.title.rstrip("。")) or not _PROJECT_NAME.search(it.title):
            continue
        key = f"item{it.index}"
        projects.append(ProjectRec(key, project_name(it.title), it.text.strip(), it.start, it.end,
                                   owners=_owners(nlp, it.text, author)))
        if it.start in task_at:
            task_at[it.start].project = key
    projects += _bare_lists(outline)
    projects += _labelled_lists(outline, {p.name for p in projects})
    return projects


# an item of a box that names a project: 1.品牌培育工程。…, （二）标准化战略工程：…, ——非遗保护工程。…
_BOX_ITEM = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|\d{2}\s|——|[-•·▪●○◆■])\s*"
                       r"(?P<name>[^。:：,，;；]{2,30}?)(?:[。:：]|$)")


def _named_items(box) -> list[ProjectRec]:
    """The projects a box of key projects names, one an item."""
    out = []
    for k, line in box.lines:
        m = _BOX_ITEM.match(line.text)
        name = project_name(m.group("name")) if m else ""
        if not m or not _PROJECT_NAME.search(name):
            continue
        text = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        out.append(ProjectRec(f"box{box.number}.{k + 1}", name, text, line.offset(lead),
                              line.offset(lead + len(text) - 1) + 1))
    return out


def _labelled_lists(outline: Outline, known: set[str]) -> list[ProjectRec]:
    """Key projects a sentence names in a list it calls key projects (实施X工程、Y工程等十大重点工程)."""
    out: list[ProjectRec] = []
    for unit in sorted([*outline.items, *outline.paras], key=lambda u: u.start):
        text = unit.line if hasattr(unit, "line") and unit.line else unit.text
        if not any(w in text for w in PROJECT_KIND_WORDS):
            continue  # both patterns end their list with a kind of project: most passages name none
        for rx in (_LABELLED_AFTER, _LABELLED_BEFORE):
            for m in rx.finditer(text):
                pos = m.start("list")
                for name in re.split(r"[、和]", m.group("list")):
                    at = text.find(name, pos)
                    pos = at + len(name)
                    name = project_name(name)
                    if name in known:
                        continue
                    known.add(name)
                    out.append(ProjectRec(f"list{unit.offset(at)}", name, "", unit.offset(at), unit.offset(pos - 1) + 1))
    return out


def _bare_lists(outline: Outline) -> list[ProjectRec]:
    """十大重点专项工程 followed by one name line per project, each with a description line."""
    out: list[ProjectRec] = []
    paras = outline.paras
    for i, head in enumerate(paras):
        if len(head.text) > 14 or not _SECTION.search(head.text):
            continue
        current: ProjectRec | None = None
        for p in paras[i + 1:]:
            if p.item != head.item or _DESCRIPTION_END.match(p.text):
                break
            name = project_name(p.text)
            if len(p.text) <= 30 and _PROJECT_NAME.search(name) and not re.search(r"[,。;、]", p.text):
                current = ProjectRec(f"list{p.start}", name, "", p.start, p.end)
                out.append(current)
            elif current is not None:
                current.text = (current.text + "\n" + p.text).strip()
                current.end = p.end
            else:
                break
    return out
