"""Training the two-pass NER CRF: `khabar train ner FILE... [--out PATH] [--seed N] [--folds K]`.

The first file is the primary corpus (ANERcorp): its last `dev_fraction` of
tokens, cut at a sentence boundary, is the dev slice, never trained on. Other
files (the Wojood sample) only add training sentences, with their types mapped.

Pass 1 is a sentence-level CRF. Pass 2 adds, per token, the labels pass 1 gave the
same word in nearby sentences; it is trained on pass-1 labels of the training
sentences taken from K models that did not see them (jackknife), so the pass-2
weights learn how far pass-1 labels can be trusted on unseen text.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pycrfsuite

from ..entities.ner.features import (DEFAULT_FEATURES, DOC_WINDOW, FEATURE_VERSION, FeatureOptions, doc_features,
                                     doc_keys, own_features, sentence_features, unit_of, with_doc)
from ..entities.ner.model import (META_PATH, MODEL_PATH, NerModel, encoder_path, first_pass_path, neural_path,
                                  neural_paths)
from .conll import Item, read

# Wojood's GPE is ANERcorp's LOC; its other 17 types are not names ANERcorp tags, so they become O.
TRAIN_TYPES = {"PERS": "PERS", "PER": "PERS", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
FOLDS = 4  # jackknife folds for the pass-1 labels pass 2 trains on


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


def _fit(xs: list, ys: list, order: list[int], out: str, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for i in order:
        trainer.append(xs[i], ys[i])
    trainer.set_params(params)
    trainer.train(out)


def jackknife_labels(xs: list, ys: list, folds: int, seed: int, params: dict, tmp: str) -> list[list[str]]:
    """Pass-1 labels of every sentence from a model trained on the other folds (contiguous blocks)."""
    n = len(xs)
    bounds = [n * k // folds for k in range(folds + 1)]
    labels: list[list[str]] = [[] for _ in xs]
    for k in range(folds):
        held = range(bounds[k], bounds[k + 1])
        order = [i for i in range(n) if not bounds[k] <= i < bounds[k + 1]]
        random.Random(seed).shuffle(order)
        path = str(Path(tmp) / f"fold{k}.crfsuite")
        _fit(xs, ys, order, path, params)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        for i in held:
            labels[i] = tagger.tag(xs[i])
        tagger.close()
    return labels


def train(files: list[str], out: str = str(MODEL_PATH), seed: int = 13, dev_fraction: float = 0.1,
          params: dict | None = None, folds: int = FOLDS, neural: dict | None = None,
          features: FeatureOptions = DEFAULT_FEATURES) -> dict:
    """Train both passes on `files`, write them beside `out`, and return the dev-slice scores.

    With `neural` ({"epochs", "vectors"}), a BiLSTM-CRF final pass is trained on the same
    jackknife labels and written beside the CRFs; the model then uses it in place of pass 2.
    """
    import tempfile

    from ..evaluate.ner import evaluate_sentences

    started = time.time()
    primary, dev = dev_split(read(files[0]), dev_fraction)
    corpora = [primary] + [read(f) for f in files[1:]]  # each in its own order: windows stay inside a corpus
    sentences = [s for c in corpora for s in c]
    units = [[unit_of(i.token) for i in s] for s in sentences]
    xs = [sentence_features(u, features) for u in units]
    ys = [train_tags(s) for s in sentences]
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)  # the order L-BFGS sees does not matter, but keep it fixed
    full = {**PARAMS, **(params or {})}
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    _fit(xs, ys, order, str(first_pass_path(out)), full)
    with tempfile.TemporaryDirectory() as tmp:
        labels = jackknife_labels(xs, ys, folds, seed, full, tmp)
    docs, start = [], 0
    for c in corpora:
        end = start + len(c)
        docs.extend(doc_features([doc_keys(u) for u in units[start:end]], labels[start:end]))
        start = end
    _fit([with_doc(x, d) for x, d in zip(xs, docs)], ys, order, out, full)
    for old in neural_paths(out) + ([encoder_path(out)] if encoder_path(out).exists() else []):
        old.unlink()
    if neural:
        _train_neural(units, [own_features(x, d, lab) for x, d, lab in zip(xs, docs, labels)], ys, out, seed, neural)
    scores = evaluate_sentences(dev, NerModel(out, features=features), keep_gpe=False) if dev else {}
    _write_meta(out, files, seed, dev_fraction, params, folds, scores, sum(map(len, sentences)), time.time() - started,
                neural)
    return scores


def _train_neural(units, feats, ys, out: str, seed: int, neural: dict) -> None:
    from .ner_neural import train_neural

    with np.load(neural["vectors"], allow_pickle=False) as z:
        vocab, vectors = str(z["words"]).split("\n"), z["vectors"].astype(np.float32)
    encoder, tune_to = _encoder(out, neural)
    for k in range(neural.get("seeds", 1)):  # a bag: the same net from different random starts
        train_neural(units, feats, ys, vectors, vocab, neural_path(out, k), neural["epochs"], seed + k,
                     neural.get("threads", 1), encoder, tune_to)


def _encoder(out: str, neural: dict):
    """The pretrained encoder the neural pass reads, and where a tuned copy goes (None: frozen, copied as is)."""
    if not neural.get("encoder"):
        return None, None
    from ..entities.ner.encoder import Encoder

    if neural.get("tune"):
        return Encoder(neural["encoder"]), encoder_path(out)
    shutil.copyfile(neural["encoder"], encoder_path(out))
    return Encoder(encoder_path(out)), None


def _write_meta(out, files, seed, dev_fraction, params, folds, scores, n_tokens, seconds, neural=None) -> None:
    meta = {"feature_version": FEATURE_VERSION, "files": [Path(f).name for f in files], "seed": seed,
            "dev_fraction": dev_fraction, "params": {**PARAMS, **(params or {})}, "passes": 2, "folds": folds,
            "doc_window": DOC_WINDOW, "train_tokens": n_tokens,
            "neural": {k: (Path(v).name if k in ("vectors", "encoder") and v else v) for k, v in neural.items()}
            if neural else None,
            "train_seconds": round(seconds, 1), "dev": scores}
    path = META_PATH if Path(out).resolve() == MODEL_PATH.resolve() else Path(out).with_suffix(".meta.json")
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="khabar train ner", description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", help="CoNLL `token TAG` files; the first gives the dev slice")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dev-fraction", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=FOLDS, help="jackknife folds for pass 2's training labels")
    ap.add_argument("--neural", type=int, metavar="EPOCHS", help="also train the BiLSTM-CRF final pass (needs torch)")
    ap.add_argument("--vectors", help="word vectors for --neural (scripts/train_ner_clusters.py --vectors)")
    ap.add_argument("--seeds", type=int, default=1, help="neural models to train, seeds SEED, SEED+1, ... (a bag)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads for --neural")
    ap.add_argument("--encoder", help="pretrained encoder for --neural (scripts/pretrain_ner_encoder.py)")
    ap.add_argument("--tune-encoder", action="store_true", help="train the encoder on along with the tagger")
    ap.add_argument("--no-autotags", action="store_true",
                    help="without the auto-tagged stem features (the first pass scripts/build_ner_autotags.py runs)")
    args = ap.parse_args(argv)
    if args.neural and not args.vectors:
        ap.error("--neural needs --vectors")
    if args.tune_encoder and (not args.encoder or args.seeds > 1):
        ap.error("--tune-encoder needs --encoder, and one seed (each member would tune its own copy)")
    neural = ({"epochs": args.neural, "vectors": args.vectors, "seeds": args.seeds, "threads": args.threads,
               "encoder": args.encoder, "tune": args.tune_encoder} if args.neural else None)
    scores = train(args.files, args.out, args.seed, args.dev_fraction, folds=args.folds, neural=neural,
                   features=FeatureOptions(autotags=not args.no_autotags))
    from ..evaluate.ner import table

    print(f"model written to {args.out}")
    if scores:
        print("dev slice of", args.files[0])
        print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
