"""The event coder reads its word tables from khabar/data/events/: each table, emptied, changes a real sentence's events."""
from __future__ import annotations

import datetime as dt

import pytest

from khabar.events import tables
from khabar.events.actors import actor_lexicon
from khabar.events.clause_roles import _agent, _marked_target
from khabar.events.dates import weekday_date
from khabar.events.phrases import is_victim
from khabar.events.words import sentence_words

SEED_THANKS = ("وبعد انتهاء أول محادثات بين الروس والأميركيين منذ بدء الحرب الأميركية الإسرائيلية على إيران، قال "
               "دميترييف في منشور على منصة «إكس»، «أشكر ستيف وجارد وجوش على اللقاء المثمر»، في إشارة إلى موفد "
               "ترامب وإلى صهره جارد كوشنر ومستشار البيت الأبيض جوش غريبناوم.")
LOADERS = (tables.argument_words, tables.clause_words, tables.speech_verbs)


def _clear() -> None:
    for loader in LOADERS:
        loader.cache_clear()


@pytest.fixture
def emptied(monkeypatch):
    """emptied(key): from now on the event tables load as shipped, less every word under `key`."""
    real = tables.load_yaml

    def empty(key: str) -> None:
        def load(name, schema=None):
            data = dict(real(name, schema))
            if key in data:
                data[key] = []
            return data

        monkeypatch.setattr(tables, "load_yaml", load)
        _clear()

    yield empty
    monkeypatch.undo()
    _clear()


def _event(events: list[dict], trigger: str) -> dict:
    return next(e for e in events if e["trigger"] == trigger)


# (table, sentence, trigger, field, value with the table): dev, dev2 and seed sentences, or sentences in their style.
CASES = [
    ("skip", "وقد أشارت مصادر طبية فلسطينية، إلى أن مئات الجرحى أصيبوا برصاص متفجر يفتت العظام.",
     "أصيبوا", "target", "الجرحى"),
    ("target_preps", "وأثار الحادث غضب كثير من الساسة الإيطاليين واعتبره بعضهم اعتداء على الأراضي الإيطالية.",
     "اعتداء", "target", "الإيطالية"),
    ("between", "وبدأت أمس أول محادثات بين الروس والأميركيين في الرياض.", "محادثات", "target", "والأميركيين"),
    ("reference_nouns", SEED_THANKS, "اللقاء", "target",
     "موفد ترامب وإلى صهره جارد كوشنر ومستشار البيت الأبيض جوش غريبناوم"),
    ("reference_preps", SEED_THANKS, "اللقاء", "target",
     "موفد ترامب وإلى صهره جارد كوشنر ومستشار البيت الأبيض جوش غريبناوم"),
    ("member_cues", "والتقى الرئيس الروسي مفاوضين أميركيين، من بينهم ستيف ويتكوف.", "والتقى", "target",
     "مفاوضين أميركيين، من بينهم ستيف ويتكوف"),
    ("pronoun_clauses", "وقالت الحكومة الأفغانية أنها استهدفت عناصر طالبان في قندهار.", "استهدفت", "target",
     "عناصر طالبان"),
    ("object_suffixes", "والخميس، أعلن الجيش التركي، مقتل 8 من جنوده وإصابة 13 آخرين بجروح في عفرين.",
     "مقتل", "target", "الجيش التركي"),
    ("with_pronoun", "وقال بوتين إن ترامب تحدث معه هاتفيا.", "تحدث معه هاتفيا", "target", "بوتين"),
    ("location_preps", "أعلن مسؤولون إماراتيون اتهام رجل بريطاني في الإمارات العربية المتحدة بالتجسس.",
     "اتهام", "location", "الإمارات"),
    ("victims", "واندلعت مواجهات بين المتظاهرين الفلسطينيين والقوات الإسرائيلية على حدود غزة.", "مواجهات",
     "source", None),
    ("prep_words", "وتشعر إسرائيل بالقلق أيضا من ترسيخ إيران لوجودها العسكري في سوريا وقصفت أهدافا إيرانية هناك.",
     "وقصفت", "source", "إيرانية"),
    ("relatives", "وقال الجيش إن المتظاهرين الذين هاجموا مركز الشرطة اعتقلوا.", "هاجموا", "source", "المتظاهرين"),
    ("origin_leads", "وتظاهر المتظاهرون القادمون من تركيا أمام السفارة.", "وتظاهر", "source",
     "المتظاهرون القادمون من تركيا"),
    ("led_by", "واتهمت العناصر الخمسة المسلحين التابعين لشرطة الحدود الفرنسية بترويع الطبيب.", "واتهمت", "target",
     "المسلحين التابعين لشرطة الحدود الفرنسية"),
    ("title_modifiers", "وهاجم الأمين العام السابق للحزب الشيوعي الحكومة.", "وهاجم", "source",
     "الأمين العام السابق للحزب الشيوعي"),
    ("openers", "وتعتزم برلين وباريس تقديم خارطة طريق مشتركة للإصلاحات في أوروبا ما بعد بريكست قبل قمة أوروبية.",
     "قمة", "location", None),
    ("quantity_after_ma", "وقال إن مسلحين خطفوا ما مجموعه 14 شخصا في بغداد.", "خطفوا", "source", "مسلحين"),
]


