"""The knowledge base: versioned TSV data files under khabar/data/kb/, loaded and indexed once.

Which KB a pipeline uses (`kb_for`) is in khabar/resources/kb.py, below the stages that share it.
"""
from __future__ import annotations

from .index import KnowledgeBase, knowledge_base
from .schema import KBEntity, KBError, Role
from .store import KB_DIR

__all__ = ["KnowledgeBase", "KBEntity", "KBError", "Role", "knowledge_base", "KB_DIR"]
