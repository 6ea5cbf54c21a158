"""The neural final pass of the NER model: a BiLSTM-CRF run in numpy, no torch needed.

It reads, per token, the pretrained word vectors of the word and of its stem, a
character CNN, and a bag of the CRF's own features plus the document features
from the first-pass labels (`features.own_features`). Trained by
khabar/training/ner_neural.py (torch, training only); exported to `ner.nn.npz`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from .features import MAX_CHARS, Unit, char_ids, feature_bag, norm, word_ids

_GATES = 4  # torch's LSTM gate order: input, forget, cell, output


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger:
    """Label marginals from the exported BiLSTM-CRF weights (the model decodes them mixed with the CRF's)."""

    def __init__(self, path: str | Path, encoder=None):
        with np.load(path, allow_pickle=False) as z:
            self.w = {k: z[k].astype(np.float32) for k in z.files if k not in ("words", "chars", "feats", "tags")}
            self.words = {w: i + 1 for i, w in enumerate(str(z["words"]).split("\n"))}
            self.chars = {c: i + 2 for i, c in enumerate(str(z["chars"]))}
            self.feats = {f: i + 1 for i, f in enumerate(str(z["feats"]).split("\n"))}
            self.tags = str(z["tags"]).split("\n")
        self.uses_encoder = "enc_scale" in self.w
        if self.uses_encoder and encoder is None:
            raise ValueError(f"{path}: this neural pass reads the pretrained encoder, and none was given")

    def inputs(self, units: Sequence[Unit], feats: Sequence[Sequence[str]], enc: np.ndarray | None = None) -> np.ndarray:
        """The BiLSTM's input rows of one sentence (`enc`: its encoder vectors, when the model reads them)."""
        w = self.w
        ws, ss = word_ids(units, self.words)
        chars = w["cemb"][char_ids(units, self.chars)]  # n x MAX_CHARS x C
        windows = np.concatenate([np.pad(chars, ((0, 0), (1, 1), (0, 0)))[:, k:k + MAX_CHARS] for k in range(3)], 2)
        conv = np.maximum(windows @ w["conv"] + w["conv_b"], 0).max(axis=1)
        bag = np.stack([w["femb"][ids].sum(axis=0) for ids in feature_bag(feats, self.feats)])
        rows = [w["wemb"][ws], w["wemb"][ss], conv, bag]
        if self.uses_encoder:
            rows.append(enc * w["enc_scale"])
        return np.concatenate(rows, axis=1)

    def _lstm(self, xs: list[np.ndarray], d: str) -> list[np.ndarray]:
        """One direction of the LSTM over a batch of sentences, padded at the end."""
        w = self.w
        n = max(len(x) for x in xs)
        hid = w["whh" + d].shape[1]
        x = np.zeros((len(xs), n, xs[0].shape[1]), np.float32)
        for b, s in enumerate(xs):
            x[b, :len(s)] = s
        pre = x @ w["wih" + d].T + w["b" + d]
        h = np.zeros((len(xs), hid), np.float32)
        c = np.zeros_like(h)
        out = np.empty((len(xs), n, hid), np.float32)
        for t in range(n):
            g = pre[:, t] + h @ w["whh" + d].T
            i, f, cell, o = np.split(g, _GATES, axis=1)
            c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(cell)
            h = _sigmoid(o) * np.tanh(c)
            out[:, t] = h
        return [out[b, :len(s)] for b, s in enumerate(xs)]

    def emissions(self, inputs: list[np.ndarray]) -> list[np.ndarray]:
        """Tag scores of every token of a batch of sentences."""
        fwd = self._lstm(inputs, "")
        bwd = [h[::-1] for h in self._lstm([x[::-1] for x in inputs], "_r")]
        return [np.concatenate([f, b], 1) @ self.w["out"].T + self.w["out_b"] for f, b in zip(fwd, bwd)]

    def marginals(self, e: np.ndarray) -> np.ndarray:
        """Per-token label marginals (forward-backward) of one sentence's emissions."""
        return _marginals(e, self.w["trans"], self.w["start"], self.w["end"])

    def marginals_doc(self, doc: Sequence[Sequence[Unit]], feats: Sequence[Sequence[Sequence[str]]], encs=None):
        """The marginals table of every sentence of a document (no rows for an empty sentence)."""
        out = [np.zeros((len(u), len(self.tags)), np.float32) for u in doc]
        keep = [k for k, u in enumerate(doc) if len(u)]
        encs = encs or [None] * len(doc)
        if keep:
            for k, e in zip(keep, self.emissions([self.inputs(doc[k], feats[k], encs[k]) for k in keep])):
                out[k] = self.marginals(e)
        return out


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def _marginals(e: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    n = len(e)
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    alpha[0] = start + e[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + e[t]
    beta[-1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (e[t + 1] + beta[t + 1])[None, :], 1)
    z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - z)


class NeuralBag:
    """BiLSTM-CRFs trained with different seeds: their marginals are averaged."""

    def __init__(self, paths: Sequence[str | Path], encoder_path: str | Path | None = None):
        from .encoder import Encoder

        self.encoder = Encoder(encoder_path) if encoder_path else None
        self.members = [NeuralTagger(p, self.encoder) for p in paths]
        self.tags = self.members[0].tags
        if any(m.tags != self.tags for m in self.members):
            raise ValueError(f"neural models with different label sets: {', '.join(map(str, paths))}")

    def marginals_doc(self, doc: Sequence[Sequence[Unit]], feats: Sequence[Sequence[Sequence[str]]]):
        """The members' mean marginals table of every sentence of a document."""
        encs = encode_doc(self.encoder, doc) if self.encoder is not None else None
        runs = [m.marginals_doc(doc, feats, encs) for m in self.members]
        return [sum(tables) / len(runs) for tables in zip(*runs)]


def encode_doc(encoder, doc: Sequence[Sequence[Unit]]) -> list[np.ndarray]:
    """The encoder's vectors of every sentence of a document."""
    return encoder.encode_all([[norm(u[0]) for u in units] for units in doc])
