"""`khabar ingest|search|export|import`: argument parsing and messages; the work is in the library."""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import IO

from ..errors import InputError, KhabarError
from ..output import text_output
from .filters import Filters, from_pairs, parse_date
from .options import DEFAULT_DB, StoreOptions

EXIT_OK, EXIT_FAILED = 0, 1
MAX_SHOWN_ERRORS = 20


def _report(message: str) -> None:
    print(f"khabar: {message}", file=sys.stderr)


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                        help=f"SQLite path or postgresql://user@host/db URL (default: {DEFAULT_DB})")


def _date(value: str):
    try:
        return parse_date(value)
    except KhabarError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _run(fn, args) -> int:
    """Turn typed errors into one clean line at the edge."""
    try:
        return fn(args)
    except KhabarError as err:
        _report(str(err))
        return EXIT_FAILED


def _print_report(report, quiet: bool) -> int:
    for err in report.errors[:MAX_SHOWN_ERRORS]:
        _report(err)
    if len(report.errors) > MAX_SHOWN_ERRORS:
        _report(f"... and {len(report.errors) - MAX_SHOWN_ERRORS} more errors")
    if not quiet:
        print(report.summary(), file=sys.stderr)
    return EXIT_FAILED if report.failed else EXIT_OK


# ---- ingest -----------------------------------------------------------------------------------

def ingest_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar ingest", description="Analyse articles and store the results.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt, .jsonl or .jsonl.gz file, or - for stdin")
    _db_arg(p)
    p.add_argument("--date", type=_date, help="publication date YYYY-MM-DD for every input")
    p.add_argument("--stages", help="comma-separated stage names (default: the full pipeline)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return p


def _ingest(args: argparse.Namespace) -> int:
    from ..ingest.readers import read_inputs
    from ..pipeline import Options, Pipeline
    from .db import open_store
    from ..runner import ingest_items
    from .progress import progress_bar

    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip()) if args.stages else None
    pipeline = Pipeline.build(Options(date=args.date, stages=stages))
    options = StoreOptions(db=args.db, progress=not args.quiet)
    items = list(read_inputs(args.inputs))
    with open_store(options) as store, progress_bar(len(items), "ingest", options.progress) as advance:
        report = ingest_items(store, pipeline, items, advance)
    return _print_report(report, args.quiet)


def ingest_main(argv: list[str]) -> int:
    return _run(_ingest, ingest_parser().parse_args(argv))


# ---- search -----------------------------------------------------------------------------------

def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", help="only this source (e.g. alarabia)")
    p.add_argument("--from", dest="date_from", type=_date, help="effective date from YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="effective date to YYYY-MM-DD")
    p.add_argument("--speaker", help="articles quoting this speaker (name, English name or entity id)")
    p.add_argument("--entity", help="articles naming this entity (name, English name, KB id or entity id)")
    p.add_argument("--event-type", help="articles with an event of this PLOVER type (e.g. CONSULT)")


def _filters(args: argparse.Namespace, q: str | None = None) -> Filters:
    return Filters(q=q, source=args.source, date_from=args.date_from, date_to=args.date_to, speaker=args.speaker,
                   entity=args.entity, event_type=args.event_type)


def search_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar search", description="Full-text search in Arabic, clitics folded.")
    p.add_argument("query", help="words to find, e.g. محادثات (also finds والمحادثات)")
    _db_arg(p)
    _filter_args(p)
    p.add_argument("-n", "--limit", type=int, default=20, help="results to show (default 20)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    return p


def _show_hit(item: dict, rank: int) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    head = Text(f"{rank}. {item['effective_date'] or '????-??-??'}  {item['source'] or '-'}  {item['id']}", style="bold")
    console.print(head)
    if item.get("title"):
        console.print(f"   {item['title']}", markup=False, highlight=False)
    snippet = Text("   " + item["snippet"])
    for s, e in item["snippet_hits"]:
        snippet.stylize("bold yellow", s + 3, e + 3)
    console.print(snippet, highlight=False)


def _search(args: argparse.Namespace) -> int:
    from . import queries
    from .db import open_store

    with open_store(StoreOptions(db=args.db, progress=False)) as store, store.engine.connect() as conn:
        found = queries.search(conn, store.fts, _filters(args, args.query), limit=max(1, min(args.limit, 1000)))
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return EXIT_OK
    for i, item in enumerate(found["items"], start=1):
        _show_hit(item, i)
    print(f"{found['total']} articles match {found['query']!r}", file=sys.stderr)
    return EXIT_OK


def search_main(argv: list[str]) -> int:
    return _run(_search, search_parser().parse_args(argv))


# ---- export -----------------------------------------------------------------------------------

def export_parser() -> argparse.ArgumentParser:
    from .export import FORMATS, TABLES

    p = argparse.ArgumentParser(prog="khabar export", description="Write stored data for analysis elsewhere.")
    _db_arg(p)
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl: v1 records (re-importable); csv/parquet: one table; plover: PLOVER JSON lines; "
                        "gdelt: GDELT-like event TSV")
    p.add_argument("--table", choices=TABLES, default="events", help="the table for csv and parquet (default events)")
    p.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE",
                   help="source=, from=, to=, speaker=, entity=, type=, actor=, location=, q= (repeatable)")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output; parquet needs one)")
    return p


