"""`khabar eval`: run the pipeline on articles and score it against gold."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError, KhabarError
from ..ingest.readers import read_inputs
from .. import stages  # noqa: F401  registers the built-in stages
from ..pipeline import Options, Pipeline
from ..analysis import analyse
from .scoring import score

TASKS = ("quotes", "timexes", "entities")


def read_gold(path: str) -> list[dict[str, Any]]:
    """Gold records (khabar gold v1), each with an id."""
    if not Path(path).exists():
        raise InputError(path, "no such file")
    golds = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(path, f"not valid JSON ({err.msg})", number) from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise InputError(path, "a gold record must be an object with a string id", number)
        golds.append(record)
    return golds


def run_system(articles: list[str], options: Options | None = None) -> tuple[dict[str, dict], list[KhabarError]]:
    """System records keyed by id, and the errors met on the way."""
    pipeline = Pipeline.build(options or Options())
    records, errors = {}, []
    for item in analyse(pipeline, read_inputs(articles)):
        if isinstance(item, KhabarError):
            errors.append(item)
        else:
            records[item["id"]] = item
    return records, errors


def evaluate_articles(gold: str | list[str], articles: str | list[str], output: str | None = None,
                      options: Options | None = None) -> tuple[dict[str, Any], list[KhabarError]]:
    """The score report for gold file(s) against the pipeline's output on the article file(s)."""
    golds = [g for path in ([gold] if isinstance(gold, str) else gold) for g in read_gold(path)]
    records, errors = run_system([articles] if isinstance(articles, str) else list(articles), options)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            for record in records.values():
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return score(golds, records), errors


def format_report(report: dict[str, Any]) -> str:
    """The report as a few aligned lines, one per task."""
    lines = [f"articles {report['articles']}"]
    for task in TASKS:
        x = report[task]
        found = x["found"]
        rest = "  ".join(f"{k} {v}" for k, v in x.items() if k not in ("gold", "found"))
        lines.append(f"{task:9} gold {x['gold']:4}  found P {found['p']:.3f} R {found['r']:.3f} "
                     f"F1 {found['f1']:.3f}  {rest}")
    return "\n".join(lines)
