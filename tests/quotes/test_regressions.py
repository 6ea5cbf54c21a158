"""Regression tests for the quote-stage fixes, each on a real sentence (article ids in the comments).

`quotes_of` runs only the text stages before quotes; `quotes_full` runs the whole default
pipeline (time, NER, entities), as `khabar extract` does.
"""
from __future__ import annotations

import datetime as dt


def by_cue(found):
    return {f[3]: f for f in found}


# -- speakers ----------------------------------------------------------------------------------

def test_regression_adjective_before_name_is_not_name(quotes_of, quotes_full):
    # ant:FR-internationalNews-2792-20180819: الجزائري describes the minister, it is not his first name
    text = ("أعلن وزير الداخلية الجزائري نور الدين بدوي، بحضور نظيره الموريتاني أحمدو ولد عبد الله، الأحد "
            'تدشين أول معبر حدودي بين الجزائر وموريتانيا منذ استقلالهما، بهدف "بعث حركية اقتصادية وتجارية جديدة".')
    assert quotes_full(text)[0][2] == "نور الدين بدوي"
    assert quotes_of(text)[0][2] == "نور الدين بدوي"


def test_regression_title_resolves_after_conjunction_like_letter(quotes_full):
    # ant:FR-internationalNews-2792-20180819: the و of وزير is no conjunction, so الوزير الجزائري finds its holder
    text = ("أعلن وزير الداخلية الجزائري نور الدين بدوي، بحضور نظيره الموريتاني أحمدو ولد عبد الله، الأحد "
            "تدشين أول معبر حدودي بين الجزائر وموريتانيا.\n"
            'وصرح الوزير الجزائري في تندوف بعد تدشين المعبر "ننتظر الكثير من هذا المعبر الحدودي".')
    assert by_cue(quotes_full(text))["وصرح"][2] == "نور الدين بدوي"


def test_regression_name_after_quoted_organisation_in_title(quotes_of, quotes_full):
    # ant:FR-internationalNews-1026-20180501: the name stands after «أطباء بلا حدود» and a place
    text = ('من جهة أخرى، اعتبرت رئيسة بعثة منظمة "أطباء بلا حدود" في الأراضي الفلسطينية ماري إليزابيث أنغر '
            'في وقت سابق، أن "ما هو غير عادي هو أن الجروح كبيرة جدا".')
    assert quotes_full(text)[0][2] == "ماري إليزابيث أنغر"
    assert quotes_of(text)[0][2] == "ماري إليزابيث أنغر"


def test_regression_tagged_name_in_apposition(quotes_full):
    # ant:BB-internationalNews-504-20180513: أما الوزير، جان إيف لو دريان، فقد أعلن / وأضاف
    text = ('وكان الرئيس الإيراني، حسن روحاني، قد قال "إذا استمرت الدول الخمس الأخرى بالالتزام فسنلتزم نحن أيضا".\n'
            "أما وزير الخارجية الفرنسي، جان إيف لو دريان، فقد أعلن أن بلاده تعتزم البقاء في الاتفاق النووي.\n"
            'وأضاف: "هذا الاتفاق يعني أن منع الانتشار النووي ممكن".')
    found = by_cue(quotes_full(text))
    assert found["أعلن"][2] == "جان إيف لو دريان"
    assert found["وأضاف"][2] == "جان إيف لو دريان"


def test_regression_long_description_before_tagged_name(quotes_full):
    # snn:2015-08-01:161: nine words of description stand between the title and هيلاري كلينتون
    text = ("دعت وزيرة الخارجية الأميركية السابقة المرشحة لانتخابات الحزب الديمقراطي للرئاسة الأميركية هيلاري "
            "كلينتون، أمس، الجمعة، مجددًا إلى إنهاء الحصار الأميركي المفروض على كوبا.")
    assert quotes_full(text)[0][2] == "هيلاري كلينتون"


def test_regression_description_without_title_before_tagged_name(quotes_full):
    # ant:AL-internationalNews-726-20180331: السياسي is in no title list; the tagger found the name after it
    text = ('وتعليقاً على الحادثة، قال السياسي الإيطالي اليمني ماسيميليانو فيدريجا إن الفرنسيين جعلوا من إيطاليا '
            '"أضحوكة أوروبا".')
    assert quotes_full(text)[0][2] == "ماسيميليانو فيدريجا"


