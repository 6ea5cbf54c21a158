"""Does one article's cost grow linearly with its length? (issue 18)

Builds long texts by concatenating real ANT articles (in corpus order) to
each size, runs the default pipeline once per size, and prints seconds,
microseconds per character, peak traced memory and memory per character,
with per-stage seconds. Flat us/char and bytes/char mean linear cost.

    .venv/bin/python benchmarks/scaling.py [--sizes 10000,30000,100000]
        [--max-seconds 120] [--stages]

Stops after the first size that takes longer than --max-seconds.
Skips (exit 0) when ../shared is not present.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
import tracemalloc
from pathlib import Path

from khabar.doc import Article
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "ant-2018.jsonl.gz"
DEFAULT_SIZES = "10000,30000,100000,300000,1000000"


def long_text(size: int, path: Path = CORPUS) -> str:
    """Whole corpus articles joined by blank lines until `size` characters, cut there."""
    parts, total = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = (json.loads(line).get("text") or "").strip()
            if not text:
                continue
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def run_once(pipeline: Pipeline, text: str) -> tuple[float, int, dict[str, float]]:
    article = Article(id="long", text=text, date=dt.date(2018, 1, 1))
    per_stage: dict[str, float] = {}
    tracemalloc.start()
    start = time.perf_counter()
    doc = pipeline.prepare(article)
    for spec, fn in pipeline.steps():
        t0 = time.perf_counter()
        fn(doc)
        per_stage[spec.id] = time.perf_counter() - t0
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, per_stage


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated character counts")
    ap.add_argument("--max-seconds", type=float, default=120.0,
                    help="do not try a larger size after one that took longer than this")
    ap.add_argument("--stages", action="store_true", help="print seconds per stage too")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skip: {CORPUS} not present")
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    pipeline = Pipeline.build(Options())
    pipeline.run(Article(id="warm", text=long_text(2000), date=dt.date(2018, 1, 1)))  # load models
    print(f"{'chars':>9} {'seconds':>9} {'us/char':>8} {'peak MB':>8} {'B/char':>7}")
    for size in sizes:
        text = long_text(size)
        seconds, peak, per_stage = run_once(pipeline, text)
        n = len(text)
        print(f"{n:>9} {seconds:>9.2f} {seconds / n * 1e6:>8.1f} {peak / 1e6:>8.1f} {peak / n:>7.0f}", flush=True)
        if args.stages:
            for stage, s in per_stage.items():
                print(f"{'':>9}   {stage:<22} {s:>8.2f}s {s / n * 1e6:>8.1f} us/char")
        if seconds > args.max_seconds:
            print(f"stop: {n} characters took over {args.max_seconds:.0f} s")
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
