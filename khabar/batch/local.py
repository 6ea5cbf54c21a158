"""The local engine: one process, the pipeline built once, the same rows as Spark."""
from __future__ import annotations

from pathlib import Path

from ..doc import Article
from ..pipeline import Pipeline
from ..ingest.dedup import find_duplicates
from .options import BatchOptions
from .parts import part_name, write_parts
from .process import Rows, process_with


class LocalEngine:
    """Runs chunks in this process."""

    name = "local"

    def __init__(self, options: BatchOptions):
        self.options = options
        self.pipeline = Pipeline.build(options.pipeline)

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def process(self, articles: list[Article], out: Path, run: str, chunk: int) -> dict[str, int]:
        """Analyse a chunk, write its parts, return the outcome counts."""
        rows: Rows = process_with(self.pipeline, articles, self.options.ingest)
        write_parts(out, part_name(run, chunk, "local"), rows.tables)
        return rows.counts

    def duplicates(self, signatures: list[tuple[str, bytes]]) -> list[dict]:
        """Near-duplicate rows, computed in this process."""
        return find_duplicates(signatures, self.options.ingest.dedup)
