"""One real sentence per PLOVER type (ANT corpus 2018, ids cited), coded end to end."""
from __future__ import annotations

import pytest

from .conftest import of_type

CASES = [
    # (PLOVER type, ANT id, sentence, trigger contains, source contains, source code starts)
    ("AGREE", "ant:AL-internationalNews-1948-20180716",
     "وكانت حركتا فتح وحماس وقعتا اتفاق المصالحة رسمياً في أكتوبر الماضي في القاهرة، برعاية مصرية رسمية.",
     "وقعتا اتفاق", "فتح", "PSE"),
    ("CONSULT", "ant:AL-internationalNews-1013-20180506",
     "ويلتقي الرئيس الأميركي دونالد #ترمب قريبا لأول مرة، زعيم كوريا الشمالية كيم جونغ-اون بعد أسابيع من قمة بين "
     "الأخير ورئيس كوريا الجنوبية مون جاي-ان.", "ويلتقي", "الرئيس الأميركي", "USA GOV"),
    ("SUPPORT", "ant:AL-internationalNews-1075-20180508",
     "رحبت إسرائيل، الثلاثاء، بقرار الرئيس الأميركي دونالد ترمب الانسحاب من الاتفاق النووي مع إيران.",
     "رحبت", "إسرائيل", "ISR"),
    ("CONCEDE", "ant:AL-internationalNews-1041-20180507",
     "ورفعت العقوبات المتصلة بالبرنامج النووي الإيراني مقابل التزام إيران عدم السعي إلى حيازة السلاح النووي، لكن "
     "إيران تقول إنها لم تجن ثمار التزامها بنود الاتفاق.", "ورفعت العقوبات", None, None),
    ("COOPERATE", "ant:AL-internationalNews-879-20180411",
     "وتعاونت الشركة، التي تقدم العديد من الاستشارات السياسة خلال الانتخابات اعتمادا على تحليل المعلومات المختلفة، "
     "مع الحملة الانتخابية للرئيس الأميركي، دونالد ترمب.", "وتعاونت", "الشركة", "BUS"),
    ("AID", "ant:AL-internationalNews-1372-20180529",
     "ويقبع الطبيب في السجن منذ نحو سبع سنوات بعدما ساعد برنامجه المزيف للتلقيح أميركا في تعقب بن لادن والقضاء عليه.",
     "ساعد", None, None),
    ("RETREAT", "ant:AL-internationalNews-1097-20180510",
     "كما اعتبر أن انسحاب أميركا من الاتفاق النووي خرق لقرارات الأمم المتحدة.", "انسحاب", "أميركا", "USA"),
    ("REQUEST", "ant:AL-internationalNews-1028-20180506",
     "ودعا أيضا مرارا حكومة بغداد إلى التحرك ضد القواعد الخلفية لحزب العمال الكردستاني شمال العراق مهددا بالتدخل إن "
     "لم تفعل.", "ودعا", None, None),
    ("ACCUSE", "ant:AL-internationalNews-100-20180219",
     "وانتقد أردوغان الموقف الأميركي والوعود التي قطعتها الإدارة الأميركية لتركيا دون تنفيذ، مبيناً أن واشنطن خدعت "
     "تركيا دائماً وقامت بإلهائها.", "وانتقد", "أردوغان", "TUR GOV"),
    ("REJECT", "ant:AL-internationalNews-1065-20180508",
     "رفض الرئيس التركي، رجب طيب #أردوغان، الاثنين، دعوة مرشح معارض إلى مناظرة تلفزيونية بينهما قبل الانتخابات "
     "المبكرة المقررة في 24 حزيران/يونيو.", "رفض", "الرئيس التركي", "TUR"),
    ("THREATEN", "ant:AL-internationalNews-1047-20180507",
     "هددت إسرائيل اليوم الاثنين، بشار #الأسد بالقتل إذا سمح للإيرانيين بالعمل ضدها من الأراضي السورية.",
     "هددت", "إسرائيل", "ISR"),
    ("PROTEST", "ant:AL-internationalNews-1193-20180516",
     "وتظاهر مئات الأشخاص بدعوة من منظمات عدة أمام القنصلية الإسرائيلية في اسطنبول الثلاثاء.",
     "وتظاهر", "الأشخاص", "CVL"),
    ("SANCTION", "ant:AL-internationalNews-1085-20180509",
     "ويقول ترمب إن الولايات المتحدة ستعيد فرض العقوبات على إيران، ما يعني أن شركات أوروبية يجب أن توقف التعامل مع "
     "إيران وإلا ستدخل في خصومة مع #الحكومة_الأميركية.", "فرض العقوبات", None, None),
    ("MOBILIZE", "ant:AL-internationalNews-1060-20180508",
     "استنفرت ميليشيا الحوثي عناصرها في شوارع العاصمة صنعاء، وذلك عقب استهداف طيران تحالف دعم الشرعية مكتب رئاسة "
     "الجمهورية بغارات أمس الاثنين.", "استنفرت", "ميليشيا", "REB"),
    ("COERCE", "ant:AL-internationalNews-1115-20180511",
     "كما اعتقلت شرطة اسطنبول، الجمعة، 150 من الجنود المعنيين بمذكرات التوقيف.", "اعتقلت", "شرطة اسطنبول", "TUR COP"),
    ("ASSAULT", "ant:AL-internationalNews-1006-20180505",
     "وخطف مسلحون يشتبه في أنهم من جماعة أبو سياف شرطيين وقرويا واحدا في قرية باتيكول الأسبوع الماضي، وطالبوا بفدية "
     "لإطلاق سراحهم، حسب ما قالت الشرطة.", "وخطف", "مسلحون", "UAF"),
]


def test_every_plover_type_has_a_case():
    from khabar.events.lexicon import PLOVER_TYPES

    assert sorted(c[0] for c in CASES) == sorted(PLOVER_TYPES)


@pytest.mark.parametrize("type_, ant_id, sentence, trigger, source, code_prefix", CASES, ids=[c[0] for c in CASES])
def test_type_on_corpus_sentence(code, type_, ant_id, sentence, trigger, source, code_prefix):
    _, events = code(sentence, article_id=ant_id)
    event = of_type(events, type_)
    assert trigger in event["trigger"] or event["trigger"] in trigger
    assert 0.0 <= event["confidence"] <= 1.0 and event["cameo"]
    if source:
        assert source in (event["source"] or "")
    if code_prefix:
        assert (event["source_code"] or "").startswith(code_prefix)


def test_protest_location_is_the_city(code):
    """ant:AL-internationalNews-1193-20180516: the protest was in Istanbul."""
    _, events = code(CASES[11][2])
    assert of_type(events, "PROTEST")["location"] == "اسطنبول"


def test_threat_target_is_the_threatened(code):
    """ant:AL-internationalNews-1047-20180507: Israel threatened al-Assad."""
    _, events = code(CASES[10][2])
    assert "الأسد" in of_type(events, "THREATEN")["target"]
