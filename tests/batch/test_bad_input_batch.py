"""Every kind of bad input through `run_batch`: one error row each, one line, and the batch goes on."""
import gzip
import json

from khabar.batch.parts import read_table
from khabar.batch.run import run_batch
from khabar.ingest.options import IngestOptions
from batch.corpus import SNIPPETS, options

GOOD = [{"id": k, "date": "2018-03-01", "text": v} for k, v in SNIPPETS.items()]


def test_each_bad_input_is_one_error_row_and_the_good_ones_are_analysed(tmp_path):
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
        "cut.jsonl.gz": gzip.compress(b'{"id": "z", "text": "x"}\n' * 50)[:30],
        "latin1.txt": "crème brûlée".encode("latin-1"),
        "huge.html": b"<html><body><p>" + b"a" * (2 * 1024 * 1024) + b"</p></body></html>",
        "nothing.html": b"<html><body><script>1</script></body></html>",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    lines = [json.dumps(r, ensure_ascii=False) for r in GOOD[:2]] + ['"a string"', '{"id": "w", "text": 3}']
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    broken = f"<html><body><div><p>{GOOD[2]['text']}<p>{GOOD[3]['text']}</div></div><b><i></body>"
    (tmp_path / "broken.html").write_text(broken, encoding="utf-8")
    names = [tmp_path / n for n in [*bad, "mixed.jsonl", "broken.html"]]
    summary = run_batch(options(names, tmp_path / "out",
                                ingest=IngestOptions(check_language=True, max_document_bytes=1024 * 1024)))
    assert summary.counts == {"processed": 3, "skipped": 0, "failed": 8} and summary.items == 11
    errors = read_table(tmp_path / "out", "errors").to_pylist()
    assert len(errors) == 8 and all(e["status"] == "failed" and e["kind"] == "input" for e in errors)
    messages = " | ".join(e["message"] for e in errors)
    for expected in ("empty input", "binary data", "not a readable gzip file", "not valid UTF-8", "too large",
                     "no article text", "a JSON str, not an object", "field text must be a string, not int"):
        assert expected in messages, expected
    assert all("\n" not in e["message"] for e in errors)
