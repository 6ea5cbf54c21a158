"""Source, target and location of an event: its clause's roles, then the sentence around it.

khabar/events/clause_roles.py finds the roles inside the trigger's clause; a
role still missing comes from the sentence: its subject (for a pronoun or a
coordinated verb), a phrase after a target cue, or the next actor.
"""
from __future__ import annotations

import datetime as dt

from ..doc import Argument
from .actors import ActorLexicon, actor_word
from .clause_roles import Roles, noun_roles, verb_roles
from .phrases import Phrase, conjunct, forward, governed, has_article, head_kind, is_place, lone_adjective, phrase_at
from .tables import argument_words
from .triggers import Trigger
from .words import clause_bounds


def _cued_target(lex, words, t: Trigger, day) -> Phrase | None:
    """An actor after a word that names whom an action is against or for (ضد، مطالبين، معادية ل ...)."""
    for j in range(t.last + 1, len(words) - 1):
        if any(b in argument_words().target_cues for b in words[j].bases):
            p = forward(lex, words, j + 1, len(words) - 1, day, gap=2)
            if p:
                return p
    return None


def _any_after(lex, words, start: int, day, avoid: Phrase | None) -> Phrase | None:
    """The first actor phrase from `start` to the end of the sentence that is not `avoid`, nor a place
    (a country after في/قرب, a lone nationality adjective that qualifies a place: مدن باكستانية)."""
    j = start
    while j < len(words):
        p = phrase_at(lex, words, j, len(words) - 1, day)
        if (p and not (avoid and avoid.first <= p.first <= avoid.last) and not is_place(words, p)
                and not lone_adjective(p)):
            return p
        j = (p.last + 1) if p else j + 1
    return None


def _including(lex, words, p: Phrase | None, day) -> Phrase | None:
    """Extend `p` over an apposition that names members: مفاوضين أميركيين، من بينهم ستيف ويتكوف."""
    if p is None:
        return None
    j = p.last + 1
    while j < len(words) and words[j].is_punct:
        j += 1
    if j < len(words) and any(b in argument_words().member_cues for b in words[j].bases):
        k = j + 1
        if k < len(words) and words[k].norm in argument_words().member_cues:
            k += 1
        q = phrase_at(lex, words, k, len(words) - 1, day) if k < len(words) else None
        if q:
            return Phrase(p.first, q.last, p.code or q.code, p.victim, p.parts + q.parts)
    return p


def _referents(lex, words, p: Phrase | None, day) -> Phrase | None:
    """Extend a phrase that follows «في إشارة إلى» over its conjuncts: the list names who the words before
    it meant («أشكر ستيف وجارد وجوش»، في إشارة إلى موفد ترامب وإلى صهره جارد كوشنر ومستشار البيت الأبيض ...)."""
    if p is None or p.first < 2 or words[p.first - 1].norm not in argument_words().reference_preps \
            or words[p.first - 2].norm not in argument_words().reference_nouns:
        return p
    j = p.last + 1
    while (q := conjunct(lex, words, j, day)) is not None:
        p = Phrase(p.first, q.last, p.code or q.code, p.victim, p.parts + q.parts)
        j = q.last + 1
    return p


def _sentence_subject(lex, words, before: int, day) -> Phrase | None:
    """The first actor of the sentence not governed by a preposition: who a pronoun (أنه، معه) points back to.

    A conjunct right after a governed word shares its preposition (محادثات بين الروس والأميركيين): no subject.
    """
    j, governed_end = 0, -2
    while j < before:
        p = phrase_at(lex, words, j, before - 1, day)
        end = p.last if p else j
        if governed(words, j) or (j == governed_end + 1 and words[j].has_conj):
            governed_end = end
        elif p and not is_place(words, p) and not _dateline(words, p) and not _attribute(words, p) \
                and not _sector_adjective(lex, words, p, day):
            return p
        j = end + 1
    return None


def _attribute(words: list[Word], p: Phrase) -> bool:
    """Nationality adjectives agreeing with the definite noun before them (الحرب الأميركية الإسرائيلية):
    they qualify that noun; no actor (unlike قال الأميركيون, after a verb)."""
    return (lone_adjective(p) and p.first > 0 and not words[p.first].has_conj and has_article(words[p.first])
            and words[p.first - 1].kind == "word" and has_article(words[p.first - 1]))


def _sector_adjective(lex, words: list[Word], p: Phrase, day) -> bool:
    """A lone definite sector word right after a definite noun that names no actor qualifies that noun:
    «الدور الرئيس» is "the main role", not a president."""
    if p.first != p.last or p.first == 0 or not all(a.kind == "sector" for a in p.parts):
        return False
    prev = words[p.first - 1]
    return (not words[p.first].has_conj and has_article(words[p.first]) and prev.kind == "word"
            and has_article(prev) and not prev.is_punct
            and phrase_at(lex, words, p.first - 1, p.first - 1, day) is None)


