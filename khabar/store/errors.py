"""Typed store errors; the CLI and the API turn them into clean messages."""
from ..errors import KhabarError


class StoreError(KhabarError):
    """A database that cannot be opened, migrated or queried as asked."""


class QueryError(StoreError):
    """A search or filter the user gave that cannot be run (no words, bad filter)."""


class NotFound(StoreError):
    """An article or entity id that is not in the store."""
