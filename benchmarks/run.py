"""The benchmark runner: full-pipeline speed against spaCy tokenisation, measured in the same run.

usage: .venv/bin/python benchmarks/run.py [--n 500] [--only pipeline,timex,ner,quotes,store]

Prints articles per second for the full khabar pipeline on N articles of
../shared/data/corpus/ant-2018.jsonl.gz, spaCy `blank("ar")` tokenisation of
the same texts, the ratio between them, and each stage's share of the
pipeline time. The other benchmark files in this folder run after it when
their names are given with --only (or all of them by default).
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from khabar.ingest.readers import article_from_record
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Pipeline

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPUS = SHARED / "data/corpus/ant-2018.jsonl.gz"
EXTRA = {"timex": "timex_bench.py", "ner": "ner_bench.py", "quotes": "quotes_bench.py", "store": "store_bench.py",
         "events": "events_bench.py"}


def load_articles(n: int) -> list:
    """The first n articles of the ANT corpus with a usable text."""
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                out.append(article_from_record(record, str(CORPUS), number))
            if len(out) == n:
                break
    return out


def time_pipeline(articles: list) -> tuple[float, dict[str, float]]:
    """Seconds for the whole pipeline, and seconds per stage."""
    pipeline = Pipeline.build()
    per_stage: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for article in articles:
        doc = pipeline.prepare(article)
        for spec, fn in pipeline.steps():
            t0 = time.perf_counter()
            fn(doc)
            per_stage[spec.id] += time.perf_counter() - t0
    return time.perf_counter() - start, dict(per_stage)


def time_spacy(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("ar")
    start = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return time.perf_counter() - start


def bench_pipeline(n: int) -> None:
    articles = load_articles(n)
    Pipeline.build().run(articles[0])  # load models and lexicons outside the timing
    total, per_stage = time_pipeline(articles)
    spacy_s = time_spacy([a.text for a in articles])
    chars = sum(len(a.text) for a in articles)
    print(f"articles                     {len(articles)} ({chars / len(articles):.0f} characters on average)")
    print(f"khabar full pipeline         {len(articles) / total:10.1f} articles/s  ({total:.2f} s)")
    print(f"spaCy blank('ar') tokenise   {len(articles) / spacy_s:10.1f} articles/s  ({spacy_s:.2f} s)")
    print(f"ratio khabar / spaCy         {spacy_s / total:10.4f}  (spaCy is {total / spacy_s:.1f}x faster: "
          f"it only tokenises)")
    for stage, seconds in per_stage.items():
        print(f"  stage {stage:20} {1000 * seconds / len(articles):8.2f} ms/article  {100 * seconds / total:5.1f}%")


def run_extra(name: str, n: int) -> None:
    path = HERE / EXTRA[name]
    if not path.exists():
        print(f"({name}: {path.name} not present)")
        return
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print(f"\n== {name} ==")
    sys.argv = [str(path)]
    module.main()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--only", default="pipeline," + ",".join(EXTRA))
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return
    wanted = args.only.split(",")
    if "pipeline" in wanted:
        print("== pipeline ==")
        bench_pipeline(args.n)
    for name in wanted:
        if name in EXTRA:
            run_extra(name, args.n)


if __name__ == "__main__":
    main()
