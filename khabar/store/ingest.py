"""Storing finished records: from the analysis loop (ingest) or from v1 JSON lines (import). Nothing here runs the pipeline.

An article already stored under the pipeline's provenance is reported by `already_stored` before the
analysis loop analyses it, so a re-run is a no-op that costs one lookup per chunk of articles.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..record import RecordError, check
from ..errors import InputError, KhabarError
from ..ingest.readers import parse_json_object
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
        """Count one article under what was done with it (inserted, unchanged, ...)."""
        attr = action.replace("-", "_")
        setattr(self, attr, getattr(self, attr) + 1)

    def fail(self, err: KhabarError) -> None:
        """Count one article that failed, with its one-line error."""
        self.failed += 1
        self.errors.append(str(err))

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} articles in {self.seconds:.1f}s ({self.rate:.1f} articles/s): {self.inserted} new, "
                f"{self.replaced} re-extracted, {self.unchanged} unchanged, {self.kept_newer} kept (newer), "
                f"{self.failed} failed")


def already_stored(store: Store, articles: list, provenance: dict) -> dict[str, str]:
    """article id -> unchanged or kept-newer, for the articles that need no new analysis under this provenance."""
    stored = store.stored_provenance([a.id for a in articles if not isinstance(a, KhabarError)])
    version, stages = provenance["version"], writer.stages_json(provenance)
    actions = {article_id: writer.decide(old, version, stages) for article_id, old in stored.items()}
    return {k: v for k, v in actions.items() if v in (writer.UNCHANGED, writer.KEPT_NEWER)}


def store_record(store: Store, record: dict, search_text: str, report: IngestReport) -> None:
    """Write one finished record with the search text the analysis loop built from its tokens."""
    try:
        report.count(store.write(record, search_text))
    except KhabarError as err:
        report.fail(err)


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
            report.fail(err)
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
