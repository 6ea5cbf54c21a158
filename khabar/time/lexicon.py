"""The time-expression vocabulary, loaded from the YAML files in khabar/data/time/.

Every word is normalised here once (khabar/text/normalize.py), so the
patterns built from it match `doc.normalized.text` directly.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..resources import load_yaml
from ..resources.calendar import MONTHS_SCHEMA, WEEKDAYS_SCHEMA
from ..resources.calendar import NAMES_BY_NUMBER_SCHEMA as _NAMES_BY_NUMBER
from ..resources.calendar import WORDS_SCHEMA as _WORDS
from ..text.normalize import normalize

_COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}, "minProperties": 1}

HIJRI_SCHEMA = {
    "type": "object", "required": ["months", "ambiguous", "year_marks"],
    "properties": {"months": {**_NAMES_BY_NUMBER, "minProperties": 12, "maxProperties": 12},
                   "ambiguous": _WORDS, "year_marks": _WORDS},
}
_UNIT = {"type": "object", "additionalProperties": {"type": ["integer", "null"]}, "minProperties": 1}
RELATIVE_SCHEMA = {
    "type": "object",
    "required": ["days", "day_parts", "periods", "modifiers", "this", "period_parts", "units", "approx", "ago",
                 "ago_blocked_after", "future_cues", "today_not_before", "today_not_after", "year_words",
                 "year_preps", "bare_year_range", "clause_openers", "period_not_after", "recurrence_before",
                 "recurrence_after", "hijri_year_range"],
    "properties": {
        "days": {"type": "object", "additionalProperties": {"type": "integer", "minimum": -7, "maximum": 7}},
        "day_parts": _WORDS, "this": _WORDS, "period_parts": _WORDS, "approx": _WORDS, "ago": {"type": "string"},
        "ago_blocked_after": _WORDS, "future_cues": _WORDS, "today_not_before": _WORDS, "today_not_after": _WORDS,
        "year_words": _WORDS, "year_preps": _WORDS, "clause_openers": _WORDS, "period_not_after": _WORDS, "recurrence_before": _WORDS, "recurrence_after": _WORDS,
        "hijri_year_range": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "bare_year_range": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "periods": {"type": "object", "required": ["week", "month", "year"], "additionalProperties": False,
                    "properties": {k: _WORDS for k in ("week", "month", "year")}},
        "modifiers": {"type": "object", "required": ["past", "next", "this"], "additionalProperties": False,
                      "properties": {k: _WORDS for k in ("past", "next", "this")}},
        "units": {"type": "object", "required": ["day", "week", "month", "year"], "additionalProperties": False,
                  "properties": {k: _UNIT for k in ("day", "week", "month", "year")}},
    },
}
NUMBERS_SCHEMA = {
    "type": "object", "required": ["cardinals", "ordinals"],
    "properties": {"cardinals": _COUNTS, "ordinals": _COUNTS},
}


@dataclass(frozen=True)
class TimeLexicon:
    """Normalised word -> meaning tables for every construction the detector knows."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    ambiguous_hijri: frozenset[str]
    hijri_marks: tuple[str, ...]
    weekdays: dict[str, int]
    weekday_blocked_before: frozenset[str]
    weekday_blocked_after: frozenset[str]
    days: dict[str, int]
    day_parts: tuple[str, ...]
    periods: dict[str, str]  # word -> week | month | year
    modifiers: dict[str, str]  # word -> past | next | this
    this: tuple[str, ...]
    period_parts: tuple[str, ...]
    units: dict[str, tuple[str, int | None]]  # word -> (unit, implied count)
    approx: tuple[str, ...]
    ago: str
    ago_blocked_after: frozenset[str]
    future_cues: frozenset[str]
    today_not_before: frozenset[str]
    today_not_after: frozenset[str]
    year_words: tuple[str, ...]
    year_preps: frozenset[str]
    bare_year_range: tuple[int, int]
    clause_openers: frozenset[str]  # as written, not normalised
    period_not_after: frozenset[str]
    recurrence_before: frozenset[str]
    recurrence_after: tuple[str, ...]
    hijri_year_range: tuple[int, int]
    cardinals: dict[str, int]
    ordinals: dict[str, int]


def _by_word(table: dict) -> dict[str, int]:
    """Invert {number: [names]} into {normalised name: number}."""
    return {normalize(name): int(number) for number, names in table.items() for name in names}


def _norm_all(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(w) for w in words))


def _norm_map(table: dict) -> dict[str, int]:
    return {normalize(k): v for k, v in table.items()}


def _inverted(groups: dict[str, list[str]]) -> dict[str, str]:
    return {normalize(w): key for key, words in groups.items() for w in words}


def load_lexicon() -> TimeLexicon:
    """Read and check the five time resources; load_yaml caches the files."""
    months = load_yaml("time/months.yaml", MONTHS_SCHEMA)
    hijri = load_yaml("time/hijri_months.yaml", HIJRI_SCHEMA)
    weekdays = load_yaml("time/weekdays.yaml", WEEKDAYS_SCHEMA)
    rel = load_yaml("time/relative.yaml", RELATIVE_SCHEMA)
    numbers = load_yaml("time/numbers.yaml", NUMBERS_SCHEMA)
    units = {normalize(w): (unit, n) for unit, words in rel["units"].items() for w, n in words.items()}
    return TimeLexicon(
        months=_by_word(months["months"]), ambiguous_months=frozenset(_norm_all(months["ambiguous"])),
        hijri_months=_by_word(hijri["months"]), ambiguous_hijri=frozenset(_norm_all(hijri["ambiguous"])),
        hijri_marks=_norm_all(hijri["year_marks"]),
        weekdays=_by_word(weekdays["weekdays"]),
        weekday_blocked_before=frozenset(_norm_all(weekdays["blocked_before"])),
        weekday_blocked_after=frozenset(_norm_all(weekdays["blocked_after"])),
        days=_norm_map(rel["days"]), day_parts=_norm_all(rel["day_parts"]),
        periods=_inverted(rel["periods"]), modifiers=_inverted(rel["modifiers"]),
        this=_norm_all(rel["this"]), period_parts=_norm_all(rel["period_parts"]), units=units,
        approx=_norm_all(rel["approx"]), ago=normalize(rel["ago"]),
        ago_blocked_after=frozenset(_norm_all(rel["ago_blocked_after"])),
        future_cues=frozenset(_norm_all(rel["future_cues"])),
        today_not_before=frozenset(_norm_all(rel["today_not_before"])),
        today_not_after=frozenset(_norm_all(rel["today_not_after"])),
        year_words=_norm_all(rel["year_words"]), year_preps=frozenset(_norm_all(rel["year_preps"])),
        bare_year_range=tuple(rel["bare_year_range"]), clause_openers=frozenset(rel["clause_openers"]),
        period_not_after=frozenset(_norm_all(rel["period_not_after"])),
        recurrence_before=frozenset(_norm_all(rel["recurrence_before"])),
        recurrence_after=_norm_all(rel["recurrence_after"]), hijri_year_range=tuple(rel["hijri_year_range"]),
        cardinals=_norm_map(numbers["cardinals"]), ordinals=_norm_map(numbers["ordinals"]),
    )
