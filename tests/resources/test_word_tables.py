"""The word tables moved out of the code (issue 20): each file loads, fits its schema, and a broken copy is refused."""
from __future__ import annotations

import shutil

import pytest
import yaml

from khabar import resources
from khabar.errors import ResourceError
from khabar.events.tables import ARGUMENTS_SCHEMA, CLAUSES_SCHEMA, SPEECH_VERBS_SCHEMA
from khabar.quotes.attribute import ATTRIBUTION_SCHEMA
from khabar.resources import DATA_ROOT, load_yaml
from khabar.resources.calendar import MONTHS_SCHEMA, WEEKDAYS_SCHEMA
from khabar.text.normalize import normalize

FILES = [
    ("events/arguments.yaml", ARGUMENTS_SCHEMA, "skip"),
    ("events/clauses.yaml", CLAUSES_SCHEMA, "openers"),
    ("events/speech-verbs.yaml", SPEECH_VERBS_SCHEMA, "verbs"),
    ("quotes/attribution.yaml", ATTRIBUTION_SCHEMA, "leaders"),
    ("time/months.yaml", MONTHS_SCHEMA, "months"),
    ("time/weekdays.yaml", WEEKDAYS_SCHEMA, "blocked_before"),
]
IDS = [f[0] for f in FILES]


@pytest.mark.parametrize("name, schema, key", FILES, ids=IDS)
def test_word_table_loads_and_fits_its_schema(name, schema, key):
    data = load_yaml(name, schema)
    assert data["version"] >= 1 and data[key]


@pytest.fixture
def broken_root(tmp_path, monkeypatch):
    """broken(name, change): a copy of khabar/data where `change` has rewritten the YAML of `name`."""

    def broken(name: str, change) -> None:
        shutil.copytree(DATA_ROOT / name.split("/")[0], tmp_path / name.split("/")[0])
        data = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
        change(data)
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        monkeypatch.setattr(resources, "DATA_ROOT", tmp_path)
        resources._load_yaml_cached.cache_clear()

    yield broken
    monkeypatch.undo()
    resources._load_yaml_cached.cache_clear()  # the next test reads the shipped files again


def _repeat_first(key):
    return lambda data: data[key].append(data[key][0])


@pytest.mark.parametrize("name, schema, key", FILES, ids=IDS)
def test_a_table_missing_is_refused(broken_root, name, schema, key):
    broken_root(name, lambda data: data.pop(key))
    with pytest.raises(ResourceError, match=rf"resource {name}: \(top\): '{key}' is a required property"):
        load_yaml(name, schema)


@pytest.mark.parametrize("name, schema, key", FILES[:4], ids=IDS[:4])
def test_a_repeated_word_is_refused(broken_root, name, schema, key):
    broken_root(name, _repeat_first(key))
    with pytest.raises(ResourceError, match=rf"resource {name}: {key}: .* has non-unique elements"):
        load_yaml(name, schema)


@pytest.mark.parametrize("name, schema, key", FILES[:4], ids=IDS[:4])
def test_a_word_that_is_no_string_is_refused(broken_root, name, schema, key):
    broken_root(name, lambda data: data[key].append(7))
    with pytest.raises(ResourceError, match=rf"resource {name}: {key}/\d+: 7 is not of type 'string'"):
        load_yaml(name, schema)


def test_an_unknown_event_table_is_refused(broken_root):
    # a misspelt key would otherwise be ignored while the code reads the real one
    broken_root("events/arguments.yaml", lambda data: data.update(skips=["امس"]))
    with pytest.raises(ResourceError, match=r"resource events/arguments.yaml: \(top\): Additional properties"):
        load_yaml("events/arguments.yaml", ARGUMENTS_SCHEMA)


def test_attribution_words_are_written_normalised():
    # attribute.py compares them with normalised words as they stand
    data = load_yaml("quotes/attribution.yaml", ATTRIBUTION_SCHEMA)
    for key in ("relatives", "leaders", "particles"):
        assert all(w == normalize(w) for w in data[key]), key


def test_written_date_skips_are_month_names():
    data = load_yaml("time/months.yaml", MONTHS_SCHEMA)
    every = {n for names in data["months"].values() for n in names}
    assert set(data["written_dates_skip"]) <= every
