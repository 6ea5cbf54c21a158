"""The CRFs read into numpy (issue 18): crfsuite's labels and marginals, without its per-string calls."""
from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from helpers import seed_body
from khabar.entities.ner import crf as crf_module
from khabar.entities.ner.crf import CrfWeights
from khabar.entities.ner.features import norm, phrase_tags, resources, sentence_features, unit_of, unit_of_token
from khabar.entities.ner.model import MODEL_PATH, NerModel, first_pass_path
from khabar.entities.ner.scores import SentenceView, StateScores
from khabar.entities.ner.stage import chunks, find_mentions
from khabar.text.tokens import tokenize

SENTENCE = "وقال وزير الخارجية الأمريكي مايك بومبيو في واشنطن إن الولايات المتحدة ستفرض عقوبات جديدة على إيران ."


def _tagger(path=MODEL_PATH) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@pytest.fixture(scope="module")
def seed_doc():
    text = seed_body()
    return text, tokenize(text)


def test_numpy_decoder_gives_crfsuites_mentions_and_scores_on_the_seed(seed_doc):
    text, tokens = seed_doc
    fast = NerModel(MODEL_PATH, neural=False)
    slow = NerModel(MODEL_PATH, neural=False)
    slow.scores = None  # crfsuite's tagger on feature strings
    got = find_mentions(text, tokens, fast)
    assert got == find_mentions(text, tokens, slow)
    assert len(got) > 20 and {m.type for m in got} >= {"PER", "ORG", "GPE"}


def test_state_scores_equal_the_sum_of_the_feature_strings_weights():
    units = [unit_of(w) for w in SENTENCE.split()]
    weights = CrfWeights.read(MODEL_PATH)
    scorer = StateScores(weights)
    scores = scorer.sentence(SentenceView.of(units, NerModel(MODEL_PATH, neural=False).features))
    by_strings = np.array([weights.vector(f) for f in sentence_features(units)])
    assert np.allclose(scores, by_strings, rtol=0, atol=1e-9)


def test_viterbi_and_marginals_match_crfsuite_on_one_sentence():
    units = [unit_of(w) for w in SENTENCE.split()]
    tagger = _tagger(first_pass_path(MODEL_PATH))
    weights = CrfWeights.read(first_pass_path(MODEL_PATH))
    feats = sentence_features(units)
    scores = np.array([weights.vector(f) for f in feats])
    labels = tagger.tag(feats)
    assert weights.viterbi([scores]) == [labels] and "B-PERS" in labels and "B-LOC" in labels
    table = weights.marginals([scores])[0]
    for i, lab in enumerate(labels):
        assert table[i, weights.labels.index(lab)] == pytest.approx(tagger.marginal(lab, i), abs=1e-12)
    assert np.allclose(table.sum(axis=1), 1.0)


def test_sentences_decoded_in_small_blocks_give_the_same_labels(seed_doc, monkeypatch):
    # A long document is decoded BLOCK sentences at a time, padded to the longest of each block.
    text, tokens = seed_doc
    model = NerModel(MODEL_PATH, neural=False)
    doc = [[unit_of_token(text, t) for t in piece] for piece in chunks(text, tokens)]
    whole = model.tag_doc(doc)
    monkeypatch.setattr(crf_module, "BLOCK", 3)
    assert model.tag_doc(doc) == whole and len(doc) > 3


def test_unknown_attributes_weigh_nothing():
    weights = CrfWeights.read(MODEL_PATH)
    assert not weights.vector(["لا-يوجد=ميزة"]).any()
    assert np.array_equal(weights.vector(["b", "لا-يوجد=ميزة"]), weights.vector(["b"]))


def test_stacked_weights_keep_each_crfs_columns():
    one, two = CrfWeights.read(first_pass_path(MODEL_PATH)), CrfWeights.read(MODEL_PATH)
    both = CrfWeights.stacked([one, two])
    feats = sentence_features([unit_of(w) for w in SENTENCE.split()])[4]  # بومبيو
    joint = both.vector(feats)
    assert np.allclose(joint[:len(one.labels)], one.vector(feats))
    assert np.allclose(joint[len(one.labels):], two.vector(feats))


def test_phrase_tags_match_a_scan_of_every_length():
    # Only the lengths an entry starting with the word has are tried; the greedy longest match is kept.
    r = resources()
    stems = [norm(s) for s in "في المملكة العربية السعودية و الولايات المتحدة الأمريكية و مملكة إسبانيا".split()]

    def scan(stems):
        out, i = [[] for _ in stems], 0
        longest = max(len(k) for k in r.phrases)
        while i < len(stems):
            step = 1
            for k in range(min(longest, len(stems) - i), 1, -1):
                key = tuple(stems[i:i + k])
                tag = r.phrases.get(key) or r.phrases.get((key[0][2:] if key[0].startswith("ال") and len(key[0]) > 4
                                                           else key[0],) + key[1:])
                if tag:
                    for t in tag.split("|"):
                        out[i].append("B-" + t)
                        out[i + 1:i + k] = [o + ["I-" + t] for o in out[i + 1:i + k]]
                    step = k
                    break
            i += step
        return out

    got = phrase_tags(stems)
    assert got == scan(stems) and any(got)
