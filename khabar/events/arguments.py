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
from ..text.words import Word
from .actors import ActorLexicon, ActorWord, actor_word, combine
from .triggers import Trigger
from .words import clause_bounds

# Words between a verb and its subject that are no actor: time, quantity, manner.
SKIP = frozenset(normalize(w) for w in (
    "أمس", "امس", "اليوم", "ليلا", "ليلة", "صباح", "صباحا", "مساء", "مساء", "الليلة", "فجر", "فجرا", "ظهر", "يوم",
    "عشرات", "مئات", "آلاف", "الاف", "ألف", "حوالي", "نحو", "قرابة", "زهاء", "أكثر", "اكثر", "من", "عدد", "بضعة",
    "عدة", "أيضا", "كذلك", "ما", "مجموعه", "يقارب", "مجددا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الماضي", "الماضية", "قبل", "بعد", "اول", "أول", "جميع", "كل", "بعض", "احد", "أحد", "بينهم", "مجموعة",
    "ثلاثة", "اربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "اثنين", "اثنان", "ثلاث", "أربع", "خمس",
    "ست", "سبع", "ثماني", "تسع", "عشر", "قد", "لقد", "وقد", "فقد", "كان", "كانت", "الأسبوع", "الشهر", "العام",
    "عصر"))
TARGET_PREPS = frozenset(normalize(w) for w in ("ضد", "على", "مع", "إلى", "الى", "بحق", "تجاه", "نحو", "لدى"))
TARGET_CUES = frozenset(normalize(w) for w in (
    "ضد", "مطالبين", "مطالبا", "مطالبة", "للمطالبة", "تطالب", "يطالب", "يطالبون", "مناهضة", "مناهض", "معادية",
    "معاد", "مؤيدة", "مؤيد", "استهدف", "استهدفت", "مستهدفة", "مستهدفا", "باستقالة", "برحيل", "بسقوط", "يسقط",
    "منددين", "منددة", "للتنديد", "تندد", "احتجاجا", "احتجاجاً"))
BETWEEN = frozenset({normalize("بين")})
# «في إشارة إلى X و Y»: the list after it names whom the words before it meant.
REFERENCE_NOUNS = frozenset(normalize(w) for w in ("إشارة", "اشارة"))
REFERENCE_PREPS = frozenset(normalize(w) for w in ("إلى", "الى"))
MEMBER_CUES = frozenset(normalize(w) for w in ("من", "بينهم", "بينها", "منهم", "ومنهم", "وبينهم", "بينهما"))
PRONOUN_CLAUSES = frozenset(normalize(w) for w in ("أنه", "انه", "إنه", "أنها", "إنها", "أنهم", "إنهم"))
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")
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
# Words that qualify a title inside an actor phrase (الأمين العام السابق للحزب): the phrase runs on over them.
TITLE_MODIFIERS = frozenset(normalize(w) for w in ("السابق", "السابقة", "الأسبق", "الراحل", "المستقيل", "الجديد"))
# Agent phrases of a passive clause: قتل برصاص الشرطة، على يد مسلحين.
AGENT_CUES = frozenset(normalize(w) for w in ("برصاص", "بنيران", "بأيدي", "يد", "أيدي"))
# Sectors that, alone and indefinite after قتل / خطف, are its agents (خطف مسلحون ...), not its victims.
AGENT_SECTORS = frozenset({"UAF", "IMG", "COP"})
MAX_GAP = 3  # words skipped between a verb and its subject
MAX_PHRASE = 5
MAX_PREVERBAL = 8  # words of a preverbal victim phrase (11 مدنيا وأربعة من رجال الشرطة قتلوا)
MAX_QUOTED_NAME = 6


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
        if nxt is None and words[j].norm in TITLE_MODIFIERS and j + 1 <= hi and actor_word(lex, words, j + 1, day):
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
    return Phrase(i, j - 1, combine(parts), _is_victim(words, i), tuple(parts))


