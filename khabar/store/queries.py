"""Read queries behind search, the API and the UI; every value is a bound parameter."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, literal, or_, select

from . import fts as fts_mod
from . import records, schema, searchtext
from .errors import NotFound
from .filters import Filters
from .identity import name_key

a, ent, ae, men = schema.articles, schema.entities, schema.article_entities, schema.mentions
qt, ev, tx, rel = schema.quotes, schema.events, schema.timexes, schema.relations

ARTICLE_BRIEF = (a.c.id, a.c.title, a.c.source, a.c.url, a.c.date, a.c.effective_date, a.c.dup_group)


def _dicts(result) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in result]


def source_and_dates(f: Filters, day) -> list:
    """The conditions every listing shares: the article's source, and `day` within the date range."""
    conds = [a.c.source == f.source] if f.source else []
    if f.date_from:
        conds.append(day >= _day(f.date_from))
    if f.date_to:
        conds.append(day <= _day(f.date_to))
    return conds


def _day(d) -> str | None:
    return d.isoformat() if d else None


# ---- matching people and entities ----------------------------------------------------------

MAX_SPELLINGS = 16  # spellings of a multi-word name tried at once (each word's variants multiply)


def name_keys(value: str) -> list[str]:
    """The lookup keys of a name in all its folded spellings: ترمب also as ترامب, ترومب."""
    keys = [""]
    for word in name_key(value).split():
        keys = [f"{k} {s}".strip() for k in keys for s in searchtext.spellings(word)][:MAX_SPELLINGS]
    return keys


def _names_word(col, key: str):
    """`col` (a normalised name) is `key` or holds it as whole words: ترامب matches دونالد ترامب."""
    return or_(col == key, col.startswith(key + " ", autoescape=True), col.endswith(" " + key, autoescape=True),
               col.contains(f" {key} ", autoescape=True))


def entity_ids_matching(value: str):
    """Store entity ids whose id or KB id is `value`, whose English name is it, or whose Arabic name holds it as
    whole words in any spelling of the name (entity=ترمب finds دونالد ترامب)."""
    keys = name_keys(value)
    return select(ent.c.id).where(or_(ent.c.id == value, ent.c.kb_id == value, func.lower(ent.c.name_en) == value.lower(),
                                      *(_names_word(ent.c.name_norm, k) for k in keys if k)))


def speaker_matches(value: str):
    """A quote whose speaker is `value`: a store entity, or a name containing it in any spelling
    (دميترييف finds كيريل دميترييف, ترمب finds ترامب)."""
    return or_(qt.c.speaker_entity.in_(entity_ids_matching(value)),
               *(qt.c.speaker_norm.contains(k, autoescape=True) for k in name_keys(value) if k),
               func.lower(qt.c.speaker_name_en).contains(value.lower(), autoescape=True))


def _argument_matches(prefix: str, value: str):
    col = ev.c[f"{prefix}_entity"]
    return or_(col.in_(entity_ids_matching(value)), ev.c[f"{prefix}_text"].contains(value, autoescape=True),
               ev.c[f"{prefix}_code"] == value)


def _terms_in(column, terms: list[str]):
    """Every term is a whole word of a space-separated search text."""
    padded = literal(" ") + column + literal(" ")
    return and_(*[padded.contains(f" {t} ", autoescape=True) for t in terms])


# ---- articles --------------------------------------------------------------------------------

def article_conditions(f: Filters) -> list:
    conds = source_and_dates(f, a.c.effective_date)
    if f.speaker:
        conds.append(exists().where(qt.c.article_id == a.c.id, speaker_matches(f.speaker)))
    if f.entity:
        conds.append(exists().where(ae.c.article_id == a.c.id, ae.c.entity_id.in_(entity_ids_matching(f.entity))))
    if f.event_type:
        conds.append(exists().where(ev.c.article_id == a.c.id, ev.c.type == f.event_type))
    return conds


