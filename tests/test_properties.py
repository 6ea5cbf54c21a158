"""Property tests: any text through the full pipeline gives valid records whose spans index the text."""
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.record import spans, to_record, validate
from khabar.doc import Article
from khabar.pipeline import Pipeline
from khabar.text.normalize import NormalizedView
from khabar.text.sentences import split_sentences
from khabar.text.tokens import tokenize

PIPELINE = Pipeline.build()
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")

# Arabic letters and marks, RTL/bidi controls, quote marks, punctuation, digits, emoji and anything else.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIAL = st.sampled_from(list("«»“”\"'.،؛؟!:()-/\n \u200f\u200e\u202b\u202c\u0640\u064b\u0651ﻻ٫😀🇸🇦\r"))
TEXT = st.text(st.one_of(ARABIC, SPECIAL, st.characters()), max_size=300)
WORDS = st.lists(st.sampled_from(["قال", "الرئيس", "«", "»", "أمس", "اليوم", "الجمعة", "إن", "وأضاف", "بوتين",
                                  "وزارة", "الدفاع", ".", "،", "١٢/٣/٢٠٢٦", "العام", "الماضي", "\n"]),
                 max_size=60).map(" ".join)


def check_record(text: str) -> None:
    doc = PIPELINE.run(Article(id="p", text=text, date=dt.date(2026, 3, 12)))
    record = to_record(doc, PIPELINE.provenance)
    validate(record)
    for span in spans(record):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"]
    for timex in record["timexes"]:
        assert VALUE.match(timex["value"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_a_valid_record(text):
    check_record(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_news_like_word_soup_gives_a_valid_record(text):
    check_record(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tokens_and_sentences_stay_inside_the_text(text):
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        for t in tokenize(text, s.start, s.end):
            assert s.start <= t.start < t.end <= s.end
            assert t.parts[0].start == t.start and t.parts[-1].end == t.end


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_normalised_spans_map_back_inside_the_text(text, data):
    view = NormalizedView(text)
    n = len(view.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    span = view.to_original(start, end)
    assert 0 <= span.start <= span.end <= len(text)
