"""Relation cues (موفد، المتحدث باسم، صهر) and title cues (وزير الخارجية): read by relations and events alike."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.names import name_tokens
from . import load_yaml

CUES_FILE = "relations/cues.yaml"
CUES_SCHEMA = {"type": "object", "required": ["cues", "titles"],
               "properties": {"cues": {"type": "array", "items": {"type": "object", "required": ["type", "role", "ar"]}},
                              "titles": {"type": "array", "items": {"type": "object", "required": ["role", "ar"]}}}}


@dataclass(frozen=True)
class Cue:
    """A relation type and role, and the name tokens of one Arabic phrase that states it."""

    type: str
    role: str
    tokens: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> list[Cue]:
    """Relation cues, longest first."""
    data = load_yaml(CUES_FILE, CUES_SCHEMA)
    out = [Cue(c["type"], c["role"], name_tokens(a)) for c in data["cues"] for a in c["ar"]]
    return sorted(out, key=lambda c: -len(c.tokens))


@lru_cache(maxsize=1)
def titles() -> list[Cue]:
    """Title cues (position_held), longest first: the holder's country follows as an adjective."""
    data = load_yaml(CUES_FILE, CUES_SCHEMA)
    return sorted((Cue("position_held", t["role"], name_tokens(a)) for t in data["titles"] for a in t["ar"]),
                  key=lambda c: -len(c.tokens))
