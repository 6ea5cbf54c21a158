"""Digest of `khabar extract` on dev + seed + dev2: one sha256 per article line.

A refactor must leave every output byte-identical: run with --write before it,
and tests/test_regression_extract_identical.py compares after. A deliberate
change of output rewrites the file with --write and says so in its commit.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DIGESTS = ROOT / "tests" / "data" / "extract-digests.json"
INPUTS = ("eval/dev/articles.jsonl", "eval/seed/seed-article.jsonl", "eval/dev2/articles.jsonl")


def extract_lines(shared: Path = SHARED) -> list[str]:
    """The extract output of every evaluation article, as the command writes it."""
    from khabar.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        status = main(["extract", *(str(shared / p) for p in INPUTS), "-o", str(out)])
        if status != 0:
            raise SystemExit(f"extract failed with status {status}")
        return out.read_text(encoding="utf-8").splitlines()


def digests(lines: list[str]) -> dict[str, str]:
    """Article id -> sha256 of its output line."""
    return {json.loads(line)["id"]: hashlib.sha256(line.encode("utf-8")).hexdigest() for line in lines}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store today's digests as the reference")
    args = parser.parse_args(argv)
    now = digests(extract_lines())
    if args.write:
        DIGESTS.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(now)} digests to {DIGESTS}")
        return 0
    stored = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(k for k in stored.keys() | now.keys() if stored.get(k) != now.get(k))
    print("\n".join(changed) or f"all {len(now)} articles identical")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
