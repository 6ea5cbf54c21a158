"""Datelines: `date 2026-03-12 موسكو، كييف (الاتحاد، وكالات)` and the in-body forms.

In-body forms: `القاهرة - (رويترز) -`, `لندن: «الشرق الأوسط»`,
`موسكو، كييف (الاتحاد، وكالات)`, `واشنطن - أ ف ب`.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..doc import Dateline, Span
from ..resources import load_yaml
from .normalize import normalize

SCHEMA = {
    "type": "object",
    "required": ["agencies", "max_place_words", "max_places"],
    "properties": {"agencies": {"type": "array", "items": {"type": "string", "minLength": 1}}},
}
HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_WORD = r"[\u0621-\u064A\u0671-\u06D3][\u0621-\u065F\u0670-\u06D3\u0640]*"
_SEP = r"\s*[،,]\s*|\s+و(?=[\u0621-\u064A])"


@lru_cache(maxsize=1)
def _config() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    data = load_yaml("time/datelines.yaml", SCHEMA)
    agencies = frozenset(normalize(a) for a in data["agencies"])
    place = rf"{_WORD}(?:\s+{_WORD}){{0,{data['max_place_words'] - 1}}}"
    places = rf"(?P<places>{place}(?:(?:{_SEP}){place}){{0,{data['max_places'] - 1}}})"
    agency = "|".join(sorted((re.escape(a) for a in data["agencies"]), key=len, reverse=True))
    source = (rf"\((?P<paren>[^()\n]{{1,60}})\)|«(?P<guil>[^«»\n]{{1,40}})»|\"(?P<dq>[^\"\n]{{1,40}})\""
              rf"|(?P<bare>{agency})")
    body = re.compile(rf"^\s*{places}\s*(?P<sep>[-–—:]\s*)?(?:{source})\s*(?:[-–—:]+\s*)?")
    tail = re.compile(rf"^\s*{places}?\s*(?:[-–—:]\s*)?(?:{source})?\s*$")
    return agencies, body, tail


def _split_list(s: str) -> list[str]:
    return [p.strip() for p in re.split(r"[،,]", s) if p.strip()]


def _split_places(s: str) -> list[str]:
    return [p.strip() for p in re.split(_SEP, s) if p and p.strip()]


def _dateline(match: re.Match, date: dt.date | None, raw: str, span: Span | None) -> Dateline | None:
    agencies_known, _, _ = _config()
    names = _split_list(next((match.group(g) for g in ("paren", "guil", "dq", "bare") if match.group(g)), "") or "")
    places = tuple(_split_places(match.group("places") or ""))
    if not names and not places:
        return None
    source = names[0] if names else None
    agencies = tuple(n for n in names if normalize(n) in agencies_known)
    return Dateline(date=date, places=places, source=source, agencies=agencies, raw=raw, span=span)


def parse_header(line: str) -> Dateline | None:
    """The header line of a plain-text article (`date YYYY-MM-DD places (source, agencies)`)."""
    m = HEADER.match(line)
    if not m:
        return None
    date = dt.date.fromisoformat(m.group(1))
    rest = m.group(2)
    tail = _config()[2].match(rest) if rest else None
    parsed = _dateline(tail, date, line.strip(), None) if tail else None
    return parsed or Dateline(date=date, raw=line.strip())


def find_in_body(text: str) -> Dateline | None:
    """A dateline at the very start of an article body, with its span; None when there is none."""
    m = _config()[1].match(text[:160])
    if not m:
        return None
    if not any(m.group(g) for g in ("paren", "guil", "dq", "bare")):
        return None
    end = m.start("places") + len(text[m.start("places"):m.end()].rstrip())
    found = _dateline(m, None, text[m.start("places"):end], Span(m.start("places"), end))
    # Without a dash or colon, only a known agency makes it a dateline: قال الرئيس (الروسي) is not one.
    if found is None or not (m.group("sep") or found.agencies):
        return None
    return found
