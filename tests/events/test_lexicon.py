"""Integrity of the event resources and the form generator."""
from __future__ import annotations

import pytest

from khabar.events.actors import actor_lexicon
from khabar.events.lexicon import PLOVER_TYPES, noun_forms, plover_type, trigger_lexicon, verb_forms
from khabar.events.modes import mode_markers
from khabar.resources import load_yaml
from khabar.text.normalize import normalize

RESOURCES = ["events/triggers.yaml", "events/petrarch_verbs.yaml", "events/cameo_plover.yaml", "events/actors.yaml",
             "events/modes.yaml"]


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_has_version_and_description(name):
    data = load_yaml(name)
    assert data["version"] >= 1 and data["description"].strip()


def test_every_plover_type_has_hand_triggers():
    hand = {e.type for e in trigger_lexicon().entries if e.origin == "hand"}
    assert hand == set(PLOVER_TYPES)


def test_hand_cameo_codes_agree_with_their_plover_type():
    wrong = [(e.key, e.type, e.cameo) for e in trigger_lexicon().entries
             if e.origin == "hand" and plover_type(e.cameo) != e.type]
    assert not wrong


def test_cameo_map_longest_prefix():
    assert plover_type("190") == "ASSAULT"
    assert plover_type("051") == "SUPPORT" and plover_type("05") == "COOPERATE"
    assert plover_type("0874") == "RETREAT"
    assert plover_type("010") is None  # a public statement is no PLOVER event


def test_verb_forms_cover_conjugations_and_clitics():
    forms = verb_forms(normalize("هاجم"))
    for f in ("هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجم", "يهاجمون", "هاجموه", "هاجمتها"):
        assert normalize(f) in forms and not forms[normalize(f)]
    assert forms[normalize("سيهاجم")] is True  # future prefix


def test_verb_forms_of_derived_stems_drop_the_alif():
    assert normalize("يستهدفون") in verb_forms(normalize("استهدف"))
    assert normalize("تعتقل") in verb_forms(normalize("اعتقل"))


def test_lemma_plus_ha_is_not_generated():
    """Regression: زار+ه and طلب+ه are وزارة and طلبة once normalised (ant gold 3a1e46 gave CONSULT for وزارة)."""
    lex = trigger_lexicon()
    for word in ("وزاره", "طلبه", "دعاه"):
        assert not [f for f in lex.lookup(word) if f.entry.pos == "verb"], word


def test_noun_forms():
    forms = noun_forms(normalize("مظاهرة"))
    assert {"مظاهره", "المظاهره", "مظاهرتهم"} <= set(forms)


def test_multiword_triggers_need_their_companion():
    lex = trigger_lexicon()
    fard = [f.entry for f in lex.lookup(normalize("فرضت")) if f.entry.type == "SANCTION"]
    assert fard and all(e.with_ for e in fard)


def test_actor_lexicon_codes():
    lex = actor_lexicon()
    assert lex.countries[normalize("اسرائيلي")] == "ISR"
    assert lex.countries[normalize("اسرائيليه")] == "ISR"
    assert lex.sectors[normalize("شرطه")] == "COP"
    assert lex.sectors[normalize("جيش")] == "MIL"
    assert lex.sectors[normalize("متظاهرون")] == "CVL"


def test_dated_person_code():
    import datetime as dt

    lex = actor_lexicon()
    assert lex.named_code(normalize("ترامب"), dt.date(2026, 3, 12)) == "USA GOV"
    assert lex.named_code(normalize("ترامب"), dt.date(2015, 1, 1)) == "USA BUS"


def test_mode_markers_load():
    m = mode_markers()
    assert normalize("لم") in m.adjacent["negated"] and normalize("يعتزم") in m.governing["intended"]


def test_multiword_country_names_are_actors():
    """Regression (ant gold a09021): الولايات المتحدة was never found, only one-word names were looked up."""
    from khabar.events.actors import actor_word
    from khabar.text.words import Word

    words = [Word(i, 0, 0, 0, 0, normalize(t), "word") for i, t in enumerate(["الولايات", "المتحدة"])]
    found = actor_word(actor_lexicon(), words, 0, None)
    assert found and found.country == "USA" and found.length == 2
