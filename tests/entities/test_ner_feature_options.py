"""NER feature options come in one object passed down, never from the environment (issue 20)."""
import pytest

from khabar.entities.ner import features
from khabar.entities.ner.features import DEFAULT_FEATURES, FeatureOptions, sentence_features, unit_of
from khabar.entities.ner.model import load


@pytest.fixture
def fake_autotags(monkeypatch):
    """Autotags for one stem, whatever the shipped data holds; caches cleared before and after."""
    monkeypatch.setattr(features, "_autotags", lambda wanted: {"بوتين": ("PERS:hi",)} if wanted else {})
    features.resources.cache_clear()
    features.word_features.cache_clear()
    yield
    features.resources.cache_clear()
    features.word_features.cache_clear()


def test_autotag_features_follow_the_options_object(fake_autotags):
    units = [unit_of("بوتين")]
    assert "a=PERS:hi" in sentence_features(units)[0]
    assert "a=PERS:hi" in sentence_features(units, DEFAULT_FEATURES)[0]
    assert "a=PERS:hi" not in sentence_features(units, FeatureOptions(autotags=False))[0]


def test_the_environment_no_longer_turns_autotags_off(fake_autotags, monkeypatch):
    monkeypatch.setenv("KHABAR_NER_AUTOTAGS", "0")
    assert "a=PERS:hi" in sentence_features([unit_of("بوتين")])[0]


def test_the_model_passes_its_options_down():
    assert load().features == DEFAULT_FEATURES and DEFAULT_FEATURES.autotags
