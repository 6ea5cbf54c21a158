"""Near-duplicates with MinHash LSH: signatures per article, bands to candidates, candidates verified.

The same functions serve both engines: Spark only distributes `band_keys` and `pairs_in_band`.
An article's `duplicate_of` is the smallest id it is similar to, so the answer does not depend on order.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import numpy as np

NUM_PERM = 64
SEED = 1
SHINGLE = 3  # word 3-grams: robust to a changed headline or a dropped sentence
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as bytes for a Parquet column."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(sorted(shingles))
    return m.hashvalues.astype(np.uint64).tobytes()


@lru_cache(maxsize=8)
def bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives and negatives, as datasketch's MinHashLSH picks them."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)


def band_keys(article_id: str, sig: bytes, threshold: float) -> Iterator[tuple[bytes, tuple[str, bytes]]]:
    """(band key, (id, signature)) for each band: articles that share a key are candidates."""
    b, r = bands(threshold)
    for i in range(b):
        yield i.to_bytes(2, "big") + sig[i * r * 8:(i + 1) * r * 8], (article_id, sig)


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, np.uint64) == np.frombuffer(b, np.uint64)))


def pairs_in_band(members: Iterable[tuple[str, bytes]], threshold: float) -> Iterator[tuple[str, tuple[str, float]]]:
    """(later id, (earlier id, similarity)) for each verified pair sharing a band."""
    unique = sorted(dict(members).items())
    for i, (a, sa) in enumerate(unique):
        for b, sb in unique[i + 1:]:
            s = similarity(sa, sb)
            if s >= threshold:
                yield b, (a, s)


def best(x: tuple[str, float], y: tuple[str, float]) -> tuple[str, float]:
    """The earlier of two originals (the smallest id), so the result is the same in any order."""
    return min(x, y)


def find_duplicates(signatures: Iterable[tuple[str, bytes]], threshold: float) -> list[dict]:
    """Rows of the duplicates table, computed in one process."""
    buckets: dict[bytes, list[tuple[str, bytes]]] = {}
    for article_id, sig in signatures:
        for key, member in band_keys(article_id, sig, threshold):
            buckets.setdefault(key, []).append(member)
    found: dict[str, tuple[str, float]] = {}
    for members in buckets.values():
        if len(members) > 1:
            for later, pair in pairs_in_band(members, threshold):
                found[later] = best(found[later], pair) if later in found else pair
    return duplicate_rows(found.items())


def duplicate_rows(found: Iterable[tuple[str, tuple[str, float]]]) -> list[dict]:
    """Rows of the duplicates table, sorted by id."""
    return sorted(({"id": k, "duplicate_of": v[0], "similarity": round(v[1], 4)} for k, v in found),
                  key=lambda r: r["id"])
