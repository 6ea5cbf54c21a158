"""Source and target of an event: Arabic constructions, each on a sentence of the gold XML or the corpus.

Gold ids are those of /work/shared/data/events/arabic-event-gold-dev.xml; the snippets are embedded so the
tests run without ../shared.
"""
from __future__ import annotations

from .conftest import of_type


def _assault(code, text: str) -> dict:
    return of_type(code(text)[1], "ASSAULT")


def test_passive_verb_after_its_victims_takes_them_as_target(code):
    """gold a09017: أربعة من حراس الأمن الأفغان قتلوا في هجوم: the subject of a passive verb is its victim."""
    e = _assault(code, "قال مسؤولون امس إن أربعة من حراس الأمن الأفغان قتلوا في هجوم انتحاري في جنوب أفغانستان.")
    assert e["trigger"] == "قتلوا" and "حراس الأمن الأفغان" in e["target"] and e["target_code"] == "AFG MIL"


def test_preverbal_victims_coordinated_with_a_prepositional_phrase(code):
    """gold a08f56: 11 مدنيا وأربعة من رجال الشرطة قتلوا: _backward stopped at من رجال; the whole phrase is the victim."""
    e = _assault(code, "وقال المتحدث العسكري ان 11 مدنيا وأربعة من رجال الشرطة قتلوا في التفجير الانتحاري الذي وقع في البلدة.")
    qatalu = [x for x in code("وقال المتحدث العسكري ان 11 مدنيا وأربعة من رجال الشرطة قتلوا في التفجير.")[1]
              if x["trigger"] == "قتلوا"][0]
    assert qatalu["target"].startswith("11 مدنيا") and qatalu["target"].endswith("رجال الشرطة")
    assert e["type"] == "ASSAULT"


def test_victim_phrase_without_actor_word_does_not_crash(code):
    """ant:FR-internationalNews-1026-20180501 (dev articles): مئات الجرحى أصيبوا made a phrase with no actor
    words, and _place_object raised IndexError on its empty parts."""
    _, events = code("وقد أشارت مصادر طبية فلسطينية، إلى أن مئات الجرحى أصيبوا برصاص متفجر يفتت العظام.")
    assert of_type(events, "ASSAULT")["target"] == "الجرحى"


def test_active_verb_with_an_object_keeps_its_subject_as_source(code):
    """gold a08f37: مسلحين مجهولين اغتالوا ضابطا: مسلحين is a victim noun, but an object follows the verb."""
    e = _assault(code, "واعلن الرائد محمد احمد أن مسلحين مجهولين اغتالوا ضابطا في الشرطة في الحي الصناعي.")
    assert e["source"] == "مسلحين مجهولين" and e["target"] == "ضابطا"


def test_counted_object_after_subject_less_verb_is_target(code):
    """gold a08f06: قتلت 47 ارهابيا (subject no actor word) coded the victims as source."""
    e = _assault(code, "«مديريات عموم العراق خلال الاسبوع الماضي قتلت 47 ارهابياً، وضبطت كميات كبيرة من الاسلحة».")
    assert e["target"] == "ارهابياً" and e["source"] != "ارهابياً"


def test_lone_indefinite_phrase_after_passive_verb_is_its_victim(code):
    """gold a08fa5: وأمس قتل سائقا شاحنات: VSO with one indefinite phrase and no object reads passive."""
    e = _assault(code, "وأمس قتل سائقا شاحنات كانا ينقلان إمدادات الى أفغانستان في هجوم بقنابل يدوية قرب بيشاور.")
    assert e["target"] == "سائقا" and e["source"] is None


def test_indefinite_armed_subject_of_vso_verb_stays_source(code):
    """ant:AL-internationalNews-1006-20180505: وخطف مسلحون ... is active (armed actors are agents)."""
    e = _assault(code, "وخطف مسلحون يشتبه في أنهم من جماعة أبو سياف شرطيين وقرويا واحدا في قرية باتيكول.")
    assert e["source"] == "مسلحون"


def test_definite_noun_then_indefinite_sector_noun_are_two_phrases(code):
    """gold 3a1e8c: ورشق مئات المتظاهرين قوات مكافحة الشغب was one phrase, source and target merged."""
    _, events = code("ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة والزجاجات الفارغة في شوارع كالكوتا.")
    assert any(e["source"] == "المتظاهرين" and e["target"] == "قوات مكافحة الشغب" for e in events)


def test_nominative_then_accusative_plural_are_two_phrases(code):
    """gold a08eb9: هاجم مفجرون انتحاريون سياسيين: the case ending changes between subject and object."""
    e = _assault(code, "كما هاجم مفجرون انتحاريون سياسيين بينهم زعيمة المعارضة بي نظير بوتو.")
    assert e["source"] == "مفجرون انتحاريون" and e["target"].startswith("سياسيين")


def test_genitive_after_a_killing_noun_is_its_victim(code):
    """gold a08f8d: مقتل شرطيين: the genitive of مقتل is who was killed, not the agent."""
    e = _assault(code, "روسيا 24 مارس 2001 مقتل شرطيين في انفجار سيارة مفخخة بجمهورية قره شاي والشركس.")
    assert e["trigger"] == "مقتل" and e["target"] == "شرطيين" and e["target_code"] == "COP"


