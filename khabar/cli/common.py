"""What every sub-command shares: exit statuses, the one-line message, and the small argument types."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def report(message: str) -> None:
    """One line on standard error, prefixed so the user knows who speaks."""
    print(f"khabar: {message}", file=sys.stderr)


def day(value: str) -> dt.date:
    """An argparse type: a date YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def stage_list(value: str) -> tuple[str, ...]:
    """An argparse type: comma-separated stage names."""
    return tuple(s.strip() for s in value.split(",") if s.strip())


def positive(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def at_least(low: int):
    """An argparse type: an integer no smaller than `low`."""
    def parse(value: str) -> int:
        n = int(value)
        if n < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {n}")
        return n
    parse.__name__ = "int"  # argparse names the type in its message for a non-integer
    return parse
