"""Month and weekday names from khabar/data/time/, for every package that reads dates.

The time stage, the ingest fallback for written dates and the event coder
all read these two files, so the names are written once; this module sits
below the stages so that none of them imports another to reach the names.
"""
from __future__ import annotations

from . import load_yaml

WORDS_SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
NAMES_BY_NUMBER_SCHEMA = {"type": "object", "additionalProperties": WORDS_SCHEMA, "minProperties": 7}
MONTHS_SCHEMA = {
    "type": "object", "required": ["months", "ambiguous"],
    "properties": {"months": {**NAMES_BY_NUMBER_SCHEMA, "minProperties": 12, "maxProperties": 12},
                   "ambiguous": WORDS_SCHEMA, "written_dates_skip": WORDS_SCHEMA},
}
WEEKDAYS_SCHEMA = {
    "type": "object", "required": ["weekdays", "blocked_before", "blocked_after"],
    "properties": {"weekdays": {**NAMES_BY_NUMBER_SCHEMA, "maxProperties": 7},
                   "blocked_before": WORDS_SCHEMA, "blocked_after": WORDS_SCHEMA},
}


def _by_number(table: dict) -> dict[int, tuple[str, ...]]:
    return {int(number): tuple(names) for number, names in table.items()}


def month_names() -> dict[int, tuple[str, ...]]:
    """Month number -> its names as written in the press (every regional spelling); load_yaml caches the file."""
    return _by_number(load_yaml("time/months.yaml", MONTHS_SCHEMA)["months"])


def written_month_names() -> dict[int, tuple[str, ...]]:
    """The month names ingest reads in written dates: every name less those listed under `written_dates_skip`."""
    skip = set(load_yaml("time/months.yaml", MONTHS_SCHEMA).get("written_dates_skip", ()))
    return {number: tuple(n for n in names if n not in skip) for number, names in month_names().items()}


def weekday_names() -> dict[int, tuple[str, ...]]:
    """Weekday number (Monday 0, as date.weekday()) -> its names as written; load_yaml caches the file."""
    return _by_number(load_yaml("time/weekdays.yaml", WEEKDAYS_SCHEMA)["weekdays"])
