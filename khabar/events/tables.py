"""The Arabic word tables of the event coder, read from khabar/data/events/ and normalised once."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ..resources import load_yaml
from ..text.normalize import normalize

# Distinct words: a repeat in a table is a slip, never a weight.
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1, "uniqueItems": True}


def _schema(keys: tuple[str, ...]) -> dict:
    """A schema for a file that holds one word list under each of `keys`, and nothing else."""
    return {"type": "object", "required": list(keys),
            "properties": {"version": {}, "description": {}, **{k: _WORDS for k in keys}},
            "additionalProperties": False}


@dataclass(frozen=True)
class ArgumentWords:
    """The words that find an event's source, target and location (data/events/arguments.yaml)."""

    skip: frozenset[str]
    target_preps: frozenset[str]
    target_cues: frozenset[str]
    between: frozenset[str]
    reference_nouns: frozenset[str]
    reference_preps: frozenset[str]
    member_cues: frozenset[str]
    pronoun_clauses: frozenset[str]
    object_suffixes: tuple[str, ...]  # a tuple: str.endswith takes one, and the file's order is kept
    with_pronoun: frozenset[str]
    location_preps: frozenset[str]
    victims: frozenset[str]
    prep_words: frozenset[str]
    relatives: frozenset[str]
    count_words: frozenset[str]
    origin_leads: frozenset[str]
    led_by: frozenset[str]
    title_modifiers: frozenset[str]
    agent_cues: frozenset[str]


@dataclass(frozen=True)
class ClauseWords:
    """The words that open a clause, and those after which ما opens none (data/events/clauses.yaml)."""

    openers: frozenset[str]
    quantity_after_ma: frozenset[str]


_ORDERED = frozenset({"object_suffixes"})  # the tables kept as tuples
ARGUMENTS_SCHEMA = _schema(tuple(f.name for f in fields(ArgumentWords)))
CLAUSES_SCHEMA = _schema(tuple(f.name for f in fields(ClauseWords)))
SPEECH_VERBS_SCHEMA = _schema(("verbs",))


def _normalised(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(w) for w in words))


def _tables(cls, data: dict):
    """An instance of the dataclass `cls` whose fields are the file's lists, normalised."""
    return cls(**{f.name: _normalised(data[f.name]) if f.name in _ORDERED else frozenset(_normalised(data[f.name]))
                  for f in fields(cls)})


@lru_cache(maxsize=1)
def argument_words() -> ArgumentWords:
    """The shipped argument words, normalised."""
    return _tables(ArgumentWords, load_yaml("events/arguments.yaml", ARGUMENTS_SCHEMA))


@lru_cache(maxsize=1)
def clause_words() -> ClauseWords:
    """The shipped clause openers, normalised."""
    return _tables(ClauseWords, load_yaml("events/clauses.yaml", CLAUSES_SCHEMA))


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The shipped speech verbs, normalised."""
    return frozenset(_normalised(load_yaml("events/speech-verbs.yaml", SPEECH_VERBS_SCHEMA)["verbs"]))
