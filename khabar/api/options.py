"""The one options object the API passes down."""
from __future__ import annotations

from dataclasses import dataclass

from ..store.options import DEFAULT_DB

DEFAULT_HOST = "127.0.0.1"  # local only unless the user asks for more
DEFAULT_PORT = 8000
MAX_BODY = 2 * 1024 * 1024  # the largest request body accepted (one v1 record is far smaller)


@dataclass(frozen=True)
class ApiOptions:
    db: str = DEFAULT_DB
    token: str | None = None  # required as a Bearer token by write endpoints; None disables writes
    max_body: int = MAX_BODY
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
