"""English names for unknown people: a transliterator trained on Wikidata name-token pairs."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache

from ..resources import DATA_ROOT
from .names import name_tokens

MODEL_PATH = DATA_ROOT / "entities" / "translit.json.gz"


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The shipped model, or None when it has not been trained."""
    if not MODEL_PATH.exists():
        return None
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def transliterate_token(token: str, m: dict) -> str | None:
    """One normalised Arabic token in Latin letters: the learnt word, else the character model."""
    if token in m["words"]:
        return m["words"][token]
    return decode(token, m["chars"]) if m.get("chars") else None


def decode(token: str, table: dict[str, str]) -> str:
    """Greedy longest-match of Arabic character n-grams to their most likely Latin strings."""
    out, i, longest = [], 0, max(map(len, table)) if table else 1
    while i < len(token):
        for n in range(min(longest, len(token) - i), 0, -1):
            piece = token[i:i + n]
            if piece in table:
                out.append(table[piece])
                i += n
                break
        else:
            i += 1
    return "".join(out)


def transliterate(name: str) -> str | None:
    """An English rendering of an Arabic person name, or None without a model."""
    m = model()
    if m is None:
        return None
    parts = [transliterate_token(t, m) for t in name_tokens(name)]
    if not parts or not all(parts):
        return None
    return " ".join(p[:1].upper() + p[1:] for p in parts)
