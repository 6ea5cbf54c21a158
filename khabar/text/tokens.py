"""Tokens, with Arabic clitics as sub-spans.

A word token may carry a conjunction (و ف), a preposition (ب ل ك) or the
future marker (س), the article ال, and an enclitic pronoun (ه ها هم ...).
A clitic is split off only when what remains is a word the lexicon knows, and
a word that is a name in the gazetteers stays whole, so بيسكوف is not ب+يسكوف.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..model import Token, TokenPart
from ..resources import load_yaml, read_lines
from .normalize import NormalizedView, normalize

ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC"
ARABIC_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
ARABIC_MARKS_CHARS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640])
DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"

_TOKEN = re.compile(
    rf"(?P<word>[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*)"
    rf"|(?P<number>[{DIGITS}]+(?:[.,/:\u066B\u066C-][{DIGITS}]+)*)"
    rf"|(?P<latin>[^\W\d_{ARABIC_LETTERS}][^\W_{ARABIC_LETTERS}]*(?:['’-][^\W_{ARABIC_LETTERS}]+)*)"
    r"|(?P<punct>[^\w\s])"
    r"|(?P<symbol>\S)"
)

CLITICS_SCHEMA = {
    "type": "object",
    "required": ["conjunctions", "prepositions", "future", "article", "enclitics", "fixed", "never_split"],
    "properties": {
        "conjunctions": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "prepositions": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "enclitics": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "fixed": {"type": "object", "additionalProperties": {"type": "array", "minItems": 2}},
        "never_split": {"type": "array", "items": {"type": "string"}},
    },
}


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class CliticRules:
    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    future: frozenset[str]
    future_before: frozenset[str]
    article: str
    enclitics: tuple[str, ...]
    fixed: dict
    never_split: frozenset[str]
    min_stem_count: int
    min_stem_ratio: dict
    min_stem_length: int
    lexicon: dict
    names: frozenset[str]

    def count(self, word: str) -> int:
        return self.lexicon.get(word, 0)

    def is_name(self, word: str) -> bool:
        return word in self.names

    def protected(self, word: str) -> bool:
        return word in self.never_split or word in self.names


@lru_cache(maxsize=1)
def clitic_rules() -> CliticRules:
    """The clitic rules, lexicon and name list shipped in khabar/data/text/."""
    data = load_yaml("text/clitics.yaml", CLITICS_SCHEMA)
    lexicon = {}
    for line in read_lines("text/lexicon.tsv.gz"):
        word, _, n = line.partition("\t")
        lexicon[word] = int(n)
    return CliticRules(
        conjunctions=frozenset(data["conjunctions"]), prepositions=frozenset(data["prepositions"]),
        future=frozenset(data["future"]), future_before=frozenset(data["future_before"]),
        article=data["article"], enclitics=tuple(data["enclitics"]),
        fixed={normalize(k): v for k, v in data["fixed"].items()},
        never_split=frozenset(normalize(w) for w in data["never_split"]),
        min_stem_count=data["min_stem_count"], min_stem_ratio=data["min_stem_ratio"],
        min_stem_length=data["min_stem_length"], lexicon=lexicon,
        names=frozenset(read_lines("text/names.txt.gz")),
    )


def _stem_is_word(rules: CliticRules, whole: str, stem: str, clitic: str) -> bool:
    """Whether `stem` is a real word, and common enough beside `whole` to believe the split."""
    if len(stem) < rules.min_stem_length:
        return False
    n = rules.count(stem) + rules.count(rules.article + stem)
    if n < rules.min_stem_count:
        return False
    # A clitic before the article is regular; elsewhere the stem must not be rare beside
    # the whole word, or root letters would be split off (وزير is not و+زير).
    return stem.startswith(rules.article) or n >= rules.min_stem_ratio[clitic] * rules.count(whole)


def _name_after_clitic(rules: CliticRules, whole: str, rest: str) -> bool:
    """A known name behind a clitic (لبوتين), unless the whole is a common word (لدينا is not ل+دينا)."""
    return rules.is_name(rest) and rules.count(whole) <= rules.count(rest)


def _split_conjunction(rules: CliticRules, w: str) -> tuple[list[tuple[int, str]], str]:
    if w[:1] in rules.conjunctions and len(w) > 2 and not rules.protected(w):
        rest = w[1:]
        if _name_after_clitic(rules, w, rest) or _stem_is_word(rules, w, rest, w[0]):
            return [(1, "conj")], rest
    return [], w


def _split_preposition(rules: CliticRules, w: str) -> tuple[list[tuple[int, str]], str]:
    if rules.protected(w):
        return [], w
    art = rules.article
    # لل: the preposition ل before the article, whose alef is not written.
    if w.startswith("لل") and len(w) > 3 and _stem_is_word(rules, w, art + w[2:], "ل"):
        return [(1, "prep"), (1, "det")], w[2:]
    head, rest = w[:1], w[1:]
    if head in rules.prepositions and len(w) > 2 and (
            _name_after_clitic(rules, w, rest) or _stem_is_word(rules, w, rest, head)):
        return [(1, "prep")], rest
    if head in rules.future and rest[:1] in rules.future_before and len(w) > 3 and _stem_is_word(rules, w, rest, head):
        return [(1, "future")], rest
    return [], w


def _split_article(rules: CliticRules, w: str) -> tuple[list[tuple[int, str]], str]:
    art = rules.article
    if w.startswith(art) and len(w) - len(art) >= rules.min_stem_length and not rules.protected(w):
        return [(len(art), "det")], w[len(art):]
    return [], w


def _split_enclitic(rules: CliticRules, w: str) -> tuple[str, int]:
    """The stem and the length of the pronoun suffix split from it (0 for none)."""
    if w in rules.never_split:
        return w, 0
    for suffix in rules.enclitics:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= rules.min_stem_length:
            # A feminine noun writes its ة as ت before a pronoun: طبيعتها is طبيعة + ها.
            if _stem_is_word(rules, w, stem, "suffix") or (
                    stem.endswith("ت") and _stem_is_word(rules, w, stem[:-1] + "ه", "suffix")):
                return stem, len(suffix)
    return w, 0


def segment(word: str, rules: CliticRules | None = None, ends_in_ta_marbuta: bool = False) -> list[tuple[int, int, str]]:
    """Split a normalised word into (start, end, role) parts over the word's own characters.

    Normalisation writes ة as ه, so the caller says when the word really ends in ة,
    which no pronoun follows.
    """
    rules = rules or clitic_rules()
    if word in rules.fixed:
        return _fixed_parts(word, rules.fixed[word])
    prefix: list[tuple[int, str]] = []
    rest = word
    for step in (_split_conjunction, _split_preposition):
        parts, rest = step(rules, rest)
        prefix += parts
    has_article = False
    if not any(role == "det" for _, role in prefix):
        parts, rest = _split_article(rules, rest)
        prefix += parts
        has_article = bool(parts)
    else:
        has_article = True
    suffix_len = 0
    if not has_article and not ends_in_ta_marbuta:
        rest, suffix_len = _split_enclitic(rules, rest)
    return _assemble(prefix, len(word), suffix_len)


def _fixed_parts(word: str, pieces: list[str]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for i, piece in enumerate(pieces):
        role = "prep" if i == 0 else "pron"
        out.append((pos, pos + len(piece), role))
        pos += len(piece)
    return out if pos == len(word) else [(0, len(word), "stem")]


def _assemble(prefix: list[tuple[int, str]], length: int, suffix_len: int) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for n, role in prefix:
        out.append((pos, pos + n, role))
        pos += n
    out.append((pos, length - suffix_len, "stem"))
    if suffix_len:
        out.append((length - suffix_len, length, "pron"))
    return out


def _word_parts(text: str, start: int, end: int, rules: CliticRules) -> tuple[TokenPart, ...]:
    return tuple(TokenPart(start + s, start + e, role) for s, e, role in _relative_parts(text[start:end], rules))


@lru_cache(maxsize=200_000)
def _relative_parts(word: str, rules: CliticRules) -> tuple[tuple[int, int, str], ...]:
    """Clitic parts of one written word, as offsets into the word (cached: news repeats its words)."""
    view = NormalizedView(word)
    letters = word.rstrip(ARABIC_MARKS_CHARS)
    parts = segment(view.text, rules, ends_in_ta_marbuta=letters.endswith("ة"))
    if len(parts) == 1:
        return ((0, len(word), "stem"),)
    spans = [(view.to_original(s, e), role) for s, e, role in parts]
    return _cover([(span.start, span.end, role) for span, role in spans], len(word))


def _cover(parts: list[tuple[int, int, str]], length: int) -> tuple[tuple[int, int, str], ...]:
    """Stretch parts so they tile the word exactly (dropped marks belong to the part before them)."""
    out: list[tuple[int, int, str]] = []
    for i, (_, _, role) in enumerate(parts):
        s = 0 if i == 0 else out[-1][1]
        e = length if i == len(parts) - 1 else parts[i + 1][0]
        out.append((s, e, role))
    return tuple(out)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into `text`."""
    rules = clitic_rules()
    end = len(text) if end is None else end
    tokens = []
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "symbol"
        s, e = m.span()
        if kind == "punct" and not unicodedata.category(text[s]).startswith("P"):
            kind = "symbol"
        parts = _word_parts(text, s, e, rules) if kind == "word" else (TokenPart(s, e, "stem"),)
        tokens.append(Token(s, e, kind, parts))
    return tokens
