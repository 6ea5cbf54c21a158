"""`khabar import FILE...`: store khabar v1 records (from extract or export), each checked against the schema."""
from __future__ import annotations

import argparse

from .store_args import db_arg, print_report

HELP = "store khabar v1 records from extract or export"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar import`."""
    p = argparse.ArgumentParser(prog="khabar import", description="Store khabar v1 records (from extract or export).")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="khabar v1 JSONL (.jsonl or .jsonl.gz), or - for stdin")
    db_arg(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return p


def main(argv: list[str]) -> int:
    """Import, with a progress bar; the summary and the first errors on standard error."""
    from ..ingest.readers import json_lines
    from ..store.db import open_store
    from ..store.ingest import import_records
    from ..store.options import StoreOptions
    from ..store.progress import progress_bar

    args = parser().parse_args(argv)
    lines = [line for name in args.inputs for line in json_lines(name)]
    options = StoreOptions(db=args.db, progress=not args.quiet)
    with open_store(options) as store, progress_bar(len(lines), "import", options.progress) as advance:
        ingest_report = import_records(store, lines, advance)
    return print_report(ingest_report, args.quiet)
