"""The khabar JSON v1 contract and its JSON Schema."""
import datetime as dt

import jsonschema
import pytest

from khabar.record import schema, to_record, validate
from khabar.doc import Article, Doc, Quote, Span, Speaker, Timex
from khabar.pipeline import Pipeline

TEXT = "وقال زيلينسكي، أمس، إن أوكرانيا تنتظر موافقة البيت الأبيض على اتفاق مهم لإنتاج مسيَّرات."


def record_with_quote():
    doc = Doc(Article(id="c1", text=TEXT, date=dt.date(2026, 3, 12)))
    start = TEXT.index("أوكرانيا")
    doc.add("quotes", [Quote("indirect", start, len(TEXT) - 1, Speaker("فولوديمير زيلينسكي", 5, 13,
                                                                      name_en="Volodymyr Zelenskyy"),
                             cue=Span(0, 4), date="2026-03-12")], "test.v1")
    doc.add("timexes", [Timex(15, 18, "2026-03-11", "DATE", "2026-03-12")], "test.v1")
    return to_record(doc, {"version": "0.1.0", "stages": ["test.v1"]})


def test_record_has_every_list_even_when_empty():
    record = to_record(Pipeline.build().run(Article(id="x", text="قال الرئيس.")), Pipeline.build().provenance)
    for key in ("entities", "quotes", "timexes", "events", "relations", "warnings"):
        assert isinstance(record[key], list)
    validate(record)


def test_spans_carry_their_own_text():
    record = record_with_quote()
    validate(record)
    quote = record["quotes"][0]
    assert quote["cue"]["text"] == "وقال" and quote["speaker"]["text"] == "زيلينسكي"
    assert quote["text"].startswith("أوكرانيا") and not quote["text"].endswith(".")
    assert record["timexes"][0]["text"] == "أمس"


def test_schema_rejects_a_bad_kind_and_a_bad_value():
    record = record_with_quote()
    record["quotes"][0]["kind"] = "paraphrase"
    with pytest.raises(jsonschema.ValidationError):
        validate(record)
    record = record_with_quote()
    record["timexes"][0]["value"] = "12 March"
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(schema())
