"""The normalised view: what it folds, and that every offset maps back to the original."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import NormalizedView, normalize


@pytest.mark.parametrize("original, folded", [
    ("مسيَّرات", "مسيرات"),            # diacritics (seed)
    ("اجتماعاً", "اجتماعا"),            # tanwin (seed)
    ("المدمّرة", "المدمره"),            # shadda and ta marbuta (seed)
    ("مـــوسكو", "موسكو"),              # tatweel
    ("أعلن إيران آذار ٱلله", "اعلن ايران اذار الله"),  # alef forms
    ("إلى مصطفى", "الي مصطفي"),         # alef maqsura -> ya
    ("١٢/٣/٢٠٢٦", "12/3/2026"),         # Arabic-Indic digits
    ("۱۲", "12"),                       # Persian digits
    ("«إكس» “نعم” „لا‟", '"اكس" "نعم" "لا"'),  # quote marks
    ("\u200fقال\u200e", "قال"),          # bidi marks
    ("ﻻ", "لا"),                         # presentation form (lam-alef ligature)
])
def test_normalize_folds(original, folded):
    assert normalize(original) == folded


def test_view_maps_a_word_back_through_diacritics():
    text = "وقال بيسكوف خلال مؤتمره الصحافي «من الواضح أن التعاون يمكن أن يكون عاملاً مهماً جداً»"
    view = NormalizedView(text)
    start = view.text.index("عاملا مهما")
    span = view.to_original(start, start + len("عاملا مهما"))
    assert text[span.start:span.end] == "عاملاً مهماً"


def test_view_maps_expanded_ligature_back_to_one_character():
    text = "قال ﻻ أعرف"
    view = NormalizedView(text)
    start = view.text.index("لا")
    span = view.to_original(start, start + 2)
    assert text[span.start:span.end] == "ﻻ"


def test_from_original_and_back_round_trip():
    text = "أعلن الإليزيه أمسِ أنّ الرئيسين سيناقشان"
    view = NormalizedView(text)
    s, e = view.from_original(text.index("أنّ"), text.index("أنّ") + 3)
    assert view.text[s:e] == "ان"
    span = view.to_original(s, e)
    assert text[span.start:span.end] == "أنّ"


def test_empty_span_maps_to_an_empty_span():
    view = NormalizedView("أمس")
    span = view.to_original(3, 3)
    assert span.start == span.end == 3


def test_out_of_range_span_is_refused():
    with pytest.raises(ValueError):
        NormalizedView("أمس").to_original(0, 9)


def reference_origin(text):
    """The original offset of every normalised character, computed one character at a time."""
    from khabar.text.normalize import fold_char

    return [i for i, ch in enumerate(text) for _ in fold_char(ch)]


SNIPPETS = [
    "أعلن كيريل دميترييف أنّه عقد «اجتماعاً مثمراً» في فلوريدا",  # seed: diacritics, shadda, guillemets
    "الموافق 10 شوال 1439 هـ (24 يونيو 2018).",  # ant:AL-economy-880-20180624: tatweel after a letter
    "بتاريخ ١٢/٣/٢٠٢٦ ﻻ يزال الاجتمـــاع قائماً",  # digits, a ligature, tatweel
    "نص \ufdd0 نص",  # an unassigned presentation-form code point stays as it is
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_translate_view_agrees_with_a_character_by_character_fold(text):
    view = NormalizedView(text)
    origin = reference_origin(text)
    assert view.text == normalize(text) and len(origin) == len(view.text)
    assert [view.origin(i) for i in range(len(view.text))] == origin


@settings(max_examples=400, deadline=None)
@given(st.text(st.one_of(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
                         st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
                         st.sampled_from(list("«» \u200f\u0640")), st.characters()), max_size=80))
def test_offsets_agree_with_the_reference_on_any_text(text):
    view = NormalizedView(text)
    origin = reference_origin(text)
    assert [view.origin(i) for i in range(len(view.text))] == origin
    for i in range(len(text) + 1):
        n = view.from_original(i, i)[0]
        assert n == sum(1 for o in origin if o < i)
