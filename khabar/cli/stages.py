"""`khabar stages`: the registered stages, with what each requires and adds (* marks the default pipeline)."""
from __future__ import annotations

import argparse

from .common import EXIT_OK

HELP = "list the registered stages with what they require and add"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar stages` (no arguments)."""
    return argparse.ArgumentParser(prog="khabar stages", description="List the registered stages (* marks the default).")


def main(argv: list[str]) -> int:
    """One line per stage."""
    from .. import stages  # noqa: F401  registers the built-in stages
    from ..pipeline import default_stages, registered

    parser().parse_args(argv)
    defaults = set(default_stages())
    for spec in sorted(registered().values(), key=lambda s: s.id):
        mark = "*" if spec.id in defaults else " "
        print(f"{mark} {spec.id:18} requires {', '.join(spec.requires) or '-':30} adds {', '.join(spec.adds):24} "
              f"uses {', '.join(spec.uses) or '-'}")
    return EXIT_OK
