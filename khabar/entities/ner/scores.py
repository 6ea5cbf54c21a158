"""State scores of sentences under one CRF, built from the features of features.py without their strings.

A token's features are its own, its ±2 neighbours' context features (prefixed by offset), the phrase
tags around it, two stem bigrams and, in a second pass, document features. All but the bigrams and
phrases belong to one word type, so each type's five score vectors (own, and as seen from each
offset) are summed once and reused; the result equals the sum crfsuite makes from the strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...resources import WORD_CACHE
from .crf import CrfWeights
from .features import OFFSETS, FeatureOptions, Unit, phrase_tags, word_features


@dataclass(frozen=True)
class SentenceView:
    """What the state scores of one sentence are built from, shared by the CRFs of both passes."""

    units: Sequence[Unit]
    words: list[tuple[tuple[str, ...], tuple[str, ...]]]  # word_features of each token
    phrases: list[list[str]]
    pairs: list[str]  # "stem|stem" of each token and the next

    @classmethod
    def of(cls, units: Sequence[Unit], options: FeatureOptions) -> "SentenceView":
        words = [word_features(t, k, p, options) for t, k, p in units]
        stems = [f[0][2][2:] for f in words]  # the "s=" feature
        pairs = [stems[i] + "|" + stems[i + 1] for i in range(len(stems) - 1)]
        return cls(units, words, phrase_tags(stems, options), pairs)


class StateScores:
    """Per-token state scores of sentences under `weights` (one CRF, or several stacked), with word-type
    vectors cached."""

    def __init__(self, weights: CrfWeights):
        self.weights = weights
        self._types: dict[Unit, np.ndarray] = {}
        self._pairs: dict[str, tuple[np.ndarray | None, np.ndarray | None]] = {}
        self._docs: dict[tuple[str, ...], np.ndarray] = {}
        self._ctx: dict[str, tuple[int, ...]] = {}
        self._edges = {off: weights.vector([f"{off}BOS" if off < 0 else f"{off}EOS"]) for off in OFFSETS}

    def sentence(self, view: SentenceView) -> np.ndarray:
        """The (tokens, labels) state scores of one sentence, as `sentence_features` would give them."""
        views = np.stack([self._type(u, f) for u, f in zip(view.units, view.words)])
        scores = views[:, 0].copy()
        self._add_shifted(scores, views, edges=True)
        self._add_phrases(scores, view.phrases)
        self._add_bigrams(scores, view.pairs)
        return scores

    def with_doc(self, scores: np.ndarray, doc: Sequence[Sequence[str]], columns: slice = slice(None)) -> np.ndarray:
        """Scores extended with each token's document features and its neighbours', as `with_doc` does
        (`columns`: those of the stacked CRF that `scores` are of)."""
        views = np.stack([self._doc(tuple(d))[:, columns] for d in doc])
        out = scores + views[:, 0]
        self._add_shifted(out, views, edges=False)
        return out

    def _add_shifted(self, scores: np.ndarray, views: np.ndarray, edges: bool) -> None:
        """Add to each token its neighbour's view at each offset (or the BOS/EOS weights past an end)."""
        n = len(scores)
        for k, off in enumerate(OFFSETS, start=1):
            if off < 0:
                scores[-off:] += views[:n + off, k]
                if edges:
                    scores[:min(-off, n)] += self._edges[off]
            else:
                scores[:n - off] += views[off:, k]
                if edges:
                    scores[max(n - off, 0):] += self._edges[off]

    def _add_phrases(self, scores: np.ndarray, phrases: list[list[str]]) -> None:
        n = len(scores)
        vector = self.weights.vector
        for j, tags in enumerate(phrases):
            if not tags:
                continue
            scores[j] += vector(["ph=" + t for t in tags])
            for off in OFFSETS:
                if 0 <= j - off < n:
                    scores[j - off] += vector([f"{off}ph={t}" for t in tags])

    def _add_bigrams(self, scores: np.ndarray, pairs: list[str]) -> None:
        """Token i has "bg-=" of its pair with the one before, and "bg+=" of its pair with the one after."""
        for i, pair in enumerate(pairs):
            before, after = self._pair(pair)
            if before is not None:
                scores[i + 1] += before
            if after is not None:
                scores[i] += after

    def _pair(self, pair: str) -> tuple[np.ndarray | None, np.ndarray | None]:
        hit = self._pairs.get(pair)
        if hit is None:
            if len(self._pairs) >= WORD_CACHE:
                self._pairs.clear()
            index, state = self.weights.index, self.weights.state
            before, after = index.get("bg-=" + pair), index.get("bg+=" + pair)
            hit = self._pairs[pair] = (None if before is None else state[before],
                                       None if after is None else state[after])
        return hit

    def learn_types(self, views: Sequence[SentenceView]) -> None:
        """Sum the vectors of every word type of `views` not yet cached, in one numpy pass."""
        pending: dict[Unit, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for view in views:
            for unit, wf in zip(view.units, view.words):
                if unit not in self._types:
                    pending[unit] = wf
        if not pending:
            return
        if len(self._types) + len(pending) > WORD_CACHE:
            self._types.clear()  # bounded memory; news repeats its words, so a refill is quick
        get, unknown = self.weights.index.get, len(self.weights.index)
        rows: list[int] = []
        starts: list[int] = []
        for own, ctx in pending.values():
            starts.append(len(rows))
            rows.append(unknown)  # a zero row, so that no segment is empty
            rows.extend(get(f, unknown) for f in own)
            by_offset = [self._ctx_rows(f) for f in ctx]
            for k in range(len(OFFSETS)):
                starts.append(len(rows))
                rows.append(unknown)
                rows.extend(r[k] for r in by_offset)
        sums = np.add.reduceat(self.weights.state[rows], starts, axis=0).reshape(len(pending), 1 + len(OFFSETS), -1)
        self._types.update(zip(pending, sums))

    def _ctx_rows(self, feature: str) -> tuple[int, ...]:
        """The rows of a context feature as seen from each offset ("-2c=12", "-1c=12", ...)."""
        hit = self._ctx.get(feature)
        if hit is None:
            if len(self._ctx) >= WORD_CACHE:
                self._ctx.clear()
            unknown = len(self.weights.index)
            hit = self._ctx[feature] = tuple(self.weights.index.get(f"{off}{feature}", unknown) for off in OFFSETS)
        return hit

    def _type(self, unit: Unit, wf: tuple[tuple[str, ...], tuple[str, ...]]) -> np.ndarray:
        """A word type's five views: its own features, then its context features at each offset."""
        hit = self._types.get(unit)
        if hit is None:
            self.learn_types([SentenceView([unit], [wf], [[]], [])])
            hit = self._types[unit]
        return hit

    def _doc(self, feats: tuple[str, ...]) -> np.ndarray:
        hit = self._docs.get(feats)
        if hit is None:
            vector = self.weights.vector
            hit = self._docs[feats] = np.stack([vector(feats)] + [vector([f"{off}{d}" for d in feats])
                                                                  for off in OFFSETS])
        return hit
