"""HTML pages: article text via trafilatura, dates via htmldate with the Arabic fallback, charsets, broken markup."""
import datetime as dt

from khabar.errors import InputError
from khabar.ingest.arabic_dates import find_arabic_date
from khabar.ingest.html import article_from_html
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI, ORCHESTRA, TARANTINO, html_page


def read(path):
    return list(read_inputs([str(path)]))


def test_article_text_without_boilerplate(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(html_page([ANISTON, TARANTINO, FIFI], title="جنيفر أنيستون وجاستن ثيرو يعلنان انفصالهما"),
                    encoding="utf-8")
    (article,) = read(path)
    assert "انفصالهما بعد زواج" in article.text and "رياضة" not in article.text
    assert article.title == "جنيفر أنيستون وجاستن ثيرو يعلنان انفصالهما"
    assert article.id == "p" and article.origin == str(path)


def test_arabic_date_fallback_where_htmldate_misreads():
    # regression: htmldate (extensive search) takes the footer's © 2025 for the date; the dateline says ١١ آذار ٢٠٢٦
    import htmldate

    html = html_page([f"موسكو ١١ آذار ٢٠٢٦ (الاتحاد) {ANISTON}", TARANTINO, FIFI], footer="© 2025 الاتحاد")
    assert htmldate.find_date(html) != "2026-03-11"
    assert article_from_html(html, "x.html").date == dt.date(2026, 3, 11)


def test_page_metadata_date_comes_first():
    head = '<meta property="article:published_time" content="2018-02-16T11:22:55+04:00">'
    html = html_page([f"موسكو ١١ آذار ٢٠٢٦ {ANISTON}", TARANTINO, FIFI], head=head)
    assert article_from_html(html, "x.html", url="https://www.alarabiya.net/ar/a.html").date == dt.date(2018, 2, 16)


def test_arabic_dates_in_every_regional_month_name():
    assert find_arabic_date("القاهرة 3 مارس 2026") == dt.date(2026, 3, 3)
    assert find_arabic_date("بيروت ٢٥ كانون الأول ٢٠٢٥") == dt.date(2025, 12, 25)
    assert find_arabic_date("31 شباط 2026 ثم 1 آذار (مارس) 2026") == dt.date(2026, 3, 1)  # 31 February skipped
    assert find_arabic_date("عام 2026 فقط") is None


def test_windows_1256_page_declared_in_meta(tmp_path):
    page = html_page([ORCHESTRA, FIFI, ANISTON], head='<meta charset="windows-1256">')
    path = tmp_path / "win.html"
    path.write_bytes(page.encode("cp1256"))
    (article,) = read(path)
    assert "الكفيفات" in article.text


def test_iso_8859_6_page_without_declaration_is_detected(tmp_path):
    path = tmp_path / "iso.html"
    path.write_bytes(html_page([ORCHESTRA, FIFI]).encode("iso8859_6"))
    (article,) = read(path)
    assert "وزارة المالية المصرية" in article.text


def test_broken_html_still_gives_its_text(tmp_path):
    # unclosed tags, a stray </div>, an unterminated attribute: real pages look like this
    broken = f"<html><body><div><p>{ANISTON}<p>{TARANTINO}</div></div><p class='x>{FIFI}<b><i></body>"
    path = tmp_path / "broken.html"
    path.write_text(broken, encoding="utf-8")
    (article,) = read(path)
    assert "جنيفر أنيستون" in article.text


def test_html_with_no_article_text_is_a_one_line_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    (err,) = read(path)
    assert isinstance(err, InputError) and "no article text" in str(err) and "\n" not in str(err)


def test_html_on_stdin_is_sniffed():
    import io

    page = html_page([ANISTON, TARANTINO]).encode()
    (article,) = list(read_inputs(["-"], stdin=io.BytesIO(page)))
    assert "جاستن ثيرو" in article.text
