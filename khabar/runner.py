"""Run a pipeline over read items: records out, errors recorded, nothing stops the batch."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Union

from .contract import to_record
from .errors import KhabarError
from .ingest.readers import Item
from .pipeline import Pipeline

Produced = Union[dict[str, Any], KhabarError]


def analyse(pipeline: Pipeline, items: Iterable[Item]) -> Iterator[Produced]:
    """A v1 record for each article, or the error (input or stage) that stopped it."""
    provenance = pipeline.provenance
    for item in items:
        if isinstance(item, KhabarError):
            yield item
            continue
        try:
            doc = pipeline.run(item)
        except KhabarError as err:
            yield err
            continue
        yield to_record(doc, provenance)
