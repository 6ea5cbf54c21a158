"""The full-text backend for a dialect, and queries turned into index terms."""
from __future__ import annotations

from typing import Protocol

from sqlalchemy import Connection
from sqlalchemy.sql.selectable import Subquery

from . import searchtext
from .errors import QueryError, StoreError


class FullText(Protocol):
    name: str

    def create(self, conn: Connection) -> None: ...
    def index(self, conn: Connection, pk: int, search_text: str) -> None: ...
    def delete(self, conn: Connection, pk: int) -> None: ...
    def match(self, terms: list[str]) -> Subquery: ...


def backend_for(dialect: str) -> FullText:
    if dialect == "sqlite":
        from .sqlite import Fts5

        return Fts5()
    if dialect == "postgresql":
        from .postgresql import TsVector

        return TsVector()
    raise StoreError(f"no full-text search for database {dialect!r}; use SQLite or PostgreSQL")


MAX_TERMS = 32  # a longer query is a pasted paragraph, not a search


def query_terms(query: str) -> list[str]:
    """The index terms of a user query, deduplicated in order; QueryError when it has no words."""
    seen: dict[str, None] = {}
    for term in searchtext.terms(query):
        seen.setdefault(term, None)
    if not seen:
        raise QueryError(f"the query {query!r} has no words to search for", "no_words", query=query)
    return list(seen)[:MAX_TERMS]
