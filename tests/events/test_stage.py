"""The events.v1 stage in the pipeline: contract, layers it uses, and the seed article."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.record import to_record, validate
from khabar.doc import Article, Quote, Speaker, Timex
from khabar.pipeline import lookup

from .conftest import SHARED

SEED_DAY = dt.date(2026, 3, 12)


def test_stage_is_registered():
    spec = lookup("events")
    assert spec.id == "events.v1" and spec.requires == ("sentences", "words") and spec.adds == ("events",)


def test_record_fits_the_v1_schema(pipeline):
    """ant:AL-internationalNews-1193-20180516."""
    doc = pipeline.run(Article("x", "وتظاهر مئات الأشخاص أمام القنصلية الإسرائيلية في اسطنبول الثلاثاء.",
                               date=dt.date(2018, 5, 16)))
    record = to_record(doc, pipeline.provenance)
    validate(record)
    event = record["events"][0]
    assert record["text"][event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    # No time stage ran: the weekday الثلاثاء is resolved against the article date (a Wednesday).
    assert event["date"] == "2018-05-15" and event["evidence"]["text"].startswith("وتظاهر")


def test_date_comes_from_a_timex_in_the_clause():
    """A timex layer, when a time stage adds one, dates the event instead of the article date."""
    from khabar.events.coder import Context, Resources, code_sentence
    from khabar.doc import Doc
    from khabar.text.sentences import split_sentences
    from khabar.text.tokens import tokenize

    text = "وتظاهر مئات الأشخاص أمام القنصلية الإسرائيلية في اسطنبول الثلاثاء."
    doc = Doc(Article("x", text, date=dt.date(2018, 5, 16)))
    start = text.index("الثلاثاء")
    ctx = Context(timexes=[Timex(start, start + len("الثلاثاء"), "2018-05-01", "DATE")], anchor=doc.anchor_date,
                  has_timexes=True)
    sentence = split_sentences(text)[0]
    events = code_sentence(doc, sentence, Resources.load(), ctx, tokens=tokenize(text, sentence.start, sentence.end))
    assert events[0].date == "2018-05-01"


def test_statement_source_is_the_quoted_speaker():
    """Seed article: Dmitriev's quoted words against sanctions are his (a quotes layer names him)."""
    from khabar.events.coder import Context, Resources, code_sentence
    from khabar.doc import Doc
    from khabar.text.sentences import split_sentences
    from khabar.text.tokens import tokenize

    text = ("قال دميترييف «بدأت الدول تفهم عدم فعالية العقوبات المفروضة على روسيا وطبيعتها المدمّرة».")
    doc = Doc(Article("seed", text, date=SEED_DAY))
    q0, q1 = text.index("«"), text.index("»") + 1
    speaker = Speaker("دميترييف", text.index("دميترييف"), text.index("دميترييف") + len("دميترييف"))
    ctx = Context(quotes=[Quote("direct", q0, q1, speaker)], anchor=SEED_DAY)
    sentence = split_sentences(text)[0]
    events = code_sentence(doc, sentence, Resources.load(), ctx, tokens=tokenize(text, sentence.start, sentence.end))
    statement = [e for e in events if e.type in ("ACCUSE", "REJECT")]
    assert statement and text[statement[0].source.start:statement[0].source.end] == "دميترييف"
    assert statement[0].source.code == "RUS GOV" and statement[0].mode == "claimed"


@pytest.mark.skipif(not (SHARED / "eval/seed/seed-article.txt").exists(), reason="needs ../shared")
def test_seed_article(pipeline):
    """The seed: Dmitriev met Witkoff in Florida; Trump and Putin spoke by phone; Macron and Zelensky will talk."""
    from khabar.ingest.readers import read_inputs

    article = next(a for a in read_inputs([str(SHARED / "eval/seed/seed-article.txt")]) if not isinstance(a, Exception))
    doc = pipeline.run(article)
    text = doc.text
    consult = [e for e in doc.get("events") if e.type == "CONSULT"]
    span = lambda a: text[a.start:a.end] if a else ""  # noqa: E731
    florida = [e for e in consult if "فلوريدا" in span(e.location)]
    assert florida and "دميترييف" in span(florida[0].source) and "ويتكوف" in span(florida[0].target)
    thanks = [e for e in consult if span(e.trigger) == "اللقاء"]
    assert thanks and span(thanks[0].source) == "دميترييف"
    assert all(name in span(thanks[0].target) for name in ("موفد ترامب", "جارد كوشنر", "جوش غريبناوم"))
    phone = [e for e in consult if "الهاتف" in span(e.trigger)]
    assert phone and phone[0].date == "2026-03-09"
    macron = [e for e in consult if "سيناقشان" in span(e.trigger)]
    assert macron and macron[0].mode == "future" and macron[0].date == "2026-03-13"
    assert "ماكرون" in span(macron[0].source)


