#!/usr/bin/env python3
"""Train the Arabic -> English name transliterator (khabar/data/entities/translit.json.gz).

Data: the Wikidata person-name token pairs (CC0), one `english<TAB>arabic letters<TAB>count` a line.
1. Every Arabic token is normalised like the text (khabar.text.normalize) and its English folded to
   ASCII letters; the most frequent English of a token is its reference.
2. Hard EM aligns each Arabic letter to an English chunk of 0-3 letters (monotone, every letter used).
3. The character model maps an Arabic letter in context to its most frequent chunk, backing off through
   nested windows: two letters each side, then one left and two right, one each side, the letter and
   the next one, the letter alone.
   A context is kept only when it has been seen twice and changes what the shorter contexts give.
4. Known tokens are looked up: the shipped word table maps every Arabic token of the pairs to its most
   frequent English (the entity stage also reads it as the list of known person-name tokens).
A held-out 10% of the Arabic tokens (by a hash of the token) is scored before the final model is
trained on everything; the figures go to stdout and to the model's `heldout` field.

usage: scripts/train_translit.py [--pairs TSV] [--out PATH]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.entities.translit import LEVELS, context_keys, decode_token  # noqa: E402
from khabar.text.normalize import normalize  # noqa: E402

PAIRS = ROOT.parent / "shared" / "data" / "gazetteers" / "wikidata-person-name-tokens-en-ar.tsv"
OUT = ROOT / "khabar" / "data" / "entities" / "translit.json.gz"
MAX_CHUNK = 3
EM_ROUNDS = 5
MIN_CONTEXT_COUNT = 2
HELDOUT_MOD = 10  # one Arabic token in ten is held out
_ARABIC = re.compile(r"^[\u0621-\u064A]+$")
_ENGLISH = re.compile(r"[^a-z'-]")


def fold_english(text: str) -> str:
    """ASCII lower-case letters, apostrophe and hyphen: `Chūhachi` -> `chuhachi`."""
    text = unicodedata.normalize("NFKD", text)
    return _ENGLISH.sub("", "".join(c for c in text if not unicodedata.combining(c)).lower())


def read_pairs(path: Path) -> dict[str, Counter]:
    """Normalised Arabic token -> Counter of its folded English forms."""
    out: dict[str, Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 3 or not cells[2].isdigit():
                continue
            ar = normalize(cells[1].replace(" ", "")).lower()
            en = fold_english(cells[0])
            if _ARABIC.match(ar) and en.strip("'-"):
                out[ar][en] += int(cells[2])
    return out


def held_out(token: str) -> bool:
    return int(hashlib.md5(token.encode("utf-8")).hexdigest(), 16) % HELDOUT_MOD == 0


def align(ar: str, en: str, logp: dict | None) -> list[str] | None:
    """The best monotone split of `en` into one chunk (0-3 letters) per Arabic letter.

    Without chunk probabilities yet (the first round), chunks close to the pair's mean length win:
    starting from equal scores lets hard EM collapse onto empty chunks.
    """
    n, m = len(ar), len(en)
    ratio = m / n
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        for j in range(m + 1):
            if best[i][j] == -math.inf:
                continue
            for k in range(0, MAX_CHUNK + 1):
                if j + k > m:
                    break
                step = -abs(k - ratio) if logp is None else logp.get((ar[i], en[j:j + k]), -12.0 - k)
                s = best[i][j] + step
                if s > best[i + 1][j + k]:
                    best[i + 1][j + k], back[i + 1][j + k] = s, k
    if best[n][m] == -math.inf:
        return None
    chunks, j = [], m
    for i in range(n, 0, -1):
        k = back[i][j]
        chunks.append(en[j - k:j])
        j -= k
    return chunks[::-1]


def em_alignments(pairs: list[tuple[str, str, int]]) -> list[tuple[str, list[str], int]]:
    """Hard EM: align with the current chunk probabilities, re-estimate them from the alignments."""
    logp: dict | None = None
    aligned: list[tuple[str, list[str], int]] = []
    for _ in range(EM_ROUNDS):
        aligned = [(ar, ch, c) for ar, en, c in pairs if (ch := align(ar, en, logp)) is not None]
        counts: dict[str, Counter] = defaultdict(Counter)
        for ar, chunks, c in aligned:
            for a, chunk in zip(ar, chunks):
                counts[a][chunk] += c
        logp = {(a, chunk): math.log(n / sum(cs.values())) for a, cs in counts.items() for chunk, n in cs.items()}
    return aligned


def context_model(aligned: list[tuple[str, list[str], int]]) -> dict[str, str]:
    """Context key -> chunk, pruned to the contexts that change the backed-off answer."""
    counts: dict[str, Counter] = defaultdict(Counter)
    below: dict[str, list[str]] = {}  # the narrower keys of the same position (the windows are nested)
    for ar, chunks, c in aligned:
        for i, chunk in enumerate(chunks):
            keys = context_keys(ar, i)
            for k, key in enumerate(keys):
                counts[key][chunk] += c
                below.setdefault(key, keys[k + 1:])
    table: dict[str, str] = {}
    for level in reversed(LEVELS):  # from the letter alone up to the widest window
        for key, cs in counts.items():
            if not key.startswith(level + ":"):
                continue
            chunk, n = cs.most_common(1)[0]
            if not below[key]:
                table[key] = chunk
            elif n >= MIN_CONTEXT_COUNT and next((table[k] for k in below[key] if k in table), None) != chunk:
                table[key] = chunk
    return table


def evaluate(table: dict[str, str], test: dict[str, Counter]) -> dict:
    """Exact match with the most frequent English, with any English seen, and character error rate."""
    exact = anyform = errors = chars = 0
    for ar, forms in test.items():
        ref = forms.most_common(1)[0][0]
        out = decode_token(ar, table)
        exact += out == ref
        anyform += out in forms
        errors += Levenshtein.distance(out, ref)
        chars += len(ref)
    n = len(test)
    return {"tokens": n, "exact": round(exact / n, 4), "exact_any_variant": round(anyform / n, 4),
            "cer": round(errors / chars, 4)}


def train(pairs: dict[str, Counter]) -> dict[str, str]:
    flat = [(ar, en, c) for ar, forms in pairs.items() for en, c in forms.items()]
    return context_model(em_alignments(flat))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=Path, default=PAIRS)
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args()
    pairs = read_pairs(args.pairs)
    train_part = {a: f for a, f in pairs.items() if not held_out(a)}
    test_part = {a: f for a, f in pairs.items() if held_out(a)}
    scores = evaluate(train(train_part), test_part)
    print(f"held-out: {json.dumps(scores)}  (train {len(train_part)} Arabic tokens)")
    table = train(pairs)
    words = {ar: f.most_common(1)[0][0] for ar, f in sorted(pairs.items())}
    wrong = sum(decode_token(ar, table) != en for ar, en in words.items())
    model = {"version": 1, "source": f"{args.pairs.name} (Wikidata, CC0)", "heldout": scores,
             "levels": list(LEVELS), "chars": dict(sorted(table.items())), "words": words}
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(model, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {args.out}: {len(table)} contexts, {len(words)} known tokens ({wrong} that the "
          f"character model alone gets wrong), "
          f"{args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
