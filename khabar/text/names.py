"""Name keys for matching: normalised tokens and consonant skeletons, shared by every stage that matches names."""
from __future__ import annotations

import re

from .normalize import normalize

_SEPARATORS = re.compile(r"[^\w]+|_+")
_LONG_VOWELS = str.maketrans("", "", "اوي")


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


def strip_article(token: str) -> str:
    """A token without its article ال when enough of it remains."""
    return token[2:] if token.startswith("ال") and len(token) > 4 else token
