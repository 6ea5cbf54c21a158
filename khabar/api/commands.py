"""`khabar serve`: the API and web UI on localhost by default."""
from __future__ import annotations

import argparse
import os
import socket
import sys

from ..errors import KhabarError
from ..store.options import DEFAULT_DB
from .options import CACHE_ENTRIES, DEFAULT_HOST, DEFAULT_PORT, MAX_BODY, ApiOptions


def _at_least(low: int):
    """An argparse type: an integer no smaller than `low`."""
    def parse(value: str) -> int:
        n = int(value)
        if n < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {n}")
        return n
    parse.__name__ = "int"  # argparse names the type in its message for a non-integer
    return parse


def serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khabar serve", description="Serve the JSON API (/docs) and the web UI (/ui/).")
    p.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=f"SQLite path or postgresql:// URL (default {DEFAULT_DB})")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--token", default=os.environ.get("KHABAR_API_TOKEN"),
                   help="bearer token for write endpoints (default $KHABAR_API_TOKEN; none: writes disabled)")
    p.add_argument("--max-body", type=int, default=MAX_BODY, help="largest request body in bytes")
    p.add_argument("--workers", type=_at_least(1), default=1,
                   help="server processes (default 1); more use more CPU cores")
    p.add_argument("--cache-entries", type=_at_least(0), default=CACHE_ENTRIES,
                   help=f"GET responses each process keeps while the store is unchanged (default {CACHE_ENTRIES}; "
                        "0: no cache)")
    return p


def run_server(options: ApiOptions) -> None:
    """uvicorn with the app in this process, or with `workers` processes that each build it from the
    environment (uvicorn can only start workers from an import string) and share one listening socket."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from .app import create_app, options_to_env

    common = {"host": options.host, "port": options.port, "log_level": "warning"}
    if options.workers == 1:
        uvicorn.run(create_app(options), **common)
        return
    os.environ.update(options_to_env(options))
    config = uvicorn.Config("khabar.api.app:app_from_env", factory=True, workers=options.workers, **common)
    Multiprocess(config, sockets=[tcp_listener(options.host, options.port)]).run()


def tcp_listener(host: str, port: int) -> socket.socket:
    """The workers' shared socket, bound as uvicorn binds it but created with proto=IPPROTO_TCP.

    asyncio turns Nagle off (TCP_NODELAY) only on connections accepted from a socket whose proto says TCP;
    uvicorn's own (proto 0) left it on, so with --workers every response waited 40 ms for a delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)  # the worker processes get it
    return sock


def serve_main(argv: list[str]) -> int:
    from ..store import StoreOptions, open_store

    args = serve_parser().parse_args(argv)
    options = ApiOptions(db=args.db, token=args.token, max_body=args.max_body, host=args.host, port=args.port,
                         workers=args.workers, cache_entries=args.cache_entries)
    try:
        open_store(StoreOptions(db=options.db, progress=False)).close()  # fail here, cleanly, not in the server
    except KhabarError as err:
        print(f"khabar: {err}", file=sys.stderr)
        return 1
    print(f"khabar: serving {options.db} on http://{options.host}:{options.port}/ui/ (API docs: /docs), "
          f"{options.workers} worker(s)", file=sys.stderr)
    try:
        run_server(options)
    except OSError as err:  # the address is taken or not ours (uvicorn reports its own for one worker)
        print(f"khabar: cannot listen on {options.host}:{options.port}: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0
