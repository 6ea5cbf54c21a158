"""What the store's sub-commands (ingest, search, export, import) share: --db, dates, filters, the ingest report."""
from __future__ import annotations

import argparse
import sys

from ..errors import KhabarError
from ..store.filters import Filters, parse_date
from ..store.options import DEFAULT_DB
from .common import EXIT_FAILED, EXIT_OK, report

MAX_SHOWN_ERRORS = 20


def db_arg(parser: argparse.ArgumentParser) -> None:
    """The --db option every store command takes."""
    parser.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                        help=f"SQLite path or postgresql://user@host/db URL (default: {DEFAULT_DB})")


def date(value: str):
    """An argparse type: a date as the store's filters read it."""
    try:
        return parse_date(value)
    except KhabarError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def filter_args(p: argparse.ArgumentParser) -> None:
    """The filter options of `khabar search`."""
    p.add_argument("--source", help="only this source (e.g. alarabia)")
    p.add_argument("--from", dest="date_from", type=date, help="effective date from YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=date, help="effective date to YYYY-MM-DD")
    p.add_argument("--speaker", help="articles quoting this speaker (name, English name or entity id)")
    p.add_argument("--entity", help="articles naming this entity (name, English name, KB id or entity id)")
    p.add_argument("--event-type", help="articles with an event of this PLOVER type (e.g. CONSULT)")


def filters(args: argparse.Namespace, q: str | None = None) -> Filters:
    """The Filters the parsed filter options ask for."""
    return Filters(q=q, source=args.source, date_from=args.date_from, date_to=args.date_to, speaker=args.speaker,
                   entity=args.entity, event_type=args.event_type)


def print_report(ingest_report, quiet: bool) -> int:
    """The first errors and the summary of an ingest or import; exit 1 when any article failed."""
    for err in ingest_report.errors[:MAX_SHOWN_ERRORS]:
        report(err)
    if len(ingest_report.errors) > MAX_SHOWN_ERRORS:
        report(f"... and {len(ingest_report.errors) - MAX_SHOWN_ERRORS} more errors")
    if not quiet:
        print(ingest_report.summary(), file=sys.stderr)
    return EXIT_FAILED if ingest_report.failed else EXIT_OK
