"""Speed of the quotes stage: time per article and its share of the full pipeline.

Runs the default pipeline stage by stage on the first N articles of the ANT
corpus and reports, per stage, milliseconds per article and the share of the
total; the quotes stage's line is the one this benchmark is for.

    .venv/bin/python benchmarks/quotes_bench.py [--n 300]

Skips (exit 0) when ../shared is not present.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path

from khabar.ingest.readers import article_from_record
from khabar.doc import Doc
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline, lookup

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "ant-2018.jsonl.gz"


def read_corpus(n: int) -> list:
    """The first n articles of the corpus."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        lines = [line for line in itertools.islice(fh, n) if line.strip()]
    return [article_from_record(json.loads(line), "bench", i) for i, line in enumerate(lines, 1)]


def time_stages(pipeline: Pipeline, articles: list) -> tuple[Counter, int, int]:
    """Seconds spent in each stage over all articles, the number of articles run and of quotes found."""
    spent: Counter = Counter()
    fns = [(spec.id, spec.factory(pipeline.options)) for spec in pipeline.specs]
    # the rules alone (quotes.v1) on the same documents, as the baseline of the re-ranked quotes.v2
    rules = lookup("quotes.v1").factory(pipeline.options)
    done = quotes = 0
    for n, article in enumerate(articles):
        doc = Doc(article)
        try:
            for stage_id, fn in fns:
                if stage_id == "quotes.v2":
                    base = _before_quotes(doc)
                    # by turns first and second, so neither side gains from what the other warmed
                    spent["quotes.v1 (baseline)"] += _timed(rules, base) if n % 2 else 0.0
                t0 = time.perf_counter()
                fn(doc)
                spent[stage_id] += time.perf_counter() - t0
                if stage_id == "quotes.v2" and not n % 2:
                    spent["quotes.v1 (baseline)"] += _timed(rules, base)
        except Exception as err:  # one bad article must not stop the benchmark
            print(f"skipped {article.id}: {err}", file=sys.stderr)
            continue
        done += 1
        quotes += len(doc.get("quotes") or [])
    return spent, done, quotes


def _before_quotes(doc: Doc) -> Doc:
    """A copy of the document with the layers quotes.v1 reads, for the baseline to add its quotes to."""
    copy = Doc(doc.article)
    for layer in lookup("quotes.v1").reads:
        if doc.has(layer):
            copy.add(layer, doc.get(layer), doc.owner(layer))
    return copy


def _timed(fn, doc: Doc) -> float:
    t0 = time.perf_counter()
    fn(doc)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles to run (default 300)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    articles = read_corpus(args.n)
    pipeline = Pipeline.build(Options())
    if not any(s.name == "quotes" for s in pipeline.specs):
        print("skipped: the quotes stage is not registered")
        return 0
    spent, done, quotes = time_stages(pipeline, articles)
    baseline = spent.pop("quotes.v1 (baseline)", 0.0)
    total = sum(spent.values())
    print(f"articles {done}  quotes {quotes}  pipeline {1000 * total / max(done, 1):.1f} ms/article")
    for stage_id, seconds in spent.items():
        print(f"  {stage_id:14} {1000 * seconds / max(done, 1):8.2f} ms/article  {100 * seconds / total:5.1f}%")
    if baseline and spent.get("quotes.v2"):
        print(f"  quotes.v1 (the rules alone, same documents) {1000 * baseline / max(done, 1):.2f} ms/article; "
              f"quotes.v2 / quotes.v1 = {spent['quotes.v2'] / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
