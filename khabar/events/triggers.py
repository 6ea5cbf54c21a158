"""Finding trigger words (and multi-word triggers) in a sentence."""
from __future__ import annotations

from dataclasses import dataclass

from ..text.clitics import CONJUNCTIONS
from ..text.words import Word
from .lexicon import Entry, Form, TriggerLexicon
from .words import is_boundary


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger: its entry and the first/last word indexes it covers."""

    entry: Entry
    first: int
    last: int
    head: int  # the word that matched the entry's lemma or noun
    future: bool = False
    companion: int | None = None  # the word that completes a multi-word trigger


def _verb_base_ok(word: Word, base: str) -> bool:
    """Verbs take و/ف and ل before an imperfect (ليطالب), never ب or ك: بدعت is no verb."""
    if base == word.norm or (word.norm[0] in CONJUNCTIONS and base == word.norm[1:]):
        return True
    prefix = word.norm[: len(word.norm) - len(base)]
    return prefix in ("ل", "ول", "فل") and base[:1] in "يتن"


def _candidates(lex: TriggerLexicon, word: Word) -> list[Form]:
    for base in word.bases:
        forms = [f for f in lex.lookup(base) if f.entry.pos == "noun" or _verb_base_ok(word, base)]
        if forms:
            return forms
    return []


def _word_is(word: Word, wanted: tuple[str, ...]) -> bool:
    return any(b in wanted or (b.startswith("ال") and b[2:] in wanted) for b in word.bases)


def _companion(words: list[Word], i: int, entry: Entry) -> int | None:
    """The index of the word that completes a multi-word trigger, or None."""
    step = -1 if entry.window < 0 else 1
    j = i
    for _ in range(abs(entry.window)):
        j += step
        if not 0 <= j < len(words) or is_boundary(words[j]) and words[j].is_punct:
            return None
        if _word_is(words[j], entry.with_):
            return j
    return None


def _context_ok(words: list[Word], entry: Entry) -> bool:
    return not entry.context or any(_word_is(w, entry.context) for w in words)


def _blocked(words: list[Word], last: int, entry: Entry) -> bool:
    """True when a word right after the trigger makes it something else (هجوما حادا: a verbal attack)."""
    return bool(entry.unless) and any(_word_is(w, entry.unless) for w in words[last + 1:last + 3])


def _match(words: list[Word], i: int, form: Form) -> Trigger | None:
    entry = form.entry
    if not _context_ok(words, entry):
        return None
    if not entry.with_:
        return None if _blocked(words, i, entry) else Trigger(entry, i, i, i, form.future)
    j = _companion(words, i, entry)
    if j is None or _blocked(words, max(i, j), entry):
        return None
    return Trigger(entry, min(i, j), max(i, j), i, form.future, j)


def _best(found: list[Trigger]) -> Trigger:
    """Prefer multi-word triggers (more specific), then hand entries, then confidence."""
    return max(found, key=lambda t: (bool(t.entry.with_), t.entry.origin == "hand", t.entry.confidence))


def find_triggers(words: list[Word], lex: TriggerLexicon) -> list[Trigger]:
    """Non-overlapping triggers of a sentence, left to right."""
    out: list[Trigger] = []
    taken: set[int] = set()
    for i, word in enumerate(words):
        if word.kind != "word" or i in taken:
            continue
        found = [t for t in (_match(words, i, f) for f in _candidates(lex, word)) if t]
        if not found:
            continue
        best = _best(found)
        span = set(range(best.first, best.last + 1))
        if span & taken:
            continue
        taken |= span
        out.append(best)
    return out
