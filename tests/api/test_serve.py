"""`khabar serve` options (--workers, --cache-entries), startup warm-up, and the load test's server options."""
from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from khabar.api import server
from khabar.cli import main as cli_main
from khabar.cli import serve
from khabar.api.app import OPTIONS_ENV, ROUTE_THREADS, app_from_env, create_app, options_to_env
from khabar.api.options import CACHE_ENTRIES, ApiOptions

ROOT = Path(__file__).resolve().parents[2]


def test_workers_and_cache_entries_defaults_and_limits(capsys):
    args = serve.parser().parse_args([])
    assert (args.workers, args.cache_entries) == (1, CACHE_ENTRIES)
    args = serve.parser().parse_args(["--workers", "3", "--cache-entries", "0"])
    assert (args.workers, args.cache_entries) == (3, 0)
    for bad in (["--workers", "0"], ["--workers", "two"], ["--cache-entries", "-1"]):
        with pytest.raises(SystemExit):
            serve.parser().parse_args(bad)
    assert "must be at least 1" in capsys.readouterr().err


def test_one_worker_serves_the_app_in_process(monkeypatch):
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app, **kw))
    server.run_server(ApiOptions(db="x.db"))
    assert not isinstance(seen["app"], str) and "workers" not in seen


def test_several_workers_start_from_the_factory_with_the_options(monkeypatch):
    seen = {}

    class FakeMultiprocess:
        def __init__(self, config, sockets):
            seen.update(config=config, sockets=sockets)

        def run(self):
            seen["ran"] = True

    monkeypatch.setattr("uvicorn.supervisors.Multiprocess", FakeMultiprocess)
    monkeypatch.delenv(OPTIONS_ENV, raising=False)
    options = ApiOptions(db="x.db", token="t", workers=2, cache_entries=7, port=_free_port())
    server.run_server(options)
    config, (sock,) = seen["config"], seen["sockets"]
    with sock:
        assert sock.getsockname() == ("127.0.0.1", options.port) and sock.proto == socket.IPPROTO_TCP
    assert seen["ran"] and config.app == "khabar.api.app:app_from_env" and config.factory and config.workers == 2
    assert ApiOptions(**json.loads(os.environ[OPTIONS_ENV])) == options


def test_workers_listener_turns_nagle_off_on_accepted_connections():
    """uvicorn's --workers socket (proto 0) kept Nagle on: every response waited 40 ms for a delayed ACK."""
    listener = server.tcp_listener("127.0.0.1", 0)
    assert listener.proto == socket.IPPROTO_TCP

    async def accepted_nodelay() -> int:
        got = asyncio.get_running_loop().create_future()

        def on_connect(reader, writer):
            got.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        value = await asyncio.wait_for(got, 5)
        writer.close()
        server.close()
        return value

    assert asyncio.run(accepted_nodelay()) != 0


def test_a_taken_port_is_a_clean_error_with_workers(api_db, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli_main(["serve", "--db", api_db, "--port", str(port), "--workers", "2"]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_app_from_env_rebuilds_the_same_options(monkeypatch, api_db):
    options = ApiOptions(db=api_db, token="t", workers=2, cache_entries=5)
    monkeypatch.setenv(OPTIONS_ENV, options_to_env(options)[OPTIONS_ENV])
    assert app_from_env().state.options == options


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_two_workers_answers(api_db):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "khabar.cli", "serve", "--db", api_db, "--port", str(port),
                               "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, body = time.monotonic() + 60, None
        while time.monotonic() < deadline and body is None:
            assert server.poll() is None, server.stderr.read().decode()[-500:]
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
            except httpx.HTTPError:
                time.sleep(0.3)
        assert body and body["status"] == "ok" and body["counts"]["articles"] > 0
    finally:
        server.terminate()  # only the server this test started
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "2 worker(s)" in server.stderr.read().decode()


def test_startup_loads_the_clitic_rules_and_limits_route_threads(api_db):
    """The first search paid 0.3 s to load the clitic rules; 40 route threads starved the event loop."""
    from anyio import to_thread

    from khabar.text.clitics import clitic_rules

    clitic_rules.cache_clear()
    with TestClient(create_app(ApiOptions(db=api_db))) as c:
        assert clitic_rules.cache_info().currsize == 1
        assert c.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens) == ROUTE_THREADS
        assert c.app.state.store.engine.pool.checkedin() >= ROUTE_THREADS  # connections opened at startup


def _load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_load_test_passes_workers_and_cache_to_the_server_and_reports_them():
    lt = _load_test_module()
    cmd = lt.server_command("s.db", 9000, 2, cache=False)
    assert cmd[cmd.index("--workers") + 1] == "2" and cmd[cmd.index("--cache-entries") + 1] == "0"
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1"
    assert "--cache-entries" not in lt.server_command("s.db", 9000, 1, cache=True)
    out = lt.report([("articles", 0.01, True), ("search", 0.02, False)], 1.0, 2, {"workers": 2, "response_cache": False})
    assert out["server"] == {"workers": 2, "response_cache": False} and out["errors"] == 1


def test_route_threads_are_limited_only_where_the_pool_never_waits():
    """Four threads over PostgreSQL's blocking pool could all wait for connections held by queued requests."""
    from types import SimpleNamespace

    import anyio
    from anyio import to_thread

    from khabar.api.app import limit_route_threads

    async def tokens(dialect: str) -> int:
        limit_route_threads(SimpleNamespace(dialect=dialect))
        return to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(tokens, "sqlite") == ROUTE_THREADS
    assert anyio.run(tokens, "postgresql") == 40  # AnyIO's default, left alone
