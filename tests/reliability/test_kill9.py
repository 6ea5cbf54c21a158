"""kill -9 during `khabar ingest`, then a re-run: no half-written article, no duplicate, nothing lost.

Runs against SQLite always and against PostgreSQL when KHABAR_TEST_PG_URL names a reachable server
(the store tests' convention). Skips cleanly while the store's `ingest` command does not exist yet.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("khabar.cli.ingest")

STAGES = "sentences,tokens,time"
ARTICLES = 600
POLL_S, LIMIT_S = 0.02, 120  # poll interval; and the most any one ingest may take before the test gives up
# ant:AL-culture-11-20180216, ant:AL-culture-169-20180315 (snippets; ids made unique per copy)
TEXTS = ("أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر سنتين يوم الخميس.",
         "أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحلت ملف الفنانة المصرية إلى نيابة الأموال العامة أمس.")


def write_input(path: Path) -> None:
    lines = (json.dumps({"id": f"k{i:05d}", "date": "2018-03-15", "text": f"{TEXTS[i % 2]} ({i})"},
                        ensure_ascii=False) for i in range(ARTICLES))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def khabar(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "khabar.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def ingest(src: Path, db: str) -> None:
    proc = khabar("ingest", str(src), "--db", db, "--stages", STAGES, "-q")
    _, err = proc.communicate(timeout=LIMIT_S)
    assert proc.returncode == 0, err.decode()


def exported(db: str) -> list[dict]:
    proc = khabar("export", "--db", db, "--format", "jsonl")
    out, err = proc.communicate(timeout=LIMIT_S)
    assert proc.returncode == 0, err.decode()
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def count_sqlite(db: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or locked mid-write
        return 0


def count_pg(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


def kill_mid_ingest(src: Path, db: str, count, kill_at: int, extra: tuple[str, ...] = ()) -> int:
    """Start an ingest, SIGKILL it once `kill_at` articles are stored; the number stored when it died.
    Worker processes it started (`--workers`) must end by themselves once it is gone."""
    proc = khabar("ingest", str(src), "--db", db, "--stages", STAGES, "-q", *extra)
    deadline = time.monotonic() + LIMIT_S
    while proc.poll() is None and time.monotonic() < deadline and count(db) < kill_at:
        time.sleep(POLL_S)
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    wait_gone(workers)
    return count(db)


def children(pid: int) -> list[int]:
    """The process's children (Linux /proc)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_gone(pids: list[int], seconds: float = 30) -> None:
    """Wait until none of `pids` runs any more (a zombie counts as gone); fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while any(_running(p) for p in pids):
        assert time.monotonic() < deadline, f"worker processes still running: {[p for p in pids if _running(p)]}"
        time.sleep(POLL_S)


def _running(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def check_kill_and_rerun(src: Path, clean_db: str, killed_db: str, count, kill_at: int,
                         reset=lambda: None, extra: tuple[str, ...] = ()) -> None:
    write_input(src)
    ingest(src, clean_db)
    reference = {r["id"]: r for r in exported(clean_db)}
    assert len(reference) == ARTICLES
    reset()
    stored_at_kill = kill_mid_ingest(src, killed_db, count, kill_at, extra)
    print(f"kill -9 with {stored_at_kill} of {ARTICLES} articles stored")
    assert 0 < stored_at_kill < ARTICLES, f"the kill came at {stored_at_kill} of {ARTICLES}: not mid-ingest"
    # what survived the kill is whole: each stored article equals its clean record
    for record in exported(killed_db):
        assert record == reference[record["id"]], f"half-written article {record['id']}"
    ingest(src, killed_db)
    after = exported(killed_db)
    ids = [r["id"] for r in after]
    assert len(ids) == len(set(ids)) == ARTICLES  # no duplicate, nothing lost
    assert {r["id"]: r for r in after} == reference


KILL_AT = [1, ARTICLES // 4]  # right after the first commit, and a quarter of the way


@pytest.mark.parametrize("kill_at", KILL_AT)
def test_kill9_during_sqlite_ingest_then_rerun(tmp_path, kill_at):
    check_kill_and_rerun(tmp_path / "in.jsonl", str(tmp_path / "clean.db"), str(tmp_path / "killed.db"), count_sqlite,
                         kill_at)


def test_kill9_during_parallel_sqlite_ingest_then_rerun(tmp_path):
    # --workers 2: the parent alone writes, so a kill leaves whole articles; its workers end with it.
    check_kill_and_rerun(tmp_path / "in.jsonl", str(tmp_path / "clean.db"), str(tmp_path / "killed.db"), count_sqlite,
                         ARTICLES // 4, extra=("--workers", "2"))


@pytest.mark.parametrize("kill_at", KILL_AT)
def test_kill9_during_postgresql_ingest_then_rerun(tmp_path, kill_at):
    url = os.environ.get("KHABAR_TEST_PG_URL")
    if not url:
        pytest.skip("KHABAR_TEST_PG_URL is not set")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception as err:
        pytest.skip(f"no PostgreSQL at {url}: {type(err).__name__}")

    def reset() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")

    # the clean reference run goes to SQLite: one PostgreSQL database is all a test server may offer
    check_kill_and_rerun(tmp_path / "in.jsonl", str(tmp_path / "clean.db"), url, count_pg, kill_at, reset)
