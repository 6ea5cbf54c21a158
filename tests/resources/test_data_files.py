"""Every YAML resource in khabar/data loads, has a version and a description, and fits its schema."""
import pytest
import yaml

from khabar.errors import ResourceError
from khabar.resources import DATA_ROOT, check, load_yaml, read_lines
from khabar.text.normalize import normalize
from khabar.text.sentences import SCHEMA as SENTENCE_SCHEMA
from khabar.text.clitics import CLITICS_SCHEMA, clitic_rules
from khabar.text.dateline import SCHEMA as DATELINE_SCHEMA

YAML_FILES = sorted(p.relative_to(DATA_ROOT).as_posix() for p in DATA_ROOT.rglob("*.yaml"))


@pytest.mark.parametrize("name", YAML_FILES)
def test_every_yaml_resource_has_version_and_description(name):
    data = yaml.safe_load((DATA_ROOT / name).read_text(encoding="utf-8"))
    check(name, data)  # the base schema: version >= 1 and a description


@pytest.mark.parametrize("name, schema", [
    ("text/clitics.yaml", CLITICS_SCHEMA),
    ("text/sentences.yaml", SENTENCE_SCHEMA),
    ("time/datelines.yaml", DATELINE_SCHEMA),
])
def test_text_resources_fit_their_schemas(name, schema):
    assert load_yaml(name, schema)["version"] >= 1


def test_schema_check_names_the_file_and_the_field():
    with pytest.raises(ResourceError, match=r"resource x.yaml: version: 0 is less than the minimum of 1"):
        check("x.yaml", {"version": 0, "description": "broken"})


def test_missing_resource_is_a_resource_error():
    with pytest.raises(ResourceError, match="missing"):
        load_yaml("text/no-such-file.yaml")


def test_never_split_words_are_unique_and_normalisable():
    rules = clitic_rules()
    raw = load_yaml("text/clitics.yaml", CLITICS_SCHEMA)["never_split"]
    assert len(raw) == len(set(raw))
    assert all(normalize(w) in rules.never_split for w in raw)


def test_lexicon_and_names_are_normalised_and_well_formed():
    lexicon = read_lines("text/lexicon.tsv.gz")
    assert len(lexicon) > 50_000
    for line in lexicon[:2000]:
        word, count = line.split("\t")
        assert word == normalize(word) and int(count) >= 1
    names = read_lines("text/names.txt.gz")
    assert "بوتين" in names and all(n == normalize(n) and " " not in n for n in names[:2000])
