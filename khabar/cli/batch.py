"""`khabar batch INPUT... --out DIR [--engine local|spark] [--master URL] [--resume]`: an archive into Parquet tables."""
from __future__ import annotations

import argparse
import json
import sys

from ..batch.options import BatchOptions
from ..errors import KhabarError
from ..pipeline import Options
from .common import EXIT_FAILED, EXIT_OK, positive, stage_list

HELP = "run the pipeline over an archive into Parquet tables (local or Spark)"
DEFAULT_CHUNK = {"local": 2000, "spark": 10000}


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar batch`."""
    p = argparse.ArgumentParser(prog="khabar batch", description="Run the pipeline over many inputs into Parquet tables.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders or globs: .txt .jsonl[.gz] .html .xml/.rss/.atom .warc[.gz], or - for stdin")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder of Parquet tables")
    p.add_argument("--engine", choices=("local", "spark"), default="local")
    p.add_argument("--master", default="local[2]", help="Spark master: local[N] or spark://host:port")
    p.add_argument("--resume", action="store_true", help="continue a batch in DIR: ids already there are skipped")
    p.add_argument("--chunk-size", type=positive, help="items per committed chunk (default 2000, Spark 10000)")
    p.add_argument("--partitions", type=positive, default=0, help="Spark partitions per chunk (default 8 per core)")
    p.add_argument("--workers", type=positive, default=1,
                   help="local engine: analysing processes (default 1; one per core for full speed)")
    p.add_argument("--all-languages", action="store_true", help="analyse every article, not only Arabic ones")
    p.add_argument("--stages", type=stage_list,
                   help="comma-separated stage names (default: the full pipeline)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    return p


def options_from(args: argparse.Namespace) -> BatchOptions:
    """The BatchOptions the parsed arguments ask for."""
    from ..ingest.options import IngestOptions

    return BatchOptions(inputs=tuple(args.inputs), out=args.out, engine=args.engine, master=args.master,
                        resume=args.resume, chunk_size=args.chunk_size or DEFAULT_CHUNK[args.engine],
                        partitions=args.partitions, workers=args.workers, progress=not args.quiet,
                        pipeline=Options(stages=args.stages), ingest=IngestOptions(check_language=not args.all_languages))


def main(argv: list[str]) -> int:
    """Run the batch; a one-line JSON summary on standard output."""
    from ..batch.run import run_batch

    args = parser().parse_args(argv)
    try:
        summary = run_batch(options_from(args))
    except KhabarError as err:  # named as the batch's, so a log of many commands says which one failed
        print(f"khabar: batch: {err}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(summary.as_dict()))
    return EXIT_FAILED if summary.counts["failed"] else EXIT_OK
