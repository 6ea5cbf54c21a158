"""The knowledge-base accessor the stages share: which KB the options ask for."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..entities.kb.index import KnowledgeBase, knowledge_base
from ..entities.kb.store import KB_DIR

if TYPE_CHECKING:  # the pipeline is above the resources: no import at run time
    from ..pipeline import Options


def kb_for(options: "Options") -> KnowledgeBase:
    """The KB the options ask for: the shipped one plus any folders in `resources['kb_dirs']`."""
    extra = tuple(Path(p) for p in options.resources.get("kb_dirs", ()))
    return knowledge_base((KB_DIR, *extra))