# Seed article, first two paragraphs (shortened): the meeting in Florida, then Dmitriev's thanks for it.
SEED_MEETING = ("أعلن كيريل دميترييف أنّه عقد «اجتماعاً مثمراً» في فلوريدا مع مفاوضين أميركيين، من بينهم ستيف ويتكوف، "
                "الموفد الخاص للرئيس دونالد ترامب.\n\nوبعد انتهاء أول محادثات بين الروس والأميركيين، قال دميترييف "
                "في منشور على منصة «إكس»، «أشكر ستيف وجارد وجوش على اللقاء المثمر»، في إشارة إلى موفد ترامب وإلى "
                "صهره جارد كوشنر ومستشار البيت الأبيض جوش غريبناوم.")


def _seed_meeting():
    from khabar.pipeline import Options, Pipeline

    doc = Pipeline.build(Options()).run(Article("seed", SEED_MEETING, date=SEED_DAY))
    return next(e for e in doc.get("events") if SEED_MEETING[e.trigger.start:e.trigger.end] == "اللقاء")


def test_envoy_of_trump_in_a_target_is_witkoff_not_trump():
    """Seed article: the meeting's target «موفد ترامب وإلى صهره جارد كوشنر ...» took the entity of its first
    mention, Trump, who owns the head noun (Trump's envoy); the relations layer knows who that envoy is."""
    meeting = _seed_meeting()
    assert meeting.target.entity == "kb:steve-witkoff" and meeting.source.entity == "kb:kirill-dmitriev"


def test_definite_meeting_noun_takes_the_place_of_the_meeting_before():
    """Seed article: «على اللقاء المثمر» is the «اجتماعاً مثمراً» held in Florida (same type, same source)."""
    meeting = _seed_meeting()
    assert meeting.location is not None and SEED_MEETING[meeting.location.start:meeting.location.end] == "فلوريدا"


def test_speaker_named_in_an_earlier_sentence_is_found_by_entity():
    """Regression (seed article): for وأضاف «...» the quotes stage gives a speaker without a span; the
    statement's source became the sentence's first actor (الرئيس) instead of Dmitriev's last mention."""
    from khabar.events.coder import Context, Resources, code_sentence
    from khabar.doc import Doc, Span
    from khabar.text.sentences import split_sentences
    from khabar.text.tokens import tokenize

    text = "وقال دميترييف إنه متفائل. وأضاف «الدور الرئيس للنفط واضح، فضلاً عن عدم فعالية العقوبات المفروضة على روسيا»."
    doc = Doc(Article("seed", text, date=SEED_DAY))
    q0, q1 = text.index("«"), text.index("»") + 1
    name = text.index("دميترييف")
    ctx = Context(quotes=[Quote("direct", q0, q1, Speaker("دميترييف", entity="kb:kirill-dmitriev"))],
                  mentions=[(Span(name, name + len("دميترييف")), "kb:kirill-dmitriev")], anchor=SEED_DAY,
                  has_quotes=True)
    sentence = split_sentences(text)[1]
    events = code_sentence(doc, sentence, Resources.load(), ctx, tokens=tokenize(text, sentence.start, sentence.end))
    accuse = [e for e in events if e.type == "ACCUSE"][0]
    assert text[accuse.source.start:accuse.source.end] == "دميترييف"
    assert accuse.source.entity == "kb:kirill-dmitriev" and accuse.source.code == "RUS GOV"