@pytest.mark.parametrize("key, text, trigger, field, value", CASES, ids=[c[0] for c in CASES])
def test_each_table_sets_an_argument(code, emptied, key, text, trigger, field, value):
    _, events = code(text)
    assert _event(events, trigger)[field] == value
    emptied(key)
    _, events = code(text)
    assert _event(events, trigger)[field] != value


def _words(code, text: str):
    doc, _ = code(text)
    return sentence_words(doc, doc.get("sentences")[0])


def _index(words, norm: str) -> int:
    """The word's position in the sentence's list, as the coder indexes it."""
    return next(k for k, w in enumerate(words) if w.norm == norm)


def test_target_cues_mark_a_target(code, emptied):
    words = _words(code, "ونظم الطلاب احتجاجات في الجامعة مطالبين الحكومة بالاستقالة.")
    k = _index(words, "مطالبين")
    assert _marked_target(words, k, k + 1)
    emptied("target_cues")
    assert not _marked_target(words, k, k + 1)


def test_count_words_make_a_counted_noun_a_victim(code, emptied):
    words = _words(code, "وقتل الجيش السوري عشرات متمردين في حلب.")
    assert is_victim(words, _index(words, "متمردين"))
    emptied("count_words")
    assert not is_victim(words, _index(words, "متمردين"))


def test_agent_cues_find_the_agent_of_a_passive(code, emptied):
    words = _words(code, "وقتل ثلاثة مدنيين برصاص الشرطة العراقية في بغداد.")
    start = _index(words, "برصاص")
    agent = _agent(actor_lexicon(), words, start, len(words) - 1, None)
    assert agent is not None and words[agent.first].norm == "الشرطه"
    emptied("agent_cues")
    assert _agent(actor_lexicon(), words, start, len(words) - 1, None) is None


def test_speech_verbs_name_the_speaker_without_a_quotes_layer(code, emptied):
    # The statement's sentence names no one: its source is whoever the last speech verb introduced.
    text = "وقال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مفيدة.\nوتابع «إننا نرفض هذه الاتهامات»."
    _, events = code(text)
    rejected = [e for e in events if e["type"] == "REJECT"]
    assert rejected and rejected[0]["source"] == "الرئيس الروسي فلاديمير بوتين"
    emptied("verbs")
    _, events = code(text)
    assert [e["source"] for e in events if e["type"] == "REJECT"] != ["الرئيس الروسي فلاديمير بوتين"]


def test_weekday_names_come_from_the_time_tables(code):
    """With no time stage, a weekday in the clause dates the event (data/time/weekdays.yaml, الإثنين too)."""
    monday = dt.date(2026, 3, 9)
    for name in ("الاثنين", "الإثنين"):
        words = _words(code, f"وقتل مسلحون ثلاثة جنود {name} في بغداد.")
        assert weekday_date(words, 0, len(words) - 1, dt.date(2026, 3, 11), future=False) == monday.isoformat()