def _two_peoples(lex, parts: list[ActorWord], words: list[Word], j: int, nxt: ActorWord) -> bool:
    """Two nationals nouns coordinated (الروس والأميركيين) are two parties; singular adjectives coordinated
    qualify one noun (القصف الإيراني والتركي), as do adjectives after a noun head (القوات السورية والروسية)."""
    return words[j].has_conj and nxt.kind == "adjective" and all(p.kind == "adjective" for p in parts) \
        and nxt.country != parts[-1].country and _nationals(lex, words[j - 1]) and _nationals(lex, words[j])


def _nationals(lex, word: Word) -> bool:
    """A word naming people of a country: a plural adjective (الأميركيين، الإيرانيون) or a broken plural (الروس)."""
    return word.bases[-1].endswith(("ين", "ون")) or any(b in lex.peoples for b in word.bases)


def _definite(word: Word) -> bool:
    return any(b.startswith("ال") for b in word.bases)


def _new_noun_phrase(words: list[Word], j: int, nxt: ActorWord) -> bool:
    """A sector noun without ال after a definite word starts a new phrase: a definite noun takes no
    indefinite modifier, so in ورشق المتظاهرين قوات الأمن the second noun is the object; nor does a noun in
    another case."""
    if nxt.kind != "sector":
        return False
    prev, cur = words[j - 1].norm, words[j].norm
    # مفجرون انتحاريون سياسيين: a nominative plural (ون) then an accusative one (ين) is subject then object.
    return _definite(words[j - 1]) and not _definite(words[j]) or prev.endswith("ون") and cur.endswith("ين")


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
    if not (k <= hi and words[k].norm in LED_BY):  # بقيادة X: X follows directly
        if k <= hi and words[k].norm in ORIGIN_LEADS:
            k += 1
        if k > hi or words[k].norm != "من":
            return None
    for m in range(k + 1, min(hi, k + 3) + 1):
        aw = actor_word(lex, words, m, day)
        if aw and aw.country:
            return ActorWord("adjective", 0, aw.country, None), m + max(aw.length, 1) - 1
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
            return None if _governed(words, first) and not _partitive(words, first) else p
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
        elif len(w.norm) > 3 and w.norm[0] in "بل" and w.norm != w.bases[-1] and _governed(words, j):
            # The tokeniser's split decides (باكستانية is no ب+اكستانية).
            p = phrase_at(lex, words, j, hi, day)
            if p and not _lone_adjective(p):
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
        for suffix in OBJECT_SUFFIXES:
            stem = words[j].bases[-1][:-len(suffix)] if words[j].bases[-1].endswith(suffix) else ""
            if len(stem) > 2 and (stem in lex.sectors or stem in lex.members):
                return True
    return False


def _antecedent(lex, words, lo, day) -> Phrase | None:
    """For a verb in a relative clause (المتظاهرون الذين حملوا): the noun the clause hangs on."""
    if lo < 2 or words[lo - 1].norm not in RELATIVES:
        return None
    j = lo - 2
    while j > 0 and words[j].is_punct:
        j -= 1
    prev_lo, _ = clause_bounds(words, j)
    return _backward(lex, words, j, prev_lo, day)


def _object_pronoun(words: list[Word], t: Trigger) -> bool:
    """The verb carries an object pronoun (قتلهم، أصابته): it is active."""
    w = words[t.head]
    return any(b.endswith(OBJECT_SUFFIXES) and not t.entry.key.endswith(OBJECT_SUFFIXES) for b in w.bases[-1:])


def _immediate_object(lex, words, t: Trigger, hi, day) -> Phrase | None:
    """An actor phrase right after the verb (only time and quantity words between), not in a preposition."""
    p = _forward(lex, words, t.last + 1, hi, day, gap=0)
    return p if p and not (_governed(words, p.first) and not _partitive(words, p.first)) else None


def _partitive(words: list[Word], i: int) -> bool:
    """Word i follows a number's من (سبعة من عناصر الشرطة، 23 من الكوريين): a counted noun, no preposition."""
    if i < 2 or words[i - 1].norm != "من":
        return False
    counted = words[i - 2]
    keys = {counted.norm, counted.norm[2:] if counted.norm.startswith("ال") else counted.norm}
    return counted.kind == "number" or bool(keys & (COUNT_WORDS | SKIP))


