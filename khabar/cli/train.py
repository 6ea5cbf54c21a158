"""`khabar train ner FILE...`: train a model; the NER trainer parses its own arguments."""
from __future__ import annotations

import argparse

from .common import EXIT_USAGE, report

HELP = "train a model: khabar train ner FILE... [--out PATH] [--seed N] [--folds K]"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar train`, for --help: the model's trainer reads the rest."""
    p = argparse.ArgumentParser(prog="khabar train", description="Train a model (see khabar train ner --help).")
    p.add_argument("model", choices=("ner",), help="the model to train")
    p.add_argument("args", nargs=argparse.REMAINDER, help="the trainer's arguments")
    return p


def main(argv: list[str]) -> int:
    """Hand `ner` to the NER trainer; anything else is a usage error."""
    if argv[:1] == ["ner"]:
        from ..training import ner as train

        return train.main(argv[1:])
    if argv[:1] in (["-h"], ["--help"]):
        parser().parse_args(argv)  # prints the help and exits 0
    report("train: say what to train: khabar train ner FILE...")
    return EXIT_USAGE
