"""The full pipeline over the whole corpus (../shared/data/corpus/*.jsonl.gz): crashes by stage and exception.

    .venv/bin/python scripts/reliability_run.py                      # all ~62k articles
    .venv/bin/python scripts/reliability_run.py --every 31 --workers 2 --report out/reliability.json

Every article goes through every stage; a stage exception is a crash. Each record is also checked:
schema-valid, and every span's `text` equal to `text[start:end]`. The report lists crashes grouped
by (stage, exception) with the first article ids and messages, so each can be reproduced.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import multiprocessing as mp
import sys
import time
import traceback
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
EXAMPLES = 5  # article ids kept per crash kind

_PIPELINE = None


def _init_worker() -> None:
    global _PIPELINE
    import khabar.stages  # noqa: F401  registers the built-in stages
    from khabar.pipeline import Pipeline

    _PIPELINE = Pipeline.build()


def check_one(line: str) -> tuple[str, str | None, str | None, str | None]:
    """(article id, stage or None, exception or None, message) for one JSONL line."""
    from khabar.record import spans, to_record, validate
    from khabar.errors import InputError, StageError
    from khabar.ingest.readers import article_from_record

    article_id = "?"
    try:
        raw = json.loads(line)
        article_id = str(raw.get("id"))
        article = article_from_record(raw, "corpus")
        record = to_record(_PIPELINE.run(article), _PIPELINE.provenance)
    except InputError as err:
        return article_id, "read", "InputError", str(err)
    except StageError as err:
        tb = traceback.extract_tb(err.cause.__traceback__)[-1]
        return article_id, err.stage, type(err.cause).__name__, f"{err.cause} at {Path(tb.filename).name}:{tb.lineno}"
    except Exception as err:  # outside any stage: the record builder
        return article_id, "record", type(err).__name__, str(err)
    try:
        validate(record)
        text = record["text"]
        for span in spans(record):
            if not (0 <= span["start"] <= span["end"] <= len(text)) or text[span["start"]:span["end"]] != span["text"]:
                return article_id, "record", "BadSpan", f"span {span['start']}:{span['end']} != its text"
    except Exception as err:
        return article_id, "record", type(err).__name__, " ".join(str(err).split())[:300]
    return article_id, None, None, None


def lines(files: list[Path], every: int, limit: int | None):
    def all_lines():
        for f in files:
            with gzip.open(f, "rt", encoding="utf-8") as fh:
                yield from fh

    picked = (line for i, line in enumerate(all_lines()) if i % every == 0)
    return islice(picked, limit) if limit else picked


def _results(items, workers: int):
    """check_one over the lines: in this process for one worker, else in a pool (a pipeline per worker)."""
    if workers <= 1:
        _init_worker()
        yield from map(check_one, items)
        return
    with mp.get_context("fork").Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap_unordered(check_one, items, chunksize=8)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("files", nargs="*", type=Path, help="JSONL(.gz) files (default: every corpus file)")
    p.add_argument("--every", type=int, default=1, help="take every Nth article (a spread sample); default all")
    p.add_argument("--limit", type=int, help="stop after this many articles")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--report", type=Path, help="write the JSON report here too")
    args = p.parse_args(argv)
    files = args.files or sorted(CORPUS.glob("*.jsonl.gz"))
    if not files:
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    started, done = time.monotonic(), 0
    crashes: dict[tuple[str, str], list] = collections.defaultdict(list)
    for article_id, stage, exc, message in _results(lines(files, args.every, args.limit), args.workers):
        done += 1
        if stage:
            crashes[(stage, exc)].append((article_id, message))
        if done % 500 == 0:
            bad = len(crashes.get(("read", "InputError"), ()))  # bad input is no crash: counted apart
            print(f"{done} articles, {sum(map(len, crashes.values())) - bad} crashes, {bad} bad input, "
                  f"{done / (time.monotonic() - started):.1f}/s", file=sys.stderr, flush=True)
    seconds = time.monotonic() - started
    # an unreadable record (empty text, wrong types) is bad input, reported as such; everything else is a crash
    inputs = crashes.pop(("read", "InputError"), [])
    report = {"files": [f.name for f in files], "every": args.every, "articles": done,
              "crashes": sum(map(len, crashes.values())), "input_errors": len(inputs),
              "input_error_examples": inputs[:EXAMPLES], "seconds": round(seconds, 1),
              "articles_per_s": round(done / seconds, 2) if seconds else None,
              "by_stage": [{"stage": s, "exception": e, "count": len(v), "examples": v[:EXAMPLES]}
                           for (s, e), v in sorted(crashes.items(), key=lambda kv: -len(kv[1]))]}
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    return 1 if report["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
