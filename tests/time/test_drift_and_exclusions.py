"""Drift against the dateline, articles without a date, and what is left out."""
from __future__ import annotations

import datetime as dt

import pytest

from timex_helpers import run, timexes

# seed: dated Thursday 2026-03-12, but the text says اليوم الجمعة.
SEED_SNIPPET = ("وكان ترامب صرّح هذا الأسبوع بأنّ الرئيس الروسي فلاديمير بوتين، الذي تحدث معه عبر الهاتف الاثنين، "
                "أراد أن يجعل نفسه «مفيداً». في الأثناء، أعلن الإليزيه أمس، أنّ الرئيسين سيناقشان اليوم الجمعة "
                "«وجهات النظر». كانت كييف اقترحته العام الماضي.")


def test_drift_moves_the_anchor_to_the_named_weekday():
    doc = run(SEED_SNIPPET, "2026-03-12")
    assert doc.get("effective_date") == dt.date(2026, 3, 13)
    values = {SEED_SNIPPET[t.start:t.end]: t.value for t in doc.get("timexes")}
    assert values == {"هذا الأسبوع": "2026-W11", "الاثنين": "2026-03-09", "أمس": "2026-03-12",
                      "اليوم الجمعة": "2026-03-13", "العام الماضي": "2025"}
    assert all(t.anchor == "2026-03-13" for t in doc.get("timexes"))


def test_drift_warning_says_why():
    doc = run(SEED_SNIPPET, "2026-03-12")
    assert len(doc.warnings) == 1
    assert "اليوم الجمعة" in doc.warnings[0] and "2026-03-12" in doc.warnings[0] and "2026-03-13" in doc.warnings[0]


def test_no_drift_when_the_weekday_agrees():
    # ant:AL-economy-1026-20180715, dated Sunday
    doc = run("وافق مجلس النواب المصري اليوم الأحد، من حيث المبدأ", "2018-07-15")
    assert doc.get("effective_date") == dt.date(2018, 7, 15) and doc.warnings == []


def test_drift_from_yesterday_with_a_weekday():
    # ant:AL-culture-100-20180227 says أمس الاثنين; dated a day late it must move back
    doc = run("وقال الاتحاد أمس الاثنين إن الألبوم صدر، وأعلن اليوم عن جولته", "2018-02-28")
    assert doc.get("effective_date") == dt.date(2018, 2, 27)
    assert [t.value for t in doc.get("timexes")] == ["2018-02-26", "2018-02-27"]


def test_article_without_date_keeps_only_absolute_expressions():
    # ant:BB-internationalNews-854-20180722, read with no date
    text = "وكان تحقيقا قد جرى العام الماضي مع بيج في يوليو/تموز عام 2016 حيث التقى"
    doc = run(text, None)
    assert doc.get("effective_date") is None
    assert [(text[t.start:t.end], t.value, t.anchor) for t in doc.get("timexes")] == \
        [("يوليو/تموز عام 2016", "2016-07", None)]


EXCLUDED = [
    # clock times: ant:AL-culture-33-20180207, ant:AL-economy-402-20180409
    ("وُلدت الساعة 4:43 مساءً. وكانت", "2018-02-07"),
    ("وحوالى الساعة 06:50 بتوقيت غرينتش، انخفض", "2018-04-09"),
    # durations: a count of days, منذ سنوات
    ("استمرت المفاوضات ثلاثة أيام في جنيف", "2018-03-09"),
    ("منذ سنوات طويلة والمنطقة تعاني", "2018-03-09"),
    ("خلال الأيام المقبلة سيتم الإعلان", "2018-03-09"),
    # recurrences: ant:AL-culture-187-20180322, كل جمعة
    ("ويحتفل به في 21 من مارس من كل عام بهدف التشجيع", "2018-03-22"),
    ("يخرجون في احتجاجات سلمية تتكرر كل جمعة على", "2018-05-01"),
    # vague: ant:AL-culture-103-20180228, قريبا، لاحقا
    ("خلافات نشبت بينهما مؤخرا. وتحدثت", "2018-02-28"),
    ("وسيعلن عن التفاصيل قريبا أو لاحقا", "2018-02-28"),
    # decades and seasons
    ("في ثمانينيات القرن الماضي وخلال فصل الصيف", "2018-02-28"),
]


@pytest.mark.parametrize("text,date", EXCLUDED)
def test_left_out(text, date):
    assert timexes(text, date) == []
