"""Train the quote speaker ranker on the gold, report k-fold cross-validation by article, write the model.

usage: python scripts/train_speaker_ranker.py [--folds 5] [--l2 0.01] [--out khabar/data/quotes/speaker-ranker.json]

Training articles: the seed, dev and dev2's open two thirds (all but lines 3, 6, 9, ...), less every
SaudiNewsNet article (ids `snn:`, CC BY-NC-SA: no shipped weight may learn from it). The blind third
is never read here.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar import stages  # noqa: E402,F401  (registers the stages)
from khabar.evaluate.floors import in_blind_third  # noqa: E402
from khabar.ingest.readers import article_from_record  # noqa: E402
from khabar.pipeline import Options, Pipeline, default_stages  # noqa: E402
from khabar.quotes.lexicon import quote_lexicon  # noqa: E402
from khabar.training.speaker_ranker import GoldArticle, cross_validate, fit, items_of  # noqa: E402

DESCRIPTION = "quote speaker ranker (khabar/quotes/ranker.py): one weight per feature; see SPEAKER_RANKER.md"
EVAL = ROOT.parent / "shared" / "eval"
SETS = [("seed/seed-article.jsonl", "seed/seed-gold.jsonl", False),
        ("dev/articles.jsonl", "dev/gold.jsonl", False),
        ("dev2/articles.jsonl", "dev2/gold.jsonl", True)]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_articles() -> list[GoldArticle]:
    """The rules' output on every training article, with its gold."""
    ids = tuple(s.replace("quotes.v2", "quotes.v1") for s in default_stages())
    pipeline = Pipeline.build(Options(stages=ids))
    out = []
    for arts, golds, blind_third in SETS:
        gold = {g["id"]: g for g in records(EVAL / golds)}
        for n, rec in enumerate(records(EVAL / arts), 1):
            if (blind_third and in_blind_third(n)) or rec["id"].startswith("snn:"):
                continue
            doc = pipeline.run(article_from_record(rec, arts, n))
            out.append(GoldArticle(rec["id"], doc, gold[rec["id"]].get("quotes", [])))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, nargs="+", default=[0.01])
    ap.add_argument("--out", default=str(ROOT / "khabar/data/quotes/speaker-ranker.json"))
    args = ap.parse_args(argv)
    if not (EVAL / "dev2/gold.jsonl").exists():
        print(f"skipped: {EVAL} not found")
        return 0
    articles, lex = training_articles(), quote_lexicon()
    report = {}
    for l2 in args.l2:
        report[l2] = cross_validate(articles, lex, args.folds, l2)
        for row in report[l2]:
            print(json.dumps({"l2": l2, **row}))
        rules = sum(r["rules"] * r["quotes"] for r in report[l2]) / sum(r["quotes"] for r in report[l2])
        ranked = sum(r["ranker"] * r["quotes"] for r in report[l2]) / sum(r["quotes"] for r in report[l2])
        print(f"l2={l2}: speaker accuracy, {args.folds}-fold by article: rules {rules:.4f}, ranker {ranked:.4f}")
    best = max(report, key=lambda l2: sum(r["ranker"] * r["quotes"] for r in report[l2]))
    model = fit([it for a in articles for it in items_of(a, lex)], best)
    meta = {**model.meta, "articles": [a.id for a in articles], "cross_validation": report[best],
            "trained_on": "seed + dev + the open two thirds of dev2 (lines other than 3, 6, 9, ...), SaudiNewsNet articles left out"}
    Path(args.out).write_text(json.dumps({"version": 1, "description": DESCRIPTION, "meta": meta, "weights": model.weights}, ensure_ascii=False,
                                         indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model.weights)} weights, l2={best}, {len(articles)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
