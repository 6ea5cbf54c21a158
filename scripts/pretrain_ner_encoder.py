"""Pretrain the NER encoder on the news corpora: masked-word prediction with a small Transformer.

Usage:
  python scripts/pretrain_ner_encoder.py prepare [CORPUS.jsonl.gz ...] --out .pretrain/corpus.npz
  python scripts/pretrain_ner_encoder.py train .pretrain/corpus.npz --out encoder.npz [--seconds 330]

`prepare` (CPU, about two minutes) turns the articles into one stream of word-type ids with
sentence starts and the hashed character n-grams of every type. `train` needs torch and runs
on a GPU when there is one (the shipped encoder: 330 s on one H200); `--parts DIR` also
writes the encoder as pieces under 12 MB each, for copying off a machine with a file limit.
Only ANT (Apache-2.0) is read: SaudiNewsNet is CC BY-NC-SA, for evaluation and benchmarks only,
and the corpus reader refuses it.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.training.corpus import WORD, corpus_texts  # noqa: E402
from khabar.entities.ner.encoder import MAX_NGRAMS, encoder_word, ngram_matrix  # noqa: E402
from khabar.training.pretrain import BUCKETS, FIRST_TYPE, T_RARE, T_SEP  # noqa: E402

CORPORA = [ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"]
_END = frozenset(".!?؟")
TYPES = 65_000  # word types kept in the stream (uint16); the rest are "rare"
PART_BYTES = 12_000_000


def articles(paths: list[Path]):
    """Each article's sentences, as lists of encoder words."""
    for text in corpus_texts(paths):
        yield list(_sentences(text))


def _sentences(text: str):
    for para in text.split("\n"):
        sent: list[str] = []
        for tok in WORD.findall(para):
            sent.append(encoder_word(tok))
            if tok in _END:
                yield sent
                sent = []
        if sent:
            yield sent


def prepare(paths: list[Path], out: str) -> None:
    counts = Counter(w for art in articles(paths) for s in art for w in s)
    types = [w for w, _ in counts.most_common(TYPES)]
    index = {w: i + FIRST_TYPE for i, w in enumerate(types)}
    ids, starts = [], []
    for art in articles(paths):
        for s in art:
            starts.append(len(ids))
            ids.extend(index.get(w, T_RARE) for w in s)
        ids.append(T_SEP)
    grams = np.zeros((len(types) + FIRST_TYPE, MAX_NGRAMS), np.int32)
    grams[FIRST_TYPE:] = ngram_matrix(types, BUCKETS)
    np.savez_compressed(out, ids=np.array(ids, np.uint16), starts=np.array(starts, np.uint32), ngrams=grams,
                        types="\n".join(types), buckets=np.array(BUCKETS))
    print(f"{len(ids)} tokens, {len(starts)} sentences, {len(types)} types -> {out}", file=sys.stderr)


def split_parts(path: str, folder: str) -> None:
    """The encoder's arrays in several .npz files under PART_BYTES each (join with `join_parts`)."""
    z = dict(np.load(path, allow_pickle=False))
    parts, size = [{}], 0
    for k, v in z.items():
        if size + v.nbytes > PART_BYTES and parts[-1]:
            parts.append({})
            size = 0
        parts[-1][k] = v
        size += v.nbytes
    Path(folder).mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(parts):
        np.savez(Path(folder) / f"encoder.part{i}.npz", **p)


def join_parts(folder: str, out: str) -> None:
    z = {}
    for p in sorted(Path(folder).glob("encoder.part*.npz")):
        z.update(np.load(p, allow_pickle=False))
    np.savez_compressed(out, **z)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("corpus", nargs="*", default=[str(c) for c in CORPORA])
    p.add_argument("--out", required=True)
    t = sub.add_parser("train")
    t.add_argument("corpus")
    t.add_argument("--out", required=True)
    t.add_argument("--seconds", type=float, default=330.0)
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--batch", type=int, default=256)
    t.add_argument("--parts", help="also write the encoder in pieces to this folder")
    t.add_argument("--tiny", action="store_true", help="a toy size, for checking the script on a CPU")
    j = sub.add_parser("join")
    j.add_argument("folder")
    j.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "prepare":
        prepare([Path(c) for c in args.corpus], args.out)
    elif args.cmd == "join":
        join_parts(args.folder, args.out)
    else:
        from khabar.training.pretrain import pretrain

        corpus = dict(np.load(args.corpus, allow_pickle=False))
        sizes = dict(dim=32, layers=1, heads=2, ff=64, emb=16, n_words=2000) if args.tiny else {}
        loss = pretrain(corpus, args.out, args.seconds, args.seed, args.batch, log=lambda m: print(m, flush=True), **sizes)
        print(f"final val loss {loss:.3f}", flush=True)
        if args.parts:
            split_parts(args.out, args.parts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
