"""The store's near-duplicate index: the shared detector (ingest/dedup.py) loaded from the minhashes table."""
from __future__ import annotations

from sqlalchemy import Connection, select

from ..ingest.dedup import CopyIndex, from_bytes, minhash
from ..ingest.options import DedupOptions
from . import schema


def load_index(conn: Connection, options: DedupOptions) -> CopyIndex:
    """A CopyIndex of every stored article's signature, under the group it was stored in."""
    index = CopyIndex(options)
    q = select(schema.minhashes.c.article_id, schema.minhashes.c.signature, schema.articles.c.dup_group).join(
        schema.articles, schema.articles.c.id == schema.minhashes.c.article_id)
    for article_id, blob, group in conn.execute(q):
        index.add(article_id, from_bytes(blob, options), group or article_id)
    return index


def signature_of(search_text: str, options: DedupOptions):
    """The MinHash of an article from its search text (the terms, space-separated)."""
    return minhash(search_text.split(), options)
