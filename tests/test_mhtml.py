"""Web pages saved as one file (MHTML): Chrome's and Edge's .mhtml, Internet Explorer's, Word's and
WPS's .mht. The page inside is read like the same page saved as .html."""
import base64
import quopri

import pytest

from ipgraph.errors import InputError
from ipgraph.load import discover, load
from ipgraph.pipeline import process

from .test_formats import PAGE, facts

BOUNDARY = "----MultipartBoundary--8e3uJw1h0cv9MZ5xBdU3kQ----"


def chrome(page: bytes) -> bytes:
    """As Chrome writes it: quoted-printable UTF-8, the page first, then its images."""
    return (b"From: <Saved by Blink>\r\n"
            b"Snapshot-Content-Location: http://www.yichang.gov.cn/plan.html\r\n"
            b"Subject: =?utf-8?Q?=E5=AE=9C=E6=98=8C=E5=B8=82?=\r\n"
            b"Date: Mon, 7 Dec 2026 10:00:00 -0000\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + BOUNDARY.encode() + b"\"\r\n\r\n\r\n"
            b"--" + BOUNDARY.encode() + b"\r\n"
            b"Content-Type: text/html\r\nContent-ID: <frame-AB12@mhtml.blink>\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.yichang.gov.cn/plan.html\r\n\r\n"
            + quopri.encodestring(page).replace(b"\n", b"\r\n") + b"\r\n"
            b"--" + BOUNDARY.encode() + b"\r\n"
            b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Location: http://www.yichang.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n"
            b"--" + BOUNDARY.encode() + b"--\r\n")


def explorer(page: bytes, charset: str) -> bytes:
    """As Internet Explorer writes it: base64 in the page's own charset, named in the part's header."""
    return (b"From: <Saved by Windows Internet Explorer 8>\r\nSubject: \r\n"
            b"Date: Mon, 7 Dec 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + BOUNDARY.encode() + b"\"\r\n"
            b"X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609\r\n\r\n"
            b"This is a multi-part message in MIME format.\r\n\r\n"
            b"--" + BOUNDARY.encode() + b"\r\n"
            b"Content-Type: text/html;\r\n\tcharset=\"" + charset.encode() + b"\"\r\n"
            b"Content-Transfer-Encoding: base64\r\nContent-Location: http://www.yichang.gov.cn/plan.html\r\n\r\n"
            + base64.encodebytes(page).replace(b"\n", b"\r\n") + b"\r\n"
            b"--" + BOUNDARY.encode() + b"--\r\n")


@pytest.fixture
def html(tmp_path):
    path = tmp_path / "plan.html"
    path.write_bytes(PAGE.encode("gb18030"))
    return path


@pytest.mark.parametrize("save", [
    lambda: chrome(PAGE.replace('charset="gb2312"', 'charset="utf-8"').encode("utf-8")),
    lambda: explorer(PAGE.encode("gb18030"), "gb2312"),
], ids=["chrome", "internet-explorer"])
def test_a_saved_single_file_page_reads_as_the_page(tmp_path, html, save):
    path = tmp_path / "plan.mhtml"
    path.write_bytes(save())
    src, page = load(path), load(html)
    assert src.format == "multipart/related"
    assert (src.text, src.blocks, src.meta) == (page.text, page.blocks, page.meta)
    got = facts(process(path))
    assert got["title"] == "宜昌市知识产权保护与运用“十四五”规划"
    assert [(i[0], i[2], i[3]) for i in got["indicators"]] == [
        ("年度发明专利授权量", "775", "1600"), ("知识产权质押融资登记金额", "17.3", "40")]
    assert "logo.png" not in src.text and "MultipartBoundary" not in src.text


def test_the_charset_in_the_pages_header_decides(tmp_path):
    # no <meta charset> in the page: the part's header names Big5, read as browsers read it
    page = "<html><body><p>一、總體要求</p><p>（一）加強組織領導。（責任單位：市場監管局）</p></body></html>"
    path = tmp_path / "plan.mht"
    path.write_bytes(explorer(page.encode("big5hkscs"), "big5"))
    src = load(path)
    assert (src.encoding, src.text.splitlines()) == ("big5hkscs", ["一、總體要求", "（一）加強組織領導。（責任單位：市場監管局）"])


def test_saved_single_file_pages_are_found_in_folders(tmp_path):
    (tmp_path / "a.mht").write_bytes(explorer(PAGE.encode("gb18030"), "gb2312"))
    (tmp_path / "b.MHTML").write_bytes(chrome(PAGE.encode("utf-8")))
    assert [p.name for p in discover([tmp_path])] == ["a.mht", "b.MHTML"]


def test_a_single_file_page_without_a_page_is_a_clear_error(tmp_path):
    path = tmp_path / "pictures.mht"
    path.write_bytes(chrome(PAGE.encode("utf-8")).replace(b"Content-Type: text/html\r\n", b"Content-Type: image/gif\r\n"))
    with pytest.raises(InputError, match=r"pictures\.mht.*MHTML"):
        load(path)
