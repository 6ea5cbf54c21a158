"""The registry says everything a stage reads: uses, the default order derived from it, unknown layers refused."""
import datetime as dt

import pytest

from khabar import pipeline as pipeline_module
from khabar.errors import UnknownLayerError
from khabar.doc import Article, Doc
from khabar.pipeline import Options, Pipeline, default_stages, register_stage, registered, stage_order

from helpers import seed_body

# The order of the default pipeline before it was derived from the declarations (issue 20); the
# default NER is the CRFs alone since the neural pass's weights left the package (issue 17).
TODAYS_ORDER = ("sentences.v1", "tokens.v1", "time.v1", "ner.v1", "entities.v1", "relations.v1",
                "quotes.v2", "events.v1")


@pytest.fixture
def own_registry(monkeypatch):
    """A copy of the registry for one test: stages it registers leave no trace."""
    monkeypatch.setattr(pipeline_module, "_REGISTRY", dict(pipeline_module._REGISTRY))


def test_default_order_derived_from_declarations_is_todays():
    assert default_stages() == TODAYS_ORDER
    assert tuple(Pipeline.build().provenance["stages"]) == TODAYS_ORDER


def test_each_stage_runs_after_the_stages_adding_what_it_reads_whatever_the_input_order():
    specs = [registered()[i] for i in TODAYS_ORDER]
    ordered = stage_order(list(reversed(specs)))
    position = {s.id: k for k, s in enumerate(ordered)}
    for spec in ordered:
        for other in ordered:
            if set(other.adds) & set(spec.reads):
                assert position[other.id] < position[spec.id], (other.id, spec.id)


def test_uses_are_declared_as_the_issue_lists():
    specs = registered()
    assert {"timexes", "entities", "mentions"} <= set(specs["quotes.v1"].uses)
    assert specs["quotes.v2"].uses == specs["quotes.v1"].uses  # the ranker reads what the rules read
    assert {"quotes", "relations", "entities", "timexes"} <= set(specs["events.v1"].uses)


def test_a_stage_using_an_unknown_layer_is_refused_naming_stage_and_layer(own_registry):
    @register_stage("typo", 1, requires=("sentences",), uses=("quotez",), adds=("typo",))
    def typo(options):
        return lambda doc: None

    with pytest.raises(UnknownLayerError, match=r"stage typo\.v1 uses layer 'quotez'") as err:
        Pipeline.build(Options(stages=("sentences.v1", "typo.v1")))
    assert (err.value.stage, err.value.layer) == ("typo.v1", "quotez")


def test_a_used_layer_may_be_absent_from_one_pipeline():
    doc = Pipeline.build(Options(stages=("sentences", "tokens", "quotes"))).run(Article("q", "قال الرئيس: «نعم»."))
    assert doc.has("quotes") and not doc.has("entities")


def test_a_registered_stage_joins_the_default_order_after_what_it_uses(own_registry):
    @register_stage("late", 1, requires=("sentences",), uses=("events",), adds=("late",))
    def late(options):
        return lambda doc: None

    assert default_stages() == TODAYS_ORDER + ("late.v1",)


class TracingDoc(Doc):
    """A Doc that records every layer read through it."""

    __slots__ = ("reads",)

    def get(self, layer, default=None):
        self.reads.add(layer)
        return super().get(layer, default)

    def has(self, layer):
        self.reads.add(layer)
        return super().has(layer)

    @property
    def anchor_date(self):
        self.reads.add("effective_date")
        return super().anchor_date


def test_every_layer_a_stage_reads_is_declared():
    pipeline = Pipeline.build()
    doc = TracingDoc(Article("seed", seed_body(), date=dt.date(2026, 3, 12)))
    for spec, fn in pipeline.steps():
        doc.reads = set()
        fn(doc)
        # A stage may read back what it adds itself (tokens.v1 builds the word layer from its tokens).
        undeclared = doc.reads - set(spec.reads) - set(spec.adds)
        assert not undeclared, (spec.id, undeclared)
