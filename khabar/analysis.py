"""The one loop from input to records: read, run the pipeline, build the v1 record; errors are kept, not raised.

`extract` and `eval` take the records, the store takes finished records (`ingest_items`), and the batch
analyses one article at a time with `analyse_one`; none of them runs the pipeline itself.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Union

from .record import to_record
from .errors import KhabarError
from .ingest.readers import Item, read_inputs
from .doc import Article, Doc
from .pipeline import Pipeline

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


Outcome = Union[Analysed, Skipped, KhabarError]
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


def ingest_items(store: "Store", pipeline: Pipeline, items: Iterable[Item],
                 advance: Callable[[], None] = lambda: None) -> "IngestReport":
    """Analyse every article not yet stored under this pipeline's provenance, and give the store the records."""
    from .store import ingest as store_ingest

    report = store_ingest.IngestReport()
    started = time.perf_counter()
    for chunk in _chunks(list(items), store_ingest.LOOKUP_BATCH):
        done = store_ingest.already_stored(store, chunk, pipeline.provenance)  # one lookup per chunk
        for outcome in outcomes(pipeline, chunk, skip=lambda article: done.get(article.id)):
            _store(store, outcome, report)
            advance()
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
    else:
        store_record(store, outcome.record, outcome.doc.get("tokens"), report)


def _chunks(items: list, n: int) -> Iterator[list]:
    """The items in lists of at most n: the unit of one stored-provenance lookup."""
    for i in range(0, len(items), n):
        yield items[i:i + n]
