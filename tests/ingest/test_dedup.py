"""The one near-duplicate detector (ingest/dedup.py): the store and the batch give the same verdict on the same articles."""
from __future__ import annotations

import json

from sqlalchemy import select

from khabar.batch.options import BatchOptions
from khabar.batch.parts import read_table
from khabar.batch.run import run_batch
from khabar.ingest.dedup import from_bytes, is_copy, shingles, signature, similarity
from khabar.ingest.options import DedupOptions, IngestOptions
from khabar.ingest.readers import read_inputs
from khabar.pipeline import Options, Pipeline
from khabar.analysis import ingest_items
from khabar.store import StoreOptions, open_store, schema
from khabar.text.terms import search_text

LIGHT = ("sentences", "tokens")
# Two wire copies of one report: the second names the day (غدا -> الخميس) and carries some diacritics.
WIRE_A = ("أعلنت وزارة الخارجية المصرية، اليوم الثلاثاء، أن وزير الخارجية سيتوجه إلى عمان غدا لإجراء محادثات مع "
          "نظيره الأردني حول الأوضاع في المنطقة وسبل تعزيز التعاون الثنائي بين البلدين. وقال المتحدث باسم الوزارة "
          "في بيان إن الزيارة تأتي في إطار التنسيق المستمر بين القاهرة وعمان بشأن القضايا الإقليمية، وإن الوزيرين "
          "سيبحثان أيضا الجهود الدولية لوقف إطلاق النار وإيصال المساعدات الإنسانية إلى المتضررين.")
WIRE_B = WIRE_A.replace("عمان غدا", "عمان الخميس").replace("وزير الخارجية", "وَزِيرُ الخارِجِيَّة")
OTHER = ("افتتح المعرض الدولي للكتاب في الرياض أبوابه أمام الزوار بمشاركة أكثر من ألف دار نشر عربية وأجنبية، "
         "ويستمر عشرة أيام تتخللها ندوات وأمسيات شعرية وورش للأطفال.")
ARTICLES = [("wire-a", WIRE_A), ("wire-b", WIRE_B), ("other", OTHER)]


def _jsonl(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": "2026-03-10"}, ensure_ascii=False) + "\n"
                            for i, t in ARTICLES), encoding="utf-8")
    return path


def _store_copies(path, db) -> tuple[set[tuple[str, str]], dict[str, bytes]]:
    """(copy, original) pairs as the store groups them, and the signatures it stored."""
    with open_store(StoreOptions(db=db, progress=False)) as store:
        ingest_items(store, Pipeline.build(Options(stages=LIGHT)), read_inputs([str(path)]))
        with store.engine.connect() as conn:
            groups = dict(conn.execute(select(schema.articles.c.id, schema.articles.c.dup_group)).all())
            sigs = dict(conn.execute(select(schema.minhashes.c.article_id, schema.minhashes.c.signature)).all())
    return {(k, v) for k, v in groups.items() if k != v}, sigs


def _batch_copies(path, out) -> tuple[set[tuple[str, str]], dict[str, bytes]]:
    """(copy, original) pairs of the batch's duplicates table, and its signatures."""
    run_batch(BatchOptions(inputs=(str(path),), out=str(out), progress=False, pipeline=Options(stages=LIGHT)))
    rows = read_table(out, "duplicates").to_pylist()
    table = read_table(out, "articles", ["id", "minhash"]).to_pylist()
    return {(r["id"], r["duplicate_of"]) for r in rows}, {r["id"]: r["minhash"] for r in table}


def test_regression_store_and_batch_agree_on_copies(tmp_path):
    """Store and batch had two MinHash set-ups (search terms vs raw words): the batch missed this diacritised copy."""
    path = _jsonl(tmp_path)
    in_store, store_sigs = _store_copies(path, str(tmp_path / "k.db"))
    in_batch, batch_sigs = _batch_copies(path, tmp_path / "out")
    assert in_store == in_batch == {("wire-b", "wire-a")}
    assert store_sigs == batch_sigs  # one set-up: the same bytes on both paths


def test_the_verdict_is_the_threshold_on_estimated_similarity():
    options = DedupOptions()
    a, b, c = (signature(search_text(t).split(), options) for t in (WIRE_A, WIRE_B, OTHER))
    assert is_copy(a, b, options) and not is_copy(a, c, options)
    assert similarity(a, a) == 1.0
    assert from_bytes(a, options).jaccard(from_bytes(b, options)) == similarity(a, b)


def test_short_texts_fall_back_to_single_words():
    assert shingles(["قال", "الوزير"], 3) == {"قال".encode(), "الوزير".encode()}


def test_batch_and_store_read_the_same_options_object():
    assert IngestOptions().dedup == StoreOptions().dedup == DedupOptions()
