"""A second, independent load client: N threads, each an httpx client, browsing a running server like a reader.

usage: .venv/bin/python benchmarks/mixed_client.py --url http://127.0.0.1:8000 [--clients 50] [--seconds 60] [--think 1]

Unlike load_test.py (one asyncio loop, a hand-written HTTP client), each simulated reader here is a
thread with its own httpx connection pool. It opens the UI pages a person clicks through (search,
an article found by it, its entity, quotes, events, the network) and the JSON API, waits --think
seconds between pages, and prints requests/s, errors and p50/p95/p99 latency as JSON. Loopback only.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from urllib.parse import quote, urlsplit

import httpx

WORDS = ["الرئيس", "وزير", "الحكومة", "موسكو", "القاهرة", "مجلس", "الأمن", "قال", "اتفاق", "المحادثات"]
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def pages(base: str, rng: random.Random, client: httpx.Client) -> list[str]:
    """One reader's visit: a search, what it leads to, and the list pages."""
    word = quote(rng.choice(WORDS))
    visit = [f"/ui/search?q={word}", f"/search?q={word}&limit=20", f"/ui/quotes?q={word}", "/ui/events",
             "/ui/entities", "/ui/graph", f"/quotes?q={word}&limit=20", "/events?limit=20"]
    found = client.get(base + f"/search?q={word}&limit=5").json().get("items", [])
    if found:
        visit.append("/ui/articles/" + quote(rng.choice(found)["id"], safe=""))
    people = client.get(base + "/entities?type=PER&limit=20").json().get("items", [])
    if people:
        visit.append("/ui/entities/" + quote(rng.choice(people)["id"], safe=""))
    rng.shuffle(visit)
    return visit


def reader(base: str, seed: int, deadline: float, think: float, out: list, lock: threading.Lock) -> None:
    rng = random.Random(seed)
    with httpx.Client(timeout=10.0) as client:
        while time.monotonic() < deadline:
            try:
                visit = pages(base, rng, client)
            except (httpx.HTTPError, ValueError):
                visit = ["/ui/"]
            for path in visit:
                if time.monotonic() >= deadline:
                    return
                t0 = time.perf_counter()
                try:
                    ok = client.get(base + path).status_code < 400
                except httpx.HTTPError:
                    ok = False
                with lock:
                    out.append((time.perf_counter() - t0, ok))
                time.sleep(think)


def percentile(xs: list[float], q: float) -> float:
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--think", type=float, default=1.0)
    args = ap.parse_args(argv)
    if urlsplit(args.url).hostname not in LOOPBACK:
        print(f"refused: {args.url} is not a loopback address", file=sys.stderr)
        return 2
    out: list = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds
    threads = [threading.Thread(target=reader, args=(args.url.rstrip("/"), k, deadline, args.think, out, lock))
               for k in range(args.clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    times = sorted(t for t, _ in out)
    print(json.dumps({"clients": args.clients, "seconds": round(wall, 1), "think_s": args.think,
                      "requests": len(out), "requests_per_s": round(len(out) / wall, 1),
                      "errors": sum(1 for _, ok in out if not ok),
                      "p50_ms": round(percentile(times, 0.50) * 1000, 1), "p95_ms": round(percentile(times, 0.95) * 1000, 1),
                      "p99_ms": round(percentile(times, 0.99) * 1000, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
