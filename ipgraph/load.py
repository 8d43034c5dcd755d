"""Stage 1: a path on disk becomes a SourceText (bytes, decoded text, encoding, checksum)."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass(frozen=True)
class SourceText:
    path: Path
    data: bytes
    text: str
    encoding: str
    sha256: str
    format: str = "text/plain"

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


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {enc} text ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise InputError(path, "binary file, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not text in UTF-8 or GB18030 (undecodable byte at {exc.start})") from None


def load(path: str | Path) -> SourceText:
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
    text, enc = decode(data, str(p))
    if not text.strip():
        raise InputError(str(p), "no text in file")
    return SourceText(path=p, data=data, text=text, encoding=enc, sha256=hashlib.sha256(data).hexdigest())


def discover(paths: list[str | Path]) -> list[Path]:
    """Files named directly, plus text files found in named folders, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                              and not f.name.startswith(".")))
        else:
            out.append(p)
    return out
