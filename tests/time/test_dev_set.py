"""The stage on the seed and the dev set (needs ../shared)."""
from __future__ import annotations

import json

import pytest

from khabar.evaluate.scoring import score
from khabar.ingest.readers import article_from_record, read_plain_text

from timex_helpers import SHARED, pipeline

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present on this machine")


def test_seed_gold_expressions_all_found_with_their_values():
    path = SHARED / "eval" / "seed" / "seed-article.txt"
    article = read_plain_text(path.read_text(encoding="utf-8"), str(path), "seed")
    gold = json.loads((SHARED / "eval" / "seed" / "seed-gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    doc = pipeline().run(article)
    found = [(article.text[t.start:t.end], t.value) for t in doc.get("timexes")]
    assert found == [(g["text"], g["value"]) for g in gold["timexes"]]
    assert doc.get("effective_date").isoformat() == "2026-03-13"


def test_dev_set_meets_the_issue_targets():
    lines = (SHARED / "eval" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    golds = [json.loads(x) for x in (SHARED / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    records = {}
    for i, line in enumerate(lines, 1):
        article = article_from_record(json.loads(line), "dev", i)
        doc = pipeline().run(article)
        records[article.id] = {"timexes": [{"text": article.text[t.start:t.end], "value": t.value}
                                           for t in doc.get("timexes")]}
    report = score(golds, records)["timexes"]
    assert report["found"]["f1"] >= 0.92 and report["value_accuracy"] >= 0.95
