"""Print ASSAULT and PROTEST events per 100 sentences of a set of articles, with each event for checking by hand.

The dev articles carry no event gold, so every event is listed with its
sentence: the false-alarm figure is the number judged wrong per 100
sentences, and the printed rate is its upper bound.

usage: python scripts/event_false_alarms.py [ARTICLES.jsonl] [--stages a,b,c]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from khabar.ingest.readers import read_inputs
import khabar.stages  # noqa: F401  registers the built-in stages
from khabar.pipeline import Options, Pipeline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles.jsonl"
WATCHED = ("ASSAULT", "PROTEST")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", default=str(DEFAULT))
    ap.add_argument("--stages", default="sentences,tokens,events")
    args = ap.parse_args(argv)
    pipeline = Pipeline.build(Options(stages=tuple(args.stages.split(","))))
    sentences = events = 0
    for article in read_inputs([args.articles]):
        if isinstance(article, Exception):
            print(f"skipped: {article}", file=sys.stderr)
            continue
        doc = pipeline.run(article)
        sentences += len(doc.get("sentences"))
        for e in doc.get("events"):
            if e.type in WATCHED:
                events += 1
                ev = doc.text[e.evidence.start:e.evidence.end].replace("\n", " ")
                print(f"{article.id}\t{e.type}\t{e.mode}\t{doc.text[e.trigger.start:e.trigger.end]}\t{ev[:160]}")
    rate = 100 * events / sentences if sentences else 0.0
    print(f"\n{events} ASSAULT/PROTEST events in {sentences} sentences: {rate:.2f} per 100 sentences (upper bound "
          f"of the false-alarm rate; judge the lines above by hand)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
