"""Name keys (text/names.py) and the clitic look-up variants (text/clitics.py), on real Arabic names."""
from khabar.text.clitics import lookup_bases, name_variants, without_conjunction
from khabar.text.names import name_key, name_tokens, skeleton, strip_article


def test_name_tokens_normalise_and_split_at_punctuation_hash_and_underscore():
    assert name_tokens("الأمم_المتحدة") == ("الامم", "المتحده")
    assert name_tokens("#مصطفى، Trump") == ("مصطفي", "trump")
    assert name_key("  فلاديمير   بوتين ") == "فلاديمير بوتين"


def test_skeleton_joins_spelling_variants():
    assert skeleton("ترامب") == skeleton("ترمب") == "ترمب"
    assert skeleton("زيلينسكي") == skeleton("زيلنسكي")
    assert skeleton("علي") == "علي"  # short tokens stay as they are
    assert skeleton("trump") == "trump"


def test_strip_article_leaves_enough():
    assert strip_article("الكرملين") == "كرملين"
    assert strip_article("الله") == "الله"


def test_name_variants_strip_conjunction_and_preposition():
    """وبالمدينه: و, then ب; للامم gives the key الامم while the span keeps its لل."""
    assert name_variants("وبالمدينه") == ((0, "وبالمدينه"), (1, "بالمدينه"), (2, "المدينه"))
    assert name_variants("للامم") == ((0, "للامم"), (0, "الامم"), (1, "لامم"))
    assert name_variants("بو") == ((0, "بو"),)  # two letters must remain


def test_lookup_bases_need_four_letters():
    assert lookup_bases("وبالمدينه") == ("وبالمدينه", "بالمدينه", "المدينه")
    assert lookup_bases("وللجيش") == ("وللجيش", "للجيش", "الجيش")
    assert lookup_bases("وقت") == ("وقت",)


def test_without_conjunction_leaves_three_letters():
    assert without_conjunction("وقال") == "قال"
    assert without_conjunction("فقد") == "فقد"
    assert without_conjunction("بوتين") == "بوتين"
