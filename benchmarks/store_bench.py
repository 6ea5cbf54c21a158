"""Store benchmark: ingest N ANT articles into SQLite, re-run (must be a no-op), then search latency p50/p99.

    .venv/bin/python benchmarks/store_bench.py --n 5000 [--stages sentences,tokens,time] [--db /tmp/bench.db]

Needs /work/shared (the ANT corpus); prints one JSON object with every measured number.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from khabar.ingest.readers import read_inputs
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline
from khabar.store import Filters, StoreOptions, open_store, queries, schema
from khabar.analysis import ingest_items
from khabar.store.progress import progress_bar

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"
QUERIES = ["محادثات", "الرئيس", "السعودية", "ترامب", "النفط", "كوريا الشمالية", "الاتفاق النووي", "والمحادثات",
           "الأمم المتحدة", "كرة القدم", "أسعار", "الحكومة اللبنانية"]


def sample(n: int, out: Path, stride: int) -> Path:
    """Every `stride`-th article, up to n: the corpus is ordered by outlet and section, so the head is all culture."""
    written = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if written >= n:
                break
            if i % stride == 0:
                dst.write(line)
                written += 1
    return out


def timed_ingest(store, pipeline, path: Path, progress: bool) -> dict:
    items = list(read_inputs([str(path)]))
    with progress_bar(len(items), "ingest", progress) as advance:
        report = ingest_items(store, pipeline, items, advance)
    return {"read": report.read, "inserted": report.inserted, "unchanged": report.unchanged, "failed": report.failed,
            "seconds": round(report.seconds, 2), "articles_per_s": round(report.rate, 1)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def search_latency(store, repeats: int) -> dict:
    ms = {"with_snippets": [], "ids_only": []}
    with store.engine.connect() as conn:
        for _ in range(repeats):
            for q in QUERIES:
                for key, snippets in (("with_snippets", True), ("ids_only", False)):
                    t = time.perf_counter()
                    queries.search(conn, store.fts, Filters(q=q), limit=20, snippets=snippets)
                    ms[key].append((time.perf_counter() - t) * 1000)
    return {k: {"queries": len(v), "p50_ms": round(statistics.median(v), 2), "p99_ms": round(percentile(v, 99), 2)}
            for k, v in ms.items()}


def clitic_check(store) -> dict:
    """Articles whose text has والمحادثات, and how many of them a search for محادثات returns."""
    a = schema.articles
    with store.engine.connect() as conn:
        with_waw = set(conn.scalars(select(a.c.id).where(a.c.text.contains("والمحادثات"))))
        found = queries.search(conn, store.fts, Filters(q="محادثات"), limit=100000, snippets=False)
    ids = {r["id"] for r in found["items"]}
    return {"articles_with_waw_al_form": len(with_waw), "found_by_stem_query": len(with_waw & ids),
            "total_hits_for_stem": found["total"]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--db", default=None, help="SQLite path (default: a fresh temporary file)")
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: the full pipeline)")
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--stride", type=int, default=6, help="take every k-th article (31,485 / 6 > 5,000)")
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="khabar-bench-"))
    db = args.db or str(tmp / "bench.db")
    stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else None
    pipeline = Pipeline.build(Options(stages=stages))
    path = sample(args.n, tmp / "sample.jsonl", args.stride)
    result = {"n": args.n, "db": db, "pipeline": pipeline.provenance}
    with open_store(StoreOptions(db=db)) as store:
        result["first_ingest"] = timed_ingest(store, pipeline, path, not args.no_progress)
        counts = store.counts()
        result["rerun"] = timed_ingest(store, pipeline, path, not args.no_progress)
        result["rerun_noop"] = store.counts() == counts
        with store.engine.connect() as conn:
            distinct = conn.scalar(select(func.count(schema.articles.c.id.distinct())))
        result["counts"] = counts
        result["duplicate_ids"] = counts["articles"] - distinct
        result["search"] = search_latency(store, args.repeats)
        result["clitic"] = clitic_check(store)
    result["db_bytes"] = Path(db).stat().st_size
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
