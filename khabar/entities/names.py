"""Name keys now live in khabar/text/names.py; this module keeps the old import path for entities/kb/commands.py."""
from __future__ import annotations

from ..text.names import name_key, name_tokens, skeleton, strip_article

__all__ = ["name_key", "name_tokens", "skeleton", "strip_article"]
