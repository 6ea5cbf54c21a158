"""SQLite: engine settings and the FTS5 index over the search text."""
from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import Connection, Engine, Float, Integer, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.sql.selectable import Subquery

FTS_TABLE = "articles_fts"

# Read-side settings, per connection: sorts and GROUP BYs in memory rather than temp files, pages read
# through the OS page cache (mmap) rather than copied, and a page cache big enough for the hot indexes.
READ_PRAGMAS = ("PRAGMA temp_store=MEMORY", "PRAGMA mmap_size=268435456", "PRAGMA cache_size=-16384")

# SQLAlchemy's default pool (5 + 10 overflow) made the server's worker threads (AnyIO's 40) wait for a
# connection, and closed and reopened the overflow ones on every request (each reopen re-reads the schema).
# Keep up to one per thread open, and never make a thread wait: a SQLite connection is cheap to add.
POOL_SIZE = 40


def is_file(url: str) -> bool:
    """A SQLite URL naming a file (an in-memory database has one connection and its own pool)."""
    database = make_url(url).database
    return bool(database) and database != ":memory:" and not database.startswith("file::memory:")


def engine(url: str, echo: bool = False) -> Engine:
    """An engine with foreign keys on (for cascades) and WAL, so readers never block the writer."""
    pool = {"pool_size": POOL_SIZE, "max_overflow": -1} if is_file(url) else {}
    eng = create_engine(url, echo=echo, **pool)

    @event.listens_for(eng, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 (DBAPI objects)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits per article stay cheap
        cur.execute("PRAGMA busy_timeout=10000")
        for pragma in READ_PRAGMAS:
            cur.execute(pragma)
        cur.close()

    return eng


class DataVersion:
    """A number that changes whenever any other connection commits to the database file.

    It reads `PRAGMA data_version` on a connection of its own that never writes: SQLite keeps that value
    per connection and leaves it unchanged by the connection's own commits, so a pooled connection could
    miss the server's own writes. One lock: the server may ask from any thread.
    """

    def __init__(self, eng: Engine):
        raw = eng.raw_connection()
        raw.detach()  # out of the pool: nobody else ever runs a statement on it
        self._conn = raw.dbapi_connection
        self._conn.execute("PRAGMA busy_timeout=100")  # asked on the event loop: never wait long
        self._lock = threading.Lock()

    def __call__(self) -> int | None:
        """The version, or None when SQLite cannot tell right now (busy): the caller must then not cache."""
        with self._lock:
            try:
                return self._conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                return None

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class Fts5:
    """An FTS5 table keyed by articles.pk; unicode61 only splits on spaces here, since the
    indexed text is already normalised and clitic-split."""

    name = "sqlite-fts5"

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(search_text, "
            "tokenize = 'unicode61 remove_diacritics 0')")

    def index(self, conn: Connection, pk: int, search_text: str) -> None:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (:pk, :t)"), {"pk": pk, "t": search_text})

    def delete(self, conn: Connection, pk: int) -> None:
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :pk"), {"pk": pk})

    def match(self, terms: list[str]) -> Subquery:
        """(pk, rank) of the articles holding every term; lower rank is better."""
        # Each term is quoted as an FTS5 string, so no user input is read as FTS5 syntax.
        expr = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sql = text(f"SELECT rowid AS pk, bm25({FTS_TABLE}) AS rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :expr")
        return sql.bindparams(expr=expr).columns(pk=Integer, rank=Float).subquery("fts")
