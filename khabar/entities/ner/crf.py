"""A crfsuite model read into numpy: the same Viterbi labels and marginals, whole documents at a time.

pycrfsuite takes every feature of every token as a Python string, one sentence per call; building and
passing those strings was most of the NER stage's time. Here each word type's features are summed once
into a score vector per label (a word and its neighbours' view of it), and a document's sentences are
decoded together, padded into one array.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pycrfsuite

from ...errors import ResourceError

BLOCK = 256  # sentences decoded together: bounds the padded arrays of a very long document


@dataclass(frozen=True)
class CrfWeights:
    """A linear-chain CRF's weights: attribute -> row of per-label state weights, and label transitions."""

    labels: tuple[str, ...]
    index: dict[str, int]
    state: np.ndarray  # (attributes, labels)
    trans: np.ndarray  # (labels from, labels to)

    @classmethod
    def read(cls, path: str | Path) -> "CrfWeights":
        """The weights of a crfsuite model file, exactly: `Tagger.info()` names the attributes and labels,
        but rounds the weights to six decimals, so they are read from the file's feature chunk."""
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(sorted(info.labels, key=lambda lab: int(info.labels[lab])))
        index = {a: int(k) for a, k in info.attributes.items()}
        if sorted(index.values()) != list(range(len(index))):
            raise ResourceError(f"{Path(path).name}: attribute ids are not 0..{len(index) - 1}")
        feats = _features(Path(path))
        state = np.zeros((len(index) + 1, len(labels)))  # the last row: attributes the model never saw
        trans = np.zeros((len(labels), len(labels)))
        kind = feats["type"]
        state[feats["src"][kind == 0], feats["dst"][kind == 0]] = feats["w"][kind == 0]
        trans[feats["src"][kind == 1], feats["dst"][kind == 1]] = feats["w"][kind == 1]
        return cls(labels, index, state, trans)

    @classmethod
    def stacked(cls, models: Sequence["CrfWeights"]) -> "CrfWeights":
        """Several CRFs' state weights side by side over one attribute index (labels: columns in order),
        so that one lookup per feature scores a token under all of them; not for decoding."""
        index: dict[str, int] = {}
        for m in models:
            for a in m.index:
                index.setdefault(a, len(index))
        state = np.zeros((len(index) + 1, sum(len(m.labels) for m in models)))
        col = 0
        for m in models:
            rows = np.array([index[a] for a in m.index], dtype=np.int64)
            state[rows, col:col + len(m.labels)] = m.state[:-1]
            col += len(m.labels)
        return cls(tuple(lab for m in models for lab in m.labels), index, state, np.zeros((0, 0)))

    def vector(self, features: Iterable[str]) -> np.ndarray:
        """The summed state weights of a bag of attributes (unknown ones weigh nothing, as in crfsuite)."""
        get, unknown = self.index.get, len(self.index)
        rows = [get(f, unknown) for f in features]
        return self.state[rows].sum(axis=0) if rows else self.state[unknown].copy()

    def viterbi(self, scores: Sequence[np.ndarray]) -> list[list[str]]:
        """The best label sequence of each sentence, given its (tokens, labels) state scores."""
        out: list[list[str]] = []
        for block in _blocks(scores):
            out.extend(self._viterbi_block(block))
        return out

    def marginals(self, scores: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Each sentence's (tokens, labels) table of label probabilities."""
        out: list[np.ndarray] = []
        for block in _blocks(scores):
            out.extend(self._marginals_block(block))
        return out

    def _viterbi_block(self, block: Sequence[np.ndarray]) -> list[list[str]]:
        e, lengths = _padded(block)
        b, n, nl = e.shape
        back = np.zeros((b, n, nl), dtype=np.int64)
        delta = e[:, 0].copy()
        for t in range(1, n):
            cand = delta[:, :, None] + self.trans[None]  # (sentences, from, to)
            back[:, t] = cand.argmax(axis=1)  # the first best, as crfsuite breaks ties
            delta = np.where((t < lengths)[:, None], cand.max(axis=1) + e[:, t], delta)
        return [self._backtrack(delta[s], back[s], int(lengths[s])) for s in range(b)]

    def _backtrack(self, last: np.ndarray, back: np.ndarray, length: int) -> list[str]:
        path = [int(last.argmax())]
        for t in range(length - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        return [self.labels[k] for k in reversed(path)]

    def _marginals_block(self, block: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Scaled forward-backward in probability space, as crfsuite computes it."""
        e, lengths = _padded(block)
        b, n, _ = e.shape
        ex = np.exp(e - e.max(axis=2, keepdims=True))  # a per-token constant cancels out of the marginals
        ext = np.exp(self.trans)
        alpha, beta = np.empty_like(ex), np.ones_like(ex)
        scale = np.ones((b, n, 1))
        alpha[:, 0] = ex[:, 0]
        for t in range(n):
            if t:
                alpha[:, t] = (alpha[:, t - 1] @ ext) * ex[:, t]
            scale[:, t] = alpha[:, t].sum(axis=1, keepdims=True)
            alpha[:, t] /= scale[:, t]
        for t in range(n - 2, -1, -1):
            nxt = ((ex[:, t + 1] * beta[:, t + 1]) @ ext.T) / scale[:, t + 1]
            beta[:, t] = np.where((t + 1 < lengths)[:, None], nxt, 1.0)
        out = []
        for s in range(b):
            joint = alpha[s, :lengths[s]] * beta[s, :lengths[s]]
            out.append(joint / joint.sum(axis=1, keepdims=True))
        return out


# crfsuite's model file (crf1d_model.c): a 48-byte header of little-endian uint32s, then chunks; the
# feature chunk ("FEAT", size, count) holds (type, source, destination, float64 weight) records, type 0
# for (attribute, label) state features and 1 for (label, label) transitions.
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


def _features(path: Path) -> np.ndarray:
    data = path.read_bytes()
    try:
        magic, _, kind, _, _, _, _, offset, *_ = _HEADER.unpack_from(data, 0)
        chunk, _, count = _CHUNK.unpack_from(data, offset)
    except struct.error:
        raise ResourceError(f"{path.name}: too short for a crfsuite model") from None
    if magic != b"lCRF" or kind != b"FOMC" or chunk != b"FEAT":
        raise ResourceError(f"{path.name}: not a crfsuite CRF1d model (magic {magic!r}, chunk {chunk!r})")
    return np.frombuffer(data, dtype=_FEATURE, count=count, offset=offset + _CHUNK.size)


def _blocks(scores: Sequence[np.ndarray]) -> Iterable[Sequence[np.ndarray]]:
    for start in range(0, len(scores), BLOCK):
        yield scores[start:start + BLOCK]


def _padded(block: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Sentences' scores in one (sentences, longest, labels) array, zeros past each end, and the lengths."""
    lengths = np.array([len(x) for x in block])
    e = np.zeros((len(block), int(lengths.max()), block[0].shape[1]))
    for s, x in enumerate(block):
        e[s, :len(x)] = x
    return e, lengths
