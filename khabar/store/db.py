"""Opening a store: the engine for the URL, the migrations, the full-text backend."""
from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from . import migrations, schema, writer
from ..ingest.dedup import CopyIndex
from .dedup import load_index
from .errors import StoreError
from .fts import FullText, backend_for
from .options import StoreOptions


def database_url(db: str) -> str:
    """A URL for SQLAlchemy: a bare path means a SQLite file."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("://")
    if "@" in tail and ":" in tail.split("@", 1)[0]:
        user = tail.split("@", 1)[0].split(":", 1)[0]
        return f"{head}{sep}{user}:***@{tail.split('@', 1)[1]}"
    return url


def make_engine(url: str, options: StoreOptions) -> Engine:
    if url.startswith("sqlite"):
        from . import sqlite

        return sqlite.engine(url, options.echo)
    if url.startswith(("postgresql", "postgres")):
        from . import postgresql

        return postgresql.engine(url, options.echo)
    raise StoreError(f"unsupported database {redact(url)!r}; use a SQLite path or a postgresql:// URL")


class Store:
    """An open, migrated database."""

    def __init__(self, engine: Engine, options: StoreOptions):
        self.engine = engine
        self.options = options
        self.fts: FullText = backend_for(engine.dialect.name)
        self._dups: CopyIndex | None = None
        self._version = None  # generation()'s sqlite.DataVersion (False: none), opened on first use
        self._version_lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def dups(self) -> CopyIndex:
        """The near-duplicate index, loaded when the first article is written."""
        if self._dups is None:
            with self.engine.connect() as conn:
                self._dups = load_index(conn, self.options.dedup)
        return self._dups

    def stored_provenance(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """article id -> (pipeline version, stages JSON) for the ids already stored."""
        a = schema.articles
        out = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = select(a.c.id, a.c.pipeline_version, a.c.stages).where(a.c.id.in_(ids[i:i + 500]))
                out.update({r.id: (r.pipeline_version, r.stages) for r in conn.execute(q)})
        return out

    def write(self, record: dict, search_text: str) -> str:
        """Store one record in its own transaction, so its rows change together or not at all."""
        dups = self.dups
        with self.engine.begin() as conn:
            return writer.write_record(conn, self.fts, dups, record, search_text)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = [schema.articles, schema.entities, schema.mentions, schema.quotes, schema.timexes, schema.events,
                  schema.relations]
        with self.engine.connect() as conn:
            out = {t.name: conn.scalar(select(func.count()).select_from(t)) for t in tables}
            out["dup_groups"] = conn.scalar(select(func.count(schema.articles.c.dup_group.distinct())))
        return out

    def generation(self) -> int | None:
        """A value that changes whenever any connection commits to the database, or None when this store
        cannot tell (PostgreSQL, in-memory SQLite): a cache keyed on it never outlives the data it read."""
        if self._version is None:
            with self._version_lock:
                if self._version is None:
                    self._version = self._open_version()
        return self._version() if self._version else None

    def _open_version(self):
        from . import sqlite

        if self.dialect == "sqlite" and sqlite.is_file(str(self.engine.url)):
            return sqlite.DataVersion(self.engine)
        return False  # decided: no generation for this database

    def close(self) -> None:
        if self._version:
            self._version.close()
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(options: StoreOptions | None = None) -> Store:
    """Connect and migrate; StoreError with a clean message when the database cannot be used."""
    options = options or StoreOptions()
    url = database_url(options.db)
    engine = make_engine(url, options)
    try:
        migrations.migrate(engine)
    except OperationalError as err:
        engine.dispose()
        raise StoreError(f"cannot open database {redact(url)}: {err.orig}") from None
    except SQLAlchemyError as err:
        engine.dispose()
        raise StoreError(f"database {redact(url)}: {err}") from None
    return Store(engine, options)