def _dateline(words: list[Word], p: Phrase) -> bool:
    """A place name opening a news item (موسكو، كييف - ...) is where it was filed, no actor."""
    return head_kind(p) == "country" and (p.last + 1 >= len(words) or words[p.last + 1].is_punct)


def _place_object(words: list[Word], p: Phrase | None) -> bool:
    """A place name after a preposition (في الصومال، ببغداد، شمال غرب باكستان) is where, not whom."""
    return p is not None and is_place(words, p)


def find_roles(lex: ActorLexicon, words: list[Word], t: Trigger, day: dt.date | None,
               own: Phrase | None = None) -> Roles:
    """Source and target phrases of a trigger within its clause, the target also beyond it.

    `own`: the actor phrase a noun trigger names itself (المتظاهرون): it is the source, and the phrase
    after it (سار المتظاهرون حتى السفارة الإسرائيلية) is the target.
    """
    lo, hi = clause_bounds(words, t.head)
    lo, hi = min(lo, t.first), max(hi, t.last)
    roles = (verb_roles if t.entry.pos == "verb" else noun_roles)(lex, words, t, lo, hi, day)
    if own is not None:
        if roles.target is None and roles.source is not None and roles.source.first > own.last:
            roles.target = roles.source
        roles.source = own
    if _place_object(words, roles.target):
        roles.target = None
    if roles.source is None:
        # أعلن دميترييف أنه عقد اجتماعا، ردت إسرائيل عبر اغتيال ...: with no subject of its own, the
        # trigger's agent is the sentence's subject (a pronoun, a coordinated verb, an event noun).
        roles.source = _sentence_subject(lex, words, t.first, day)
        if roles.source and roles.target and roles.source.first == roles.target.first:
            roles.source = None
        if roles.source and roles.source.victim and roles.target is None and t.entry.type == "ASSAULT":
            roles.source, roles.target = None, roles.source  # لقي 300 مواطن حتفهم في تفجيرات: the victims
    if roles.possessive and roles.target is None:
        # أعلن الجيش الأميركي مقتل أحد جنوده: the pronoun points back to the sentence's subject.
        roles.target = _sentence_subject(lex, words, t.first, day)
        if roles.source and roles.target and roles.source.first == roles.target.first:
            roles.source = None
    with_pronoun = argument_words().with_pronoun
    if roles.target is None and any(words[j].norm in with_pronoun for j in range(t.head + 1, min(hi, t.last + 3) + 1)):
        roles.target = _sentence_subject(lex, words, t.first, day)  # تحدث معه: with the sentence's subject
        if roles.target and roles.source and roles.target.first == roles.source.first:
            roles.target = None
    if roles.target is None:
        # News sentences name the target of a protest or attack well after the trigger
        # (تظاهروا ... مطالبين رئيس الوزراء); a cue word finds it, else the next actor.
        roles.target = _cued_target(lex, words, t, day) or _any_after(lex, words, t.last + 1, day, roles.source)
    roles.target = _referents(lex, words, _including(lex, words, roles.target, day), day)
    return roles


def find_location(lex: ActorLexicon, words: list[Word], t: Trigger, day: dt.date | None) -> Phrase | None:
    """A place (country or city name) governed by في / قرب / شرق ...: in the trigger's clause, else after it."""
    lo, hi = clause_bounds(words, t.head)
    return _place_in(lex, words, lo, hi, day) or _place_in(lex, words, hi + 1, min(len(words) - 1, hi + 6), day)


def _place_in(lex: ActorLexicon, words: list[Word], lo: int, hi: int, day: dt.date | None) -> Phrase | None:
    for j in range(lo, hi + 1):
        w = words[j]
        after_prep = j > 0 and words[j - 1].norm in argument_words().location_preps
        prefixed = w.norm[:1] in "ب" and len(w.norm) > 3 or w.norm.startswith(("في", "وفي"))
        if not (after_prep or prefixed):
            continue
        aw = actor_word(lex, words, j, day)
        if aw and aw.kind == "country":
            return Phrase(j, j + aw.length - 1, aw.country, False, (aw,))
    return None


def argument(words: list[Word], phrase: Phrase | None, entity: str | None = None) -> Argument | None:
    """The model Argument for a phrase (its span runs from its first to its last word)."""
    if phrase is None:
        return None
    return Argument(words[phrase.first].start, words[phrase.last].end, entity, phrase.code)
