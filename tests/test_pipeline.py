"""The stage registry: versioned names, declared requirements checked at build time, provenance."""
import datetime as dt

import pytest

from khabar import __version__
from khabar import pipeline as pipeline_module
from khabar.errors import PipelineError, StageError
from khabar.doc import Article, Doc, LayerError
from khabar.pipeline import Options, Pipeline, check_chain, lookup, register_stage, registered

ARTICLE = Article(id="t1", text="وقال بيسكوف خلال مؤتمره الصحافي اليومي «من الواضح أن التعاون مهم».",
                  date=dt.date(2026, 3, 12))


def test_default_pipeline_records_its_stages_and_version():
    pipeline = Pipeline.build()
    assert pipeline.provenance["version"] == __version__
    assert pipeline.provenance["stages"][:2] == ["sentences.v1", "tokens.v1"]
    assert all(s.count(".v") == 1 for s in pipeline.provenance["stages"])


def test_stages_declare_requires_and_adds():
    specs = registered()
    assert specs["tokens.v1"].requires == ("sentences",) and specs["tokens.v1"].adds == ("tokens", "words")


def test_unknown_stage_is_refused_at_build_time():
    with pytest.raises(PipelineError, match="unknown stage 'quotez.v1'"):
        Pipeline.build(Options(stages=("sentences.v1", "quotez.v1")))


def test_missing_requirement_is_refused_at_build_time():
    with pytest.raises(PipelineError, match="tokens.v1 requires sentences"):
        Pipeline.build(Options(stages=("tokens.v1",)))


def test_two_stages_adding_one_layer_are_refused():
    spec = lookup("sentences")
    with pytest.raises(PipelineError, match="already adds"):
        check_chain([spec, spec])


def test_bare_name_finds_newest_version():
    assert lookup("tokens").id == "tokens.v1"


def test_a_stage_may_not_replace_another_stages_layer():
    doc = Doc(ARTICLE)
    doc.add("sentences", [], "sentences.v1")
    with pytest.raises(LayerError, match="already set by sentences.v1"):
        doc.add("sentences", [], "other.v1")


def test_date_option_overrides_the_article_date():
    doc = Pipeline.build(Options(date=dt.date(2018, 5, 1), stages=("sentences.v1",))).run(ARTICLE)
    assert doc.article.date == dt.date(2018, 5, 1)
    assert ARTICLE.date == dt.date(2026, 3, 12)  # the original record is untouched


def test_failing_stage_is_reported_per_article_and_the_batch_goes_on(monkeypatch):
    # A copy of the registry: a registered stage joins the default pipeline, so this one must not outlive the test.
    monkeypatch.setattr(pipeline_module, "_REGISTRY", dict(pipeline_module._REGISTRY))

    @register_stage("explode_on_peskov", 1, requires=("sentences",), adds=("boom",))
    def explode(options):
        def run(doc):
            if "بيسكوف" in doc.text:
                raise RuntimeError("cannot handle Peskov")
            doc.add("boom", [], "explode_on_peskov.v1")
        return run

    pipeline = Pipeline.build(Options(stages=("sentences.v1", "explode_on_peskov.v1")))
    other = Article(id="t2", text="أعلنت وزارة الدفاع الروسية السيطرة على بلدة.", origin="in.jsonl:2")
    outcomes = list(pipeline.run_many([ARTICLE, other]))
    assert isinstance(outcomes[0].error, StageError) and "explode_on_peskov.v1" in str(outcomes[0].error)
    assert outcomes[1].doc is not None and outcomes[1].doc.has("boom")
