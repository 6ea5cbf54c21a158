"""Ingest: articles through the pipeline into the store; import: v1 records straight in.

An article already stored under this pipeline's provenance is skipped before
the pipeline runs, so a re-run is a no-op that costs one lookup per article.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..contract import RecordError, check, to_record
from ..errors import InputError, KhabarError
from ..ingest.readers import Item, parse_json_object
from ..pipeline import Pipeline
from . import searchtext, writer
from .db import Store

LOOKUP_BATCH = 200  # ids checked against the store per query


@dataclass
class IngestReport:
    """Counts of what happened to each input article."""

    read: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    failed: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def count(self, action: str) -> None:
        attr = action.replace("-", "_")
        setattr(self, attr, getattr(self, attr) + 1)

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} articles in {self.seconds:.1f}s ({self.rate:.1f} articles/s): {self.inserted} new, "
                f"{self.replaced} re-extracted, {self.unchanged} unchanged, {self.kept_newer} kept (newer), "
                f"{self.failed} failed")


def _chunks(items: list, n: int) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _analyse(pipeline: Pipeline, article) -> tuple[dict, str]:
    """The record and search text of one article, reusing the pipeline's tokens when it has them."""
    doc = pipeline.run(article)
    record = to_record(doc, pipeline.provenance)
    return record, searchtext.search_text(record["text"], record.get("title"), doc.get("tokens"))


def ingest_items(store: Store, pipeline: Pipeline, items: Iterable[Item],
                 advance: Callable[[], None] = lambda: None) -> IngestReport:
    """Run the pipeline on every article not yet stored under its provenance, and store it."""
    report = IngestReport()
    started = time.perf_counter()
    stages = writer.stages_json(pipeline.provenance)
    version = pipeline.provenance["version"]
    for chunk in _chunks(list(items), LOOKUP_BATCH):
        stored = store.stored_provenance([i.id for i in chunk if not isinstance(i, KhabarError)])
        for item in chunk:
            report.read += 1
            _ingest_one(store, pipeline, item, stored, (version, stages), report)
            advance()
    report.seconds = time.perf_counter() - started
    return report


def _ingest_one(store: Store, pipeline: Pipeline, item: Item, stored: dict, provenance: tuple[str, str],
                report: IngestReport) -> None:
    if isinstance(item, KhabarError):
        report.failed += 1
        report.errors.append(str(item))
        return
    action = writer.decide(stored.get(item.id), *provenance)
    if action in (writer.UNCHANGED, writer.KEPT_NEWER):
        report.count(action)
        return
    try:
        record, text = _analyse(pipeline, item)
        report.count(store.write(record, text))
    except KhabarError as err:
        report.failed += 1
        report.errors.append(str(err))


def import_records(store: Store, lines: Iterable[tuple[str, int, str]],
                   advance: Callable[[], None] = lambda: None) -> IngestReport:
    """Store v1 records given as (label, line number, JSON line); each is checked against the schema."""
    report = IngestReport()
    started = time.perf_counter()
    for label, number, line in lines:
        report.read += 1
        try:
            record = parse_record(line, label, number)
            text = searchtext.search_text(record["text"], record.get("title"))
            report.count(store.write(record, text))
        except KhabarError as err:
            report.failed += 1
            report.errors.append(str(err))
        advance()
    report.seconds = time.perf_counter() - started
    return report


def parse_record(line: str, label: str, number: int) -> dict:
    """One v1 record from a JSON line; InputError when it is not JSON or not a v1 record (checked as `extract`
    output is: the schema, a safe id, and spans that index the record's own text exactly)."""
    record = parse_json_object(line, label, number)
    try:
        check(record)
    except RecordError as err:
        raise InputError(label, f"not a khabar v1 record: {err.field}: {err.message}", number) from None
    return record
