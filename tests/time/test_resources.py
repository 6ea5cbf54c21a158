"""Integrity of the time data files in khabar/data/time/."""
from __future__ import annotations

import pytest

from khabar.errors import ResourceError
from khabar.resources import check
from khabar.time.calendar import hijri_to_date
from khabar.time.lexicon import MONTHS_SCHEMA, load_lexicon


@pytest.fixture(scope="module")
def lx():
    return load_lexicon()


def test_every_month_has_names_in_every_region(lx):
    assert set(lx.months.values()) == set(range(1, 13))
    # Egyptian/Gulf, Levantine and Maghrebi spellings, normalised
    for name, month in [("يناير", 1), ("كانون الثاني", 1), ("جانفي", 1), ("اذار", 3), ("افريل", 4),
                        ("ماي", 5), ("جوان", 6), ("جويليه", 7), ("اوت", 8), ("تشرين الاول", 10)]:
        assert lx.months[name] == month


def test_no_name_means_two_things(lx):
    assert not set(lx.months) & set(lx.hijri_months)
    assert not set(lx.months) & set(lx.weekdays)
    assert lx.ambiguous_months <= set(lx.months)
    assert lx.ambiguous_hijri <= set(lx.hijri_months)


def test_weekdays_and_hijri_months_are_complete(lx):
    assert set(lx.weekdays.values()) == set(range(7))
    assert set(lx.hijri_months.values()) == set(range(1, 13))


def test_ordinals_cover_every_day_of_a_month(lx):
    assert set(lx.ordinals.values()) == set(range(1, 32))


def test_number_words_and_units(lx):
    assert lx.cardinals["ثلاثه"] == 3 and lx.cardinals["عشرين"] == 20
    assert lx.units["اسبوعين"] == ("week", 2) and lx.units["ايام"] == ("day", None)


def test_modifiers_and_day_offsets(lx):
    assert lx.modifiers["الماضي"] == "past" and lx.modifiers["القادمه"] == "next"
    assert lx.days["اول امس"] == -2 and lx.days["بعد غد"] == 2


def test_a_month_file_without_version_is_refused():
    with pytest.raises(ResourceError):
        check("time/months.yaml", {"description": "x", "months": {}, "ambiguous": ["آب"]}, MONTHS_SCHEMA)


def test_hijri_conversion_of_a_known_day():
    # 15 Ramadan 1447 (the guidelines' example) is 2026-03-04 in the Umm al-Qura calendar
    assert hijri_to_date(1447, 9, 15).isoformat() == "2026-03-04"