def _preverbal(lex, words, lo: int, end: int, day, agent: bool = False) -> Phrase | None:
    """The whole noun phrase between the clause start and the verb (إن 11 مدنيا وأربعة من رجال الشرطة قتلوا):
    the subject of a passive verb when it names people; with `agent`, a subject that opens on an actor word
    (أن المتشددين من الموالين لحركة طالبان اختطفوا)."""
    while lo < end and (words[lo].is_punct or any(b in SKIP for b in words[lo].bases) and words[lo].kind != "number"):
        lo += 1  # وكانت ... قد: auxiliaries and time words before the subject
    last = end - 1
    while last >= lo and (words[last].is_punct or words[last].norm in SKIP):
        last -= 1
    if last < lo or last - lo + 1 > MAX_PREVERBAL or any(w.is_punct for w in words[lo:last + 1]):
        return None
    if agent and (actor_word(lex, words, lo, day) is None or _governed(words, lo)):
        return None
    parts = [aw for k in range(lo, last + 1) if (aw := actor_word(lex, words, k, day))]
    if not parts and not any(_is_victim(words, k) for k in range(lo, last + 1)):
        return None
    return Phrase(lo, last, combine(parts), True, tuple(parts))


def _agent(lex, words, start, hi, day) -> Phrase | None:
    """The agent of a passive clause: قتل برصاص الشرطة، على يد مسلحين."""
    for j in range(start, hi + 1):
        if any(b in AGENT_CUES for b in words[j].bases) and j + 1 <= hi:
            p = phrase_at(lex, words, j + 1, hi, day)
            if p:
                return p
    return None


def _passive_roles(lex, words, t: Trigger, lo, hi, before, after, day) -> Roles | None:
    """Roles of a verb common in the passive when it reads as one (else None).

    SVO: a verb with no object after it has its subject as victim (أربعة من حراس الأمن قتلوا في هجوم).
    VSO: a single indefinite or counted phrase after the verb is its victim (قتل سائقا شاحنات).
    """
    if not t.entry.passive or _object_pronoun(words, t) or (lo > 0 and words[lo - 1].norm in PRONOUN_CLAUSES):
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
    second = _forward(lex, words, after.last + 1, hi, day, gap=2)
    if second is not None or _object_noun(words, after.last + 1, hi):
        return None  # اعتقلت الشرطة 5 أشخاص، أصاب صاروخ السيارة: an object follows
    if after.victim or not (_definite_phrase(words, after) or any(a.sector in AGENT_SECTORS for a in after.parts)):
        return Roles(_agent(lex, words, after.last + 1, hi, day), after)
    return None


def _definite_phrase(words: list[Word], p: Phrase) -> bool:
    """A phrase with ال on its head, or a construct whose genitive is definite (شرطة اسطنبول)."""
    if _definite(words[p.first]):
        return True
    return p.last > p.first and (_definite(words[p.first + 1]) or p.parts[-1].kind in ("named", "country"))


def _object_noun(words: list[Word], j: int, hi: int) -> bool:
    """A definite noun right after a phrase (أصاب صاروخ إسرائيلي السيارة): the verb's object."""
    return j <= hi and words[j].kind == "word" and not words[j].has_conj and words[j].norm.startswith("ال") \
        and words[j].norm not in SKIP and words[j].norm not in RELATIVES


def _verb_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    before = _backward(lex, words, t.first - 1, lo, day) if t.first > lo else None
    before = before or _antecedent(lex, words, lo, day)
    # Search from the verb itself: in رفع المتظاهرون لافتات the subject stands inside the trigger.
    after = _forward(lex, words, t.head + 1, hi, day)
    subject = before or (_preverbal(lex, words, lo, t.first, day, agent=True) if t.first > lo else None)
    if subject is not None and after is not None and t.companion is not None and after.first <= t.companion <= after.last:
        # طائرة أطلقت صاروخا على ...: with a subject before, the word completing the trigger is no actor
        # (in VSO تجمع المتظاهرون it is the subject).
        after = _forward(lex, words, t.last + 1, hi, day)
    passive = _passive_roles(lex, words, t, lo, hi, before, after, day)
    if passive is not None:
        return passive
    roles = Roles()
    pronoun_subject = lo > 0 and words[lo - 1].norm in PRONOUN_CLAUSES
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
        roles.target = _forward(lex, words, nxt_start, hi, day, gap=2) or _after_prep(lex, words, nxt_start, hi, day)
    return roles


