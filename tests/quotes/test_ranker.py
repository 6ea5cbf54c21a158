"""The speaker ranker of quotes.v2: candidates, features, the shipped model, training and cross-validation."""
from __future__ import annotations

import json

import pytest

from khabar import stages  # noqa: F401
from khabar.doc import Article
from khabar.errors import ResourceError
from khabar.pipeline import Options, Pipeline, default_stages
from khabar.quotes.lexicon import quote_lexicon
from khabar.quotes.ranker import MODEL_FILE, RankContext, candidates, carry_fix, load_ranker, speaker_ranker
from khabar.resources import data_path
from khabar.training.speaker_ranker import GoldArticle as Gold, cross_validate, fit, folds, items_of, speaker_hits

from ..helpers import SHARED, needs_shared

# Written for these tests after the pattern of ant:BB-culture-115-20180415: the subject of وقال is the
# director named before the relative clause, not the person the clause mentions last.
MOURNERS = ("توفي المخرج التشيكي ميلوش فورمان عن 86 عاما. وكان المخرج إدجر رايت من بين أولئك الذين نعوا "
            "فورمان، وقال إن الراحل كان مخرجا عظيما.")
# After ant:FR-internationalNews-810-20180419: the relative clause's verb has its own subject (ماكرون).
RELATIVE = ("وناقش الوزراء خطة لإصلاح النظام المصرفي بعد أزمة الديون في منطقة اليورو والتي أكد ماكرون أن "
            "فرنسا تريد إنجازها في أقرب وقت.")
CONTINUED = ("توفي المخرج التشيكي ميلوش فورمان عن 86 عاما. وكان المخرج إدجر رايت من بين أولئك الذين نعوا "
             "فورمان، وقال إن الراحل كان مخرجا عظيما. وأضاف أن أفلامه ستبقى.")


def rules_only() -> Pipeline:
    return Pipeline.build(Options(stages=tuple(s.replace("quotes.v2", "quotes.v1") for s in default_stages())))


@pytest.fixture(scope="module")
def pipelines():
    return rules_only(), Pipeline.build(Options())


def speakers(pipe: Pipeline, text: str) -> list[str]:
    return [q.speaker.name for q in pipe.run(Article("t", text)).get("quotes")]


def test_quotes_v2_is_the_default_and_its_name_is_stored_as_provenance(pipelines):
    assert "quotes.v2" in default_stages() and "quotes.v1" not in default_stages()
    assert pipelines[1].run(Article("t", MOURNERS)).owner("quotes") == "quotes.v2"
    assert "quotes.v2" in pipelines[1].provenance["stages"]
    assert pipelines[0].run(Article("t", MOURNERS)).owner("quotes") == "quotes.v1"


def test_regression_the_subject_before_a_relative_clause_speaks_not_the_one_it_mentions(pipelines):
    v1, v2 = pipelines
    assert speakers(v1, MOURNERS) == ["ميلوش فورمان"]  # the rules take the last name before the verb
    assert speakers(v2, MOURNERS) == ["إدجر رايت"]


def test_regression_a_relative_clause_verb_takes_its_own_subject_not_the_antecedent(pipelines):
    v1, v2 = pipelines
    assert speakers(v1, RELATIVE) == ["اليورو"]
    assert speakers(v2, RELATIVE) == ["ماكرون"]


def test_the_evidence_span_of_a_replaced_speaker_is_its_mention(pipelines):
    doc = pipelines[1].run(Article("t", MOURNERS))
    s = doc.get("quotes")[0].speaker
    assert MOURNERS[s.start:s.end] == "إدجر رايت" and s.type == "PER"


def test_candidates_hold_the_rules_speaker_first_and_the_entities_near_the_cue(pipelines):
    doc = pipelines[0].run(Article("t", MOURNERS))
    quotes = doc.get("quotes")
    ctx = RankContext.of(doc, quote_lexicon())
    cands = candidates(ctx, quotes[0], None)
    assert cands[0].rule and cands[0].speaker.name == "ميلوش فورمان"
    rayt = next(c for c in cands if c.speaker.name == "إدجر رايت")
    assert not rayt.rule and rayt.features["type=PER"] == 1.0
    assert rayt.features["g=m|type=PER"] == 1.0  # قال wants a man
    assert any(f.startswith("pos=before:s0") for f in rayt.features)


