"""Event dates: a timex in the clause, else the article's effective date.

When no time stage ran (no `timexes` layer), a weekday name in the clause
(الاثنين) is resolved against the anchor date as the nearest such day: on or
before it for past events, on or after it for future ones.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ..doc import Span, Timex
from ..resources.calendar import weekday_names
from ..text.normalize import normalize
from ..text.words import Word


@lru_cache(maxsize=1)
def weekdays() -> Mapping[str, int]:
    """Normalised weekday name -> its date.weekday() number, from the time stage's table (data/time/weekdays.yaml)."""
    return MappingProxyType({normalize(name): number for number, names in weekday_names().items() for name in names})


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
    names = weekdays()
    for w in words[lo:hi + 1]:
        day = next((names[b] for b in w.bases if b in names), None)
        if day is None:
            continue
        delta = (day - anchor.weekday()) % 7 if future else -((anchor.weekday() - day) % 7)
        return (anchor + dt.timedelta(days=delta)).isoformat()
    return None
