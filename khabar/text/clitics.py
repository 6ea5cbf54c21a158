"""Every clitic stripper in one place: the tokenizer's segmentation and the look-up variants of a word.

`segment` (used by tokens.py) splits a clitic only where what remains is a word the lexicon knows, and a
word that is a name in the gazetteers stays whole, so بيسكوف is not ب+يسكوف. The stages that look words up
in a table instead try every plausible stripped form: `name_variants` (names and entity cues), `lookup_bases`
(event lexicons) and `without_conjunction` (quote phrases). The variants differ on purpose, in how much must
remain and which clitics they strip, and outputs depend on that; each is documented by what it strips.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import WORD_CACHE, load_yaml, read_lines
from .normalize import normalize

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


@lru_cache(maxsize=WORD_CACHE)
def name_variants(token: str) -> tuple[tuple[int, str], ...]:
    """(prefix length, rest) for a name token and the same token without attached و ف ب ل ك (cached: words repeat).

    A conjunction, then a preposition, may stand before a name; two letters must remain. The fused لل
    (للأمم) gives the key الأمم while the span keeps the لل.
    """
    out = [(0, token)]
    for conj in ("",) + CONJUNCTIONS:
        if conj and not token.startswith(conj):
            continue
        rest = token[len(conj):]
        if conj and len(rest) >= 2:
            out.append((len(conj), rest))
        if rest.startswith("لل") and len(rest) > 3:
            out.append((len(conj), ARTICLE + rest[2:]))
        for prep in PREPOSITIONS:
            if rest.startswith(prep) and len(rest) - 1 >= 2:
                out.append((len(conj) + 1, rest[1:]))
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE)
def lookup_bases(norm: str) -> tuple[str, ...]:
    """The word, then without a leading و/ف and/or ب/ل/ك (و+ب+الجيش -> الجيش), stripped only from four letters up.

    The event lexicons are looked up with these (cached: news repeats its words).
    """
    stems = [norm]
    if len(norm) > 3 and norm[0] in CONJUNCTIONS:
        stems.append(norm[1:])
    for s in list(stems):
        if len(s) > 3 and s.startswith("لل"):
            stems.append(ARTICLE + s[2:])
        elif len(s) > 3 and s[0] in PREPOSITIONS:
            stems.append(s[1:])
    return tuple(dict.fromkeys([norm, *stems]))


def without_conjunction(norm: str) -> str:
    """The word without a leading و/ف when three letters remain, for callers that know one is there."""
    if norm[:1] in CONJUNCTIONS and len(norm) > 3:
        return norm[1:]
    return norm


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
