"""Parallel ingest and batch: articles/s with 1 and N worker processes, and their ratio.

usage: .venv/bin/python benchmarks/workers.py [--n 400] [--workers 2] [--only ingest|batch]

Ingests (into scratch SQLite stores) and batches (into scratch Parquet folders) the first N
articles of ../shared/data/corpus/ant-2018.jsonl.gz with the default pipeline, once with one
process and once with --workers N, each as its own `khabar` command, and prints wall time,
articles/s and the speed-up. The goal on 2 cores is a speed-up of 1.8 or more.
"""
from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS  # noqa: E402

KHABAR = [sys.executable, "-m", "khabar.cli"]


def sample(n: int, path: Path) -> Path:
    """The first n ANT articles as a JSONL file."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for k, line in enumerate(src):
            if k >= n:
                break
            dst.write(line)
    return path


def seconds(cmd: list[str]) -> float:
    """Wall time of one command, which must succeed."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def command(kind: str, src: Path, tmp: Path, workers: int) -> list[str]:
    if kind == "ingest":
        return [*KHABAR, "ingest", "-q", "--db", str(tmp / f"w{workers}.db"), "--workers", str(workers), str(src)]
    return [*KHABAR, "batch", "--quiet", "--out", str(tmp / f"b{workers}"), "--workers", str(workers), str(src)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", choices=("ingest", "batch"))
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        src = sample(args.n, tmp / "in.jsonl")
        for kind in [args.only] if args.only else ["ingest", "batch"]:
            one = seconds(command(kind, src, tmp, 1))
            many = seconds(command(kind, src, tmp, args.workers))
            print(f"{kind}: {args.n} articles; 1 worker {one:.1f} s ({args.n / one:.1f} articles/s), "
                  f"{args.workers} workers {many:.1f} s ({args.n / many:.1f} articles/s); speed-up {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
