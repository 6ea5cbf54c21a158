"""Source and target of a trigger inside its clause, for verbs (VSO, SVO, passive) and event nouns.

Arabic news is mostly VSO: the actor right after the verb is its subject, and
the next one its object. SVO clauses put the subject before the verb; a verb
common in the passive (قتل، أصيب) takes a victim noun as its target. A
target may also stand after ضد / على / مع / إلى or the prefix ب / ل.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actors import ActorLexicon, actor_word, combine
from .phrases import (Phrase, backward, conjunct, definite, forward, governed, is_place, is_victim, lone_adjective,
                      partitive, phrase_at)
from .tables import argument_words
from .triggers import Trigger
from ..text.words import Word
from .words import clause_bounds

# Sectors that, alone and indefinite after قتل / خطف, are its agents (خطف مسلحون ...), not its victims.
AGENT_SECTORS = frozenset({"UAF", "IMG", "COP"})
MAX_PREVERBAL = 8  # words of a preverbal victim phrase (11 مدنيا وأربعة من رجال الشرطة قتلوا)


def _after_prep(lex, words, start, hi, day) -> Phrase | None:
    """An actor phrase after a target preposition (ضد، على ...) or a ب/ل prefix in the clause."""
    for j in range(start, hi + 1):
        w = words[j]
        if w.norm in argument_words().target_preps and j + 1 <= hi:
            p = forward(lex, words, j + 1, hi, day, gap=1)
            if p:
                return p
        elif len(w.norm) > 3 and w.norm[0] in "بل" and w.norm != w.bases[-1] and governed(words, j):
            # The tokeniser's split decides (باكستانية is no ب+اكستانية).
            p = phrase_at(lex, words, j, hi, day)
            if p and not lone_adjective(p):
                return p
    return None


@dataclass
class Roles:
    source: Phrase | None = None
    target: Phrase | None = None
    possessive: bool = False  # the victim is named by a pronoun (مقتل أحد جنوده): the target is its owner


def _possessive_victim(lex: ActorLexicon, words: list[Word], start: int, hi: int) -> bool:
    """A sector noun with a possessive pronoun just after the trigger (مقتل أحد جنوده، اثنين من عناصرها)."""
    for j in range(start, min(hi, start + 3) + 1):
        for suffix in argument_words().object_suffixes:
            stem = words[j].bases[-1][:-len(suffix)] if words[j].bases[-1].endswith(suffix) else ""
            if len(stem) > 2 and (stem in lex.sectors or stem in lex.members):
                return True
    return False


def _antecedent(lex, words, lo, day) -> Phrase | None:
    """For a verb in a relative clause (المتظاهرون الذين حملوا): the noun the clause hangs on."""
    if lo < 2 or words[lo - 1].norm not in argument_words().relatives:
        return None
    j = lo - 2
    while j > 0 and words[j].is_punct:
        j -= 1
    prev_lo, _ = clause_bounds(words, j)
    return backward(lex, words, j, prev_lo, day)


def _object_pronoun(words: list[Word], t: Trigger) -> bool:
    """The verb carries an object pronoun (قتلهم، أصابته): it is active."""
    w = words[t.head]
    suffixes = argument_words().object_suffixes
    return any(b.endswith(suffixes) and not t.entry.key.endswith(suffixes) for b in w.bases[-1:])


def _immediate_object(lex, words, t: Trigger, hi, day) -> Phrase | None:
    """An actor phrase right after the verb (only time and quantity words between), not in a preposition."""
    p = forward(lex, words, t.last + 1, hi, day, gap=0)
    return p if p and not (governed(words, p.first) and not partitive(words, p.first)) else None


def _preverbal(lex, words, lo: int, end: int, day, agent: bool = False) -> Phrase | None:
    """The whole noun phrase between the clause start and the verb (إن 11 مدنيا وأربعة من رجال الشرطة قتلوا):
    the subject of a passive verb when it names people; with `agent`, a subject that opens on an actor word
    (أن المتشددين من الموالين لحركة طالبان اختطفوا)."""
    skip = argument_words().skip
    while lo < end and (words[lo].is_punct or any(b in skip for b in words[lo].bases) and words[lo].kind != "number"):
        lo += 1  # وكانت ... قد: auxiliaries and time words before the subject
    last = end - 1
    while last >= lo and (words[last].is_punct or words[last].norm in skip):
        last -= 1
    if last < lo or last - lo + 1 > MAX_PREVERBAL or any(w.is_punct for w in words[lo:last + 1]):
        return None
    if agent and (actor_word(lex, words, lo, day) is None or governed(words, lo)):
        return None
    parts = [aw for k in range(lo, last + 1) if (aw := actor_word(lex, words, k, day))]
    if not parts and not any(is_victim(words, k) for k in range(lo, last + 1)):
        return None
    return Phrase(lo, last, combine(parts), True, tuple(parts))


def _agent(lex, words, start, hi, day) -> Phrase | None:
    """The agent of a passive clause: قتل برصاص الشرطة، على يد مسلحين."""
    for j in range(start, hi + 1):
        if any(b in argument_words().agent_cues for b in words[j].bases) and j + 1 <= hi:
            p = phrase_at(lex, words, j + 1, hi, day)
            if p:
                return p
    return None


def _passive_roles(lex, words, t: Trigger, lo, hi, before, after, day) -> Roles | None:
    """Roles of a verb common in the passive when it reads as one (else None).

    SVO: a verb with no object after it has its subject as victim (أربعة من حراس الأمن قتلوا في هجوم).
    VSO: a single indefinite or counted phrase after the verb is its victim (قتل سائقا شاحنات).
    """
    pronoun_subject = lo > 0 and words[lo - 1].norm in argument_words().pronoun_clauses
    if not t.entry.passive or _object_pronoun(words, t) or pronoun_subject:
        return None
    obj = _immediate_object(lex, words, t, hi, day)
    subject = _preverbal(lex, words, lo, t.first, day) if t.first > lo else None
    subject = subject or before
    if subject is not None:
        if obj is not None:
            return None
        return Roles(_agent(lex, words, t.last + 1, hi, day), subject)
    if after is None or after.first != (obj.first if obj else -1):
        return None
    second = forward(lex, words, after.last + 1, hi, day, gap=2)
    if second is not None or _object_noun(words, after.last + 1, hi):
        return None  # اعتقلت الشرطة 5 أشخاص، أصاب صاروخ السيارة: an object follows
    if after.victim or not (_definite_phrase(words, after) or any(a.sector in AGENT_SECTORS for a in after.parts)):
        return Roles(_agent(lex, words, after.last + 1, hi, day), after)
    return None


def _definite_phrase(words: list[Word], p: Phrase) -> bool:
    """A phrase with ال on its head, or a construct whose genitive is definite (شرطة اسطنبول)."""
    if definite(words[p.first]):
        return True
    return p.last > p.first and (definite(words[p.first + 1]) or p.parts[-1].kind in ("named", "country"))


def _object_noun(words: list[Word], j: int, hi: int) -> bool:
    """A definite noun right after a phrase (أصاب صاروخ إسرائيلي السيارة): the verb's object."""
    vocab = argument_words()
    return j <= hi and words[j].kind == "word" and not words[j].has_conj and words[j].norm.startswith("ال") \
        and words[j].norm not in vocab.skip and words[j].norm not in vocab.relatives


