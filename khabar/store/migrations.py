"""Versioned schema migrations, applied in order, each once, each in its own transaction.

`migrate` is idempotent: it reads `schema_migrations` and applies only what
is missing, so every open of a store may call it.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from sqlalchemy import Connection, Engine, insert, select, update

from . import schema
from .errors import StoreError

Step = Callable[[Connection], None]


def _core_tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_migrations]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


def _full_text(conn: Connection) -> None:
    from .fts import backend_for

    backend_for(conn.dialect.name).create(conn)


def _entity_articles_index(conn: Connection) -> None:
    # A store made by migration 1 after the index joined the schema has it already.
    schema.ENTITY_ARTICLES.create(conn, checkfirst=True)


def fold_terms(search_text: str) -> str:
    """A stored search text with name spellings folded, as searchtext now indexes them."""
    from .searchtext import fold

    return " ".join(fold(t) for t in search_text.split())


def _fold_names(conn: Connection) -> None:
    # Rewrites only the rows a fold changes: the stored text is already the term sequence, so no re-tokenising.
    from .fts import backend_for

    fts = backend_for(conn.dialect.name)
    for pk, old in list(conn.execute(select(schema.articles.c.pk, schema.articles.c.search_text))):
        new = fold_terms(old)
        if new != old:
            conn.execute(update(schema.articles).where(schema.articles.c.pk == pk).values(search_text=new))
            fts.delete(conn, pk)
            fts.index(conn, pk, new)
    for qid, old in list(conn.execute(select(schema.quotes.c.id, schema.quotes.c.search_text))):
        new = fold_terms(old)
        if new != old:
            conn.execute(update(schema.quotes).where(schema.quotes.c.id == qid).values(search_text=new))


# (version, name, step). Append only: a released step is never edited, a new one is added.
MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "core tables: articles, entities, mentions, quotes, timexes, events, relations", _core_tables),
    (2, "full-text index over the normalised, clitic-split text", _full_text),
    (3, "covering index article_entities(entity_id, article_id) for entity rankings", _entity_articles_index),
    (4, "search terms: spelling variants of a name folded to one term (data/text/name-folds.tsv)", _fold_names),
]
LATEST = MIGRATIONS[-1][0]


def applied_versions(conn: Connection) -> set[int]:
    return set(conn.scalars(select(schema.schema_migrations.c.version)))


def migrate(engine: Engine) -> list[int]:
    """Apply the missing migrations; return the versions applied now."""
    with engine.begin() as conn:
        schema.schema_migrations.create(conn, checkfirst=True)
    with engine.connect() as conn:
        done = applied_versions(conn)
    if done and max(done) > LATEST:
        raise StoreError(f"the store has schema version {max(done)}, newer than this khabar knows ({LATEST}); upgrade khabar")
    applied = []
    for version, name, step in MIGRATIONS:
        if version in done:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(insert(schema.schema_migrations).values(
                version=version, name=name, applied_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        applied.append(version)
    return applied
