"""One item to table rows: the work both engines do, per article, with every failure turned into an error row."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..errors import InputError, KhabarError, StageError
from ..ingest.dedup import signature
from ..ingest.language import detect_language, guess_problem
from ..ingest.options import IngestOptions
from ..ingest.readers import unicode_problem
from ..doc import Article
from .. import stages  # noqa: F401  registers the built-in stages (here: Spark workers import this module)
from ..pipeline import Options, Pipeline
from ..analysis import Analysed, analyse_one
from ..workers import worker_pipeline
from ..text.terms import search_text
from .tables import TABLES, error_row, rows_from_record

PROCESSED, SKIPPED, FAILED = "processed", "skipped", "failed"


@dataclass
class Rows:
    """Rows per table and the count of each outcome, for one chunk or partition."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in TABLES})
    counts: dict[str, int] = field(default_factory=lambda: {PROCESSED: 0, SKIPPED: 0, FAILED: 0})

    def add(self, status: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Count one outcome and keep its rows."""
        self.counts[status] += 1
        for table, new in rows.items():
            self.tables[table].extend(new)

    def merge(self, other: "Rows") -> None:
        """Add another Rows' counts and rows to these."""
        for status, n in other.counts.items():
            self.counts[status] += n
        for table, new in other.tables.items():
            self.tables[table].extend(new)


def input_error_rows(err: InputError) -> dict[str, list[dict]]:
    """The errors-table row of an input that could not be read."""
    return {"errors": [error_row(error_key(err), FAILED, "input", str(err))]}


def error_key(err: InputError) -> str:
    """What identifies a bad input across runs (for --resume): its source and line."""
    return f"{err.source}:{err.line}" if err.line is not None else err.source


def skip_rows(article: Article, kind: str, reason: str) -> dict[str, list[dict]]:
    """The errors-table row of an article skipped on purpose (language, duplicate id)."""
    message = f"{article.origin}: article {article.id}: skipped: {reason}"
    return {"errors": [error_row(article.id, SKIPPED, kind, message, article_id=article.id)]}


def process_article(pipeline: Pipeline, article: Article, options: IngestOptions) -> tuple[str, dict]:
    """(status, rows) for one article: analysed, skipped for its language, or failed with its stage."""
    problem = _unicode_problem(article)
    if problem:
        return FAILED, {"errors": [error_row(article.id.encode("utf-8", "replace").decode(), FAILED, "input",
                                             f"{article.origin}: {problem}", exception="UnicodeEncodeError")]}
    try:
        guess = detect_language(article.text)
        problem = guess_problem(guess, options) if options.check_language else None
        if problem:
            return SKIPPED, skip_rows(article, "language", problem)
        outcome = analyse_one(pipeline, article)
        if isinstance(outcome, StageError):
            return FAILED, stage_error_rows(article, outcome)
        if isinstance(outcome, KhabarError):
            return FAILED, internal_error_rows(article, outcome)
        return PROCESSED, analysed_rows(outcome, guess.lang, options)
    except Exception as err:  # a bug outside the stages (record, rows): recorded, and the batch goes on
        return FAILED, internal_error_rows(article, err)


def internal_error_rows(article: Article, err: Exception) -> dict[str, list[dict]]:
    """The errors-table row of an article that failed outside any stage, naming the exception."""
    message = f"{article.origin}: article {article.id}: {type(err).__name__}: {err}"
    return {"errors": [error_row(article.id, FAILED, "internal", message, article_id=article.id,
                                 exception=type(err).__name__)]}


def analysed_rows(analysed: Analysed, language: str, options: IngestOptions) -> dict[str, list[dict]]:
    """The table rows of one analysed article, with its language and copy signature (from the store's search terms)."""
    record = analysed.record
    rows = rows_from_record(record)
    terms = search_text(record["text"], record.get("title"), analysed.doc.get("tokens")).split()
    rows["articles"][0].update(language=language, minhash=signature(terms, options.dedup))
    return rows


def stage_error_rows(article: Article, err: StageError) -> dict[str, list[dict]]:
    """The errors-table row of an article a stage failed on, naming the stage and the exception."""
    return {"errors": [error_row(article.id, FAILED, "stage", str(err), article_id=article.id,
                                 stage=err.stage, exception=type(err.cause).__name__)]}


def _unicode_problem(article: Article) -> str | None:
    """Parquet holds UTF-8 only: an Article built in code (not by a reader) may still hold a lone surrogate."""
    for name in ("id", "text", "title", "source", "url"):
        problem = unicode_problem(getattr(article, name))
        if problem:
            return f"article {name} {problem}"
    return None


def process_articles(articles: Iterable[Article], pipeline_options: Options, ingest: IngestOptions) -> Rows:
    """Rows for many articles, with the pipeline built once per worker process: Spark reuses its Python
    workers across partitions, and the local engine's workers live for the whole batch."""
    return process_with(worker_pipeline(pipeline_options), articles, ingest)


def process_with(pipeline: Pipeline, articles: Iterable[Article], ingest: IngestOptions) -> Rows:
    """Rows for many articles with a pipeline already built."""
    rows = Rows()
    for article in articles:
        rows.add(*process_article(pipeline, article, ingest))
    return rows


def iter_chunks(items: Iterable, size: int) -> Iterator[list]:
    """Items in lists of at most `size`: the unit of commit and of progress."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
