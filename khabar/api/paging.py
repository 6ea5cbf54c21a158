"""Pages of a long list: which rows this page shows, of how many, and the links to the pages beside it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlencode


@dataclass(frozen=True)
class Pager:
    first: int  # 1-based number of the first row shown; 0 when nothing is shown
    last: int
    total: int
    prev: str | None  # href of the previous page, None on the first
    next: str | None


def _href(path: str, params: Mapping[str, str], offset: int) -> str:
    kept = {k: v for k, v in params.items() if k != "offset" and v not in (None, "")}
    if offset:
        kept["offset"] = str(offset)
    return path + ("?" + urlencode(kept) if kept else "")


def pager(path: str, params: Mapping[str, str], total: int, limit: int, offset: int) -> Pager:
    """The pager of a list of `total` rows showing `limit` from `offset`; the links keep every other parameter."""
    shown = max(0, min(limit, total - offset))
    prev = _href(path, params, max(0, offset - limit)) if offset > 0 else None
    nxt = _href(path, params, offset + limit) if offset + limit < total else None
    return Pager(offset + 1 if shown else 0, offset + shown, total, prev, nxt)
