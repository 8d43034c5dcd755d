"""Text that was UTF-8, read once in another encoding and saved again (mojibake), read as UTF-8 again.

Two readings are common with Chinese pages: as GBK (宜昌市 becomes 瀹滄槍甯), and as Latin-1 or
Windows-1252 (å®œæ˜Œå¸‚), which ftfy reverses. Pages written in GBK or Big5 and read as Latin-1
(Ä³ÊÐ for 某市) are read back in whichever of the two gives Chinese. A character whose bytes the wrong reading could not
keep stays U+FFFD. Text that reads right is returned as it is: the checks look for the marks of
either reading first, so a document pays for nothing else.
"""
from __future__ import annotations

import re

# read as GBK, 、 and 。 begin 銆, full-width ，（）： begin 锛, quotes begin 鈥, 中 and 个 begin 涓:
# characters real Chinese text hardly uses
_GBK_MARKS = re.compile("[銆锛鈥涓]")
# a Latin-1 letter followed by another character of an UTF-8 sequence's second byte read as cp1252
_LATIN_MARKS = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u20ac\u2122]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HIGH = re.compile(r"[\u00a1-\u00ff]")


def unscrambled(text: str) -> tuple[str, str | None]:
    """The text as written, and which wrong reading was undone (None when the text reads right)."""
    high = len(_HIGH.findall(text, 0, 20_000))
    if len(_LATIN_MARKS.findall(text, 0, 20_000)) >= 20:
        import ftfy

        fixed = ftfy.fix_encoding(text)
        gained = len(_HAN.findall(fixed, 0, 20_000)) - len(_HAN.findall(text, 0, 20_000))
        if gained > 0 and gained * 4 >= min(high, len(fixed)) // 3:  # three letters a character, mostly
            return fixed, "latin-1"
    if high >= 40 and len(_HAN.findall(text, 0, 20_000)) * 10 < high:
        # GBK or Big5 bytes read as Latin-1 (Ä³ÊÐÈËÃñ for 某市人民): each pair of letters is one character
        data = text.encode("latin-1", errors="replace")
        fixed = {enc: data.decode(enc, errors="replace") for enc in ("gb18030", "big5")}
        enc = max(fixed, key=lambda e: len(_HAN.findall(fixed[e], 0, 20_000)) - 4 * fixed[e].count("\ufffd", 0, 20_000))
        if len(_HAN.findall(fixed[enc], 0, 20_000)) * 3 > high:
            return fixed[enc], f"{enc} read as latin-1"
    if len(_GBK_MARKS.findall(text, 0, 20_000)) >= 3 and _read_as_gbk(text):
        # where the wrong reading lost bytes (U+FFFD), a byte no UTF-8 holds keeps the rest in step
        data = b"\xff".join(part.encode("gbk", errors="replace") for part in text.split("\ufffd"))
        return data.decode("utf-8", errors="replace"), "gbk"
    return text, None


def _read_as_gbk(text: str) -> bool:
    """Whether the Chinese characters are mostly those an UTF-8 character's bytes make in GBK: their
    first byte 0xE4-0xE9, the lead bytes of UTF-8's Chinese (about a third of them, against a
    thousandth in Chinese text)."""
    han = _HAN.findall(text, 0, 20_000)
    leads = sum(1 for ch in han if 0xE4 <= ch.encode("gbk", errors="replace")[0] <= 0xE9)
    return bool(han) and leads / len(han) > 0.15
