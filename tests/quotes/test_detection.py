"""Quote detection: the three kinds, their boundaries, and every cue construction, on real sentences."""
from __future__ import annotations

import datetime as dt


def test_indirect_after_inna(quotes_of):
    # ant:BB-economy-168-20180618
    found = quotes_of("وقالت مورييل بينيكو، وزيرة العمل الفرنسية، إن جنرال الكتريك قد تواجه غرامة تصل إلى 50 ألف يورو.")
    kind, text, speaker, cue, *_ = found[0]
    assert (kind, speaker, cue) == ("indirect", "مورييل بينيكو", "وقالت")
    assert text == "جنرال الكتريك قد تواجه غرامة تصل إلى 50 ألف يورو"


def test_direct_multi_sentence_with_colon_and_relay(quotes_of):
    # ant:BB-economy-168-20180618: two sentences inside one pair of marks; the agency only relays
    text = ('وقال بنيامين غريفو، المتحدث باسم الحكومة الفرنسية: "العقوبات لابد أن تقدم نموذجا. يجب تطبيق غرامة '
            'الـ50 ألف يورو بنهاية العام الجاري"، وفقا لما نقلته وكالة رويترز.')
    found = quotes_of(text)
    assert len(found) == 1
    kind, quoted, speaker, *_ = found[0]
    assert kind == "direct" and speaker == "بنيامين غريفو"
    assert quoted.startswith("العقوبات") and quoted.endswith("الجاري")
    assert found[0][5].speaker.via == "وكالة رويترز"


def test_direct_broken_by_cue(quotes_of):
    # seed-000: «...». وأقرّ، مع ذلك، بأنه «...» gives two quotes of one speaker
    text = ("وقال بيسكوف خلال مؤتمره الصحافي اليومي «من الواضح أن التعاون بين روسيا والولايات المتحدة يجب أن يكون "
            "عاملاً مهماً». وأقرّ، مع ذلك، بأنه «من السابق لأوانه في هذه المرحلة الحديث عن تعاون فعّال».")
    found = quotes_of(text)
    assert [f[0] for f in found] == ["direct", "direct"]
    assert [f[2] for f in found] == ["بيسكوف", "بيسكوف"]
    assert found[1][1].startswith("من السابق") and found[1][3] == "وأقرّ"
    assert [f[4] for f in found] == ["press conference", "press conference"]



def test_regression_unbalanced_marks_stay_in_paragraph(quotes_of):
    # ant:BB-internationalNews-854-20180722: `:" "كانت ...` opens twice and never closes
    text = ('وقال ترامب في مايو/آيار الماضي:" "كانت هناك عملية تجسس، ودفعت مبالغ ضخمة للجاسوس."\n'
            "وتتكون المنشأة من مبان تحت الأرض.")
    found = quotes_of(text)
    assert len(found) == 1
    assert found[0][0] == "direct" and found[0][1].startswith("كانت هناك")
    assert "المنشأة" not in found[0][1]


def test_cue_after_content_source_phrase(quotes_of):
    # ant:BB-economy-168-20180618: content before وفقا لـ, the source after it
    found = quotes_of("وبالفعل، وفرت جنرال الكتريك 323 وظيفة في فرنسا بنهاية إبريل/ نيسان الماضي، "
                      "وفقا لوزير المالية الفرنسي برونو لومير.")
    kind, text, speaker, cue, *_ = found[0]
    assert speaker == "برونو لومير" and cue == "وفقا"
    assert text.startswith("وفرت جنرال الكتريك") and text.endswith("الماضي")


def test_bahasb_with_relative_cue(quotes_of):
    # ant:FR-internationalNews-1026-20180501: بحسب X، التي أشارت إلى أن ... gives two quotes of X
    found = quotes_of("كما أصيب أكثر من 1700 فلسطيني بالرصاص الحي، بحسب وزارة الصحة في غزة، التي أشارت إلى أن "
                      "الأطباء قد أجروا 21 عملية بتر في الأطراف.")
    assert [f[3] for f in found] == ["بحسب", "أشارت"]
    assert all(f[2].startswith("وزارة الصحة") for f in found)
    assert found[1][1].startswith("الأطباء")


def test_kama_qalat_at_sentence_end(quotes_of):
    # ant:AL-culture-139-20180307: ... كما قالت points back at the sentence
    text = ('وضعت الفنانة فلة حداً لمسيرتها الفنية.\nوأعلنت، أمس الثلاثاء، في حوار تلفزيوني مباشر، اعتزالها الغناء '
            'نهائياً، بسبب "التجاهل والتهميش" من قبل الكثيرين، كما قالت.')
    cues = [f[3] for f in quotes_of(text)]
    assert "قالت" in cues


