"""The built-in NER model: spans, typing, generalisation to unseen names, and the scorer."""
from __future__ import annotations

import json

import pytest

from khabar.entities.ner.sequences import spans
from khabar.training.conll import read
from khabar.entities.ner.features import doc_features, doc_keys, norm, resources, unit_of, unit_of_token, with_doc
from khabar.entities.ner.model import MODEL_PATH, NerModel, first_pass_path, load, meta
from khabar.training.ner import train
from khabar.entities.ner.stage import chunks, find_mentions
from khabar.errors import InputError, PipelineError
from khabar.evaluate.ner import evaluate_file, score
from khabar.doc import Article
from khabar.pipeline import Options, Pipeline
from khabar.text.tokens import tokenize
from helpers import SHARED

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text, tokenize(text))]


def not_in_gazetteers(*words: str) -> bool:
    gaz = resources().gazetteer
    return all(norm(w) not in gaz and norm(w)[2:] not in gaz for w in words)


def test_new_minister_seen_only_in_context():
    # An invented minister: neither name token is in any gazetteer, only the title says who he is.
    text = "وأدى الوزير الجديد طارق الزعبلاوي اليمين الدستورية أمام الرئيس في القصر."
    assert not_in_gazetteers("الزعبلاوي")
    assert ("طارق الزعبلاوي", "PER") in found(text)


@pytest.mark.xfail(strict=True, reason="known limit since issue 17: the CRFs alone miss an unseen group after "
                   "its head noun; the neural pass (SaudiNewsNet-derived, withdrawn) found it")
def test_new_armed_group_after_its_head_noun_is_an_organisation():
    # An invented armed group: no gazetteer knows its words as a name; حركة and the context must carry it.
    text = "وأعلنت حركة أحرار الجنوب المسلحة مسؤوليتها عن الهجوم الذي استهدف قافلة عسكرية قرب الحدود."
    assert not_in_gazetteers("أحرار")
    orgs = [(name, kind) for name, kind in found(text) if kind == "ORG"]
    assert orgs and orgs[0][0].startswith("حركة أحرار الجنوب")


def test_new_foreign_minister_and_unknown_surname():
    text = "وقال وزير الخارجية الجديد نوفل الحمداوي في مؤتمر صحفي إن بلاده ترفض التدخل الأجنبي."
    assert not_in_gazetteers("الحمداوي")
    assert found(text) == [("نوفل الحمداوي", "PER")]


def test_spokeswoman_and_capital_are_typed():
    # An invented surname: the real spokeswoman (زاخاروفا) is now in the knowledge-base gazetteer.
    text = "وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا كوزلوفيتسكايا إن موسكو سترد."
    assert not_in_gazetteers("كوزلوفيتسكايا")
    result = found(text)
    assert ("ماريا كوزلوفيتسكايا", "PER") in result
    assert ("موسكو", "GPE") in result


def test_country_in_news_sentence_is_gpe():
    # ant:BB-middleEast-1066-20181006 (BBC Arabic)
    text = "كما نص الاتفاق على أن تقوم تركيا بإخراج كافة الفصائل بعتادها من دبابات وصواريخ ومدافع هاون من إدلب."
    result = found(text)
    assert ("تركيا", "GPE") in result
    assert all(t != "PER" for _, t in result)


def test_new_surname_repeated_without_title_is_found_through_the_document():
    # Replaces the armed-group xfail («حركة أحرار الجنوب المسلحة» is still missed, see MODEL_CARD.md):
    # an invented surname, introduced with a title, is found again where it stands alone (pass 2).
    text = ("وقال الوزير الجديد طارق الزعبلاوي إن الحكومة ستعلن خطتها قريبا.\n"
            "ويواجه الزعبلاوي ملفات صعبة في الأشهر المقبلة.")
    assert not_in_gazetteers("الزعبلاوي")
    assert found(text) == [("طارق الزعبلاوي", "PER"), ("الزعبلاوي", "PER")]


def test_mention_after_clitic_starts_at_the_name():
    text = "وصل رئيس الوزراء العراقي حيدر العبادي إلى القاهرة في زيارة رسمية وعاد منها إلى بغداد."
    result = found(text)
    assert ("حيدر العبادي", "PER") in result
    assert ("القاهرة", "GPE") in result and ("بغداد", "GPE") in result


def test_default_ner_is_the_crfs_alone_and_says_so():
    text = "وقال وزير الخارجية الجديد نوفل الحمداوي في بغداد إن العراق شريك مهم."
    default = Pipeline.build(Options(stages=("sentences", "tokens", "ner")))
    assert default.provenance["stages"][-1] == "ner.v1" and load().neural is None
    mentions = default.run(Article("t0", text)).get("mentions")
    assert [(text[m.start:m.end], m.type) for m in mentions][:2] == [("نوفل الحمداوي", "PER"), ("بغداد", "GPE")]


def test_regression_ner_v2_without_a_neural_pass_says_how_to_get_one():
    # Its weights left the package (issue 17): naming ner.v2 must say why it cannot run and what to do.
    with pytest.raises(PipelineError, match="ner.v2 needs a neural pass.*khabar train ner.*or use ner.v1"):
        Pipeline.build(Options(stages=("sentences", "tokens", "ner.v2")))


