"""rows_from_record: every table's rows from a v1 record, the one conversion both engines use."""
import datetime as dt

from khabar.batch.tables import TABLES, rows_from_record, schema
from khabar.record import to_record
from khabar.doc import Article
from khabar.pipeline import Pipeline
from batch.corpus import SNIPPETS

import pyarrow as pa


def test_rows_follow_the_record_and_fit_the_schemas():
    pipeline = Pipeline.build()
    text = SNIPPETS["ant:AL-culture-105-20180301"]
    record = to_record(pipeline.run(Article(id="ant:AL-culture-105-20180301", text=text, date=dt.date(2018, 3, 1))),
                       pipeline.provenance)
    rows = rows_from_record(record)
    (article,) = rows["articles"]
    assert article["id"] == record["id"] and article["text"] == text and article["date"] == "2018-03-01"
    assert len(rows["timexes"]) == len(record["timexes"]) and len(rows["quotes"]) == len(record["quotes"])
    assert len(rows["mentions"]) == sum(len(e["mentions"]) for e in record["entities"])
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start" in row and row.get("text") is not None and table != "articles":
                assert text[row["start"]:row["end"]] == row["text"]
        pa.Table.from_pylist(table_rows, schema=schema(table))  # every row fits its table's types


def test_missing_layers_give_empty_tables_not_errors():
    record = {"id": "x", "text": "قال", "pipeline": {"version": "0", "stages": []}}
    rows = rows_from_record(record)
    assert rows["articles"][0]["id"] == "x" and all(rows[t] == [] for t in TABLES if t not in ("articles", "errors"))
