"""The pretrained NER encoder: n-gram hashing, numpy inference equal to torch, and a pretraining run."""
from __future__ import annotations

import numpy as np
import pytest

from khabar.entities.ner.encoder import MAX_LEN, MAX_NGRAMS, Encoder, encoder_word, ngram_ids

SENTENCES = [
    "وقال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار .",
    "واجتمع الرئيس عبد الفتاح السيسي في القاهرة مع وفد من البنك الدولي .",
    "أعلنت شركة أرامكو السعودية عن أرباح قياسية بلغت 121 مليار دولار .",
]
SIZES = dict(dim=16, layers=2, heads=2, ff=32, emb=8, n_words=20, buckets=101)


def test_ngram_ids_are_stable_bounded_and_shared_by_related_words():
    a, b = ngram_ids("لافروف", 101), ngram_ids("ولافروف", 101)
    assert a == ngram_ids("لافروف", 101)  # crc32, not Python's salted hash
    assert all(1 <= i < 101 for i in a) and len(a) <= MAX_NGRAMS
    assert len(set(a) & set(b)) >= len(a) - 3  # a clitic changes only the n-grams at the word's start


def test_input_ids_fold_unknown_words_to_unk_and_keep_their_ngrams(tmp_path):
    torch = pytest.importorskip("torch")
    enc = _tiny_encoder(torch, tmp_path / "enc.npz")
    ids, grams = enc.ids(["موسكو", "الزعبلاوي", "121"])
    assert ids[1] == 1 and grams.shape == (3, MAX_NGRAMS) and (grams[1] > 0).any()
    assert list(ids) == [enc.index.get("موسكو", 1), 1, enc.index.get("0", 1)]


def test_encoder_word_folds_digits_and_latin_case():
    assert encoder_word("121") == "0" and encoder_word("OPEC") == "opec" and encoder_word("موسكو") == "موسكو"


def _corpus():
    """A toy prepared corpus of the test sentences, as scripts/pretrain_ner_encoder.py prepare writes it."""
    from khabar.entities.ner.encoder import ngram_matrix
    from khabar.training.pretrain import FIRST_TYPE, T_SEP

    sents = [[encoder_word(w) for w in s.split()] for s in SENTENCES]
    types = sorted({w for s in sents for w in s})
    ids, starts = [], []
    for s in sents * 4:
        starts.append(len(ids))
        ids.extend(types.index(w) + FIRST_TYPE for w in s)
        ids.append(T_SEP)
    grams = np.zeros((len(types) + FIRST_TYPE, MAX_NGRAMS), np.int32)
    grams[FIRST_TYPE:] = ngram_matrix(types, SIZES["buckets"])
    return {"ids": np.array(ids, np.uint16), "starts": np.array(starts, np.uint32), "ngrams": grams,
            "types": "\n".join(types), "buckets": np.array(SIZES["buckets"])}


