"""Bare national institutions (وزارة العدل): linked when the article and the sentence agree on the country."""
from __future__ import annotations

import datetime as dt

from khabar.doc import Article
from khabar.pipeline import Options, Pipeline

NER_STAGES = ("sentences", "tokens", "ner", "entities")
# ant:BB-internationalNews-854-20180722, first two sentences.
TRUMP_DOJ = ("قال الرئيس الأمريكي دونالد ترامب إن هناك مؤشرات متزايدة على أن حملته الرئاسية عام 2016 تعرضت للتجسس، "
             "واصفا في الوقت ذاته تقارير وزارة العدل ومكتب التحقيقات الفدرالي بأنها \"مزيفة\".\n"
             "وغرد ترامب في حسابه بموقع التواصل الاجتماعي تويتر قائلا \"من الواضح أن حملته للرئاسة تعرضت للتجسس "
             "لصالح المرشحة الديمقراطية هيلاري كلينتون\".")


def entities(text: str, date: str):
    pipe = Pipeline.build(Options(stages=NER_STAGES))
    return pipe.run(Article(id="t", text=text, date=dt.date.fromisoformat(date))).get("entities")


def test_bare_ministry_takes_the_country_of_the_article():
    """ant:BB-internationalNews-854-20180722: «تقارير وزارة العدل ومكتب التحقيقات الفدرالي» in an article on
    Trump is the US Department of Justice, known to the KB only as وزارة العدل الأمريكية."""
    doj = [e for e in entities(TRUMP_DOJ, "2018-07-22") if e.name == "وزارة العدل"]
    assert doj and doj[0].name_en == "United States Department of Justice" and doj[0].type == "ORG"


def test_one_sentence_is_not_enough_to_tell_the_country():
    """ant gold 5b520e266203c42f8aa08f53 (Iraq, 2006): the only country word is القوات الأميركية; whose
    interior ministry «مصادر بوزارة الداخلية» cites cannot be told, so it is left unlinked."""
    text = ("وقالت مصادر بوزارة الداخلية إن 13 شخصا أصيبوا أيضا بعدما نفذت القوات الأميركية ضربة جوية إثر تعرض "
            "قواتها لإطلاق نار من جانب عناصر من جيش المهدي.")
    assert not [e for e in entities(text, "2006-11-15") if "Interior" in (e.name_en or "")]


def test_bare_ministry_tied_to_a_place_is_left_alone():
    """ant:FR-internationalNews-1026-20180501: «وزارة الصحة في غزة» belongs to Gaza, not to the country the
    article names most (Israel): no bare match, though وزارة الصحة is a bare key (of وزارة الصحة الفلسطينية)."""
    from khabar.text.words import word_layer
    from khabar.entities.institutions import bare_index, bare_matches
    from khabar.entities.kb import knowledge_base
    from khabar.doc import Doc

    kb = knowledge_base()
    doc = Doc(Article(id="t", text="بحسب وزارة الصحة في غزة، التي أشارت إلى أن الأطباء", date=dt.date(2018, 5, 1)))
    assert ("وزاره", "الصحه") in bare_index(kb)
    assert bare_matches(doc, kb, word_layer(doc).names, []) == []
