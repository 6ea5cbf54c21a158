"""Datelines: the seed's header line and the common in-body forms."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.text.dateline import find_in_body, parse_header


def test_seed_header_line():
    # seed-article.txt
    d = parse_header("date 2026-03-12 موسكو، كييف (الاتحاد، وكالات)")
    assert d.date == dt.date(2026, 3, 12)
    assert d.places == ("موسكو", "كييف") and d.source == "الاتحاد" and d.agencies == ("وكالات",)


@pytest.mark.parametrize("text,places,source,agencies", [
    ("القاهرة - (رويترز) - قالت مصادر أمنية", ("القاهرة",), "رويترز", ("رويترز",)),
    ("لندن: «الشرق الأوسط» أعلنت الشرطة البريطانية", ("لندن",), "الشرق الأوسط", ()),
    ("موسكو، كييف (الاتحاد، وكالات) أعلن كيريل دميترييف", ("موسكو", "كييف"), "الاتحاد", ("وكالات",)),
    ("واشنطن - أ ف ب أكد الرئيس الأميركي", ("واشنطن",), "أ ف ب", ("أ ف ب",)),
])
def test_in_body_forms(text, places, source, agencies):
    d = find_in_body(text)
    assert (d.places, d.source, d.agencies) == (places, source, agencies)
    assert text[d.span.start:d.span.end] == d.raw


def test_a_parenthesised_adjective_is_no_dateline():
    # seed body: قال الرئيس (الروسي) is not a dateline
    assert find_in_body("قال الرئيس (الروسي) إن المحادثات مثمرة") is None
