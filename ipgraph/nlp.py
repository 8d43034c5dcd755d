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
from .regions import divisions

for _ext, _default in (("clause", None), ("list_first", False)):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=_default)

_H = r"\u4e00-\u9fff"
_LEVEL_PREFIX = re.compile(r"^(?:国家|国务院|中共|中央|全国|中国|省|市|县|区|州|自治区|盟|旗|乡|镇|团)")
_SEP = re.compile(r"[、,，;；]|(?<=[局委办厅部署院会行司处室组门位等])(?:和|及|与|以及)(?=[" + _H + "])")
# a party committee or government that hosts bodies named after it: 市委宣传部, 县政府督查室
_HOST = re.compile(r"(?:国务院|中共中央|(?:中共)?[\u4e00-\u9fff]{0,8}?[省市县区州盟旗])(?:委|政府|人民政府)")
_NAME_PAREN = re.compile(r"[(（][^()（）]{1,14}[)）]$")
_PARENS = re.compile(r"[()（）]")
_OPENING = re.compile(r"(?:^|(?<=[。;；,，:：!?！？)）]))\s*")  # where a clause can open
_REQUEST = re.compile(genre.REQUESTS)
# what may stand between a subject and its verb: a tail (等部门), then 分别, 共同, 要…
_BEFORE_VERB = re.compile(rf"(?:{genre.OWNER_TAILS})*(?:按职责分工|按照职责分工|分别|共同|还|也|都|均|须|必须|要)?")
_NAME_RUN = re.compile(rf"[{_H}A-Za-z0-9()（）·]*")  # the characters is_body admits in a name


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys the caches of every name looked up
class Vocab:
    """What the responsibility rules read, compiled once from the component's configuration."""
    list_head: re.Pattern
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
               not_owner: list[str], not_bodies: list[str], verb_openers: list[str], name_breakers: list[str]) -> Vocab:
    from .departments import aliases

    alt = genre.alternation
    known = frozenset(a for (a, scope) in aliases() if scope == "national") | frozenset(
        full for (a, scope), full in aliases().items() if scope == "national")
    return Vocab(
        list_head=re.compile(rf"(?P<head>{alt(list_heads)})\s*[:：]\s*"),
        verb_tail=re.compile(rf"(?P<verb>{alt(verbs)})(?:[。.]?\s*)$"),
        subject=re.compile(rf"(?P<verb>{alt(subject_verbs)})"),
        suffix=re.compile(rf"(?:{alt(suffixes)})$"),
        lead_heads=tuple(lead_heads), lead_verbs=tuple(lead_verbs),
        generic=re.compile("|".join(generic)), tails=re.compile(rf"(?:{alt(tails)})+$"),
        not_owner=re.compile(alt(not_owner)), known=known,
        not_body=re.compile(rf"^(?:{alt(verb_openers)})|(?:{alt(not_bodies)})$|{alt(name_breakers)}"))


@lru_cache(maxsize=1 << 16)  # the same names recur in every clause of a document and across documents
def is_body(name: str, vocab: Vocab) -> bool:
    """Whether a name denotes a body: a known central body, or a name ending as bodies do
    (局, 委, 办公室, 总公司…) after a level or region prefix or a stem of two characters or more."""
    core = _NAME_PAREN.sub("", name)
    if name.count("(") + name.count("（") != name.count(")") + name.count("）") or name[:1] in "(（":
        return False
    if len(core) < 2 or vocab.generic.search(core) or not re.fullmatch(rf"[{_H}A-Za-z0-9()（）·]+", name):
        return False
    if core in vocab.known:
        return True
    m = vocab.suffix.search(core)
    if vocab.not_body.search(core):
        return False
    if not m:
        return False
    stem = core[:m.start()]
    level = _LEVEL_PREFIX.match(core)
    if level and level.end() == 1 and m.start() == 1 and m.group() not in genre.OWNER["level_bodies"]:
        return False  # 市科 is no body; 市委, 市政府 are
    prefixed = bool((level and not core.startswith(("市场", "区域", "县域"))) or divisions().prefix(core))
    if core.endswith("部门"):  # 知识产权管理部门: a kind of body at every level unless a level names it
        return prefixed
    return prefixed or len(stem) >= 2


