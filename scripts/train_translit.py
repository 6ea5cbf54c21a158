#!/usr/bin/env python3
"""Train the Arabic -> English name transliterator (khabar/data/entities/translit.json.gz).

Data: the Wikidata person-name token pairs (CC0), one `english<TAB>arabic letters<TAB>count` a line.
1. Every Arabic token is normalised like the text (khabar.text.normalize) and its English folded to
   ASCII letters; the most frequent English of a token is its reference.
2. Hard EM aligns each Arabic letter to an English chunk of 0-3 letters (monotone, every letter used).
3. The character model counts the chunks of an Arabic letter in nested windows: two letters each side,
   then one left and two right, one each side, the letter and the next one, the letter alone;
   decoding interpolates them (Witten-Bell).
4. The English letter model counts the letters of the English forms after each history of up to five
   letters; decoding runs a beam search over the chunks scored by both models.
5. Known tokens are looked up: the shipped word table maps every Arabic token of the pairs to its most
   frequent English (the entity stage also reads it as the list of known person-name tokens).
A held-out 10% of the Arabic tokens (by a hash of the token) is scored before the final model is
trained on everything; the figures go to stdout and to the model's `heldout` field.

usage: scripts/train_translit.py [--pairs TSV] [--out PATH] [--weight W] [--heldout-only]
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

from khabar.entities.translit import END, LEVELS, START, VERSION, context_keys, decode_token  # noqa: E402
from khabar.text.normalize import normalize  # noqa: E402

PAIRS = ROOT.parent / "shared" / "data" / "gazetteers" / "wikidata-person-name-tokens-en-ar.tsv"
OUT = ROOT / "khabar" / "data" / "entities" / "translit.json.gz"
MAX_CHUNK = 3
EM_ROUNDS = 5
MAX_OUTCOMES = 8  # chunks kept per window (decoding tries the 6 most likely)
LM_ORDER = 6  # English letter model: 5 letters of history
LM_WEIGHT = 0.5  # chosen on a validation tenth of the training tokens (0.3-0.8 all help; 0 = letters alone)
MIN_HISTORY_COUNT = 2
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


def context_model(aligned: list[tuple[str, list[str], int]]) -> dict[str, dict[str, int]]:
    """Context key -> counts of its English chunks (the most frequent MAX_OUTCOMES), for every window seen:
    leaving out the windows seen once (a quarter of the size) cost a point of held-out exact match."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for ar, chunks, c in aligned:
        for i, chunk in enumerate(chunks):
            for key in context_keys(ar, i):
                counts[key][chunk] += c
    return {key: dict(cs.most_common(MAX_OUTCOMES)) for key, cs in sorted(counts.items())}


def letter_model(pairs: dict[str, Counter]) -> dict:
    """English letter n-grams over every English form of the pairs: history -> next-letter counts.

    Each distinct form counts once (a frequent name should not drown the letter patterns of the rest);
    histories seen fewer than MIN_HISTORY_COUNT times are left out, the interpolation backs off.
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    forms = {en for fs in pairs.values() for en in fs}
    for en in forms:
        text = START * (LM_ORDER - 1) + en + END
        for j in range(LM_ORDER - 1, len(text)):
            for n in range(LM_ORDER):
                counts[text[j - n:j]][text[j]] += 1
    kept = {h: dict(cs) for h, cs in sorted(counts.items()) if sum(cs.values()) >= MIN_HISTORY_COUNT or len(h) <= 1}
    alphabet = len({ch for cs in counts.values() for ch in cs})
    return {"order": LM_ORDER, "alphabet": alphabet, "counts": kept}


def evaluate(m: dict, test: dict[str, Counter]) -> dict:
    """Exact match with the most frequent English, with any English seen, and character error rate."""
    exact = anyform = errors = chars = 0
    for ar, forms in test.items():
        ref = forms.most_common(1)[0][0]
        out = decode_token(ar, m)
        exact += out == ref
        anyform += out in forms
        errors += Levenshtein.distance(out, ref)
        chars += len(ref)
    n = len(test)
    return {"tokens": n, "exact": round(exact / n, 4), "exact_any_variant": round(anyform / n, 4),
            "cer": round(errors / chars, 4)}


def train(pairs: dict[str, Counter], weight: float = LM_WEIGHT) -> dict:
    """The character and letter models (no word table) in the shipped format."""
    flat = [(ar, en, c) for ar, forms in pairs.items() for en, c in forms.items()]
    return {"version": VERSION, "levels": list(LEVELS), "chars": context_model(em_alignments(flat)),
            "lm": {**letter_model(pairs), "weight": weight}}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=Path, default=PAIRS)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--weight", type=float, default=LM_WEIGHT,
                   help="weight of the English letter model (0: the character model alone)")
    p.add_argument("--heldout-only", action="store_true", help="score on the held-out tokens, write nothing")
    args = p.parse_args()
    pairs = read_pairs(args.pairs)
    train_part = {a: f for a, f in pairs.items() if not held_out(a)}
    test_part = {a: f for a, f in pairs.items() if held_out(a)}
    scores = evaluate(train(train_part, args.weight), test_part)
    print(f"held-out: {json.dumps(scores)}  (train {len(train_part)} Arabic tokens, letter model weight {args.weight})")
    if args.heldout_only:
        return 0
    model = {**train(pairs, args.weight), "source": f"{args.pairs.name} (Wikidata, CC0)", "heldout": scores}
    model["words"] = {ar: f.most_common(1)[0][0] for ar, f in sorted(pairs.items())}
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(model, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {args.out}: {len(model['chars'])} contexts, {len(model['lm']['counts'])} letter histories, "
          f"{len(model['words'])} known tokens, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
