"""Modes on real sentences (ANT corpus 2018 and the seed article, ids cited)."""
from __future__ import annotations

import pytest

from .conftest import of_type

CASES = [
    # (mode, source, sentence, PLOVER type)
    ("asserted", "ant:AL-internationalNews-1193-20180516",
     "وتظاهر مئات الأشخاص بدعوة من منظمات عدة أمام القنصلية الإسرائيلية في اسطنبول الثلاثاء.", "PROTEST"),
    ("negated", "ant:AL-internationalNews-1001-20180504",
     "نفت بكين، الجمعة، اتهامات أميركية وصفتها بأنها \"اعتباطية\" حول إصابة طيارين أميركيين بأشعة الليزر في أثناء "
     "التحليق فوق قاعدتها العسكرية في جيبوتي.", "ACCUSE"),
    ("future", "ant:AL-internationalNews-1039-20180507",
     "وسيشن الهجوم المتوقع من الأراضي السورية على قواعد عسكرية إسرائيلية في المنطقة الشمالية.", "ASSAULT"),
    ("future", "seed article (shared/eval/seed), paragraph 9",
     "في الأثناء، أعلن الإليزيه أمس، أنّ الرئيسين إيمانويل ماكرون وفولوديمير زيلينسكي سيناقشان اليوم الجمعة "
     "«وجهات النظر بشأن شروط سلام عادل ودائم».", "CONSULT"),
    ("intended", "ant:AL-internationalNews-1025-20180506",
     "وقال مسؤولان بالبيت الأبيض ومصدر مطلع على النقاش الداخلي في الإدارة الأميركية في الثاني من مايو/أيار إن ترمب "
     "قرر الانسحاب إلا أنه لم يتضح بعد كيف سيفعل ذلك.", "RETREAT"),
    ("threatened", "ant:AL-internationalNews-1105-20180511",
     "وهددت واشنطن بفرض عقوبات على الشركات الأجنبية المتعاونة مع إيران وأمهلتها 180 يوماً للالتزام.", "SANCTION"),
    ("hypothetical", "ant:AL-internationalNews-11-20180218",
     "وكان مسؤولون روس قالوا للصحافيين إن 5 مدنيين روساً ربما قتلوا في اشتباكات مع #قوات_التحالف الذي تقوده "
     "الولايات المتحدة.", "ASSAULT"),
    ("claimed", "ant:AL-internationalNews-1097-20180510",
     "لافتاً إلى أنه \"ليس بوسعنا فعل شيء حيال قرار أميركا فرض عقوبات أحادية على إيران\".", "SANCTION"),
]


@pytest.mark.parametrize("mode, source, sentence, type_", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_mode(code, mode, source, sentence, type_):
    _, events = code(sentence)
    assert of_type(events, type_)["mode"] == mode


def test_every_mode_is_tested():
    from khabar.events.modes import MODES

    assert {c[0] for c in CASES} == set(MODES)


def test_qad_before_a_perfect_is_asserted(code):
    """Regression: قد + perfect means 'already', not 'maybe' (ant:AL-culture-188-20180322 gave hypothetical)."""
    _, events = code("وكان مسلحون قد هاجموا مركزا للشرطة في بغداد.")
    assert of_type(events, "ASSAULT")["mode"] == "asserted"
