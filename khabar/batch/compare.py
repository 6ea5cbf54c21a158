"""Two batch outputs compared table by table: how the local and Spark engines are shown to agree."""
from __future__ import annotations

from pathlib import Path

from .parts import sorted_rows
from .tables import TABLES

COMPARED = (*TABLES, "duplicates")


def differences(a: str | Path, b: str | Path) -> dict[str, tuple[int, int]]:
    """Tables whose rows differ, with each side's row count; empty when the outputs are identical."""
    diff = {}
    for table in COMPARED:
        rows_a, rows_b = sorted_rows(Path(a), table), sorted_rows(Path(b), table)
        if rows_a != rows_b:
            diff[table] = (len(rows_a), len(rows_b))
    return diff


def row_counts(out: str | Path) -> dict[str, int]:
    """Rows per table of an output folder."""
    return {table: len(sorted_rows(Path(out), table)) for table in COMPARED}
