"""Self-training features: tag unlabelled ANT news with a first-pass model and record, per stem,
how often it falls inside each entity type. Writes khabar/data/ner/autotags.tsv.gz.

usage:
  python -m khabar.training.ner ANERCORP --out /tmp/base.crfsuite --no-autotags
  python scripts/build_ner_autotags.py /tmp/base.crfsuite [N_ARTICLES]
The first pass must be trained without autotags (--no-autotags), as shown, and tags without them.
Only ANT (Apache-2.0) is tagged; SaudiNewsNet is non-commercial.
"""
from __future__ import annotations

import gzip
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.entities.ner.features import FeatureOptions, split_parts, unit_of_token  # noqa: E402
from khabar.entities.ner.model import NerModel  # noqa: E402
from khabar.entities.ner.stage import chunks  # noqa: E402
from khabar.text.sentences import split_sentences  # noqa: E402
from khabar.text.tokens import tokenize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"
OUT = ROOT / "khabar" / "data" / "ner" / "autotags.tsv.gz"
MIN_COUNT = 3
LEVELS = ((0.5, "hi"), (0.2, "mid"), (0.05, "lo"))


def tagged_stems(model: NerModel, n: int):
    """(stem, type or None) for every word token of n articles (every 7th article of ANT)."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, 0, n * 7, 7):
            text = json.loads(line)["text"]
            toks = [t for s in split_sentences(text) for t in tokenize(text, s.start, s.end)]
            for chunk in chunks(text, toks):
                units = [unit_of_token(text, t) for t in chunk]
                for u, label in zip(units, model.tag(units)):
                    if u[1] == "word":
                        yield split_parts(*u)[1], (label[2:] or None)


def main(argv: list[str]) -> int:
    model = NerModel(argv[0], features=FeatureOptions(autotags=False))  # it knows no autotag features
    n = int(argv[1]) if len(argv) > 1 else 4000
    total, typed = Counter(), defaultdict(Counter)
    for stem, kind in tagged_stems(model, n):
        total[stem] += 1
        if kind:
            typed[stem][kind] += 1
    rows = []
    for stem in sorted(typed):
        if total[stem] < MIN_COUNT:
            continue
        feats = []
        for kind, c in sorted(typed[stem].items()):
            level = next((name for cut, name in LEVELS if c / total[stem] >= cut), None)
            if level:
                feats.append(f"{kind}:{level}")
        if feats:
            rows.append(f"{stem}\t{','.join(feats)}\n")
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(f"# stem<TAB>type:share level from {n} auto-tagged ANT articles; scripts/build_ner_autotags.py\n".encode())
        fh.write("".join(rows).encode("utf-8"))
    print(f"{sum(total.values())} tokens tagged; {len(rows)} stems written to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
