"""Build the tokeniser's shipped word lists from ../shared (run once; outputs are committed).

- khabar/data/text/lexicon.tsv.gz: normalised word counts from the ANT corpus (Apache-2.0).
- khabar/data/text/names.txt.gz: normalised name tokens from Wikidata person names (CC0)
  and CLDR Arabic territory names (via babel, Unicode licence).

usage: python scripts/build_text_resources.py [SHARED_DIR]
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from babel import Locale

from khabar.text.normalize import normalize

WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0670\u0640]+")
OUT = Path(__file__).resolve().parent.parent / "khabar" / "data" / "text"
MIN_COUNT = 4


def corpus_counts(shared: Path) -> Counter:
    counts: Counter = Counter()
    with gzip.open(shared / "data/corpus/ant-2018.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            counts.update(normalize(w) for w in WORD.findall(record.get("text") or ""))
    return counts


def name_tokens(shared: Path) -> set[str]:
    names = set()
    for line in open(shared / "data/gazetteers/wikidata-person-name-tokens-en-ar.tsv", encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2:
            token = normalize(cols[1].replace(" ", ""))
            if len(token) >= 4 and WORD.fullmatch(token):
                names.add(token)
    for name in Locale("ar").territories.values():
        for token in name.split():
            token = normalize(token)
            if len(token) >= 3 and WORD.fullmatch(token):
                names.add(token)
    return names


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
    counts = corpus_counts(shared)
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "lexicon.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# normalised word\tcount in the ANT corpus 2018 (Apache-2.0); built by scripts/build_text_resources.py\n")
        for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= MIN_COUNT:
                fh.write(f"{word}\t{n}\n")
    with gzip.open(OUT / "names.txt.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# normalised name tokens: Wikidata person names (CC0), CLDR territories (Unicode licence)\n")
        fh.write("\n".join(sorted(name_tokens(shared))) + "\n")


if __name__ == "__main__":
    main()
