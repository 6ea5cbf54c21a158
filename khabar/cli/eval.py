"""`khabar eval --gold G --articles A`: score the pipeline on gold; `khabar eval ner FILE` scores the NER model."""
from __future__ import annotations

import argparse
import json

from .common import EXIT_FAILED, EXIT_OK, report

HELP = "score the pipeline on gold (or: khabar eval ner FILE)"


def parser() -> argparse.ArgumentParser:
    """The parser of `khabar eval` (`khabar eval ner` has its own)."""
    p = argparse.ArgumentParser(prog="khabar eval", description="Score the pipeline on gold (or: khabar eval ner FILE).")
    p.add_argument("--gold", required=True, help="gold JSONL (khabar gold v1)")
    p.add_argument("--articles", required=True, help="the articles the gold annotates (JSONL or text)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--output", metavar="SYSTEM", help="also write the system output here")
    return p


def main(argv: list[str]) -> int:
    """Print the scores; each article that failed is one line on standard error."""
    if argv[:1] == ["ner"]:
        from ..evaluate import ner

        return ner.main(argv[1:])
    from ..evaluate.articles import evaluate_articles, format_report

    args = parser().parse_args(argv)
    scores, errors = evaluate_articles(args.gold, args.articles, output=args.output)
    for err in errors:
        report(str(err))
    print(json.dumps(scores, ensure_ascii=False) if args.json else format_report(scores))
    return EXIT_FAILED if errors else EXIT_OK
