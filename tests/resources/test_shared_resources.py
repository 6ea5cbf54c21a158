"""Resources shared below the stages: relation cues, nationality adjectives and the KB accessor."""
import datetime as dt

import pytest
import yaml

from khabar.errors import ResourceError
from khabar.doc import Article
from khabar.pipeline import Options, Pipeline
from khabar.resources import DATA_ROOT, check, load_yaml
from khabar.resources.kb import kb_for
from khabar.resources.nationalities import NATIONALITY_SCHEMA, nationality_at, nationality_forms
from khabar.resources.relation_cues import CUES_FILE, CUES_SCHEMA, cues, titles


def test_relation_cues_file_fits_its_schema():
    data = load_yaml(CUES_FILE, CUES_SCHEMA)
    assert data["version"] >= 1 and data["cues"] and data["titles"]


def test_relation_cue_schema_rejects_a_cue_without_type():
    data = yaml.safe_load((DATA_ROOT / CUES_FILE).read_text(encoding="utf-8"))
    del data["cues"][0]["type"]
    with pytest.raises(ResourceError, match=r"relations/cues.yaml: cues/0: 'type' is a required property"):
        check(CUES_FILE, data, CUES_SCHEMA)


def test_relation_cues_are_name_tokens_longest_first():
    table = cues()
    assert [len(c.tokens) for c in table] == sorted((len(c.tokens) for c in table), reverse=True)
    by_tokens = {c.tokens: c for c in table}
    assert by_tokens[("المتحدث", "باسم")].type == "spokesperson_of"
    assert by_tokens[("صهر",)].role == "son-in-law"
    assert by_tokens[("الموفد", "الخاص")].role == "special envoy"


def test_title_cues_hold_positions():
    by_tokens = {c.tokens: c for c in titles()}
    assert by_tokens[("وزير", "الخارجيه")].role == "foreign minister"
    assert all(c.type == "position_held" for c in by_tokens.values())


def test_nationalities_fit_their_schema_and_derive_forms():
    assert load_yaml("entities/nationalities.yaml", NATIONALITY_SCHEMA)["adjectives"]
    forms = nationality_forms()
    assert forms[("الروسيه",)] == forms[("روسي",)] == "RUS"


def test_nationality_at_reads_the_name_words_after_a_title():
    doc = Pipeline.build(Options(stages=("sentences.v1", "tokens.v1"))).run(
        Article("n", "وزير الخارجية الروسي سيرغي لافروف", date=dt.date(2018, 1, 1)))
    names = doc.get("words").names
    assert nationality_at(names, 2) == ("RUS", 1)
    assert nationality_at(names, 0) is None


def test_kb_for_gives_the_shipped_kb():
    kb = kb_for(Options())
    assert kb is kb_for(Options())  # built once per set of KB folders
    assert kb.lookup(("بوتين",))
