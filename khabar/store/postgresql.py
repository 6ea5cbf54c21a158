"""PostgreSQL: engine settings and a tsvector over the same normalised search text."""
from __future__ import annotations

from sqlalchemy import Connection, Engine, Float, Integer, create_engine, text
from sqlalchemy.sql.selectable import Subquery


def driver_url(url: str) -> str:
    """postgresql://... with the psycopg 3 driver SQLAlchemy needs named."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def engine(url: str, echo: bool = False) -> Engine:
    return create_engine(driver_url(url), echo=echo, pool_pre_ping=True)


class TsVector:
    """A GIN-indexed tsvector column; the 'simple' config neither stems nor drops words,
    since the text is already normalised and clitic-split."""

    name = "postgresql-tsvector"

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_tsv tsvector")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_articles_search_tsv ON articles USING GIN (search_tsv)")

    def index(self, conn: Connection, pk: int, search_text: str) -> None:
        conn.execute(text("UPDATE articles SET search_tsv = to_tsvector('simple', :t) WHERE pk = :pk"),
                     {"pk": pk, "t": search_text})

    def delete(self, conn: Connection, pk: int) -> None:
        """Nothing to do: the tsvector lives in the article row."""

    def match(self, terms: list[str]) -> Subquery:
        """(pk, rank) of the articles holding every term; lower rank is better."""
        sql = text("SELECT a.pk AS pk, -ts_rank(a.search_tsv, q) AS rank "
                   "FROM articles a, plainto_tsquery('simple', :expr) q WHERE a.search_tsv @@ q")
        return sql.bindparams(expr=" ".join(terms)).columns(pk=Integer, rank=Float).subquery("fts")
