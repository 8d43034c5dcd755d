"""Stage 1: a path on disk becomes a SourceText (bytes, text, encoding, checksum).

The format is chosen by content, not by name: PDF, Word (.docx), a saved web page (also as one
MHTML file), or text in any of the encodings Chinese government sites use. For PDF, Word and HTML
the text is the extracted text, and character offsets in the graph point into it.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .document import Block, Meta, Read
from .errors import InputError
from .formats.docx import is_docx, read_docx
from .formats.html import charset as html_charset
from .formats.html import read_html
from .formats.mhtml import is_mhtml
from .formats.mhtml import page as mhtml_page
from .formats.mojibake import unscrambled
from .formats.pdf import read_pdf


@dataclass(frozen=True)
class SourceText:
    path: Path
    data: bytes
    text: str
    encoding: str
    sha256: str
    format: str = "text/plain"
    blocks: tuple[Block, ...] = ()   # empty for plain text: the outline reads its lines
    meta: Meta = field(default_factory=Meta)

    @property
    def name(self) -> str:
        return self.path.name


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
# Declared charsets read the way browsers read them (the WHATWG Encoding Standard): pages labelled
# GB2312 or GBK (and the other names pages give them: euc-cn, cp936) by the GB18030 decoder, Big5 by
# Big5-HKSCS, then by Microsoft's Big5 (cp950, which has the euro sign). Python's gb2312 codec reads
# A1AA as U+2015 where a page means the dash U+2014 (2015—2020年), and fails on every character GBK added.
_AS_BROWSERS_READ = {**dict.fromkeys(["gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312",
                                      "csiso58gb231280", "iso-ir-58", "euc-cn", "cp936", "windows-936"], ("gb18030",)),
                     **dict.fromkeys(["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"], ("big5hkscs", "cp950"))}
_HTML = (".html", ".htm", ".shtml", ".xhtml")
_PAGES = (*_HTML, ".mht", ".mhtml")  # a saved web page, as markup or as one MHTML file
SUFFIXES = {".txt", ".text", ".md", *_PAGES, ".docx", ".pdf", ""}


def _plausible(text: str) -> float:
    """Share of characters a Chinese document is made of: CJK, ASCII, CJK and general punctuation."""
    ok = sum(1 for ch in text if ch in "\n\r\t" or " " <= ch <= "~" or "\u4e00" <= ch <= "\u9fff"
             or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f")
    return ok / max(len(text), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: whichever byte order reads as Chinese text."""
    best, score = None, 0.9
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            s = _plausible(data[:20000].decode(enc, errors="strict"))
        except UnicodeDecodeError:
            continue
        if s > score:
            best, score = enc, s
    return best


