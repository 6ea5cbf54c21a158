"""Typed errors of the event coder."""
from __future__ import annotations

from ..errors import ResourceError


class EventLexiconError(ResourceError):
    """An event resource that loads but is inconsistent (unknown type, unmapped CAMEO code)."""
