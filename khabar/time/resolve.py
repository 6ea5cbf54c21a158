"""Values for found expressions: a day, ISO week, month or year, anchored to the article's date.

`future` says whether the sentence looks forward (سيزور ... الأحد); it only
decides between the previous and the next occurrence when nothing else does.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .calendar import (TimeValueError, add_months, hijri_to_date, hijri_year_of, iso_week, make_date,
                       month_value, nearest_weekday, weekday_on_or_after, weekday_on_or_before)
from .detect import Found
from .lexicon import TimeLexicon

# A month or day named without a year is taken in the anchor's year unless that
# puts it this many months away against the tense (يناير in a December article is
# next January only when the sentence looks forward).
_PAST_REACH_MONTHS = 3
_FUTURE_LAG_MONTHS = 1


@dataclass(frozen=True)
class Value:
    value: str
    type: str
    anchor: dt.date | None  # None when the expression names its own year


def key(words: str) -> str:
    """A lexicon key from matched words, whose spacing may differ."""
    return " ".join(words.split())


def resolve(f: Found, anchor: dt.date | None, future: bool, lx: TimeLexicon) -> Value | None:
    """The value of one expression, or None when it needs an anchor and there is none."""
    try:
        value = _RESOLVERS[f.kind](f.parts, anchor, future, lx)
    except TimeValueError:
        return None
    # قبل أكثر من 2500 عام reaches before year 1, which no YYYY value can say: left out.
    return value if value is None or WELL_FORMED.match(value.value) else None


WELL_FORMED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def needs_tense(f: Found) -> bool:
    """Whether the value of `f` depends on the tense: a bare weekday, a day or month without year or modifier."""
    p = f.parts
    if f.kind == "weekday":
        return "mod" not in p
    return f.kind == "date" and not any(k in p for k in ("year", "ryear", "mod"))


def _day_value(day: dt.date, anchor: dt.date | None) -> Value:
    return Value(day.isoformat(), "DATE", anchor)


def _numeric(p: dict, anchor, future, lx) -> Value:
    if "iyear" in p:
        return _day_value(make_date(int(p["iyear"]), int(p["imon"]), int(p["iday"])), None)
    year, month, day = int(p["year"]), int(p["mon"]), int(p["day"])
    lo, hi = lx.hijri_year_range
    if lo <= year <= hi:
        return _day_value(hijri_to_date(year, month, day), None)
    return _day_value(make_date(year, month, day), None)


def _month_of(p: dict, lx: TimeLexicon) -> int:
    return lx.months[key(p["m1"])]


def _day_of(p: dict, lx: TimeLexicon) -> int | None:
    if "day" in p:
        return int(p["day"])
    return lx.ordinals[key(p["ord"])] if "ord" in p else None


def _modifier(p: dict, lx: TimeLexicon) -> str | None:
    return lx.modifiers[key(p["mod"])] if "mod" in p else None


def _year_for(anchor: dt.date, month: int, day: int | None, mod: str | None, future: bool) -> int:
    """The year of a month (and day) named without one, from its modifier or else the tense."""
    # A month alone compares by month only, so the anchor's own month is neither past nor next.
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if mod == "past":
        return anchor.year if there < here else anchor.year - 1
    if mod == "next":
        return anchor.year if there > here else anchor.year + 1
    if mod == "this":
        return anchor.year
    gap = (month - anchor.month) + ((day - anchor.day) / 31 if day is not None else 0)
    if future and gap < -_FUTURE_LAG_MONTHS:
        return anchor.year + 1
    if not future and gap > _PAST_REACH_MONTHS:
        return anchor.year - 1
    return anchor.year


def _date(p: dict, anchor, future, lx) -> Value | None:
    month, day, mod = _month_of(p, lx), _day_of(p, lx), _modifier(p, lx)
    if "year" in p:
        year, used = int(p["year"]), None
    elif anchor is None:
        return None
    elif "ryear" in p:
        year, used = anchor.year + {"past": -1, "next": 1}.get(lx.modifiers[key(p["rmod"])], 0), anchor
    else:
        year, used = _year_for(anchor, month, day, mod, future), anchor
    if day is None:
        return Value(month_value(year, month), "MONTH", used)
    return _day_value(make_date(year, month, day), used)


def _hijri(p: dict, anchor, future, lx) -> Value | None:
    month, day = lx.hijri_months[key(p["hm"])], _day_of(p, lx)
    if "year" in p:
        year, used = int(p["year"]), None
    elif anchor is None:
        return None
    else:
        year, used = hijri_year_of(anchor), anchor
    first = hijri_to_date(year, month, day or 1)
    if day is None:
        return Value(month_value(first.year, first.month), "MONTH", used)
    return _day_value(first, used)


def _year(p: dict, anchor, future, lx) -> Value:
    year = int(p["year"])
    if "hmark" in p:
        year = hijri_to_date(year, 1, 1).year
    return Value(f"{year:04d}", "YEAR", None)


def _weekday(p: dict, anchor, future, lx) -> Value | None:
    if anchor is None:
        return None
    wd, mod = lx.weekdays[key(p["wd"])], _modifier(p, lx)
    if mod == "past":
        day = weekday_on_or_before(anchor, wd, strict=True)
    elif mod == "next":
        day = weekday_on_or_after(anchor, wd, strict=True)
    elif future:
        day = weekday_on_or_after(anchor, wd)
    else:
        day = weekday_on_or_before(anchor, wd)
    return _day_value(day, anchor)


def _day(p: dict, anchor, future, lx) -> Value | None:
    if anchor is None:
        return None
    day = anchor + dt.timedelta(days=lx.days[key(p["dw"])])
    if "wd" in p:
        # The named weekday wins over the offset (اليوم الجمعة is a Friday even if the dateline says Thursday).
        day = nearest_weekday(day, lx.weekdays[key(p["wd"])])
    return _day_value(day, anchor)


def _shifted(unit: str, anchor: dt.date, n: int) -> Value:
    """The week, month or year n units away from the anchor."""
    if unit == "day":
        return _day_value(anchor + dt.timedelta(days=n), anchor)
    if unit == "week":
        return Value(iso_week(anchor + dt.timedelta(weeks=n)), "WEEK", anchor)
    if unit == "month":
        return Value(month_value(*add_months(anchor.year, anchor.month, n)), "MONTH", anchor)
    return Value(f"{anchor.year + n:04d}", "YEAR", anchor)


def _period(p: dict, anchor, future, lx) -> Value | None:
    if anchor is None:
        return None
    unit = lx.periods[key(p.get("p1") or p.get("p2") or p["p3"])]
    step = {"past": -1, "next": 1}.get(_modifier(p, lx), 0)
    return _shifted(unit, anchor, step)


def _count(p: dict, implied: int | None, lx: TimeLexicon) -> int | None:
    if "n" in p:
        return int(p["n"])
    if "nw" in p:
        return _count_words(p["nw"], lx)
    return implied


def _count_words(words: str, lx: TimeLexicon) -> int:
    """A count in words: خمسة وعشرين -> 25 (units and tens joined by و)."""
    total = 0
    for piece in key(words).split(" و"):
        total += lx.cardinals[key(piece)]
    return total


def _ago(p: dict, anchor, future, lx) -> Value | None:
    if anchor is None:
        return None
    unit, implied = lx.units[key(p["unit"])]
    n = _count(p, implied, lx)
    return _shifted(unit, anchor, -n) if n else None


_RESOLVERS = {"numeric": _numeric, "date": _date, "hijri": _hijri, "year": _year, "weekday": _weekday,
              "day": _day, "period": _period, "ago": _ago}
