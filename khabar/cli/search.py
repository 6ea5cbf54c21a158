"""`khabar search QUERY [filters]`: full-text search of the store, in Arabic, clitics folded."""
from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_OK
from .store_args import db_arg, filter_args, filters

HELP = "full-text search of the store, in Arabic, with filters"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar search`."""
    p = argparse.ArgumentParser(prog="khabar search", description="Full-text search in Arabic, clitics folded.")
    p.add_argument("query", help="words to find, e.g. محادثات (also finds والمحادثات)")
    db_arg(p)
    filter_args(p)
    p.add_argument("-n", "--limit", type=int, default=20, help="results to show (default 20)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    return p


def _show_hit(item: dict, rank: int) -> None:
    """One hit: rank, date, source and id, the title, and the snippet with the hits in bold."""
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


def main(argv: list[str]) -> int:
    """The hits, highlighted (or as JSON), and how many articles match."""
    from ..store import queries
    from ..store.db import open_store
    from ..store.options import StoreOptions

    args = parser().parse_args(argv)
    with open_store(StoreOptions(db=args.db, progress=False)) as store, store.engine.connect() as conn:
        found = queries.search(conn, store.fts, filters(args, args.query), limit=max(1, min(args.limit, 1000)))
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
        return EXIT_OK
    for i, item in enumerate(found["items"], start=1):
        _show_hit(item, i)
    print(f"{found['total']} articles match {found['query']!r}", file=sys.stderr)
    return EXIT_OK