def test_regression_generic_organisation_resolves_to_named(quotes_of):
    # ant:AL-internationalNews-726-20180331: منظمة «رينبو فور أفريكا»، then المنظمة
    text = ('وأوضحت منظمة "رينبو فور أفريكا"، التي تساعد المهاجرين في محطة قطار باردونيكيا، أن الحادث وقع مساء '
            'يوم الجمعة.\nواستنكرت المنظمة ما وصفتها "بالمداهمة"، واتهمت العناصر الخمسة بترويع الطبيب.')
    found = by_cue(quotes_of(text))
    assert found["وأوضحت"][2] == "رينبو فور أفريكا" and found["وأوضحت"][5].speaker.type == "ORG"
    assert found["واستنكرت"][2] == "رينبو فور أفريكا"


def test_regression_holder_of_title_followed_by_object(quotes_of):
    # snn:2015-08-01:127: in وحثّ قائد الجيش العسكريين the last word is the object, the title is Kahwaji's
    text = ("دعا قائد الجيش اللبناني العماد جان قهوجي العسكريين، بمناسبة الذكرى السبعين لتأسيس الجيش، ليكونوا على "
            "أتم الاستعداد «لمواجهة التنظيمات الإرهابية».\n"
            "وحثّ قائد الجيش العسكريين على أن يكونوا على «أتم الاستعداد لمواجهة هؤلاء الإرهابيين».")
    assert by_cue(quotes_of(text))["وحثّ"][2] == "جان قهوجي"


def test_regression_object_pronoun_is_no_speaker(quotes_full):
    # ant:AL-internationalNews-1895-20180711: متهماً إياها: إياها is the object; the sentence's subject speaks
    text = ('وكان ترمب قد شن هجوماً حاداً على ألمانيا في وقت سابق الأربعاء، متهماً إياها بأنها "رهينة" روسيا في '
            'إمدادات الطاقة.')
    assert quotes_full(text)[0][2].endswith("ترمب")


def test_regression_participle_has_no_subject_after_it(quotes_of):
    # snn:2015-08-01:127: داعيا عناصره إلى أن: عناصره is the object of the adverbial participle
    text = ('وقال قهوجي إن الظروف «تتطلب رص الصفوف»، داعيا عناصره إلى أن يضعوا نصب أعينهم أن «قوة مؤسستكم تكمن '
            'في وحدتها».')
    assert by_cue(quotes_of(text))["داعيا"][2] == "قهوجي"


def test_regression_title_linked_by_entities(quotes_full):
    # ant:AL-internationalNews-1895-20180711: the entities layer links الرئيس الأميركي to دونالد ترمب
    text = ("أكدت المستشارة الألمانية، أنجيلا ميركل، الأربعاء، أن ألمانيا تتخذ قراراتها بشكل مستقل، وذلك رداً على "
            "انتقادات الرئيس الأميركي، دونالد ترمب.\n"
            "ويطالب الرئيس الأميركي باستمرار الأوروبيين، خصوصاً ألمانيا، بزيادة نفقاتها العسكرية.")
    assert by_cue(quotes_full(text))["ويطالب"][2].startswith("دونالد")


def test_regression_gender_kept_from_earlier_verb(quotes_of):
    # ant:AL-internationalNews-1895-20180711 style: a source phrase shows no gender; a later masculine
    # continuation must not take the woman it named
    text = ('وقال ترمب إن "ألمانيا تثري روسيا".\n'
            'وأكدت المستشارة أنجيلا ميركل أن ألمانيا تتخذ قراراتها بشكل مستقل.\n'
            "وتتخذ ألمانيا قراراتها بنفسها، بحسب ميركل.\n"
            "وأضاف أن على الأوروبيين زيادة نفقاتهم العسكرية.")
    assert by_cue(quotes_of(text))["وأضاف"][2] == "ترمب"


# -- cues and content --------------------------------------------------------------------------

