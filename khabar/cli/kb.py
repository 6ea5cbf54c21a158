"""`khabar kb build --wikidata DUMP.json(.gz) [--out DIR]`: build or extend the knowledge base from a Wikidata dump."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK

HELP = "build or extend the knowledge base from a Wikidata dump"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar kb`."""
    from ..entities.kb.store import KB_DIR

    p = argparse.ArgumentParser(prog="khabar kb", description="Build or extend the knowledge base.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read a Wikidata JSON dump and write wikidata.tsv and roles-wikidata.tsv")
    b.add_argument("--wikidata", required=True, metavar="DUMP", help="a Wikidata JSON dump (.json or .json.gz)")
    b.add_argument("--out", default=str(KB_DIR), metavar="DIR", help="the KB folder to write to (default: the shipped KB)")
    return p


def main(argv: list[str]) -> int:
    """Build, and say how many entities and positions were written."""
    from ..entities.kb.build import build

    args = parser().parse_args(argv)
    n, r = build(Path(args.wikidata), Path(args.out))
    print(f"khabar kb: {n} entities, {r} positions written to {args.out}")
    return EXIT_OK
