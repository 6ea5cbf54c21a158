"""Regular expressions over the normalised text, built once from the time lexicon.

Each pattern captures the expression in group `x`; what stands before it
(a conjunction و/ف or a preposition ب/ل/ك fused to the first word) is
matched but left outside the span, as the gold leaves it out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .lexicon import TimeLexicon

# Word edges: Arabic letters and digits are \w, so a time word inside a longer
# word (اليومي) never matches.
_START = r"(?<!\w)(?:[وف]?[بلك]?)"
_END = r"(?!\w)"


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation, longest first, with any run of spaces allowed between words."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered) + ")"


@dataclass(frozen=True)
class Patterns:
    """One compiled pattern per construction, tried in order over the normalised text."""

    by_kind: tuple[tuple[str, re.Pattern], ...]
    # First words that every expression of a kind contains; only the text around them is searched.
    triggers: "TriggerIndex"


def _wrap(body: str) -> re.Pattern:
    return re.compile(rf"{_START}(?P<x>{body}){_END}")


def _month_group(lx: TimeLexicon) -> str:
    """A month name alone or doubled in another region's name: مايو/أيار، آذار (مارس)، مايو أيار."""
    m = alt(lx.months)
    return (rf"(?P<m1>{m})(?:\s*/\s*(?P<m2>{m})|\s*\(\s*(?P<m3>{m})\s*\)|\s+(?P<m4>{m}))?")


def _year_tail(lx: TimeLexicon) -> str:
    """An optional year after a month: `2026`, `، 2026`, `عام 2016`, `2014م`, `من العام المقبل`."""
    years = [w for w, unit in lx.periods.items() if unit == "year"]
    relative = rf"\s+من\s+(?P<ryear>{alt(years)})\s+(?P<rmod>{alt(lx.modifiers)})"
    return rf"(?:\s*[،,]?\s*(?:(?:من\s+)?{alt(lx.year_words)}\s+)?(?P<year>\d{{4}})(?:\s?م(?!\w))?|{relative})"


def _lead(lx: TimeLexicon) -> str:
    """What may stand before a named day or date: a day part, يوم and a weekday."""
    return rf"(?:(?P<dp>{alt(lx.day_parts)})\s+)?(?:يوم\s+)?"


def _date(lx: TimeLexicon) -> str:
    day = rf"(?:(?P<day>\d{{1,2}})|(?P<ord>{alt(lx.ordinals)})(?:\s+من)?)"
    weekday = rf"(?:(?P<wd>{alt(lx.weekdays)})\s*[،,]?\s+)?"
    part = rf"(?:(?P<part>{alt(lx.period_parts)})\s+)?"
    mod = rf"(?:\s+(?P<mod>{alt(lx.modifiers)}))"
    return (rf"{part}{_lead(lx)}{weekday}(?:{day}\s+(?:من\s+)?)?(?:شهر\s+)?{_month_group(lx)}"
            rf"(?:{_year_tail(lx)}|{mod})?")


def _hijri(lx: TimeLexicon) -> str:
    day = rf"(?:(?P<day>\d{{1,2}})|(?P<ord>{alt(lx.ordinals)})(?:\s+من)?)"
    mark = rf"(?:\s?(?P<hmark>{alt(lx.hijri_marks)}|هجريه|هجري)(?!\w))?"
    return rf"(?:{day}\s+)?(?:شهر\s+)?(?P<hm>{alt(lx.hijri_months)})(?:\s+(?P<year>\d{{4}}){mark})?"


def _year(lx: TimeLexicon) -> str:
    part = rf"(?:(?P<part>{alt(lx.period_parts)})\s+)?"
    mark = rf"(?:\s?(?P<hmark>{alt(lx.hijri_marks)})(?!\w)|(?P<ad>م)(?!\w))?"
    return rf"{part}(?:(?P<yw>{alt(lx.year_words)})\s+)?(?P<year>\d{{4}}){mark}"


