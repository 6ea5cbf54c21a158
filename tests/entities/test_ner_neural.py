"""The neural final pass of the NER model: numpy inference, and its export from torch training."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from khabar.entities.ner.features import own_features, sentence_features, unit_of
from khabar.entities.ner.neural import NeuralTagger

SENTENCES = [
    ("وقال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار .",
     "O O O B-PERS I-PERS O B-LOC O O O"),
    ("واجتمع الرئيس عبد الفتاح السيسي في القاهرة مع وفد من البنك الدولي .",
     "O O B-PERS I-PERS I-PERS O B-LOC O O O B-ORG I-ORG O"),
    ("أعلنت شركة أرامكو السعودية عن أرباح قياسية .", "O B-ORG I-ORG I-ORG O O O O"),
]
TAGS = ["B-LOC", "B-ORG", "B-PERS", "I-ORG", "I-PERS", "O"]  # a random model may give any of them


def _units(text: str):
    return [unit_of(t) for t in text.split()]


def _feats(units):
    return own_features(sentence_features(units), [[] for _ in units], ["O"] * len(units))


def _random_model(path, rng: np.random.Generator, hidden: int = 4, tags: list[str] = TAGS) -> NeuralTagger:
    """A NeuralTagger with random weights of the shipped shapes, small enough to check by brute force."""
    words = sorted({w for text, _ in SENTENCES for w in text.split()})
    feats = sorted({f for text, _ in SENTENCES for tok in _feats(_units(text)) for f in tok})
    chars = "".join(sorted({c for text, _ in SENTENCES for c in text if not c.isspace()}))
    inp = 2 * 5 + 3 + 2
    k = len(tags)
    r = lambda *shape: rng.normal(0, 0.5, shape).astype(np.float32)  # noqa: E731
    np.savez(path, words="\n".join(words), chars=chars, feats="\n".join(feats), tags="\n".join(tags),
             wemb=r(len(words) + 1, 5), cemb=r(len(chars) + 2, 2), femb=r(len(feats) + 1, 2),
             conv=r(3 * 2, 3), conv_b=r(3), wih=r(4 * hidden, inp), whh=r(4 * hidden, hidden), b=r(4 * hidden),
             wih_r=r(4 * hidden, inp), whh_r=r(4 * hidden, hidden), b_r=r(4 * hidden),
             out=r(k, 2 * hidden), out_b=r(k), trans=r(k, k), start=r(k), end=r(k))
    return NeuralTagger(path)


def _path_score(e, tagger, path) -> float:
    w = tagger.w
    s = w["start"][path[0]] + e[0, path[0]] + w["end"][path[-1]]
    return s + sum(w["trans"][a, b] + e[t + 1, b] for t, (a, b) in enumerate(zip(path, path[1:])))


def test_marginals_equal_brute_force_over_all_paths_and_sum_to_one(tmp_path):
    tagger = _random_model(tmp_path / "m.npz", np.random.default_rng(1))
    units = _units("أعلنت شركة أرامكو السعودية")
    (e,) = tagger.emissions([tagger.inputs(units, _feats(units))])
    marginals = tagger.marginals(e)
    paths = list(itertools.product(range(len(TAGS)), repeat=len(units)))
    weights = np.exp([_path_score(e, tagger, p) for p in paths])
    expected = np.zeros_like(marginals)
    for p, w in zip(paths, weights):
        expected[range(len(units)), p] += w
    assert np.allclose(marginals, expected / weights.sum(), atol=1e-5)
    assert np.allclose(marginals.sum(axis=1), 1.0, atol=1e-5)


def test_batched_lstm_equals_one_sentence_at_a_time(tmp_path):
    # Sentences of different lengths share one padded batch; padding must not leak into the backward direction.
    tagger = _random_model(tmp_path / "m.npz", np.random.default_rng(2))
    inputs = [tagger.inputs(u, _feats(u)) for u in (_units(t) for t, _ in SENTENCES)]
    together = tagger.emissions(inputs)
    for x, e in zip(inputs, together):
        assert np.allclose(tagger.emissions([x])[0], e, atol=1e-5)


def test_empty_sentence_in_a_document_gives_no_rows(tmp_path):
    tagger = _random_model(tmp_path / "m.npz", np.random.default_rng(3))
    units = _units("قال لافروف")
    out = tagger.marginals_doc([[], units], [[], _feats(units)])
    assert out[0].shape == (0, len(TAGS)) and out[1].shape == (2, len(TAGS))


def test_export_reproduces_torch_emissions(tmp_path):
    torch = pytest.importorskip("torch")  # training-only dependency (the `train` extra)
    from khabar.training.ner_neural import train_neural

    units = [_units(t) for t, _ in SENTENCES]
    feats = [_feats(u) for u in units]
    tags = [g.split() for _, g in SENTENCES]
    vocab = sorted({w for t, _ in SENTENCES for w in t.split()})
    vectors = np.random.default_rng(4).normal(0, 0.1, (len(vocab), 6)).astype(np.float32)
    net = train_neural(units, feats, tags, vectors, vocab, tmp_path / "nn.npz", epochs=2)
    tagger = NeuralTagger(tmp_path / "nn.npz")
    for u, f in zip(units, feats):
        with torch.no_grad():
            expected = net.emissions([net.tensors(u, f)])[0][0].numpy()
        assert np.allclose(tagger.emissions([tagger.inputs(u, f)])[0], expected, atol=2e-2)


def test_repair_bio_starts_a_name_at_a_stray_inside_label():
    from khabar.entities.ner.model import repair_bio

    assert repair_bio(["O", "I-PERS", "I-PERS", "I-ORG", "B-LOC", "I-LOC"]) == \
        ["O", "B-PERS", "I-PERS", "B-ORG", "B-LOC", "I-LOC"]


def test_model_with_a_neural_pass_decodes_the_mean_of_both_marginals(tmp_path):
    from khabar.entities.ner.model import MODEL_PATH, NerModel, first_pass_path, neural_path, repair_bio

    for src in (MODEL_PATH, first_pass_path(MODEL_PATH)):
        (tmp_path / src.name).symlink_to(src)
    crf_only = NerModel(tmp_path / MODEL_PATH.name)
    tags = sorted(crf_only.tagger.labels())
    _random_model(neural_path(tmp_path / MODEL_PATH.name), np.random.default_rng(5), tags=tags)
    model = NerModel(tmp_path / MODEL_PATH.name)
    assert crf_only.neural is None and model.neural is not None
    units = _units("وقال وزير الخارجية المصري سامح شكري إن القاهرة ترفض التدخل .")
    (labels, table), = list(model._labelled([units]))
    assert table.shape == (len(units), len(tags))
    assert np.allclose(table.sum(axis=1), 1.0, atol=1e-3)
    assert labels == repair_bio([tags[k] for k in table.argmax(axis=1)])


def test_train_neural_without_vectors_is_a_usage_error(capsys):
    from khabar.training.ner import main

    with pytest.raises(SystemExit) as err:
        main(["anercorp-train.txt", "--neural", "8"])
    assert err.value.code == 2 and "--neural needs --vectors" in capsys.readouterr().err


def test_bag_averages_its_members_marginals(tmp_path):
    from khabar.entities.ner.neural import NeuralBag

    one = _random_model(tmp_path / "a.npz", np.random.default_rng(6))
    _random_model(tmp_path / "b.npz", np.random.default_rng(7))
    bag = NeuralBag([tmp_path / "a.npz", tmp_path / "b.npz"])
    two = NeuralTagger(tmp_path / "b.npz")
    units = _units("قال لافروف في موسكو")
    feats = [_feats(units)]
    (mean,) = bag.marginals_doc([units], feats)
    assert np.allclose(mean, (one.marginals_doc([units], feats)[0] + two.marginals_doc([units], feats)[0]) / 2)
