"""The one options object of a batch run."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.options import IngestOptions
from ..pipeline import Options


@dataclass(frozen=True)
class BatchOptions:
    """Everything a batch run needs: inputs, output, engine, and the pipeline and reader options."""

    inputs: tuple[str, ...]
    out: str
    engine: str = "local"  # local | spark
    master: str = "local[2]"
    resume: bool = False
    chunk_size: int = 2000  # items per committed chunk: what a crash can cost, and how often progress shows
    partitions: int = 0  # Spark partitions per chunk; 0: 8 per core of the master
    workers: int = 1  # local engine: analysing processes; the parent writes every part
    progress: bool = True
    pipeline: Options = field(default_factory=Options)
    ingest: IngestOptions = field(default_factory=lambda: IngestOptions(check_language=True))
