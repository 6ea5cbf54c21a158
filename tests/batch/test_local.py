"""The local engine: counts that always add up, the error table, resume, a killed run's leftovers, near-duplicates."""
import json
import os

import pytest

from khabar.batch.parts import committed, read_table
from khabar.batch.run import OutputError, run_batch
from batch.corpus import SNIPPETS, options, write_mixed


def test_counts_add_up_and_every_problem_is_in_the_error_table(tmp_path):
    src = tmp_path / "in.jsonl"
    n = write_mixed(src)
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = run_batch(options([src, tmp_path / "empty.txt", tmp_path / "missing.jsonl"], tmp_path / "out",
                                chunk_size=3))
    c = summary.counts
    assert summary.items == n + 2 and c["processed"] + c["skipped"] + c["failed"] == summary.items
    assert c == {"processed": 4, "skipped": 2, "failed": 4}
    errors = read_table(tmp_path / "out", "errors").to_pylist()
    kinds = sorted((e["status"], e["kind"]) for e in errors)
    assert kinds == [("failed", "input")] * 4 + [("skipped", "duplicate-id"), ("skipped", "language")]
    assert all("\n" not in e["message"] for e in errors)
    assert any("empty input" in e["message"] for e in errors) and any("no such file" in e["message"] for e in errors)
    ids = read_table(tmp_path / "out", "articles", ["id"]).column("id").to_pylist()
    assert sorted(ids) == sorted(f"{a}#0" for a in SNIPPETS)


def test_resume_skips_what_is_done_and_adds_only_the_new(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out"
    n = write_mixed(src)
    run_batch(options([src], out))
    with pytest.raises(OutputError):
        run_batch(options([src], out))  # without --resume an existing batch is never mixed into
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "new", "text": SNIPPETS["ant:AL-culture-14-20180215"]}, ensure_ascii=False))
    again = run_batch(options([src, more], out, resume=True))
    assert again.resumed == n and again.counts == {"processed": 1, "skipped": n, "failed": 0}
    assert again.duplicates == 1  # "new" repeats an article of the first run: found across runs
    ids = read_table(out, "articles", ["id"]).column("id").to_pylist()
    assert len(ids) == len(set(ids)) == 5
    assert read_table(out, "errors").num_rows == 4  # no error row written twice


def test_parts_of_a_killed_chunk_are_removed_and_redone(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out"
    write_mixed(src)
    run_batch(options([src], out, chunk_size=2))
    # simulate kill -9 between a chunk's parts and its commit marker
    (marker,) = sorted(committed(out))[-1:]
    os.remove(out / "_commits" / marker)
    (out / "articles" / ".half.parquet.tmp").write_bytes(b"PAR1")
    again = run_batch(options([src], out, chunk_size=2, resume=True))
    assert again.counts["processed"] + again.counts["failed"] >= 1
    ids = read_table(out, "articles", ["id"]).column("id").to_pylist()
    assert sorted(ids) == sorted(f"{a}#0" for a in SNIPPETS) and not list(out.glob("*/.*.tmp"))


def test_near_duplicates_found_with_minhash(tmp_path):
    src = tmp_path / "in.jsonl"
    base = " ".join(SNIPPETS.values())
    records = [{"id": "a", "text": base}, {"id": "b", "text": base + " وأضاف المصدر."},
               {"id": "c", "text": SNIPPETS["ant:AL-culture-14-20180215"]}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    summary = run_batch(options([src], tmp_path / "out"))
    rows = read_table(tmp_path / "out", "duplicates").to_pylist()
    assert summary.duplicates == 1 and rows[0]["id"] == "b" and rows[0]["duplicate_of"] == "a"
    assert rows[0]["similarity"] >= 0.8


def test_full_pipeline_rows_on_real_snippets(tmp_path):
    from khabar.pipeline import Options

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": k, "date": "2018-03-01", "text": v}, ensure_ascii=False)
                             for k, v in SNIPPETS.items()), encoding="utf-8")
    summary = run_batch(options([src], tmp_path / "out", pipeline=Options()))
    assert summary.counts["processed"] == 4
    timexes = read_table(tmp_path / "out", "timexes").to_pylist()
    text = SNIPPETS["ant:AL-culture-105-20180301"]
    assert any(t["article_id"] == "ant:AL-culture-105-20180301" and text[t["start"]:t["end"]] == t["text"]
               for t in timexes)


def test_regression_lone_surrogate_in_a_code_built_article_fails_alone(tmp_path):
    # an Article built in code bypasses the reader's check; Parquet would refuse the whole chunk
    from khabar.batch.process import process_with
    from khabar.ingest.options import IngestOptions
    from khabar.doc import Article
    from khabar.pipeline import Pipeline
    from batch.corpus import LIGHT

    rows = process_with(Pipeline.build(LIGHT), [Article(id="s", text="قال \ud800"), Article(id="ok", text="قال")],
                        IngestOptions())
    assert rows.counts == {"processed": 1, "skipped": 0, "failed": 1}
    assert "lone surrogate" in rows.tables["errors"][0]["message"]
