"""A bounded cache of whole GET responses, valid only while the store is unchanged.

Every GET response of the API and the UI is a function of the URL and the store's data alone (no cookies,
no per-user content, write endpoints are POSTs), so a response can be replayed until the store changes.
The store's generation (SQLite's data_version, see Store.generation) is read before the request runs: a
response is computed from data at least as new as that generation, and any commit since (a POST here, an
ingest in another process, another worker) changes the generation, which empties the cache. A store
without a generation (PostgreSQL, in-memory SQLite) is never cached.
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 2048
MAX_BYTES = 64 * 1024 * 1024  # all bodies together, per server process
MAX_ENTRY = 1024 * 1024  # a larger body is served, not kept
UNCACHED_PREFIXES = ("/static",)  # StaticFiles answers Range and conditional requests; leave it alone


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """ASGI middleware: GET 200 responses by path and query string, LRU-bounded in entries and bytes."""

    def __init__(self, app: ASGIApp, generation: Callable[[], int | None], max_entries: int = MAX_ENTRIES,
                 max_bytes: int = MAX_BYTES, max_entry: int = MAX_ENTRY):
        self.app, self.generation = app, generation
        self.max_entries, self.max_bytes, self.max_entry = max_entries, max_bytes, max_entry
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.bytes = 0
        self.seen: int | None = None  # the generation the entries were computed at
        self.pending: dict[tuple, asyncio.Future] = {}  # misses being computed, by key and generation
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        generation = self.generation() if self._cacheable(scope) else None
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        entry = await self._lookup(key, generation)
        if entry is not None:
            self.hits += 1
            await _replay(entry, send)
        else:
            self.misses += 1
            await self._compute(key, generation, scope, receive, send)

    async def _lookup(self, key: tuple, generation: int) -> Entry | None:
        """The kept entry, or else the one the same request running now at this generation will give (at
        startup many clients ask for one page at once: computing it once leaves the CPU to the others)."""
        if generation != self.seen:  # a commit since the entries were computed
            self.clear()
            self.seen = generation
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)  # least recently used goes first
            return entry
        running = self.pending.get((key, generation))
        return await asyncio.shield(running) if running is not None else None

    async def _compute(self, key: tuple, generation: int, scope: Scope, receive: Receive, send: Send) -> None:
        done = asyncio.get_running_loop().create_future()
        self.pending[(key, generation)] = done
        entry = None
        try:
            entry = await _run_and_capture(self.app, scope, receive, send, self.max_entry)
        finally:
            if self.pending.get((key, generation)) is done:  # two may run when a first one failed
                del self.pending[(key, generation)]
            done.set_result(entry)  # None (an error, not a 200): whoever waited computes its own
        if entry is not None and self.seen == generation:  # the store did not change under the request
            self._keep(key, entry)

    def _cacheable(self, scope: Scope) -> bool:
        return (self.max_entries > 0 and scope["type"] == "http" and scope["method"] == "GET"
                and not scope["path"].startswith(UNCACHED_PREFIXES))

    def _keep(self, key: tuple[str, bytes], entry: Entry) -> None:
        old = self.entries.pop(key, None)
        self.bytes += len(entry.body) - (len(old.body) if old else 0)
        self.entries[key] = entry
        while self.entries and (len(self.entries) > self.max_entries or self.bytes > self.max_bytes):
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= len(dropped.body)

    def clear(self) -> None:
        self.entries.clear()
        self.bytes = 0


async def _replay(entry: Entry, send: Send) -> None:
    await send({"type": "http.response.start", "status": entry.status, "headers": list(entry.headers)})
    await send({"type": "http.response.body", "body": entry.body})


async def _run_and_capture(app: ASGIApp, scope: Scope, receive: Receive, send: Send, limit: int) -> Entry | None:
    """Run the request, passing every message on; the Entry to keep, or None (not a 200, too large, or sent
    some other way than a start and body messages)."""
    start: Message | None = None
    chunks: list[bytes] = []
    size, complete, plain = 0, False, True

    async def capture(message: Message) -> None:
        nonlocal start, size, complete, plain
        if message["type"] == "http.response.start":
            start = {"status": message["status"], "headers": tuple(message.get("headers") or ())}
            plain = plain and not message.get("trailers", False)
        elif message["type"] == "http.response.body" and size <= limit:
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            complete = not message.get("more_body", False)
        elif message["type"] != "http.response.body":
            plain = False  # e.g. http.response.pathsend: nothing here to replay
        await send(message)

    await app(scope, receive, capture)
    if start is None or start["status"] != 200 or not (complete and plain) or size > limit:
        return None
    return Entry(start["status"], start["headers"], b"".join(chunks))
