"""The one options object the readers take."""
from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read: size limits and which languages are kept."""

    # One document (a text or HTML file, a feed, a JSONL line, a WARC record) above this is refused,
    # so a 50 MB page cannot stall a batch; a JSONL or WARC file as a whole may be any size (streamed).
    max_document_bytes: int = 10 * MB
    check_language: bool = False  # off for `extract` (old behaviour); `batch` turns it on
    languages: tuple[str, ...] = ("ar",)
    min_language_score: float = 0.5  # below this the detector's answer is not trusted and the article is kept
