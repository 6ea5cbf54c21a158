"""Request dependencies: a database connection, validated filters and paging.

The ones that only read parameters are `async def`: FastAPI runs a plain `def` dependency on a worker
thread, a thread hop per dependency per request for what is a constructor call.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from fastapi import Query, Request
from sqlalchemy import Connection

from ..store import Store
from ..store.filters import Filters

EVENT_TYPE = r"^[A-Z_]{2,20}$"
TEXT = {"max_length": 200}  # no query parameter needs more


async def store(request: Request) -> Store:
    return request.app.state.store


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.store.engine.connect() as conn:
        yield conn


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def page(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)) -> Page:
    return Page(limit, offset)


async def article_filters(
        source: str | None = Query(None, **TEXT), date_from: dt.date | None = Query(None, alias="from"),
        date_to: dt.date | None = Query(None, alias="to"), speaker: str | None = Query(None, **TEXT),
        entity: str | None = Query(None, **TEXT), type: str | None = Query(None, pattern=EVENT_TYPE)) -> Filters:
    return Filters(source=source or None, date_from=date_from, date_to=date_to, speaker=speaker or None,
                   entity=entity or None, event_type=type or None)


async def quote_filters(
        speaker: str | None = Query(None, **TEXT), q: str | None = Query(None, **TEXT),
        date_from: dt.date | None = Query(None, alias="from"), date_to: dt.date | None = Query(None, alias="to"),
        channel: str | None = Query(None, **TEXT), source: str | None = Query(None, **TEXT)) -> Filters:
    return Filters(speaker=speaker or None, q=q or None, date_from=date_from, date_to=date_to,
                   channel=channel or None, source=source or None)


async def event_filters(
        type: str | None = Query(None, pattern=EVENT_TYPE), actor: str | None = Query(None, **TEXT),
        date_from: dt.date | None = Query(None, alias="from"), date_to: dt.date | None = Query(None, alias="to"),
        location: str | None = Query(None, **TEXT), source: str | None = Query(None, **TEXT)) -> Filters:
    return Filters(event_type=type or None, actor=actor or None, date_from=date_from, date_to=date_to,
                   location=location or None, source=source or None)
