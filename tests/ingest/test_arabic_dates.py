"""Written dates read their month names from khabar/data/time/months.yaml, as ingest's own list read them."""
from __future__ import annotations

import datetime as dt

from khabar.ingest.arabic_dates import find_arabic_date
from khabar.resources.calendar import month_names, written_month_names


def test_spellings_without_hamza_are_read_as_written():
    # the three spellings the old in-module list had and months.yaml lacked
    assert find_arabic_date("دمشق 5 ايار 2025") == dt.date(2025, 5, 5)
    assert find_arabic_date("بيروت ٢ تشرين الاول ٢٠٢٥") == dt.date(2025, 10, 2)
    assert find_arabic_date("بغداد 31 كانون الاول 2025") == dt.date(2025, 12, 31)


def test_spellings_ingest_skips_are_still_not_read():
    # ant:SK-middleEast-3165-20180729: نونبر is a month name for the time stage, not (yet) for ingest
    assert find_arabic_date("كانت في 13 نونبر 2012، ولم يدم") is None
    assert "نونبر" in month_names()[11] and "نونبر" not in written_month_names()[11]


def test_every_skipped_spelling_is_a_month_name():
    every = {n for names in month_names().values() for n in names}
    ingest = {n for names in written_month_names().values() for n in names}
    assert ingest < every  # a strict subset: the skip list names only listed spellings
