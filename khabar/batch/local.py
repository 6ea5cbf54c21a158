"""The local engine: this process, or N worker processes (`--workers`), the same rows as Spark."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from ..doc import Article
from ..ingest.dedup import find_duplicates
from ..workers import in_order, open_pool, worker_pipeline
from .options import BatchOptions
from .parts import part_name, write_parts
from .process import Rows, process_articles, process_with

SLICE = 8  # articles per task handed to a worker: its rows come back in one piece


class LocalEngine:
    """Runs chunks here, or across worker processes that each build the pipeline once."""

    name = "local"

    def __init__(self, options: BatchOptions):
        self.options = options
        self.pipeline = worker_pipeline(options.pipeline)  # forked workers inherit it, models loaded
        self.pool = open_pool(options.pipeline, options.workers) if options.workers > 1 else None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()

    def process(self, articles: list[Article], out: Path, run: str, chunk: int) -> dict[str, int]:
        """Analyse a chunk, write its parts (here, in input order), return the outcome counts."""
        rows = self.rows(articles)
        write_parts(out, part_name(run, chunk, "local"), rows.tables)
        return rows.counts

    def rows(self, articles: list[Article]) -> Rows:
        """The chunk's rows: from this process, or from slices analysed by the workers, merged in order."""
        if self.pool is None:
            return process_with(self.pipeline, articles, self.options.ingest)
        rows = Rows()
        slices = [articles[i:i + SLICE] for i in range(0, len(articles), SLICE)]
        work = partial(process_articles, pipeline_options=self.options.pipeline, ingest=self.options.ingest)
        for part in in_order(self.pool, work, slices):
            rows.merge(part)
        return rows

    def duplicates(self, signatures: list[tuple[str, bytes]]) -> list[dict]:
        """Near-duplicate rows, computed in this process."""
        return find_duplicates(signatures, self.options.ingest.dedup)
