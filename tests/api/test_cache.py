"""The response cache: replays GET 200 responses, and never one older than the store.

Unit tests drive the middleware with a fake app; the rest run the real app over a private copy of the
API test store, since they write to it.
"""
from __future__ import annotations

import asyncio
import sqlite3

import pytest
from fastapi.testclient import TestClient

import khabar_fixtures as fx
from conftest_store import TOKEN
from khabar.api.app import create_app
from khabar.api.cache import ResponseCache
from khabar.api.options import ApiOptions
from khabar.store import StoreOptions, open_store, queries, searchtext

AUTH = {"Authorization": f"Bearer {TOKEN}"}


# ---- the middleware alone ------------------------------------------------------------------

class FakeApp:
    """An ASGI app answering `status` with the path as body, after a pause; counts its calls."""

    def __init__(self, status: int = 200, pause: float = 0.0, fail_first: bool = False):
        self.status, self.pause, self.fail_first, self.calls = status, pause, fail_first, 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        await asyncio.sleep(self.pause)
        if self.fail_first and self.calls == 1:
            raise RuntimeError("first computation fails")
        body = scope["path"].encode()
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def scope(path: str, method: str = "GET") -> dict:
    return {"type": "http", "method": method, "path": path, "query_string": b"", "headers": []}


async def call(cache: ResponseCache, path: str, method: str = "GET") -> bytes:
    sent = []

    async def send(message):
        sent.append(message)

    await cache(scope(path, method), None, send)
    assert sent[0]["type"] == "http.response.start"
    return b"".join(m.get("body", b"") for m in sent[1:])


def run(coro):
    return asyncio.run(coro)


def test_a_repeated_get_is_answered_from_the_cache():
    app = FakeApp()
    cache = ResponseCache(app, generation=lambda: 1)
    assert run(call(cache, "/a")) == run(call(cache, "/a")) == b"/a"
    assert app.calls == 1 and (cache.hits, cache.misses) == (1, 1)


def test_a_new_generation_empties_the_cache():
    app, gen = FakeApp(), [1]
    cache = ResponseCache(app, generation=lambda: gen[0])
    run(call(cache, "/a"))
    gen[0] = 2  # a commit
    run(call(cache, "/a"))
    assert app.calls == 2


def test_no_generation_means_no_caching():
    app = FakeApp()
    cache = ResponseCache(app, generation=lambda: None)  # PostgreSQL, in-memory SQLite, or a busy database
    run(call(cache, "/a"))
    run(call(cache, "/a"))
    assert app.calls == 2 and not cache.entries


def test_only_get_200_outside_static_is_kept():
    for app, path, method in [(FakeApp(404), "/a", "GET"), (FakeApp(), "/a", "POST"), (FakeApp(), "/static/x.css", "GET")]:
        cache = ResponseCache(app, generation=lambda: 1)
        run(call(cache, path, method))
        run(call(cache, path, method))
        assert app.calls == 2 and not cache.entries, (path, method)


def test_the_cache_is_bounded_in_entries_and_bytes():
    cache = ResponseCache(FakeApp(), generation=lambda: 1, max_entries=2)
    for path in ("/a", "/b", "/c"):
        run(call(cache, path))
    assert list(k[0] for k in cache.entries) == ["/b", "/c"]  # least recently used went first
    cache = ResponseCache(FakeApp(), generation=lambda: 1, max_bytes=5)
    for path in ("/aa", "/bb"):
        run(call(cache, path))
    assert list(k[0] for k in cache.entries) == ["/bb"] and cache.bytes == 3
    cache = ResponseCache(FakeApp(), generation=lambda: 1, max_entry=2)
    run(call(cache, "/toolong"))
    assert not cache.entries


def test_zero_entries_disables_the_cache():
    app = FakeApp()
    cache = ResponseCache(app, generation=lambda: 1, max_entries=0)
    run(call(cache, "/a"))
    run(call(cache, "/a"))
    assert app.calls == 2


def test_identical_concurrent_misses_are_computed_once():
    app = FakeApp(pause=0.05)
    cache = ResponseCache(app, generation=lambda: 1)

    async def many():
        return await asyncio.gather(*(call(cache, "/slow") for _ in range(5)))

    assert run(many()) == [b"/slow"] * 5 and app.calls == 1


