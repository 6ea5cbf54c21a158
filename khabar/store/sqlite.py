"""SQLite: engine settings and the FTS5 index over the search text."""
from __future__ import annotations

from sqlalchemy import Connection, Engine, Float, Integer, create_engine, event, text
from sqlalchemy.sql.selectable import Subquery

FTS_TABLE = "articles_fts"


def engine(url: str, echo: bool = False) -> Engine:
    """An engine with foreign keys on (for cascades) and WAL, so readers never block the writer."""
    eng = create_engine(url, echo=echo)

    @event.listens_for(eng, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 (DBAPI objects)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits per article stay cheap
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    return eng


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
