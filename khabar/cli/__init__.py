"""The command line: one module per sub-command, and this edge alone turns library errors into one-line messages.

Exit status: 0 when everything was processed, 1 when any input or article
failed (the others are still processed), 2 for a usage error.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from .. import __version__
from ..errors import KhabarError
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, report

# Sub-command -> its module in khabar/cli/ (each has HELP and main(argv)); imported only when it runs.
COMMANDS = {
    "extract": "extract", "eval": "eval", "stages": "stages", "train": "train", "ingest": "ingest",
    "search": "search", "serve": "serve", "export": "export", "import": "import_records", "batch": "batch",
    "kb": "kb", "events": "events",
}

__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "command_module", "main"]


def command_module(name: str) -> ModuleType:
    """The module that parses and runs one sub-command."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name]}")


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: --help, --version and the list of sub-commands (each parses its own arguments)."""
    parser = argparse.ArgumentParser(prog="khabar", description="Arabic news to structured knowledge.")
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        sub.add_parser(name, help=command_module(name).HELP, add_help=False)
    return parser


def dispatch(argv: list[str]) -> int:
    """Run the sub-command argv names; anything else is --help, --version or a usage error."""
    if argv[:1] and argv[0] in COMMANDS:
        return command_module(argv[0]).main(argv[1:])
    build_parser().parse_args(argv)  # exits: help, version, or a usage error
    return EXIT_USAGE


def _exit_status(exit_: SystemExit) -> int:
    """argparse's exit (0 for --help, 2 for a usage error) as a return value; a message exit is re-raised."""
    if exit_.code is None or isinstance(exit_.code, int):
        return exit_.code or EXIT_OK
    raise exit_


def main(argv: list[str] | None = None) -> int:
    """The `khabar` command: typed library errors become one line and exit 1; a bug is one line unless KHABAR_DEBUG."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return dispatch(argv)
    except SystemExit as exit_:
        return _exit_status(exit_)
    except KhabarError as err:
        report(str(err))
        return EXIT_FAILED
    except KeyboardInterrupt:
        report("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug, not a user error: one line, and the trace on request
        if os.environ.get("KHABAR_DEBUG"):
            raise
        report(f"internal error: {type(err).__name__}: {err} (set KHABAR_DEBUG=1 for the traceback)")
        return EXIT_FAILED
