"""One test per bug found while scoring against the dev set, named after the bug."""
from __future__ import annotations

from timex_helpers import timexes


def test_regression_today_weekday_span_has_no_trailing_space():
    # seed: the span of اليوم الجمعة once swallowed the space after it
    assert timexes("سيناقشان اليوم الجمعة «وجهات النظر»", "2026-03-12")[0][0] == "اليوم الجمعة"


def test_regression_season_range_is_not_two_years():
    # ant:FR-internationalNews-1239-20180514
    assert timexes("من الدور ثمن النهائي: في 2017-2018 أمام ريال مدريد", "2018-05-14") == []


def test_regression_secretary_general_is_not_a_year():
    # ant:CN-middleEast-1262-20180819: الأمين العام السابق is "the former secretary-general"
    assert timexes("قال عمرو موسى، الأمين العام السابق لجامعة الدول العربية، إن", "2018-08-19") == []


def test_regression_tomorrow_as_the_future_is_not_a_day():
    # ant:SK-middleEast-3923-20181017: في الغد means "in the future"
    assert timexes('أن يصبحوا قادة المنظمات المتطرفة في الغد".', "2018-10-17") == []


def test_regression_count_after_min_is_not_a_year():
    # ant:SK-middleEast-166-20180302
    assert timexes("إن قواته قتلت أكثر من 2000 من المسلحين الأكراد", "2018-03-02") == []


def test_regression_vague_ago_with_or_is_left_out():
    # ant:CN-middleEast-1262-20180819
    assert timexes("هنا يعمل له مساج، قبل سنة أو سنتين رأيت أحد رجال الأمن", "2018-08-19") == []


def test_regression_order_of_the_day_is_not_today():
    # snn:2015-08-01:127
    assert timexes("واعتبر قهوجي في «أمر اليوم» أن الجيش", "2015-08-01") == []


def test_regression_this_day_with_fused_preposition_is_not_today():
    # ant:AL-culture-187-20180322: ويحتفل بهذا اليوم
    assert timexes("ويحتفل بهذا اليوم كل سنة", "2018-03-22") == []


def test_regression_recurring_date_is_left_out():
    # ant:AL-culture-187-20180322
    assert timexes("في 21 من مارس من كل عام", "2018-03-22") == []


def test_regression_year_with_ad_mark_before_1900():
    # ant:AL-culture-215-20180401: و1887م is a year although a bare 1887 would not be
    assert timexes("بين عامي 1886 و1887م. في", "2018-04-01") == [("عامي 1886", "1886"), ("1887م", "1887")]


def test_regression_tomorrow_without_alef_after_day_part():
    # ant:AL-internationalNews-1338-20180526: صباح غد
    assert timexes("سيعلن نتيجة اجتماعه صباح غد الأحد.", "2018-05-26") == [("صباح غد الأحد", "2018-05-27")]


def test_regression_year_fused_to_a_conjunction_is_searched_on_its_own():
    # snn:2015-08-01:161: و2013 is a trigger for the year pattern by itself
    from khabar.time.detect import trigger_windows
    from khabar.time.lexicon import load_lexicon
    from khabar.time.patterns import build_patterns

    text = "وكانت الوزيرة تؤيد التطبيع و2013"
    windows = trigger_windows(text, build_patterns(load_lexicon()).triggers)
    assert windows["year"] == [(0, len(text))]


def test_regression_year_with_ad_mark_is_searched():
    # ant:AL-culture-154-20180311: 1919م is one word for the trigger lookup
    assert timexes("التي تأسست عام 1919م، وأقفلت", "2018-03-11") == [("عام 1919م", "1919")]


def test_regression_ago_before_year_one_is_left_out():
    # ant:BB-culture-247-20180730 and ant:BB-culture-325-20181006: "over 2,500 / 4,000 years ago"
    # gave the values -482 and -1982, which are not YYYY values.
    import datetime as dt

    from khabar.doc import Article
    from khabar.pipeline import Options, Pipeline

    pipeline = Pipeline.build(Options(stages=("sentences", "time")))
    for text, date in [("وأعمال النحات الإغريقي فيدياس ومجايليه قبل أكثر من 2500 عام، ليستلهم منها.", dt.date(2018, 7, 30)),
                       ("وشيده الملك سنوسرت الأول قبل أكثر من 4000 عام.", dt.date(2018, 10, 6))]:
        doc = pipeline.run(Article(id="r", text=text, date=date))
        assert doc.get("timexes") == []
    doc = pipeline.run(Article(id="r", text="وكانت كييف اقترحته قبل 18 عاما.", date=dt.date(2026, 3, 12)))
    assert [t.value for t in doc.get("timexes")] == ["2008"]
