"""Folders and globs: every readable file in a stable order; an empty folder or a glob with no match is one error."""
import json

from khabar.errors import InputError
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI, TARANTINO, html_page


def make_tree(root):
    (root / "2018" / "02").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "2018" / "02" / "a.jsonl").write_text(json.dumps({"id": "ant:AL-culture-11-20180216", "text": ANISTON},
                                                             ensure_ascii=False), encoding="utf-8")
    (root / "2018" / "b.html").write_text(html_page([FIFI, TARANTINO]), encoding="utf-8")
    (root / "c.txt").write_text(TARANTINO, encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    (root / ".git" / "x.txt").write_text("hidden", encoding="utf-8")


def test_folder_is_read_recursively_in_order_skipping_hidden_and_unknown(tmp_path):
    make_tree(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert [i.origin.rsplit("/", 1)[-1] for i in items] == ["a.jsonl:1", "b.html", "c.txt"]


def test_glob_matches_files(tmp_path):
    make_tree(tmp_path)
    items = list(read_inputs([str(tmp_path / "**" / "*.jsonl"), str(tmp_path / "*.txt")]))
    assert [i.id for i in items] == ["ant:AL-culture-11-20180216", "c"]


def test_glob_with_no_match_and_empty_folder_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    a, b = read_inputs([str(tmp_path / "*.warc.gz"), str(tmp_path / "empty")])
    assert isinstance(a, InputError) and "no file matches" in str(a)
    assert isinstance(b, InputError) and "is a directory with no readable files" in str(b)
