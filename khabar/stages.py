"""The built-in stages, imported so that they register, and the default pipeline order."""
from __future__ import annotations

import importlib

# Each module registers its stages when imported.
STAGE_MODULES = (
    "khabar.text.stages",        # sentences.v1, tokens.v1
    "khabar.time.stage",         # time.v1
    "khabar.entities.ner.stage",  # ner.v2 (default), ner.v1 (the CRFs alone, faster)
    "khabar.entities.stage",     # entities.v1
    "khabar.relations.stage",    # relations.v1
    "khabar.quotes.stage",       # quotes.v1
    "khabar.events.stage",       # events.v1
)

PLANNED_STAGES = ("sentences.v1", "tokens.v1", "time.v1", "ner.v2", "entities.v1", "relations.v1",
                  "quotes.v1", "events.v1")


def _import_all() -> set[str]:
    """Import every stage module; a module not written yet is left out (during development only)."""
    present = set()
    for name in STAGE_MODULES:
        try:
            importlib.import_module(name)
            present.add(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
    return present


_import_all()


def _available() -> tuple[str, ...]:
    from .pipeline import _REGISTRY

    return tuple(s for s in PLANNED_STAGES if s in _REGISTRY)


DEFAULT_STAGES: tuple[str, ...] = _available()