def _noun_roles(lex, words, t: Trigger, lo, hi, day) -> Roles:
    """Event nouns: an adjective or ل-phrase after the noun is its agent; ضد/على phrases its target.

    The genitive after a noun of a transitive act done to someone (مقتل، اغتيال، اختطاف: `passive` in the
    lexicon) is its victim, as is a phrase after a target word (احتجاجات ضد الحزب، مظاهرات تطالب السلطة).
    """
    roles = Roles()
    after = _forward(lex, words, t.last + 1, hi, day, gap=1)
    if after and (after.victim or t.entry.passive or _marked_target(words, t.last + 1, after.first)):
        roles.target = after
    elif after:
        roles.source = after
        roles.target = _between_second(lex, words, after, day)
    start = (after.last + 1) if after else t.last + 1
    if roles.target is None:
        roles.target = _after_prep(lex, words, start, hi, day)
    if t.entry.passive and (roles.target is None or _is_place(words, roles.target)):
        roles.possessive = _possessive_victim(lex, words, t.last + 1, hi)
    if roles.source is None and t.first > lo:
        before = _backward(lex, words, t.first - 1, lo, day)
        if before and not before.victim:
            roles.source = before
    return roles


def _between_second(lex, words: list[Word], first: Phrase, day) -> Phrase | None:
    """The second party of «بين X و Y» after an event noun (محادثات بين الروس والأميركيين): X is the source."""
    if first.first == 0 or words[first.first - 1].norm not in BETWEEN:
        return None
    return _conjunct(lex, words, first.last + 1, day)


def _marked_target(words: list[Word], start: int, end: int) -> bool:
    """A target preposition or cue word among words[start:end] (ضد، على، تطالب ...)."""
    return any(words[k].norm in TARGET_PREPS or any(b in TARGET_CUES for b in words[k].bases)
               for k in range(start, end))


def _cued_target(lex, words, t: Trigger, day) -> Phrase | None:
    """An actor after a word that names whom an action is against or for (ضد، مطالبين، معادية ل ...)."""
    for j in range(t.last + 1, len(words) - 1):
        if any(b in TARGET_CUES for b in words[j].bases):
            p = _forward(lex, words, j + 1, len(words) - 1, day, gap=2)
            if p:
                return p
    return None


def _any_after(lex, words, start: int, day, avoid: Phrase | None) -> Phrase | None:
    """The first actor phrase from `start` to the end of the sentence that is not `avoid`, nor a place
    (a country after في/قرب, a lone nationality adjective that qualifies a place: مدن باكستانية)."""
    j = start
    while j < len(words):
        p = phrase_at(lex, words, j, len(words) - 1, day)
        if (p and not (avoid and avoid.first <= p.first <= avoid.last) and not _is_place(words, p)
                and not _lone_adjective(p)):
            return p
        j = (p.last + 1) if p else j + 1
    return None


def _head_kind(p: Phrase) -> str | None:
    """The kind of a phrase's first actor word (a preverbal victim phrase may have none: شخصين قتلا)."""
    return p.parts[0].kind if p.parts else None


def _lone_adjective(p: Phrase) -> bool:
    """A phrase of nationality adjectives only (مدن باكستانية): it qualifies a non-actor noun."""
    return bool(p.parts) and all(a.kind == "adjective" for a in p.parts)


def _is_place(words: list[Word], p: Phrase) -> bool:
    """A country or city name governed by a preposition or a place word (في بغداد، شمال غرب باكستان)."""
    if _head_kind(p) != "country":
        return False
    if _partitive(words, p.first):
        return False  # 23 من الكوريين الجنوبيين: people counted, not a place
    return _governed(words, p.first) or (p.first > 0 and words[p.first - 1].norm in LOCATION_PREPS)


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