def split_bodies(text: str, vocab: Vocab) -> list[tuple[int, str]] | None:
    """The bodies a list names, with their offsets, or None when any part is not a body."""
    out: list[tuple[int, str]] = []
    pos = 0
    parts = _SEP.split(text)
    seps = [m.group() for m in _SEP.finditer(text)]
    for k, part in enumerate(parts):
        raw = part
        name = vocab.tails.sub("", part.strip()).strip()
        name = re.sub(r"[(（](?:牵头|配合|参与)[)）]$", "", name)
        if vocab.generic.search(part.strip()) and not is_body(name, vocab):
            name = ""  # 卫生健康等部门: sectors, not a body
        if name and not vocab.generic.search(_NAME_PAREN.sub("", name)):
            if not is_body(name, vocab):
                return None
            out.append((pos + raw.find(name), name))
        pos += len(raw) + (len(seps[k]) if k < len(seps) else 0)
    return out


@lru_cache(maxsize=1 << 16)
def _whole(name: str, vocab: Vocab) -> bool:
    """A name that is complete as it stands (教育行政部门 is, though only a level would make it a body)."""
    return is_body(name, vocab) or (name.endswith("部门") and len(name) >= 4 and not vocab.not_body.search(name))


def body_run(window: str, vocab: Vocab) -> int:
    """Where the run of bodies opening `window` ends (0: none). A name is a stem and one or more
    endings (指挥部 + 办公室, 市场监管局 + (知识产权局)); names are joined by 、和及与 and closed by a
    tail (等有关部门). A name that runs on into other words (教育行政部门办成公办) ends where it was whole."""
    # most clauses open with no body at all: a first name must end inside the opening run of
    # characters a name can hold, which one regex answers before the loop below
    if not genre.DEPT_END.search(window, 0, _NAME_RUN.match(window).end()):
        return 0
    run, start, whole = 0, 0, 0   # end of the run; start of the current name; where it was last whole
    for m in genre.DEPT_END.finditer(window):
        end = m.end()
        if whole:
            piece = window[whole:end]
            sep = _SEP.match(window, whole)
            if sep:
                start, whole = sep.end(), 0
            elif not re.fullmatch(rf"(?:{genre.DEPT_SUFFIXES}|[(（][^()（）]{{1,12}}[)）])+", piece) and \
                    not _HOST.fullmatch(window[start:whole]):
                break  # words after a whole name that are no ending of it (市委宣传部 and 县政府督查室 go on)
        name = vocab.tails.sub("", window[start:end]).strip()
        if _whole(name, vocab):
            whole = end
            if split_bodies(window[:end], vocab):
                run = end
    if run:
        tail = re.match(rf"(?:{genre.OWNER_TAILS})+", window[run:])
        if tail and split_bodies(window[:run + tail.end()], vocab):
            run += tail.end()
    return run


def list_items(text: str) -> list[tuple[int, str, bool]]:
    """The bodies a cell or list names: (offset, name, marked 牵头), generic actors left out."""
    vocab = _default_vocab()
    out = []
    pos = 0
    for part in re.split(r"([、,，;；\s]+)", text):
        if re.fullmatch(r"[、,，;；\s]+", part or " "):
            pos += len(part)
            continue
        lead = bool(re.search(r"[(（]牵头[)）]$|牵头$", part))
        name = re.sub(r"[(（](?:牵头|配合|参与)[)）]$", "", part.strip())
        name = re.sub(r"(?:牵头|负责|配合|参与)$", "", name)
        name = vocab.tails.sub("", name).strip()
        if len(name) >= 2 and not vocab.generic.search(name):
            out.append((pos + part.find(name), name, lead))
        pos += len(part)
    return out


@lru_cache(maxsize=1)
def _default_vocab() -> Vocab:
    return make_vocab(**RESPONSIBILITY_CONFIG)


RESPONSIBILITY_CONFIG = {k: genre.OWNER[k] for k in ("list_heads", "lead_heads", "verbs", "lead_verbs", "subject_verbs",
                                                     "generic", "tails", "suffixes", "not_owner",
                                                     "not_bodies", "verb_openers", "name_breakers")}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: str             # LEAD | RESP
    kind: str              # owners (the passage's) | subjects (a clause's)
    clause: int | None = None
    first: bool = False    # first body of its list
    note: tuple[int, int] | None = None  # the owner note (bracket) it stands in: its span, brackets included


