"""The KB file format: tab-separated rows with a version header, and their schema checks."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...errors import ResourceError

TYPES = ("PER", "ORG", "GPE", "LOC")
ENTITY_COLUMNS = ("id", "type", "qid", "name_en", "country", "aliases", "source")
ROLE_COLUMNS = ("id", "role", "org", "from", "to", "source")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")


class KBError(ResourceError):
    """A KB file that breaks the format or the integrity rules."""


@dataclass(frozen=True)
class Role:
    """An office held: role key, the organisation or country it belongs to, and its dates."""

    role: str
    org: str
    start: dt.date | None
    end: dt.date | None
    source: str

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the role was held on `day` (an unknown day accepts current holders only)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class KBEntity:
    id: str
    type: str
    qid: str | None
    name_en: str
    country: str | None
    aliases: tuple[str, ...]
    source: str
    roles: list[Role] = field(default_factory=list)

    @property
    def public_id(self) -> str:
        """`kb:Q…` when the Wikidata id is known, else `kb:<local id>`."""
        return f"kb:{self.qid}" if self.qid else f"kb:{self.id}"


def parse_date(value: str, end: bool, where: str) -> dt.date | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date; a partial one takes its first (or last) day."""
    if not value:
        return None
    if not DATE_RE.match(value):
        raise KBError(f"{where}: bad date {value!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            y, m = parts
            return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    except ValueError:
        raise KBError(f"{where}: impossible date {value!r}") from None


def entity_from_row(row: dict[str, str], where: str) -> KBEntity:
    """A KB entity from one checked row."""
    check_entity_row(row, where)
    return KBEntity(id=row["id"], type=row["type"], qid=row["qid"] or None, name_en=row["name_en"],
                    country=row["country"] or None,
                    aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                    source=row["source"])


def check_entity_row(row: dict[str, str], where: str) -> None:
    """Raise KBError unless the row has a good id, type, QID, English name, country and aliases."""
    if not ID_RE.match(row["id"]):
        raise KBError(f"{where}: malformed id {row['id']!r}")
    if row["type"] not in TYPES:
        raise KBError(f"{where}: type {row['type']!r} is not one of {', '.join(TYPES)}")
    if row["qid"] and not QID_RE.match(row["qid"]):
        raise KBError(f"{where}: malformed Wikidata id {row['qid']!r}")
    if not row["name_en"].strip():
        raise KBError(f"{where}: no English name")
    if row["country"] and not COUNTRY_RE.match(row["country"]):
        raise KBError(f"{where}: country {row['country']!r} is not an ISO 3166 alpha-3 code")
    aliases = [a for a in row["aliases"].split("|") if a.strip()]
    if not aliases or not all(ARABIC_RE.search(a) or a.strip().isascii() for a in aliases):
        raise KBError(f"{where}: aliases must be non-empty names")
    if not row["source"].strip():
        raise KBError(f"{where}: no source")


def role_from_row(row: dict[str, str], where: str) -> tuple[str, Role]:
    """(entity id, role) from one checked role row."""
    if not ID_RE.match(row["id"]):
        raise KBError(f"{where}: malformed id {row['id']!r}")
    if not row["role"] or not row["org"] or not row["source"]:
        raise KBError(f"{where}: a role needs a role key, an organisation and a source")
    start, end = parse_date(row["from"], False, where), parse_date(row["to"], True, where)
    if start and end and end < start:
        raise KBError(f"{where}: role ends before it starts")
    return row["id"], Role(row["role"], row["org"], start, end, row["source"])
