"""The JSON API; every route is in the OpenAPI document at /openapi.json."""
from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query
from sqlalchemy import Connection

from ..errors import InputError
from ..store import Store, queries, searchtext
from ..store.filters import Filters
from ..store.ingest import parse_record
from .deps import TEXT, Page, article_filters, connection, event_filters, page, quote_filters, store
from .security import require_token

router = APIRouter()


@router.get("/articles", tags=["articles"], summary="Articles, newest first, with filters")
def articles(f: Filters = Depends(article_filters), p: Page = Depends(page),
             conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.list_articles(conn, f, p.limit, p.offset)


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One article: its v1 record and store links")
def article(article_id: str, conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.get_article(conn, article_id)


@router.post("/articles", tags=["articles"], status_code=201, dependencies=[Depends(require_token)],
             summary="Store one khabar v1 record (needs the bearer token)")
def add_article(record: dict[str, Any] = Body(...), s: Store = Depends(store)) -> dict[str, str]:
    try:
        checked = parse_record(json.dumps(record, ensure_ascii=False), "request", 1)
    except InputError as err:
        raise HTTPException(422, err.problem) from None
    action = s.write(checked, searchtext.search_text(checked["text"], checked.get("title")))
    return {"id": checked["id"], "action": action}


@router.get("/entities", tags=["entities"], summary="Entities, most-mentioned first")
def entities(q: str | None = Query(None, **TEXT), type: str | None = Query(None, pattern=r"^(PER|ORG|GPE|LOC)$"),
             p: Page = Depends(page), conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.list_entities(conn, q or None, type, p.limit, p.offset)


@router.get("/suggest", tags=["entities"], summary="Autocomplete: entities whose name holds these letters, any spelling")
def suggest(q: str = Query(..., min_length=1, **TEXT), type: str | None = Query(None, pattern=r"^(PER|ORG|GPE|LOC)$"),
            conn: Connection = Depends(connection)) -> dict[str, Any]:
    return {"query": q, "items": queries.list_entities(conn, q, type, limit=10)["items"]}


@router.get("/entities/{entity_id:path}", tags=["entities"],
            summary="An entity: aliases, roles, quote timeline, events, co-occurring entities")
def entity(entity_id: str, conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.get_entity(conn, entity_id)


@router.get("/quotes", tags=["quotes"], summary="Quotes by speaker, words, date range and channel")
def quotes(f: Filters = Depends(quote_filters), p: Page = Depends(page), conn: Connection = Depends(connection),
           group: bool = Query(False, description="one row per statement: same speaker, same words; "
                                                   "`articles` counts the articles that carry it")) -> dict[str, Any]:
    return queries.list_quotes(conn, f, limit=p.limit, offset=p.offset, grouped=group)


@router.get("/events", tags=["events"], summary="Events by type, actor, date range and location")
def events(f: Filters = Depends(event_filters), p: Page = Depends(page),
           source_entity: str | None = Query(None, max_length=300, description="exactly this actor (a graph edge's source)"),
           target_entity: str | None = Query(None, max_length=300, description="exactly this target (a graph edge's target)"),
           conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.list_events(conn, f, limit=p.limit, offset=p.offset, source_entity=source_entity or None,
                               target_entity=target_entity or None)


@router.get("/events-per-day", tags=["events"], summary="Event counts per day, for the chart")
def events_per_day(f: Filters = Depends(event_filters), conn: Connection = Depends(connection)) -> list[dict]:
    return queries.events_per_day(conn, f)


@router.get("/graph", tags=["events"], summary="Who met or addressed whom: actor nodes and event edges")
def graph(f: Filters = Depends(event_filters), limit: int = Query(200, ge=1, le=2000),
          entity: str | None = Query(None, max_length=300, description="only this entity's events (its ego network)"),
          conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.graph(conn, f, limit, entity_id=entity or None)


@router.get("/search", tags=["search"], summary="Arabic full-text search (clitics and spelling folded)")
def search(q: str = Query(..., min_length=1, **TEXT), f: Filters = Depends(article_filters),
           p: Page = Depends(page), s: Store = Depends(store), conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.search(conn, s.fts, f.with_(q=q), p.limit, p.offset)


@router.get("/health", tags=["meta"], summary="Row counts per table")
def health(s: Store = Depends(store)) -> dict[str, Any]:
    return {"status": "ok", "database": s.dialect, "counts": s.counts()}

