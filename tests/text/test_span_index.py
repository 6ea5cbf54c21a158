"""SpanIndex (issue 18): the spans that overlap a range, by bisection, exactly as a scan finds them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.doc import Span
from khabar.text.span import SpanIndex
from khabar.text.tokens import tokenize

spans = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: Span(p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25), spans)
def test_overlapping_is_the_scan_in_the_order_added(held, query):
    index = SpanIndex()
    for k, s in enumerate(held):
        index.add(s, k)
    plain = [(s.start, s.end, k) for k, s in enumerate(held) if s.overlaps(query)]
    assert index.overlapping(query.start, query.end) == plain
    assert index.overlaps_any(query) == any(s.overlaps(query) for s in held)


def test_taken_words_of_a_real_sentence():
    text = "وقال وزير الخارجية الإيراني محمد جواد ظريف في طهران إن بلاده لن تتفاوض."
    words = [Span(t.start, t.end) for t in tokenize(text) if t.kind == "word"]
    index = SpanIndex(words[4:7])  # محمد جواد ظريف
    name = Span(words[4].start, words[6].end)
    assert index.overlaps_any(name) and index.overlaps_any(Span(words[5].start + 1, words[5].start + 2))
    assert not index.overlaps_any(words[3]) and not index.overlaps_any(words[8])
    assert [text[s:e] for s, e, _ in index.overlapping(name.start, name.end)] == ["محمد", "جواد", "ظريف"]
