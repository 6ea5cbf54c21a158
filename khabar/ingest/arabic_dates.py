"""Arabic written dates (`١١ آذار ٢٠٢٦`, `3 مارس 2026`): the fallback when htmldate finds none or misreads one."""
from __future__ import annotations

import datetime as dt
import re

# Kept here rather than borrowed from khabar/time: ingest must read dates before, and without, the time stage.
MONTHS = {
    1: ("يناير", "كانون الثاني", "جانفي"), 2: ("فبراير", "شباط", "فيفري"), 3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل"), 5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"), 7: ("يوليو", "يوليه", "تموز", "جويلية"),
    8: ("أغسطس", "اغسطس", "آب", "أوت"), 9: ("سبتمبر", "أيلول", "ايلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"), 11: ("نوفمبر", "تشرين الثاني"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول"),
}
_BY_NAME = {name: number for number, names in MONTHS.items() for name in names}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NAMES = "|".join(sorted(map(re.escape, _BY_NAME), key=len, reverse=True))
# Day, month name (optionally followed by a bracketed alternative name: `آذار (مارس)`), year.
_DATE = re.compile(rf"(?<![\d٠-٩])([0-9٠-٩۰-۹]{{1,2}})\s+({_NAMES})(?:\s*[(/]\s*(?:{_NAMES})\s*\)?)?\s*،?\s+"
                   rf"([0-9٠-٩۰-۹]{{4}})(?![\d٠-٩])")


def find_arabic_date(text: str) -> dt.date | None:
    """The first valid `day month-name year` date in the text, or None."""
    for m in _DATE.finditer(text):
        day, year = int(m.group(1).translate(_DIGITS)), int(m.group(3).translate(_DIGITS))
        try:
            return dt.date(year, _BY_NAME[m.group(2)], day)
        except ValueError:
            continue  # 31 شباط: not a date, look further
    return None
