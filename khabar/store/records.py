"""khabar v1 records to table rows, and rows back to the same records.

The record's entity ids are article-local; rows keep them (`*_local`) so the
record comes back exactly, and add the store-wide entity (`*_entity`).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from . import schema, searchtext
from .identity import entity_key, name_key

Row = Mapping[str, Any]


def provenance_of(record: dict) -> dict[str, str]:
    """The provenance columns every row of this record gets."""
    pipeline = record["pipeline"]
    return {"pipeline_version": str(pipeline["version"]), "stages": json.dumps(list(pipeline["stages"]))}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_row(record: dict, search_text: str, dup_group: str, now: str) -> dict:
    dateline = record.get("dateline")
    return {
        "id": record["id"], "title": record.get("title"), "source": record.get("source"), "url": record.get("url"),
        "date": record.get("date"), "effective_date": record.get("effective_date"),
        "dateline": json.dumps(dateline, ensure_ascii=False) if dateline is not None else None,
        "dateline_places": "، ".join(dateline.get("places") or []) if dateline else None,
        "text": record["text"], "search_text": search_text, "content_hash": content_hash(record["text"]),
        "dup_group": dup_group, "warnings": json.dumps(record.get("warnings") or [], ensure_ascii=False),
        "ingested_at": now, **provenance_of(record),
    }


def entity_keys(record: dict) -> dict[str, str]:
    """Article-local entity id -> store entity id."""
    return {e["id"]: entity_key(e) for e in record.get("entities") or []}


def store_entities(record: dict) -> list[dict]:
    """The store entity rows this record names (one per store id)."""
    prov = provenance_of(record)
    out: dict[str, dict] = {}
    for e in record.get("entities") or []:
        key = entity_key(e)
        out.setdefault(key, {"id": key, "name": e["name"], "name_norm": name_key(e["name"]),
                             "name_en": e.get("name_en"), "type": e["type"], "kb_id": e.get("kb_id"), **prov})
    return list(out.values())


def _span(prefix: str, span: dict | None) -> dict:
    span = span or {}
    return {f"{prefix}_text": span.get("text"), f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end")}


def _argument(prefix: str, arg: dict | None, keys: dict[str, str]) -> dict:
    arg = arg or {}
    local = arg.get("entity")
    return {**_span(prefix, arg or None), f"{prefix}_local": local, f"{prefix}_entity": keys.get(local) if local else None,
            f"{prefix}_code": arg.get("code")}


def _entity_rows(record: dict, keys: dict[str, str], base: dict) -> tuple[list[dict], list[dict]]:
    links, mentions = [], []
    for i, e in enumerate(record.get("entities") or []):
        key = keys[e["id"]]
        links.append({**base, "position": i, "local_id": e["id"], "entity_id": key, "name": e["name"],
                      "name_en": e.get("name_en"), "type": e["type"], "kb_id": e.get("kb_id")})
        mentions += [{**base, "entity_id": key, "local_id": e["id"], "text": m["text"], "start": m["start"],
                      "end": m["end"]} for m in e.get("mentions") or []]
    return links, mentions


def _quote_row(i: int, q: dict, keys: dict[str, str], base: dict) -> dict:
    s = q.get("speaker") or {}
    local = s.get("entity")
    return {**base, "position": i, "kind": q["kind"], "text": q["text"], "search_text": searchtext.search_text(q["text"]),
            "start": q["start"], "end": q["end"],
            "speaker_name": s.get("name"), "speaker_norm": name_key(s["name"]) if s.get("name") else None,
            "speaker_name_en": s.get("name_en"), "speaker_local": local,
            "speaker_entity": keys.get(local) if local else None, "speaker_type": s.get("type"),
            "speaker_via": s.get("via"), "speaker_start": s.get("start"), "speaker_end": s.get("end"),
            "speaker_text": s.get("text"), **_span("cue", q.get("cue")), "channel": q.get("channel"),
            "date": q.get("date")}


def _event_row(i: int, e: dict, keys: dict[str, str], base: dict) -> dict:
    return {**base, "position": i, "type": e["type"], "mode": e["mode"], "cameo": e.get("cameo"),
            **_span("trigger", e["trigger"]), **_argument("source", e.get("source"), keys),
            **_argument("target", e.get("target"), keys), **_argument("location", e.get("location"), keys),
            "date": e.get("date"), **_span("evidence", e.get("evidence")), "confidence": e.get("confidence", 0.0)}


def _relation_row(i: int, r: dict, keys: dict[str, str], base: dict) -> dict:
    return {**base, "position": i, "type": r["type"], "subject_local": r["subject"],
            "subject_entity": keys.get(r["subject"]), "object_local": r["object"], "object_entity": keys.get(r["object"]),
            "role": r.get("role"), "text": r["text"], "start": r["start"], "end": r["end"]}


def child_rows(record: dict) -> dict[str, list[dict]]:
    """Rows for each per-article table, keyed by table name."""
    keys = entity_keys(record)
    base = {"article_id": record["id"], **provenance_of(record)}
    links, mentions = _entity_rows(record, keys, base)
    return {
        "article_entities": links,
        "mentions": mentions,
        "quotes": [_quote_row(i, q, keys, base) for i, q in enumerate(record.get("quotes") or [])],
        "timexes": [{**base, "position": i, "text": t["text"], "start": t["start"], "end": t["end"], "value": t["value"],
                     "type": t["type"], "anchor": t.get("anchor")} for i, t in enumerate(record.get("timexes") or [])],
        "events": [_event_row(i, e, keys, base) for i, e in enumerate(record.get("events") or [])],
        "relations": [_relation_row(i, r, keys, base) for i, r in enumerate(record.get("relations") or [])],
    }


# ---- rows back to a v1 record -------------------------------------------------------------

def _span_out(row: Row, prefix: str) -> dict | None:
    if row[f"{prefix}_start"] is None:
        return None
    return {"text": row[f"{prefix}_text"], "start": row[f"{prefix}_start"], "end": row[f"{prefix}_end"]}


def _argument_out(row: Row, prefix: str) -> dict | None:
    span = _span_out(row, prefix)
    if span is None:
        return None
    return {**span, "entity": row[f"{prefix}_local"], "code": row[f"{prefix}_code"]}


def quote_out(row: Row) -> dict:
    speaker = None
    if row["speaker_name"] is not None:
        speaker = {"name": row["speaker_name"], "name_en": row["speaker_name_en"], "entity": row["speaker_local"],
                   "type": row["speaker_type"], "via": row["speaker_via"], "start": row["speaker_start"],
                   "end": row["speaker_end"], "text": row["speaker_text"]}
    return {"kind": row["kind"], "text": row["text"], "start": row["start"], "end": row["end"], "speaker": speaker,
            "cue": _span_out(row, "cue"), "channel": row["channel"], "date": row["date"]}


def event_out(row: Row) -> dict:
    return {"type": row["type"], "mode": row["mode"], "cameo": row["cameo"], "trigger": _span_out(row, "trigger"),
            "source": _argument_out(row, "source"), "target": _argument_out(row, "target"),
            "location": _argument_out(row, "location"), "date": row["date"], "evidence": _span_out(row, "evidence"),
            "confidence": row["confidence"]}


def to_record(article: Row, children: dict[str, list[Row]]) -> dict:
    """The v1 record of a stored article; `children` rows are in position order."""
    by_local: dict[str, list[dict]] = {}
    for m in children["mentions"]:
        by_local.setdefault(m["local_id"], []).append({"text": m["text"], "start": m["start"], "end": m["end"]})
    record = {
        "id": article["id"], "date": article["date"], "effective_date": article["effective_date"],
        "dateline": json.loads(article["dateline"]) if article["dateline"] else None,
        "title": article["title"], "source": article["source"], "url": article["url"], "text": article["text"],
        "pipeline": {"version": article["pipeline_version"], "stages": json.loads(article["stages"])},
        "entities": [{"id": e["local_id"], "name": e["name"], "name_en": e["name_en"], "type": e["type"],
                      "kb_id": e["kb_id"], "mentions": by_local.get(e["local_id"], [])}
                     for e in children["article_entities"]],
        "quotes": [quote_out(q) for q in children["quotes"]],
        "timexes": [{"text": t["text"], "start": t["start"], "end": t["end"], "value": t["value"], "type": t["type"],
                     "anchor": t["anchor"]} for t in children["timexes"]],
        "events": [event_out(e) for e in children["events"]],
        "relations": [{"type": r["type"], "subject": r["subject_local"], "object": r["object_local"], "role": r["role"],
                       "text": r["text"], "start": r["start"], "end": r["end"]} for r in children["relations"]],
        "warnings": json.loads(article["warnings"]),
    }
    return record


TABLES = {t.name: t for t in schema.ARTICLE_TABLES}
