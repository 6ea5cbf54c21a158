"""Quote detection: reporting cues, the hook that opens their content, and the content span.

A verb cue (قال، أضاف، مشيرا) is followed by its subject and adjuncts and then
a hook: إن/أن/بأن, a colon, or quotation marks. The content runs from the
hook to the end of the clause. A source phrase (بحسب، وفقا لـ) has its
content before it, or after it at the start of a sentence.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..text.words import Word
from .lexicon import CueForm, QuoteLexicon
from .marks import Region
from .words import CLAUSE_PUNCT, QUOTE_CHARS, STOP_PUNCT, match_first, match_phrase

HOOK_WINDOW = 30  # words between a cue and its hook: a long subject with appositions fits
NAME_IN_MARKS = 2  # quoted stretches this short after a plain word are names («إكس»), not content


@dataclass(frozen=True)
class Cue:
    """A reporting cue over words [i, j)."""

    i: int
    j: int
    kind: str  # verb | source | self | document
    form: CueForm | None = None


@dataclass(frozen=True)
class Hook:
    kind: str  # comp | colon | mark
    i: int  # first word of the hook
    j: int  # first word after it
    region: Region | None = None


def find_cues(words: list[Word], lex: QuoteLexicon) -> list[Cue]:
    """Every cue of the document, in text order; negated and impersonal verbs are left out."""
    out: list[Cue] = []
    i = 0
    while i < len(words):
        cue = _cue_at(words, i, lex)
        if cue:
            out.append(cue)
            i = cue.j
        else:
            i += 1
    return out


def _cue_at(words: list[Word], i: int, lex: QuoteLexicon) -> Cue | None:
    w = words[i]
    for kind, phrase in lex.cue_phrase_index.get(w.norm, ()):
        n = match_phrase(words, i, phrase)
        if n:
            return Cue(i, i + n, kind)
    form = lex.forms.get(w.norm)
    if form is None or w.norm in lex.impersonal:
        return None
    if i > 0 and words[i - 1].sentence == w.sentence and (words[i - 1].norm in lex.negators
                                                                 or words[i - 1].norm in lex.relative_what):
        return None  # لم يذكر: no report; لما أعلنه: a statement referred to, not reported
    j = i + 1
    if j < len(words) and words[j].norm in lex.cue_tails:
        j += 1  # وتابع بالقول
    return Cue(i, j, "verb", form)


def sentence_bounds(words: list[Word], i: int) -> tuple[int, int]:
    """The word range [start, end) of the sentence of word i."""
    s = i
    while s > 0 and words[s - 1].sentence == words[i].sentence:
        s -= 1
    e = i
    while e < len(words) and words[e].sentence == words[i].sentence:
        e += 1
    return s, e


def region_at(regions: list[Region], w: Word) -> Region | None:
    """The quoted region whose opening mark is word w."""
    for r in regions:
        if r.open == w.start:
            return r
    return None


def find_hook(words: list[Word], cue: Cue, end: int, regions: list[Region], lex: QuoteLexicon,
              cue_starts: set[int]) -> Hook | None:
    """The first hook after a verb cue, before `end` and before any other cue."""
    k = cue.j
    while k < end and k - cue.j < HOOK_WINDOW:
        w = words[k]
        if k in cue_starts:
            return None
        n = match_first(words, k, lex.complementizer_index)
        if n:
            return Hook("comp", k, k + n)
        if w.norm == ":":
            return Hook("colon", k, k + 1)
        if w.norm in QUOTE_CHARS:
            r = region_at(regions, w)
            if r and _is_content(words, k, r, lex):
                return Hook("mark", k, _word_after(words, r), r)
            if r:
                k = _word_after(words, r)
                continue
        k += 1
    return None


def _word_after(words: list[Word], r: Region) -> int:
    """The index of the first word after a region's closing mark (or its end)."""
    stop = r.close if r.close is not None else r.end
    lo, hi = 0, len(words)
    while lo < hi:  # the first word starting after the mark
        mid = (lo + hi) // 2
        if words[mid].start > stop:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _is_content(words: list[Word], k: int, r: Region, lex: QuoteLexicon) -> bool:
    """Quoted words are content unless a name: short and glued to a plain word (منصة «إكس»), or after an organisation head."""
    prev = words[k - 1] if k > 0 else None
    if prev is not None and prev.sentence == words[k].sentence and (prev.bare in lex.org_heads or prev.norm in lex.org_heads):
        return False
    n = sum(1 for w in words[k:k + 60] if r.start <= w.start < r.end and w.is_word)
    if n > NAME_IN_MARKS:
        return True
    return prev is None or not prev.is_word or prev.sentence != words[k].sentence


