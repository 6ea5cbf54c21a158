"""The SQLite store the API and browser tests read: the sample articles and the hand-made seed records."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

import khabar_fixtures as fx  # noqa: E402
from khabar.ingest.readers import read_inputs  # noqa: E402
from khabar.pipeline import Options, Pipeline  # noqa: E402
from khabar.store import StoreOptions, open_store, searchtext  # noqa: E402
from khabar.analysis import ingest_items  # noqa: E402

TOKEN = "test-token-6f1c"


def build_store(path: Path) -> str:
    db = str(path / "api.db")
    with open_store(StoreOptions(db=db, progress=False)) as store:
        ingest_items(store, Pipeline.build(Options(stages=fx.BASIC_STAGES)),
                     read_inputs([str(fx.SAMPLE / "ant-2018-sample.jsonl")]))
        for r in fx.records():
            store.write(r, searchtext.search_text(r["text"], r.get("title")))
    return db