def _referents(lex, words, p: Phrase | None, day) -> Phrase | None:
    """Extend a phrase that follows «في إشارة إلى» over its conjuncts: the list names who the words before
    it meant («أشكر ستيف وجارد وجوش»، في إشارة إلى موفد ترامب وإلى صهره جارد كوشنر ومستشار البيت الأبيض ...)."""
    if p is None or p.first < 2 or words[p.first - 1].norm not in REFERENCE_PREPS \
            or words[p.first - 2].norm not in REFERENCE_NOUNS:
        return p
    j = p.last + 1
    while (q := _conjunct(lex, words, j, day)) is not None:
        p = Phrase(p.first, q.last, p.code or q.code, p.victim, p.parts + q.parts)
        j = q.last + 1
    return p


def _conjunct(lex, words, j: int, day) -> Phrase | None:
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


def _sentence_subject(lex, words, before: int, day) -> Phrase | None:
    """The first actor of the sentence not governed by a preposition: who a pronoun (أنه، معه) points back to.

    A conjunct right after a governed word shares its preposition (محادثات بين الروس والأميركيين): no subject.
    """
    j, governed_end = 0, -2
    while j < before:
        p = phrase_at(lex, words, j, before - 1, day)
        end = p.last if p else j
        if _governed(words, j) or (j == governed_end + 1 and words[j].has_conj):
            governed_end = end
        elif p and not _is_place(words, p) and not _dateline(words, p) and not _attribute(words, p) \
                and not _sector_adjective(lex, words, p, day):
            return p
        j = end + 1
    return None


def _attribute(words: list[Word], p: Phrase) -> bool:
    """Nationality adjectives agreeing with the definite noun before them (الحرب الأميركية الإسرائيلية):
    they qualify that noun; no actor (unlike قال الأميركيون, after a verb)."""
    return (_lone_adjective(p) and p.first > 0 and not words[p.first].has_conj and _has_article(words[p.first])
            and words[p.first - 1].kind == "word" and _has_article(words[p.first - 1]))


def _sector_adjective(lex, words: list[Word], p: Phrase, day) -> bool:
    """A lone definite sector word right after a definite noun that names no actor qualifies that noun:
    «الدور الرئيس» is "the main role", not a president."""
    if p.first != p.last or p.first == 0 or not all(a.kind == "sector" for a in p.parts):
        return False
    prev = words[p.first - 1]
    return (not words[p.first].has_conj and _has_article(words[p.first]) and prev.kind == "word"
            and _has_article(prev) and not prev.is_punct
            and phrase_at(lex, words, p.first - 1, p.first - 1, day) is None)


def _has_article(word: Word) -> bool:
    """The word carries the article ال: the tokeniser's split when it made one (آلاف is no ال+اف)."""
    return "det" in word.roles if word.roles else _definite(word)


def _dateline(words: list[Word], p: Phrase) -> bool:
    """A place name opening a news item (موسكو، كييف - ...) is where it was filed, no actor."""
    return _head_kind(p) == "country" and (p.last + 1 >= len(words) or words[p.last + 1].is_punct)


def _place_object(words: list[Word], p: Phrase | None) -> bool:
    """A place name after a preposition (في الصومال، ببغداد، شمال غرب باكستان) is where, not whom."""
    return p is not None and _is_place(words, p)


def find_roles(lex: ActorLexicon, words: list[Word], t: Trigger, day: dt.date | None,
               own: Phrase | None = None) -> Roles:
    """Source and target phrases of a trigger within its clause, the target also beyond it.

    `own`: the actor phrase a noun trigger names itself (المتظاهرون): it is the source, and the phrase
    after it (سار المتظاهرون حتى السفارة الإسرائيلية) is the target.
    """
    lo, hi = clause_bounds(words, t.head)
    lo, hi = min(lo, t.first), max(hi, t.last)
    roles = (_verb_roles if t.entry.pos == "verb" else _noun_roles)(lex, words, t, lo, hi, day)
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
    if roles.target is None and any(words[j].norm in WITH_PRONOUN for j in range(t.head + 1, min(hi, t.last + 3) + 1)):
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