def test_regression_cue_tail_bilqawl(quotes_of):
    # ant:CN-middleEast-746-20180427: وتابع بالقول is one cue; بالقول is no speaker
    text = ('وقال ترامب إن الاتفاق سيئ.\nوتابع بالقول "أينما تذهب في الشرق الأوسط، فإن إيران موجودة حيث توجد '
            'المشاكل".')
    found = quotes_of(text)
    assert found[1][3] == "وتابع بالقول" and found[1][2] == "ترامب"


def test_regression_statement_referred_to_is_no_cue(quotes_of):
    # ant:BB-internationalNews-854-20180722: لما أعلنه is a reference; قائلا is Trump's
    text = ('وأشار ترامب لما أعلنه مكتب التحقيقات الفدرالي بشأن مستشاره السابق كارتر بيج قائلا:" لقد تأكد دون أي '
            'شك أن وزارة العدل يضللان العدالة."')
    found = quotes_of(text)
    assert [f[3] for f in found] == ["قائلا"]
    assert found[0][2] == "ترامب" and found[0][0] == "direct"


def test_regression_fused_source_phrase_prefers_lima(quotes_of):
    # ant:CN-middleEast-428-20180330: وفقا لما, not وفقا ل fused to لما
    text = ("ارتفع عدد القتلى الفلسطينيين في غزة إلى 12 قتيلا، فيما بلغ عدد المصابين 1100 شخص، وفقا لما أعلنته "
            "وزارة الصحة الفلسطينية.")
    found = quotes_of(text)
    assert found[0][3] == "وفقا لما" and found[0][2].startswith("وزارة الصحة")


def test_regression_coordinated_cue_ends_content(quotes_full):
    # ant:SK-internationalNews-3240-20180913: أشاد ... وأصر على أن: two reports, the first ends before وأصر
    text = ('وخلال حديثه في ميدان رماية في منطقة تشيتا، أشاد بوتن بالجنود بسبب أدائهم "الرفيع المستوى" وأصر على أن '
            'المناورات الحربية لا تستهدف أي بلد آخر.')
    found = by_cue(quotes_full(text))
    assert found["أشاد"][1] == 'بالجنود بسبب أدائهم "الرفيع المستوى"' and found["أشاد"][0] == "mixed"
    assert found["وأصر"][1] == "المناورات الحربية لا تستهدف أي بلد آخر" and found["وأصر"][2] == "بوتن"


def test_regression_noun_phrase_after_preposition(quotes_of):
    # ant:FR-internationalNews-2792-20180819: مشير إلى تشكيل فريق: the noun phrase is the content,
    # not the quoted words before the cue
    text = ('ودعا بدوي رجال الأعمال إلى "تكثيف المعاملات الاقتصادية" من أجل "تنمية المناطق الحدودية"، مشير إلى '
            "تشكيل فريق عمل مشترك بين البلدية لتحقيق هذا المسعى.")
    found = by_cue(quotes_of(text))
    assert found["مشير"][1] == "تشكيل فريق عمل مشترك بين البلدية لتحقيق هذا المسعى"
    assert found["مشير"][0] == "indirect"


def test_regression_cue_inside_direct_quote(quotes_of):
    # snn:2015-08-01:161: داعية stands inside Clinton's quoted words; وأضافت is still hers
    text = ('وقالت هيلاري كلينتون: «لا يمكننا العودة إلى سياسة فشلت، داعية الجمهوريين إلى الاستماع لمطالب الشعب '
            'الكوبي».\nوأضافت أن «الغالبية الساحقة تريد تقاربا أكبر مع الولايات المتحدة».')
    found = quotes_of(text)
    assert [f[3] for f in found] == ["وقالت", "وأضافت"]
    assert found[1][2] == "هيلاري كلينتون"


def test_regression_implied_cue_inside_indirect_content(quotes_of):
    # ant:BB-internationalNews-504-20180513: تعتقد belongs to the reported clause, not to a new speaker
    text = ("أعلن وزير الخارجية الفرنسي جان إيف لو دريان أن بلاده تعتزم البقاء في الاتفاق النووي مع إيران ولا تزال "
            "تعتقد بأن الاتفاق يمكنه منع طهران من حيازة أسلحة نووية.")
    found = quotes_of(text)
    assert len(found) == 1 and found[0][1].endswith("أسلحة نووية")


