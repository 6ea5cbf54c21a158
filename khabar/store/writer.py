"""Writing one record: insert, no-op, or an atomic replacement of every row of the article."""
from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import Connection, delete, exists, insert, select, update

from . import records, schema
from ..ingest.dedup import CopyIndex, to_bytes
from .dedup import signature_of
from .fts import FullText

INSERTED, REPLACED, UNCHANGED, KEPT_NEWER = "inserted", "replaced", "unchanged", "kept-newer"


def version_key(version: str) -> tuple:
    """A version string as a comparable tuple: 0.10.0 > 0.9.2; non-numeric parts compare as text."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.+-]", version))


def decide(stored: tuple[str, str] | None, version: str, stages: str) -> str:
    """What to do with an article given the provenance it is stored under (None: not stored)."""
    if stored is None:
        return INSERTED
    old_version, old_stages = stored
    if old_version == version and old_stages == stages:
        return UNCHANGED
    if version_key(old_version) > version_key(version):
        return KEPT_NEWER  # never let an older khabar overwrite a newer analysis
    return REPLACED


def _upsert_entities(conn: Connection, rows: list[dict]) -> None:
    """Insert new store entities; fill in an English name or KB id an earlier article lacked."""
    if not rows:
        return
    t = schema.entities
    known = {r.id: r for r in conn.execute(select(t.c.id, t.c.name_en, t.c.kb_id).where(t.c.id.in_([r["id"] for r in rows])))}
    fresh = [r for r in rows if r["id"] not in known]
    if fresh:
        conn.execute(insert(t), fresh)
    for r in rows:
        old = known.get(r["id"])
        if old is not None and ((not old.name_en and r["name_en"]) or (not old.kb_id and r["kb_id"])):
            conn.execute(update(t).where(t.c.id == r["id"]).values(
                name_en=old.name_en or r["name_en"], kb_id=old.kb_id or r["kb_id"],
                pipeline_version=r["pipeline_version"], stages=r["stages"]))


def _drop_orphans(conn: Connection, entity_ids: set[str]) -> None:
    """Store entities that no article names any more, after a replacement."""
    if not entity_ids:
        return
    ae = schema.article_entities
    conn.execute(delete(schema.entities).where(
        schema.entities.c.id.in_(entity_ids),
        ~exists().where(ae.c.entity_id == schema.entities.c.id)))


def _clear_article(conn: Connection, article_id: str) -> set[str]:
    """Delete an article's analysis rows; return the store entities it named."""
    ae = schema.article_entities
    named = set(conn.scalars(select(ae.c.entity_id).where(ae.c.article_id == article_id)))
    for table in schema.ARTICLE_TABLES:
        conn.execute(delete(table).where(table.c.article_id == article_id))
    return named


def write_record(conn: Connection, fts: FullText, dups: CopyIndex, record: dict, search_text: str) -> str:
    """Store one v1 record inside the caller's transaction; return what was done."""
    prov = records.provenance_of(record)
    a = schema.articles
    row = conn.execute(select(a.c.pk, a.c.pipeline_version, a.c.stages).where(a.c.id == record["id"])).first()
    action = decide((row.pipeline_version, row.stages) if row else None, prov["pipeline_version"], prov["stages"])
    if action in (UNCHANGED, KEPT_NEWER):
        return action
    mh = signature_of(search_text, dups.options)
    group = dups.group_for(record["id"], mh)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    values = records.article_row(record, search_text, group, now)
    old_entities: set[str] = set()
    if row is None:
        pk = conn.execute(insert(a).values(**values)).inserted_primary_key[0]
    else:
        pk = row.pk
        old_entities = _clear_article(conn, record["id"])
        fts.delete(conn, pk)
        conn.execute(update(a).where(a.c.pk == pk).values(**values))
    fts.index(conn, pk, search_text)
    _upsert_entities(conn, records.store_entities(record))
    for name, rows in records.child_rows(record).items():
        if rows:
            conn.execute(insert(records.TABLES[name]), rows)
    conn.execute(insert(schema.minhashes).values(article_id=record["id"], signature=to_bytes(mh)))
    _drop_orphans(conn, old_entities)
    dups.add(record["id"], mh, group)
    return action


def stages_json(provenance: dict) -> str:
    return json.dumps(list(provenance["stages"]))
