"""NER speed on one core: model load time and tokens per second over real news articles.

usage: python benchmarks/ner_bench.py [N_ARTICLES]   (reads ../shared/data/corpus/ant-2018.jsonl.gz)
Tokenisation is done before the clock starts: the figure is the NER stage alone. When the
shipped model has its neural pass, the same articles are tagged again with the CRFs alone,
in the same process, as the baseline the neural pass's cost is a ratio of.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"


def articles(n: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        # every 50th article, so the sample spans outlets and months
        return [json.loads(line)["text"] for line in itertools.islice(fh, 0, n * 50, 50)]


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 300
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    t0 = time.perf_counter()
    from khabar.entities.ner.model import load

    model = load()
    load_s = time.perf_counter() - t0
    from khabar.entities.ner.stage import find_mentions
    from khabar.text.sentences import split_sentences
    from khabar.text.tokens import tokenize

    docs = []
    for text in articles(n):
        toks = [t for s in split_sentences(text) for t in tokenize(text, s.start, s.end)]
        docs.append((text, toks))
    n_tokens = sum(len(t) for _, t in docs)
    secs, n_mentions = _timed(docs, model, find_mentions)
    print(f"model load (CRFs, any neural pass, gazetteers, clusters): {load_s:.2f} s")
    print(f"NER: {n_tokens} tokens in {len(docs)} articles, {secs:.2f} s, {n_tokens / secs:,.0f} tokens/s on one core, "
          f"{n_mentions} mentions")
    if model.neural is not None:
        neural, model.neural = model.neural, None
        base, base_mentions = _timed(docs, model, find_mentions)
        model.neural = neural
        print(f"baseline, CRFs alone: {base:.2f} s, {n_tokens / base:,.0f} tokens/s, {base_mentions} mentions; "
              f"with the neural pass {secs / base:.2f}x the time")
    return 0


def _timed(docs, model, find_mentions) -> tuple[float, int]:
    t0 = time.perf_counter()
    n_mentions = sum(len(find_mentions(text, toks, model)) for text, toks in docs)
    return time.perf_counter() - t0, n_mentions


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