def clause_end(words: list[Word], start: int, end: int, cues: list[Cue], lex: QuoteLexicon) -> int:
    """The word after the last word of a reported clause that starts at `start`.

    It stops before a later cue set off by a comma (، مضيفا), before a source
    phrase (، وفقا لرويترز) and before the sentence's end.
    """
    # cues are in text order: only those after `start` and before `end` can end the clause
    for k in range(bisect_right(cues, start, key=lambda c: c.i), len(cues)):
        cue = cues[k]
        if cue.i >= end:
            break
        if cue.i > 0 and words[cue.i - 1].norm in CLAUSE_PUNCT:
            end = cue.i - 1
            break
        if _coordinated(words, cue, end, lex):
            end = cue.i
            break
    for k in range(start + 1, end):
        if words[k - 1].norm in CLAUSE_PUNCT and match_first(words, k, lex.break_index):
            return k - 1
    return end


def _coordinated(words: list[Word], cue: Cue, end: int, lex: QuoteLexicon) -> bool:
    """A verb with و that opens its own clause (أشاد بالجنود ... وأصر على أن): a second report, not content."""
    if cue.kind != "verb" or not cue.form.conj or cue.form.pos not in ("past", "present"):
        return False
    return any(match_first(words, k, lex.complementizer_index) or words[k].norm == ":"
               for k in range(cue.j, min(cue.j + 2, end)))


def trim(words: list[Word], start: int, end: int) -> tuple[int, int] | None:
    """The character span of words [start, end) without edge punctuation."""
    while start < end and not words[start].is_word and words[start].norm not in QUOTE_CHARS:
        start += 1
    while end > start and not words[end - 1].is_word and words[end - 1].norm not in QUOTE_CHARS:
        end -= 1
    if end <= start:
        return None
    return words[start].start, words[end - 1].end


def kind_of(text: str, s: int, e: int, regions: list[Region]) -> tuple[str, int, int]:
    """direct, indirect or mixed for content [s, e); a clause wholly in marks is direct, inside them."""
    inside = [r for r in regions if s <= r.open < e]
    if not inside:
        return "indirect", s, e
    r = inside[0]
    before = text[s:r.open].strip()
    after = text[(r.close + 1) if r.close is not None else r.end:e].strip(" .،,")
    if len(inside) == 1 and not before and not after:
        return "direct", r.start, r.end
    if all(_scare(text, q) for q in inside):
        return "indirect", s, e
    return "mixed", s, e


def _scare(text: str, r: Region) -> bool:
    """A quoted single name after an organisation word (حركة «حماس») does not make a quote mixed."""
    words = text[r.start:r.end].split()
    prev = text[max(0, r.open - 12):r.open].split()
    return len(words) <= 3 and bool(prev) and prev[-1].lstrip("و") in ("حركة", "منظمة", "مركز", "تنظيم", "حزب",
                                                                         "جماعة", "جبهة", "منصة", "موقع", "صحيفة")


def at_sentence_start(words: list[Word], i: int, start: int) -> bool:
    """Whether only a conjunction or punctuation stands before word i in its sentence."""
    return all(not words[k].is_word or words[k].norm in ("و", "ف") for k in range(start, i))


def stop_punct(w: Word) -> bool:
    return w.norm in STOP_PUNCT
