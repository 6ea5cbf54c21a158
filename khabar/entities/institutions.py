"""Bare national institutions (وزارة العدل، مجلس الوزراء): named without their country, which the article gives.

Arabic news names the ministries of the country it is about without the nationality adjective («تقارير وزارة
العدل ومكتب التحقيقات الفدرالي» in an article on Trump). The KB knows them only with it (وزارة العدل
الأميركية), so the bare form is looked up here and linked only when two signals agree on the country: the
nearest country word in the sentence, and the countries the article names most. A wrong link is worse than
none: with no agreement the words are left alone.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..doc import Doc, Span
from ..resources.nationalities import nationality_at, nationality_forms
from ..text.clitics import name_variants
from ..text.span import SpanIndex
from ..text.names import name_tokens
from ..text.words import Word
from .detect import Candidate, adjacent
from .kb import KBEntity, KnowledgeBase

# A bare key of one word (الحكومة، الجيش، الخارجية) is a common noun as often as a name: left out.
MIN_BARE_WORDS, MAX_BARE_WORDS = 2, 4
MIN_ARTICLE_SIGNALS = 3
# Words after a bare institution that tie it to a place other than a country (وزارة الصحة في غزة).
PLACE_PREPS = frozenset({"في"})


@dataclass(frozen=True)
class Signal:
    """A country named at a place in the text: a linked entity's country or a nationality adjective."""

    start: int
    country: str


@lru_cache(maxsize=4)
def bare_index(kb: KnowledgeBase) -> dict[tuple[str, ...], dict[str, KBEntity]]:
    """Bare key -> country -> organisation, from aliases that end with their own country's adjective
    (وزارة العدل الأميركية -> وزارة العدل, USA). Curated entries only: the generated ones give every country
    every ministry (a Ministry of Interior of the United States), harmless while the adjective is written."""
    forms = nationality_forms()
    out: dict[tuple[str, ...], dict[str, KBEntity]] = {}
    for e in kb.entities.values():
        if e.type != "ORG" or not e.country or "curated" not in e.source:
            continue
        for alias in e.aliases:
            key = name_tokens(alias)
            if len(key) > MIN_BARE_WORDS and forms.get(key[-1:]) == e.country:
                out.setdefault(key[:-1], {}).setdefault(e.country, e)
    return out


def bare_matches(doc: Doc, kb: KnowledgeBase, ws: Sequence[Word], taken: list[Span]) -> list[tuple[Span, tuple]]:
    """(span, bare key) of every bare institution outside the other mentions and not tied to a place."""
    out, i = [], 0
    held = SpanIndex(taken)
    while i < len(ws):
        hit = _bare_at(bare_index(kb), ws, i, doc.normalized.text)
        if hit is None:
            i += 1
            continue
        n, prefix, key = hit
        span = doc.normalized.to_original(ws[i].nstart + prefix, ws[i + n - 1].nend)
        if not _qualified(ws, i + n) and not held.overlaps_any(span):
            out.append((span, key))
        i += n
    return out


def _bare_at(index: dict, ws: Sequence[Word], i: int, text: str) -> tuple[int, int, tuple[str, ...]] | None:
    """(words used, clitic prefix length, key) of the longest bare key at word i (و/ب/ل allowed on it)."""
    for n in range(min(MAX_BARE_WORDS, len(ws) - i), MIN_BARE_WORDS - 1, -1):
        if not adjacent(ws, i, n, text):
            continue
        rest = tuple(w.norm for w in ws[i + 1:i + n])
        for prefix, first in name_variants(ws[i].norm):
            if (first, *rest) in index:
                return n, prefix, (first, *rest)
    return None


def _qualified(ws: Sequence[Word], j: int) -> bool:
    """The words after a bare match name its country or place (الأميركية، في غزة): not bare after all."""
    return j < len(ws) and (nationality_at(ws, j) is not None or ws[j].norm in PLACE_PREPS)


def signals(doc: Doc, ws: Sequence[Word], linked: list[tuple]) -> list[Signal]:
    """Every country the text names: linked entities with a country, nationality adjectives."""
    out = [Signal(c.span.start, e.country) for c, e, _, _ in linked if e is not None and e.country]
    for i in range(len(ws)):
        hit = nationality_at(ws, i)
        if hit:
            out.append(Signal(doc.normalized.to_original(ws[i].nstart, ws[i].nend).start, hit[0]))
    return out


def article_countries(found: list[Signal]) -> frozenset[str]:
    """The countries named most often (several on a tie), when named often enough to tell what the
    article is about (one sentence naming القوات الأميركية says nothing of whose وزارة الداخلية it cites)."""
    counts = Counter(s.country for s in found)
    top = max(counts.values(), default=0)
    return frozenset(c for c, n in counts.items() if n == top and n >= MIN_ARTICLE_SIGNALS)


def local_country(doc: Doc, span: Span, found: list[Signal]) -> str | None:
    """The country named nearest to the span within its sentence."""
    sentence = next((s for s in doc.get("sentences") or [] if s.start <= span.start < s.end), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (span.start - 200, span.end + 200)
    near = [s for s in found if lo <= s.start < hi and not span.start <= s.start < span.end]
    return min(near, key=lambda s: abs(s.start - span.start)).country if near else None


def bare_institutions(doc: Doc, kb: KnowledgeBase, ws: Sequence[Word], taken: list[Span],
                      linked: list[tuple]) -> list[tuple]:
    """Linked candidates (as link() gives them) for the bare institutions whose country is clear: the
    country named nearest in the sentence is one the article names most."""
    found = signals(doc, ws, linked)
    top = article_countries(found)
    out = []
    for span, key in bare_matches(doc, kb, ws, taken) if top else ():
        country = local_country(doc, span, found)
        entity = bare_index(kb)[key].get(country) if country in top else None
        if entity is not None:
            out.append((Candidate(span, key, [entity], "bare", "ORG", 0.8), entity, 0.8, "ORG"))
    return out
