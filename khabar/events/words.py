"""A sentence as a list of words from the word layer, and the clause bounds around a word."""
from __future__ import annotations

from bisect import bisect_left

from ..doc import Doc, Sentence
from ..text.words import Word, Words, word_layer
from .tables import clause_words


CLAUSE_PUNCT = frozenset("،,;؛:.!?؟()[]\"'«»-–—…")


def sentence_words(doc: Doc, sentence: Sentence, layer: Words | None = None) -> list[Word]:
    """The words of `sentence`, from `layer` (default: the document's word layer), as the layer holds them.

    Each keeps its document index `i`; the coder indexes a sentence's words by their position in this list.
    The layer's token starts are computed once per document, so finding a sentence's words is a bisection,
    not a scan of the whole article (issue 18).
    """
    layer = layer if layer is not None else word_layer(doc)
    every = layer.tokens
    out: list[Word] = []
    for k in range(bisect_left(layer.starts, sentence.start), len(every)):
        w = every[k]
        if w.start > sentence.end:
            break  # in order: no later token ends inside the sentence
        if w.end <= sentence.end:
            out.append(w)
    return out


def is_boundary(word: Word) -> bool:
    """True when `word` closes a clause (punctuation or a clause-opening word)."""
    if word.is_punct:
        return word.norm in CLAUSE_PUNCT
    return word.norm in clause_words().openers


def _opens_clause(words: list[Word], k: int) -> bool:
    """Word k closes a clause, unless it is ما of a quantity (خطفوا ما مجموعه 14 شخصا)."""
    if not is_boundary(words[k]):
        return False
    return not (words[k].norm == "ما" and k + 1 < len(words) and words[k + 1].norm in clause_words().quantity_after_ma)


def clause_bounds(words: list[Word], i: int) -> tuple[int, int]:
    """The [first, last] word indexes of the clause around word i."""
    lo = i
    while lo > 0 and not _opens_clause(words, lo - 1):
        lo -= 1
    hi = i
    while hi + 1 < len(words) and not _opens_clause(words, hi + 1):
        hi += 1
    return lo, hi