def _export(args: argparse.Namespace) -> int:
    from . import export
    from .db import open_store

    filters = from_pairs(args.filter)
    if args.format == "parquet" and not args.output:
        raise InputError("-o", "parquet is binary: give an output file with -o")
    with open_store(StoreOptions(db=args.db, progress=False)) as store, store.engine.connect() as conn:
        if args.format == "parquet":
            n = export.write_parquet(conn, store.fts, filters, args.table, args.output)
        else:
            with text_output(args.output, newline="") as out:
                n = _write_text(export, args, conn, store.fts, filters, out)
    print(f"exported {n} {'records' if args.format == 'jsonl' else 'rows'}", file=sys.stderr)
    return EXIT_OK


def _write_text(export, args, conn, backend, filters: Filters, out: IO[str]) -> int:
    if args.format == "jsonl":
        return export.write_jsonl(conn, backend, filters, out)
    if args.format == "csv":
        return export.write_csv(conn, backend, filters, args.table, out)
    if args.format == "plover":
        return export.write_plover(conn, backend, filters, out)
    return export.write_gdelt(conn, backend, filters, out)


def export_main(argv: list[str]) -> int:
    return _run(_export, export_parser().parse_args(argv))


# ---- import -----------------------------------------------------------------------------------

def import_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar import", description="Store khabar v1 records (from extract or export).")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="khabar v1 JSONL (.jsonl or .jsonl.gz), or - for stdin")
    _db_arg(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return p


def _lines(name: str) -> list[tuple[str, int, str]]:
    """Non-blank lines of one JSONL input as (label, number, line)."""
    if name == "-":
        text = sys.stdin.read()
    else:
        path = Path(name)
        if not path.is_file():
            raise InputError(name, "no such file")
        try:
            raw = path.read_bytes()
            text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8-sig")
        except (OSError, EOFError, UnicodeDecodeError) as err:
            raise InputError(name, f"cannot be read: {err}") from None
    return [(name, i, line) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _import(args: argparse.Namespace) -> int:
    from .db import open_store
    from .ingest import import_records
    from .progress import progress_bar

    lines = [line for name in args.inputs for line in _lines(name)]
    options = StoreOptions(db=args.db, progress=not args.quiet)
    with open_store(options) as store, progress_bar(len(lines), "import", options.progress) as advance:
        report = import_records(store, lines, advance)
    return _print_report(report, args.quiet)


def import_main(argv: list[str]) -> int:
    return _run(_import, import_parser().parse_args(argv))
