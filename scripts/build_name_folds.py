"""Build khabar/data/text/name-folds.tsv: spellings of one name token that search treats as one term.

A group is formed only where the knowledge base itself spells a token of one
entity's aliases two ways that differ by the long vowels and ه inside the word
(ترامب / ترمب, نتنياهو / نتانياهو), so common words are never folded. Each group then takes in
the name tokens of text/names.txt.gz (Wikidata and CLDR names) one long vowel
away from a KB spelling: spellings the KB does not list, that the news uses.

usage: .venv/bin/python scripts/build_name_folds.py
"""
from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.text.normalize import normalize  # noqa: E402

KB = ROOT / "khabar" / "data" / "kb"
NAMES = ROOT / "khabar" / "data" / "text" / "names.txt.gz"
OUT = ROOT / "khabar" / "data" / "text" / "name-folds.tsv"
WEAK = set("اويىءئؤه")
MIN_LENGTH = 4  # shorter tokens have too few letters left to tell names apart


def skeleton(token: str) -> str:
    """The token without the long vowels and ه inside it; its first and last letters stay, so a nisba
    (الاردني) or a feminine ending (الاردنيه) is never folded into the name it derives from."""
    if len(token) < 3:
        return token
    return token[0] + "".join(c for c in token[1:-1] if c not in WEAK) + token[-1]


def stem(token: str) -> str:
    """The token without its article: search indexes stems, الاميركي as اميركي."""
    return token[2:] if token.startswith("ال") and len(token) > MIN_LENGTH else token


def alias_tokens(kb_dir: Path = KB) -> list[list[str]]:
    """Per KB entity, the normalised tokens of all its aliases."""
    out = []
    for path in sorted(kb_dir.glob("*.tsv")):
        lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
        for line in lines:
            cols = line.split("\t")
            if len(cols) >= 6:
                out.append([stem(normalize(t)) for a in cols[5].split("|") for t in a.split()])
    return out


def groups(entities: list[list[str]]) -> dict[str, list[str]]:
    """Skeleton -> spellings (in first-seen order) where one entity spells a token two ways."""
    found: dict[str, list[str]] = defaultdict(list)
    for tokens in entities:
        by_skel = defaultdict(list)
        for t in tokens:
            if len(t) >= MIN_LENGTH and t not in by_skel[skeleton(t)]:
                by_skel[skeleton(t)].append(t)
        for skel, spellings in by_skel.items():
            if len(spellings) > 1:
                found[skel] += [s for s in spellings if s not in found[skel]]
    return dict(found)


def one_weak_letter_apart(a: str, b: str) -> bool:
    """True when the longer of a and b is the other with one long vowel or ه added inside it."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[i] in WEAK and long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1))


def add_name_list(found: dict[str, list[str]], names: list[str], kb_tokens: set[str]) -> None:
    """Take in name-list tokens one weak letter away from a KB spelling (بوتن for بوتين), and no further:
    two letters away, the list holds other names (مالي is Mali, not ملاوي); a token the KB gives another
    entity is that entity's name (بوتان is Bhutan)."""
    kb_spellings = {skel: tuple(spellings) for skel, spellings in found.items()}
    for name in names:
        spellings = found.get(skeleton(name))
        if spellings is None or len(name) < MIN_LENGTH or name in spellings or name in kb_tokens:
            continue
        if any(one_weak_letter_apart(name, s) for s in kb_spellings[skeleton(name)]):
            spellings.append(name)


def main() -> int:
    entities = alias_tokens()
    found = groups(entities)
    with gzip.open(NAMES, "rt", encoding="utf-8") as fh:
        names = [l.strip() for l in fh if l.strip() and not l.startswith("#")]
    add_name_list(found, names, {t for tokens in entities for t in tokens})
    rows = sorted((v, spellings[0]) for spellings in found.values() for v in spellings[1:])
    header = ["# version: 1",
              "# description: spellings of one name token folded to one search term (variant, term); groups from "
              "the KB's own aliases, extended with text/names.txt.gz; built by scripts/build_name_folds.py",
              "# columns: variant term"]
    OUT.write_text("\n".join(header + [f"{v}\t{t}" for v, t in rows]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} variants in {len(found)} groups to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
