"""Publication dates in article records."""
from __future__ import annotations

import datetime as dt
import re

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|$)")


def parse_record_date(value: object) -> dt.date | None:
    """The local calendar day of a record's date (`2018-06-18T04:14:10+00:00` -> 2018-06-18).

    The day is read as written, in the record's own time zone: that is the day
    the article was published where it was published. Raises ValueError when
    the value is present but is not a date.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, not {type(value).__name__}")
    m = _ISO_DAY.match(value)
    if not m:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD[THH:MM:SS...]")
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
