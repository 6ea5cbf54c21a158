"""A sentence as a list of normalised words, with clitic-stripped bases for lookup."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..model import Doc, Sentence, Token
from ..text.normalize import normalize
from .tables import clause_words

CONJ = "وف"
PREP = "بلك"
CLAUSE_PUNCT = frozenset("،,;؛:.!?؟()[]\"'«»-–—…")


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a sentence: original span, normalised text and lookup bases."""

    index: int
    start: int
    end: int
    norm: str
    kind: str
    bases: tuple[str, ...]  # the word with و/ف and ب/ل/ك stripped, longest first
    roles: tuple[str, ...] = ()  # the tokeniser's clitic roles (conj, prep, det, stem, pron ...)

    @property
    def is_punct(self) -> bool:
        return self.kind in ("punct", "symbol")

    @property
    def has_conj(self) -> bool:
        return len(self.norm) > 2 and self.norm[0] in CONJ and self.norm[1:] in self.bases

    def bare(self) -> tuple[str, ...]:
        """Bases, each also without the article ال (for actor and noun lookup)."""
        out = list(self.bases)
        for b in self.bases:
            if b.startswith("ال") and len(b) > 3:
                out.append(b[2:])
        return tuple(dict.fromkeys(out))


def bases(norm: str) -> tuple[str, ...]:
    """The word with a leading conjunction and/or preposition stripped (و+ب+الجيش -> الجيش)."""
    out = [norm]
    stems = [norm]
    if len(norm) > 3 and norm[0] in CONJ:
        stems.append(norm[1:])
    for s in list(stems):
        if len(s) > 3 and s.startswith("لل"):
            stems.append("ال" + s[2:])
        elif len(s) > 3 and s[0] in PREP:
            stems.append(s[1:])
    out.extend(stems)
    return tuple(dict.fromkeys(out))


_STARTS: tuple = (None, 0, None)  # the token list last asked about, its length, and its starts (or None)


def _token_starts(tokens: list[Token]) -> list[int] | None:
    """Start offsets of `tokens` when they are in order (start and end), else None; computed once per token
    list, so finding a sentence's tokens is a bisection, not a scan of the whole article (issue 18)."""
    global _STARTS
    cache = _STARTS  # one read, so a thread running another article never gets its starts
    if cache[0] is not tokens or cache[1] != len(tokens):
        starts = [t.start for t in tokens]
        ordered = all(a.start <= b.start and a.end <= b.end and a.start <= a.end for a, b in zip(tokens, tokens[1:]))
        cache = _STARTS = (tokens, len(tokens), starts if ordered else None)
    return cache[2]


def sentence_words(doc: Doc, sentence: Sentence, tokens: list[Token] | None = None) -> list[Word]:
    """The tokens of `sentence` as Words (tokens from the tokens layer, else whitespace-free runs)."""
    every = tokens if tokens is not None else doc.get("tokens", [])
    starts = _token_starts(every)
    first = bisect_left(starts, sentence.start) if starts is not None else 0
    toks = []
    for k in range(first, len(every)):
        t = every[k]
        if starts is not None and t.start > sentence.end:
            break  # in order: no later token ends inside the sentence
        if sentence.start <= t.start and t.end <= sentence.end:
            toks.append(t)
    words = []
    for i, t in enumerate(toks):
        norm = normalize(doc.text[t.start:t.end])
        words.append(Word(i, t.start, t.end, norm, t.kind, bases(norm) if t.kind == "word" else (norm,),
                          tuple(p.role for p in t.parts)))
    return words


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
