"""Load test of `khabar serve`: N concurrent clients on loopback for a fixed time; errors, p50 and p99.

    .venv/bin/python benchmarks/load_test.py --db /tmp/store5k.db                     # 50 clients, 60 s
    .venv/bin/python benchmarks/load_test.py --build 5000 --db /tmp/store5k.db        # build the store first
    .venv/bin/python benchmarks/load_test.py --db /tmp/store5k.db --workers 2         # two server processes
    .venv/bin/python benchmarks/load_test.py --db /tmp/store5k.db --no-cache          # every request computed
    .venv/bin/python benchmarks/load_test.py --url http://127.0.0.1:8000 --think 1    # a server already running

It starts the server itself on 127.0.0.1 (never any other address), waits for it, runs bounded
client loops (each stops at the deadline), stops the server it started, and prints a JSON report.
With --url it targets a server that is already running instead, on a loopback address only, and
leaves it running. --think makes each client wait that long between its requests.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"
HOST = "127.0.0.1"  # loopback only, by design
LOOPBACK = ("127.0.0.1", "localhost", "::1")
WORDS = ["الرئيس", "وزير", "الحكومة", "موسكو", "القاهرة", "مجلس", "الأمن", "قال", "اتفاق", "المحادثات"]
STARTUP_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def build_store(db: str, n: int, stages: str) -> None:
    """A store of the first n corpus articles (by default light stages: the load test measures the server)."""
    import gzip
    import itertools

    sample = Path(db).with_suffix(".input.jsonl")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        sample.write_text("".join(itertools.islice(fh, n)), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "khabar.cli", "ingest", str(sample), "--db", db, "--stages", stages, "-q"],
                   check=True)
    sample.unlink()


def requests_for(ids: list[str]) -> list[str]:
    """The mix a reader of the site sends: lists, search, one article page, quotes, entities."""
    rng = random.Random(7)
    paths = []
    for _ in range(500):
        word = quote(rng.choice(WORDS))
        paths += [f"/articles?limit=20&offset={rng.randrange(200)}", f"/search?q={word}",
                  f"/articles/{quote(rng.choice(ids))}", f"/quotes?q={word}&limit=20", "/entities?limit=20",
                  f"/ui/articles/{quote(rng.choice(ids))}", f"/ui/search?q={word}", "/events?limit=20"]
    rng.shuffle(paths)
    return paths


class Connection:
    """A minimal keep-alive HTTP/1.1 client on one socket: a few microseconds of client CPU per request, so the
    measurement is the server's time (httpx spent about as much CPU as the server it was measuring)."""

    def __init__(self, port: int, host: str = HOST):
        self.host, self.port, self.reader, self.writer = host, port, None, None

    async def get(self, path: str) -> int:
        """The status code of GET path; reconnects once when the server closed the connection."""
        for attempt in (0, 1):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("utf-8"))
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt:
                    raise
        raise ConnectionError("unreachable")

    async def _response(self) -> int:
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer, self.reader = None, None


async def client(target: tuple[str, int], paths: list[str], deadline: float, out: list, start: int,
                 think: float = 0.0) -> None:
    i, conn = start, Connection(target[1], target[0])
    try:
        while time.monotonic() < deadline:  # bounded: stops at the deadline whatever happens
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                ok = await asyncio.wait_for(conn.get(path), timeout=10.0) < 400
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
                ok = False
                await conn.close()
            out.append((path.split("?")[0].split("/")[1], time.perf_counter() - t0, ok))
            if think:
                await asyncio.sleep(min(think, max(0.0, deadline - time.monotonic())))
    finally:
        await conn.close()


async def load(target: tuple[str, int], paths: list[str], clients: int, seconds: float, think: float = 0.0) -> list:
    out: list = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(target, paths, deadline, out, k * 37, think) for k in range(clients)))
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def loopback_target(url: str) -> tuple[str, int]:
    """(host, port) of a loopback URL; any other address is refused, since load is only ever sent to this machine."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK:
        raise SystemExit(f"--url {url}: only http:// on a loopback address ({', '.join(LOOPBACK)}) is allowed")
    return parts.hostname, parts.port or 80


def wait_ready(port: int, proc: subprocess.Popen) -> None:
    import httpx

    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-500:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def article_ids(target: tuple[str, int], n: int = 200) -> list[str]:
    import httpx

    host = f"[{target[0]}]" if ":" in target[0] else target[0]
    body = httpx.get(f"http://{host}:{target[1]}/articles", params={"limit": n}, timeout=10).json()
    items = body.get("items", body) if isinstance(body, dict) else body
    return [a["id"] for a in items] or ["none"]


def server_command(db: str, port: int, workers: int, cache: bool) -> list[str]:
    cmd = [sys.executable, "-m", "khabar.cli", "serve", "--db", db, "--host", HOST, "--port", str(port),
           "--workers", str(workers)]
    return cmd + ([] if cache else ["--cache-entries", "0"])


def report(results: list, seconds: float, clients: int, server: dict | None = None) -> dict:
    latencies = [r[1] for r in results]
    by_kind: dict[str, list] = {}
    for kind, t, ok in results:
        by_kind.setdefault(kind, []).append(t)
    ms = lambda v: round(v * 1000, 1)  # noqa: E731
    return {"clients": clients, "seconds": seconds, "server": server or {}, "requests": len(results),
            "errors": sum(1 for r in results if not r[2]), "rps": round(len(results) / seconds, 1),
            "p50_ms": ms(percentile(latencies, 50)), "p99_ms": ms(percentile(latencies, 99)),
            "by_endpoint": {k: {"n": len(v), "p50_ms": ms(percentile(v, 50)), "p99_ms": ms(percentile(v, 99))}
                            for k, v in sorted(by_kind.items())}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", help="the store to serve (SQLite path); not with --url")
    p.add_argument("--url", help="target a server already running on loopback (http://127.0.0.1:PORT)")
    p.add_argument("--think", type=float, default=0.0, help="seconds each client waits between requests")
    p.add_argument("--build", type=int, metavar="N", help="first build the store from N corpus articles")
    p.add_argument("--stages", default="sentences,tokens,time,ner,entities", help="stages used by --build")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--workers", type=int, default=1, help="server processes (khabar serve --workers)")
    p.add_argument("--no-cache", action="store_true", help="serve without the response cache (--cache-entries 0)")
    args = p.parse_args(argv)
    if args.url:
        return run_against(loopback_target(args.url), args)
    if not args.db:
        p.error("--db or --url is required")
    if args.build:
        build_store(args.db, args.build, args.stages)
    port = free_port()
    server = subprocess.Popen(server_command(args.db, port, args.workers, not args.no_cache),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(port, server)
        paths = requests_for(article_ids((HOST, port)))
        results = asyncio.run(load((HOST, port), paths, args.clients, args.seconds, args.think))
    finally:
        server.terminate()  # only the server this script started
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    return print_report(report(results, args.seconds, args.clients,
                               {"workers": args.workers, "response_cache": not args.no_cache}))


def run_against(target: tuple[str, int], args) -> int:
    """The load on a server that someone else started (and that stays running)."""
    paths = requests_for(article_ids(target))
    results = asyncio.run(load(target, paths, args.clients, args.seconds, args.think))
    return print_report(report(results, args.seconds, args.clients, {"url": args.url, "think_s": args.think}))


def print_report(out: dict) -> int:
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 1 if out["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