def test_malformed_line_names_file_and_line(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("وصل O\nحيدر BX-PERS\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(str(f))
    assert err.value.line == 2 and err.value.source == str(f)
    with pytest.raises(InputError):
        evaluate_file(str(tmp_path / "missing.txt"))


def test_shipped_model_is_small_and_records_its_scores():
    files = sorted(f.name for f in MODEL_PATH.parent.glob(MODEL_PATH.stem + ".*"))
    assert files == ["ner.crfsuite", "ner.meta.json", "ner.pass1.crfsuite"]  # both CRFs; no neural pass
    assert sum((MODEL_PATH.parent / f).stat().st_size for f in files) <= 10 * 1024 * 1024
    assert meta()["dev"]["f1"] >= 0.77 and meta()["passes"] == 2 and "neural" not in meta()


def test_regression_no_shipped_weight_derived_from_saudinewsnet():
    # Issue 17: SaudiNewsNet is CC BY-NC-SA; the encoder pretrained on it and the pass tuned on it are gone.
    from khabar.resources import DATA_ROOT

    assert not list(DATA_ROOT.rglob("*.npz"))
    assert not (DATA_ROOT.parents[1] / "models").exists()


def test_doc_features_leave_out_the_token_itself():
    # A word's own first-pass label must not feed its own pass-2 features, or pass 2 would only copy pass 1.
    keys = [["زيد", "قال"], ["زيد"]]
    labels = [["B-PERS", "O"], ["O"]]
    feats = doc_features(keys, labels)
    assert feats[0][0] == ["d=O", "dm=O"]  # the other occurrence was O
    assert "d=PERS" in feats[1][0] and "dl=B-PERS" in feats[1][0]
    assert feats[0][1] == []  # «قال» occurs nowhere else


def test_doc_features_stay_inside_the_window():
    keys = [["زيد"]] + [["و"]] * 30 + [["زيد"]]
    labels = [["B-PERS"]] + [["O"]] * 30 + [["O"]]
    feats = doc_features(keys, labels, window=25)
    assert feats[-1][0] == [] and feats[0][0] == []


def test_doc_keys_match_a_name_with_and_without_clitics():
    units = [unit_of(w) for w in ("للبنك", "البنك", "بنك", ".")]
    keys = doc_keys(units)
    assert keys[0] == keys[1] == keys[2] and keys[3] is None


def test_with_doc_adds_neighbour_features():
    out = with_doc([["a"], ["b"], ["c"]], [["d=ORG"], [], []])
    assert out[0] == ["a", "d=ORG"] and "-1d=ORG" in out[1] and "-2d=ORG" in out[2]


def test_sentence_alone_is_a_one_sentence_document():
    units = [unit_of(w) for w in "وقال وزير الخارجية الجديد نوفل الحمداوي في مؤتمر صحفي .".split()]
    model = load()
    assert model.mentions(units) == model.mentions_doc([units])[0]


def test_train_writes_a_two_pass_model(tmp_path):
    rows = []
    names = ["زيد", "عمرو", "خالد", "سعيد", "نوفل", "طارق"]
    for k in range(24):
        rows.append(f"وقال O\nالوزير O\n{names[k % 6]} B-PERS\nإن O\nبغداد B-LOC\nآمنة O\n. O\n")
    f = tmp_path / "tiny.txt"
    f.write_text("\n".join(rows), encoding="utf-8")
    out = tmp_path / "m.crfsuite"
    scores = train([str(f)], str(out), folds=2, params={"max_iterations": 20})
    assert out.exists() and first_pass_path(out).exists()
    assert json.loads(out.with_suffix(".meta.json").read_text(encoding="utf-8"))["passes"] == 2
    assert scores["per_type"]["LOC"]["f1"] == 1.0
    assert NerModel(out).first is not None


@needs_shared
def test_eval_on_wojood_sample_test_gives_all_types():
    result = evaluate_file(str(SHARED / "data" / "ner" / "wojood-sample-test.txt"))
    assert {"PERS", "ORG", "GPE"} <= set(result["per_type"])
    assert result["f1"] > 0.25
    json.dumps(result)  # the --json output is plain JSON


def test_word_first_kb_alias_is_not_a_kb_gazetteer_entry():
    # Regression: الأقصر ("the shortest") came in as KB_GPE (Luxor) and the model tagged it as a place.
    assert "KB_GPE" not in (resources().gazetteer.get(norm("الأقصر")) or "")
    text = "والحدود الجزائرية الموريتانية التي يناهز طولها 460 كلم هي الأقصر لكل من البلدين الشاسعين."
    assert found(text) == []


def test_regression_lone_surrogate_does_not_crash_the_tagger():
    # Found by the property test: crfsuite encodes features as UTF-8, which '\ud800' cannot be.
    import datetime as dt

    from khabar.doc import Article
    from khabar.pipeline import Pipeline

    doc = Pipeline.build().run(Article(id="s", text="قال \ud800 الرئيس بوتين", date=dt.date(2026, 3, 12)))
    assert all(doc.text[m.start:m.end] for m in doc.get("mentions"))


def test_regression_long_document_features_recomputed_give_the_same_labels(monkeypatch):
    # Issue 18: held for a whole 1 MB article, both passes' CRF features took most of a gigabyte; a long
    # document now has them computed again for pass 2, which must not change a single label.
    from helpers import seed_body
    from khabar.entities.ner import model as model_module

    text = seed_body()
    pieces = chunks(text, tokenize(text))
    doc = [[unit_of_token(text, t) for t in piece] for piece in pieces]
    tagger = NerModel(MODEL_PATH, neural=False)
    tagger.scores = None  # crfsuite's own tagger, as the neural pass uses it: it holds the features
    kept = tagger.tag_doc(doc)
    monkeypatch.setattr(model_module, "KEEP_SENTENCES", 0)
    assert tagger.tag_doc(doc) == kept and any(label != "O" for labels in kept for label in labels)
