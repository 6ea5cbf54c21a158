"""Shared helpers of the entity tests: run the pipeline on one text with a date."""
from __future__ import annotations

import datetime as dt

from khabar.doc import Article
from khabar.pipeline import Options, Pipeline

STAGES = ("sentences", "tokens", "entities", "relations")


def analyse(text: str, date: str = "2018-06-01", article_id: str = "t"):
    """The Doc of one text after the entity and relation stages."""
    pipe = Pipeline.build(Options(stages=STAGES))
    return pipe.run(Article(id=article_id, text=text, date=dt.date.fromisoformat(date)))


def by_name_en(doc) -> dict:
    return {e.name_en: e for e in doc.get("entities")}
