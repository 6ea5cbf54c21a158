"""Bad input of every kind: one clear one-line InputError each, and the next input is still read."""
import gzip
import json

import pytest

from khabar.errors import InputError
from khabar.ingest.options import IngestOptions
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI

GOOD = json.dumps({"id": "ant:AL-culture-169-20180315", "text": FIFI}, ensure_ascii=False)


def errors_and_articles(paths, options=None):
    items = list(read_inputs([str(p) for p in paths], options=options))
    errors = [i for i in items if isinstance(i, InputError)]
    for err in errors:
        assert "\n" not in str(err) and len(str(err)) < 400
    return errors, [i for i in items if not isinstance(i, InputError)]


BAD_FILES = [
    ("empty.txt", b"", "empty input"),
    ("empty.jsonl", b"\n\n", "empty input"),
    ("empty.html", b"", "empty input"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data"),
    ("binary.jsonl", b"\x00\x01\x02" * 10, "binary data"),
    ("latin1.txt", "crème brûlée".encode("latin-1"), "not valid UTF-8"),
    ("cut.jsonl.gz", gzip.compress((GOOD + "\n").encode() * 20)[:40], "not a readable gzip file"),
    ("cut.html.gz", gzip.compress(b"<html><body><p>x</p></body></html>" * 40)[:30], "not a readable gzip file"),
    ("notgz.jsonl.gz", b"this is not gzip", "not a readable gzip file"),
]


# ids are the file names: gzip output embeds the time, so the bytes would make ids change from run to run
@pytest.mark.parametrize("name, content, problem", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_is_one_error_and_the_next_file_is_read(tmp_path, name, content, problem):
    bad, good = tmp_path / name, tmp_path / "good.jsonl"
    bad.write_bytes(content)
    good.write_text(GOOD, encoding="utf-8")
    errors, articles = errors_and_articles([bad, good])
    assert len(errors) == 1 and problem in str(errors[0]) and name in str(errors[0])
    assert [a.id for a in articles] == ["ant:AL-culture-169-20180315"]


def test_50_mb_file_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        line = (ANISTON + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (err,), _ = errors_and_articles([path])
    assert "too large" in str(err)


def test_50_mb_gzip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb") as fh:
        for _ in range(50):
            fh.write(b"<p>" + b"a" * (1024 * 1024) + b"</p>")
    (err,), _ = errors_and_articles([path])
    assert "too large" in str(err)


def test_oversized_jsonl_line_is_one_error_and_the_others_are_read(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "قال " * 300_000}, ensure_ascii=False)
    path.write_text(f"{GOOD}\n{big}\n{GOOD}\n", encoding="utf-8")
    (err,), articles = errors_and_articles([path], IngestOptions(max_document_bytes=1024 * 1024))
    assert "line too large" in str(err) and ":2:" in str(err) and len(articles) == 2


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path):
    data = gzip.compress("".join(json.dumps({"id": f"a{i}", "text": FIFI}, ensure_ascii=False) + "\n"
                                 for i in range(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    (err,), articles = errors_and_articles([path])
    assert "gzip" in str(err) and 0 < len(articles) < 200
    assert [a.id for a in articles] == [f"a{i}" for i in range(len(articles))]


def test_invalid_utf8_line_in_jsonl_is_that_line_only(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + '{"id": "x", "text": "'.encode() + "قال".encode("cp1256") + b'"}\n'
                     + GOOD.encode() + b"\n")
    (err,), articles = errors_and_articles([path])
    assert "not valid UTF-8" in str(err) and ":2:" in str(err) and len(articles) == 2


@pytest.mark.parametrize("line, problem", [
    ('"just a string"', "a JSON str, not an object"),
    ("null", "a JSON NoneType, not an object"),
    ("[" * 100_000, "not valid JSON"),
    ('{"id": "x", "text": ["قال"]}', "field text must be a string, not list"),
    ('{"id": "x", "text": "قال", "title": {"ar": "x"}}', "field title must be a string, not dict"),
    ('{"id": "x", "text": "قال", "date": 20180216}', "field date must be a string, not int"),
    ('{"id": "x", "text": "قال", "url": true}', "field url must be a string, not bool"),
])
def test_non_object_lines_and_wrong_field_types(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{GOOD}\n{line}\n", encoding="utf-8")
    (err,), articles = errors_and_articles([path])
    assert problem in str(err) and ":2:" in str(err) and len(articles) == 1


def test_regression_lone_surrogate_from_json_escape_is_an_input_error(tmp_path):
    # `"\ud800"` is valid JSON but not valid Unicode: it crashed the UTF-8 output and the Parquet writer
    path = tmp_path / "s.jsonl"
    path.write_text(GOOD + '\n{"id": "x", "text": "\\u0642\\u0627\\u0644 \\ud800"}\n', encoding="utf-8")
    (err,), articles = errors_and_articles([path])
    assert "field text is not valid Unicode (lone surrogate U+D800" in str(err) and ":2:" in str(err)
    assert len(articles) == 1


def test_regression_stdin_jsonl_is_streamed_not_size_limited():
    # reading stdin whole under the one-document limit refused `zcat corpus.jsonl.gz | khabar extract -`
    import io

    data = ("\n".join([GOOD] * 50) + "\n").encode()
    items = list(read_inputs(["-"], stdin=io.BytesIO(data), options=IngestOptions(max_document_bytes=1000)))
    assert len(items) == 50 and not any(isinstance(i, InputError) for i in items)
    (err,) = read_inputs(["-"], stdin=io.BytesIO(ANISTON.encode() * 100), options=IngestOptions(max_document_bytes=1000))
    assert "too large" in str(err)
