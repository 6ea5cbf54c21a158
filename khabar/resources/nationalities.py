"""Nationality adjectives (الروسية -> RUS) and where one stands in a list of words: read by entities and relations."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..text.names import name_tokens
from . import load_yaml

NATIONALITY_SCHEMA = {
    "type": "object", "required": ["adjectives"],
    "properties": {"adjectives": {"type": "object", "propertyNames": {"pattern": "^[A-Z]{3}$"},
                                  "additionalProperties": {"type": "array", "items": {"type": "string"}}}},
}
# Derived forms of a masculine adjective: feminine, plural, each with and without ال.
_SUFFIXES = ("", "ه", "ون", "ين", "تين")


@lru_cache(maxsize=1)
def nationality_forms() -> dict[tuple[str, ...], str]:
    """Normalised adjective forms (as token tuples) -> country code: الروسية -> RUS."""
    data = load_yaml("entities/nationalities.yaml", NATIONALITY_SCHEMA)
    out: dict[tuple[str, ...], str] = {}
    for code, adjectives in data["adjectives"].items():
        for adjective in adjectives:
            words = name_tokens(adjective)
            for suffix in _SUFFIXES:
                for article in ("", "ال"):
                    out[tuple(article + w + suffix for w in words)] = code
    return out


def nationality_at(ws: Sequence, i: int) -> tuple[str, int] | None:
    """(country code, words used) of a nationality adjective at word i of name words `ws`."""
    forms = nationality_forms()
    for n in (2, 1):
        key = tuple(w.norm for w in ws[i:i + n])
        if len(key) == n and key in forms:
            return forms[key], n
    return None
