"""Search finds every spelling of a name: ترمب and ترامب are one term (issue 21 item 2)."""
from __future__ import annotations

from sqlalchemy import delete, select, update

import khabar_fixtures as fx
from khabar.resources import read_lines
from khabar.store import Filters, StoreOptions, open_store, queries, schema, searchtext
from khabar.store.migrations import fold_terms, migrate


def test_name_spellings_share_one_term():
    assert searchtext.terms("ترمب") == searchtext.terms("ترامب") == searchtext.terms("ترومب")
    assert searchtext.terms("الأميركي") == searchtext.terms("الأمريكي")
    assert searchtext.terms("نتانياهو") == searchtext.terms("نتنياهو")


def test_common_words_and_other_names_are_not_folded():
    # Mali is not Malawi, Bhutan not Putin, the Jordanian not Jordan: folds come only from the KB's own aliases.
    for a, b in [("مالي", "ملاوي"), ("بوتان", "بوتين"), ("الأردني", "الأردن"), ("ساعد", "سعيد"), ("كتاب", "كتب")]:
        assert searchtext.terms(a) != searchtext.terms(b), (a, b)


def test_fold_table_lines_are_variant_and_term():
    rows = [line.split("\t") for line in read_lines("text/name-folds.tsv")]
    assert rows and all(len(r) == 2 and r[0] != r[1] for r in rows)
    assert ["ترمب", "ترامب"] in rows


def test_spellings_of_a_name_word_keep_the_article():
    assert set(searchtext.spellings("الأميركي")) == {"الاميركي", "الامريكي"}
    assert searchtext.spellings("ترمب")[0] == "ترمب" and "ترامب" in searchtext.spellings("ترمب")


def trump_record() -> dict:
    r = fx.record_a()
    r.update(id="trump-spelling", title="ترمب يلتقي بوتين")
    return r


def test_regression_trump_spellings_find_each_other(store):
    r = trump_record()
    store.write(r, searchtext.search_text(r["text"], r["title"]))
    with store.engine.connect() as conn:
        for q in ("ترمب", "ترامب", "ترومب"):
            assert queries.search(conn, store.fts, Filters(q=q))["total"] == 1, q


def test_entity_filter_matches_any_spelling_and_part_of_the_name(store):
    for r in fx.records():
        store.write(r, searchtext.search_text(r["text"], r.get("title")))
    with store.engine.connect() as conn:
        whole = queries.list_articles(conn, Filters(entity="كيريل دميترييف"))["total"]
        part = queries.list_articles(conn, Filters(entity="دميترييف"))["total"]
        variant = queries.list_articles(conn, Filters(entity="ديمترييف"))["total"]
    assert whole == part == variant == 2


def test_migration_folds_a_store_indexed_before_the_folds(tmp_path):
    db = str(tmp_path / "old.db")
    r = trump_record()
    with open_store(StoreOptions(db=db, progress=False)) as store:
        store.write(r, searchtext.search_text(r["text"], r["title"]))
        with store.engine.begin() as conn:  # as a store written before migration 4 holds it
            unfolded = searchtext.search_text(r["text"], r["title"]).replace("ترامب", "ترمب")
            conn.execute(update(schema.articles).values(search_text=unfolded))
            store.fts.delete(conn, 1)
            store.fts.index(conn, 1, unfolded)
            conn.execute(delete(schema.schema_migrations).where(schema.schema_migrations.c.version == 4))
        assert migrate(store.engine) == [4]
        with store.engine.connect() as conn:
            stored = conn.scalar(select(schema.articles.c.search_text))
            assert stored == fold_terms(unfolded) and "ترمب" not in stored.split()
            assert queries.search(conn, store.fts, Filters(q="ترمب"))["total"] == 1
