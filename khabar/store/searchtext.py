"""Search-result text: name spellings, hits and snippets over the search terms (text/terms.py), which the
index, the queries and the near-duplicate detector share."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..text.normalize import normalize
from ..text.terms import (INDEXED_KINDS, fold, name_folds, search_text, terms,  # noqa: F401  (the store's names)
                          token_term)
from ..text.tokens import tokenize

SNIPPET_SCAN = 50_000  # characters of an article a search snippet looks at: its first hit is almost always there


@lru_cache(maxsize=1)
def fold_groups() -> dict[str, tuple[str, ...]]:
    """Term -> every spelling folded into it, the term first."""
    groups: dict[str, list[str]] = {}
    for variant, term in name_folds().items():
        groups.setdefault(term, [term]).append(variant)
    return {term: tuple(spellings) for term, spellings in groups.items()}


def spellings(word: str) -> tuple[str, ...]:
    """The normalised spellings of one name word that mean the same name (ترمب: ترمب, ترامب, ترومب)."""
    word = normalize(word)
    if word.startswith("ال") and len(word) > 4:
        return tuple("ال" + s for s in spellings(word[2:]))
    group = fold_groups().get(fold(word), ())
    return (word, *(s for s in group if s != word))


def hits(text: str, query_terms: Iterable[str], limit: int = 200) -> list[tuple[int, int]]:
    """Character spans of `text` whose term is one of `query_terms` (the whole token, clitics included)."""
    wanted = set(query_terms)
    out = []
    for tok in tokenize(text):
        if token_term(text, tok) in wanted:
            out.append((tok.start, tok.end))
            if len(out) >= limit:
                break
    return out


def snippet(text: str, spans: list[tuple[int, int]], width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first hit, with the hit spans shifted into it."""
    if not spans:
        return text[:width * 2].replace("\n", " "), []
    first = spans[0][0]
    start = max(0, first - width)
    end = min(len(text), first + width)
    inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return text[start:end].replace("\n", " "), inside


def first_hits(text: str, query_terms: Iterable[str]) -> list[tuple[int, int]]:
    """The hits in the first paragraph that has any: enough for a snippet, without tokenising the whole text."""
    wanted = set(query_terms)
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if may_hold(text[start:end], wanted):
            found = [(t.start, t.end) for t in tokenize(text, start, end) if token_term(text, t) in wanted]
            if found:
                return found
        start = end + 1
    return []


def _unsigma(s: str) -> str:
    # str.lower() turns Σ into ς or σ depending on the next letter: the one lower-casing that depends on context.
    return s.replace("ς", "σ")


def may_hold(paragraph: str, wanted: set[str]) -> bool:
    """False only when no token of `paragraph` can have a term in `wanted`, so tokenising it can be skipped
    (most of a search's snippet time went to tokenising paragraphs without a hit).

    normalize() folds character by character, so a term (the normalised stem of a word, or the lower-cased
    normalised number or Latin token) is a substring of the normalised, lower-cased paragraph."""
    folded = normalize(paragraph)
    lowered = _unsigma(folded.lower())
    return any(t in folded or _unsigma(t) in lowered for t in wanted)
