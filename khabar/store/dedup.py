"""Near-duplicate articles (wire copies) grouped with MinHash LSH over word shingles."""
from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, select

from . import schema
from .options import StoreOptions

# The hashing scheme is named, not left to datasketch's default: stored signatures
# are only comparable with new ones made by the same scheme.
SCHEME = "affine32"
DTYPE = "<u4"  # affine32 hash values are 32-bit


def shingles(terms: list[str], n: int) -> set[bytes]:
    """Word n-grams of the search terms; short texts fall back to single words."""
    if len(terms) < n:
        return {t.encode("utf-8") for t in terms}
    return {" ".join(terms[i:i + n]).encode("utf-8") for i in range(len(terms) - n + 1)}


class DupIndex:
    """An in-memory LSH of every stored article, loaded from the minhashes table on first use."""

    def __init__(self, options: StoreOptions):
        self.options = options
        self.lsh = MinHashLSH(threshold=options.dedup_threshold, num_perm=options.num_perm)
        self.groups: dict[str, str] = {}

    def signature(self, search_text: str) -> MinHash:
        mh = MinHash(num_perm=self.options.num_perm, scheme=SCHEME)
        mh.update_batch(list(shingles(search_text.split(), self.options.shingle)))
        return mh

    def load(self, conn: Connection) -> "DupIndex":
        q = select(schema.minhashes.c.article_id, schema.minhashes.c.signature, schema.articles.c.dup_group).join(
            schema.articles, schema.articles.c.id == schema.minhashes.c.article_id)
        for article_id, blob, group in conn.execute(q):
            self.add(article_id, from_bytes(blob, self.options.num_perm), group or article_id)
        return self

    def group_for(self, article_id: str, mh: MinHash) -> str:
        """The group of the most similar earlier copy, or the article's own id when it has none."""
        groups = sorted(self.groups[k] for k in self.lsh.query(mh) if k != article_id and k in self.groups)
        return groups[0] if groups else article_id

    def add(self, article_id: str, mh: MinHash, group: str) -> None:
        self.remove(article_id)
        self.lsh.insert(article_id, mh)
        self.groups[article_id] = group

    def remove(self, article_id: str) -> None:
        if article_id in self.groups:
            self.lsh.remove(article_id)
            del self.groups[article_id]


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=DTYPE).tobytes()


def from_bytes(blob: bytes, num_perm: int) -> MinHash:
    """A signature read back from the store, under the scheme it was made with."""
    values = np.frombuffer(blob, dtype=DTYPE).astype(np.uint32)
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=SCHEME)
