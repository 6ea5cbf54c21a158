"""Train the word clusters the NER model uses: PPMI-SVD word vectors plus k-means.

Usage: python scripts/train_ner_clusters.py [CORPUS.jsonl.gz ...] [--out khabar/data/ner/clusters.tsv.gz]
                                            [--vectors VECTORS.npz]

`--vectors` also saves the word vectors the clusters come from, for training the
neural final pass (`khabar train ner --neural N --vectors VECTORS.npz`).

Only the ANT corpus (Apache-2.0) is used by default: SaudiNewsNet is CC BY-NC-SA,
and shipped clusters would be a work derived from it. The output is one line per
word: `word<TAB>fine<TAB>coarse`, words in khabar's normalised spelling.
Deterministic: fixed seeds, single thread.
"""
from __future__ import annotations

import argparse
import gzip
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.sparse.linalg import svds  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.training.corpus import WORD, corpus_texts  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"
DEFAULT_OUT = ROOT / "khabar" / "data" / "ner" / "clusters.tsv.gz"
VOCAB, CONTEXTS, DIM, FINE, COARSE, SEED = 60000, 2000, 100, 800, 100, 13


def corpus_tokens(paths: list[Path]):
    """Normalised tokens of every article, with digits folded to one shape."""
    for text in corpus_texts(paths):
        for tok in WORD.findall(text):
            yield "0" if tok[0].isdigit() else tok
        yield "</s>"


def cooccurrence(ids: np.ndarray, n_words: int, n_ctx: int) -> sparse.csr_matrix:
    """Counts of (word, offset-context) for offsets -2,-1,+1,+2, contexts kept apart by offset."""
    blocks = []
    for k, off in enumerate((-2, -1, 1, 2)):
        w = ids[max(0, -off): len(ids) - max(0, off)]
        c = ids[max(0, off): len(ids) - max(0, -off) if off < 0 else len(ids)]
        c = c[: len(w)]
        keep = (w < n_words) & (c < n_ctx)
        blocks.append(sparse.coo_matrix((np.ones(keep.sum(), np.float32), (w[keep], c[keep] + k * n_ctx)),
                                        shape=(n_words, 4 * n_ctx)))
    m = blocks[0]
    for b in blocks[1:]:
        m = m + b
    return m.tocsr()


def ppmi(m: sparse.csr_matrix) -> sparse.csr_matrix:
    """Positive PMI with context-distribution smoothing (alpha 0.75)."""
    m = m.tocoo()
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col / col.sum()
    pmi = np.log(m.data / total) - np.log(row[m.row] / total) - np.log(col_p[m.col])
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=m.shape)


def kmeans(x: np.ndarray, k: int, seed: int, iters: int = 25, weights: np.ndarray | None = None) -> np.ndarray:
    """Spherical k-means (cosine); returns the cluster of every row."""
    rng = np.random.default_rng(seed)
    centers = x[rng.choice(len(x), k, replace=False)].copy()
    w = np.ones(len(x), np.float32) if weights is None else weights.astype(np.float32)
    for _ in range(iters):
        assign = np.empty(len(x), np.int64)
        for s in range(0, len(x), 10000):
            assign[s:s + 10000] = np.argmax(x[s:s + 10000] @ centers.T, axis=1)
        for j in range(k):
            members = assign == j
            if members.any():
                c = (x[members] * w[members, None]).sum(axis=0)
                centers[j] = c / (np.linalg.norm(c) or 1.0)
    return assign


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", default=[str(DEFAULT_CORPUS)])
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--vectors", help="also save the word vectors (words, vectors) to this .npz")
    args = ap.parse_args(argv)
    counts = Counter(corpus_tokens([Path(p) for p in args.corpus]))
    counts.pop("</s>", None)
    vocab = [w for w, n in counts.most_common(VOCAB) if n >= 5]
    index = {w: i for i, w in enumerate(vocab)}
    unk = len(vocab) + 1  # beyond every limit, so never counted
    ids = np.fromiter((index.get(t, unk) for t in corpus_tokens([Path(p) for p in args.corpus])), np.int64)
    print(f"{len(ids)} tokens, {len(vocab)} words", file=sys.stderr)
    m = ppmi(cooccurrence(ids, len(vocab), CONTEXTS))
    u, s, _ = svds(m, k=DIM, random_state=SEED)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    if args.vectors:
        np.savez_compressed(args.vectors, words="\n".join(vocab), vectors=vec.astype(np.float32))
    fine = kmeans(vec, FINE, SEED)
    coarse = kmeans(vec, COARSE, SEED + 1)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# PPMI-SVD({DIM}) + spherical k-means ({FINE} fine, {COARSE} coarse) on {len(ids)} tokens "
                 f"of {', '.join(Path(p).name for p in args.corpus)}; built by scripts/train_ner_clusters.py\n")
        for w in vocab:
            i = index[w]
            fh.write(f"{w}\t{fine[i]}\t{coarse[i]}\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
