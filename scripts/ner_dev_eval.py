"""Score a NER model on the fixed dev slice of ANERcorp-train (its last 10% of tokens).

usage: python scripts/ner_dev_eval.py [ANERCORP_TRAIN] [--model PATH] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.training.conll import read  # noqa: E402
from khabar.entities.ner.model import MODEL_PATH, NerModel  # noqa: E402
from khabar.training.ner import dev_split  # noqa: E402
from khabar.evaluate.ner import evaluate_sentences, table  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(ROOT.parent / "shared/data/ner/anercorp-train.txt"))
    ap.add_argument("--model", default=str(MODEL_PATH))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    _, dev = dev_split(read(args.file), 0.1)
    result = evaluate_sentences(dev, NerModel(args.model), keep_gpe=False)
    print(json.dumps(result, ensure_ascii=False) if args.json else table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
