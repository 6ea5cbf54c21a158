"""Export formats: v1 JSONL (re-importable), CSV and Parquet tables, PLOVER JSON and GDELT-like TSV."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterator

from sqlalchemy import Connection, select

from . import fts as fts_mod
from . import queries, schema
from .errors import QueryError
from .filters import Filters

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
TABLES = ("articles", "entities", "mentions", "quotes", "timexes", "events", "relations")
HIDDEN = {"search_text", "search_tsv", "name_norm", "speaker_norm"}  # internal index columns

# PLOVER category -> CAMEO quad class (1 verbal cooperation ... 4 material conflict).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "REQUEST": 1, "COOPERATE": 2, "AID": 2,
        "RETREAT": 2, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name", "EventCode",
                 "EventRootCode", "QuadClass", "EventType", "EventMode", "Confidence", "ActionGeo_FullName",
                 "ArticleId", "SOURCEURL")


def article_ids(conn: Connection, backend: fts_mod.FullText, f: Filters) -> Iterator[str]:
    """Ids of the articles the filters select (with `q`: those holding every word), in id order."""
    a = schema.articles
    stmt = select(a.c.id).where(*queries.article_conditions(f)).order_by(a.c.id)
    if f.q:
        m = backend.match(fts_mod.query_terms(f.q))
        stmt = stmt.join(m, m.c.pk == a.c.pk)
    yield from conn.scalars(stmt)


def write_jsonl(conn: Connection, backend, f: Filters, out: IO[str]) -> int:
    n = 0
    for article_id in list(article_ids(conn, backend, f)):
        out.write(json.dumps(queries.get_record(conn, article_id), ensure_ascii=False) + "\n")
        n += 1
    return n


def table_rows(conn: Connection, backend, f: Filters, name: str) -> tuple[list[str], list[dict]]:
    """Columns and rows of one table, restricted to the selected articles."""
    if name not in TABLES:
        raise QueryError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
    table = schema.metadata.tables[name]
    cols = [c for c in table.columns if c.name not in HIDDEN]
    ids = select(schema.articles.c.id).where(*queries.article_conditions(f))
    if f.q:
        m = backend.match(fts_mod.query_terms(f.q))
        ids = ids.join(m, m.c.pk == schema.articles.c.pk)
    if name == "articles":
        stmt = select(*cols).where(table.c.id.in_(ids)).order_by(table.c.id)
    elif name == "entities":
        ae = schema.article_entities
        stmt = select(*cols).where(table.c.id.in_(select(ae.c.entity_id).where(ae.c.article_id.in_(ids)))).order_by(table.c.id)
    else:
        stmt = select(*cols).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.id)
    return [c.name for c in cols], [dict(r._mapping) for r in conn.execute(stmt)]


def write_csv(conn: Connection, backend, f: Filters, table: str, out: IO[str]) -> int:
    columns, rows = table_rows(conn, backend, f, table)
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(conn: Connection, backend, f: Filters, table: str, path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, rows = table_rows(conn, backend, f, table)
    pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns}), path)
    return len(rows)


def _event_rows(conn: Connection, backend, f: Filters) -> list[dict]:
    ev, a = schema.events, schema.articles
    ids = select(a.c.id).where(*queries.article_conditions(f))
    if f.q:
        m = backend.match(fts_mod.query_terms(f.q))
        ids = ids.join(m, m.c.pk == a.c.pk)
    day = queries.event_day().label("day")
    stmt = (select(ev, day, a.c.url, a.c.source.label("publisher"), a.c.title).join(a, a.c.id == ev.c.article_id)
            .where(ev.c.article_id.in_(ids), *queries.event_conditions(f)).order_by(ev.c.article_id, ev.c.position))
    return [dict(r._mapping) for r in conn.execute(stmt)]


def plover_record(e: dict) -> dict:
    """One event as a PLOVER JSON record; khabar's own fields (mode, evidence) sit under `khabar`."""
    return {
        "id": f"{e['article_id']}#{e['position']}", "date": e["day"], "event": e["type"], "mode": "", "context": "",
        "source": e["source_text"], "src_actor": e["source_code"], "src_agent": None, "src_other": None,
        "target": e["target_text"], "tgt_actor": e["target_code"], "tgt_agent": None, "tgt_other": None,
        "location": e["location_text"], "eventText": e["evidence_text"] or e["trigger_text"],
        "storyid": e["article_id"], "publisher": e["publisher"], "headline": e["title"], "url": e["url"],
        "version": "PLOVER-khabar-1",
        "khabar": {"mode": e["mode"], "cameo": e["cameo"], "confidence": e["confidence"],
                   "trigger": {"text": e["trigger_text"], "start": e["trigger_start"], "end": e["trigger_end"]},
                   "source_entity": e["source_entity"], "target_entity": e["target_entity"],
                   "pipeline_version": e["pipeline_version"]},
    }


def write_plover(conn: Connection, backend, f: Filters, out: IO[str]) -> int:
    rows = _event_rows(conn, backend, f)
    for e in rows:
        out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
    return len(rows)


def _tsv(value) -> str:
    # Tabs and newlines inside a field would break the row.
    return "" if value is None else " ".join(str(value).split())


def gdelt_row(e: dict) -> list[str]:
    cameo = e["cameo"] or ""
    return [_tsv(v) for v in (
        f"{e['article_id']}#{e['position']}", (e["day"] or "").replace("-", ""), e["source_code"], e["source_text"],
        e["target_code"], e["target_text"], cameo, cameo[:2], QUAD.get(e["type"]), e["type"], e["mode"],
        f"{e['confidence']:.3f}", e["location_text"], e["article_id"], e["url"])]


def write_gdelt(conn: Connection, backend, f: Filters, out: IO[str]) -> int:
    rows = _event_rows(conn, backend, f)
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    for e in rows:
        out.write("\t".join(gdelt_row(e)) + "\n")
    return len(rows)
