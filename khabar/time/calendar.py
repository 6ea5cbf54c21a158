"""Calendar arithmetic for relative expressions: weekdays, months, ISO weeks, Hijri."""
from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from ..errors import KhabarError


class TimeValueError(KhabarError):
    """A written date that names no real day (31 شباط, 30 ذو الحجة out of range)."""


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved n months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def weekday_on_or_before(anchor: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The nearest day with this weekday before the anchor (the anchor itself unless strict)."""
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back or (7 if strict else 0))


def weekday_on_or_after(anchor: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The nearest day with this weekday after the anchor (the anchor itself unless strict)."""
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=ahead or (7 if strict else 0))


def nearest_weekday(day: dt.date, weekday: int) -> dt.date:
    """The day with this weekday closest to `day` (within three days either way)."""
    ahead = (weekday - day.weekday()) % 7
    return day + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)


def make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise TimeValueError(f"{year}-{month}-{day}: {err}") from None


def hijri_to_date(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day of a Hijri date (Umm al-Qura calendar)."""
    try:
        g = Hijri(year, month, day).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError) as err:
        raise TimeValueError(f"Hijri {year}-{month}-{day}: {err}") from None


def hijri_year_of(day: dt.date) -> int:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError) as err:
        raise TimeValueError(f"{day} has no Hijri date in range: {err}") from None