def _balanced_parens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the bodies of outermost parentheses, full or half width, nested ones inside."""
    out, stack = [], []
    for m in _PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "(（":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                out.append((start + 1, i))
    return out


def _clause_start(text: str, subj: int) -> int:
    """Where the clause a subject opens starts: the sentence start when what comes before in the
    sentence is an adverbial (a time, a condition: 2019年3月底前，X…; 经国务院批准，X…), else the subject."""
    left = max(text.rfind(c, 0, subj) for c in "。;；!?！？\n") + 1
    before = text[left:subj].strip()
    if not before:
        return subj
    clauses = [c for c in re.split(r"[,，]", before) if c.strip()]
    if clauses and all(genre.ADVERBIAL.search(c.strip()) for c in clauses) and len(before) <= 60:
        return left + (len(text[left:subj]) - len(text[left:subj].lstrip()))
    return subj


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

    def _list(self, text: str, start: int, end: int, lead: bool, kind: str, clause: int | None = None) -> list[Match]:
        names = split_bodies(text[start:end], self.vocab)
        if not names:
            return []
        written_first = len(text[start:end]) - len(text[start:end].lstrip())
        first = _SEP.split(text[start:end])[0].strip()
        leads_list = bool(first) and names[0][0] <= written_first + max(len(first) - len(names[0][1]), 0)
        return [Match(start + off, start + off + len(name), "LEAD" if lead else "RESP", kind, clause,
                      k == 0 and leads_list)  # the first body as written: none when a generic actor stands first
                for k, (off, name) in enumerate(names)]

    def _partners(self, text: str, a: int, clause: int | None) -> list[Match]:
        """The bodies named right after 会同 (会同有关部门 names none)."""
        end = body_run(re.split(r"[,，。;；]", text[a:a + 60])[0], self.vocab)
        return self._list(text, a, a + end, False, "subjects", clause) if end else []

    def _note(self, text: str, a: int, b: int) -> list[Match]:
        """An owner note: (X、Y负责), (X牵头，Y配合), (牵头单位：X；配合单位：Y), (负责部门：X；适用范围：…)."""
        v = self.vocab
        out: list[Match] = []
        body = text[a:b]
        pos = 0
        bare: list[tuple[int, int]] = []   # lists waiting for the verb of a later segment: (X，Y负责)
        # segments end at punctuation, and before a list head run on without any (牵头单位：X 配合单位：Y)
        for seg in re.split(rf"([;；,，。]|(?=(?:{genre.LIST_HEADS})\s*[:：]))", body):
            if seg is None or seg == "":
                continue
            if seg in ";；,，。":
                pos += len(seg)
                continue
            s0 = a + pos
            pos += len(seg)
            head = v.list_head.match(seg.strip())
            lead_s = seg.strip()
            lstrip = len(seg) - len(seg.lstrip())
            if head:
                start = s0 + lstrip + head.end()
                out += self._list(text, start, s0 + len(seg.rstrip()), head.group("head") in v.lead_heads, "owners")
                continue
            verb = v.verb_tail.search(lead_s)
            if verb and not v.not_owner.search(lead_s):
                end = s0 + lstrip + verb.start()
                lead = verb.group("verb") in v.lead_verbs
                for ba, bb in bare:
                    out += self._list(text, ba, bb, lead, "owners")
                bare = []
                # X会同Y负责: both are responsible, the first leads only when it says 牵头
                found = []
                for part in re.split(r"(会同|协同|联合)", text[s0 + lstrip:end]):
                    if part in ("会同", "协同", "联合"):
                        continue
                    at = text.find(part, s0 + lstrip, end)
                    found += self._list(text, at, at + len(part), lead and not found, "owners")
                out += found
            elif lead_s and split_bodies(lead_s, v):
                bare.append((s0 + lstrip, s0 + lstrip + len(lead_s)))
        return [m if k == 0 else Match(m.start, m.end, m.label, m.kind, m.clause, False) for k, m in enumerate(out)]

    def match(self, text: str) -> list[Match]:
        v = self.vocab
        out: list[Match] = []
        parens = _balanced_parens(text)
        for a, b in parens:
            inner = text[a:b]
            if v.list_head.search(inner) or v.verb_tail.search(re.split(r"[。]", inner)[0] + "") or \
                    re.search(r"(?:负责|牵头|配合|参与|指导)[。.]", inner):
                out += [dataclasses.replace(m, note=(a - 1, b + 1)) for m in self._note(text, a, b)]
        for m in v.list_head.finditer(text):  # 责任单位：X、Y outside parentheses
            if any(a <= m.start() < b for a, b in parens):
                continue
            end = re.search(r"[()（）;；。\n]|$", text[m.end():]).start() + m.end()
            nxt = v.list_head.search(text, m.end(), end)  # 牵头单位：X  配合单位：Y on one line
            end = nxt.start() if nxt else end
            out += self._list(text, m.end(), len(text[:end].rstrip(" ,，")), m.group("head") in v.lead_heads, "owners")
        for m in re.finditer("由", text):  # 由X负责…, 由X颁发…: the sentence is X's
            if any(a <= m.start() < b for a, b in parens):
                continue
            clause = max(text.rfind(c, 0, m.start()) for c in "。;；\n") + 1
            out += self._by(text, m.end(), clause)
        from .outline import match_numbering

        numbered = match_numbering(text)
        openings = {m.end() for m in _OPENING.finditer(text)}
        if numbered:  # 4.2.2 X负责…: the clause opens after the item's number
            openings.add(len(numbered[1]))
        openings |= {m.end() for p in list(openings) if (m := _REQUEST.match(text, p))}
        for start in sorted(openings):  # clause openings: X、Y要…
            if any(a <= start < b for a, b in parens):
                continue
            vm = self._subject_end(text, start)
            if vm is None:
                continue
            subj_trim, vm = vm
            if text.startswith("会同", vm.start()):  # X会同Y、Z…: Y and Z take part
                found = self._list(text, start, start + len(subj_trim), False, "subjects", _clause_start(text, start))
                if found:
                    found += self._partners(text, vm.start() + 2, found[0].clause)
                out += found
                continue
            clause_end = re.search(r"[,，。;；]|$", text[vm.start():]).start() + vm.start()
            lead = vm.group("verb") in v.lead_verbs or "牵头" in text[vm.start():clause_end]  # X依照…牵头组织
            out += self._list(text, start, start + len(subj_trim), lead, "subjects", _clause_start(text, start))
        return out

    def _by(self, text: str, a: int, clause: int) -> list[Match]:
        """由X…: the bodies right after 由, unless they only make something up (由A、B组成)."""
        window = re.split(r"[,，。;；:：]", text[a:a + 160])[0]
        end = body_run(window, self.vocab)
        if not end or genre.BY_NOT.search(window) or self.vocab.not_owner.match(window[end:]):
            return []
        rest = window[end:]
        found = self._list(text, a, a + end, rest.startswith("牵头"), "subjects", clause)
        if found and rest.startswith("会同"):
            found += self._partners(text, a + end + 2, clause)
        return found

    def _subject_end(self, text: str, start: int) -> tuple[str, re.Match] | None:
        """The bodies that open a clause and the verb after them (X、Y要…, X(Y)承担…); a verb inside a
        name (应 in 应急) is no verb."""
        v = self.vocab
        window = text[start:start + 80]
        end = body_run(window, v)
        if not end:
            return None
        rest = _BEFORE_VERB.match(window, end)
        vm = v.subject.match(text, start + rest.end()) or v.subject.match(text, start + end)
        if vm is None or text.startswith("了", vm.end()) or v.not_owner.search(text[start:vm.end() + 6]):
            return None  # X出台了…: narrative
        return window[:end], vm

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
                        name_breakers: list[str]):
    return ResponsibilityTagger(make_vocab(list_heads, lead_heads, verbs, lead_verbs, subject_verbs, generic, tails,
                                           suffixes, not_owner, not_bodies, verb_openers, name_breakers))


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
_AMBIGUOUS = re.compile(r"^[^\W\d_]区$")


def _whole_region(text: str, start: int, end: int) -> bool:
    if not _AMBIGUOUS.match(text[start:end]):
        return True
    return start == 0 or not re.match(rf"[{_H}]", text[start - 1])


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("ipgraph_regions")
    nlp.add_pipe("ipgraph_responsibility")
    return nlp
