import pytest
from opencc import OpenCC

from ipgraph.errors import InputError
from ipgraph.load import decode, discover, load
from ipgraph.pipeline import process

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


MOJIBAKE_SOURCE = ("宜昌市“十四五”知识产权发展规划\n一、重点任务\n（一）加强知识产权保护。完善快速维权机制，"
                   "推进专利侵权纠纷行政裁决。（责任单位：市市场监管局、市司法局）\n（二）提升运用效益。"
                   "推动专利转化运用，开展知识产权质押融资。（责任单位：市财政局）\n")


@pytest.mark.parametrize("reading", ["latin-1", "gbk"])
def test_text_saved_after_a_wrong_reading_is_read_as_written(tmp_path, reading):
    # a page that was UTF-8, opened as Latin-1 (å®œæ˜Œ) or GBK (瀹滄槍) and saved again as UTF-8
    scrambled = MOJIBAKE_SOURCE.encode("utf-8").decode(reading, errors="replace")
    p = tmp_path / "plan.txt"
    p.write_text(scrambled, encoding="utf-8")
    res = process(p)
    assert res.region.name == "宜昌市"
    assert any("加强知识产权保护" in t.text for t in res.extraction.tasks)  # the first item survives either reading
    if reading == "latin-1":  # nothing lost: the text is the one written
        assert load(p).text == MOJIBAKE_SOURCE
        assert {o.surface for t in res.extraction.tasks for o in t.owners} == {"市市场监管局", "市司法局", "市财政局"}


@pytest.mark.parametrize("written", ["gb18030", "big5"])
def test_a_gbk_or_big5_page_read_as_latin_1_is_read_as_written(tmp_path, written):
    # a page written in GBK (Big5: traditional script) and saved after a Latin-1 reading (Ä³ÊÐ for 某市)
    text = OpenCC("s2t").convert(MOJIBAKE_SOURCE) if written == "big5" else MOJIBAKE_SOURCE
    p = tmp_path / "plan.txt"
    p.write_text(text.encode(written, errors="replace").decode("latin-1"), encoding="utf-8")
    res = process(p)
    assert res.region.name == "宜昌市"
    assert {o.surface for t in res.extraction.tasks for o in t.owners} == {"市市场监管局", "市司法局", "市财政局"}


def test_chinese_text_that_reads_right_is_left_alone(tmp_path):
    text = "银行业金融机构的鐨字号与涓字辈。" * 20  # rare characters of either mark, in a text that reads right
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    assert load(p).text == text and "mojibake" not in load(p).encoding


def test_a_pages_body_saved_under_any_name_is_read_as_a_page(tmp_path):
    # markup copied without <html> or <body>, in a .txt: its tags are structure, not text
    f = tmp_path / "notice.txt"
    f.write_text('<p>各市人民政府：</p><p>现将《某省城乡居民增收实施方案》印发给你们，请认真贯彻执行。</p>'
                 '<p style="text-align: center;"><strong>某省城乡居民增收实施方案</strong></p>'
                 '<p>一、总体要求</p><p>（一）稳定就业。（省人力资源社会保障厅负责）</p>', encoding="utf-8")
    source = load(f)
    assert source.format == "text/html" and "<p" not in source.text and "strong" not in source.text
    assert process(f).extraction.plan.title == "某省城乡居民增收实施方案"
