"""Typed store errors; the CLI and the API turn them into clean messages."""
from ..errors import KhabarError


class StoreError(KhabarError):
    """A database that cannot be opened, migrated or queried as asked."""


class QueryError(StoreError):
    """A search or filter the user gave that cannot be run (no words, bad filter).

    `code` and `fields` let a page say it in its own language (api/labels.yaml, errors)."""

    def __init__(self, message: str, code: str = "bad_query", **fields: str):
        self.code, self.fields = code, fields
        super().__init__(message)


class NotFound(StoreError):
    """An article or entity id that is not in the store."""

    def __init__(self, what: str, key: str):
        self.what, self.key = what, key
        self.code, self.fields = f"no_{what}", {"key": key}
        super().__init__(f"no {what} {key!r}")
