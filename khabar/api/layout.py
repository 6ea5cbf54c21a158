"""Server-side network layout: a seeded force-directed placement, then label boxes pushed apart until none overlap."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FONT_PX = 12  # the labels' font size; the template writes it on each <text>, so estimate and drawing agree
CHAR_EM = 0.62  # an Arabic letter's advance is at most ~0.6 em in the fonts the UI falls back to; err wide
LINE_EM = 1.4  # ascent + descent of those fonts, with a little air
NODE_R = 9
PAD = 3  # clear space kept around every box


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in SVG user units."""
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass(frozen=True)
class Placed:
    """A node's centre and its label's baseline, both in the canvas."""
    id: str
    x: float
    y: float
    label_y: float
    box: Box


def label_size(name: str, font_px: float = FONT_PX) -> tuple[float, float]:
    """The estimated width and height of a label: the character count times an upper bound on a glyph's width."""
    return max(len(name), 1) * font_px * CHAR_EM, font_px * LINE_EM


def unit_box(x: float, y: float, name: str) -> Box:
    """The node's circle and its label centred above it, as one box: a label never hides another node either."""
    w, h = label_size(name)
    half = max(w / 2, NODE_R) + PAD
    return Box(x - half, y - NODE_R - 4 - h - PAD, x + half, y + NODE_R + PAD)


def initial_positions(ids: list[str], seed: int) -> np.ndarray:
    """Seeded random starts in the unit square: the same ids in the same order always start the same."""
    return np.random.default_rng(seed).random((len(ids), 2))


def force_layout(ids: list[str], edges: list[tuple[str, str, float]], seed: int = 7, iterations: int = 200) -> np.ndarray:
    """Fruchterman-Reingold in the unit square: linked nodes attract (more by heavier edges), all nodes repel."""
    pos = initial_positions(ids, seed)
    if len(ids) < 2:
        return np.full((len(ids), 2), 0.5)
    index = {n: i for i, n in enumerate(ids)}
    pairs = np.array([(index[s], index[t]) for s, t, _ in edges], dtype=int).reshape(-1, 2)
    weights = np.log1p(np.array([w for *_, w in edges], dtype=float))
    k = 1 / np.sqrt(len(ids))
    for step in range(iterations):
        temperature = 0.1 * (1 - step / iterations) + 1e-3
        pos = _step(pos, pairs, weights, k, temperature)
    return normalise(pos)


def normalise(pos: np.ndarray) -> np.ndarray:
    """Positions stretched to fill the unit square (no clipping: clipped nodes would pile up on its edges)."""
    lo, span = pos.min(axis=0), np.ptp(pos, axis=0)
    return (pos - lo) / np.where(span > 0, span, 1)


def _step(pos: np.ndarray, pairs: np.ndarray, weights: np.ndarray, k: float, temperature: float) -> np.ndarray:
    """One cooling step: move each node along its net force, by at most `temperature`."""
    delta = pos[:, None, :] - pos[None, :, :]
    dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-4)
    force = (delta * (k * k / dist ** 2)[:, :, None]).sum(axis=1)
    if len(pairs):
        d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        pull = d * (np.linalg.norm(d, axis=1) * (1 + weights) / k)[:, None]
        np.add.at(force, pairs[:, 0], -pull)
        np.add.at(force, pairs[:, 1], pull)
    # A weak pull to the centre keeps components that share no edge from drifting apart.
    force += (0.5 - pos) * 0.05
    length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
    return pos + force / length[:, None] * np.minimum(length, temperature)[:, None]


def to_canvas(unit: np.ndarray, names: list[str], width: float, height: float) -> np.ndarray:
    """Unit positions scaled into the canvas, with a margin wide enough for each node's own box."""
    out = np.empty_like(unit)
    for i, name in enumerate(names):
        box = unit_box(0, 0, name)
        lo_x, hi_x = -box.x0, width - box.x1
        lo_y, hi_y = -box.y0, height - box.y1
        out[i] = (lo_x + unit[i, 0] * max(hi_x - lo_x, 0), lo_y + unit[i, 1] * max(hi_y - lo_y, 0))
    return out


def overlapping(boxes: list[Box]) -> list[tuple[int, int]]:
    """Every pair of boxes that intersect."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def _push_apart(pos: np.ndarray, names: list[str], i: int, j: int) -> None:
    """Separate two intersecting boxes along the axis where they overlap least, half the way each."""
    a, b = unit_box(*pos[i], names[i]), unit_box(*pos[j], names[j])
    dx = min(a.x1, b.x1) - max(a.x0, b.x0)
    dy = min(a.y1, b.y1) - max(a.y0, b.y0)
    axis, depth = (0, dx) if dx < dy else (1, dy)
    # Ties (the same centre) break by index so the result is still deterministic.
    sign = 1.0 if pos[j, axis] > pos[i, axis] or (pos[j, axis] == pos[i, axis] and j > i) else -1.0
    pos[i, axis] -= sign * (depth / 2 + 0.5)
    pos[j, axis] += sign * (depth / 2 + 0.5)


def _clamp(pos: np.ndarray, names: list[str], width: float, height: float) -> None:
    """Move every box back inside the canvas."""
    for i, name in enumerate(names):
        box = unit_box(*pos[i], name)
        pos[i, 0] += max(0, -box.x0) - max(0, box.x1 - width)
        pos[i, 1] += max(0, -box.y0) - max(0, box.y1 - height)


def separate(pos: np.ndarray, names: list[str], width: float, height: float, sweeps: int = 60) -> bool:
    """Nudge boxes apart (kept inside the canvas) until none intersect; False when `sweeps` did not suffice."""
    for _ in range(sweeps):
        pairs = overlapping([unit_box(x, y, n) for (x, y), n in zip(pos, names)])
        if not pairs:
            return True
        for i, j in pairs:
            _push_apart(pos, names, i, j)
        _clamp(pos, names, width, height)
    return not overlapping([unit_box(x, y, n) for (x, y), n in zip(pos, names)])


def place(ids: list[str], names: list[str], edges: list[tuple[str, str, float]], width: float = 800,
          height: float = 600, seed: int = 7) -> tuple[list[Placed], float, float]:
    """Nodes laid out and labels clear of each other, with the canvas size used: when the boxes cannot be
    separated in the canvas asked for, it grows (the SVG's viewBox follows), so no overlap is ever drawn."""
    pos = to_canvas(force_layout(ids, edges, seed), names, width, height)
    while not separate(pos, names, width, height):
        # Spread what has been separated so far: distances grow, boxes do not, so this ends.
        pos *= 1.2
        width, height = width * 1.2, height * 1.2
    return [_placed(i, x, y, n) for i, (x, y), n in zip(ids, pos, names)], width, height


def _placed(node_id: str, x: float, y: float, name: str) -> Placed:
    return Placed(node_id, float(x), float(y), float(y - NODE_R - 4 - FONT_PX * 0.3), unit_box(x, y, name))
