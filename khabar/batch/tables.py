"""The Parquet tables of a batch and the one function that turns a v1 record into their rows.

Both engines call `rows_from_record`, so local and Spark output cannot drift apart. Nested values
are flattened into `a_b` columns; lists of strings are stored as JSON text. Schemas are explicit:
a part file with no quotes must still have the quotes columns and types of one with many.
"""
from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.binary()


def _span_cols(prefix: str, path: tuple[str, ...]) -> list[tuple[str, tuple[str, ...], pa.DataType]]:
    return [(f"{prefix}_{k}", path + (k,), t) for k, t in (("start", I), ("end", I), ("text", S))]


def _arg_cols(name: str) -> list[tuple[str, tuple[str, ...], pa.DataType]]:
    return _span_cols(name, (name,)) + [(f"{name}_entity", (name, "entity"), S), (f"{name}_code", (name, "code"), S)]


# table -> [(column, path in the record item, type)]; "article_id" and "idx" are added for the list tables.
COLUMNS: dict[str, list[tuple[str, tuple[str, ...], pa.DataType]]] = {
    "articles": [("id", ("id",), S), ("date", ("date",), S), ("effective_date", ("effective_date",), S),
                 ("title", ("title",), S), ("source", ("source",), S), ("url", ("url",), S), ("text", ("text",), S),
                 ("dateline", ("dateline",), S), ("pipeline_version", ("pipeline", "version"), S),
                 ("stages", ("pipeline", "stages"), S), ("warnings", ("warnings",), S)],
    "entities": [("entity_id", ("id",), S), ("name", ("name",), S), ("name_en", ("name_en",), S),
                 ("type", ("type",), S), ("kb_id", ("kb_id",), S)],
    "mentions": [("entity_id", ("entity_id",), S), ("start", ("start",), I), ("end", ("end",), I),
                 ("text", ("text",), S)],
    "quotes": [("kind", ("kind",), S), ("start", ("start",), I), ("end", ("end",), I), ("text", ("text",), S),
               ("speaker_name", ("speaker", "name"), S), ("speaker_name_en", ("speaker", "name_en"), S),
               ("speaker_entity", ("speaker", "entity"), S), ("speaker_type", ("speaker", "type"), S),
               ("speaker_via", ("speaker", "via"), S), ("speaker_start", ("speaker", "start"), I),
               ("speaker_end", ("speaker", "end"), I), *_span_cols("cue", ("cue",)),
               ("channel", ("channel",), S), ("date", ("date",), S)],
    "timexes": [("start", ("start",), I), ("end", ("end",), I), ("text", ("text",), S), ("value", ("value",), S),
                ("type", ("type",), S), ("anchor", ("anchor",), S)],
    "events": [("type", ("type",), S), ("mode", ("mode",), S), ("cameo", ("cameo",), S),
               *_span_cols("trigger", ("trigger",)), *_arg_cols("source"), *_arg_cols("target"),
               *_arg_cols("location"), ("date", ("date",), S), *_span_cols("evidence", ("evidence",)),
               ("confidence", ("confidence",), F)],
    "relations": [("type", ("type",), S), ("subject", ("subject",), S), ("object", ("object",), S),
                  ("role", ("role",), S), ("start", ("start",), I), ("end", ("end",), I), ("text", ("text",), S)],
}
LIST_TABLES = ("entities", "mentions", "quotes", "timexes", "events", "relations")
EXTRA_ARTICLE_COLUMNS = [("language", S), ("minhash", B)]  # filled by the batch, not by the record
ERROR_COLUMNS = [("key", S), ("article_id", S), ("status", S), ("kind", S), ("stage", S), ("exception", S),
                 ("message", S)]
DUPLICATE_COLUMNS = [("id", S), ("duplicate_of", S), ("similarity", F)]
TABLES = ("articles", *LIST_TABLES, "errors")


def schema(table: str) -> pa.Schema:
    """The Arrow schema of a table."""
    if table == "errors":
        return pa.schema(ERROR_COLUMNS)
    if table == "duplicates":
        return pa.schema(DUPLICATE_COLUMNS)
    if table == "articles":
        return pa.schema([(c, t) for c, _, t in COLUMNS["articles"]] + EXTRA_ARTICLE_COLUMNS)
    return pa.schema([("article_id", S), ("idx", I)] + [(c, t) for c, _, t in COLUMNS[table]])


def rows_from_record(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows a v1 record contributes to each table (articles, entities, mentions, quotes, ...)."""
    article_id = record["id"]
    rows: dict[str, list[dict[str, Any]]] = {"articles": [_row("articles", record)]}
    mentions = [{**m, "entity_id": e["id"]} for e in record.get("entities", []) for m in e.get("mentions", [])]
    items = {**{t: record.get(t, []) for t in LIST_TABLES}, "mentions": mentions}
    for table in LIST_TABLES:
        rows[table] = [{"article_id": article_id, "idx": i, **_row(table, item)} for i, item in enumerate(items[table])]
    return rows


def _row(table: str, item: dict[str, Any]) -> dict[str, Any]:
    return {column: _cell(_get(item, path), kind) for column, path, kind in COLUMNS[table]}


def _get(item: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def _cell(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if kind == S and not isinstance(value, str):
        # lists and objects (dateline, stages, warnings) as JSON: one column, readable by any tool
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == F:
        return float(value)
    return value


def error_row(key: str, status: str, kind: str, message: str, article_id: str | None = None,
              stage: str | None = None, exception: str | None = None) -> dict[str, Any]:
    """One row of the errors table: a failed input or article, or a skipped one, with its one-line message."""
    return {"key": key, "article_id": article_id, "status": status, "kind": kind, "stage": stage,
            "exception": exception, "message": " ".join(message.split())}
