"""Helpers for the quote tests: run the text stages and the quotes stage on a snippet."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.doc import Article
from khabar.pipeline import Options, Pipeline


def _runner(stages: tuple[str, ...] | None):
    pipe = Pipeline.build(Options(stages=stages) if stages else Options())

    def run(text: str, date: dt.date | None = None):
        doc = pipe.run(Article("test", text, date=date))
        out = []
        for q in doc.get("quotes"):
            name = q.speaker.name if q.speaker else None
            out.append((q.kind, text[q.start:q.end], name, text[q.cue.start:q.cue.end] if q.cue else None, q.channel, q))
        return out

    return run


@pytest.fixture(scope="session")
def quotes_of():
    """A function: snippet text -> list of (kind, text, speaker name, cue text, channel, quote), text stages only."""
    return _runner(("sentences", "tokens", "quotes"))


@pytest.fixture(scope="session")
def quotes_full():
    """The same, after the whole default pipeline (time, NER, entities), as the CLI runs it."""
    return _runner(None)
