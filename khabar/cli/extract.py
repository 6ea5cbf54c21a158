"""`khabar extract INPUT...`: analyse articles and write khabar JSON v1 lines."""
from __future__ import annotations

import argparse
import json

from ..errors import KhabarError
from .output import text_output
from .common import EXIT_FAILED, EXIT_OK, day, report, stage_list

HELP = "analyse articles and write khabar JSON v1 lines"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar extract`."""
    p = argparse.ArgumentParser(prog="khabar extract", description="Analyse articles and write khabar JSON v1 lines.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders or globs: .txt .jsonl[.gz] .html .rss/.atom/.xml .warc[.gz]; - for stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    p.add_argument("--date", type=day, help="publication date YYYY-MM-DD for every input (overrides theirs)")
    p.add_argument("--stages", type=stage_list, help="comma-separated stage names (default: the full pipeline)")
    return p


def main(argv: list[str]) -> int:
    """One JSON line per article; each bad input or article is one line on standard error."""
    from .. import stages  # noqa: F401  registers the built-in stages
    from ..pipeline import Options, Pipeline
    from ..analysis import analyse_inputs

    args = parser().parse_args(argv)
    pipeline = Pipeline.build(Options(date=args.date, stages=args.stages))
    failed = 0
    with text_output(args.output) as out:
        for item in analyse_inputs(pipeline, args.inputs):
            if isinstance(item, KhabarError):
                failed += 1
                report(str(item))
            else:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return EXIT_FAILED if failed else EXIT_OK
