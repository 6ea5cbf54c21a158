"""The command line: argument parsing and error messages only; the work happens in the library.

Exit status: 0 when everything was processed, 1 when any input or article
failed (the others are still processed), 2 for a usage error.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

from . import __version__
from .errors import KhabarError
from .output import text_output

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _stage_list(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description="Arabic news to structured knowledge.")
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="analyse articles and write khabar JSON v1 lines")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files, folders or globs: .txt .jsonl[.gz] .html .rss/.atom/.xml .warc[.gz]; - for stdin")
    ex.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    ex.add_argument("--date", type=_day, help="publication date YYYY-MM-DD for every input (overrides theirs)")
    ex.add_argument("--stages", type=_stage_list, help="comma-separated stage names (default: the full pipeline)")

    ev = sub.add_parser("eval", help="score the pipeline on gold (or: khabar eval ner FILE)")
    ev.add_argument("--gold", required=True, help="gold JSONL (khabar gold v1)")
    ev.add_argument("--articles", required=True, help="the articles the gold annotates (JSONL or text)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--output", metavar="SYSTEM", help="also write the system output here")

    sub.add_parser("stages", help="list the registered stages with what they require and add")
    sub.add_parser("train", help="train a model: khabar train ner FILE... [--out PATH] [--seed N] [--folds K]")
    # Listed for --help only: these commands parse their own arguments (see DELEGATED).
    for name, text in DELEGATED_HELP.items():
        sub.add_parser(name, help=text, add_help=False)
    return parser


def _report(message: str) -> None:
    print(f"khabar: {message}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .ingest.readers import read_inputs
    from . import stages  # noqa: F401  registers the built-in stages
    from .pipeline import Options, Pipeline
    from .runner import analyse

    pipeline = Pipeline.build(Options(date=args.date, stages=args.stages))
    failed = 0
    with text_output(args.output) as out:
        for item in analyse(pipeline, read_inputs(args.inputs)):
            if isinstance(item, KhabarError):
                failed += 1
                _report(str(item))
            else:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate.articles import evaluate_articles, format_report

    report, errors = evaluate_articles(args.gold, args.articles, output=args.output)
    for err in errors:
        _report(str(err))
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_FAILED if errors else EXIT_OK


def cmd_stages(args: argparse.Namespace) -> int:
    from . import stages  # noqa: F401  registers the built-in stages
    from .pipeline import default_stages, registered

    defaults = set(default_stages())
    for spec in sorted(registered().values(), key=lambda s: s.id):
        mark = "*" if spec.id in defaults else " "
        print(f"{mark} {spec.id:18} requires {', '.join(spec.requires) or '-':30} adds {', '.join(spec.adds):24} "
              f"uses {', '.join(spec.uses) or '-'}")
    return EXIT_OK


# Commands whose parsers live beside the code that does the work: name -> (module, function).
DELEGATED = {
    "ingest": ("khabar.store.commands", "ingest_main"),
    "search": ("khabar.store.commands", "search_main"),
    "export": ("khabar.store.commands", "export_main"),
    "import": ("khabar.store.commands", "import_main"),
    "serve": ("khabar.api.commands", "serve_main"),
    "batch": ("khabar.batch.commands", "batch_main"),
    "kb": ("khabar.entities.kb.commands", "kb_main"),
    "events": ("khabar.events.commands", "events_main"),
}


DELEGATED_HELP = {
    "ingest": "analyse articles and store them (SQLite by default, or PostgreSQL)",
    "search": "full-text search of the store, in Arabic, with filters",
    "serve": "the JSON API and the RTL web UI",
    "export": "write stored data as jsonl, csv, parquet, PLOVER or GDELT-like TSV",
    "import": "store khabar v1 records from extract or export",
    "batch": "run the pipeline over an archive into Parquet tables (local or Spark)",
    "kb": "build or extend the knowledge base from a Wikidata dump",
    "events": "work with extracted events (cluster wire copies)",
}


def _delegate(argv: list[str]) -> int | None:
    """Commands with their own parsers, in the modules that do the work."""
    if argv[:1] and argv[0] in DELEGATED:
        import importlib

        module, function = DELEGATED[argv[0]]
        return getattr(importlib.import_module(module), function)(argv[1:])
    if argv[:2] == ["eval", "ner"]:
        from .evaluate import ner

        return ner.main(argv[2:])
    if argv[:2] == ["train", "ner"]:
        from .training import ner as train

        return train.main(argv[2:])
    if argv[:1] == ["train"]:
        _report("train: say what to train: khabar train ner FILE...")
        return EXIT_USAGE
    return None


COMMANDS = {"extract": cmd_extract, "eval": cmd_eval, "stages": cmd_stages}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        delegated = _delegate(argv)
        if delegated is not None:
            return delegated
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except KhabarError as err:
        _report(str(err))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _report("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug, not a user error: one line, and the trace on request
        if os.environ.get("KHABAR_DEBUG"):
            raise
        _report(f"internal error: {type(err).__name__}: {err} (set KHABAR_DEBUG=1 for the traceback)")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
