"""Attribution reads its words from khabar/data/quotes/attribution.yaml: emptied, a table changes a real sentence's speaker."""
from __future__ import annotations

import pytest

from khabar.quotes import attribute


@pytest.fixture
def emptied(monkeypatch):
    """emptied(key): from now on the attribution words load as shipped, less every word under `key`."""
    real = attribute.load_yaml

    def empty(key: str) -> None:
        monkeypatch.setattr(attribute, "load_yaml", lambda name, schema=None: {**real(name, schema), key: []})
        attribute.attribution_words.cache_clear()

    yield empty
    monkeypatch.undo()
    attribute.attribution_words.cache_clear()


def speakers(found):
    return [f[2] for f in found]


def test_a_relative_before_the_cue_points_back_to_the_speaker(quotes_of, emptied):
    # In the style of ant-2018: وزارة الصحة، التي أكدت أن ...
    text = "ونقلت الصحيفة عن وزارة الصحة، التي أكدت أن عدد القتلى بلغ 60 شخصا."
    assert speakers(quotes_of(text)) == ["وزارة الصحة"]
    emptied("relatives")
    assert speakers(quotes_of(text)) != ["وزارة الصحة"]


def test_a_leading_word_is_stepped_over_to_the_subject(quotes_of, emptied):
    # dev2: لكن الجيش الإسرائيلي اتهم حركة "حماس" ...
    text = 'لكن الجيش الإسرائيلي اتهم حركة "حماس" باستخدام الاحتجاجات كغطاء لشن هجمات ضد الدولة العبرية.'
    assert speakers(quotes_of(text)) == ["الجيش الإسرائيلي"]
    emptied("leaders")
    assert speakers(quotes_of(text)) != ["الجيش الإسرائيلي"]


def test_a_particle_between_subject_and_cue_keeps_the_subject(quotes_of):
    # قد between a preverbal subject and its verb (also an auxiliary in quotes/cues.yaml)
    found = quotes_of("وكان الرئيس الأميركي دونالد ترامب قد صرح بأن الاتفاق سيء.")
    assert speakers(found) == ["دونالد ترامب"]
    assert "قد" in attribute.attribution_words().particles
