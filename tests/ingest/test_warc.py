"""WARC and WARC.gz in the Common Crawl news layout: HTML responses become articles with their URL as provenance."""
import gzip

from khabar.errors import InputError
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI, ORCHESTRA, TARANTINO, html_page, warc_bytes

URL_A = "https://www.alarabiya.net/ar/culture-and-art/2018/02/16/a.html"
URL_B = "https://www.alarabiya.net/ar/culture-and-art/2018/03/15/b.html"


def pages():
    return [
        (URL_A, html_page([ANISTON, TARANTINO], title="انفصال").encode("utf-8"), "text/html; charset=utf-8"),
        (URL_B, html_page([FIFI, ORCHESTRA]).encode("cp1256"), "text/html; charset=windows-1256"),
        ("https://www.alarabiya.net/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ]


def read(path):
    return list(read_inputs([str(path)]))


def test_warc_gz_responses_become_articles(tmp_path):
    path = tmp_path / "CC-NEWS-20180216.warc.gz"
    path.write_bytes(warc_bytes(pages()))
    a, b = read(path)
    assert a.url == URL_A and "أنيستون" in a.text and a.title == "انفصال" and a.source == "alarabiya.net"
    assert a.text.startswith("أعلنت النجمة")  # the <h1> repeating the title is not part of the text
    assert b.url == URL_B and "فيفي عبده" in b.text  # the HTTP header's windows-1256 was used
    assert a.id.startswith("url:") and a.id != b.id and "@" in a.origin


def test_plain_warc_is_read_too(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(warc_bytes(pages(), gz=False))
    assert len(read(path)) == 2


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    data = warc_bytes(pages())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.8)])
    items = read(path)
    assert isinstance(items[0], type(items[0])) and any(not isinstance(i, InputError) for i in items)
    assert all("\n" not in str(i) for i in items if isinstance(i, InputError))


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress("هذا ليس ملف WARC".encode()))
    (err,) = read(path)
    assert isinstance(err, InputError) and "WARC" in str(err) and "\n" not in str(err)


def test_a_page_without_text_is_an_error_naming_its_offset(tmp_path):
    path = tmp_path / "x.warc.gz"
    path.write_bytes(warc_bytes([(URL_A, b"<html><body><script>1</script></body></html>", "text/html")]))
    (err,) = read(path)
    assert isinstance(err, InputError) and "no article text" in str(err) and "x.warc.gz@" in str(err)


def test_regression_record_offset_asked_before_payload_emptied_every_page(tmp_path):
    # warcio's get_record_offset() reads the record to its end; asked first, it left every payload empty
    path = tmp_path / "x.warc.gz"
    path.write_bytes(warc_bytes(pages()))
    assert [i for i in read(path) if isinstance(i, InputError)] == []
