"""The khabar JSON v1 contract: one record per article, built from a Doc.

Every span in a record indexes the record's own `text`, and carries that
text, so `text[start:end] == span["text"]` can be checked by anyone.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any, Iterator

from .doc import Argument, Doc, Entity, Event, Quote, Relation, Span, Timex

SCHEMA_NAME = "khabar-v1.schema.json"
LIST_LAYERS = ("entities", "quotes", "timexes", "events", "relations")


def span_json(doc: Doc, span: Any) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": doc.text[span.start:span.end], "start": span.start, "end": span.end}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def entity_json(doc: Doc, e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "name_en": e.name_en, "type": e.type, "kb_id": e.kb_id,
            "mentions": [span_json(doc, m) for m in e.mentions]}


def quote_json(doc: Doc, q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        s = q.speaker
        speaker = {"name": s.name, "name_en": s.name_en, "entity": s.entity, "type": s.type, "via": s.via,
                   "start": s.start, "end": s.end,
                   "text": doc.text[s.start:s.end] if s.start is not None and s.end is not None else None}
    return {"kind": q.kind, "text": doc.text[q.start:q.end], "start": q.start, "end": q.end,
            "speaker": speaker, "cue": span_json(doc, q.cue), "channel": q.channel, "date": q.date}


def timex_json(doc: Doc, t: Timex) -> dict[str, Any]:
    return {"text": doc.text[t.start:t.end], "start": t.start, "end": t.end, "value": t.value,
            "type": t.type, "anchor": t.anchor}


def argument_json(doc: Doc, a: Argument | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {**span_json(doc, a), "entity": a.entity, "code": a.code}


def event_json(doc: Doc, e: Event) -> dict[str, Any]:
    return {"type": e.type, "mode": e.mode, "cameo": e.cameo, "trigger": span_json(doc, e.trigger),
            "source": argument_json(doc, e.source), "target": argument_json(doc, e.target),
            "location": argument_json(doc, e.location), "date": e.date,
            "evidence": span_json(doc, e.evidence), "confidence": e.confidence}


def relation_json(doc: Doc, r: Relation) -> dict[str, Any]:
    return {"type": r.type, "subject": r.subject, "object": r.object, "role": r.role,
            **span_json(doc, Span(r.start, r.end))}


_BUILDERS = {"entities": entity_json, "quotes": quote_json, "timexes": timex_json,
             "events": event_json, "relations": relation_json}


def to_record(doc: Doc, provenance: dict[str, Any]) -> dict[str, Any]:
    """The v1 record of an analysed document."""
    a = doc.article
    record: dict[str, Any] = {
        "id": a.id,
        "date": _iso(a.date),
        "effective_date": _iso(doc.anchor_date),
        "dateline": a.dateline.to_json() if a.dateline else None,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "text": a.text,
        "pipeline": provenance,
    }
    for layer in LIST_LAYERS:
        record[layer] = [_BUILDERS[layer](doc, item) for item in doc.get(layer, [])]
    record["warnings"] = list(doc.warnings)
    return record


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every object in a record that locates text (`text`, integer `start` and `end`), at any depth."""
    if isinstance(node, dict):
        if "text" in node and isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of a v1 record, shipped in khabar/schema/."""
    path = importlib_resources.files("khabar") / "schema" / SCHEMA_NAME
    return json.loads(path.read_text(encoding="utf-8"))


# A record id ends up in urls (/articles/{id}), file names of exports and log lines.
ID_RULE = ("an id is 1-200 letters, digits and . _ : @ + = ~ -, starting with a letter or digit, "
           "with no '..' (so no /, \\, spaces or control characters)")
_ID = re.compile(r"[^\W_][\w.:@+=~-]{0,199}")


class RecordError(ValueError):
    """A record that is not a valid khabar v1 record; `field` names where, as in `entities[0].mentions[0].start`."""

    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


def field_path(parts: Any) -> str:
    """`entities[0].mentions[0].start` from the path ("entities", 0, "mentions", 0, "start")."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "record"


def _located(node: Any, path: tuple) -> Iterator[tuple[tuple, dict[str, Any]]]:
    """(path, span) for every span of `spans`, with where it is."""
    if isinstance(node, dict):
        if "text" in node and isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for key, value in node.items():
            yield from _located(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _located(value, (*path, i))


def check_spans(record: dict[str, Any]) -> None:
    """Raise RecordError unless every span lies inside `text`, in order, and carries exactly `text[start:end]`."""
    text = record["text"]
    for path, span in _located({k: v for k, v in record.items() if k != "text"}, ()):
        start, end = span["start"], span["end"]
        if not 0 <= start <= len(text):
            raise RecordError(field_path((*path, "start")), f"start {start} is outside the text (0-{len(text)})")
        if not 0 <= end <= len(text):
            raise RecordError(field_path((*path, "end")), f"end {end} is outside the text (0-{len(text)})")
        if start > end:
            raise RecordError(field_path((*path, "start")), f"start {start} is after end {end}")
        if span["text"] != text[start:end]:
            raise RecordError(field_path((*path, "text")),
                              f"{span['text'][:80]!r} is not the text at {start}-{end} ({text[start:end][:80]!r})")


def check_id(article_id: str) -> None:
    if not _ID.fullmatch(article_id) or ".." in article_id:
        raise RecordError("id", f"{article_id[:80]!r} is not a safe id: {ID_RULE}")


def check(record: dict[str, Any]) -> None:
    """Raise RecordError unless `record` is a v1 record as `extract` writes it: it fits the schema, its id is
    safe, and every span indexes its own text exactly."""
    import jsonschema

    try:
        validate(record)
    except jsonschema.ValidationError as err:
        raise RecordError(field_path(err.absolute_path), err.message[:200]) from None
    check_id(record["id"])
    check_spans(record)


def validate(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `record` fits the v1 schema."""
    import jsonschema

    jsonschema.validate(record, schema())
