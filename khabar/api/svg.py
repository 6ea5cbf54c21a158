"""Geometry for the server-drawn SVG charts (no JS needed to see them): a per-day bar chart on a real time axis."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Callable

DIGIT_PX = 7.2  # a digit or hyphen at the charts' 11px, rounded up: tick labels are spaced by this estimate
MAX_BAR = 40
MARGIN = (44, 12, 44, 28)  # left, top, right, bottom: room for the y values and half a date label each side


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    n: int
    href: str


@dataclass(frozen=True)
class Tick:
    pos: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot: tuple[float, float, float, float]  # left, top, right, bottom of the plotting area


def _parse(day: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(day)[:10])
    except ValueError:
        return None


def every_day(days: list[dict]) -> list[tuple[dt.date, int]]:
    """Each day from the first to the last with its count; days without any count 0, so gaps show as gaps."""
    counts = {d: r["n"] for r in days if (d := _parse(r["day"]))}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return [(first + dt.timedelta(i), counts.get(first + dt.timedelta(i), 0)) for i in range((last - first).days + 1)]


def nice_step(top: int, most: int = 4) -> int:
    """A 1, 2 or 5 times a power of ten step that shows at most `most` values above zero."""
    for power in range(0, 12):
        for m in (1, 2, 5):
            if top / (m * 10 ** power) <= most:
                return m * 10 ** power
    return 10 ** 12


def time_chart(days: list[dict], href: Callable[[str], str], width: int = 800, height: int = 220) -> Chart | None:
    """Bars on a day axis, tick labels spaced so they cannot collide, all inside the viewBox; None without days."""
    series = every_day(days)
    if not series:
        return None
    left, top, right, bottom = MARGIN[0], MARGIN[1], width - MARGIN[2], height - MARGIN[3]
    step = (right - left) / len(series)
    peak = max(n for _, n in series)
    scale = nice_step(peak) * math.ceil(peak / nice_step(peak))
    bars = [_bar(left + i * step, step, n, scale, top, bottom, d.isoformat(), href)
            for i, (d, n) in enumerate(series) if n]
    return Chart(width, height, bars, _x_ticks(series, left, step), _y_ticks(scale, top, bottom), (left, top, right, bottom))


def _bar(x: float, step: float, n: int, scale: int, top: float, bottom: float, day: str, href) -> Bar:
    h = n / scale * (bottom - top)
    # Centred in its day's slot, and no wider than MAX_BAR: three days should not read as three walls.
    w = min(max(step - min(2, step * 0.2), 0.5), MAX_BAR)
    return Bar(x + (step - w) / 2, bottom - h, w, h, day, n, href(day))


def _x_ticks(series: list[tuple[dt.date, int]], left: float, step: float) -> list[Tick]:
    """One label every k days, k the fewest days whose width holds a label and its gap."""
    every = max(1, math.ceil((10 * DIGIT_PX + 12) / step))
    return [Tick(left + (i + 0.5) * step, d.isoformat()) for i, (d, _) in enumerate(series) if i % every == 0]


def _y_ticks(scale: int, top: float, bottom: float) -> list[Tick]:
    inc = nice_step(scale)
    return [Tick(bottom - v / scale * (bottom - top), str(v)) for v in range(0, scale + 1, inc)]
