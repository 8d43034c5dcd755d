import pytest

from ipgraph.errors import InputError
from ipgraph.load import decode, discover, load

TEXT = "宜昌市知识产权保护与运用“十四五”规划"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_decodes_common_encodings(encoding):
    text, _ = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_empty_file_is_a_clear_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        load(p)


def test_binary_file_is_a_clear_error(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary file"):
        load(p)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.txt")


def test_checksum_is_of_the_bytes(tmp_path):
    import hashlib

    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    src = load(p)
    assert src.encoding == "gb18030"
    assert src.sha256 == hashlib.sha256(TEXT.encode("gb18030")).hexdigest()


def test_a_folders_own_notes_are_not_documents_unless_named(tmp_path):
    (tmp_path / "01.html").write_text("<html><body><p>某市实施方案</p></body></html>", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.txt").write_text("某县实施方案", encoding="utf-8")
    for name in ("README.md", "LICENSE", "SOURCES.txt", "readme.txt"):
        (tmp_path / name).write_text("what this folder holds", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["01.html", "sub/plan.txt"]
    assert discover([tmp_path / "README.md"]) == [tmp_path / "README.md"]


def test_what_a_page_saved_complete_loads_is_not_a_document(tmp_path):
    # browsers save "Name.html" with "Name_files/" (Chrome, Firefox) or "Name.files/" (IE, Word in
    # Chinese), holding its frames and scripts; a folder of that name beside no page is a corpus folder
    page = "<html><body><p>某市实施方案</p></body></html>"
    (tmp_path / "通知.html").write_text(page, encoding="utf-8")
    (tmp_path / "通知_files").mkdir()
    (tmp_path / "通知_files" / "share.html").write_text("<html><body>分享到</body></html>", encoding="utf-8")
    (tmp_path / "方案.htm").write_text(page, encoding="utf-8")
    (tmp_path / "方案.files" / "frame").mkdir(parents=True)
    (tmp_path / "方案.files" / "frame" / "nav.htm").write_text("<html><body>首页</body></html>", encoding="utf-8")
    (tmp_path / "2018_files").mkdir()
    (tmp_path / "2018_files" / "plan.txt").write_text("某县实施方案", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == [
        "2018_files/plan.txt", "方案.htm", "通知.html"]
