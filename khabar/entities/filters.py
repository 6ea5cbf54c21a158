"""Which proposed names to keep: NER mentions need evidence, and KB matches that are also words need the NER.

The NER model is retrained from time to time, so these rules test what a mention is (a title, a common
word, a nationality adjective, a place inside a competition name), never how one model behaves.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..doc import Mention, Span
from ..resources import load_yaml
from ..resources.nationalities import nationality_forms
from ..text.clitics import name_variants
from ..text.names import name_tokens
from ..text.words import Word
from .detect import Candidate, is_common_word, name_words, word_counts
from .lexicons import alias_rules, needs_ner, role_phrases
from .translit import model as translit_model

FILTERS_SCHEMA = {
    "type": "object", "required": ["version", "descriptors", "event_heads", "connectors"],
    "properties": {k: {"type": "array", "items": {"type": "string"}}
                   for k in ("descriptors", "event_heads", "connectors")},
}
# An NER-only name that links nowhere is kept from this model score up (scores are marginals in [0, 1]).
MIN_NER_SCORE = 0.5
# Fuzzy KB matching only for names this long: short words are too close to too many aliases.
MIN_FUZZY_CHARS = 6
# A one-word name seen this rarely in news text is taken for a foreign name, not a word.
RARE_WORD_COUNT = 50
# A word seen this often in news that is no person-name token (Wikidata pairs) is a plain word here.
FREQUENT_WORD_COUNT = 300


@dataclass(frozen=True)
class Filters:
    descriptors: frozenset[str]
    event_heads: frozenset[str]
    connectors: frozenset[str]
    titles: frozenset[str]


@lru_cache(maxsize=1)
def filters() -> Filters:
    """The filter lexicons, plus the title words of the role phrases (الرئيس، وزير، الملك...)."""
    data = load_yaml("entities/mention-filters.yaml", FILTERS_SCHEMA)
    words = lambda key: frozenset(t for a in data[key] for t in name_tokens(a))  # noqa: E731
    titles = frozenset(p.tokens[0] for p in role_phrases() if len(p.tokens[0]) > 2)
    return Filters(words("descriptors"), words("event_heads"), words("connectors"), titles)


@lru_cache(maxsize=1)
def person_name_tokens() -> frozenset[str]:
    """The Arabic tokens of the Wikidata person names the transliterator was trained on."""
    m = translit_model()
    return frozenset(m["words"]) if m else frozenset()


def is_plain_word(token: str) -> bool:
    """A frequent word that no person name uses (غير، رجال، منظمة): not a name word on its own."""
    return word_counts().get(token, 0) >= FREQUENT_WORD_COUNT and token not in person_name_tokens() \
        and token not in filters().connectors


def is_nationality(token: str) -> bool:
    return (token,) in nationality_forms()


def is_noise_word(token: str) -> bool:
    """A word that is never a name on its own: a title, a nationality adjective or a common word."""
    return token in filters().titles or is_nationality(token) or is_common_word(token)


def risky_kb(c: Candidate) -> bool:
    """A KB match that may be a plain word: found by skeleton only, or a one-word alias listed as a word
    first (alias-rules.yaml: needs_context, needs_ner)."""
    if c.how == "skeleton":
        return True
    return len(c.key) == 1 and (c.key[0] in alias_rules()[0] or c.key[0] in needs_ner())


def supported(span: Span, spans: list[Span]) -> bool:
    """True when an NER mention starts inside the span (not a name that merely contains it: كارتر/ارتر)."""
    return any(span.start <= s.start < span.end for s in spans)


def fuzzy_allowed(key: tuple[str, ...]) -> bool:
    """Fuzzy KB look-up only for long names made of no noise word."""
    return sum(map(len, key)) >= MIN_FUZZY_CHARS and not any(is_noise_word(t) for t in key)


def in_event_name(ws: Sequence[Word], i: int) -> bool:
    """True when word i follows an event head (كأس فرنسا، دوري أبطال أوروبا)."""
    heads = filters().event_heads
    back = ws[max(0, i - 2):i]
    return any(form in heads for w in back for _, form in name_variants(w.norm))


def word_forms(ws: Sequence[Word]) -> Counter:
    """How often each word occurs in the document, with and without its clitics."""
    out: Counter = Counter()
    for w in ws:
        out.update({form for _, form in name_variants(w.norm)})
    return out


def looks_like_name(token: str) -> bool:
    """A person-name word (Wikidata, CLDR) or a rare word (a foreign name), at least three letters."""
    return len(token) >= 3 and (token in name_words() or word_counts().get(token, 0) < RARE_WORD_COUNT)


def admit_unlinked(c: Candidate, m: Mention, forms: Counter) -> bool:
    """Keep an NER name the KB does not know only when it is confident and looks like a name."""
    key, f = c.key, filters()
    if not key or m.score < MIN_NER_SCORE or key[0] in f.titles or key[0] in f.descriptors:
        return False
    if any(is_nationality(t) for t in key) and len(key) <= 2:
        return False
    if len(key) == 1:
        t = key[0]
        if len(t) < 3 or is_plain_word(t) or is_common_word(t):
            return False
        # a lone given name is a partial mention unless it comes back; a rare word is a foreign name
        return forms[t] >= 2 or (t not in person_name_tokens() and looks_like_name(t))
    if c.type == "PER":
        if any(is_plain_word(t) for t in key):
            return False
        # a later word with a fused و is a second person (ستيف وجارد)
        if any(t.startswith("و") and t[1:] in person_name_tokens() for t in key[1:]):
            return False
    elif all(is_plain_word(t) or is_common_word(t) for t in key):  # رجال الأمن
        return False
    return any(len(t) >= 3 for t in key)


def extension_ok(outer: Candidate, inner: list[Candidate], f: Filters | None = None) -> bool:
    """May a longer NER name replace the KB matches inside it? Not when it joins two names, extends a
    full known person name, or only adds a descriptor (وكالة رويترز) or short stray words."""
    f = f or filters()
    if len(inner) != 1:
        return False
    k = inner[0]
    if k.entities and k.entities[0].type == "PER" and len(k.key) >= 2:
        return False
    if outer.type == "PER" and k.entities and all(e.type != "PER" for e in k.entities):
        return False  # a known place or organisation is no part of a person's name (باريس سان)
    extra = _extra_words(outer.key, k.key)
    if extra is None:
        return True
    if k.entities and all(e.type == "ORG" for e in k.entities) and extra and all(t in f.descriptors for t in extra):
        return False
    if outer.type == "PER" and any(is_plain_word(t) for t in extra):
        return False
    return all(len(t) >= 3 or t in f.connectors for t in extra)


def _extra_words(outer: tuple[str, ...], inner: tuple[str, ...]) -> list[str] | None:
    """The words of `outer` around `inner` (None when inner is not a contiguous part of it)."""
    n = len(inner)
    for i in range(len(outer) - n + 1):
        if outer[i:i + n] == inner:
            return list(outer[:i] + outer[i + n:])
    return None
