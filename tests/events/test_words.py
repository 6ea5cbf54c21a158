"""Events read a sentence's words from the word layer."""
import datetime as dt

from khabar.events.words import sentence_words
from khabar.doc import Article
from khabar.pipeline import Options, Pipeline


def _doc(text: str):
    pipeline = Pipeline.build(Options(stages=("sentences.v1", "tokens.v1")))
    return pipeline.run(Article("w", text, date=dt.date(2018, 1, 1)))


def test_sentence_words_are_the_layer_words_of_the_sentence():
    doc = _doc("وقال مصطفى إنّ الأمم المتحدة.\n\nوزير الخارجية الروسي.")
    second = doc.get("sentences")[-1]
    words = sentence_words(doc, second)
    assert [w.norm for w in words] == ["وزير", "الخارجيه", "الروسي", "."]
    assert all(doc.get("words").tokens[w.i] is w for w in words)  # shared, not copied
