"""The one loop from input to records: read, run the pipeline, build the v1 record; errors are kept, not raised.

`extract` and `eval` take the records, the store takes finished records (`ingest_items`), and the batch
analyses one article at a time with `analyse_one`; none of them runs the pipeline itself.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Union

from .record import to_record
from .errors import KhabarError
from .ingest.readers import Item, read_inputs
from .doc import Article, Doc
from .pipeline import Options, Pipeline
from .text.terms import search_text
from .workers import in_order, open_pool, worker_pipeline

if TYPE_CHECKING:  # the store (SQLAlchemy) is loaded only by ingest, not by extract or the batch workers
    from .store.db import Store
    from .store.ingest import IngestReport

Produced = Union[dict[str, Any], KhabarError]


@dataclass(frozen=True)
class Analysed:
    """One article's finished analysis: its Doc and its v1 record."""

    article: Article
    doc: Doc
    record: dict[str, Any]


@dataclass(frozen=True)
class Skipped:
    """An article not analysed, and why (e.g. already stored under this pipeline)."""

    article: Article
    reason: str


@dataclass(frozen=True)
class Finished:
    """One analysis as the store takes it, small enough to come back from a worker: record and search text."""

    article: Article
    record: dict[str, Any]
    search_text: str


Outcome = Union[Analysed, Finished, Skipped, KhabarError]
SkipCheck = Callable[[Article], Optional[str]]


def analyse_one(pipeline: Pipeline, item: Item) -> Union[Analysed, KhabarError]:
    """The analysis of one read item, or the error (input or stage) that stopped it."""
    if isinstance(item, KhabarError):
        return item
    try:
        doc = pipeline.run(item)
        return Analysed(item, doc, to_record(doc, pipeline.provenance))
    except KhabarError as err:
        return err


def outcomes(pipeline: Pipeline, items: Iterable[Item], skip: SkipCheck | None = None) -> Iterator[Outcome]:
    """An outcome per item, in order; `skip` may name a reason not to run an article."""
    for item in items:
        reason = skip(item) if skip is not None and not isinstance(item, KhabarError) else None
        yield Skipped(item, reason) if reason else analyse_one(pipeline, item)


def analyse(pipeline: Pipeline, items: Iterable[Item]) -> Iterator[Produced]:
    """A v1 record for each article, or the error (input or stage) that stopped it."""
    for outcome in outcomes(pipeline, items):
        yield outcome.record if isinstance(outcome, Analysed) else outcome


def analyse_inputs(pipeline: Pipeline, inputs: Iterable[str]) -> Iterator[Produced]:
    """Records or errors for the articles of named inputs (files, folders, globs, - for stdin)."""
    return analyse(pipeline, read_inputs(list(inputs)))


def finish(options: Options, item: Item) -> Union[Finished, KhabarError]:
    """One item analysed with the (per-process) pipeline of `options`: what a worker sends back to the store."""
    outcome = analyse_one(worker_pipeline(options), item)
    if isinstance(outcome, KhabarError):
        return outcome
    record = outcome.record
    return Finished(outcome.article, record, search_text(record["text"], record.get("title"), outcome.doc.get("tokens")))


def parallel_outcomes(pool, options: Options, items: list[Item], skip: SkipCheck) -> Iterator[Outcome]:
    """As `outcomes`, with the articles to analyse handed to the pool's workers; order kept."""
    reasons = [skip(item) if not isinstance(item, KhabarError) else None for item in items]
    done = in_order(pool, partial(finish, options), [item for item, why in zip(items, reasons) if not why])
    for item, why in zip(items, reasons):
        yield Skipped(item, why) if why else next(done)


def ingest_items(store: "Store", pipeline: Pipeline, items: Iterable[Item],
                 advance: Callable[[], None] = lambda: None, workers: int = 1) -> "IngestReport":
    """Analyse every article not yet stored under this pipeline's provenance, and give the store the records;
    with `workers` > 1 the analyses run in that many processes and the writes stay here, one per article."""
    from .store import ingest as store_ingest

    report = store_ingest.IngestReport()
    started = time.perf_counter()
    pool = open_pool(pipeline.options, workers) if workers > 1 else None
    try:
        for chunk in _chunks(list(items), store_ingest.LOOKUP_BATCH):
            done = store_ingest.already_stored(store, chunk, pipeline.provenance)  # one lookup per chunk
            skip = lambda article: done.get(article.id)  # noqa: E731
            found = (parallel_outcomes(pool, pipeline.options, chunk, skip) if pool
                     else outcomes(pipeline, chunk, skip=skip))
            for outcome in found:
                _store(store, outcome, report)
                advance()
    finally:
        if pool is not None:
            pool.terminate()
    report.seconds = time.perf_counter() - started
    return report


def _store(store: "Store", outcome: Outcome, report: "IngestReport") -> None:
    """Hand one outcome to the store: an error is counted, a skip counted, a record written."""
    from .store.ingest import store_record

    report.read += 1
    if isinstance(outcome, KhabarError):
        report.fail(outcome)
    elif isinstance(outcome, Skipped):
        report.count(outcome.reason)
    elif isinstance(outcome, Finished):
        store_record(store, outcome.record, outcome.search_text, report)
    else:
        record = outcome.record
        store_record(store, record, search_text(record["text"], record.get("title"), outcome.doc.get("tokens")), report)


def _chunks(items: list, n: int) -> Iterator[list]:
    """The items in lists of at most n: the unit of one stored-provenance lookup."""
    for i in range(0, len(items), n):
        yield items[i:i + n]
