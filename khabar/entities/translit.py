"""English names for unknown people: a transliterator trained on Wikidata name-token pairs.

The model (scripts/train_translit.py, card in khabar/data/entities/TRANSLIT.md) has two parts: a word
table for the known tokens whose English the character model would get wrong, and a character model
that maps each Arabic letter, in a window of its neighbours, to an English chunk of 0-3 letters.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache

from ..errors import ResourceError
from ..resources import DATA_ROOT
from .names import name_tokens

MODEL_PATH = DATA_ROOT / "entities" / "translit.json.gz"
# Nested context windows, widest first: (letters to the left, letters to the right) of the letter.
WINDOWS = {"w5": (2, 2), "w4": (1, 2), "w3": (1, 1), "r": (0, 1), "c": (0, 0)}
LEVELS = tuple(WINDOWS)
# Particles of compound Arabic names written lower-case in English (Wikipedia style: Rashad al-Alimi).
LOWER_PARTICLES = ("al-", "el-", "bin", "ibn", "bint", "ould")


class TranslitError(ResourceError):
    """The shipped transliteration model is unreadable or of an unknown version."""


def context_keys(token: str, i: int) -> list[str]:
    """The context keys of letter i, widest window first; ^ and $ pad the word edges."""
    padded = "^^" + token + "$$"
    j = i + 2
    return [f"{name}:{padded[j - left:j + right + 1]}" for name, (left, right) in WINDOWS.items()]


def decode_token(token: str, chars: dict[str, str]) -> str:
    """A token in Latin letters: each letter's chunk from the widest context the model knows."""
    out = []
    for i in range(len(token)):
        out.append(next((chars[k] for k in context_keys(token, i) if k in chars), ""))
    return "".join(out)


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The shipped model, or None when it has not been trained."""
    if not MODEL_PATH.exists():
        return None
    try:
        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
            m = json.load(fh)
    except (OSError, ValueError) as err:
        raise TranslitError(f"{MODEL_PATH.name}: {err}") from None
    if m.get("version") != 1 or tuple(m.get("levels", ())) != LEVELS:
        raise TranslitError(f"{MODEL_PATH.name}: version {m.get('version')} / levels do not match this code")
    return m


def transliterate_token(token: str, m: dict) -> str:
    """One normalised Arabic token in Latin letters: the known word, else the character model.

    An unknown word with the article ال is rendered al- + the rest (Wikipedia style: al-Alimi); the
    character model, trained mostly on names without it, would fuse the article into the name.
    """
    if token in m["words"]:
        return m["words"][token]
    if token.startswith("ال") and len(token) > 4:
        rest = m["words"].get(token[2:]) or decode_token(token[2:], m["chars"])
        return "al-" + rest if rest else ""
    return decode_token(token, m["chars"])


def title_case(word: str, first: bool) -> str:
    """`hariri` -> `Hariri`; `al-alimi` -> `al-Alimi` (Al- at the start of the name); `bin` stays."""
    for particle in LOWER_PARTICLES:
        if word == particle.rstrip("-") and not first:
            return word
        if particle.endswith("-") and word.startswith(particle) and len(word) > len(particle):
            head = particle if not first else particle.capitalize()
            return head + word[len(particle):][:1].upper() + word[len(particle) + 1:]
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def transliterate(name: str) -> str | None:
    """An English rendering of an Arabic person name, or None without a model or a letter to render."""
    m = model()
    if m is None:
        return None
    parts = [transliterate_token(t, m) for t in name_tokens(name) if not t.isascii()]
    if not parts or not all(parts):
        return None
    return " ".join(title_case(p, i == 0) for i, p in enumerate(parts))