def verb_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    before = backward(lex, words, t.first - 1, lo, day) if t.first > lo else None
    before = before or _antecedent(lex, words, lo, day)
    # Search from the verb itself: in رفع المتظاهرون لافتات the subject stands inside the trigger.
    after = forward(lex, words, t.head + 1, hi, day)
    subject = before or (_preverbal(lex, words, lo, t.first, day, agent=True) if t.first > lo else None)
    if subject is not None and after is not None and t.companion is not None and after.first <= t.companion <= after.last:
        # طائرة أطلقت صاروخا على ...: with a subject before, the word completing the trigger is no actor
        # (in VSO تجمع المتظاهرون it is the subject).
        after = forward(lex, words, t.last + 1, hi, day)
    passive = _passive_roles(lex, words, t, lo, hi, before, after, day)
    if passive is not None:
        return passive
    roles = Roles()
    pronoun_subject = lo > 0 and words[lo - 1].norm in argument_words().pronoun_clauses
    before = subject
    if before:
        roles.source = before
    if after:
        if t.entry.passive and after.victim and roles.target is None:
            roles.target = after  # قتلت 47 ارهابيا: a counted or victim noun after the verb is its object
        elif roles.source is None and not pronoun_subject:
            roles.source = after
        elif roles.target is None:
            roles.target = after  # أنها استهدفت عناصر طالبان: the pronoun is the subject, the phrase its object
    nxt_start = max(p.last for p in (roles.source, roles.target, None) if p) + 1 if (roles.source or roles.target) else t.last + 1
    if roles.target is None:
        roles.target = forward(lex, words, nxt_start, hi, day, gap=2) or _after_prep(lex, words, nxt_start, hi, day)
    return roles


def noun_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    """Event nouns: an adjective or ل-phrase after the noun is its agent; ضد/على phrases its target.

    The genitive after a noun of a transitive act done to someone (مقتل، اغتيال، اختطاف: `passive` in the
    lexicon) is its victim, as is a phrase after a target word (احتجاجات ضد الحزب، مظاهرات تطالب السلطة).
    """
    roles = Roles()
    after = forward(lex, words, t.last + 1, hi, day, gap=1)
    if after and (after.victim or t.entry.passive or _marked_target(words, t.last + 1, after.first)):
        roles.target = after
    elif after:
        roles.source = after
        roles.target = _between_second(lex, words, after, day)
    start = (after.last + 1) if after else t.last + 1
    if roles.target is None:
        roles.target = _after_prep(lex, words, start, hi, day)
    if t.entry.passive and (roles.target is None or is_place(words, roles.target)):
        roles.possessive = _possessive_victim(lex, words, t.last + 1, hi)
    if roles.source is None and t.first > lo:
        before = backward(lex, words, t.first - 1, lo, day)
        if before and not before.victim:
            roles.source = before
    return roles


def _between_second(lex, words: list[Word], first: Phrase, day) -> Phrase | None:
    """The second party of «بين X و Y» after an event noun (محادثات بين الروس والأميركيين): X is the source."""
    if first.first == 0 or words[first.first - 1].norm not in argument_words().between:
        return None
    return conjunct(lex, words, first.last + 1, day)


def _marked_target(words: list[Word], start: int, end: int) -> bool:
    """A target preposition or cue word among words[start:end] (ضد، على، تطالب ...)."""
    vocab = argument_words()
    return any(words[k].norm in vocab.target_preps or any(b in vocab.target_cues for b in words[k].bases)
               for k in range(start, end))
