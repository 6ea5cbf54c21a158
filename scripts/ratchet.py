"""Raise the quality floors in quality/floors.json to the measured dev scores (never lower them).

usage: python scripts/ratchet.py [--margin 0.01] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import math
import tempfile
from pathlib import Path

from khabar.evaluate.articles import evaluate_articles
from khabar.evaluate.floors import FLOORS_PATH, measured

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--margin", type=float, default=0.01)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text((SHARED / "eval/dev/gold.jsonl").read_text(encoding="utf-8")
                        + (SHARED / "eval/seed/seed-gold.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
        report, _ = evaluate_articles(str(gold), [str(SHARED / "eval/dev/articles.jsonl"),
                                                  str(SHARED / "eval/seed/seed-article.jsonl")])
    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    for key, old in floors["floors"].items():
        new = math.floor((measured(report, key) - args.margin) * 100) / 100
        floors["floors"][key] = max(old, new)
        print(f"{key:32} measured {measured(report, key):.4f}  floor {old:.2f} -> {floors['floors'][key]:.2f}")
    if not args.dry_run:
        FLOORS_PATH.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
