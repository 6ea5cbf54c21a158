"""Export formats and the JSONL round trip through a fresh store; the CLI edge."""
from __future__ import annotations

import csv
import io
import json

import pytest

from khabar.cli import main
from khabar.store import Filters, StoreOptions, export, open_store, searchtext
from khabar.store.filters import from_pairs
from khabar.store.errors import QueryError

import khabar_fixtures as fx

SAMPLE_FILES = [str(fx.SAMPLE / "ant-2018-sample.jsonl"), str(fx.SAMPLE / "seed-article.jsonl")]
STAGES = ",".join(s.split(".")[0] for s in fx.BASIC_STAGES)


def fill(store):
    for r in fx.records():
        store.write(r, searchtext.search_text(r["text"], r.get("title")))


def test_jsonl_round_trip_into_a_fresh_store_keeps_counts_and_records(store, tmp_path):
    fill(store)
    out = io.StringIO()
    with store.engine.connect() as conn:
        assert export.write_jsonl(conn, store.fts, Filters(), out) == 2
    path = tmp_path / "export.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    fresh_db = str(tmp_path / "fresh.db")
    assert main(["import", str(path), "--db", fresh_db, "-q"]) == 0
    with open_store(StoreOptions(db=fresh_db)) as fresh:
        assert fresh.counts() == store.counts()
        again = io.StringIO()
        with fresh.engine.connect() as conn:
            export.write_jsonl(conn, fresh.fts, Filters(), again)
    assert again.getvalue() == out.getvalue()
    assert [json.loads(line) for line in out.getvalue().splitlines()] == fx.records()


def test_csv_and_parquet_tables(store, tmp_path):
    fill(store)
    with store.engine.connect() as conn:
        _csv_and_parquet(conn, store, tmp_path)


def _csv_and_parquet(conn, store, tmp_path):
    out = io.StringIO()
    assert export.write_csv(conn, store.fts, Filters(), "quotes", out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["speaker_name"] == "كيريل دميترييف" and "search_text" not in rows[0]
    import pyarrow.parquet as pq

    n = export.write_parquet(conn, store.fts, from_pairs(["source=وكالات"]), "events", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == 1
    assert table.column("trigger_text").to_pylist() == ["ليطلع"]


def test_plover_and_gdelt_events(store):
    fill(store)
    with store.engine.connect() as conn:
        _plover_and_gdelt(conn, store)


def _plover_and_gdelt(conn, store):
    out = io.StringIO()
    assert export.write_plover(conn, store.fts, Filters(), out) == 3
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["event"] == "CONSULT" and first["source"] == "كيريل دميترييف" and first["target"] == "ستيف ويتكوف"
    assert first["date"] == "2026-03-11" and first["src_actor"] == "RUSGOV" and first["khabar"]["mode"] == "asserted"
    tsv = io.StringIO()
    export.write_gdelt(conn, store.fts, from_pairs(["type=CONSULT", "actor=ترامب"]), tsv)
    header, row = [line.split("\t") for line in tsv.getvalue().splitlines()]
    got = dict(zip(header, row))
    assert got["SQLDATE"] == "20260309" and got["Actor1Name"] == "ترامب" and got["EventRootCode"] == "04"
    assert got["QuadClass"] == "1"


def test_bad_filter_is_a_query_error():
    with pytest.raises(QueryError, match="bad filter"):
        from_pairs(["colour=red"])
    with pytest.raises(QueryError, match="not a date"):
        from_pairs(["from=yesterday"])


def test_cli_ingest_search_export(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["ingest", *SAMPLE_FILES, "--db", db, "--stages", STAGES, "-q"]) == 0
    assert main(["ingest", *SAMPLE_FILES, "--db", db, "--stages", STAGES]) == 0
    assert "11 unchanged" in capsys.readouterr().err
    assert main(["search", "محادثات", "--db", db, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert "ant:BB-internationalNews-513-20180516" in [r["id"] for r in found["items"]]
    assert main(["export", "--db", db, "--format", "csv", "--table", "articles", "-o", str(tmp_path / "a.csv")]) == 0
    assert len(list(csv.DictReader(open(tmp_path / "a.csv", encoding="utf-8")))) == 11


def test_cli_errors_are_one_clean_line(tmp_path, capsys):
    assert main(["search", "محادثات", "--db", str(tmp_path / "missing" / "x.db")]) == 1
    assert main(["export", "--db", str(tmp_path / "x.db"), "--filter", "colour=red"]) == 1
    assert main(["export", "--db", str(tmp_path / "x.db"), "--format", "parquet"]) == 1
    assert main(["import", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.db"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "cannot open database" in err and "bad filter" in err and "give an output file" in err and "no such file" in err


def test_import_rejects_a_record_that_is_not_v1(tmp_path, capsys):
    bad = dict(fx.record_a())
    del bad["quotes"]
    path = fx.write_jsonl(tmp_path / "bad.jsonl", [bad, fx.record_b()])
    assert main(["import", str(path), "--db", str(tmp_path / "x.db"), "-q"]) == 1
    assert "not a khabar v1 record" in capsys.readouterr().err
    with open_store(StoreOptions(db=str(tmp_path / "x.db"))) as s:
        assert s.counts()["articles"] == 1