def test_waiters_compute_their_own_when_the_first_request_fails():
    app = FakeApp(pause=0.05, fail_first=True)
    cache = ResponseCache(app, generation=lambda: 1)

    async def two():
        return await asyncio.gather(call(cache, "/x"), call(cache, "/x"), return_exceptions=True)

    first, second = run(two())
    assert isinstance(first, RuntimeError) and second == b"/x" and not cache.pending


def test_a_response_begun_before_a_commit_is_not_kept():
    gen = [1]

    class CommitDuring(FakeApp):
        async def __call__(self, scope, receive, send):
            gen[0] = 2  # another request saw a newer generation while this one ran
            cache.seen = 2
            await super().__call__(scope, receive, send)

    cache = ResponseCache(CommitDuring(), generation=lambda: gen[0])
    run(call(cache, "/a"))
    assert not cache.entries


# ---- the real app over a store that changes -------------------------------------------------

@pytest.fixture
def own_db(api_db, tmp_path) -> str:
    """A private copy of the API test store (sqlite3's backup copies what is still in the WAL too)."""
    path = str(tmp_path / "own.db")
    with sqlite3.connect(api_db) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return path


def counting(monkeypatch, name: str) -> list:
    calls = []
    real = getattr(queries, name)

    def wrapper(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, name, wrapper)
    return calls


def new_record(article_id: str) -> dict:
    record = fx.record_b("0.9.0")
    record["id"] = article_id
    return record


def test_cached_listing_changes_after_a_post(own_db, monkeypatch):
    calls = counting(monkeypatch, "list_articles")
    with TestClient(create_app(ApiOptions(db=own_db, token=TOKEN))) as c:
        before = c.get("/articles", params={"limit": 1}).json()
        assert c.get("/articles", params={"limit": 1}).json() == before and len(calls) == 1
        assert c.post("/articles", json=new_record("cache-new"), headers=AUTH).status_code == 201
        after = c.get("/articles", params={"limit": 1}).json()
    assert after["total"] == before["total"] + 1 and len(calls) == 2


def test_cached_page_changes_after_an_ingest_by_another_process(own_db):
    with TestClient(create_app(ApiOptions(db=own_db))) as c:
        n = c.get("/health").json()["counts"]["articles"]
        assert c.get("/health").json()["counts"]["articles"] == n  # now from the cache
        with open_store(StoreOptions(db=own_db, progress=False)) as other:  # its own engine, like `khabar ingest`
            record = new_record("cache-other")
            other.write(record, searchtext.search_text(record["text"], record.get("title")))
        assert c.get("/health").json()["counts"]["articles"] == n + 1


def test_not_found_is_not_cached(own_db):
    with TestClient(create_app(ApiOptions(db=own_db, token=TOKEN))) as c:
        assert c.get("/articles/cache-later").status_code == 404
        assert c.post("/articles", json=new_record("cache-later"), headers=AUTH).status_code == 201
        assert c.get("/articles/cache-later").status_code == 200


def test_cached_responses_keep_the_security_headers(client):
    for _ in range(2):
        r = client.get("/ui/entities")
        assert r.headers["x-frame-options"] == "DENY" and "script-src 'self'" in r.headers["content-security-policy"]


def test_cache_entries_zero_computes_every_request(own_db, monkeypatch):
    calls = counting(monkeypatch, "list_entities")
    with TestClient(create_app(ApiOptions(db=own_db, cache_entries=0))) as c:
        assert c.get("/entities").json() == c.get("/entities").json()
    assert len(calls) == 2


def test_in_memory_store_has_no_generation():
    with open_store(StoreOptions(db="sqlite://", progress=False)) as s:
        assert s.generation() is None


def test_a_response_sent_other_than_as_start_and_body_is_not_kept():
    class PathSend(FakeApp):
        async def __call__(self, scope, receive, send):
            self.calls += 1
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.pathsend", "path": "/etc/hostname"})

    app = PathSend()
    cache = ResponseCache(app, generation=lambda: 1)
    sent = []

    async def send(message):
        sent.append(message)

    run(cache(scope("/file"), None, send))
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.pathsend"] and not cache.entries
