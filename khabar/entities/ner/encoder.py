"""A small Transformer encoder pretrained on Arabic news (masked words), run in numpy.

Each token is one word as the NER model sees it (`norm` spelling, digits folded to
"0"). Its input is the word's embedding (frequent words only) plus its hashed
character n-grams, so an unseen name still gets a vector. Pretrained by
scripts/pretrain_ner_encoder.py (torch, a GPU helps); the NER model's neural pass
reads its contextual vectors (`NeuralTagger`).
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from ...resources import WORD_CACHE

PAD, UNK, MASK = 0, 1, 2  # reserved rows of the word table; words start at FIRST_WORD
FIRST_WORD = 3
NGRAMS = (2, 3, 4)
MAX_NGRAMS = 32
MAX_LEN = 128  # positions the encoder was pretrained on; longer sentences are cut into pieces
_GELU_C = np.float32(np.sqrt(2.0 / np.pi))


def encoder_word(text: str) -> str:
    """The spelling the encoder knows a token by (already `norm`-ed): digits fold to one word, Latin to lower case."""
    return "0" if text[:1].isdigit() else text.lower()


@lru_cache(maxsize=WORD_CACHE)
def ngram_ids(word: str, buckets: int) -> tuple[int, ...]:
    """Hashed character n-grams of `<word>`, ids 1..buckets-1 (0 is padding), first MAX_NGRAMS kept."""
    s = "<" + word + ">"
    seen: dict[int, None] = {}
    for n in NGRAMS:
        for i in range(len(s) - n + 1):
            seen.setdefault(1 + zlib.crc32(s[i:i + n].encode("utf-8", "surrogatepass")) % (buckets - 1), None)
    return tuple(seen)[:MAX_NGRAMS]


def ngram_matrix(words: Sequence[str], buckets: int) -> np.ndarray:
    """The padded n-gram id table of `words` (one row each)."""
    out = np.zeros((len(words), MAX_NGRAMS), np.int64)
    for i, w in enumerate(words):
        ids = ngram_ids(w, buckets)
        out[i, :len(ids)] = ids
    return out


def pieces_of(words: Sequence[str]) -> list[list[str]]:
    """A sentence cut into runs of at most MAX_LEN words, the longest the encoder was pretrained on."""
    return [list(words[s:s + MAX_LEN]) for s in range(0, len(words), MAX_LEN)]


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-5) * g + b


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (the one the encoder was trained with)."""
    return 0.5 * x * (1.0 + np.tanh(_GELU_C * (x + 0.044715 * x * x * x)))  # x ** 3 is a slow pow()


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class Encoder:
    """The pretrained encoder's weights, and its forward pass over one sentence at a time."""

    def __init__(self, path: str | Path):
        self.path = path
        with np.load(path, allow_pickle=False) as z:
            self.w = {k: z[k].astype(np.float32) for k in z.files if k != "words"}
            self.index = {w: i + FIRST_WORD for i, w in enumerate(str(z["words"]).split("\n"))}
        self.buckets = len(self.w["ngram"])
        self.layers = int(self.w["layers"][0])
        self.heads = int(self.w["heads"][0])
        self.dim = self.w["proj"].shape[1]

    def ids(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Word-table rows and padded n-gram ids of words in norm spelling: the encoder's input."""
        known = [encoder_word(x) for x in words]
        return np.array([self.index.get(x, UNK) for x in known], np.int64), ngram_matrix(known, self.buckets)

    def embed(self, words: Sequence[str]) -> np.ndarray:
        """Input rows of a sentence's words (norm spelling), before positions are added."""
        w = self.w
        ids, grams = self.ids(words)
        return (w["word"][ids] + w["ngram"][grams].sum(axis=1)) @ w["proj"] + w["proj_b"]

    def _attention(self, x: np.ndarray, k: int, bounds: list[tuple[int, int]]) -> np.ndarray:
        """Self-attention of layer k within each piece [s, e) of the stacked rows `x`."""
        w, h = self.w, self.heads
        qkv = x @ w[f"l{k}.qkv"] + w[f"l{k}.qkv_b"]
        out = np.empty((len(x), self.dim), np.float32)
        for s, e in bounds:
            q, kk, v = qkv[s:e].reshape(e - s, 3, h, -1).transpose(1, 2, 0, 3)
            att = _softmax(q @ kk.transpose(0, 2, 1) / np.float32(np.sqrt(q.shape[-1])))
            out[s:e] = (att @ v).transpose(1, 0, 2).reshape(e - s, -1)
        return out @ w[f"l{k}.out"] + w[f"l{k}.out_b"]

    def encode_all(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Contextual vectors (len(words) x dim) of each sentence; one over MAX_LEN words is cut into pieces.

        The pieces of all sentences are stacked, so the dense layers run as a few large products."""
        w = self.w
        pieces = [p for words in sentences for p in pieces_of(words)]
        flat = [x for p in pieces for x in p]
        if not flat:
            return [np.zeros((0, self.dim), np.float32) for _ in sentences]
        ends = np.cumsum([len(p) for p in pieces])
        bounds = list(zip([0, *ends[:-1]], ends))
        pos = np.concatenate([np.arange(len(p)) for p in pieces])
        h = _layer_norm(self.embed(flat) + w["pos"][pos], w["emb_ln_g"], w["emb_ln_b"])
        for k in range(self.layers):
            h = h + self._attention(_layer_norm(h, w[f"l{k}.ln1_g"], w[f"l{k}.ln1_b"]), k, bounds)
            f = _layer_norm(h, w[f"l{k}.ln2_g"], w[f"l{k}.ln2_b"])
            h = h + gelu(f @ w[f"l{k}.ff1"] + w[f"l{k}.ff1_b"]) @ w[f"l{k}.ff2"] + w[f"l{k}.ff2_b"]
        h = _layer_norm(h, w["final_ln_g"], w["final_ln_b"])
        cuts = np.cumsum([len(words) for words in sentences])[:-1]
        return np.split(h, cuts)

    def encode(self, words: Sequence[str]) -> np.ndarray:
        """Contextual vectors (len(words) x dim) of one sentence."""
        return self.encode_all([words])[0]
