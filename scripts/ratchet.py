"""Raise the quality floors in quality/floors.json to the measured scores (never lower them).

usage: python scripts/ratchet.py [--margin 0.01] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import math
import tempfile
from pathlib import Path

from khabar.evaluate.floors import FLOORS_PATH, measure

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--margin", type=float, default=0.01)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    document = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    floors = document["floors"]
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(floors, SHARED, Path(tmp))
    for key, old in floors.items():
        floors[key] = max(old, math.floor((figures[key] - args.margin) * 100) / 100)
        print(f"{key:40} measured {figures[key]:.4f}  floor {old:.2f} -> {floors[key]:.2f}")
    if not args.dry_run:
        FLOORS_PATH.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
