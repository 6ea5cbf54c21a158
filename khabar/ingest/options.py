"""The one options object the readers take."""
from __future__ import annotations

from dataclasses import dataclass, field

MB = 1024 * 1024


@dataclass(frozen=True)
class DedupOptions:
    """Every parameter of the MinHash set-up: signatures made with different ones cannot be compared."""

    threshold: float = 0.8  # estimated Jaccard similarity from which two articles are copies
    num_perm: int = 64  # permutations: 64 keeps signatures small (256 bytes) and LSH fast
    shingle: int = 3  # word n-grams: robust to a changed headline or a dropped sentence
    seed: int = 1
    # Named, not left to datasketch's default: stored signatures are only comparable with new ones of the same scheme.
    scheme: str = "affine32"


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read: size limits and which languages are kept."""

    # One document (a text or HTML file, a feed, a JSONL line, a WARC record) above this is refused,
    # so a 50 MB page cannot stall a batch; a JSONL or WARC file as a whole may be any size (streamed).
    max_document_bytes: int = 10 * MB
    check_language: bool = False  # off for `extract` (old behaviour); `batch` turns it on
    languages: tuple[str, ...] = ("ar",)
    min_language_score: float = 0.5  # below this the detector's answer is not trusted and the article is kept
    dedup: DedupOptions = field(default_factory=DedupOptions)  # how copies are found (ingest/dedup.py)
