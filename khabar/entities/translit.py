"""English names for unknown people: a transliterator trained on Wikidata name-token pairs.

The model (scripts/train_translit.py, card in khabar/data/entities/TRANSLIT.md) has three parts: a word
table for the known tokens, a character model that gives each Arabic letter, in a window of its
neighbours, a distribution over English chunks of 0-3 letters, and an English letter model (n-grams of
the English name tokens). A beam search picks the chunks that are likely both for the Arabic letters
and as an English name: letter by letter, the character model alone doubles consonants and picks
vowels that no English name has (Gribnnaum, Errymoto).
"""
from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache

from ..errors import ResourceError
from ..resources import DATA_ROOT, check
from ..text.names import name_tokens

MODEL_PATH = DATA_ROOT / "entities" / "translit.json.gz"
VERSION = 2
# The spelling table (scripts/build_name_spellings.py): Arabic token -> its dominant Wikidata English.
SPELLINGS_PATH = DATA_ROOT / "entities" / "name_spellings.tsv"
SPELLINGS_VERSION = 1
SPELLINGS_COLUMNS = ["arabic", "english", "count", "share"]
SPELLINGS_SCHEMA = {
    "type": "object",
    "required": ["version", "description", "columns", "spellings"],
    "properties": {
        "version": {"const": SPELLINGS_VERSION},
        "columns": {"const": SPELLINGS_COLUMNS},
        "description": {"type": "string", "pattern": "CC0"},
        "spellings": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^[\u0621-\u064A]+$"},
            "additionalProperties": {"type": "string", "minLength": 1, "pattern": "^[^\\s.,;:()0-9]+$"},
        },
    },
}
# Nested context windows, widest first: (letters to the left, letters to the right) of the letter.
WINDOWS = {"w5": (2, 2), "w4": (1, 2), "w3": (1, 1), "r": (0, 1), "c": (0, 0)}
LEVELS = tuple(WINDOWS)
BEAM = 8
CHUNKS_PER_LETTER = 6  # the most likely chunks of a letter tried in the beam
START, END = "^", "$"  # padding of the English letter model
# Particles of compound Arabic names written lower-case in English (Wikipedia style: Rashad al-Alimi).
LOWER_PARTICLES = ("al-", "el-", "bin", "ibn", "bint", "ould")


class TranslitError(ResourceError):
    """The shipped transliteration model is unreadable or of an unknown version."""


def context_keys(token: str, i: int) -> list[str]:
    """The context keys of letter i, widest window first; ^ and $ pad the word edges."""
    padded = "^^" + token + "$$"
    j = i + 2
    return [f"{name}:{padded[j - left:j + right + 1]}" for name, (left, right) in WINDOWS.items()]


def interpolate(tables: list[dict[str, int]], outcome: str, floor: float) -> float:
    """P(outcome) interpolated over count tables given narrowest first (Witten-Bell), down to `floor`.

    A wider context gets the weight total/(total+types): one seen often with few outcomes is trusted,
    a rare or scattered one leans on the narrower contexts below it.
    """
    p = floor
    for counts in tables:
        total = sum(counts.values())
        lam = total / (total + len(counts))
        p = lam * counts.get(outcome, 0) / total + (1 - lam) * p
    return p


def chunk_probs(token: str, i: int, chars: dict) -> list[tuple[str, float]]:
    """The most likely English chunks of letter i, from every window the model has seen; a letter never
    seen in training (پ of a Persian spelling) is skipped, as the character model alone did."""
    tables = [chars[k] for k in reversed(context_keys(token, i)) if k in chars]
    if not tables:
        return [("", 1.0)]
    outcomes = {chunk for counts in tables for chunk in counts}
    scored = [(chunk, interpolate(tables, chunk, 0.0)) for chunk in outcomes]
    return sorted(scored, key=lambda kv: (-kv[1], kv[0]))[:CHUNKS_PER_LETTER]


def letter_logp(lm: dict, history: str, letter: str) -> float:
    """log P(letter | the last order-1 English letters), interpolated down to a uniform floor."""
    tables = []
    for n in range(lm["order"]):
        h = history[len(history) - n:] if n else ""
        if h not in lm["counts"]:
            break
        tables.append(lm["counts"][h])
    return math.log(max(interpolate(tables, letter, 1.0 / lm["alphabet"]), 1e-12))


class _Memo:
    """One model's pure lookups, kept: the same letter windows and English histories recur in every name."""

    LIMIT = 200_000  # entries of each table before it is emptied

    def __init__(self, m: dict):
        self.m, self.chunks, self.letters = m, {}, {}

    def chunk_probs(self, token: str, i: int) -> list[tuple[str, float]]:
        key = ("^^" + token + "$$")[i:i + 5]  # the widest window holds every narrower one
        hit = self.chunks.get(key)
        if hit is None:
            hit = self.chunks[key] = chunk_probs(token, i, self.m["chars"])
            if len(self.chunks) > self.LIMIT:
                self.chunks.clear()
        return hit

    def letter_logp(self, history: str, letter: str) -> float:
        hit = self.letters.get((history, letter))
        if hit is None:
            hit = self.letters[(history, letter)] = letter_logp(self.m["lm"], history, letter)
            if len(self.letters) > self.LIMIT:
                self.letters.clear()
        return hit


