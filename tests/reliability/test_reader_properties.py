"""Property tests of the readers and the batch: any bytes or text in, never an exception out.

Every input is either articles or one-line InputErrors; every batch row's span indexes the article text.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.batch.process import PROCESSED, process_with
from khabar.errors import InputError
from khabar.ingest.options import IngestOptions
from khabar.ingest.readers import read_inputs, unicode_problem
from khabar.doc import Article
from khabar.pipeline import Pipeline

SUFFIXES = [".txt", ".jsonl", ".jsonl.gz", ".html", ".html.gz", ".xml", ".warc", ".warc.gz"]
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
TEXT = st.text(st.one_of(ARABIC, st.sampled_from(list("<>&\"'{}[]:,\n «»")), st.characters()), max_size=400)
MARKUP = st.lists(st.sampled_from(["<html>", "<p>", "</p>", "<rss>", "<item>", "<description>", "<![CDATA[",
                                   "]]>", "<?xml version='1.0'?>", "{", "}", '"text":', '"id":', "WARC/1.0\r\n",
                                   "Content-Length: 5\r\n", "\r\n", "قال الرئيس", "١١ آذار ٢٠٢٦", "\x00", "\xff"]),
                  max_size=40).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "cp1256", "iso8859_6", "utf-16", "latin-1"])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


def check_items(items: list) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(item)
        else:
            assert isinstance(item, Article) and item.text.strip() and item.id


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_give_articles_or_one_line_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("b") / f"x{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] == b"a" else data)
    check_items(list(read_inputs([str(path)])))


@SETTINGS
@given(text=st.one_of(TEXT, MARKUP), encoding=ENCODINGS, suffix=st.sampled_from(SUFFIXES))
def test_any_text_in_any_encoding_and_format(tmp_path_factory, text, encoding, suffix):
    data = encode(text, encoding)
    path = tmp_path_factory.mktemp("t") / f"x{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    check_items(list(read_inputs([str(path)])))


@SETTINGS
@given(text=st.one_of(TEXT, MARKUP))
def test_any_stdin_is_sniffed_without_exception(text):
    check_items(list(read_inputs(["-"], stdin=io.BytesIO(text.encode("utf-8", errors="replace")))))


PIPELINE = Pipeline.build()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text_gives_batch_rows_whose_spans_index_it(text):
    rows = process_with(PIPELINE, [Article(id="p", text=text, date=dt.date(2018, 3, 15))], IngestOptions())
    assert sum(rows.counts.values()) == 1
    if unicode_problem(text):  # a lone surrogate: failed with a one-line error, never an exception
        assert rows.counts["failed"] == 1 and "lone surrogate" in rows.tables["errors"][0]["message"]
        return
    assert rows.counts[PROCESSED] == 1, rows.tables["errors"]
    for table, table_rows in rows.tables.items():
        for row in table_rows:
            for prefix in ("", "cue_", "trigger_", "source_", "target_", "location_", "evidence_"):
                start, end = row.get(f"{prefix}start"), row.get(f"{prefix}end")
                if table != "articles" and start is not None and row.get(f"{prefix}text") is not None:
                    assert 0 <= start <= end <= len(text) and text[start:end] == row[f"{prefix}text"]
