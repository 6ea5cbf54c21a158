"""The tables, in SQLAlchemy Core; every analysis row carries its pipeline provenance.

Dates are ISO strings (YYYY-MM-DD): they sort and compare the same way in
SQLite and PostgreSQL, and quote/event dates may be partial (2026-03).
"""
from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()

ID = String(400)  # article and entity ids: ant:AL-culture-1-20180218, kb:Q123, nil:PER:name


def provenance() -> list[Column]:
    """The pipeline version and stage ids (JSON list) that produced a row."""
    return [Column("pipeline_version", String(40), nullable=False),
            Column("stages", Text, nullable=False)]


def article_ref(nullable: bool = False) -> Column:
    # ON DELETE CASCADE: replacing an article drops its rows in the same transaction.
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=nullable, index=True)


def span(prefix: str) -> list[Column]:
    return [Column(f"{prefix}_text", Text), Column(f"{prefix}_start", Integer), Column(f"{prefix}_end", Integer)]


def argument(prefix: str) -> list[Column]:
    """An event argument: its span, the article-local entity id, the store entity and an actor code."""
    return [*span(prefix), Column(f"{prefix}_local", String(200)), Column(f"{prefix}_entity", ID, index=True),
            Column(f"{prefix}_code", String(100))]


schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True),  # the FTS rowid
    Column("id", ID, nullable=False, unique=True),
    Column("title", Text), Column("source", String(200), index=True), Column("url", Text),
    Column("date", String(10)), Column("effective_date", String(10), index=True),
    Column("dateline", Text),  # the v1 dateline object, JSON
    Column("dateline_places", Text),  # places joined by '، ', for display and filtering
    Column("text", Text, nullable=False),
    Column("search_text", Text, nullable=False),  # normalised, clitic-split stems
    Column("content_hash", String(64), nullable=False),
    Column("dup_group", ID, index=True),  # id of the first article of its near-duplicate group
    Column("warnings", Text, nullable=False, default="[]"),
    Column("ingested_at", String(40), nullable=False),
    *provenance(),
)

entities = Table(
    "entities", metadata,
    Column("id", ID, primary_key=True),  # store-wide identity: kb:<KB id> or a NIL id
    Column("name", Text, nullable=False), Column("name_norm", Text, nullable=False, index=True),
    Column("name_en", Text), Column("type", String(8), nullable=False), Column("kb_id", String(200), index=True),
    *provenance(),
)

article_entities = Table(
    "article_entities", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("position", Integer, nullable=False),
    Column("local_id", String(200), nullable=False),
    Column("entity_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text, nullable=False), Column("name_en", Text), Column("type", String(8), nullable=False),
    Column("kb_id", String(200)),
    *provenance(),
    UniqueConstraint("article_id", "local_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("entity_id", ID, ForeignKey("entities.id"), nullable=False, index=True),
    Column("local_id", String(200), nullable=False),
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    *provenance(),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("position", Integer, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("text", Text, nullable=False), Column("search_text", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("speaker_name", Text), Column("speaker_norm", Text, index=True), Column("speaker_name_en", Text),
    Column("speaker_local", String(200)), Column("speaker_entity", ID, index=True),
    Column("speaker_type", String(10)), Column("speaker_via", Text),
    Column("speaker_start", Integer), Column("speaker_end", Integer), Column("speaker_text", Text),
    *span("cue"),
    Column("channel", String(100), index=True), Column("date", String(10), index=True),
    *provenance(),
)

timexes = Table(
    "timexes", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("value", String(20), nullable=False), Column("type", String(10), nullable=False),
    Column("anchor", String(20)),
    *provenance(),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("position", Integer, nullable=False),
    Column("type", String(20), nullable=False, index=True), Column("mode", String(20), nullable=False),
    Column("cameo", String(20)),
    *span("trigger"), *argument("source"), *argument("target"), *argument("location"),
    Column("date", String(10), index=True),
    *span("evidence"),
    Column("confidence", Float, nullable=False, default=0.0),
    *provenance(),
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True),
    article_ref(),
    Column("position", Integer, nullable=False),
    Column("type", String(60), nullable=False),
    Column("subject_local", String(200), nullable=False), Column("subject_entity", ID, index=True),
    Column("object_local", String(200), nullable=False), Column("object_entity", ID, index=True),
    Column("role", Text),
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    *provenance(),
)

minhashes = Table(
    "minhashes", metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # uint64 hash values, little-endian
)

# Tables holding one article's analysis, deleted and rewritten together on re-extraction.
ARTICLE_TABLES = (article_entities, mentions, quotes, timexes, events, relations, minhashes)

Index("ix_events_source_target", events.c.source_entity, events.c.target_entity)
# Covers "how many articles name this entity" (the entity listing's order) without reading table rows.
ENTITY_ARTICLES = Index("ix_article_entities_entity_article", article_entities.c.entity_id,
                        article_entities.c.article_id)
