"""Training the NER CRF: `khabar train ner FILE... [--out PATH] [--seed N]`.

The first file is the primary corpus (ANERcorp): its last `dev_fraction` of
tokens, cut at a sentence boundary, is the dev slice, never trained on. Other
files (the Wojood sample) only add training sentences, with their types mapped.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Sequence

import pycrfsuite

from .conll import Item, read
from .features import FEATURE_VERSION, sentence_features, unit_of
from .model import META_PATH, MODEL_PATH, NerModel

# Wojood's GPE is ANERcorp's LOC; its other 17 types are not names ANERcorp tags, so they become O.
TRAIN_TYPES = {"PERS": "PERS", "PER": "PERS", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def train_tags(sentence: Sequence[Item]) -> list[str]:
    """Tags mapped to the model's label set, with I- after a different type repaired to B-."""
    out, prev = [], "O"
    for item in sentence:
        prefix, _, t = item.tag.partition("-")
        t = TRAIN_TYPES.get(t)
        if t is None:
            tag = "O"
        elif prefix == "I" and prev[2:] != t:
            tag = "B-" + t
        else:
            tag = f"{prefix}-{t}"
        out.append(tag)
        prev = tag
    return out


def dev_split(sentences: list, fraction: float) -> tuple[list, list]:
    """(train, dev): dev is the last `fraction` of tokens by position, starting at a sentence boundary."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for k, s in enumerate(sentences):
        if seen >= total * (1 - fraction):
            return sentences[:k], sentences[k:]
        seen += len(s)
    return sentences, []


def train(files: list[str], out: str = str(MODEL_PATH), seed: int = 13, dev_fraction: float = 0.1,
          params: dict | None = None) -> dict:
    """Train on `files`, write the model to `out`, and return its scores on the dev slice."""
    from ...evaluate.ner import evaluate_sentences

    started = time.time()
    primary, dev = dev_split(read(files[0]), dev_fraction)
    sentences = list(primary)
    for f in files[1:]:
        sentences.extend(read(f))
    random.Random(seed).shuffle(sentences)  # the order L-BFGS sees does not matter, but keep it fixed
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features([unit_of(i.token) for i in s]), train_tags(s))
    trainer.set_params({**PARAMS, **(params or {})})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(out)
    scores = evaluate_sentences(dev, NerModel(out), keep_gpe=False) if dev else {}
    _write_meta(out, files, seed, dev_fraction, params, scores, sum(map(len, sentences)), time.time() - started)
    return scores


def _write_meta(out, files, seed, dev_fraction, params, scores, n_tokens, seconds) -> None:
    meta = {"feature_version": FEATURE_VERSION, "files": [Path(f).name for f in files], "seed": seed,
            "dev_fraction": dev_fraction, "params": {**PARAMS, **(params or {})}, "train_tokens": n_tokens,
            "train_seconds": round(seconds, 1), "dev": scores}
    path = META_PATH if Path(out).resolve() == MODEL_PATH.resolve() else Path(out).with_suffix(".meta.json")
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="khabar train ner", description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", help="CoNLL `token TAG` files; the first gives the dev slice")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dev-fraction", type=float, default=0.1)
    args = ap.parse_args(argv)
    scores = train(args.files, args.out, args.seed, args.dev_fraction)
    from ...evaluate.ner import table

    print(f"model written to {args.out}")
    if scores:
        print("dev slice of", args.files[0])
        print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
