"""`khabar export --format F [--filter K=V] [-o OUT]`: stored data as jsonl, csv, parquet, PLOVER or GDELT-like TSV."""
from __future__ import annotations

import argparse
import sys
from typing import IO

from ..errors import InputError
from .output import text_output
from .common import EXIT_OK
from .store_args import db_arg

HELP = "write stored data as jsonl, csv, parquet, PLOVER or GDELT-like TSV"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar export`."""
    from ..store.export import FORMATS, TABLES

    p = argparse.ArgumentParser(prog="khabar export", description="Write stored data for analysis elsewhere.")
    db_arg(p)
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl: v1 records (re-importable); csv/parquet: one table; plover: PLOVER JSON lines; "
                        "gdelt: GDELT-like event TSV")
    p.add_argument("--table", choices=TABLES, default="events", help="the table for csv and parquet (default events)")
    p.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE",
                   help="source=, from=, to=, speaker=, entity=, type=, actor=, location=, q= (repeatable)")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output; parquet needs one)")
    return p


def main(argv: list[str]) -> int:
    """Export; how many records or rows went out, on standard error."""
    from ..store import export
    from ..store.db import open_store
    from ..store.filters import from_pairs
    from ..store.options import StoreOptions

    args = parser().parse_args(argv)
    chosen = from_pairs(args.filter)
    if args.format == "parquet" and not args.output:
        raise InputError("-o", "parquet is binary: give an output file with -o")
    with open_store(StoreOptions(db=args.db, progress=False)) as store, store.engine.connect() as conn:
        if args.format == "parquet":
            n = export.write_parquet(conn, store.fts, chosen, args.table, args.output)
        else:
            with text_output(args.output, newline="") as out:
                n = _write_text(export, args, conn, store.fts, chosen, out)
    print(f"exported {n} {'records' if args.format == 'jsonl' else 'rows'}", file=sys.stderr)
    return EXIT_OK


def _write_text(export, args, conn, backend, chosen, out: IO[str]) -> int:
    """Write a text format (jsonl, csv, plover, gdelt); return how many records or rows."""
    if args.format == "jsonl":
        return export.write_jsonl(conn, backend, chosen, out)
    if args.format == "csv":
        return export.write_csv(conn, backend, chosen, args.table, out)
    if args.format == "plover":
        return export.write_plover(conn, backend, chosen, out)
    return export.write_gdelt(conn, backend, chosen, out)
