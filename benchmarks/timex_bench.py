"""Side by side: khabar's time stage against dateparser.search_dates.

Accuracy on the dev gold (detection F1 and value F1, matched as score.py
matches), speed in articles per second on the first N articles of the ANT
corpus. Both systems get the article's own date as the anchor.

    .venv/bin/python benchmarks/timex_bench.py [--n 1000]

Skips (exit 0) when ../shared is not present.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

from khabar.evaluate.scoring import score
from khabar.ingest.readers import article_from_record
from khabar.doc import Article
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline, lookup

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles.jsonl"
DEV_GOLD = SHARED / "eval" / "dev" / "gold.jsonl"
CORPUS = SHARED / "data" / "corpus" / "ant-2018.jsonl.gz"
# The layers the time stage requires, made by the stages of the same names.
TIME_REQUIRES = tuple(lookup("time").requires)


def read_articles(lines) -> list[Article]:
    return [article_from_record(json.loads(line), "bench", i) for i, line in enumerate(lines, 1) if line.strip()]


def khabar_system(pipeline: Pipeline):
    """A function article -> timex records, through the time stage and the stages it requires."""
    def run(article: Article) -> list[dict]:
        doc = pipeline.run(article)
        return [{"text": article.text[t.start:t.end], "value": t.value} for t in doc.get("timexes")]
    return run


def dateparser_system():
    """A function article -> timex records from dateparser.search_dates (day-level values)."""
    from dateparser.search import search_dates

    def run(article: Article) -> list[dict]:
        base = dt.datetime.combine(article.date, dt.time()) if article.date else dt.datetime.now()
        found = search_dates(article.text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
        return [{"text": text, "value": when.date().isoformat()} for text, when in found]
    return run


def accuracy(system, articles: list[Article], golds: list[dict]) -> dict:
    records = {a.id: {"timexes": system(a)} for a in articles}
    t = score(golds, records)["timexes"]
    return {"detection_f1": t["found"]["f1"], "value_f1": t["end_to_end"]["f1"],
            "value_accuracy": t["value_accuracy"]}


def speed(system, articles: list[Article]) -> float:
    start = time.perf_counter()
    for a in articles:
        system(a)
    return len(articles) / (time.perf_counter() - start)


def stage_only_speed(articles: list[Article]) -> float:
    """Articles/s of the time stage alone, on documents whose sentences are already made."""
    text_layers = Pipeline.build(Options(stages=TIME_REQUIRES))
    docs = [text_layers.run(a) for a in articles]
    run_time = lookup("time").factory(Options())
    start = time.perf_counter()
    for doc in docs:
        run_time(doc)
    return len(docs) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus articles to time (default 1000)")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not present")
        return 0
    dev = read_articles(DEV_ARTICLES.read_text(encoding="utf-8").splitlines())
    golds = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        corpus = read_articles(itertools.islice(fh, args.n))
    systems = {"khabar": khabar_system(Pipeline.build(Options(stages=TIME_REQUIRES + ("time",)))),
               "dateparser": dateparser_system()}
    print(f"dev gold: {len(dev)} articles, {sum(len(g['timexes']) for g in golds)} timexes; "
          f"speed on {len(corpus)} corpus articles")
    rates = {}
    for name, system in systems.items():
        acc = accuracy(system, dev, golds)
        rates[name] = speed(system, corpus)
        print(f"{name:<11} detection F1 {acc['detection_f1']:.3f}  value F1 {acc['value_f1']:.3f}  "
              f"value accuracy {acc['value_accuracy']:.3f}  speed {rates[name]:.1f} articles/s")
    print(f"speed ratio khabar/dateparser (khabar with {'+'.join(TIME_REQUIRES)}): "
          f"{rates['khabar'] / rates['dateparser']:.1f}x")
    alone = stage_only_speed(corpus)
    print(f"khabar time stage alone ({'+'.join(TIME_REQUIRES)} made beforehand, untimed): {alone:.1f} articles/s, "
          f"{alone / rates['dateparser']:.1f}x dateparser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