def test_a_continuation_takes_the_speaker_that_replaced_its_antecedent(pipelines):
    v1, v2 = pipelines
    assert speakers(v1, CONTINUED) == ["ميلوش فورمان", "ميلوش فورمان"]
    quotes = v2.run(Article("t", CONTINUED)).get("quotes")
    assert [q.speaker.name for q in quotes] == ["إدجر رايت", "إدجر رايت"]
    assert quotes[1].speaker.start is None  # carried over: no mention in its own sentence


def test_carry_fix_replaces_a_carried_speaker_and_leaves_an_explicit_one_alone(pipelines):
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو لن تقبل أي تغيير في الاتفاق. وأضاف أن الحوار مستمر."
    said, added = pipelines[0].run(Article("t", text)).get("quotes")
    explicit, carried = said.speaker, added.speaker
    assert explicit.start is not None and carried.start is None
    other = pipelines[0].run(Article("t", MOURNERS)).get("quotes")[0].speaker
    carry_fix(said, {explicit.name: other})
    assert said.speaker is explicit
    carry_fix(added, {carried.name: other})
    assert added.speaker.name == other.name and added.speaker.start is None


def test_the_shipped_model_names_its_training_articles_and_none_is_saudinewsnet():
    model = speaker_ranker()
    arts = model.meta["articles"]
    assert len(arts) == 49 and "seed-000" in arts
    assert not [a for a in arts if a.startswith("snn:")]
    assert len(model.meta["cross_validation"]) == 5 and len(model.weights) > 50


@needs_shared
def test_the_shipped_model_never_saw_the_blind_third_of_dev2():
    lines = (SHARED / "eval/dev2/articles.jsonl").read_text(encoding="utf-8").splitlines()
    blind = {json.loads(line)["id"] for n, line in enumerate(lines, 1) if n % 3 == 0}
    assert len(blind) == 16 and not blind & set(speaker_ranker().meta["articles"])


def test_a_model_file_that_is_not_json_is_a_resource_error_naming_it(tmp_path):
    bad = tmp_path / "ranker.json"
    bad.write_text("{weights", encoding="utf-8")
    with pytest.raises(ResourceError, match="ranker.json: not a speaker-ranker model"):
        load_ranker(bad)


def test_a_model_file_without_weights_fails_its_schema(tmp_path):
    bad = tmp_path / "ranker.json"
    bad.write_text(json.dumps({"version": 1, "description": "x", "meta": {}}), encoding="utf-8")
    with pytest.raises(ResourceError, match="weights"):
        load_ranker(bad)


def test_the_shipped_model_file_passes_its_schema():
    assert load_ranker(data_path(MODEL_FILE)).weights == speaker_ranker().weights


def _gold(pipe, text, speaker):
    doc = pipe.run(Article("t", text))
    q = doc.get("quotes")[0]
    return Gold("t", doc, [{"text": text[q.start:q.end], "speaker": speaker, "speaker_en": None, "kind": q.kind}])


def test_fit_learns_to_prefer_the_candidate_the_gold_names(pipelines):
    gold = _gold(pipelines[0], MOURNERS, "إدجر رايت")
    items = items_of(gold, quote_lexicon())
    assert len(items) == 1 and not items[0].labels[0] and any(items[0].labels)
    model = fit(items * 3, 0.01)
    assert model.best(items[0].cands).speaker.name == "إدجر رايت"
    assert speaker_hits(gold, quote_lexicon(), None) == (0, 1)
    assert speaker_hits(gold, quote_lexicon(), model) == (1, 1)


def test_folds_are_by_article_disjoint_and_the_same_every_run(pipelines):
    arts = [Gold(f"a{k}", None, []) for k in range(7)]
    cut = folds(arts, 3)
    assert [[a.id for a in f] for f in cut] == [["a0", "a3", "a6"], ["a1", "a4"], ["a2", "a5"]]
    assert [[a.id for a in f] for f in folds(list(reversed(arts)), 3)] == [[a.id for a in f] for f in cut]


def test_cross_validation_reports_each_fold_for_the_rules_and_the_ranker(pipelines):
    arts = [_gold(pipelines[0], MOURNERS, "إدجر رايت"), _gold(pipelines[0], CONTINUED, "إدجر رايت")]
    arts[1].id = "u"
    rows = cross_validate(arts, quote_lexicon(), 2, 0.01)
    assert [r["fold"] for r in rows] == [0, 1] and all(r["quotes"] == 1 for r in rows)
    assert all(r["rules"] == 0.0 for r in rows)
    assert all(r["ranker"] == 1.0 for r in rows)  # each fold learns from the other article's quote
