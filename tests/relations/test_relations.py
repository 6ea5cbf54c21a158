"""The relations stage: who is whose envoy, spokesperson, relative (seed article and short real sentences)."""
from __future__ import annotations

from entities.helpers_entities import analyse
from helpers import seed_body


def seed_doc():
    return analyse(seed_body(), "2026-03-12", "seed")


def test_seed_relations():
    doc = seed_doc()
    ids = {e.name_en: e.id for e in doc.get("entities")}
    rels = {(r.subject, r.type, r.object) for r in doc.get("relations")}
    assert (ids["Kirill Dmitriev"], "envoy_of", ids["Vladimir Putin"]) in rels
    assert (ids["Steve Witkoff"], "envoy_of", ids["Donald Trump"]) in rels
    assert (ids["Jared Kushner"], "relative_of", ids["Donald Trump"]) in rels
    assert (ids["Dmitry Peskov"], "spokesperson_of", ids["Moscow Kremlin"]) in rels
    for r in doc.get("relations"):
        assert doc.text[r.start:r.end]


def test_kushner_is_not_advisor_of_white_house():
    """Regression: `صهره جارد كوشنر ومستشار البيت الأبيض` — the advisor is the next man, not Kushner."""
    doc = seed_doc()
    ids = {e.name_en: e.id for e in doc.get("entities")}
    assert not any(r.subject == ids["Jared Kushner"] and r.type == "advisor_of" for r in doc.get("relations"))


def test_spokesperson_of_the_kremlin_in_one_sentence():
    text = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو ترحب بالمحادثات."
    doc = analyse(text, "2026-03-12", "kremlin")
    ids = {e.name_en: e.id for e in doc.get("entities")}
    rels = {(r.subject, r.type, r.object) for r in doc.get("relations")}
    assert (ids["Dmitry Peskov"], "spokesperson_of", ids["Moscow Kremlin"]) in rels
