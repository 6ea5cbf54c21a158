"""Filters shared by search, the API and export, parsed once at the edge."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from .errors import QueryError

# CLI `--filter key=value` names -> Filters fields.
FILTER_KEYS = {"source": "source", "from": "date_from", "to": "date_to", "speaker": "speaker",
               "entity": "entity", "type": "event_type", "event_type": "event_type",
               "channel": "channel", "location": "location", "actor": "actor", "q": "q"}
DATE_FIELDS = ("date_from", "date_to")


@dataclass(frozen=True)
class Filters:
    """Optional constraints; None means no constraint."""

    q: str | None = None
    source: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    speaker: str | None = None
    entity: str | None = None
    event_type: str | None = None
    channel: str | None = None
    location: str | None = None
    actor: str | None = None

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def active(self) -> dict:
        """The constraints that are set, for display and for links."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def parse_date(value: str, key: str = "date") -> dt.date:
    """A YYYY-MM-DD date, or a QueryError naming the filter."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"filter {key}: not a date YYYY-MM-DD: {value!r}", "bad_date", key=key, value=value) from None


def from_pairs(pairs: list[str], base: Filters | None = None) -> Filters:
    """Filters from `key=value` strings, as `--filter` gives them."""
    values: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS:
            raise QueryError(f"bad filter {pair!r}; use key=value with key one of {', '.join(sorted(FILTER_KEYS))}")
        name = FILTER_KEYS[key]
        values[name] = parse_date(value.strip(), key) if name in DATE_FIELDS else value.strip()
    return replace(base or Filters(), **values)
