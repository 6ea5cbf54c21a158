"""The one options object the API passes down."""
from __future__ import annotations

from dataclasses import dataclass

from ..store.options import DEFAULT_DB

DEFAULT_HOST = "127.0.0.1"  # local only unless the user asks for more
DEFAULT_PORT = 8000
MAX_BODY = 2 * 1024 * 1024  # the largest request body accepted (one v1 record is far smaller)
CACHE_ENTRIES = 2048  # GET responses kept per server process while the store is unchanged (0: none)


@dataclass(frozen=True)
class ApiOptions:
    db: str = DEFAULT_DB
    token: str | None = None  # required as a Bearer token by write endpoints; None disables writes
    max_body: int = MAX_BODY
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = 1  # server processes; each has its own connections and response cache
    cache_entries: int = CACHE_ENTRIES
