"""Actor phrases: the run of actor words at a point of a sentence, and the checks that place one.

A phrase extends over modifiers, coordination (X و Y), a partitive (أربعة من
حراس الأمن) and the country it comes from (متظاهرون من فلسطينيين).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .actors import ActorLexicon, ActorWord, actor_word, combine
from .tables import argument_words
from ..text.words import Word

MAX_GAP = 3  # words skipped between a verb and its subject
MAX_PHRASE = 5
MAX_QUOTED_NAME = 6


@dataclass(frozen=True, slots=True)
class Phrase:
    """An actor phrase: word indexes [first, last], its code and whether it is a victim noun."""

    first: int
    last: int
    code: str | None
    victim: bool
    parts: tuple[ActorWord, ...]


def is_victim(words: list[Word], i: int) -> bool:
    """A victim noun (شخصا، مدنيين), or a counted noun in the accusative or oblique (150 متمردا): an object."""
    victims = argument_words().victims
    if any(b in victims or (b.startswith("ال") and b[2:] in victims) for b in words[i].bases):
        return True
    counted = any(w.kind == "number" or w.norm in argument_words().count_words for w in words[max(0, i - 2):i])
    return counted and words[i].norm.endswith(("ا", "ين"))


def phrase_at(lex: ActorLexicon, words: list[Word], i: int, hi: int, day: dt.date | None) -> Phrase | None:
    """The actor phrase starting at word i (extended over modifiers and X و Y), or None."""
    first = actor_word(lex, words, i, day)
    if first is None:
        return None
    parts = [first]
    j = i + first.length
    while j <= hi and j - i < MAX_PHRASE:
        nxt = actor_word(lex, words, j, day)
        modifier = words[j].norm in argument_words().title_modifiers
        if nxt is None and modifier and j + 1 <= hi and actor_word(lex, words, j + 1, day):
            j += 1  # الأمين العام السابق للحزب: the title's modifier stands between its parts
            continue
        if nxt is None:
            break
        if nxt.kind in ("named", "petrarch", "sector") and words[j].has_conj and j - i > 0:
            parts.append(nxt)  # coordination: X و Y
        elif _two_peoples(lex, parts, words, j, nxt):
            break  # بين الروس والأميركيين: two actors, not one people and its adjective
        elif words[j].has_conj and nxt.kind != "adjective":
            break
        elif _new_noun_phrase(words, j, nxt):
            break
        else:
            parts.append(nxt)
        j += nxt.length
    j = _partitive_end(lex, words, parts[-1], j, hi, day)
    origin = _origin(lex, words, j, hi, day)
    if origin is not None and not any(p.country and p.country != "INT" for p in parts):
        # متظاهرون من فلسطينيين، التحالف الدولي بقيادة الولايات المتحدة: the country follows the phrase.
        parts = [p for p in parts if p.country != "INT"] + [origin[0]]
        j = origin[1] + 1
    return Phrase(i, j - 1, combine(parts), is_victim(words, i), tuple(parts))


def _two_peoples(lex, parts: list[ActorWord], words: list[Word], j: int, nxt: ActorWord) -> bool:
    """Two nationals nouns coordinated (الروس والأميركيين) are two parties; singular adjectives coordinated
    qualify one noun (القصف الإيراني والتركي), as do adjectives after a noun head (القوات السورية والروسية)."""
    return words[j].has_conj and nxt.kind == "adjective" and all(p.kind == "adjective" for p in parts) \
        and nxt.country != parts[-1].country and _nationals(lex, words[j - 1]) and _nationals(lex, words[j])


def _nationals(lex, word: Word) -> bool:
    """A word naming people of a country: a plural adjective (الأميركيين، الإيرانيون) or a broken plural (الروس)."""
    return word.bases[-1].endswith(("ين", "ون")) or any(b in lex.peoples for b in word.bases)


def definite(word: Word) -> bool:
    return any(b.startswith("ال") for b in word.bases)


def _new_noun_phrase(words: list[Word], j: int, nxt: ActorWord) -> bool:
    """A sector noun without ال after a definite word starts a new phrase: a definite noun takes no
    indefinite modifier, so in ورشق المتظاهرين قوات الأمن the second noun is the object; nor does a noun in
    another case."""
    if nxt.kind != "sector":
        return False
    prev, cur = words[j - 1].norm, words[j].norm
    # مفجرون انتحاريون سياسيين: a nominative plural (ون) then an accusative one (ين) is subject then object.
    return definite(words[j - 1]) and not definite(words[j]) or prev.endswith("ون") and cur.endswith("ين")


def _partitive_end(lex, words: list[Word], last: ActorWord, j: int, hi: int, day) -> int:
    """After a member noun (عنصرين، أربعة من حراس): the end of من + the group it belongs to."""
    if last.kind != "member" or j >= len(words) or words[j].norm != "من":
        return j
    k = j + 1
    if k < len(words) and words[k].norm == "«":
        # A quoted group name (عنصرين من «ألوية الناصر صلاح الدين»): up to the closing quote.
        for m in range(k + 1, min(len(words), k + MAX_QUOTED_NAME + 1)):
            if words[m].norm == "»":
                return m + 1
        return j
    group = phrase_at(lex, words, k, hi, day) if k <= hi else None
    return group.last + 1 if group else j


def _origin(lex: ActorLexicon, words: list[Word], j: int, hi: int, day) -> tuple[ActorWord, int] | None:
    """A country named right after a phrase by من (من فلسطينيين، القادمين من ولايات أميركية، من أبناء دارفور),
    with the index of the word that names it."""
    k = j
    if not (k <= hi and words[k].norm in argument_words().led_by):  # بقيادة X: X follows directly
        if k <= hi and words[k].norm in argument_words().origin_leads:
            k += 1
        if k > hi or words[k].norm != "من":
            return None
    for m in range(k + 1, min(hi, k + 3) + 1):
        aw = actor_word(lex, words, m, day)
        if aw and aw.country:
            return ActorWord("adjective", 0, aw.country, None), m + max(aw.length, 1) - 1
    return None


def forward(lex, words, start, hi, day, gap=MAX_GAP) -> Phrase | None:
    """The first actor phrase after `start`, skipping up to `gap` non-actor words."""
    skip = argument_words().skip
    skipped = 0
    j = start
    while j <= hi:
        p = phrase_at(lex, words, j, hi, day)
        if p:
            return p
        if words[j].norm not in skip and words[j].kind != "number":
            skipped += 1
            if skipped > gap:
                return None
        j += 1
    return None


def backward(lex, words, end, lo, day) -> Phrase | None:
    """An actor phrase ending right before `end` (SVO subject), skipping time and quantity words."""
    skip = argument_words().skip
    j = end
    while j >= lo and (words[j].norm in skip or words[j].kind == "number"):
        j -= 1
    for first in range(j, max(lo, j - MAX_PHRASE) - 1, -1):
        p = phrase_at(lex, words, first, j, day)
        if p and p.last == j and (first == lo or not actor_word(lex, words, first - 1, day)):
            return None if governed(words, first) and not partitive(words, first) else p
    return None


def governed(words: list[Word], i: int) -> bool:
    """True when word i is the object of a preposition (في المدينة، بالمدينة): no subject then."""
    w = words[i]
    # The tokeniser knows names (كيريل is no ك+يريل); trust its split when it made one.
    if "prep" in w.roles:
        return True
    if not w.roles and len(w.norm) > 3 and w.norm[0] in "بل" and w.norm[1:] in w.bases:
        return True
    return i > 0 and words[i - 1].norm in argument_words().prep_words


def partitive(words: list[Word], i: int) -> bool:
    """Word i follows a number's من (سبعة من عناصر الشرطة، 23 من الكوريين): a counted noun, no preposition."""
    if i < 2 or words[i - 1].norm != "من":
        return False
    counted = words[i - 2]
    keys = {counted.norm, counted.norm[2:] if counted.norm.startswith("ال") else counted.norm}
    vocab = argument_words()
    return counted.kind == "number" or bool(keys & (vocab.count_words | vocab.skip))


