"""The output folder: one Parquet part per table per chunk, made visible by a commit marker.

A chunk's parts are written to temporary names and renamed; the chunk counts only once its marker
exists. A run killed half-way leaves parts without a marker, which the next run deletes: no
half-written chunk is ever read, and a resumed run writes no row twice.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import TABLES, schema

COMMITS = "_commits"


def new_run_id() -> str:
    """A short random id naming this run's parts."""
    return uuid.uuid4().hex[:12]


def part_name(run: str, chunk: int, piece: str = "0") -> str:
    """`<run>-<chunk>-<piece>`: a piece is a Spark partition or the driver; the chunk is the commit unit."""
    return f"{run}-{chunk:06d}-{piece}"


def write_part(out: Path, table: str, name: str, rows: list[dict[str, Any]]) -> None:
    """Write one part atomically (temp file, then rename); an empty list writes nothing."""
    if not rows:
        return
    folder = out / table
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{name}.{uuid.uuid4().hex[:6]}.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema(table)), tmp)
    os.replace(tmp, folder / f"{name}.parquet")


def write_parts(out: Path, name: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    """One part per table for a chunk (or a Spark partition of it)."""
    for table, rows in tables.items():
        write_part(out, table, name, rows)


def commit(out: Path, run: str, chunk: int) -> None:
    """Mark a chunk done: from now on its parts are read and its ids are skipped by --resume."""
    folder = out / COMMITS
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f"{run}-{chunk:06d}"
    tmp = folder / f".{marker.name}.tmp"
    tmp.write_text("ok\n")
    os.replace(tmp, marker)


def committed(out: Path) -> set[str]:
    """The `<run>-<chunk>` prefixes that have a commit marker."""
    folder = out / COMMITS
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")} if folder.exists() else set()


def _is_committed(path: Path, done: set[str]) -> bool:
    return "-".join(path.stem.split("-")[:2]) in done


def part_files(out: Path, table: str) -> list[Path]:
    """The committed part files of a table, in name order."""
    folder, done = out / table, committed(out)
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob("*.parquet") if table == "duplicates" or _is_committed(p, done))


def remove_uncommitted(out: Path) -> int:
    """Delete parts (and temp files) of chunks that never committed: what a killed run left behind."""
    done, removed = committed(out), 0
    for table in (*TABLES, COMMITS):
        folder = out / table
        for path in folder.glob(".*.tmp") if folder.exists() else ():
            path.unlink()
            removed += 1
        if table != COMMITS and folder.exists():
            for path in folder.glob("*.parquet"):
                if not _is_committed(path, done):
                    path.unlink()
                    removed += 1
    return removed


def read_table(out: Path, table: str, columns: Iterable[str] | None = None) -> pa.Table:
    """A table's committed rows (an empty table with the right schema when there are none)."""
    files = part_files(out, table)
    cols = list(columns) if columns is not None else None
    if not files:
        empty = schema(table).empty_table()
        return empty.select(cols) if cols else empty
    return pa.concat_tables(pq.read_table(f, columns=cols, schema=schema(table)) for f in files)


def done_keys(out: Path) -> set[str]:
    """Every article id and bad-input key already recorded: what --resume skips."""
    keys = set(read_table(out, "articles", ["id"]).column("id").to_pylist())
    keys.update(read_table(out, "errors", ["key"]).column("key").to_pylist())
    return keys


def sorted_rows(out: Path, table: str) -> list[dict[str, Any]]:
    """A table's rows in a canonical order, to compare two runs (local vs Spark) row for row."""
    rows = read_table(out, table).to_pylist()
    return sorted(rows, key=lambda r: repr(sorted(r.items())))
