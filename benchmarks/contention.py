"""The pipeline alone, then beside a busy process: BLAS pinned to one thread per process keeps them apart.

usage: .venv/bin/python benchmarks/contention.py [--n 40] [--unpinned]

Runs the default pipeline over N articles of ../shared/data/corpus/ant-2018.jsonl.gz
alone, then again while a subprocess spins numpy matmuls (itself limited to one BLAS
thread, as another worker would be), and prints ms/article for both and their ratio.
The goal is a ratio of 1.3 or less on a machine with two or more cores.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS, load_articles  # noqa: E402

import khabar.stages  # noqa: E402, F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline  # noqa: E402

BUSY = """
import numpy as np
from threadpoolctl import threadpool_limits
threadpool_limits(limits=1, user_api="blas")
a = np.random.default_rng(0).standard_normal((256, 256))
while True:
    a = np.tanh(a @ a.T)
"""


def ms_per_article(pipeline: Pipeline, articles: list) -> float:
    start = time.perf_counter()
    for _ in pipeline.run_many(articles):
        pass
    return (time.perf_counter() - start) * 1000 / len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--unpinned", action="store_true", help="leave BLAS threads at the library default (the old behaviour)")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    articles = load_articles(args.n)
    pipeline = Pipeline.build(Options(blas_threads=None) if args.unpinned else None)
    ms_per_article(pipeline, articles[:5])  # warm up: resources load lazily
    alone = ms_per_article(pipeline, articles)
    busy = subprocess.Popen([sys.executable, "-c", BUSY])
    try:
        time.sleep(1.0)
        beside = ms_per_article(pipeline, articles)
    finally:
        busy.kill()
        busy.wait()
    print(f"contention, {len(articles)} articles, BLAS {'unpinned' if args.unpinned else 'pinned to 1 thread'}:")
    print(f"  alone:              {alone:8.1f} ms/article")
    print(f"  beside busy process:{beside:8.1f} ms/article")
    print(f"  ratio:              {beside / alone:8.2f} (goal <= 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
