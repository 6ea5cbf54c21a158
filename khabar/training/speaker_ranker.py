"""Training and k-fold cross-validation (by article) of the quote speaker ranker (quotes/ranker.py).

Each gold quote that the rules found gives one ranking item: its candidates, labelled by whether the
speaker each one would print is the gold speaker (the scorer's own test). The model is a linear
softmax over a quote's candidates, fitted with Adam and an L2 penalty; numpy only.
"""
from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from ..doc import Doc, Quote
from ..evaluate.scoring import pair_up, same_speaker, token_f1
from ..quotes.lexicon import QuoteLexicon
from ..quotes.ranker import Candidate, RankContext, RankerModel, candidates, carry_fix, rerank, scored_form

STEPS = 1000
RATE = 0.05


@dataclass
class GoldArticle:
    """One article's rule output, with its gold quotes."""

    id: str
    doc: Doc
    gold: list[dict[str, Any]]


@dataclass
class Item:
    cands: list[Candidate]
    labels: list[bool]


def matched(article: GoldArticle, quotes: list[Quote]) -> list[tuple[dict, Quote]]:
    """(gold, system) quote pairs as the scorer pairs them."""
    text = article.doc.text
    pairs = pair_up(len(article.gold), len(quotes),
                    lambda i, j: token_f1(article.gold[i]["text"], text[quotes[j].start:quotes[j].end]), 0.5)
    return [(article.gold[i], quotes[j]) for i, j in pairs]


def items_of(article: GoldArticle, lex: QuoteLexicon) -> list[Item]:
    """The ranking items of one article; the previous speaker is the gold-consistent one (teacher forcing)."""
    quotes = copy.deepcopy(list(article.doc.get("quotes") or []))  # carry_fix rewrites speakers
    ctx = RankContext.of(article.doc, lex)
    gold_of = {id(q): g for g, q in matched(article, quotes)}
    out, prev, fixed = [], None, {}
    for q in quotes:
        if q.speaker is None or q.cue is None:
            continue
        g = gold_of.get(id(q))
        carry_fix(q, fixed)
        cands = candidates(ctx, q, prev)
        labels = [g is not None and same_speaker(g, scored_form(c.speaker))
                  for c in cands]
        if g is not None:
            out.append(Item(cands, labels))
        right = [c for c, ok in zip(cands, labels) if ok]
        if right and not right[0].rule:
            fixed[q.speaker.name] = right[0].speaker
        prev = right[0].speaker if right else q.speaker
    return out


def fit(items: Iterable[Item], l2: float, steps: int = STEPS) -> RankerModel:
    """A softmax ranker over each item's candidates, maximising the probability of the right ones."""
    useful = [it for it in items if any(it.labels) and not all(it.labels)]
    names = sorted({f for it in useful for c in it.cands for f in c.features})
    index = {f: k for k, f in enumerate(names)}
    x, pos, groups = _matrix(useful, index)
    w = _adam(x, pos, groups, l2, steps)
    weights = {f: round(float(v), 5) for f, v in zip(names, w) if abs(v) > 1e-5}
    return RankerModel(weights, {"l2": l2, "items": len(useful), "features": len(weights)})


def _matrix(items: list[Item], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = [c for it in items for c in it.cands]
    x = np.zeros((len(rows), len(index)))
    for r, c in enumerate(rows):
        for f, v in c.features.items():
            if f in index:
                x[r, index[f]] = v
    pos = np.array([ok for it in items for ok in it.labels], dtype=float)
    groups = np.repeat(np.arange(len(items)), [len(it.cands) for it in items])
    return x, pos, groups


def _adam(x: np.ndarray, pos: np.ndarray, groups: np.ndarray, l2: float, steps: int) -> np.ndarray:
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    n = groups.max() + 1 if len(groups) else 1
    for t in range(1, steps + 1):
        grad = _gradient(x, pos, groups, w) / n + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def _gradient(x: np.ndarray, pos: np.ndarray, groups: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Of the negative log probability of each group's right candidates."""
    s = x @ w
    e = np.exp(s - _group_max(s, groups)[groups])
    p = e / np.bincount(groups, e)[groups]
    q = e * pos
    q = q / np.bincount(groups, q)[groups]
    return x.T @ (p - q)


def _group_max(s: np.ndarray, groups: np.ndarray) -> np.ndarray:
    out = np.full(groups.max() + 1, -np.inf)
    np.maximum.at(out, groups, s)
    return out


def speaker_hits(article: GoldArticle, lex: QuoteLexicon, model: RankerModel | None) -> tuple[int, int]:
    """(right speakers, matched quotes) of one article, re-ranked by `model` (None: the rules alone)."""
    quotes = copy.deepcopy(list(article.doc.get("quotes") or []))
    if model is not None:
        ctx = RankContext.of(article.doc, lex)
        rerank(ctx, quotes, model)
    pairs = matched(article, quotes)
    return sum(q.speaker is not None and same_speaker(g, scored_form(q.speaker)) for g, q in pairs), len(pairs)


def folds(articles: list[GoldArticle], k: int) -> list[list[GoldArticle]]:
    """k folds by article, dealt in id order so every run cuts them the same way."""
    ranked = sorted(articles, key=lambda a: a.id)
    return [ranked[f::k] for f in range(k)]


def cross_validate(articles: list[GoldArticle], lex: QuoteLexicon, k: int, l2: float) -> list[dict[str, Any]]:
    """Per fold: speaker accuracy of the rules and of a ranker trained on the other folds."""
    cut = folds(articles, k)
    items = {a.id: items_of(a, lex) for a in articles}
    out = []
    for f, held in enumerate(cut):
        train = [it for g, part in enumerate(cut) if g != f for a in part for it in items[a.id]]
        model = fit(train, l2)
        rules = [speaker_hits(a, lex, None) for a in held]
        ranked = [speaker_hits(a, lex, model) for a in held]
        out.append({"fold": f, "articles": len(held), "quotes": sum(n for _, n in rules),
                    "rules": _accuracy(rules), "ranker": _accuracy(ranked)})
    return out


def _accuracy(hits: list[tuple[int, int]]) -> float:
    n = sum(m for _, m in hits)
    return round(sum(h for h, _ in hits) / n, 4) if n else math.nan
