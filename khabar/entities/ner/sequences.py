"""Token sequences as the tagger sees them: sentences cut to a bounded length, BIO tags read as spans."""
from __future__ import annotations

SENTENCE_END = frozenset({".", "!", "?", "؟", "!"})
MAX_SENTENCE = 120  # ANERcorp has a few run-on "sentences"; CRF inference is linear but long ones add noise


def split_long(sentence: list, key=lambda item: item.token) -> list[list]:
    """Cut sentences longer than MAX_SENTENCE after sentence-final punctuation (or hard, as a last resort)."""
    out, cur = [], []
    for item in sentence:
        cur.append(item)
        if len(cur) >= MAX_SENTENCE and (key(item) in SENTENCE_END or len(cur) >= 2 * MAX_SENTENCE):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL spans (start, end exclusive, type) of a BIO sequence; a stray I- starts a span, as conlleval does."""
    out, start, kind = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        if start is not None and (prefix != "I" or t != kind):
            out.add((start, i, kind))
            start = kind = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, t
    return out
