"""Sentence splitting on real sentences from the seed and the dev articles."""
from khabar.text.sentences import quoted_regions, split_sentences
from helpers import seed_body


def texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_seed_has_one_sentence_per_paragraph_except_the_peskov_pair():
    body = seed_body()
    got = texts(body)
    assert len(got) == 12
    assert got[0].startswith("أعلن كيريل دميترييف")
    # Paragraph 8 holds two sentences: the quote closes with ». and وأقرّ starts the next.
    assert got[7].endswith("لاستقرار هذه الأسواق».")
    assert got[8].startswith("وأقرّ، مع ذلك، بأنه")


def test_full_stop_inside_a_quote_does_not_split():
    # A multi-sentence quote stays one sentence with its cue.
    text = "وقال المتحدث «نحن مستعدون. لكننا لن نقبل الشروط». ثم غادر القاعة."
    assert texts(text) == ["وقال المتحدث «نحن مستعدون. لكننا لن نقبل الشروط».", "ثم غادر القاعة."]


def test_quote_ending_with_its_own_full_stop_ends_the_sentence():
    text = "قال: «انتهى الأمر.» وغادر الوفد."
    assert texts(text) == ["قال: «انتهى الأمر.»", "وغادر الوفد."]


def test_numbers_and_dates_do_not_split():
    text = "بلغ النمو 3.5 في المئة في 12/3/2026 بحسب التقرير. وتراجع التضخم."
    assert texts(text) == ["بلغ النمو 3.5 في المئة في 12/3/2026 بحسب التقرير.", "وتراجع التضخم."]


def test_arabic_question_mark_ends_and_comma_does_not():
    text = "هل ستنسحب القوات؟ قال الوزير، في مؤتمر صحافي، إن القرار لم يتخذ بعد؛ وإن المشاورات مستمرة."
    assert texts(text) == ["هل ستنسحب القوات؟",
                           "قال الوزير، في مؤتمر صحافي، إن القرار لم يتخذ بعد؛ وإن المشاورات مستمرة."]


def test_initialisms_and_abbreviations_do_not_split():
    text = "ذكرت وكالة أ.ف.ب أن د. أحمد زويل حضر. وانتهى اللقاء."
    assert texts(text) == ["ذكرت وكالة أ.ف.ب أن د. أحمد زويل حضر.", "وانتهى اللقاء."]


def test_unclosed_quote_never_runs_past_the_paragraph():
    text = "وقال «لن نتراجع. سنواصل العمل\nوفي سياق آخر، أعلنت الوزارة الخطة."
    got = split_sentences(text)
    assert [s.paragraph for s in got] == [0, 0, 1]
    assert text[got[2].start:got[2].end] == "وفي سياق آخر، أعلنت الوزارة الخطة."


def test_straight_quotes_pair_up():
    # ant:FR-internationalNews-773-20180417 (dev): a straight-quoted phrase inside a sentence.
    text = 'قرر قاض فرنسي تغيير اسم طفل من جهاد إلى جاهد "مراعاة لمصلحته". وقال المحامي إن القرار نهائي.'
    regions = quoted_regions(text, 0, len(text))
    assert len(regions) == 1 and text[regions[0][0] + 1:regions[0][1]] == "مراعاة لمصلحته"
    assert len(texts(text)) == 2


def test_spans_are_trimmed_and_index_the_text():
    text = "  قال الرئيس.   وأضاف الوزير.  "
    for s in split_sentences(text):
        assert text[s.start:s.end] == text[s.start:s.end].strip()
