"""Mention detection: KB aliases matched over the name words of the word layer, with clitics split off."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..doc import Doc, Span
from ..resources import read_lines
from ..text.clitics import name_variants
from ..text.span import SpanIndex
from ..text.words import Word, word_layer
from .kb import KBEntity, KnowledgeBase
from .lexicons import alias_rules

# A word seen this often in news that is not a known name is a common word: no fuzzy matching for it.
COMMON_WORD_COUNT = 300


@dataclass
class Candidate:
    """A stretch of text that may name an entity: its span, key and the KB entities it may be."""

    span: Span
    key: tuple[str, ...]
    entities: list[KBEntity] = field(default_factory=list)
    how: str = "exact"  # exact | skeleton | ner | name | role
    type: str | None = None
    score: float = 1.0


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    """Corpus counts of normalised words (the tokenizer's lexicon)."""
    out = {}
    for line in read_lines("text/lexicon.tsv.gz"):
        word, _, count = line.partition("\t")
        out[word] = int(count) if count.isdigit() else 0
    return out


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Normalised tokens of person names (Wikidata) and places (CLDR)."""
    return frozenset(read_lines("text/names.txt.gz"))


def is_common_word(token: str) -> bool:
    """A frequent word that is not a name: never matched by skeleton or fuzzily."""
    return word_counts().get(token, 0) >= COMMON_WORD_COUNT and token not in name_words()


def match_at(kb: KnowledgeBase, ws: Sequence[Word], i: int,
             text: str = "") -> tuple[int, int, tuple[str, ...], list[KBEntity], str] | None:
    """The longest alias starting at word i: (words used, prefix length, key, entities, how)."""
    variants = name_variants(ws[i].norm)
    # No key is longer than the longest one starting with a variant of this word: the search stops there.
    longest = max(kb.longest_from(first) for _, first in variants)
    for n in range(min(longest, len(ws) - i), 0, -1):
        rest = tuple(w.norm for w in ws[i + 1:i + n])
        if not adjacent(ws, i, n, text):
            continue
        for prefix, first in variants:
            key = (first, *rest)
            found = kb.lookup(key)
            if found:
                return n, prefix, key, found, "exact"
            if not any(is_common_word(t) for t in key):
                found = kb.lookup_skeleton(key)
                if found:
                    return n, prefix, key, found, "skeleton"
    return None


def adjacent(ws: Sequence[Word], i: int, n: int, text: str = "") -> bool:
    """True when words i..i+n-1 are separated by spaces (or _ and #) only, not by punctuation."""
    return all(ws[j].nstart - ws[j - 1].nend <= 2 and not text[ws[j - 1].nend:ws[j].nstart].strip(" _#")
               for j in range(i + 1, i + n))


def kb_candidates(doc: Doc, kb: KnowledgeBase, ws: Sequence[Word] | None = None) -> list[Candidate]:
    """Every longest KB alias match in the text, left to right, with its original span."""
    ws = ws if ws is not None else word_layer(doc).names
    never = alias_rules()[1]
    out, i = [], 0
    while i < len(ws):
        hit = match_at(kb, ws, i, doc.normalized.text)
        if hit is None:
            i += 1
            continue
        n, prefix, key, found, how = hit
        if " ".join(key) not in never:
            span = doc.normalized.to_original(ws[i].nstart + prefix, ws[i + n - 1].nend)
            out.append(Candidate(span, key, found, how))
        i += n
    return out


# A given name followed by a rare word or another name is taken for a person the KB does not know.
MAX_NAME_WORDS = 3
RARE_WORD_COUNT = 50


def is_given_name(token: str) -> bool:
    return token in name_words() and not is_common_word(token) and len(token) >= 3


def is_name_part(token: str) -> bool:
    return len(token) >= 3 and (token in name_words() or word_counts().get(token, 0) < RARE_WORD_COUNT) \
        and not is_common_word(token)


def name_candidates(doc: Doc, ws: Sequence[Word], taken: list[Span]) -> list[Candidate]:
    """Unknown person names: a given name and one or two more name words, outside every KB match."""
    out, i, text = [], 0, doc.normalized.text
    held = SpanIndex(taken)
    while i < len(ws) - 1:
        n = 0
        if is_given_name(ws[i].norm) and is_name_part(ws[i + 1].norm) and adjacent(ws, i, 2, text):
            n = 2
            while n < MAX_NAME_WORDS and i + n < len(ws) and is_given_name(ws[i + n].norm) \
                    and adjacent(ws, i, n + 1, text):
                n += 1
        if n:
            span = doc.normalized.to_original(ws[i].nstart, ws[i + n - 1].nend)
            if not held.overlaps_any(span):
                out.append(Candidate(span, tuple(w.norm for w in ws[i:i + n]), [], "name", "PER", 0.6))
                i += n
                continue
        i += 1
    return out
