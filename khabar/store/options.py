"""The one options object the store code passes down."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.options import DedupOptions

DEFAULT_DB = "khabar.db"


@dataclass(frozen=True)
class StoreOptions:
    """Where the store lives and how ingest behaves."""

    db: str = DEFAULT_DB  # a path (SQLite) or a URL: sqlite:///x.db, postgresql://...
    progress: bool = True  # show the rich progress bar on stderr
    dedup: DedupOptions = field(default_factory=DedupOptions)  # the near-duplicate set-up, shared with batch
    echo: bool = False  # log SQL (debugging)
