"""Geometry for the server-drawn SVG chart and network graph (no JS needed to see them)."""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    n: int


def bars(days: list[dict], width: int = 800, height: int = 200) -> list[Bar]:
    """One bar per day with events, scaled to the tallest."""
    if not days:
        return []
    top = max(d["n"] for d in days)
    step = width / len(days)
    return [Bar(x=i * step + 1, y=height - d["n"] / top * (height - 10), width=max(step - 2, 1),
                height=d["n"] / top * (height - 10), day=d["day"], n=d["n"]) for i, d in enumerate(days)]


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    x: float
    y: float


def circle_layout(nodes: list[dict], size: int = 600) -> dict[str, Node]:
    """Nodes on a circle: stable across requests, readable for the tens of actors a filter leaves."""
    r = size / 2 - 80
    c = size / 2
    out = {}
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1)
        out[n["id"]] = Node(n["id"], n["name"], n["type"], c + r * math.cos(angle), c + r * math.sin(angle))
    return out
