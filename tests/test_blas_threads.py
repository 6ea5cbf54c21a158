"""BLAS threads are pinned to one per process when a pipeline is built, and that changes no output."""
import datetime as dt

from threadpoolctl import threadpool_info

from khabar.doc import Article
from khabar.pipeline import Options, Pipeline

ARTICLE = Article(id="b1", text="وقال الرئيس الأوكراني زيلنسكي في كييف إن بلاده مستعدة للتعاون مع الأمم المتحدة.",
                  date=dt.date(2026, 3, 12))


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_default_pipeline_pins_blas_to_one_thread_without_changing_output():
    unpinned = Pipeline.build(Options(blas_threads=2)).run(ARTICLE)  # a real multi-thread run, whatever ran before
    pipeline = Pipeline.build()
    assert _blas_threads() and all(n == 1 for n in _blas_threads())
    pinned = pipeline.run(ARTICLE)
    assert pinned.get("mentions")
    assert repr(pinned.get("mentions")) == repr(unpinned.get("mentions"))
    assert repr(pinned._layers) == repr(unpinned._layers)
