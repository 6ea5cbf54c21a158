"""What the server relies on from the store: a pool that never makes readers wait, a generation that sees
every commit, the entity-ranking index, and fast but unchanged search snippets."""
from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import delete, func, inspect, select, text

import khabar_fixtures as fx
from khabar.ingest.readers import read_inputs
from khabar.pipeline import Options, Pipeline
from khabar.store import Filters, StoreOptions, open_store, queries, schema, searchtext
from khabar.analysis import ingest_items
from khabar.store.sqlite import POOL_SIZE
from khabar.text.tokens import tokenize

SAMPLE_FILES = [str(fx.SAMPLE / "ant-2018-sample.jsonl"), str(fx.SAMPLE / "seed-article.jsonl")]


def ingest_sample(store) -> None:
    ingest_items(store, Pipeline.build(Options(stages=fx.BASIC_STAGES)), read_inputs(SAMPLE_FILES))


def write(store, record) -> None:
    store.write(record, searchtext.search_text(record["text"], record.get("title")))


def test_pool_serves_more_readers_than_route_threads_without_waiting(tmp_path):
    """The default pool (5 + 10 overflow) made the server's threads wait up to 30 s for a connection."""
    with open_store(StoreOptions(db=str(tmp_path / "p.db"), progress=False)) as s:
        held = []
        worker = threading.Thread(target=lambda: held.extend(s.engine.connect() for _ in range(POOL_SIZE + 10)))
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive() and len(held) == POOL_SIZE + 10
        for conn in held:
            assert conn.execute(text("SELECT 1")).scalar() == 1
            conn.close()


def test_generation_changes_on_commits_from_this_process(tmp_path):
    """SQLite's data_version ignores a connection's own commits: it must be read on a connection that never writes."""
    with open_store(StoreOptions(db=str(tmp_path / "g.db"), progress=False)) as s:
        before = s.generation()
        assert before == s.generation()  # reading changes nothing
        write(s, fx.record_a())
        after = s.generation()
        assert after != before
        with s.engine.connect() as conn:
            queries.list_articles(conn, Filters())
        assert s.generation() == after


def test_migration_3_adds_the_entity_articles_index_to_an_existing_store(tmp_path):
    db = str(tmp_path / "old.db")
    with open_store(StoreOptions(db=db, progress=False)) as s, s.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_article_entities_entity_article"))  # as a store made before it
        conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 3))
    with open_store(StoreOptions(db=db, progress=False)) as s:
        indexes = {i["name"] for i in inspect(s.engine).get_indexes("article_entities")}
        with s.engine.connect() as conn:
            versions = list(conn.scalars(select(schema.schema_migrations.c.version)))
    assert "ix_article_entities_entity_article" in indexes and 3 in versions


def test_entity_listing_ranks_as_the_group_by_count_did(store):
    """The listing counts each entity's articles with an index probe; same numbers, same order as before."""
    ingest_sample(store)
    ent, ae = schema.entities, schema.article_entities
    n = func.count(ae.c.article_id.distinct()).label("articles")
    reference = (select(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type, ent.c.kb_id, n)
                 .join(ae, ae.c.entity_id == ent.c.id, isouter=True)
                 .group_by(ent.c.id, ent.c.name, ent.c.name_en, ent.c.type, ent.c.kb_id).order_by(n.desc(), ent.c.id))
    with store.engine.connect() as conn:
        expected = [dict(r._mapping) for r in conn.execute(reference)]
        got = queries.list_entities(conn, limit=500)
        per = queries.list_entities(conn, type_="PER", limit=500)
    assert got["items"] == expected and got["total"] == len(expected)
    assert per["items"] == [e for e in expected if e["type"] == "PER"]


def _first_hits_by_tokenising_everything(text_: str, terms: list[str]) -> list[tuple[int, int]]:
    wanted, start = set(terms), 0
    while start < len(text_):
        end = text_.find("\n", start)
        end = len(text_) if end < 0 else end
        found = [(t.start, t.end) for t in tokenize(text_, start, end) if searchtext.token_term(text_, t) in wanted]
        if found:
            return found
        start = end + 1
    return []


@pytest.mark.parametrize("query", ["محادثات", "الرئيس", "قال", "2018", "١٠", "Trump", "ΟΔΟΣ", "غيرموجودة"])
def test_snippet_hits_skip_paragraphs_without_a_term_and_find_the_same_hits(query):
    """Snippets tokenised every paragraph until a hit (most of a search's time); the substring pre-check
    on the normalised paragraph must never skip one that holds a hit."""
    sample = [json.loads(line)["text"] for line in open(SAMPLE_FILES[0], encoding="utf-8")]
    texts = sample + [r["text"] for r in fx.records()] + [f"فقرة أولى بلا شيء\nوقال الرئيس ترامب Trump في ٢٠١٨ و{query}\nΟΔΟΣ οδος."]
    terms = searchtext.terms(query)
    for t in texts:
        assert searchtext.first_hits(t, terms) == _first_hits_by_tokenising_everything(t, terms)
