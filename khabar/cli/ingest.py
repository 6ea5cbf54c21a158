"""`khabar ingest INPUT... [--db URL]`: analyse articles (khabar/analysis.py) and store the finished records."""
from __future__ import annotations

import argparse

from .common import positive, stage_list
from .store_args import date, db_arg, print_report

HELP = "analyse articles and store them (SQLite by default, or PostgreSQL)"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar ingest`."""
    p = argparse.ArgumentParser(prog="khabar ingest", description="Analyse articles and store the results.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt, .jsonl or .jsonl.gz file, or - for stdin")
    db_arg(p)
    p.add_argument("--date", type=date, help="publication date YYYY-MM-DD for every input")
    p.add_argument("--stages", help="comma-separated stage names (default: the full pipeline)")
    p.add_argument("--workers", type=positive, default=1,
                   help="analysing processes (default 1; one per core for full speed); writes stay in one")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return p


def main(argv: list[str]) -> int:
    """Ingest, with a progress bar; the summary and the first errors on standard error."""
    from ..ingest.readers import read_inputs
    from .. import stages  # noqa: F401  registers the built-in stages
    from ..pipeline import Options
    from ..analysis import ingest_items
    from ..workers import worker_pipeline
    from ..store.db import open_store
    from ..store.options import StoreOptions
    from ..store.progress import progress_bar

    args = parser().parse_args(argv)
    # Built through the per-process cache, so forked workers start with its models already loaded.
    pipeline = worker_pipeline(Options(date=args.date, stages=stage_list(args.stages) if args.stages else None))
    options = StoreOptions(db=args.db, progress=not args.quiet)
    items = list(read_inputs(args.inputs))
    with open_store(options) as store, progress_bar(len(items), "ingest", options.progress) as advance:
        ingest_report = ingest_items(store, pipeline, items, advance, workers=args.workers)
    return print_report(ingest_report, args.quiet)