def test_document_phrase_statement(quotes_of):
    # ant:AL-culture-408-20180524
    text = ('وأعلنت الشركة رفضها المشروع.\nوجاء في البيان: "تبلغنا بأن الشبكة تنوي استخدام موسيقى وعناصر أخرى '
            'تخضع لحقوق تعود ملكيتها لنا".')
    found = [f for f in quotes_of(text) if f[3] == "وجاء في البيان"]
    assert found and found[0][0] == "direct" and found[0][4] == "statement"
    assert found[0][2] == "الشركة"


def test_tweet_channel(quotes_of):
    # ant:AL-culture-128-20180304
    found = quotes_of("وأضافت بن عبد الله، في تغريدة على حسابها على تويتر قبل يومين، أن سارة كانت تسعى "
                      "للمشاركة في برنامج المواهب.")
    assert found[0][4] == "X" and found[0][1].startswith("سارة")


def test_participle_mushiran_ila_anna(quotes_of):
    # ant:SK-middleEast-3923-20181017 style: مشيرا إلى أن after a main cue
    found = quotes_of("وقال دانفورد إن تدفق المقاتلين الأجانب يعقد الأزمة، مشيرا إلى أن قوات سوريا الديمقراطية "
                      "تحتجز أكثر من 700 مقاتل.")
    assert [f[3] for f in found] == ["وقال", "مشيرا"]
    assert found[0][1].endswith("الأزمة")
    assert found[1][2] == "دانفورد" and found[1][1].startswith("قوات سوريا")


def test_participle_mutabiran(quotes_of):
    # ant:AL-culture-173-20180317
    found = quotes_of("وأكد رجب أن هذه الزيارة هي الأولى لكاظم الساهر منذ عام 2010، معتبرا أن تواجده لم يستمر "
                      "سوى لساعات.")
    assert [f[3] for f in found] == ["وأكد", "معتبرا"]
    assert found[1][2] == "رجب"


def test_participle_qailan_with_marks(quotes_of):
    # ant:BB-internationalNews-854-20180722: the tweet verb's subject speaks through قائلا
    found = quotes_of('وغرد ترامب في حسابه بموقع التواصل الاجتماعي تويتر قائلا "من الواضح أن حملته للرئاسة '
                      'تعرضت للتجسس".')
    assert len(found) == 1
    kind, text, speaker, cue, channel, _ = found[0]
    assert (kind, speaker, cue, channel) == ("direct", "ترامب", "قائلا", "X")


def test_mixed_kind(quotes_of):
    # ant:AL-internationalNews-1895-20180711
    found = quotes_of('وأكدت المستشارة الألمانية، أنجيلا ميركل، الأربعاء، أن ألمانيا تتخذ قراراتها بشكل "مستقل".')
    assert found[0][0] == "mixed" and found[0][2] == "أنجيلا ميركل"


def test_clause_wholly_in_marks_is_direct(quotes_of):
    # ant:FR-internationalNews-1026-20180501: أن «...» with nothing outside the marks
    found = quotes_of('وأشارت خمس منظمات غير حكومية إسرائيلية وعربية، إلى أن "القانون الدولي يمنع استخدام النيران '
                      'القاتلة ضد المتظاهرين العزل".')
    assert found[0][0] == "direct" and found[0][1].startswith("القانون الدولي")


def test_negated_report_is_no_quote(quotes_of):
    # ant:AL-culture-230-20180406: لم يذكر is no report
    assert quotes_of("وفي حين لم يذكر بعد أن هذه العلاقة قد وصلت إلى الدرجة الرومانسية، فيبدو أن ثمة اهتماما.") == []


def test_name_in_marks_is_not_content(quotes_of):
    # seed-000: منصة «إكس» is a name; the quote is the next quoted stretch
    found = quotes_of("قال دميترييف في منشور على منصة «إكس»، «أشكر ستيف وجارد وجوش على اللقاء المثمر».")
    assert found[0][1] == "أشكر ستيف وجارد وجوش على اللقاء المثمر" and found[0][4] == "X"


def test_quote_date_is_anchor_without_timex(quotes_of):
    # seed-000: no time stage ran, so the article date
    found = quotes_of("وقال زيلينسكي إن أوكرانيا تنتظر موافقة البيت الأبيض.", date=dt.date(2026, 3, 12))
    assert found[0][5].date == "2026-03-12"


def test_ala_hadd_qawlihi_attributes_the_sentence_before_it_to_the_last_speaker(quotes_full):
    # Adapted from ant:AL-culture-234-20180407: the clause before «على حد قوله» is the previous speaker's.
    text = ("وقال الفنان حسين الجسمي إن ألبومه الجديد جاهز. وهناك تحضيرات لأكثر من تعاون مع فنانين سعوديين "
            "في المرحلة المقبلة، سترى النور قريباً إذا ساعدت الظروف، على حد قوله.")
    found = quotes_full(text, dt.date(2018, 4, 7))
    assert [(cue, speaker) for _, _, speaker, cue, _, _ in found][-1] == ("على حد قوله", "حسين الجسمي")
    assert found[-1][1].startswith("وهناك تحضيرات") or found[-1][1].startswith("هناك تحضيرات")
