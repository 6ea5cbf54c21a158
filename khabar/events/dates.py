"""Event dates: a timex in the clause, else the article's effective date.

When no time stage ran (no `timexes` layer), a weekday name in the clause
(الاثنين) is resolved against the anchor date as the nearest such day: on or
before it for past events, on or after it for future ones.
"""
from __future__ import annotations

import datetime as dt

from ..model import Span, Timex
from ..text.normalize import normalize
from ..text.words import Word

WEEKDAYS = {normalize(w): i for i, w in enumerate(("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
                                                    "الأحد"))}


def timex_date(timexes: list[Timex], clause: Span) -> str | None:
    """The value of the first day-level timex inside the clause."""
    for t in timexes:
        if clause.start <= t.start and t.end <= clause.end and t.type == "DATE":
            return t.value
    return None


def weekday_date(words: list[Word], lo: int, hi: int, anchor: dt.date | None, future: bool) -> str | None:
    """The date of a weekday named in words[lo..hi], relative to the anchor."""
    if anchor is None:
        return None
    for w in words[lo:hi + 1]:
        day = next((WEEKDAYS[b] for b in w.bases if b in WEEKDAYS), None)
        if day is None:
            continue
        delta = (day - anchor.weekday()) % 7 if future else -((anchor.weekday() - day) % 7)
        return (anchor + dt.timedelta(days=delta)).isoformat()
    return None
