"""The Spark engine gives exactly the local engine's tables (small: a few dozen items, local[2])."""
import shutil

import pytest

from khabar.batch.compare import differences, row_counts
from khabar.batch.run import run_batch
from batch.corpus import options, write_mixed

pytest.importorskip("pyspark")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Java is not installed")


def test_spark_equals_local_with_errors_resume_and_duplicates(tmp_path):
    src = tmp_path / "in.jsonl"
    n = write_mixed(src, copies=6)
    local = run_batch(options([src], tmp_path / "local", chunk_size=10))
    spark = run_batch(options([src], tmp_path / "spark", engine="spark", master="local[2]", chunk_size=10))
    assert spark.counts == local.counts and sum(spark.counts.values()) == spark.items == n
    assert differences(tmp_path / "local", tmp_path / "spark") == {}
    counts = row_counts(tmp_path / "spark")
    assert counts["articles"] == 24 and counts["errors"] == 4 and counts["duplicates"] > 0
    again = run_batch(options([src], tmp_path / "spark", engine="spark", master="local[2]", resume=True))
    assert again.counts == {"processed": 0, "skipped": n, "failed": 0}
    assert differences(tmp_path / "local", tmp_path / "spark") == {}
