"""The quality floors (the ratchet): where they live, and how each measured figure is obtained.

Five suites are measured against `../shared`:
- `dev.*`: `khabar eval` on the dev set plus the seed (quotes, timexes, entities);
- `dev2.*` and `blind.*`: the same on all of dev2 and on its blind third (lines 3, 6, 9, ...), which
  is scored in aggregate only;
- `events.*`: the shared `score_events.py` on the Arabic event gold sentences;
- `ner.*`: span F1 of the NER model on the fixed dev slice of ANERcorp-train.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

FLOORS_PATH = Path(__file__).resolve().parents[2] / "quality" / "floors.json"


def lookup(report: dict[str, Any], dotted: str) -> float:
    """The figure at a dotted key of a report: `quotes.found.f1`."""
    node: Any = report
    for part in dotted.split("."):
        node = node[part]
    return float(node)


def dev_report(shared: Path, tmp: Path) -> dict[str, Any]:
    from .articles import evaluate_articles

    gold = tmp / "dev-gold.jsonl"
    gold.write_text("".join((shared / p).read_text(encoding="utf-8")
                            for p in ("eval/dev/gold.jsonl", "eval/seed/seed-gold.jsonl")), encoding="utf-8")
    report, errors = evaluate_articles(str(gold), [str(shared / "eval/dev/articles.jsonl"),
                                                   str(shared / "eval/seed/seed-article.jsonl")])
    if errors:
        raise RuntimeError(f"dev articles failed: {errors[0]}")
    return report


def in_blind_third(line: int) -> bool:
    """dev2's blind third: its lines 3, 6, 9, ... (1-based), scored in aggregate only and never trained on."""
    return line % 3 == 0


def dev2_report(shared: Path, tmp: Path) -> dict[str, Any]:
    return _dev2_lines(shared, tmp, "dev2", lambda n: True)


def blind_report(shared: Path, tmp: Path) -> dict[str, Any]:
    return _dev2_lines(shared, tmp, "blind", in_blind_third)


def _dev2_lines(shared: Path, tmp: Path, name: str, keep: Callable[[int], bool]) -> dict[str, Any]:
    """The score report on the dev2 articles whose 1-based line number `keep` accepts."""
    from .articles import evaluate_articles

    paths = []
    for part in ("articles", "gold"):
        lines = (shared / f"eval/dev2/{part}.jsonl").read_text(encoding="utf-8").splitlines()
        path = tmp / f"{name}-{part}.jsonl"
        path.write_text("".join(line + "\n" for n, line in enumerate(lines, 1) if keep(n)), encoding="utf-8")
        paths.append(path)
    report, errors = evaluate_articles(str(paths[1]), [str(paths[0])])
    if errors:
        raise RuntimeError(f"{name} articles failed: {errors[0]}")
    return report


def events_report(shared: Path, tmp: Path) -> dict[str, Any]:
    """score_events.py's report on the pipeline's output for the event gold sentences."""
    from .articles import run_system

    scorer, gold = shared / "eval/score_events.py", shared / "data/events/arabic-event-gold-dev.xml"
    articles, system = tmp / "event-articles.jsonl", tmp / "event-system.jsonl"
    subprocess.run([sys.executable, str(scorer), "articles", str(gold), str(articles)], check=True,
                   capture_output=True)
    records, errors = run_system([str(articles)])
    if errors:
        raise RuntimeError(f"event gold sentences failed: {errors[0]}")
    system.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "score", str(gold), str(system), "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def ner_report(shared: Path, tmp: Path) -> dict[str, Any]:
    from ..entities.ner.model import MODEL_PATH, NerModel
    from ..training.conll import read
    from ..training.ner import dev_split
    from .ner import evaluate_sentences

    _, dev = dev_split(read(str(shared / "data/ner/anercorp-train.txt")), 0.1)
    return evaluate_sentences(dev, NerModel(str(MODEL_PATH)), keep_gpe=False)


SUITES: dict[str, Callable[[Path, Path], dict[str, Any]]] = {
    "dev": dev_report, "dev2": dev2_report, "blind": blind_report, "events": events_report, "ner": ner_report}


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8"))["floors"]


def measure(floors: dict[str, float], shared: Path, tmp: Path) -> dict[str, float]:
    """Every floored figure, each suite run once."""
    reports = {suite: fn(shared, tmp) for suite, fn in SUITES.items()
               if any(key.startswith(suite + ".") for key in floors)}
    return {key: lookup(reports[key.split(".", 1)[0]], key.split(".", 1)[1]) for key in floors}


def shortfalls(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per figure below its floor."""
    return [f"{key}: {measured[key]:.4f} < floor {floor:.4f}" for key, floor in floors.items()
            if measured[key] < floor]
