"""Quote dates: when the words were said. A day-level time expression governing the cue, on or before the
article's anchor date; else the anchor date. A year or month the sentence mentions (بحلول 2021) dates its
topic, not the saying, and nothing is said after the article reporting it."""
from __future__ import annotations

from bisect import bisect_right

from ..doc import Doc, Quote, Sentence


DAY = len("2018-06-18")


def dates_a_saying(value: str | None, anchor: str | None) -> bool:
    """A full day, not after the anchor: the only timex values that can say when a quote was said."""
    return bool(value) and len(value) == DAY and (anchor is None or value <= anchor)


def governing_timex(doc: Doc, q: Quote, sentence: Sentence, anchor: str | None = None) -> str | None:
    """The value of the saying-dating timex nearest the cue in its sentence, outside the quote's content."""
    best, best_gap = None, None
    for t in doc.get("timexes") or []:
        if not (sentence.start <= t.start and t.end <= sentence.end) or (q.start <= t.start < q.end):
            continue
        if not dates_a_saying(t.value, anchor):
            continue
        gap = abs(t.start - q.cue.start)
        if best_gap is None or gap < best_gap:
            best, best_gap = t.value, gap
    return best


def assign_dates(doc: Doc, quotes: list[Quote]) -> None:
    """Date each quote by the timex governing its cue, or by the anchor date."""
    anchor = doc.anchor_date.isoformat() if doc.anchor_date else None
    sentences = doc.get("sentences") or []
    starts = [s.start for s in sentences]  # sorted and disjoint: the sentence of a cue is found by bisection
    for q in quotes:
        sentence = _sentence_of(sentences, starts, q.cue.start) if q.cue else None
        value = governing_timex(doc, q, sentence, anchor) if sentence is not None and q.cue else None
        q.date = value or anchor


def _sentence_of(sentences: list, starts: list[int], pos: int):
    """The sentence holding character `pos`, if any."""
    k = bisect_right(starts, pos) - 1
    return sentences[k] if k >= 0 and pos < sentences[k].end else None
