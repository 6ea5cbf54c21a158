"""`khabar serve`: the API and web UI on localhost by default."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import KhabarError
from ..store.options import DEFAULT_DB
from .options import DEFAULT_HOST, DEFAULT_PORT, MAX_BODY, ApiOptions


def serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar serve", description="Serve the JSON API (/docs) and the web UI (/ui/).")
    p.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=f"SQLite path or postgresql:// URL (default {DEFAULT_DB})")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--token", default=os.environ.get("KHABAR_API_TOKEN"),
                   help="bearer token for write endpoints (default $KHABAR_API_TOKEN; none: writes disabled)")
    p.add_argument("--max-body", type=int, default=MAX_BODY, help="largest request body in bytes")
    return p


def serve_main(argv: list[str]) -> int:
    import uvicorn

    from ..store import StoreOptions, open_store
    from .app import create_app

    args = serve_parser().parse_args(argv)
    options = ApiOptions(db=args.db, token=args.token, max_body=args.max_body, host=args.host, port=args.port)
    try:
        open_store(StoreOptions(db=options.db, progress=False)).close()  # fail here, cleanly, not in the server
    except KhabarError as err:
        print(f"khabar: {err}", file=sys.stderr)
        return 1
    print(f"khabar: serving {options.db} on http://{options.host}:{options.port}/ui/ (API docs: /docs)", file=sys.stderr)
    uvicorn.run(create_app(options), host=options.host, port=options.port, log_level="warning")
    return 0