def decode(data: bytes, path: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Decode text in UTF-8 (with or without BOM), UTF-16/32, GB18030/GBK or Big5.

    A UTF-8 file with a few broken bytes (at most one in a thousand characters) is read with
    U+FFFD in their place rather than mistaken for another encoding. Text saved after a wrong
    reading (mojibake: 瀹滄槍甯 or å®œæ˜Œ for 宜昌) is read as it was written.
    """
    text, enc = _decode(data, path, declared)
    text, undone = unscrambled(text)
    return text, (f"{enc}, mojibake of a {undone} reading undone" if undone else enc)


def _decode(data: bytes, path: str, declared: str | None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {enc} text ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        try:
            if wide:
                return data.decode(wide), wide
        except UnicodeDecodeError:
            pass
        raise InputError(path, "binary file, not text (contains NUL bytes)")
    readers = _AS_BROWSERS_READ.get(declared.lower(), (declared,)) if declared else ()
    for enc in ["utf-8", *readers]:  # valid UTF-8 is UTF-8, whatever a <meta> claims
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(1, len(lenient) // 1000):
        return lenient, "utf-8 (with undecodable bytes replaced)"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.5:
        raise InputError(path, "not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)")
    return str(best), best.encoding


# a page's body copied without its head (<p>…</p><p>…</p>), whatever the file is called
_MARKUP = re.compile(rb"</?(?:p|div|br|span|strong|table|tr|td)\b")


def _format(data: bytes, suffix: str) -> str:
    head = data[:2048].lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if is_docx(data):
        return "docx"
    if is_mhtml(data):
        return "mhtml"
    if b"<html" in head or b"<!doctype html" in head or b"<body" in head or (
            suffix in _HTML and b"<" in head) or len(_MARKUP.findall(head)) >= 4:
        return "html"
    return "text"


def load(path: str | Path) -> SourceText:
    """Read a file of any supported format, chosen by its content, as text."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(str(p), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(p), "is a directory") from None
    except OSError as exc:
        raise InputError(str(p), exc.strerror or str(exc)) from None
    if not data.strip():
        raise InputError(str(p), "empty file")
    fmt = _format(data, p.suffix.lower())
    if fmt == "doc":
        raise InputError(str(p), "old binary Word (.doc) file: save it as .docx")
    if fmt == "pdf":
        read, enc, media = _pdf(data, str(p)), "pdf", "application/pdf"
    elif fmt == "docx":
        read, enc, media = _docx(data, str(p)), "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "html":
        markup, enc = decode(data, str(p), declared=html_charset(data))
        read, media = read_html(markup), "text/html"
    elif fmt == "mhtml":
        read, enc = _mhtml(data, str(p))
        media = "multipart/related"
    else:
        (text, enc), media = decode(data, str(p)), "text/plain"
        read = Read(text)
    if not read.text.strip():
        raise InputError(str(p), "no text in file")
    return SourceText(path=p, data=data, text=read.text, encoding=enc, sha256=hashlib.sha256(data).hexdigest(),
                      format=media, blocks=tuple(read.blocks), meta=read.meta)


def _mhtml(data: bytes, path: str) -> tuple[Read, str]:
    found = mhtml_page(data)
    if found is None:
        raise InputError(path, "saved web page (MHTML) without a page in it, only other parts")
    body, declared = found
    markup, enc = decode(body, path, declared=declared or html_charset(body))
    return read_html(markup), enc


def _pdf(data: bytes, path: str) -> Read:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        read = read_pdf(data)
    except Exception as exc:  # pdfplumber wraps pdfminer's many kinds of error for broken files
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in repr(inner).lower():
            raise InputError(path, "encrypted PDF: cannot read its text") from None
        raise InputError(path, f"damaged PDF ({type(inner).__name__})") from None
    if not read.text.strip():
        raise InputError(path, "PDF without a text layer (a scanned image?): run OCR first")
    return read


def _docx(data: bytes, path: str) -> Read:
    from lxml import etree

    try:
        return read_docx(data)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, etree.XMLSyntaxError) as exc:
        raise InputError(path, f"damaged Word file ({type(exc).__name__})") from None


# a folder's notes about itself (README.md, LICENSE, SOURCES.txt), which a corpus folder often holds:
# not documents of the corpus, unless named on their own
FOLDER_NOTES = {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors",
                "contributing", "sources", "manifest"}


# A page saved "complete" comes with a folder of what it loads (frames, scripts, pictures): Chrome
# and Firefox name it after the page with _files, Internet Explorer and Word in Chinese with .files
_PAGE_FOLDERS = ("_files", ".files")


def _a_pages_folder(folder: Path) -> bool:
    for ending in _PAGE_FOLDERS:
        if folder.name.lower().endswith(ending):
            stem = folder.name[:-len(ending)]
            return any((folder.parent / (stem + suffix)).is_file() for suffix in _PAGES)
    return False


def discover(paths: list[str | Path]) -> list[Path]:
    """Files named directly, plus the documents found in named folders, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not f.name.startswith(".") and f.stem.lower() not in FOLDER_NOTES
                              and not any(_a_pages_folder(p / a) for a in f.relative_to(p).parents[:-1])))
        else:
            out.append(p)
    return out
