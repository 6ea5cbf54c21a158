"""The mode of an event: asserted, negated, intended, future, threatened, hypothetical or claimed."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml
from ..text.normalize import normalize
from ..text.words import Word
from .triggers import Trigger

MODES = ("asserted", "negated", "intended", "future", "threatened", "hypothetical", "claimed")
# When several markers apply, the first in this order wins: a negated threat is negated.
PRECEDENCE = ("negated", "threatened", "intended", "future", "hypothetical", "claimed")
_MARKERS = {"type": "object", "required": ["adjacent", "governing"],
            "properties": {"adjacent": {"type": "array", "items": {"type": "string"}},
                           "governing": {"type": "array", "items": {"type": "string"}}}}
MODES_SCHEMA = {
    "type": "object", "required": ["window", "modes"],
    "properties": {"window": {"type": "integer", "minimum": 1, "maximum": 10},
                   "modes": {"type": "object", "propertyNames": {"enum": list(PRECEDENCE)},
                             "additionalProperties": _MARKERS}},
}


@dataclass(frozen=True)
class ModeMarkers:
    window: int
    adjacent: dict[str, frozenset[str]]
    governing: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def mode_markers() -> ModeMarkers:
    """The shipped mode markers, normalised."""
    data = load_yaml("events/modes.yaml", MODES_SCHEMA)
    norm = lambda ws: frozenset(normalize(w) for w in ws)  # noqa: E731
    return ModeMarkers(data["window"], {m: norm(v["adjacent"]) for m, v in data["modes"].items()},
                       {m: norm(v["governing"]) for m, v in data["modes"].items()})


def _found(markers: ModeMarkers, words: list[Word], t: Trigger) -> set[str]:
    found: set[str] = set()
    if t.future:
        found.add("future")
    prev = t.first - 1
    if prev >= 0:
        for mode, ws in markers.adjacent.items():
            if any(b in ws for b in words[prev].bases):
                found.add(mode)
    for j in range(t.first - 1, max(-1, t.first - 1 - markers.window), -1):
        if words[j].is_punct and words[j].norm in ".؟?!؛;":
            break
        for mode, ws in markers.governing.items():
            if any(b in ws for b in words[j].bases):
                found.add(mode)
    return found


def event_mode(words: list[Word], t: Trigger, in_quote: bool, markers: ModeMarkers | None = None) -> str:
    """The mode of trigger t; an event inside a quotation is claimed by its speaker."""
    found = _found(markers or mode_markers(), words, t)
    if t.entry.type == "THREATEN":
        found.discard("threatened")  # the threat itself is asserted; its content would be threatened
    if in_quote:
        found.add("claimed")
    return next((m for m in PRECEDENCE if m in found), "asserted")
