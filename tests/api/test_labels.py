"""Arabic labels for stored codes, the code kept in the tooltip and the API (issue 21 item 5)."""
from __future__ import annotations

import pytest

from khabar.api.labels import SCHEMA, arabic, label, labels, ltr
from khabar.errors import ResourceError
from khabar.resources import check


def test_labels_cover_every_plover_type_and_mode_the_pipeline_emits():
    table = labels()
    from khabar.resources import load_yaml

    modes = load_yaml("events/modes.yaml")["modes"]
    assert set(modes) <= set(table["modes"])
    assert arabic("event_types", "CONSULT") == "تشاور" and arabic("modes", "claimed") == "على لسان متحدث"
    assert arabic("channels", "interview") == "مقابلة" and arabic("outlets", "alarabia") == "العربية"


def test_unknown_code_is_shown_as_it_is():
    assert arabic("roles", "موفد الرئيس الروسي") == "موفد الرئيس الروسي"
    assert arabic("event_types", None) == ""


def test_label_keeps_the_code_in_its_tooltip_and_escapes_it():
    assert str(label("event_types", "CONSULT")) == '<span class="code-label" title="CONSULT">تشاور</span>'
    assert "&lt;b&gt;" in str(label("outlets", "<b>x</b>"))


def test_dates_are_isolated_left_to_right():
    assert str(ltr("2018-06-18")) == '<bdi dir="ltr">2018-06-18</bdi>'


def test_schema_rejects_an_empty_label():
    broken = {"version": 1, "description": "x", "labels": {**labels(), "modes": {"claimed": ""}}}
    with pytest.raises(ResourceError, match="labels.yaml: labels/modes/claimed"):
        check("api/labels.yaml", broken, SCHEMA)


def test_events_page_shows_arabic_types_and_the_api_keeps_codes(client):
    page = client.get("/ui/events", params={"type": "CONSULT"}).text
    assert '<span class="code-label" title="CONSULT">تشاور</span>' in page
    assert '<option value="CONSULT" selected>تشاور</option>' in page
    assert {e["type"] for e in client.get("/events", params={"type": "CONSULT"}).json()["items"]} == {"CONSULT"}


@pytest.mark.parametrize("path, arabic_text", [
    ("/ui/entities/nope", "لا يوجد كيان بالمعرّف «nope»"),
    ("/ui/articles/nope", "لا يوجد مقال بالمعرّف «nope»"),
    ("/ui/events?from=2018-13-01", "«from»: ليس تاريخا صالحا"),
    ("/ui/search?q=%D9%82%D8%A7%D9%84&limit=0", "«limit»: يجب ألا يقل عن 1"),
], ids=["entity", "article", "date", "limit"])
def test_regression_ui_error_pages_say_it_in_arabic(client, path, arabic_text):
    # Issue 21 item 2: the error pages said "no entity 'nope'" on Arabic pages; the English stays in the tooltip.
    r = client.get(path)
    assert r.status_code in (404, 422) and arabic_text in r.text
    assert 'title="' in r.text.split('class="error"', 1)[1].split(">", 1)[0]


def test_api_errors_keep_their_english_detail(client):
    assert client.get("/entities/nope").json() == {"detail": "no entity 'nope'"}
