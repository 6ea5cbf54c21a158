"""The quality floors of the dev set: where they live and how a report is read against them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLOORS_PATH = Path(__file__).resolve().parents[2] / "quality" / "floors.json"


def measured(report: dict[str, Any], key: str) -> float:
    """The figure at a dotted key of a score report: `quotes.found.f1`."""
    node: Any = report
    for part in key.split("."):
        node = node[part]
    return float(node)


def shortfalls(report: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """One line per measure below its floor."""
    return [f"{key}: {measured(report, key):.4f} < floor {floor:.4f}"
            for key, floor in floors.items() if measured(report, key) < floor]


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8"))["floors"]
