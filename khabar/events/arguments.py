"""Source, target and location of an event, found around its trigger in the clause.

Arabic news is mostly VSO: the actor right after the verb is its subject, and
the next one its object. SVO clauses put the subject before the verb; a verb
common in the passive (قتل، أصيب) takes a victim noun as its target. A
target may also stand after ضد / على / مع / إلى or the prefix ب / ل.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Argument
from ..text.normalize import normalize
from .actors import ActorLexicon, ActorWord, actor_word, combine
from .triggers import Trigger
from .words import Word, clause_bounds

# Words between a verb and its subject that are no actor: time, quantity, manner.
SKIP = frozenset(normalize(w) for w in (
    "أمس", "امس", "اليوم", "ليلا", "ليلة", "صباح", "صباحا", "مساء", "مساء", "الليلة", "فجر", "فجرا", "ظهر", "يوم",
    "عشرات", "مئات", "آلاف", "الاف", "ألف", "حوالي", "نحو", "قرابة", "زهاء", "أكثر", "اكثر", "من", "عدد", "بضعة",
    "عدة", "أيضا", "كذلك", "مجددا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الماضي", "الماضية", "قبل", "بعد", "اول", "أول", "جميع", "كل", "بعض", "احد", "أحد", "بينهم", "مجموعة",
    "ثلاثة", "اربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "اثنين", "اثنان", "ثلاث", "أربع", "خمس",
    "ست", "سبع", "ثماني", "تسع", "عشر", "قد", "لقد", "وقد", "فقد", "كان", "كانت"))
TARGET_PREPS = frozenset(normalize(w) for w in ("ضد", "على", "مع", "إلى", "الى", "بحق", "تجاه", "نحو", "لدى"))
TARGET_CUES = frozenset(normalize(w) for w in (
    "ضد", "مطالبين", "مطالبا", "مطالبة", "للمطالبة", "تطالب", "يطالب", "يطالبون", "مناهضة", "مناهض", "معادية",
    "معاد", "مؤيدة", "مؤيد", "استهدف", "استهدفت", "مستهدفة", "مستهدفا", "باستقالة", "برحيل", "بسقوط", "يسقط",
    "منددين", "منددة", "للتنديد", "تندد", "احتجاجا", "احتجاجاً"))
MEMBER_CUES = frozenset(normalize(w) for w in ("من", "بينهم", "بينها", "منهم", "ومنهم", "وبينهم", "بينهما"))
PRONOUN_CLAUSES = frozenset(normalize(w) for w in ("أنه", "انه", "إنه", "أنها", "إنها", "أنهم", "إنهم"))
WITH_PRONOUN = frozenset(normalize(w) for w in ("معه", "معها", "معهم", "معهما"))
LOCATION_PREPS = frozenset(normalize(w) for w in (
    "في", "قرب", "شرق", "غرب", "شمال", "جنوب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "بالقرب", "داخل",
    "أمام", "قرب", "بمدينة", "بمنطقة", "مدينة", "منطقة", "محافظة", "بلدة", "العاصمة"))
# Heads that are victims rather than agents when a passive-prone verb comes first: قتل 20 شخصا.
VICTIMS = frozenset(normalize(w) for w in (
    "شخص", "شخصا", "أشخاص", "اشخاص", "مدني", "مدنيا", "مدنيين", "مدنيون", "طفل", "أطفال", "اطفال", "امرأة", "نساء",
    "جندي", "جنديا", "جنود", "شرطي", "شرطيا", "عراقيا", "فلسطينيا", "فلسطينيين", "مواطن", "مواطنا", "مواطنين",
    "قتيل", "قتلى", "جرحى", "آخرون", "اخرون", "عنصر", "عناصر", "رجال", "مسلحين", "مسلحا", "متظاهرين", "متظاهرا"))
# Words that govern what follows them: a phrase after one is no subject.
PREP_WORDS = frozenset(normalize(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "ضد", "قرب", "أمام", "امام", "بين", "حول", "داخل", "خلال", "عبر",
    "لدى", "نحو", "تجاه", "بحق", "وسط", "بعد", "قبل", "منذ", "حتى", "عند"))
RELATIVES = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
COUNT_WORDS = frozenset(normalize(w) for w in (
    "ثلاثة", "اربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات", "مئات", "آلاف", "نحو", "حوالي"))
ORIGIN_LEADS = frozenset(normalize(w) for w in ("القادمين", "القادمون", "الوافدين", "المنحدرين"))
LED_BY = frozenset(normalize(w) for w in ("بقيادة", "التابعة", "التابع", "التابعين"))
MAX_GAP = 3  # words skipped between a verb and its subject
MAX_PHRASE = 5


@dataclass(frozen=True, slots=True)
class Phrase:
    """An actor phrase: word indexes [first, last], its code and whether it is a victim noun."""

    first: int
    last: int
    code: str | None
    victim: bool
    parts: tuple[ActorWord, ...]


def _is_victim(words: list[Word], i: int) -> bool:
    """A victim noun (شخصا، مدنيين), or a counted noun in the accusative or oblique (150 متمردا): an object."""
    if any(b in VICTIMS or (b.startswith("ال") and b[2:] in VICTIMS) for b in words[i].bases):
        return True
    counted = any(w.kind == "number" or w.norm in COUNT_WORDS for w in words[max(0, i - 2):i])
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
        if nxt is None:
            break
        if nxt.kind in ("named", "petrarch", "sector") and words[j].has_conj and j - i > 0:
            parts.append(nxt)  # coordination: X و Y
        elif words[j].has_conj and nxt.kind != "adjective":
            break
        else:
            parts.append(nxt)
        j += nxt.length
    origin = _origin(lex, words, j, hi, day)
    if origin is not None and not any(p.country and p.country != "INT" for p in parts):
        # متظاهرون من فلسطينيين، التحالف الدولي بقيادة الولايات المتحدة: the country follows the phrase.
        parts = [p for p in parts if p.country != "INT"] + [origin]
    return Phrase(i, j - 1, combine(parts), _is_victim(words, i), tuple(parts))


def _origin(lex: ActorLexicon, words: list[Word], j: int, hi: int, day) -> ActorWord | None:
    """A country named right after a phrase by من (من فلسطينيين، القادمين من ولايات أميركية، من أبناء دارفور)."""
    k = j
    if not (k <= hi and words[k].norm in LED_BY):  # بقيادة X: X follows directly
        if k <= hi and words[k].norm in ORIGIN_LEADS:
            k += 1
        if k > hi or words[k].norm != "من":
            return None
    for m in range(k + 1, min(hi, k + 3) + 1):
        aw = actor_word(lex, words, m, day)
        if aw and aw.country:
            return ActorWord("adjective", 0, aw.country, None)
    return None


def _forward(lex, words, start, hi, day, gap=MAX_GAP) -> Phrase | None:
    """The first actor phrase after `start`, skipping up to `gap` non-actor words."""
    skipped = 0
    j = start
    while j <= hi:
        p = phrase_at(lex, words, j, hi, day)
        if p:
            return p
        if words[j].norm not in SKIP and words[j].kind != "number":
            skipped += 1
            if skipped > gap:
                return None
        j += 1
    return None


def _backward(lex, words, end, lo, day) -> Phrase | None:
    """An actor phrase ending right before `end` (SVO subject), skipping time and quantity words."""
    j = end
    while j >= lo and (words[j].norm in SKIP or words[j].kind == "number"):
        j -= 1
    for first in range(j, max(lo, j - MAX_PHRASE) - 1, -1):
        p = phrase_at(lex, words, first, j, day)
        if p and p.last == j and (first == lo or not actor_word(lex, words, first - 1, day)):
            return None if _governed(words, first) else p
    return None


def _governed(words: list[Word], i: int) -> bool:
    """True when word i is the object of a preposition (في المدينة، بالمدينة): no subject then."""
    w = words[i]
    # The tokeniser knows names (كيريل is no ك+يريل); trust its split when it made one.
    if "prep" in w.roles:
        return True
    if not w.roles and len(w.norm) > 3 and w.norm[0] in "بل" and w.norm[1:] in w.bases:
        return True
    return i > 0 and words[i - 1].norm in PREP_WORDS


def _after_prep(lex, words, start, hi, day) -> Phrase | None:
    """An actor phrase after a target preposition (ضد، على ...) or a ب/ل prefix in the clause."""
    for j in range(start, hi + 1):
        w = words[j]
        if w.norm in TARGET_PREPS and j + 1 <= hi:
            p = _forward(lex, words, j + 1, hi, day, gap=1)
            if p:
                return p
        elif len(w.norm) > 3 and w.norm[0] in "بل" and w.norm != w.bases[-1]:
            p = phrase_at(lex, words, j, hi, day)
            if p:
                return p
    return None


@dataclass
class Roles:
    source: Phrase | None = None
    target: Phrase | None = None


def _antecedent(lex, words, lo, day) -> Phrase | None:
    """For a verb in a relative clause (المتظاهرون الذين حملوا): the noun the clause hangs on."""
    if lo < 2 or words[lo - 1].norm not in RELATIVES:
        return None
    j = lo - 2
    while j > 0 and words[j].is_punct:
        j -= 1
    prev_lo, _ = clause_bounds(words, j)
    return _backward(lex, words, j, prev_lo, day)


def _verb_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    before = _backward(lex, words, t.first - 1, lo, day) if t.first > lo else None
    before = before or _antecedent(lex, words, lo, day)
    # Search from the verb itself: in رفع المتظاهرون لافتات the subject stands inside the trigger.
    after = _forward(lex, words, t.head + 1, hi, day)
    passive = t.entry.passive
    roles = Roles()
    if before and not (passive and before.victim):
        roles.source = before
    elif before:
        roles.target = before
    if after:
        if passive and after.victim and roles.target is None:
            roles.target = after
        elif roles.source is None:
            roles.source = after
        elif roles.target is None:
            roles.target = after
    nxt_start = max(p.last for p in (roles.source, roles.target, None) if p) + 1 if (roles.source or roles.target) else t.last + 1
    if roles.target is None:
        roles.target = _forward(lex, words, nxt_start, hi, day, gap=2) or _after_prep(lex, words, nxt_start, hi, day)
    return roles


def _noun_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    """Event nouns: an adjective or ل-phrase after the noun is its agent; ضد/على phrases its target."""
    roles = Roles()
    after = _forward(lex, words, t.last + 1, hi, day, gap=1)
    if after and not after.victim:
        roles.source = after
    elif after:
        roles.target = after
    start = (after.last + 1) if after else t.last + 1
    if roles.target is None:
        roles.target = _after_prep(lex, words, start, hi, day)
    if roles.source is None and t.first > lo:
        before = _backward(lex, words, t.first - 1, lo, day)
        if before and not before.victim:
            roles.source = before
    return roles


def _cued_target(lex, words, t: Trigger, day) -> Phrase | None:
    """An actor after a word that names whom an action is against or for (ضد، مطالبين، معادية ل ...)."""
    for j in range(t.last + 1, len(words) - 1):
        if any(b in TARGET_CUES for b in words[j].bases):
            p = _forward(lex, words, j + 1, len(words) - 1, day, gap=2)
            if p:
                return p
    return None


def _any_after(lex, words, start: int, day, avoid: Phrase | None) -> Phrase | None:
    """The first actor phrase from `start` to the end of the sentence that is not `avoid`."""
    j = start
    while j < len(words):
        p = phrase_at(lex, words, j, len(words) - 1, day)
        if p and not (avoid and avoid.first <= p.first <= avoid.last) and p.parts[0].kind != "country":
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
    if j < len(words) and any(b in MEMBER_CUES for b in words[j].bases):
        k = j + 1
        if k < len(words) and words[k].norm in MEMBER_CUES:
            k += 1
        q = phrase_at(lex, words, k, len(words) - 1, day) if k < len(words) else None
        if q:
            return Phrase(p.first, q.last, p.code or q.code, p.victim, p.parts + q.parts)
    return p


def _sentence_subject(lex, words, before: int, day) -> Phrase | None:
    """The first actor of the sentence not governed by a preposition: who a pronoun (أنه، معه) points back to."""
    j = 0
    while j < before:
        p = phrase_at(lex, words, j, before - 1, day)
        if p and not _governed(words, j) and p.parts[0].kind != "country":
            return p
        j = (p.last + 1) if p else j + 1
    return None


def _place_object(words: list[Word], p: Phrase | None) -> bool:
    """A place name after a preposition (في الصومال، ببغداد) is where, not whom."""
    return p is not None and p.parts[0].kind == "country" and _governed(words, p.first)


def find_roles(lex: ActorLexicon, words: list[Word], t: Trigger, day: dt.date | None) -> Roles:
    """Source and target phrases of a trigger within its clause, the target also beyond it."""
    lo, hi = clause_bounds(words, t.head)
    lo, hi = min(lo, t.first), max(hi, t.last)
    roles = (_verb_roles if t.entry.pos == "verb" else _noun_roles)(lex, words, t, lo, hi, day)
    if _place_object(words, roles.target):
        roles.target = None
    if roles.source is None:
        # أعلن دميترييف أنه عقد اجتماعا، ردت إسرائيل عبر اغتيال ...: with no subject of its own, the
        # trigger's agent is the sentence's subject (a pronoun, a coordinated verb, an event noun).
        roles.source = _sentence_subject(lex, words, t.first, day)
        if roles.source and roles.target and roles.source.first == roles.target.first:
            roles.source = None
    if roles.target is None and any(words[j].norm in WITH_PRONOUN for j in range(t.head + 1, min(hi, t.last + 3) + 1)):
        roles.target = _sentence_subject(lex, words, t.first, day)  # تحدث معه: with the sentence's subject
        if roles.target and roles.source and roles.target.first == roles.source.first:
            roles.target = None
    if roles.target is None:
        # News sentences name the target of a protest or attack well after the trigger
        # (تظاهروا ... مطالبين رئيس الوزراء); a cue word finds it, else the next actor.
        roles.target = _cued_target(lex, words, t, day) or _any_after(lex, words, t.last + 1, day, roles.source)
    roles.target = _including(lex, words, roles.target, day)
    return roles


def find_location(lex: ActorLexicon, words: list[Word], t: Trigger, day: dt.date | None) -> Phrase | None:
    """A place (country or city name) governed by في / قرب / شرق ...: in the trigger's clause, else after it."""
    lo, hi = clause_bounds(words, t.head)
    return _place_in(lex, words, lo, hi, day) or _place_in(lex, words, hi + 1, min(len(words) - 1, hi + 6), day)


def _place_in(lex: ActorLexicon, words: list[Word], lo: int, hi: int, day: dt.date | None) -> Phrase | None:
    for j in range(lo, hi + 1):
        w = words[j]
        after_prep = j > 0 and words[j - 1].norm in LOCATION_PREPS
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
