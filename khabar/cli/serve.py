"""`khabar serve [--db URL] [--host H] [--port P]`: the JSON API and the RTL web UI, on this machine by default."""
from __future__ import annotations

import argparse
import os
import sys

from ..api.options import CACHE_ENTRIES, DEFAULT_HOST, DEFAULT_PORT, MAX_BODY, ApiOptions
from ..store.options import DEFAULT_DB
from .common import EXIT_FAILED, EXIT_OK, at_least

HELP = "the JSON API and the RTL web UI"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar serve`."""
    p = argparse.ArgumentParser(prog="khabar serve", description="Serve the JSON API (/docs) and the web UI (/ui/).")
    p.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=f"SQLite path or postgresql:// URL (default {DEFAULT_DB})")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--token", default=os.environ.get("KHABAR_API_TOKEN"),
                   help="bearer token for write endpoints (default $KHABAR_API_TOKEN; none: writes disabled)")
    p.add_argument("--max-body", type=int, default=MAX_BODY, help="largest request body in bytes")
    p.add_argument("--workers", type=at_least(1), default=1,
                   help="server processes (default 1); more use more CPU cores")
    p.add_argument("--cache-entries", type=at_least(0), default=CACHE_ENTRIES,
                   help=f"GET responses each process keeps while the store is unchanged (default {CACHE_ENTRIES}; "
                        "0: no cache)")
    return p


def options_from(args: argparse.Namespace) -> ApiOptions:
    """The ApiOptions the parsed arguments ask for."""
    return ApiOptions(db=args.db, token=args.token, max_body=args.max_body, host=args.host, port=args.port,
                      workers=args.workers, cache_entries=args.cache_entries)


def main(argv: list[str]) -> int:
    """Open the store first (a bad --db fails here, cleanly, not in the server), then serve until stopped."""
    from ..api.server import run_server
    from ..store import StoreOptions, open_store

    options = options_from(parser().parse_args(argv))
    open_store(StoreOptions(db=options.db, progress=False)).close()
    print(f"khabar: serving {options.db} on http://{options.host}:{options.port}/ui/ (API docs: /docs), "
          f"{options.workers} worker(s)", file=sys.stderr)
    try:
        run_server(options)
    except OSError as err:  # the address is taken or not ours (uvicorn reports its own for one worker)
        print(f"khabar: cannot listen on {options.host}:{options.port}: {err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
