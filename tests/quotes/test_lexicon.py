"""Integrity of the quote lexicons under khabar/data/quotes/."""
from __future__ import annotations

import pytest

from khabar.quotes.lexicon import quote_lexicon
from khabar.resources import load_yaml
from khabar.text.normalize import normalize


@pytest.fixture(scope="module")
def lex():
    return quote_lexicon()


@pytest.mark.parametrize("name", ["quotes/cues.yaml", "quotes/sources.yaml", "quotes/channels.yaml"])
def test_versioned_and_described(name):
    data = load_yaml(name)
    assert data["version"] >= 1 and data["description"].strip()


def test_verb_lemmas_unique():
    pasts = [str(v["past"]) for v in load_yaml("quotes/cues.yaml")["verbs"]]
    assert len(pasts) == len(set(pasts))


@pytest.mark.parametrize("form,gender", [("قال", "m"), ("وقالت", "f"), ("قالوا", "pl"), ("وأضاف", "m"),
                                         ("وأضافت", "f"), ("يؤكد", "m"), ("تقول", "f"), ("مضيفا", "m"),
                                         ("مشيرا", "m"), ("موضحة", "f"), ("معتبرين", "pl"), ("فأعلن", "m"),
                                         ("رأت", "f"), ("ودعا", "m")])
def test_generated_forms(lex, form, gender):
    cue = lex.forms[normalize(form)]
    assert cue.gender == gender


def test_regression_noun_lookalikes_are_not_cues(lex):
    # عادة (usually), مقره (its seat), مبلغا (an amount) look like participles but are not
    for word in ("عادة", "مقره", "مبلغا", "بين", "عدا"):
        assert normalize(word) not in lex.forms


def test_channel_labels_are_the_gold_labels(lex):
    labels = {label for label, _ in lex.channels}
    assert labels == {"X", "Telegram", "Facebook", "press conference", "statement", "interview", "television",
                      "phone call", "newspaper", "speech", "parliament", "social media"}
