"""Quote dates: a time expression governing the cue, else the article's anchor date."""
from __future__ import annotations

from ..model import Doc, Quote, Sentence


def governing_timex(doc: Doc, q: Quote, sentence: Sentence) -> str | None:
    """The value of the timex nearest the cue in its sentence, outside the quote's content."""
    best, best_gap = None, None
    for t in doc.get("timexes") or []:
        if not (sentence.start <= t.start and t.end <= sentence.end) or (q.start <= t.start < q.end):
            continue
        gap = abs(t.start - q.cue.start)
        if best_gap is None or gap < best_gap:
            best, best_gap = t.value, gap
    return best


def assign_dates(doc: Doc, quotes: list[Quote]) -> None:
    """Date each quote by the timex governing its cue, or by the anchor date."""
    anchor = doc.anchor_date.isoformat() if doc.anchor_date else None
    sentences = doc.get("sentences") or []
    for q in quotes:
        sentence = next((s for s in sentences if q.cue and s.start <= q.cue.start < s.end), None)
        value = governing_timex(doc, q, sentence) if sentence is not None and q.cue else None
        q.date = value or anchor
