"""Arabic written dates (`١١ آذار ٢٠٢٦`, `3 مارس 2026`): the fallback when htmldate finds none or misreads one."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ..resources.calendar import written_month_names

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@lru_cache(maxsize=1)
def _month_numbers() -> Mapping[str, int]:
    """Month name as written -> number, from the time stage's table (data/time/months.yaml)."""
    # Through khabar.resources, not khabar.time: ingest reads dates before, and without, the time stage.
    # The raw text is matched, so the names stay as written, not normalised.
    return MappingProxyType({name: number for number, names in written_month_names().items() for name in names})


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern:
    """Day, month name (optionally followed by a bracketed alternative name: `آذار (مارس)`), year."""
    names = "|".join(sorted(map(re.escape, _month_numbers()), key=len, reverse=True))  # longest name first
    return re.compile(rf"(?<![\d٠-٩])([0-9٠-٩۰-۹]{{1,2}})\s+({names})(?:\s*[(/]\s*(?:{names})\s*\)?)?\s*،?\s+"
                      rf"([0-9٠-٩۰-۹]{{4}})(?![\d٠-٩])")


def find_arabic_date(text: str) -> dt.date | None:
    """The first valid `day month-name year` date in the text, or None."""
    for m in _date_pattern().finditer(text):
        day, year = int(m.group(1).translate(_DIGITS)), int(m.group(3).translate(_DIGITS))
        try:
            return dt.date(year, _month_numbers()[m.group(2)], day)
        except ValueError:
            continue  # 31 شباط: not a date, look further
    return None
