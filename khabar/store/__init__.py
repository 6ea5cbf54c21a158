"""The store: khabar v1 records in SQLite or PostgreSQL, with Arabic full-text search."""
from .db import Store, open_store
from .filters import Filters
from .options import StoreOptions

__all__ = ["Store", "open_store", "Filters", "StoreOptions"]
