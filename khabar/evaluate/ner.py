"""Span-level CoNLL scoring of the NER model on `token TAG` files: `khabar eval ner FILE [--json]`."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Iterable, Sequence

from ..entities.ner.sequences import spans
from ..training.conll import Item, read

# Gold types named differently across corpora, folded to one name for scoring.
GOLD_ALIASES = {"PER": "PERS"}
SCORED = ("PERS", "ORG", "LOC", "GPE")


def gold_tags(sentence: Sequence[Item], keep_gpe: bool) -> list[str]:
    """Gold BIO tags with PER->PERS, GPE->LOC unless the file types GPE apart, unscored types -> O."""
    out = []
    for item in sentence:
        prefix, _, t = item.tag.partition("-")
        t = GOLD_ALIASES.get(t, t)
        if t == "GPE" and not keep_gpe:
            t = "LOC"
        out.append(f"{prefix}-{t}" if t in SCORED else "O")
    return out


def system_tags(n: int, found: Iterable, keep_gpe: bool) -> list[str]:
    """BIO tags from the model's typed mentions, in the gold file's type names."""
    tags = ["O"] * n
    for m in found:
        t = {"PER": "PERS", "GPE": "GPE" if keep_gpe else "LOC"}.get(m.type, m.type)
        if t not in SCORED:
            continue
        tags[m.start] = "B-" + t
        for i in range(m.start + 1, m.end):
            tags[i] = "I-" + t
    return tags


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict:
    """{"p","r","f1","per_type"} over exact-match spans of parallel BIO sequences."""
    g_all, p_all = set(), set()
    for k, (g, p) in enumerate(zip(gold, pred)):
        g_all |= {(k, *s) for s in spans(g)}
        p_all |= {(k, *s) for s in spans(p)}
    types = sorted({s[3] for s in g_all | p_all})
    per_type = {}
    for t in types:
        gt = {s for s in g_all if s[3] == t}
        pt = {s for s in p_all if s[3] == t}
        per_type[t] = {**_prf(len(gt & pt), len(pt), len(gt)), "support": len(gt)}
    return {**_prf(len(g_all & p_all), len(p_all), len(g_all)), "per_type": per_type}


def evaluate_sentences(sentences: Sequence[Sequence[Item]], model=None, keep_gpe: bool | None = None) -> dict:
    """Tag each sentence with the model (default: the shipped one) and score it against its gold tags."""
    from ..entities.ner.features import unit_of
    from ..entities.ner.model import load

    model = model or load()
    if keep_gpe is None:
        keep_gpe = any(i.tag.endswith("-GPE") for s in sentences for i in s)
    # The file is one document: a two-pass model looks at each word's labels in nearby sentences.
    found = model.mentions_doc([[unit_of(i.token) for i in s] for s in sentences])
    gold = [gold_tags(s, keep_gpe) for s in sentences]
    pred = [system_tags(len(s), f, keep_gpe) for s, f in zip(sentences, found)]
    return score(gold, pred)


def evaluate_file(path: str, model=None) -> dict:
    """Span-level P/R/F1 of the model on a `token TAG` file, overall and per type."""
    return evaluate_sentences(read(path), model)


def table(result: dict) -> str:
    rows = [f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"]
    for t, s in result["per_type"].items():
        rows.append(f"{t:<8}{s['p']:>8.4f}{s['r']:>8.4f}{s['f1']:>8.4f}{s['support']:>9}")
    support = sum(s["support"] for s in result["per_type"].values())
    rows.append(f"{'overall':<8}{result['p']:>8.4f}{result['r']:>8.4f}{result['f1']:>8.4f}{support:>9}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="khabar eval ner", description="Span-level NER scores on a `token TAG` file.")
    ap.add_argument("file")
    ap.add_argument("--json", action="store_true", help="print {p, r, f1, per_type} as JSON")
    args = ap.parse_args(argv)
    result = evaluate_file(args.file)
    print(json.dumps(result, ensure_ascii=False) if args.json else table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
