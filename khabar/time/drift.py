"""Drift: when `اليوم الجمعة` (or `أمس الأحد`) contradicts the dateline date.

Papers date an issue by the day it is printed, or a wire item by the day it is
filed, while the text speaks from another day. The weekday named beside a
relative day word says which day the text speaks from; that day becomes the
effective date every relative expression is anchored to.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from .calendar import nearest_weekday
from .detect import Found
from .lexicon import TimeLexicon
from .resolve import key

_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def implied_dates(found: list[Found], date: dt.date, lx: TimeLexicon) -> list[tuple[Found, dt.date]]:
    """For each day word named with a weekday, the article date that the pair implies."""
    out = []
    for f in found:
        if f.kind == "day" and "wd" in f.parts:
            offset = lx.days[key(f.parts["dw"])]
            named = nearest_weekday(date + dt.timedelta(days=offset), lx.weekdays[key(f.parts["wd"])])
            out.append((f, named - dt.timedelta(days=offset)))
    return out


def effective_date(found: list[Found], date: dt.date | None,
                   lx: TimeLexicon) -> tuple[dt.date | None, Found | None]:
    """The date the text speaks from, and the expression that moved it (None when nothing did)."""
    if date is None:
        return None, None
    implied = implied_dates(found, date, lx)
    if not implied:
        return date, None
    # The day most pairs agree on; on a tie the earliest pair decides.
    votes = Counter(day for _, day in implied)
    best = max(votes, key=lambda d: (votes[d], -next(i for i, (_, x) in enumerate(implied) if x == d)))
    if best == date:
        return date, None
    return best, next(f for f, day in implied if day == best)


def drift_warning(expression: str, date: dt.date, effective: dt.date) -> str:
    """One line saying which expression moved the anchor, from which date to which."""
    return (f"date drift: «{expression}» places the text on {effective.isoformat()} "
            f"({_WEEKDAY_EN[effective.weekday()]}), but the article date {date.isoformat()} is a "
            f"{_WEEKDAY_EN[date.weekday()]}; relative expressions are anchored to {effective.isoformat()}")
