"""Readers: plain text with its dateline header, JSONL records, stdin, and bad input."""
import datetime as dt
import gzip
import io
import json

import pytest

from khabar.errors import InputError
from khabar.ingest.readers import read_inputs
from khabar.doc import Article
from helpers import SEED_TXT


def read_all(names, stdin=None):
    return list(read_inputs([str(n) for n in names], stdin=stdin))


def one_error(items):
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1, items
    return errors[0]


def test_seed_header_line_becomes_the_dateline_and_not_the_body():
    (article,) = read_all([SEED_TXT])
    assert article.text.startswith("أعلن كيريل دميترييف")
    assert article.date == dt.date(2026, 3, 12)
    d = article.dateline
    assert d.places == ("موسكو", "كييف") and d.source == "الاتحاد" and d.agencies == ("وكالات",)
    assert article.id == "seed-article" and article.source == "الاتحاد"


def test_jsonl_records_keep_ids_and_local_day(tmp_path):
    path = tmp_path / "a.jsonl"
    records = [
        # ant:AL-internationalNews-726-20180331 (dev): the day is read in the record's own zone.
        {"id": "a1", "source": "alarabia", "url": None, "title": "إيطاليا تستدعي سفير فرنسا",
         "date": "2018-03-31T21:37:49+04:00", "text": "أعلن مصدر في وزارة الخارجية الإيطالية أن الوزارة استدعت السفير."},
        {"id": "a2", "date": "2018-06-18", "text": "هددت فرنسا بفرض غرامات على شركة جنرال الكتريك."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    got = read_all([path])
    assert [a.id for a in got] == ["a1", "a2"]
    assert got[0].date == dt.date(2018, 3, 31) and got[0].title == "إيطاليا تستدعي سفير فرنسا"
    assert got[0].origin.endswith("a.jsonl:1")


def test_jsonl_gz_is_read(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "g", "text": "قال الرئيس إن الاتفاق قريب."}).encode()))
    (article,) = read_all([path])
    assert article.id == "g"


def test_in_body_dateline_is_found_and_kept_in_the_text(tmp_path):
    # ant:CN-middleEast-746-20180427 (dev) opens with a CNN dateline.
    text = "واشنطن، الولايات المتحدة الأمريكية (CNN)-- أعلن الرئيس الأمريكي دونالد ترامب أنه قد يحضر افتتاح السفارة."
    path = tmp_path / "cnn.jsonl"
    path.write_text(json.dumps({"id": "c", "text": text}, ensure_ascii=False), encoding="utf-8")
    (article,) = read_all([path])
    d = article.dateline
    assert d.places == ("واشنطن", "الولايات المتحدة الأمريكية") and d.source == "CNN"
    assert text[d.span.start:d.span.end] == "واشنطن، الولايات المتحدة الأمريكية (CNN)--"
    assert article.text == text


def test_stdin_plain_text_and_jsonl():
    (article,) = read_all(["-"], stdin=io.BytesIO("قال زيلينسكي، أمس، إن أوكرانيا تنتظر الموافقة.".encode()))
    assert article.id == "stdin" and article.date is None
    (rec,) = read_all(["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "\\u0642\\u0627\\u0644"}\n'))
    assert rec.id == "s1" and rec.text == "قال"


def test_missing_file_is_named_and_others_still_read(tmp_path):
    items = read_all([tmp_path / "nope.txt", SEED_TXT])
    err = one_error(items)
    assert "nope.txt" in str(err) and "no such file" in str(err)
    assert any(isinstance(i, Article) for i in items)


@pytest.mark.parametrize("content, problem", [
    (b"", "empty input"),
    (b"   \n\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    # windows-1256 Arabic is now decoded (tests/ingest/test_charset.py); Latin-1 French is neither UTF-8 nor Arabic.
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e \xff\xfe", "not valid UTF-8"),
])
def test_bad_files_get_one_line_errors(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    err = one_error(read_all([path]))
    assert problem in str(err) and "bad.txt" in str(err) and "\n" not in str(err)


def test_truncated_gzip_is_an_input_error(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "x", "text": "abc"}\n' * 50)[:30])
    assert "gzip" in str(one_error(read_all([path])))


@pytest.mark.parametrize("line, problem", [
    ('{"id": "x", "text": ', "not valid JSON"),
    ('["قال", "الرئيس"]', "a JSON list, not an object"),
    ('{"id": "x"}', "has no text field"),
    ('{"id": "x", "text": 42}', "field text must be a string, not int"),
    ('{"id": 7, "text": "قال الرئيس"}', "field id must be a string, not int"),
    ('{"id": "x", "text": "قال", "date": "yesterday"}', "is not YYYY-MM-DD"),
    ('{"id": "x", "text": "  "}', "field text is empty"),
])
def test_bad_jsonl_lines_name_the_line_and_reading_goes_on(tmp_path, line, problem):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "أعلنت وزارة الدفاع الروسية أن قواتها تقدمت."}, ensure_ascii=False)
    path.write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    items = read_all([path])
    err = one_error(items)
    assert problem in str(err) and str(err).startswith(f"{path}:2:")
    assert sum(isinstance(i, Article) for i in items) == 2


def test_directory_is_refused(tmp_path):
    assert "is a directory" in str(one_error(read_all([tmp_path])))


def test_header_only_file_has_no_text(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("date 2026-03-12 موسكو (الاتحاد)\n\n", encoding="utf-8")
    assert "no article text" in str(one_error(read_all([path])))


def test_bad_header_date_is_named(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("date 2026-13-45 موسكو (الاتحاد)\nقال الرئيس.", encoding="utf-8")
    err = one_error(read_all([path]))
    assert "bad date in header line" in str(err) and ":1:" in str(err)
