"""Serving the API and web UI: uvicorn with one process, or several workers sharing one socket."""
from __future__ import annotations

import os
import socket

from .options import ApiOptions


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
