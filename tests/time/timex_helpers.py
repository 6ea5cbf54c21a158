"""Running the time stage on a snippet, for the tests in this folder."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from khabar.doc import Article, Doc
from khabar.pipeline import Options, Pipeline
from helpers import SHARED



@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline.build(Options(stages=("sentences", "tokens", "time")))


def run(text: str, date: str | None) -> Doc:
    day = dt.date.fromisoformat(date) if date else None
    return pipeline().run(Article(id="test", text=text, date=day))


def timexes(text: str, date: str | None) -> list[tuple[str, str]]:
    """(span text, value) of every timex found in `text`."""
    doc = run(text, date)
    return [(text[t.start:t.end], t.value) for t in doc.get("timexes")]
