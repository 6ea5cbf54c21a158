"""The word layer: each token once, with original and normalised offsets, clitic parts and its sentence."""
import datetime as dt

from khabar.doc import Article, Doc
from khabar.pipeline import Options, Pipeline
from khabar.text.words import build_words, word_layer

TEXT = "وقال مصطفى إنّ الأمم المتحدة وبالمدينة، للأمم 3.5 ف2.\n\nوزير الخارجية الروسي."


def _doc(text: str = TEXT) -> Doc:
    pipeline = Pipeline.build(Options(stages=("sentences.v1", "tokens.v1")))
    return pipeline.run(Article("w", text, date=dt.date(2018, 1, 1)))


def _token(doc: Doc, written: str):
    return next(w for w in doc.get("words").tokens if doc.text[w.start:w.end] == written)


def test_tokens_stage_adds_the_word_layer_once():
    doc = _doc()
    layer = doc.get("words")
    assert doc.owner("words") == "tokens.v1"
    assert [(w.start, w.end) for w in layer.tokens] == [(t.start, t.end) for t in doc.get("tokens")]
    assert list(layer.starts) == [w.start for w in layer.tokens]
    assert word_layer(doc) is layer


def test_clitic_parts_of_wa_bi_al_madina():
    """وبالمدينة: the conjunction و and the preposition ب are parts; the lookup bases strip them."""
    w = _token(_doc(), "وبالمدينة")
    assert [(TEXT[p.start:p.end], p.role) for p in w.parts] == [("و", "conj"), ("ب", "prep"), ("المدينة", "stem")]
    assert w.norm == "وبالمدينه" and w.conj and w.bare == "بالمدينه"
    assert w.bases == ("وبالمدينه", "بالمدينه", "المدينه") and w.has_conj


def test_normalised_offsets_after_hamza_alef_maqsura_and_shadda():
    """أ and ى fold in place; the shadda of إنّ is dropped, so every later word is one back in the view."""
    doc = _doc()
    mustafa, inna, umam = _token(doc, "مصطفى"), _token(doc, "إنّ"), _token(doc, "الأمم")
    assert mustafa.norm == "مصطفي" and (mustafa.nstart, mustafa.nend) == (mustafa.start, mustafa.end)
    assert inna.norm == "ان" and (inna.end - inna.start, inna.nend - inna.nstart) == (3, 2)
    assert umam.norm == "الامم" and umam.nstart == umam.start - 1
    assert doc.normalized.text[umam.nstart:umam.nend] == umam.norm


def test_wazir_keeps_its_waw():
    """وزير is no و+زير: the tokenizer keeps it whole, so bare leaves it as it is."""
    w = _token(_doc(), "وزير")
    assert not w.conj and w.bare == "وزير" and w.roles == ("stem",)


def test_words_know_their_sentence_and_paragraph():
    doc = _doc()
    first, last = _token(doc, "وقال"), _token(doc, "الروسي")
    assert (first.sentence, first.paragraph) == (0, 0)
    assert last.sentence == len(doc.get("sentences")) - 1 and last.paragraph == 1


def test_name_words_are_letter_and_digit_runs_of_the_normalised_text():
    """The name view splits 3.5 and joins ف2, as KB keys are written; original spans map back."""
    doc = _doc()
    names = doc.get("words").names
    assert [w.norm for w in names[6:10]] == ["للامم", "3", "5", "ف2"]
    assert list(doc.get("words").name_starts) == [w.nstart for w in names]
    umam = names[3]
    assert (umam.norm, TEXT[umam.start:umam.end]) == ("الامم", "الأمم")


def test_name_words_are_lower_cased():
    doc = Doc(Article("w", "قال Trump"))
    assert [w.norm for w in build_words(doc).names] == ["قال", "trump"]


def test_layer_built_on_the_spot_without_a_tokens_stage():
    """A Doc without the layer gets one from its tokens (none here: no tokens layer, no words)."""
    doc = Doc(Article("w", "وقال بوتين"))
    layer = word_layer(doc)
    assert layer.tokens == () and [w.norm for w in layer.names] == ["وقال", "بوتين"]