def list_articles(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> dict:
    conds = article_conditions(f)
    total = conn.scalar(select(func.count()).select_from(a).where(*conds))
    rows = conn.execute(select(*ARTICLE_BRIEF).where(*conds).order_by(a.c.effective_date.desc(), a.c.id)
                        .limit(limit).offset(offset))
    return {"total": total, "items": _dicts(rows)}


def search(conn: Connection, backend: fts_mod.FullText, f: Filters, limit: int = 20, offset: int = 0,
           snippets: bool = True) -> dict:
    """Articles holding every word of `f.q` (clitics and spelling folded), best first, with a snippet each."""
    terms = fts_mod.query_terms(f.q or "")
    m = backend.match(terms)
    conds = article_conditions(f)
    total = conn.scalar(select(func.count()).select_from(a.join(m, m.c.pk == a.c.pk)).where(*conds))
    # A snippet is read from the head of the text: a 1.2M-character article must not be read whole per search.
    head = func.substr(a.c.text, 1, searchtext.SNIPPET_SCAN).label("text")
    cols = [*ARTICLE_BRIEF, m.c.rank] + ([head] if snippets else [])
    rows = _dicts(conn.execute(select(*cols).join(m, m.c.pk == a.c.pk).where(*conds)
                               .order_by(m.c.rank, a.c.id).limit(limit).offset(offset)))
    if snippets:
        for row in rows:
            text = row.pop("text")
            row["snippet"], row["snippet_hits"] = searchtext.snippet(text, searchtext.first_hits(text, terms))
    return {"query": f.q, "terms": terms, "total": total, "items": rows}


def _children(conn: Connection, article_id: str) -> dict[str, list]:
    out = {}
    for table in (ae, qt, tx, ev, rel):
        out[table.name] = list(conn.execute(select(table).where(table.c.article_id == article_id)
                                            .order_by(table.c.position)).mappings())
    out["mentions"] = list(conn.execute(select(men).where(men.c.article_id == article_id).order_by(men.c.id)).mappings())
    return out


def _article_row(conn: Connection, article_id: str):
    row = conn.execute(select(a).where(a.c.id == article_id)).mappings().first()
    if row is None:
        raise NotFound("article", article_id)
    return row


def get_record(conn: Connection, article_id: str) -> dict:
    """The stored v1 record of one article."""
    return records.to_record(_article_row(conn, article_id), _children(conn, article_id))


def get_article(conn: Connection, article_id: str) -> dict:
    """The record plus what the store adds: store entity ids, the near-duplicate group, provenance."""
    row = _article_row(conn, article_id)  # read once: the record and the store's columns come from it
    children = _children(conn, article_id)
    record = records.to_record(row, children)
    links = {r["local_id"]: r["entity_id"] for r in children["article_entities"]}
    copies = list(conn.scalars(select(a.c.id).where(a.c.dup_group == row["dup_group"], a.c.id != article_id)
                               .order_by(a.c.id).limit(50)))
    return {"record": record, "entity_ids": links, "dup_group": row["dup_group"], "copies": copies,
            "ingested_at": row["ingested_at"]}


# ---- entities ------------------------------------------------------------------------------

def articles_naming(entity_id_col):
    """How many articles name the entity: one probe of the (entity_id, article_id) index per entity, where
    a LEFT JOIN + GROUP BY over every entity's rows took 100 ms on a 5k-article store."""
    return (select(func.count(ae.c.article_id.distinct())).where(ae.c.entity_id == entity_id_col)
            .scalar_subquery())


def list_entities(conn: Connection, q: str | None = None, type_: str | None = None,
                  limit: int = 50, offset: int = 0) -> dict:
    n_articles = articles_naming(ent.c.id).label("articles")
    conds = []
    if q:
        conds.append(or_(*(ent.c.name_norm.contains(k, autoescape=True) for k in name_keys(q) if k),
                         func.lower(ent.c.name_en).contains(q.lower(), autoescape=True), ent.c.kb_id == q))
    if type_:
        conds.append(ent.c.type == type_)
    total = conn.scalar(select(func.count()).select_from(ent).where(*conds))
    stmt = (select(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type, ent.c.kb_id, n_articles).where(*conds)
            .order_by(n_articles.desc(), ent.c.id).limit(limit).offset(offset))
    return {"total": total, "items": _dicts(conn.execute(stmt))}


def known_names(conn: Connection, limit: int = 300) -> list[str]:
    """Names of the KB-linked entities, most-mentioned first: what the filters' autocomplete offers."""
    n_articles = articles_naming(ent.c.id)
    return list(conn.scalars(select(ent.c.name).where(ent.c.kb_id.is_not(None))
                             .order_by(n_articles.desc(), ent.c.id).limit(limit)))


def quote_date():
    """A quote's date: its own when the quote stage gave one, else its article's effective date."""
    return func.coalesce(qt.c.date, a.c.effective_date)


def get_entity(conn: Connection, entity_id: str, limit: int = 200) -> dict:
    """Profile: names, aliases, roles, a dated quote timeline, events and co-occurring entities."""
    row = conn.execute(select(ent).where(ent.c.id == entity_id)).mappings().first()
    if row is None:
        raise NotFound("entity", entity_id)
    info = {k: row[k] for k in ("id", "name", "name_en", "type", "kb_id", "pipeline_version")}
    info["aliases"] = _dicts(conn.execute(
        select(men.c.text.label("alias"), func.count().label("n")).where(men.c.entity_id == entity_id)
        .group_by(men.c.text).order_by(func.count().desc(), men.c.text)))
    info["roles"] = _dicts(conn.execute(
        select(rel.c.role, rel.c.type, func.count().label("n")).where(rel.c.subject_entity == entity_id, rel.c.role.is_not(None))
        .group_by(rel.c.role, rel.c.type).order_by(func.count().desc())))
    info["quotes"] = list_quotes(conn, Filters(), speaker_entity=entity_id, limit=limit, ascending=True,
                                 grouped=True)["items"]
    info["events"] = list_events(conn, Filters(), entity_id=entity_id, limit=limit)["items"]
    info["cooccurring"] = cooccurring(conn, entity_id)
    info["articles"] = _dicts(conn.execute(
        select(*ARTICLE_BRIEF).where(exists().where(ae.c.article_id == a.c.id, ae.c.entity_id == entity_id))
        .order_by(a.c.effective_date.desc(), a.c.id).limit(limit)))
    return info


def cooccurring(conn: Connection, entity_id: str, limit: int = 20) -> list[dict]:
    """Entities named in the same articles, most shared articles first."""
    mine = ae.alias("mine")
    other = ae.alias("other")
    shared = func.count(other.c.article_id.distinct()).label("articles")
    stmt = (select(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type, shared)
            .select_from(mine.join(other, other.c.article_id == mine.c.article_id).join(ent, ent.c.id == other.c.entity_id))
            .where(mine.c.entity_id == entity_id, other.c.entity_id != entity_id)
            .group_by(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type).order_by(shared.desc(), ent.c.id).limit(limit))
    return _dicts(conn.execute(stmt))


# ---- quotes and events ---------------------------------------------------------------------

QUOTE_COLS = (qt.c.id, qt.c.article_id, qt.c.kind, qt.c.text, qt.c.start, qt.c.end, qt.c.speaker_name,
              qt.c.speaker_name_en, qt.c.speaker_entity, qt.c.speaker_type, qt.c.speaker_via, qt.c.channel,
              qt.c.cue_text, a.c.title, a.c.source)


def quote_conditions(f: Filters, speaker_entity: str | None = None) -> list:
    """The where-clauses of a quote list: speaker, words, channel, source and date range."""
    conds = []
    if speaker_entity:
        conds.append(qt.c.speaker_entity == speaker_entity)
    if f.speaker:
        conds.append(speaker_matches(f.speaker))
    if f.q:
        conds.append(_terms_in(qt.c.search_text, fts_mod.query_terms(f.q)))
    if f.channel:
        conds.append(qt.c.channel == f.channel)
    return conds + source_and_dates(f, quote_date())


def statements(conds: list):
    """One row per statement: the same words (search text) from the same speaker, with its first quote's id and
    the number of articles that carry it, so wire copies of one statement read as one row."""
    speaker = func.coalesce(qt.c.speaker_entity, qt.c.speaker_norm, "")
    return (select(func.min(qt.c.id).label("id"), func.count(qt.c.article_id.distinct()).label("articles"))
            .select_from(qt.join(a, a.c.id == qt.c.article_id)).where(*conds)
            .group_by(speaker, qt.c.search_text).subquery("statements"))


def list_quotes(conn: Connection, f: Filters, speaker_entity: str | None = None, limit: int = 50, offset: int = 0,
                ascending: bool = False, grouped: bool = False) -> dict:
    """Quotes by speaker, words, channel and date range, newest first (a profile asks for oldest first);
    `grouped`: one row per statement, with how many articles carry it."""
    day = quote_date()
    conds = quote_conditions(f, speaker_entity)
    order = (day.asc(), qt.c.id) if ascending else (day.desc(), qt.c.id)
    if grouped:
        g = statements(conds)
        total = conn.scalar(select(func.count()).select_from(g))
        stmt = select(*QUOTE_COLS, day.label("date"), g.c.articles).join(a, a.c.id == qt.c.article_id).join(g, g.c.id == qt.c.id)
    else:
        total = conn.scalar(select(func.count()).select_from(qt.join(a, a.c.id == qt.c.article_id)).where(*conds))
        stmt = select(*QUOTE_COLS, day.label("date")).join(a, a.c.id == qt.c.article_id).where(*conds)
    return {"total": total, "items": _dicts(conn.execute(stmt.order_by(*order).limit(limit).offset(offset)))}


def event_day():
    """An event's day: its own full date, else its article's effective date."""
    return case((func.length(ev.c.date) == 10, ev.c.date), else_=a.c.effective_date)


def event_conditions(f: Filters, entity_id: str | None = None, source_entity: str | None = None,
                     target_entity: str | None = None) -> list:
    """`entity_id`: either side of the event; `source_entity`/`target_entity`: exactly that side (a graph edge)."""
    day = event_day()
    conds = []
    if entity_id:
        conds.append(or_(ev.c.source_entity == entity_id, ev.c.target_entity == entity_id))
    if source_entity:
        conds.append(ev.c.source_entity == source_entity)
    if target_entity:
        conds.append(ev.c.target_entity == target_entity)
    if f.event_type:
        conds.append(ev.c.type == f.event_type)
    if f.actor:
        conds.append(or_(_argument_matches("source", f.actor), _argument_matches("target", f.actor)))
    if f.location:
        conds.append(_argument_matches("location", f.location))
    conds += source_and_dates(f, day)
    return conds


EVENT_COLS = (ev.c.id, ev.c.article_id, ev.c.type, ev.c.mode, ev.c.cameo, ev.c.trigger_text, ev.c.trigger_start,
              ev.c.trigger_end, ev.c.source_text, ev.c.source_entity, ev.c.source_code, ev.c.target_text,
              ev.c.target_entity, ev.c.target_code, ev.c.location_text, ev.c.location_entity, ev.c.evidence_text,
              ev.c.confidence, a.c.title, a.c.source, a.c.url)


def list_events(conn: Connection, f: Filters, entity_id: str | None = None, limit: int = 50, offset: int = 0,
                source_entity: str | None = None, target_entity: str | None = None) -> dict:
    conds = event_conditions(f, entity_id, source_entity, target_entity)
    day = event_day()
    joined = ev.join(a, a.c.id == ev.c.article_id)
    total = conn.scalar(select(func.count()).select_from(joined).where(*conds))
    rows = conn.execute(select(*EVENT_COLS, day.label("date")).select_from(joined).where(*conds)
                        .order_by(day.desc(), ev.c.id).limit(limit).offset(offset))
    return {"total": total, "items": _dicts(rows)}


def events_per_day(conn: Connection, f: Filters, source_entity: str | None = None,
                   target_entity: str | None = None) -> list[dict]:
    day = event_day().label("day")
    stmt = (select(day, func.count().label("n")).select_from(ev.join(a, a.c.id == ev.c.article_id))
            .where(*event_conditions(f, None, source_entity, target_entity)).group_by(day).order_by(day))
    return [r for r in _dicts(conn.execute(stmt)) if r["day"]]


def quotes_per_day(conn: Connection, entity_id: str) -> list[dict]:
    """How many quotes the entity said each day, dated as the quote list dates them (quote_date)."""
    day = quote_date().label("day")
    stmt = (select(day, func.count().label("n")).select_from(qt.join(a, a.c.id == qt.c.article_id))
            .where(qt.c.speaker_entity == entity_id).group_by(day).order_by(day))
    return [r for r in _dicts(conn.execute(stmt)) if r["day"]]


def graph(conn: Connection, f: Filters, limit: int = 200, entity_id: str | None = None) -> dict:
    """Who met or addressed whom: events whose source and target are both store entities
    (`entity_id`: only the events that entity takes part in, its ego network)."""
    n = func.count().label("n")
    stmt = (select(ev.c.source_entity.label("source"), ev.c.target_entity.label("target"), ev.c.type, n)
            .select_from(ev.join(a, a.c.id == ev.c.article_id))
            .where(ev.c.source_entity.is_not(None), ev.c.target_entity.is_not(None),
                   ev.c.source_entity != ev.c.target_entity, *event_conditions(f, entity_id))
            .group_by(ev.c.source_entity, ev.c.target_entity, ev.c.type).order_by(n.desc()).limit(limit))
    edges = _dicts(conn.execute(stmt))
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = _dicts(conn.execute(select(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type).where(ent.c.id.in_(ids))
                                .order_by(ent.c.id))) if ids else []
    return {"nodes": nodes, "edges": edges}


def facets(conn: Connection) -> dict:
    """Values the UI offers in its filter menus."""
    return {"sources": list(conn.scalars(select(a.c.source).where(a.c.source.is_not(None)).distinct().order_by(a.c.source))),
            "event_types": list(conn.scalars(select(ev.c.type).distinct().order_by(ev.c.type))),
            "channels": list(conn.scalars(select(qt.c.channel).where(qt.c.channel.is_not(None)).distinct().order_by(qt.c.channel)))}
