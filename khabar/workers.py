"""Worker processes for the analysis loop: each builds the pipeline once, with BLAS pinned to one thread.

`ingest --workers N` and `batch --engine local --workers N` hand whole articles to N processes and keep
every write in the parent, in input order, so what is stored or written is what one process gives.
"""
from __future__ import annotations

import multiprocessing
import sys
from functools import lru_cache
from multiprocessing.pool import Pool
from typing import Callable, Iterable, Iterator, TypeVar

from .errors import KhabarError
from .pipeline import Options, Pipeline

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 4  # articles per hand-off: enough to hide the pickling, few enough to keep the workers level


class WorkersError(KhabarError):
    """A worker count that cannot run."""


def check_workers(workers: int) -> int:
    """`workers` when it is at least 1, else WorkersError naming it."""
    if workers < 1:
        raise WorkersError(f"--workers must be at least 1, not {workers}")
    return workers


@lru_cache(maxsize=1)
def worker_pipeline(options: Options) -> Pipeline:
    """The pipeline for these options, built once per process (models load in seconds); a forked
    worker inherits the parent's when the parent built it first."""
    from . import stages  # noqa: F401  registers the built-in stages in a spawned worker

    return Pipeline.build(options)


def _context():
    """fork where the platform has it: the workers share the loaded models' pages with the parent."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def open_pool(options: Options, workers: int) -> Pool:
    """N processes, each with the pipeline of `options` built before the first article reaches it."""
    return _context().Pool(check_workers(workers), initializer=worker_pipeline, initargs=(options,))


def in_order(pool: Pool | None, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """fn over items, in their order: in the pool's workers, or here when there is no pool."""
    if pool is None:
        return map(fn, items)
    return pool.imap(fn, items, chunksize=CHUNK)
