"""Worker processes (khabar/workers.py): `ingest --workers` and `batch --engine local --workers` store and write
exactly what one process does, a failing article is recorded while the rest go on, and errors cross whole."""
from __future__ import annotations

import io
import json
import pickle

import pytest

from khabar import pipeline as pipeline_module
from khabar.analysis import ingest_items
from khabar.batch.options import BatchOptions
from khabar.batch.parts import read_table
from khabar.batch.run import run_batch
from khabar.cli import main as cli_main
from khabar.errors import InputError, StageError
from khabar.ingest.readers import read_inputs
from khabar.pipeline import Options, register_stage
from khabar.store import StoreOptions, open_store
from khabar.store.export import write_jsonl
from khabar.store.filters import Filters
from khabar.workers import WorkersError, check_workers, worker_pipeline

from helpers import SAMPLE

ANT_SAMPLE = SAMPLE / "ant-2018-sample.jsonl"  # ten real ANT articles (Apache-2.0)
FULL = Options()


def _stored(db: str, workers: int) -> tuple[list[dict], object]:
    """Every record the store holds after ingesting the sample with `workers` processes, and the report."""
    with open_store(StoreOptions(db=db, progress=False)) as store:
        report = ingest_items(store, worker_pipeline(FULL), read_inputs([str(ANT_SAMPLE)]), workers=workers)
        out = io.StringIO()
        with store.engine.connect() as conn:
            write_jsonl(conn, store.fts, Filters(), out)
    return [json.loads(line) for line in out.getvalue().splitlines()], report


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path):
    one, report_one = _stored(str(tmp_path / "one.db"), 1)
    two, report_two = _stored(str(tmp_path / "two.db"), 2)
    assert report_two.inserted == report_one.inserted == 10 and report_two.failed == 0
    assert [r["id"] for r in two] == [r["id"] for r in one]
    assert two == one  # quotes, entities, events and spans alike
    assert any(r["quotes"] for r in two) and any(r["entities"] for r in two)


def test_rerun_with_workers_is_a_no_op(tmp_path):
    db = str(tmp_path / "k.db")
    _stored(db, 2)
    _, again = _stored(db, 2)
    assert again.unchanged == 10 and again.inserted == 0


def test_batch_local_two_workers_writes_the_same_rows(tmp_path):
    tables = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        summary = run_batch(BatchOptions(inputs=(str(ANT_SAMPLE),), out=str(out), workers=workers, progress=False))
        assert summary.counts["processed"] == 10 and summary.counts["failed"] == 0
        tables[workers] = {t: read_table(out, t) for t in ("articles", "quotes", "entities", "events", "mentions")}
    for table, rows in tables[1].items():
        assert _comparable(tables[2][table]) == _comparable(rows), table
    assert len(tables[2]["quotes"]) > 0


def _comparable(rows) -> list[dict]:
    """The rows without the run's own id and time, in a stable order."""
    listed = rows.to_pylist() if hasattr(rows, "to_pylist") else list(rows)
    cleaned = [{k: v for k, v in r.items() if k not in ("run", "written_at")} for r in listed]
    return sorted(cleaned, key=lambda r: json.dumps(r, sort_keys=True, default=str, ensure_ascii=False))


@pytest.fixture
def failing_stage(monkeypatch):
    """A registry with one more stage that fails on the article whose text mentions «الطقس»; forked workers
    inherit it."""
    monkeypatch.setattr(pipeline_module, "_REGISTRY", dict(pipeline_module._REGISTRY))

    @register_stage("weather_probe", 1, requires=("tokens",), adds=("probe",))
    def probe(options):
        def run(doc):
            if "الطقس" in doc.text:
                raise ValueError("probe refuses the weather")
            doc.add("probe", [], "weather_probe.v1")
        return run

    worker_pipeline.cache_clear()
    yield Options(stages=("sentences", "tokens", "weather_probe"))
    worker_pipeline.cache_clear()


def test_a_failing_article_in_a_worker_is_recorded_and_the_rest_stored(tmp_path, failing_stage):
    src = tmp_path / "in.jsonl"
    texts = ["قال وزير الخارجية إن المحادثات مستمرة.", "توقعت الأرصاد أن يكون الطقس حارا غدا.",
             "افتتح المعرض الدولي للكتاب في الرياض أبوابه أمام الزوار."]
    src.write_text("".join(json.dumps({"id": f"a{k}", "text": t}, ensure_ascii=False) + "\n"
                           for k, t in enumerate(texts)), encoding="utf-8")
    with open_store(StoreOptions(db=str(tmp_path / "k.db"), progress=False)) as store:
        report = ingest_items(store, worker_pipeline(failing_stage), read_inputs([str(src)]), workers=2)
    assert (report.inserted, report.failed) == (2, 1)
    assert "article a1: stage weather_probe.v1 failed: ValueError: probe refuses the weather" in report.errors[0]


def test_regression_stage_error_from_a_worker_keeps_its_fields():
    # Exceptions pickle by their message alone unless told otherwise; a StageError must arrive whole.
    err = StageError("quotes.v1", "ant:1", KeyError("speaker"), "in.jsonl:3")
    back = pickle.loads(pickle.dumps(err))
    assert (back.stage, back.article_id, back.origin, str(back)) == (err.stage, err.article_id, err.origin, str(err))
    assert isinstance(back.cause, KeyError)
    bad = InputError("in.jsonl", "not JSON: «{»", 7)
    assert (pickle.loads(pickle.dumps(bad)).line, str(pickle.loads(pickle.dumps(bad)))) == (7, str(bad))


def test_an_unpicklable_cause_arrives_as_its_name_and_message():
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    back = pickle.loads(pickle.dumps(StageError("events.v1", "x", Local("بلا سبب"))))
    assert isinstance(back.cause, RuntimeError) and "Local: بلا سبب" in str(back.cause)


def test_workers_below_one_are_refused(capsys):
    with pytest.raises(WorkersError, match="at least 1, not 0"):
        check_workers(0)
    assert cli_main(["ingest", "--workers", "0", str(ANT_SAMPLE)]) == 2
    assert "--workers: must be at least 1: 0" in capsys.readouterr().err
