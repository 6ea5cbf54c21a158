"""The actor network as the graph page draws it: the top nodes by weight, laid out, with edge widths and links."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from . import layout

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")


@dataclass(frozen=True)
class Edge:
    source: layout.Placed
    target: layout.Placed
    type: str
    n: int
    width: float
    href: str


@dataclass(frozen=True)
class Picture:
    width: float
    height: float
    nodes: list[tuple[dict, layout.Placed]]
    edges: list[Edge]
    types: list[str]  # the entity types drawn, for the legend


def weights(edges: list[dict]) -> Counter:
    """A node's weight: the events on all its edges."""
    w: Counter = Counter()
    for e in edges:
        w[e["source"]] += e["n"]
        w[e["target"]] += e["n"]
    return w


def top_nodes(g: dict, top: int, keep: str | None = None) -> dict:
    """The `top` heaviest nodes (ties by id) and the edges between them; `keep` (the ego) always stays."""
    w = weights(g["edges"])
    ranked = sorted(w, key=lambda n: (n != keep, -w[n], n))[:top]
    chosen = set(ranked)
    return {"nodes": [n for n in g["nodes"] if n["id"] in chosen],
            "edges": [e for e in g["edges"] if e["source"] in chosen and e["target"] in chosen]}


def edge_width(n: int) -> float:
    """1.5 units for one event, thicker on a log scale up to 8: the same count reads the same in every view."""
    return round(min(1.5 + 1.5 * math.log2(max(n, 1)), 8), 1)


def events_href(e: dict, params: dict) -> str:
    """The events page listing exactly this edge's events, under the graph's other filters."""
    keep = {k: v for k, v in params.items() if k in ("from", "to", "source") and v}
    return "/ui/events?" + urlencode({**keep, "source_entity": e["source"], "target_entity": e["target"], "type": e["type"]})


def picture(g: dict, params: dict) -> Picture:
    """Positions for every node, and the drawing of every edge."""
    nodes = g["nodes"]
    placed, width, height = layout.place([n["id"] for n in nodes], [n["name"] for n in nodes],
                                         [(e["source"], e["target"], e["n"]) for e in g["edges"]])
    at = {p.id: p for p in placed}
    edges = [Edge(at[e["source"]], at[e["target"]], e["type"], e["n"], edge_width(e["n"]), events_href(e, params))
             for e in g["edges"]]
    types = [t for t in ENTITY_TYPES if any(n["type"] == t for n in nodes)]
    types += sorted({n["type"] for n in nodes} - set(types) - {None})
    return Picture(width, height, list(zip(nodes, placed)), edges, types)