def test_regression_relative_clause_ends_at_comma(quotes_of):
    # ant:FR-internationalNews-2792-20180819: الذي نقلت وسائل إعلام تصريحاته، ... reports nothing itself
    text = ('ودعا بدوي الذي نقلت وسائل إعلام جزائرية تصريحاته، رجال الأعمال والمستثمرين إلى "تكثيف المعاملات '
            'الاقتصادية".')
    assert all(f[3] != "نقلت" for f in quotes_of(text))


def test_regression_resumptive_pronoun_after_relative(quotes_of):
    # snn:2015-08-01:161: التقارب الذي أعلن عنه: the verb points back at its antecedent
    text = ("وتأتي زيارة كلينتون بعد التقارب التاريخي بين البلدين الذي أعلن عنه في ديسمبر الماضي من قبل الرئيسين "
            "الأميركي باراك أوباما والكوبي راوول كاسترو.")
    assert quotes_of(text) == []


def test_regression_relative_clause_inside_content(quotes_of):
    # seed-000: ، الذي تحدث معه ... ، is inside the reported clause, which goes on after it
    text = ("وكان ترامب صرّح هذا الأسبوع بأنّ الرئيس الروسي فلاديمير بوتين، الذي تحدث معه عبر الهاتف الاثنين، "
            "أراد أن يجعل نفسه «مفيداً» في سياق حرب إيران.")
    found = quotes_of(text)
    assert found[0][0] == "mixed" and found[0][1].endswith("في سياق حرب إيران")


def test_regression_object_content_after_relative_subject(quotes_full):
    # ant:AL-internationalNews-1895-20180711: ترمب، الذي اتهم برلين "بإثراء" روسيا: the object is the content
    text = ('وذلك رداً على انتقادات الرئيس الأميركي، دونالد ترمب، الذي اتهم برلين "بإثراء" روسيا وعدم المساهمة '
            "بشكل كافٍ في النفقات العسكرية لحلف شمال الأطلسي.")
    found = by_cue(quotes_full(text))
    assert found["اتهم"][1].startswith('برلين "بإثراء"') and found["اتهم"][0] == "mixed"
    assert found["اتهم"][2].startswith("دونالد")


# -- dates -------------------------------------------------------------------------------------

def test_quote_date_from_time_expression_governing_cue():
    # seed-000 style: قال زيلينسكي، أمس، ...: the quote is dated by أمس, not by the article date
    from khabar.doc import Article
    from khabar.pipeline import Options, Pipeline

    pipe = Pipeline.build(Options(stages=("sentences", "tokens", "time", "quotes")))
    doc = pipe.run(Article("t", "قال زيلينسكي، أمس، إن أوكرانيا تنتظر موافقة البيت الأبيض.", date=dt.date(2026, 3, 12)))
    assert doc.get("quotes")[0].date == "2026-03-11"


def test_regression_org_head_at_the_end_of_the_text_does_not_crash():
    # Found by the property test: a text that ends on an organisation head (وزارة) made
    # the speaker-phrase parser read past the last word.
    import datetime as dt

    from khabar.doc import Article
    from khabar.pipeline import Pipeline

    pipeline = Pipeline.build()
    for text in ("وزارة", "قال وزارة", "أعلنت وزارة"):
        doc = pipeline.run(Article(id="r", text=text, date=dt.date(2026, 3, 12)))
        assert doc.get("quotes") == []


def test_regression_region_as_speaker_has_a_schema_type():
    # ant:AL-internationalNews-1166-20180514: a LOC entity (العالم العربي) as the speaker gave
    # speaker type LOC, which the v1 schema does not allow.
    import datetime as dt

    from khabar.record import to_record, validate
    from khabar.doc import Article
    from khabar.pipeline import Pipeline

    text = ("وطالب العالم العربي والعالم الصديق باتخاذ المواقف الكفيلة بدعم الشعب الفلسطيني في مواجهة "
            "المجازر التي يتعرض لها.")
    pipeline = Pipeline.build()
    record = to_record(pipeline.run(Article(id="r", text=text, date=dt.date(2018, 5, 14))), pipeline.provenance)
    validate(record)
    (quote,) = record["quotes"]
    assert quote["speaker"]["name"] == "العالم العربي" and quote["speaker"]["type"] == "GPE"


