"""`khabar eval` computes the same measures as the shared score.py."""
import json
import subprocess
import sys

from khabar.evaluate.scoring import bare_name, english, same_speaker, score, token_f1
from helpers import SHARED, dev_evaluation, needs_shared


def test_token_f1_ignores_marks_and_punctuation():
    # seed: the gold leaves out the final full stop and the quote marks.
    assert token_f1("ناقشت الفرَق مجموعة متنوعة", "«ناقشت الفرق مجموعة متنوعة».") == 1.0
    assert token_f1("أشكر ستيف", "شكرا") == 0.0


def test_bare_names_drop_clitics_and_article():
    assert bare_name("للأمم المتحدة") == bare_name("الأمم المتحدة") == "امم متحده"
    assert bare_name("وزيلينسكي") == "زيلينسكي"


def test_speakers_match_by_english_or_by_arabic_tokens():
    gold = {"speaker": "فولوديمير زيلينسكي", "speaker_en": "Volodymyr Zelenskyy"}
    assert same_speaker(gold, {"name": "زيلينسكي"})
    assert same_speaker(gold, {"name": "", "name_en": "Volodymyr Zelenskyy"})
    assert not same_speaker(gold, {"name": "دميتري بيسكوف"})
    assert english("Élysée Palace (France)") == "elysee palace"


def test_score_pairs_one_to_one():
    gold = [{"id": "a", "quotes": [{"kind": "direct", "text": "ناقشنا مشاريع واعدة", "speaker": "كيريل دميترييف"}],
             "timexes": [{"text": "أمس", "value": "2026-03-12"}], "entities": []}]
    system = {"a": {"quotes": [{"kind": "direct", "text": "ناقشنا مشاريع واعدة", "speaker": {"name": "دميترييف"}},
                               {"kind": "direct", "text": "ناقشنا مشاريع واعدة", "speaker": {"name": "دميترييف"}}],
                    "timexes": [{"text": "أمس", "value": "2026-03-11"}]}}
    report = score(gold, system)
    assert report["quotes"]["found"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert report["quotes"]["speaker_accuracy"] == 1.0
    assert report["timexes"]["found"]["f1"] == 1.0 and report["timexes"]["value_accuracy"] == 0.0


@needs_shared
def test_same_figures_as_the_shared_scorer(tmp_path_factory):
    ours, gold, system = dev_evaluation(tmp_path_factory.mktemp("dev"))
    theirs = json.loads(subprocess.run([sys.executable, str(SHARED / "eval/score.py"), str(gold), str(system),
                                        "--json"], capture_output=True, text=True, check=True).stdout)
    assert ours == theirs
