"""The knowledge base: versioned TSV data files under khabar/data/kb/, loaded and indexed once."""
from __future__ import annotations

from pathlib import Path

from ...pipeline import Options
from .index import KnowledgeBase, knowledge_base
from .schema import KBEntity, KBError, Role
from .store import KB_DIR


def kb_for(options: Options) -> KnowledgeBase:
    """The KB the options ask for: the shipped one plus any folders in `resources['kb_dirs']`."""
    extra = tuple(Path(p) for p in options.resources.get("kb_dirs", ()))
    return knowledge_base((KB_DIR, *extra))


__all__ = ["KnowledgeBase", "KBEntity", "KBError", "Role", "kb_for", "knowledge_base", "KB_DIR"]
