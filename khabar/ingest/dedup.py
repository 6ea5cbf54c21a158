"""Near-duplicate articles (wire copies): the one MinHash set-up that the store and the batch share.

An article is hashed as word n-grams of its search terms (title then body: normalised stems with the
clitics split off, as the full-text index reads them), so two copies that differ only in diacritics,
hamza or an attached و still share their shingles. Candidates come from LSH bands; a pair is a copy
only when its estimated Jaccard similarity reaches the threshold, in both the store and the batch.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import numpy as np

from .options import DedupOptions

# affine32 hash values are 32-bit; stored little-endian, the store's minhashes table and the batch's column alike.
DTYPE = "<u4"


def shingles(terms: Sequence[str], n: int) -> set[bytes]:
    """Word n-grams of the terms; a text shorter than n falls back to its single words."""
    if len(terms) < n:
        return {t.encode("utf-8") for t in terms}
    return {" ".join(terms[i:i + n]).encode("utf-8") for i in range(len(terms) - n + 1)}


def minhash(terms: Sequence[str], options: DedupOptions):
    """The datasketch MinHash of a text given as its search terms."""
    from datasketch import MinHash

    mh = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=options.scheme)
    mh.update_batch(list(shingles(terms, options.shingle)))
    return mh


def signature(terms: Sequence[str], options: DedupOptions) -> bytes:
    """The signature of a text's search terms, as bytes for a database or Parquet column."""
    return to_bytes(minhash(terms, options))


def to_bytes(mh) -> bytes:
    """A MinHash's hash values as stored."""
    return np.asarray(mh.hashvalues, dtype=DTYPE).tobytes()


def from_bytes(blob: bytes, options: DedupOptions):
    """A MinHash read back from stored bytes, under the scheme it was made with."""
    from datasketch import MinHash

    values = np.frombuffer(blob, dtype=DTYPE).astype(np.uint32)
    return MinHash(num_perm=options.num_perm, seed=options.seed, hashvalues=values, scheme=options.scheme)


def fits(blob: bytes, options: DedupOptions) -> bool:
    """Whether stored bytes are a signature of this set-up (an older batch wrote 64-bit values)."""
    return len(blob) == options.num_perm * np.dtype(DTYPE).itemsize


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, DTYPE) == np.frombuffer(b, DTYPE)))


def is_copy(a: bytes, b: bytes, options: DedupOptions) -> bool:
    """The one verdict: two signatures whose estimated similarity reaches the threshold are copies."""
    return similarity(a, b) >= options.threshold


@lru_cache(maxsize=8)
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives and negatives, as datasketch's MinHashLSH picks them."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def band_keys(article_id: str, sig: bytes, options: DedupOptions) -> Iterator[tuple[bytes, tuple[str, bytes]]]:
    """(band key, (id, signature)) for each band: articles that share a key are candidates."""
    b, r = bands(options.threshold, options.num_perm)
    width = r * np.dtype(DTYPE).itemsize
    for i in range(b):
        yield i.to_bytes(2, "big") + sig[i * width:(i + 1) * width], (article_id, sig)


def pairs_in_band(members: Iterable[tuple[str, bytes]], options: DedupOptions) -> Iterator[tuple[str, tuple[str, float]]]:
    """(later id, (earlier id, similarity)) for each verified pair sharing a band."""
    unique = sorted(dict(members).items())
    for i, (a, sa) in enumerate(unique):
        for b, sb in unique[i + 1:]:
            if is_copy(sa, sb, options):
                yield b, (a, similarity(sa, sb))


def best(x: tuple[str, float], y: tuple[str, float]) -> tuple[str, float]:
    """The earlier of two originals (the smallest id), so the result is the same in any order."""
    return min(x, y)


def find_duplicates(signatures: Iterable[tuple[str, bytes]], options: DedupOptions) -> list[dict]:
    """Rows of the duplicates table (each copy and its earliest original), computed in one process."""
    buckets: dict[bytes, list[tuple[str, bytes]]] = {}
    for article_id, sig in signatures:
        for key, member in band_keys(article_id, sig, options):
            buckets.setdefault(key, []).append(member)
    found: dict[str, tuple[str, float]] = {}
    for members in buckets.values():
        if len(members) > 1:
            for later, pair in pairs_in_band(members, options):
                found[later] = best(found[later], pair) if later in found else pair
    return duplicate_rows(found.items())


def duplicate_rows(found: Iterable[tuple[str, tuple[str, float]]]) -> list[dict]:
    """Rows of the duplicates table, sorted by id."""
    return sorted(({"id": k, "duplicate_of": v[0], "similarity": round(v[1], 4)} for k, v in found),
                  key=lambda r: r["id"])


class CopyIndex:
    """An incremental LSH of signatures, each with a copy group: what the store keeps while it ingests."""

    def __init__(self, options: DedupOptions):
        from datasketch import MinHashLSH

        self.options = options
        self.lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
        self.groups: dict[str, str] = {}
        self.signatures: dict[str, bytes] = {}

    def group_for(self, article_id: str, mh) -> str:
        """The smallest group among the verified copies already indexed, or the article's own id."""
        sig = to_bytes(mh)
        groups = sorted(self.groups[k] for k in self.lsh.query(mh)
                        if k != article_id and k in self.groups and is_copy(sig, self.signatures[k], self.options))
        return groups[0] if groups else article_id

    def add(self, article_id: str, mh, group: str) -> None:
        """Index (or re-index) one article under its group."""
        self.remove(article_id)
        self.lsh.insert(article_id, mh)
        self.groups[article_id] = group
        self.signatures[article_id] = to_bytes(mh)

    def remove(self, article_id: str) -> None:
        """Forget one article."""
        if article_id in self.groups:
            self.lsh.remove(article_id)
            del self.groups[article_id]
            del self.signatures[article_id]
