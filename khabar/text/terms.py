"""Search terms: normalised, name-folded stems with clitics split off, the same for documents, queries and copy detection.

A word is indexed by its stem only, so والمحادثات (و+ال+محادثات) and
محادثات are the same term; a query goes through the same function.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..doc import Token
from ..resources import read_lines
from .normalize import normalize
from .tokens import tokenize

INDEXED_KINDS = ("word", "number", "latin")


@lru_cache(maxsize=1)
def name_folds() -> dict[str, str]:
    """Spelling variant -> the one term of its name (ترمب -> ترامب), from data/text/name-folds.tsv."""
    return dict(line.split("\t") for line in read_lines("text/name-folds.tsv"))


def fold(term: str) -> str:
    """The term a name's spelling variants share, so ترمب finds ترامب; other terms are unchanged."""
    return name_folds().get(term, term)


def token_term(text: str, token: Token) -> str | None:
    """The indexed term of one token: the normalised, name-folded stem of a word, the lower-cased form of the rest."""
    if token.kind == "word":
        stem = token.stem
        return fold(normalize(text[stem.start:stem.end])) or None
    if token.kind in ("number", "latin"):
        return normalize(text[token.start:token.end]).lower() or None
    return None


def terms(text: str, tokens: Iterable[Token] | None = None) -> list[str]:
    """The terms of a text, in order; pass the Doc's tokens when they exist to skip re-tokenising."""
    tokens = tokenize(text) if tokens is None else tokens
    return [t for t in (token_term(text, tok) for tok in tokens) if t]


def search_text(text: str, title: str | None = None, tokens: Iterable[Token] | None = None) -> str:
    """The shadow text the full-text index reads: title terms, then body terms, space-separated."""
    head = terms(title) if title else []
    return " ".join(head + terms(text, tokens))
