#!/usr/bin/env python3
"""Build khabar/data/entities/name_spellings.tsv: the English spelling of each Arabic person-name token.

Data: the Wikidata person-name token pairs (CC0; via steveash/NETransliteration-COLING2018), one
`english<TAB>arabic letters<TAB>count` a line. Read in reverse: every Arabic token is normalised like
the text (khabar.text.normalize, as scripts/train_translit.py does); its English forms are grouped by
their ASCII fold (`François`/`francois` meet), and the group with the largest count wins (ties: the
shorter, then the alphabetically first fold). The spelling written is the most frequent raw form of the
winning group, so diacritics survive (françois); a form with other marks than letters, ' and -
is written as its fold. Noise is dropped: a token is kept only when the
winner has at least MIN_COUNT occurrences and at least MIN_SHARE of the token's pairs.

usage: scripts/build_name_spellings.py [--pairs TSV] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from khabar.entities.translit import SPELLINGS_PATH, SPELLINGS_VERSION  # noqa: E402
from train_translit import PAIRS, _ARABIC, fold_english  # noqa: E402
from khabar.text.normalize import normalize  # noqa: E402

MIN_COUNT = 2
MIN_SHARE = 0.5


def read_forms(path: Path) -> dict[str, dict[str, Counter]]:
    """Normalised Arabic token -> folded English -> Counter of the raw (lower-case) forms."""
    out: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 3 or not cells[2].isdigit():
                continue
            ar = normalize(cells[1].replace(" ", "")).lower()
            en = fold_english(cells[0])
            raw = cells[0].strip().lower()
            if _ARABIC.match(ar) and en.strip("'-") and raw and "\t" not in raw:
                out[ar][en][raw] += int(cells[2])
    return out


def pick(groups: dict[str, Counter]) -> tuple[str, int, float] | None:
    """(spelling, count, share) of the dominant English form, or None when it is noise."""
    totals = {fold: sum(c.values()) for fold, c in groups.items()}
    total = sum(totals.values())
    fold = min(totals, key=lambda f: (-totals[f], len(f), f))
    count, share = totals[fold], totals[fold] / total
    if count < MIN_COUNT or share < MIN_SHARE:
        return None
    # A raw form with other marks than letters, ' and - (`c.` of سي) is written as its ASCII fold.
    plain = [r for r in groups[fold] if all(ch.isalpha() or ch in "'-" for ch in r)]
    raw = min(plain, key=lambda r: (-groups[fold][r], r)) if plain else fold
    return raw, count, share


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=Path, default=PAIRS)
    p.add_argument("--out", type=Path, default=SPELLINGS_PATH)
    args = p.parse_args()
    forms = read_forms(args.pairs)
    rows = []
    for ar in sorted(forms):
        got = pick(forms[ar])
        if got:
            rows.append(f"{ar}\t{got[0]}\t{got[1]}\t{got[2]:.3f}\n")
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(f"# version: {SPELLINGS_VERSION}\n")
        fh.write(f"# source: {args.pairs.name} (Wikidata person-name token pairs, via "
                 "steveash/NETransliteration-COLING2018); licence: CC0\n")
        fh.write(f"# built by scripts/build_name_spellings.py: min count {MIN_COUNT}, min share {MIN_SHARE}\n")
        fh.write("arabic\tenglish\tcount\tshare\n")
        fh.writelines(rows)
    print(f"wrote {args.out}: {len(rows)} of {len(forms)} Arabic tokens, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