_MEMOS: list[_Memo] = []


def _memo(m: dict) -> _Memo:
    """The memo of model `m` (the last model decoded with: there is one shipped model)."""
    if not _MEMOS or _MEMOS[0].m is not m:
        _MEMOS[:] = [_Memo(m)]
    return _MEMOS[0]


def extend(hyp: tuple[str, float], chunk: str, p: float, memo: _Memo) -> tuple[str, float]:
    """A hypothesis (padded English so far, score) with one more chunk."""
    lm = memo.m["lm"]
    text, score = hyp
    score += math.log(p)
    for letter in chunk:
        score += lm["weight"] * memo.letter_logp(text[-(lm["order"] - 1):], letter)
        text += letter
    return text, score


def decode_token(token: str, m: dict) -> str:
    """A token in Latin letters: a beam search over the chunks of each letter, scored with the letter model."""
    lm, memo = m["lm"], _memo(m)
    pad = START * (lm["order"] - 1)
    beam: list[tuple[str, float]] = [(pad, 0.0)]
    for i in range(len(token)):
        best: dict[str, float] = {}
        for chunk, p in memo.chunk_probs(token, i):
            for hyp in beam:
                text, score = extend(hyp, chunk, p, memo)
                if score > best.get(text, -math.inf):
                    best[text] = score
        beam = sorted(best.items(), key=lambda kv: -kv[1])[:BEAM]
    final = [(t, s + lm["weight"] * memo.letter_logp(t[-(lm["order"] - 1):], END)) for t, s in beam]
    return max(final, key=lambda kv: kv[1])[0][len(pad):]


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
    if m.get("version") != VERSION or tuple(m.get("levels", ())) != LEVELS:
        raise TranslitError(f"{MODEL_PATH.name}: version {m.get('version')} / levels do not match this code")
    return m


def read_spellings(path) -> dict:
    """The spelling table as a checked resource: {version, description, columns, spellings}."""
    meta: dict[str, str] = {}
    notes: list[str] = []
    spellings: dict[str, str] = {}
    columns = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise TranslitError(f"{path.name}: {err}") from None
    for n, line in enumerate(lines, 1):
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            meta[key.strip()] = value.strip()
            notes.append(line[1:].strip())
            continue
        cells = line.split("\t")
        if columns is None:
            columns = cells
            continue
        if len(cells) != len(columns):
            raise TranslitError(f"{path.name}:{n}: {len(cells)} cells, the header has {len(columns)}")
        spellings[cells[0]] = cells[1]
    version = int(meta["version"]) if meta.get("version", "").isdigit() else meta.get("version")
    data = {"version": version, "description": " ".join(notes), "columns": columns, "spellings": spellings}
    check(path.name, data, SPELLINGS_SCHEMA)
    return data


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Arabic token -> its dominant English spelling (Wikidata), empty when the table is not built."""
    if not SPELLINGS_PATH.exists():
        return {}
    return read_spellings(SPELLINGS_PATH)["spellings"]


def transliterate_token(token: str, m: dict) -> str:
    """One normalised Arabic token in Latin letters: the spelling table, else the model's known word,
    else the character model.

    An unknown word with the article ال is rendered al- + the rest (Wikipedia style: al-Alimi); the
    character model, trained mostly on names without it, would fuse the article into the name.
    """
    table = spellings()
    if token in table:
        return table[token]
    if token in m["words"]:
        return m["words"][token]
    if token.startswith("ال") and len(token) > 4:
        rest = table.get(token[2:]) or m["words"].get(token[2:]) or decode_token(token[2:], m)
        return "al-" + rest if rest else ""
    return decode_token(token, m)


def title_case(word: str, first: bool) -> str:
    """`hariri` -> `Hariri`; `al-alimi` -> `al-Alimi` (Al- at the start of the name); `bin` stays."""
    for particle in LOWER_PARTICLES:
        if word == particle.rstrip("-") and not first:
            return word
        if particle.endswith("-") and word.startswith(particle) and len(word) > len(particle):
            head = particle if not first else particle.capitalize()
            return head + word[len(particle):][:1].upper() + word[len(particle) + 1:]
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


@lru_cache(maxsize=4096)  # the beam search costs milliseconds; a name recurs across an article's mentions
def transliterate(name: str) -> str | None:
    """An English rendering of an Arabic person name, or None without a model or a letter to render."""
    m = model()
    if m is None:
        return None
    parts = [transliterate_token(t, m) for t in name_tokens(name) if not t.isascii()]
    if not parts or not all(parts):
        return None
    return " ".join(title_case(p, i == 0) for i, p in enumerate(parts))
