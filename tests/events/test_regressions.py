"""Bugs found on real text, each with its regression test."""
from __future__ import annotations

from .conftest import of_type


def test_nasib_is_not_a_form_of_asaba(code):
    """ant:AL-culture-71-20180218: نصيب ('share') was coded ASSAULT as ن+صيب."""
    _, events = code("فقد كان المركز الثاني من نصيب الكاتب السوداني عمر فضل الله.")
    assert not [e for e in events if e["type"] == "ASSAULT"]


def test_verb_after_preposition_prefix_is_no_verb(code):
    """ant gold 3a1e13: بدعت (ب+دعت, a mis-joined word) was coded REQUEST."""
    _, events = code("نيقوسيا - ا ف بدعت مجموعة لم تكشف هويتها على موقع التواصل الاجتماعي.")
    assert not [e for e in events if e["type"] == "REQUEST"]


def test_subject_inside_a_multiword_trigger(code):
    """ant gold 3a1e63: in رفع المتظاهرون لافتات the subject stands between verb and object."""
    _, events = code("ورفع المتظاهرون لافتات كتب عليها «لا لتخريب الجزائر».")
    assert of_type(events, "PROTEST")["source"] == "المتظاهرون"


def test_place_after_preposition_is_no_subject(code):
    """ant gold a08f18: في المدينة before اصاب was taken as the subject."""
    _, events = code("وخلال تنقلهم في سيارة في المدينة اصاب صاروخ اسرائيلي السيارة وقتلهم جميعاً.")
    event = of_type(events, "ASSAULT")
    assert event["source"].startswith("صاروخ") and event["source_code"].startswith("ISR")


def test_relative_clause_verb_takes_the_antecedent(code):
    """ant gold 3a1eef: المتظاهرون الذين حملوا لافتات -> the protesters carried the banners."""
    _, events = code("وحاول المتظاهرون الذين حملوا لافتات التوجه نحو مقر مكتب الامم المتحدة.")
    assert of_type(events, "PROTEST")["source"] == "المتظاهرون"


def test_petrarch_pattern_with_function_word_object_is_ignored(code):
    """ant gold 3a1e78: PETRARCH's طلق + ضد turned يطلقون هتافات ضد into ASSAULT."""
    _, events = code("وكانوا يطلقون هتافات ضد الحكومة.")
    assert not [e for e in events if e["type"] == "ASSAULT"]


def test_verbal_attack_is_no_assault(code):
    """ant:AL-internationalNews-1895-20180711 (dev articles): شن هجوماً حاداً على ألمانيا is criticism."""
    _, events = code("وكان ترمب قد شن هجوماً حاداً على ألمانيا في وقت سابق الأربعاء، متهماً إياها بأنها \"رهينة\" روسيا.")
    assert not [e for e in events if e["type"] == "ASSAULT"]


def test_isaba_noun_is_not_the_verb(code):
    """snn:2015-08-08:57 (dev articles): إصابة was matched as the verb form أصابه."""
    _, events = code("وكان أحمس السبب في جنون عشرين سيدة وإصابة أخريات بالاكتئاب.")
    assert not [e for e in events if e["type"] == "ASSAULT" and e["trigger"] == "وإصابة"]


def test_petrarch_name_with_several_codes_takes_the_specific_one(code):
    """ant gold a09022: الجيش اللبناني was coded JOR MIL (PETRARCH lists JOR, LBN and LBN MIL for it)."""
    _, events = code("وقصف الجيش اللبناني مواقع المسلحين في المخيم.")
    assert of_type(events, "ASSAULT")["source_code"] == "LBN MIL"


def test_country_after_min_belongs_to_the_phrase(code):
    """ant gold 3a1e84: المتظاهرون من فلسطينيين ... are Palestinian protesters."""
    _, events = code("وتجمع المتظاهرون من فلسطينيين ودعاة سلام اجانب في قرية بلعين.")
    assert of_type(events, "PROTEST")["source_code"] == "PSE CVL"


def test_coalition_led_by_a_country_takes_its_code(code):
    """ant gold a09021: التحالف الدولي بقيادة الولايات المتحدة was coded INT."""
    _, events = code("واقر التحالف الدولي بقيادة الولايات المتحدة في افغانستان، انه نفذ ضربات جوية في شمال غرب باكستان.")
    assert of_type(events, "ASSAULT")["source_code"].startswith("USA")