def test_regression_newspaper_relaying_sources_with_naqlan_an(quotes_full):
    # ant:AL-economy-730-20180531: the newspaper only relays «مصادر مطلعة»; it is `via`, and the words
    # before نقلا عن are no quote of their own.
    text = ("قالت صحيفة وول ستريت جورنال نقلا عن مصادر مطلعة إن الولايات المتحدة ستعلن قريبا عن خطط لفرض "
            "#رسوم_جمركية على واردات الصلب والألمنيوم من #الاتحاد_الأوروبي.")
    ((_, content, _, cue, _, quote),) = quotes_full(text, dt.date(2018, 5, 31))
    assert content.startswith("الولايات المتحدة ستعلن") and cue == "قالت"
    assert quote.speaker.name.startswith("مصادر") and quote.speaker.via == "وول ستريت جورنال"


def test_regression_common_verb_is_no_unlisted_first_name(quotes_full):
    # ant:AL-culture-151-20180311: «وقف حماقي» (Hamaki stood) made the speaker «وقف حماقي»; a word
    # as common as وقف is not an unlisted first name. The participle مؤكدا takes the sentence's subject.
    text = ("وقال حماقي إن المنافسة قوية. وأمام هذه العروض وقف حماقي دون عرض، مؤكدا أنه لا يملك سوى الغناء "
            "والموسيقى من أجل منحه للمتسابق، في حال وافق على الإنضمام لفريقه.")
    found = quotes_full(text, dt.date(2018, 3, 11))
    assert [(cue, speaker) for _, _, speaker, cue, _, _ in found] == [("وقال", "حماقي"), ("مؤكدا", "حماقي")]
    assert found[1][1].startswith("لا يملك سوى الغناء")


def test_regression_quote_not_dated_by_a_year_it_mentions(quotes_full):
    # The quotes page, newest first, began with 2035 and 2030 in 2018 articles: a year the sentence mentions
    # dates its topic, not the saying.
    text = "وقال وزير الطاقة السعودي إن المملكة ستنتج نصف حاجتها من الكهرباء من الطاقة الشمسية بحلول عام 2030."
    [quote] = quotes_full(text, dt.date(2018, 3, 27))
    assert quote[5].date == "2018-03-27"


def test_regression_quote_dated_by_the_day_it_was_said(quotes_full):
    text = "وقال وزير الخارجية أمس إن المحادثات ستستأنف في العاصمة الأردنية عمان."
    [quote] = quotes_full(text, dt.date(2018, 3, 27))
    assert quote[5].date == "2018-03-26"


def test_regression_quote_never_dated_after_its_article(quotes_full):
    text = "وقال المتحدث باسم الحكومة إن الاجتماع سيعقد يوم 25 أكتوبر في القاهرة."
    [quote] = quotes_full(text, dt.date(2018, 10, 14))
    assert quote[5].date == "2018-10-14"


def test_regression_the_company_speaks_for_the_company_of_the_report(quotes_full):
    # dev2 (ant:CN-technology-58-20180314 and three more): «الشركة» is the organisation the article is about,
    # not the last company it named («شركة اتصالات» here) and not the words after it («ببيان»).
    text = ('أعلنت شركة "مايكروسوفت"، الأربعاء، عن إطلاق مركزين للبيانات في الإمارات. '
            'وقالت مايكروسوفت إن المركزين سيخدمان المنطقة كلها. '
            'وستتعاون مايكروسوفت مع قطاع الأعمال بشركة "اتصالات" لدعم التحول الرقمي. '
            'وذكرت الشركة ببيان صحفي أن "الخدمات ستبدأ العام المقبل".')
    said = by_cue(quotes_full(text))
    assert said["وذكرت"][2] == "مايكروسوفت"
