"""Shared test helpers: where the fixtures and the optional ../shared folder are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "khabar" / "data" / "sample"
SHARED = ROOT.parent / "shared"
SEED_TXT = SAMPLE / "seed-article.txt"  # the demo sample ships the seed article

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not present on this machine")


def seed_body() -> str:
    """The seed article's body: the fixture without its `date ...` header line."""
    return SEED_TXT.read_text(encoding="utf-8").split("\n", 1)[1].strip()


DEV_ARTICLES = [SHARED / "eval/dev/articles.jsonl", SHARED / "eval/seed/seed-article.jsonl"]
DEV_GOLD = [SHARED / "eval/dev/gold.jsonl", SHARED / "eval/seed/seed-gold.jsonl"]
_DEV_CACHE: dict = {}


def dev_evaluation(tmp_dir) -> tuple[dict, "Path", "Path"]:
    """The pipeline's report on dev + seed, with the gold and system files (computed once per session)."""
    if not _DEV_CACHE:
        from khabar.evaluate.articles import evaluate_articles

        gold = Path(tmp_dir) / "gold.jsonl"
        gold.write_text("".join(p.read_text(encoding="utf-8") for p in DEV_GOLD), encoding="utf-8")
        system = Path(tmp_dir) / "system.jsonl"
        report, errors = evaluate_articles(str(gold), [str(p) for p in DEV_ARTICLES], output=str(system))
        assert not errors, errors
        _DEV_CACHE.update(report=report, gold=gold, system=system)
    return _DEV_CACHE["report"], _DEV_CACHE["gold"], _DEV_CACHE["system"]
