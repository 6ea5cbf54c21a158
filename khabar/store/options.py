"""The one options object the store code passes down."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB = "khabar.db"


@dataclass(frozen=True)
class StoreOptions:
    """Where the store lives and how ingest behaves."""

    db: str = DEFAULT_DB  # a path (SQLite) or a URL: sqlite:///x.db, postgresql://...
    progress: bool = True  # show the rich progress bar on stderr
    dedup_threshold: float = 0.8  # Jaccard similarity above which two articles are wire copies
    num_perm: int = 64  # MinHash permutations: 64 keeps signatures small and LSH fast
    shingle: int = 3  # word n-grams hashed into the MinHash
    echo: bool = False  # log SQL (debugging)