def test_title_modifier_stays_in_the_phrase(code):
    """gold a08f27: اغتيال الأمين العام السابق للحزب الشيوعي: السابق cut the victim's title short."""
    e = _assault(code, "اغتيال الأمين العام السابق للحزب الشيوعي جورج حاوي في اعتداء بسيارة مفخخة في بيروت.")
    assert e["target"].startswith("الأمين العام السابق للحزب")


def test_possessive_victim_points_to_the_sentence_subject(code):
    """gold a08fb5: اعلن الجيش الاميركي مقتل أحد جنوده: gold codes the army (the pronoun's owner) as target."""
    e = _assault(code, "من جهته، اعلن الجيش الاميركي مقتل أحد جنوده في انفجار قنبلة لدى مرور قافلته قرب بعقوبة.")
    assert e["trigger"] == "مقتل" and e["target"] == "الجيش الاميركي"


def test_victim_noun_as_fallback_subject_is_target(code):
    """gold a08f58: لقي نحو 300 مواطن حتفهم في سلسلة تفجيرات: the victims were coded the bombings' source."""
    e = _assault(code, "ثم يوم 12 مارس 1993 لقي نحو 300 مواطن حتفهم في سلسلة تفجيرات منسقة.")
    assert e["target"] == "مواطن" and e["source"] is None


def test_phrase_after_didda_is_the_target_of_an_event_noun(code):
    """gold 3a1e39: احتجاجات ضد الحزب القومي: the phrase after ضد was taken as the agent."""
    _, events = code("دعت النقابات امس الى القيام باحتجاجات ضد الحزب القومي الألماني في برلين.")
    assert of_type(events, "PROTEST")["target"].startswith("الحزب")


def test_self_actor_noun_takes_the_following_phrase_as_target(code):
    """gold 3a1f1e: سار المتظاهرون حتى السفارة الاسرائيلية: the embassy was dropped as a second source."""
    _, events = code("سار المتظاهرون حتى السفارة الاسرائيلية مسافة كيلومترين تقريبا.")
    e = of_type(events, "PROTEST")
    assert e["source"] == "المتظاهرون" and e["target"] == "السفارة الاسرائيلية"


def test_lone_adjective_of_a_place_is_no_target(code):
    """gold 3a1ef4: في عدة مدن باكستانية gave the target باكستانية (ب read as a prefix); the actor is بريطانيا."""
    _, events = code("ونزل المتظاهرون الى الشوارع في عدة مدن باكستانية وسط غضب متزايد من قرار بريطانيا تكريم سلمان رشدي.")
    assert of_type(events, "PROTEST")["target"] == "بريطانيا"


def test_counted_people_after_min_are_no_place(code):
    """gold a08f54: خطفت 23 من الكوريين الجنوبيين: the country-like phrase after من was dropped as a place."""
    e = _assault(code, "وكانت حركة طالبان قد خطفت 23 من الكوريين الجنوبيين وغالبيتهم من النساء في 19 يوليو الماضي.")
    assert e["source"] == "حركة طالبان" and e["target"] == "الكوريين الجنوبيين" and e["target_code"] == "KOR"


def test_word_completing_the_trigger_is_no_target(code):
    """gold a08fc5: in طائرة ... أطلقت صاروخا على مجموعة من عناصر the missile was coded the target."""
    e = _assault(code, "وذكرت مصادر أن طائرة تابعة لجيش الاحتلال أطلقت فجر أمس صاروخاً على مجموعة من عناصر «كتائب القسام»، "
                       "كانت ترابط في حي السلام.")
    assert e["target"] == "عناصر"


def test_ma_majmuuhu_opens_no_clause(code):
    """gold a08f59: خطفوا ما مجموعه 14 شخصا: ما cut the clause, the verb read passive and the gunmen victims."""
    e = _assault(code, "وأضاف المسؤول أن المسلحين خطفوا ما مجموعه 14 شخصا.")
    assert e["source"] == "المسلحين" and e["target"] == "شخصا"


def test_pronoun_subject_makes_the_phrase_after_the_verb_its_object(code):
    """gold a09021: مشيرا الى انها استهدفت عناصر طالبان: the pronoun is the subject, عناصر طالبان the target."""
    _, events = code("واقر التحالف الدولي انه نفذ ضربات جوية في شمال غرب باكستان، مشيرا الى انها استهدفت عناصر طالبان.")
    assert any(e["target"] == "عناصر طالبان" for e in events if e["type"] == "ASSAULT")


def test_place_after_a_direction_word_is_no_target(code):
    """gold a09021: نفذ ضربات جوية في شمال غرب باكستان coded باكستان (after غرب) as the target."""
    _, events = code("واقر التحالف الدولي انه نفذ ضربات جوية في شمال غرب باكستان.")
    assert of_type(events, "ASSAULT")["target"] != "باكستان"
