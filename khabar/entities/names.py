"""Name keys for matching: normalised tokens, clitic variants and consonant skeletons."""
from __future__ import annotations

from functools import lru_cache

import re

from ..text.normalize import normalize

_SEPARATORS = re.compile(r"[^\w]+|_+")
_LONG_VOWELS = str.maketrans("", "", "اوي")
# Proclitics a name can carry in running text: conjunction, then preposition.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


def name_tokens(text: str) -> tuple[str, ...]:
    """The normalised, lower-cased word tokens of a name (punctuation, # and _ split words)."""
    return tuple(t for t in _SEPARATORS.split(normalize(text).lower()) if t)


def name_key(text: str) -> str:
    """One string key for a name: its normalised tokens joined by spaces."""
    return " ".join(name_tokens(text))


def skeleton(token: str) -> str:
    """A token without inner long vowels, so ترامب/ترمب and زيلينسكي/زيلنسكي meet."""
    if len(token) < 4 or not token[0].isalpha() or token.isascii():
        return token
    return token[0] + token[1:].translate(_LONG_VOWELS)


@lru_cache(maxsize=200_000)
def clitic_variants(token: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, rest) for a token and the same token without attached و ف ب ل ك (cached: words repeat)."""
    out = [(0, token)]
    for conj in ("",) + CONJUNCTIONS:
        if conj and not token.startswith(conj):
            continue
        rest = token[len(conj):]
        if conj and len(rest) >= 2:
            out.append((len(conj), rest))
        if rest.startswith("لل") and len(rest) > 3:
            # للأمم: the fused لل stays in the span, the key is الأمم.
            out.append((len(conj), "ال" + rest[2:]))
        for prep in PREPOSITIONS:
            if rest.startswith(prep) and len(rest) - 1 >= 2:
                out.append((len(conj) + 1, rest[1:]))
    return tuple(out)


def strip_article(token: str) -> str:
    """A token without its article ال when enough of it remains."""
    return token[2:] if token.startswith("ال") and len(token) > 4 else token
