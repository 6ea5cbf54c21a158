"""Stores for the tests: a fresh SQLite file, and PostgreSQL when a server is reachable."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from khabar.store import StoreOptions, open_store  # noqa: E402

PG_URL = os.environ.get("KHABAR_TEST_PG_URL")


def pg_reachable(url: str | None) -> str | None:
    """None when the server answers, else why not (the skip reason)."""
    if not url:
        return "KHABAR_TEST_PG_URL is not set"
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return None
    except Exception as err:  # any failure to connect means: skip
        return f"no PostgreSQL at {url}: {type(err).__name__}"


def reset_postgres(url: str) -> None:
    """An empty public schema, so each test starts from migration 1."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '20s'")  # a connection a test leaked open fails the reset, not hangs it
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A database URL for each backend; the PostgreSQL one skips cleanly without a server."""
    if request.param == "sqlite":
        return str(tmp_path / "khabar.db")
    reason = pg_reachable(PG_URL)
    if reason:
        pytest.skip(reason)
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(db_url):
    with open_store(StoreOptions(db=db_url, progress=False)) as s:
        yield s
