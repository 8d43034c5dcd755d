"""A web page saved as one file (MHTML: .mht by Internet Explorer, Word and WPS, .mhtml by Chrome and
Edge) → the bytes of its page, which the HTML reader then reads like any saved page.

MHTML is a MIME message (RFC 2557): the page is the root part of a multipart/related message, its
images and style sheets the other parts. The standard library's email parser undoes the
quoted-printable or base64 transfer encoding; the page's charset is left to the reader's decoder,
which trusts valid UTF-8 over a declaration.
"""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser

# MIME headers come first; a page's own text never starts with them
_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?content-type:\s*multipart/related", re.I)


def is_mhtml(data: bytes) -> bool:
    return _HEAD.match(data[:4096].lstrip()) is not None


def page(data: bytes) -> tuple[bytes, str | None] | None:
    """The root HTML part's bytes and the charset its headers declare; None if there is none."""
    message = BytesParser(policy=policy.compat32).parsebytes(data)
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str):  # the root named by Content-ID; otherwise the first part is the root
        root = [p for p in parts if p.get("Content-ID", "").strip() == start.strip()]
        parts = root + parts
    html = next((p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
    if html is None:
        return None
    body = html.get_payload(decode=True)
    return (body, html.get_content_charset()) if isinstance(body, bytes) else None