def _numeric() -> str:
    return (r"(?:(?P<day>\d{1,2})(?P<sep>[/.-])(?P<mon>\d{1,2})(?P=sep)(?P<year>\d{4})(?:\s?م(?!\w))?"
            r"|(?P<iyear>\d{4})-(?P<imon>\d{1,2})-(?P<iday>\d{1,2}))")


def _weekday(lx: TimeLexicon) -> str:
    return rf"{_lead(lx)}(?P<wd>{alt(lx.weekdays)})(?:\s+(?P<mod>{alt(lx.modifiers)}))?"


def _day(lx: TimeLexicon) -> str:
    weekday = rf"(?:\s*[،,]?\s*(?P<open>\()?\s*(?:يوم\s+)?(?P<wd>{alt(lx.weekdays)})(?(open)\s*\)))?"
    return rf"{_lead(lx)}(?P<dw>{alt(lx.days)}){weekday}"


def _period(lx: TimeLexicon) -> str:
    part = rf"(?:(?P<part>{alt(lx.period_parts)})\s+)?"
    per, mod = alt(lx.periods), alt(lx.modifiers)
    return (rf"{part}(?:(?P<this>{alt(lx.this)})\s+(?P<p1>{per})|(?P<p2>{per})\s+(?P<mod>{mod})"
            rf"|(?P<p3>{per}))")


def _ago(lx: TimeLexicon) -> str:
    num = alt(lx.cardinals)
    count = rf"(?:(?P<n>\d{{1,4}})|(?P<nw>{num}(?:\s+و\s*{num})?))"
    return (rf"{re.escape(lx.ago)}\s+(?:(?P<approx>{alt(lx.approx)})\s+)?(?:{count}\s+)?"
            rf"(?P<unit>{alt(lx.units)})")


def build_patterns(lx: TimeLexicon) -> Patterns:
    """Compile every construction; called once per stage factory."""
    bodies = (("numeric", _numeric()), ("hijri", _hijri(lx)), ("date", _date(lx)), ("day", _day(lx)),
              ("weekday", _weekday(lx)), ("ago", _ago(lx)), ("period", _period(lx)), ("year", _year(lx)))
    return Patterns(tuple((kind, _wrap(body)) for kind, body in bodies), TriggerIndex(_triggers(lx)))


def _firsts(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.split()[0] for w in words)


def _triggers(lx: TimeLexicon) -> dict[str, frozenset[str]]:
    return {"date": _firsts(lx.months), "hijri": _firsts(lx.hijri_months), "weekday": _firsts(lx.weekdays),
            "day": _firsts(lx.days), "period": _firsts(lx.periods), "ago": frozenset([lx.ago])}


_DIGITS = re.compile(r"\d+")


class TriggerIndex:
    """The constructions each word opens, remembered per word: news repeats its words."""

    _CACHE_LIMIT = 200_000

    def __init__(self, triggers: dict[str, frozenset[str]]):
        self.triggers = triggers
        self.cache: dict[str, tuple[str, ...]] = {}

    def kinds(self, word: str) -> tuple[str, ...]:
        found = self.cache.get(word)
        if found is None:
            found = self._kinds(word)
            if len(self.cache) < self._CACHE_LIMIT:
                self.cache[word] = found
        return found

    def _kinds(self, word: str) -> tuple[str, ...]:
        digits = _DIGITS.match(word.lstrip("وفبلك"))  # 2014، و2013، 1919م
        if digits:
            return ("year" if len(digits.group()) == 4 else "numeric",)
        return tuple(kind for form in _forms(word) for kind, words in self.triggers.items() if form in words)


def _forms(word: str) -> tuple[str, ...]:
    """The word as written and without a fused و/ف and ب/ل/ك (للعام -> العام)."""
    forms = [word]
    rest = word[1:] if word[:1] in "وف" and len(word) > 2 else word
    if rest.startswith("لل"):
        forms.append("ال" + rest[2:])
    elif rest[:1] in "بلك" and len(rest) > 2:
        forms.append(rest[1:])
    forms.append(rest)
    return tuple(forms)
