"""`khabar events cluster FILE...`: cluster the events of khabar v1 records across articles."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator

from ..errors import InputError

HELP = "work with extracted events (cluster wire copies)"


def _records(paths: list[str]) -> Iterator[dict]:
    """The v1 records of JSONL inputs, in order; InputError names the input and line that is not JSON."""
    for path in paths:
        try:
            fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as err:
            raise InputError(path, f"cannot be read: {err.strerror or err}") from None
        with fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise InputError(path, f"not JSON: {err.msg}", n) from None


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar events`."""
    ap = argparse.ArgumentParser(prog="khabar events", description="work with extracted events")
    sub = ap.add_subparsers(dest="action", required=True)
    cl = sub.add_parser("cluster", help="cluster events across articles (wire copies -> one event)")
    cl.add_argument("inputs", nargs="+", help="khabar v1 JSONL files (output of khabar extract), or -")
    return ap


def main(argv: list[str]) -> int:
    """Print one JSON line per event cluster (same type, actors and date), with every mention kept."""
    from ..events.dedup import cluster_events

    args = parser().parse_args(argv)
    for cluster in cluster_events(_records(args.inputs)):
        print(json.dumps(cluster.to_json(), ensure_ascii=False))
    return 0
