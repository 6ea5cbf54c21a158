"""The tokeniser: clitics as sub-spans, names kept whole, offsets into the text."""
import pytest

from khabar.text.clitics import segment
from khabar.text.tokens import tokenize


def parts_of(word):
    (token,) = tokenize(word)
    return [(word[p.start:p.end], p.role) for p in token.parts]


@pytest.mark.parametrize("word, parts", [
    ("والمحادثات", [("و", "conj"), ("ال", "det"), ("محادثات", "stem")]),   # seed
    ("وقال", [("و", "conj"), ("قال", "stem")]),                             # seed
    ("وأضاف", [("و", "conj"), ("أضاف", "stem")]),                           # seed
    ("للرئيس", [("ل", "prep"), ("ل", "det"), ("رئيس", "stem")]),             # seed: للرئيس دونالد ترامب
    ("بأنّه", [("ب", "prep"), ("أنّ", "stem"), ("ه", "pron")]),             # seed: وأقرّ ... بأنه
    ("سيعود", [("س", "future"), ("يعود", "stem")]),                         # seed
    ("لقاءاته", [("لقاءات", "stem"), ("ه", "pron")]),                       # seed
    ("وطبيعتها", [("و", "conj"), ("طبيعت", "stem"), ("ها", "pron")]),        # seed
    ("بالإضافة", [("ب", "prep"), ("ال", "det"), ("إضافة", "stem")]),
    ("معه", [("مع", "stem"), ("ه", "pron")]),                               # seed: تحدث معه
    ("بلادنا", [("بلاد", "stem"), ("نا", "pron")]),
    ("لها", [("ل", "prep"), ("ها", "pron")]),
])
def test_clitics_become_sub_spans(word, parts):
    assert parts_of(word) == parts


@pytest.mark.parametrize("word", [
    "بيسكوف",    # seed: not ب+يسكوف
    "لافروف",    # not ل+افروف
    "كييف",      # seed: not ك+ييف
    "فلوريدا",   # seed: not ف+لوريدا
    "وزير",      # root و
    "وسيلة",     # root و, and its ة is not a pronoun
    "فرنسا",     # root ف
    "الله",
    "الذي",      # seed
])
def test_names_and_root_letters_stay_whole(word):
    assert parts_of(word) == [(word, "stem")]


def test_name_behind_a_clitic_is_split_off_but_kept_whole():
    # seed: وفولوديمير زيلينسكي; a known name after و stays one stem.
    assert parts_of("وبوتين") == [("و", "conj"), ("بوتين", "stem")]
    assert parts_of("لبوتين") == [("ل", "prep"), ("بوتين", "stem")]


def test_tokens_of_a_seed_sentence():
    text = "وقال دميترييف في منشور عبر تطبيق «تلغرام»، «ناقشنا مشاريع واعدة»."
    tokens = tokenize(text)
    assert [text[t.start:t.end] for t in tokens] == [
        "وقال", "دميترييف", "في", "منشور", "عبر", "تطبيق", "«", "تلغرام", "»", "،", "«", "ناقشنا", "مشاريع",
        "واعدة", "»", "."]
    assert {t.kind for t in tokens} == {"word", "punct"}


def test_numbers_latin_and_symbols():
    text = "ارتفع بنسبة 3.5% في ١٢/٣/٢٠٢٦ وفق CNN 😀"
    tokens = tokenize(text)
    kinds = {text[t.start:t.end]: t.kind for t in tokens}
    assert kinds["3.5"] == "number" and kinds["١٢/٣/٢٠٢٦"] == "number"
    assert kinds["CNN"] == "latin" and kinds["%"] == "punct" and kinds["😀"] == "symbol"


def test_parts_tile_the_token_even_with_diacritics():
    text = "وَالْمُحَادَثَاتُ"
    (token,) = tokenize(text)
    assert token.parts[0].start == token.start and token.parts[-1].end == token.end
    assert all(a.end == b.start for a, b in zip(token.parts, token.parts[1:]))
    assert [p.role for p in token.parts] == ["conj", "det", "stem"]


def test_segment_works_on_normalised_words():
    assert segment("والمحادثات") == [(0, 1, "conj"), (1, 3, "det"), (3, 10, "stem")]
