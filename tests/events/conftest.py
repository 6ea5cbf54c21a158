"""Helpers for the event-coder tests: run sentences, tokens and events on a snippet."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.doc import Article, Doc
from khabar.pipeline import Options, Pipeline
from helpers import SHARED

STAGES = ("sentences", "tokens", "events")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.build(Options(stages=STAGES))


@pytest.fixture(scope="session")
def code(pipeline):
    """code(text, date=None) -> (doc, events as dicts with the text of every span)."""

    def run(text: str, date: dt.date | None = None, article_id: str = "t") -> tuple[Doc, list[dict]]:
        doc = pipeline.run(Article(article_id, text, date=date))
        out = []
        for e in doc.get("events"):
            span = lambda a: doc.text[a.start:a.end] if a else None  # noqa: E731
            out.append({"type": e.type, "mode": e.mode, "cameo": e.cameo, "trigger": span(e.trigger),
                        "source": span(e.source), "source_code": e.source.code if e.source else None,
                        "target": span(e.target), "target_code": e.target.code if e.target else None,
                        "location": span(e.location), "date": e.date, "confidence": e.confidence})
        return doc, out

    return run


def of_type(events: list[dict], type_: str) -> dict:
    """The single event of a type, failing the test when there is none."""
    found = [e for e in events if e["type"] == type_]
    assert found, f"no {type_} event in {events}"
    return found[0]