def test_numpy_encoder_equals_torch_on_real_sentences(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.training.pretrain import build, export

    torch.manual_seed(0)
    net = build(torch, torch.nn, **SIZES).eval()
    with torch.no_grad():  # float16 export: compare on weights float16 can hold exactly
        for p in net.parameters():
            p.copy_(p.half().float() + 0.0)
    export(net, _corpus(), SIZES["n_words"], tmp_path / "enc.npz")
    enc = Encoder(tmp_path / "enc.npz")
    for text in SENTENCES:
        words = text.split()
        wid, grams = (torch.tensor(x)[None] for x in enc.ids(words))
        with torch.no_grad():
            expected = net(wid, grams, torch.ones_like(wid, dtype=torch.bool))[0].numpy()
        assert np.allclose(enc.encode(words), expected, atol=2e-4)


def test_long_sentence_is_encoded_in_pieces(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.training.pretrain import build, export

    torch.manual_seed(0)
    export(build(torch, torch.nn, **SIZES).eval(), _corpus(), SIZES["n_words"], tmp_path / "enc.npz")
    enc = Encoder(tmp_path / "enc.npz")
    words = (SENTENCES[1].split() * 20)[:MAX_LEN + 7]
    out = enc.encode(words)
    assert out.shape == (MAX_LEN + 7, SIZES["dim"]) and np.isfinite(out).all()
    assert np.allclose(out[MAX_LEN:], enc.encode(words[MAX_LEN:]), atol=1e-5)
    assert enc.encode([]).shape == (0, SIZES["dim"])


def test_pretraining_lowers_the_masked_word_loss(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.training.pretrain import Batches, build, pretrain

    corpus = _corpus()
    sizes = {k: v for k, v in SIZES.items() if k != "buckets"}
    torch.manual_seed(13)
    before_net = build(torch, torch.nn, **SIZES)
    data = Batches(torch, corpus, SIZES["n_words"], "cpu", 13, held_out=0.25)
    wid, grams, keep, target = data.sample(8)
    assert (target[target >= 0] >= 3).all() and keep.any(axis=1).all()  # only known words are predicted
    from khabar.training.pretrain import validate

    before = validate(torch, before_net, data, torch.autocast("cpu", enabled=False))
    after = pretrain(corpus, tmp_path / "enc.npz", seconds=4, batch=8, lr=3e-3, warmup=5, log=lambda m: None, **sizes)
    assert after < before
    assert Encoder(tmp_path / "enc.npz").encode(SENTENCES[0].split()).shape == (10, SIZES["dim"])


def _tiny_encoder(torch, path) -> Encoder:
    from khabar.training.pretrain import build, export

    torch.manual_seed(0)
    export(build(torch, torch.nn, **SIZES).eval(), _corpus(), SIZES["n_words"], path)
    return Encoder(path)


def _tagging_data():
    from khabar.entities.ner.features import own_features, sentence_features, unit_of

    gold = ["O O O B-PERS I-PERS O B-LOC O O O", "O O B-PERS I-PERS I-PERS O B-LOC O O O B-ORG I-ORG O",
            "O B-ORG I-ORG I-ORG O O O O O O O O"]
    units = [[unit_of(t) for t in s.split()] for s in SENTENCES]
    feats = [own_features(sentence_features(u), [[] for _ in u], ["O"] * len(u)) for u in units]
    vocab = sorted({w for s in SENTENCES for w in s.split()})
    return units, feats, [g.split() for g in gold], vocab


def _emissions_match(torch, net, tagger, units, feats, encoder):
    from khabar.entities.ner.neural import encode_doc

    for u, f in zip(units, feats):
        with torch.no_grad():
            expected = net.emissions([net.tensors(u, f)])[0][0].numpy()
        got = tagger.emissions([tagger.inputs(u, f, encode_doc(encoder, [u])[0])])[0]
        assert np.allclose(got, expected, atol=2e-2)


@pytest.mark.parametrize("tuned", [False, True], ids=["frozen", "tuned"])
def test_neural_pass_reading_the_encoder_exports_what_torch_computes(tmp_path, tuned):
    torch = pytest.importorskip("torch")
    from khabar.entities.ner.neural import NeuralTagger
    from khabar.training.ner_neural import train_neural

    pretrained = _tiny_encoder(torch, tmp_path / "enc.npz")
    units, feats, tags, vocab = _tagging_data()
    vectors = np.random.default_rng(4).normal(0, 0.1, (len(vocab), 6)).astype(np.float32)
    tune_to = tmp_path / "tuned.npz" if tuned else None
    net = train_neural(units, feats, tags, vectors, vocab, tmp_path / "nn.npz", epochs=2, encoder=pretrained,
                       tune_to=tune_to, tune_lr=1e-2)
    encoder = Encoder(tune_to) if tuned else pretrained
    if tuned:  # training moved the encoder's weights, and the tuned copy is what inference must read
        assert not np.allclose(encoder.w["l0.qkv"], pretrained.w["l0.qkv"])
    _emissions_match(torch, net, NeuralTagger(tmp_path / "nn.npz", encoder), units, feats, encoder)


def test_neural_pass_that_reads_the_encoder_refuses_to_load_without_it(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.entities.ner.neural import NeuralTagger
    from khabar.training.ner_neural import train_neural

    units, feats, tags, vocab = _tagging_data()
    vectors = np.zeros((len(vocab), 6), np.float32)
    train_neural(units, feats, tags, vectors, vocab, tmp_path / "nn.npz", epochs=1,
                 encoder=_tiny_encoder(torch, tmp_path / "enc.npz"))
    with pytest.raises(ValueError, match="reads the pretrained encoder"):
        NeuralTagger(tmp_path / "nn.npz")


def test_torch_encoder_loaded_from_its_export_gives_the_same_vectors(tmp_path):
    torch = pytest.importorskip("torch")
    from khabar.training.pretrain import load_torch

    enc = _tiny_encoder(torch, tmp_path / "enc.npz")
    net = load_torch(torch, torch.nn, tmp_path / "enc.npz").eval()
    words = SENTENCES[2].split()
    wid, grams = (torch.tensor(x)[None] for x in enc.ids(words))
    with torch.no_grad():
        got = net(wid, grams, torch.ones_like(wid, dtype=torch.bool))[0].numpy()
    assert np.allclose(got, enc.encode(words), atol=2e-4) and net.words == list(enc.index)


def test_regression_lone_surrogate_gets_ngram_ids():
    # A lone surrogate (from a JSON \ud800 escape) cannot be encoded as UTF-8; hashing must not crash on it.
    ids = ngram_ids("موسكو\ud800", 101)
    assert ids and all(1 <= i < 101 for i in ids)


@pytest.mark.parametrize("argv", [["--tune-encoder"], ["--tune-encoder", "--encoder", "e.npz", "--seeds", "2"]],
                         ids=["no-encoder", "bag"])
def test_tune_encoder_without_one_encoder_and_one_seed_is_a_usage_error(capsys, argv):
    from khabar.training.ner import main

    with pytest.raises(SystemExit) as err:
        main(["anercorp-train.txt", "--neural", "6", "--vectors", "v.npz", *argv])
    assert err.value.code == 2 and "--tune-encoder needs --encoder, and one seed" in capsys.readouterr().err


def _script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "pretrain_ner_encoder.py"
    spec = importlib.util.spec_from_file_location("pretrain_ner_encoder", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_prepare_turns_articles_into_a_type_stream_with_sentence_starts(tmp_path):
    import gzip
    import json

    from khabar.training.pretrain import FIRST_TYPE, T_SEP

    src = tmp_path / "news.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "لافروف في موسكو", "text": "قال لافروف إن موسكو مستعدة. وأضاف 121 مرة!"}) + "\n")
        fh.write(json.dumps({"title": "", "text": "موسكو ترد"}) + "\n")
    script = _script()
    script.prepare([src], str(tmp_path / "c.npz"))
    z = np.load(tmp_path / "c.npz")
    types = str(z["types"]).split("\n")
    words = [types[i - FIRST_TYPE] if i >= FIRST_TYPE else i for i in z["ids"]]
    assert types[0] == "موسكو"  # the most frequent word comes first
    assert words[z["starts"][1]:z["starts"][2]] == ["قال", "لافروف", "ان", "موسكو", "مستعده", "."]  # norm spelling
    assert "0" in words and words.count(T_SEP) == 2 and len(z["starts"]) == 4


def test_encoder_split_into_parts_joins_back_unchanged(tmp_path):
    torch = pytest.importorskip("torch")
    script = _script()
    _tiny_encoder(torch, tmp_path / "enc.npz")
    script.PART_BYTES = 2_000  # force several parts
    script.split_parts(str(tmp_path / "enc.npz"), str(tmp_path / "parts"))
    assert len(list((tmp_path / "parts").glob("*.npz"))) > 1
    script.join_parts(str(tmp_path / "parts"), str(tmp_path / "joined.npz"))
    a, b = np.load(tmp_path / "enc.npz"), np.load(tmp_path / "joined.npz")
    assert sorted(a.files) == sorted(b.files) and all(np.array_equal(a[k], b[k]) for k in a.files)


@pytest.mark.parametrize("tune", [False, True], ids=["frozen", "tuned"])
def test_train_command_writes_the_encoder_beside_the_model_and_retraining_without_it_removes_it(tmp_path, tune):
    torch = pytest.importorskip("torch")
    import json

    from khabar.entities.ner.model import NerModel, encoder_path, neural_path
    from khabar.training.ner import train

    names = ["زيد", "عمرو", "خالد", "سعيد", "نوفل", "طارق"]
    rows = [f"وقال O\nالوزير O\n{names[k % 6]} B-PERS\nإن O\nموسكو B-LOC\nآمنة O\n. O\n" for k in range(24)]
    (tmp_path / "tiny.txt").write_text("\n".join(rows), encoding="utf-8")
    pretrained = _tiny_encoder(torch, tmp_path / "pre.npz")
    vocab = ["وقال", "الوزير", "موسكو"]
    np.savez(tmp_path / "v.npz", words="\n".join(vocab), vectors=np.eye(3, 4, dtype=np.float32))
    out = tmp_path / "m.crfsuite"
    neural = {"epochs": 1, "vectors": str(tmp_path / "v.npz"), "encoder": str(tmp_path / "pre.npz"), "tune": tune}
    train([str(tmp_path / "tiny.txt")], str(out), folds=2, params={"max_iterations": 10}, neural=neural)
    written = Encoder(encoder_path(out))
    assert np.array_equal(written.w["l0.qkv"], pretrained.w["l0.qkv"]) != tune  # tuning moves the weights
    assert NerModel(out).neural.encoder is not None and neural_path(out).exists()
    meta = json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["neural"]["encoder"] == "pre.npz" and meta["neural"]["tune"] is tune
    train([str(tmp_path / "tiny.txt")], str(out), folds=2, params={"max_iterations": 10})
    assert not encoder_path(out).exists() and not neural_path(out).exists() and NerModel(out).neural is None


def test_learning_rate_warms_up_then_decays_to_a_floor():
    from khabar.training.pretrain import lr_factor

    assert lr_factor(0, 500, None) == 0 and lr_factor(250, 500, None) == 0.5
    assert lr_factor(600, 500, None) == pytest.approx(1.0)  # steps not planned yet: no decay
    assert lr_factor(500, 500, 9381) == 1.0 and lr_factor(9381, 500, 9381) == 0.02
    assert lr_factor(5000, 500, 9381) > lr_factor(7000, 500, 9381)


def test_regression_training_refuses_saudinewsnet(tmp_path):
    """Issue 17: no training script may read the non-commercial SaudiNewsNet corpus."""
    import gzip
    import json

    import pytest

    from khabar.training.corpus import NonCommercialCorpusError, corpus_texts

    src = tmp_path / "saudinewsnet-2015.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "", "text": "قال وزير الخارجية إن الرياض مستعدة."}) + "\n")
    with pytest.raises(NonCommercialCorpusError, match="saudinewsnet-2015.jsonl.gz: non-commercial"):
        list(corpus_texts([src]))
    assert all("saudinewsnet" not in p.name for p in _script().CORPORA)
