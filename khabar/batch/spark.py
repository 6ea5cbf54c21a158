"""The Spark engine: the same Pipeline per partition (built once in `mapPartitions`), parts written by executors.

Executors write their own Parquet parts with the writer the local engine uses, under names fixed by
(run, chunk, partition): a retried task overwrites its own part, so retries never duplicate rows.
The output folder must be visible to every executor (local disk for local[N], a shared mount otherwise).
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..errors import KhabarError
from ..doc import Article
from ..ingest.dedup import band_keys, best, duplicate_rows, pairs_in_band
from .options import BatchOptions


# Articles vary in length by outlet, and the corpus is ordered by outlet: with few partitions one core
# idles while the other finishes a long one. Workers keep their pipeline, so more partitions cost little.
PARTITIONS_PER_CORE = 8


class SparkUnavailable(KhabarError):
    """PySpark or Java is missing, or the master cannot be reached."""


def java_available() -> bool:
    """True when a JVM can be started (java on PATH or JAVA_HOME set)."""
    return bool(os.environ.get("JAVA_HOME") or shutil.which("java"))


class SparkEngine:
    """Runs chunks as Spark jobs on `options.master`."""

    name = "spark"

    def __init__(self, options: BatchOptions):
        self.options = options
        self.sc = None

    def __enter__(self) -> "SparkEngine":
        self.sc = _context(self.options.master)
        return self

    def __exit__(self, *exc) -> None:
        if self.sc is not None:
            self.sc.stop()
            self.sc = None

    def slices(self, n: int) -> int:
        """Partitions for n articles: the option, else PARTITIONS_PER_CORE per core."""
        wanted = self.options.partitions or self.sc.defaultParallelism * PARTITIONS_PER_CORE
        return max(1, min(n, wanted))

    def process(self, articles: list[Article], out: Path, run: str, chunk: int) -> dict[str, int]:
        """Analyse a chunk on the cluster; each partition writes its parts; the counts come back."""
        if not articles:
            return {"processed": 0, "skipped": 0, "failed": 0}
        task = _PartitionTask(str(out), run, chunk, self.options)
        results = self.sc.parallelize(articles, self.slices(len(articles))).mapPartitionsWithIndex(task).collect()
        totals = {"processed": 0, "skipped": 0, "failed": 0}
        for counts in results:
            for key, n in counts.items():
                totals[key] += n
        return totals

    def duplicates(self, signatures: list[tuple[str, bytes]]) -> list[dict]:
        """MinHash LSH at scale: band keys are shuffled so that candidates meet in one task."""
        dedup = self.options.ingest.dedup
        if not signatures:
            return []
        found = (self.sc.parallelize(signatures, self.slices(len(signatures)))
                 .flatMap(lambda pair: band_keys(pair[0], pair[1], dedup))
                 .groupByKey()
                 .flatMap(lambda kv: pairs_in_band(kv[1], dedup))
                 .reduceByKey(best)
                 .collect())
        return duplicate_rows(found)


class _PartitionTask:
    """The function each partition runs; a class so that Spark pickles only its few fields."""

    def __init__(self, out: str, run: str, chunk: int, options: BatchOptions):
        self.out, self.run, self.chunk = out, run, chunk
        self.pipeline_options, self.ingest = options.pipeline, options.ingest

    def __call__(self, index, articles):
        from .parts import part_name, write_parts
        from .process import process_articles

        rows = process_articles(articles, self.pipeline_options, self.ingest)  # the pipeline, once per partition
        write_parts(Path(self.out), part_name(self.run, self.chunk, f"p{index:05d}"), rows.tables)
        yield rows.counts


def _context(master: str):
    if not java_available():
        raise SparkUnavailable("the spark engine needs Java 17 or later (no java on PATH and no JAVA_HOME)")
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        raise SparkUnavailable("the spark engine needs pyspark: pip install pyspark==4.3.0") from None
    # workers must run this interpreter, the one that has khabar and its dependencies installed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    conf = (SparkConf().setMaster(master).setAppName("khabar-batch")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.memory", os.environ.get("KHABAR_SPARK_DRIVER_MEMORY", "2g"))
            .set("spark.python.worker.reuse", "true"))
    try:
        sc = SparkContext.getOrCreate(conf)
    except Exception as err:  # JVM failed to start, bad master URL: one line, not a Java stack
        raise SparkUnavailable(f"cannot start Spark on {master}: {' '.join(str(err).split())[:300]}") from None
    sc.setLogLevel("ERROR")
    return sc
