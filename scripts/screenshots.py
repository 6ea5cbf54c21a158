"""Screenshots of the main UI pages for the README (docs/screenshots/), from ANT articles only.

usage: python scripts/screenshots.py [--articles N] [--out docs/screenshots]

Ingests the first N ANT articles (Apache-2.0; never SaudiNewsNet, which may not be shown in the
repository) into a scratch SQLite store, serves it, and photographs each page in headless Chromium.
"""
from __future__ import annotations

import argparse
import gzip
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared/data/corpus/ant-2018.jsonl.gz"
CHROMIUM = "/usr/bin/chromium"
KHABAR = [sys.executable, "-m", "khabar.cli"]


def first_articles(n: int, out: Path) -> Path:
    """The first `n` lines of the ANT corpus, as a JSONL file."""
    with gzip.open(ANT, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for k, line in enumerate(src):
            if k >= n:
                break
            dst.write(line)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/ui/", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not start")


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def pages(base: str) -> dict[str, str]:
    """Name -> path of each page to photograph, picking a busy entity and article from the store."""
    busiest = api(base, "/entities?type=PER&limit=1")["items"][0]  # the person in the most articles
    article = api(base, "/search?q=" + urllib.request.quote("قال") + "&limit=1")["items"][0]
    entity = urllib.request.quote(busiest["id"], safe="")
    return {"search": "/ui/search?q=" + urllib.request.quote("الرئيس"),
            "article": "/ui/articles/" + urllib.request.quote(article["id"], safe=""),
            "entity": "/ui/entities/" + entity,
            "quotes": "/ui/quotes?group=true",
            "events": "/ui/events",
            "graph": "/ui/graph?top=40"}


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ar")
        for name, path in pages(base).items():
            page.goto(base + path, wait_until="networkidle")
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--out", default=str(ROOT / "docs/screenshots"))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "shots.db")
        subprocess.run([*KHABAR, "ingest", "-q", "--db", db, str(first_articles(args.articles, Path(tmp) / "a.jsonl"))],
                       check=True, cwd=ROOT)
        port = free_port()
        server = subprocess.Popen([*KHABAR, "serve", "--db", db, "--port", str(port)], cwd=ROOT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_up(base)
            for path in shoot(base, Path(args.out)):
                print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
        finally:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