def head_kind(p: Phrase) -> str | None:
    """The kind of a phrase's first actor word (a preverbal victim phrase may have none: شخصين قتلا)."""
    return p.parts[0].kind if p.parts else None


def lone_adjective(p: Phrase) -> bool:
    """A phrase of nationality adjectives only (مدن باكستانية): it qualifies a non-actor noun."""
    return bool(p.parts) and all(a.kind == "adjective" for a in p.parts)


def is_place(words: list[Word], p: Phrase) -> bool:
    """A country or city name governed by a preposition or a place word (في بغداد، شمال غرب باكستان)."""
    if head_kind(p) != "country":
        return False
    if partitive(words, p.first):
        return False  # 23 من الكوريين الجنوبيين: people counted, not a place
    return governed(words, p.first) or (p.first > 0 and words[p.first - 1].norm in argument_words().location_preps)


def has_article(word: Word) -> bool:
    """The word carries the article ال: the tokeniser's split when it made one (آلاف is no ال+اف)."""
    return "det" in word.roles if word.roles else definite(word)


def conjunct(lex, words, j: int, day) -> Phrase | None:
    """An actor phrase coordinated at word j: وإلى صهره جارد كوشنر، ومستشار البيت الأبيض جوش غريبناوم.

    The conjunction may carry a repeated preposition or a title noun the actor lexicon lacks; one more such
    word may stand before the actor (صهره).
    """
    if j >= len(words) or not words[j].has_conj:
        return None
    for k in range(j, min(j + 3, len(words))):
        if k > j and (words[k].is_punct or words[k].has_conj):
            return None
        q = phrase_at(lex, words, k, len(words) - 1, day)
        if q:
            return q
    return None
