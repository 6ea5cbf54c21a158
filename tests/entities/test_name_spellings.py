"""The name-spelling table (scripts/build_name_spellings.py): Wikidata's dominant English spelling of each
Arabic person-name token, read before the transliterator; KB names are untouched."""
from __future__ import annotations

import pytest

from entities.helpers_entities import analyse, by_name_en
from khabar.errors import ResourceError
from khabar.entities.translit import (SPELLINGS_PATH, SPELLINGS_VERSION, model, read_spellings,
                                      spellings, transliterate, transliterate_token)


def test_table_loads_and_passes_its_schema_check():
    data = read_spellings(SPELLINGS_PATH)
    assert data["version"] == SPELLINGS_VERSION and "CC0" in data["description"]
    assert data["columns"] == ["arabic", "english", "count", "share"]
    assert 5000 < len(data["spellings"]) < len(model()["words"])  # noise tokens are dropped
    assert spellings()["فرنسوا"] == "françois"


def test_a_broken_table_fails_its_schema_check(tmp_path):
    bad = tmp_path / "name_spellings.tsv"
    bad.write_text("# version: 1\n# licence: CC0\narabic\tenglish\tcount\tshare\nfrançois\tفرنسوا\t3\t1.0\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError):
        read_spellings(bad)
    bad.write_text("# version: 9\n# licence: CC0\narabic\tenglish\tcount\tshare\nفرنسوا\tfrançois\t3\t1.0\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError):
        read_spellings(bad)


def test_french_names_keep_their_original_spelling():
    """The word table of the transliterator folds to ASCII (francois, frederic); the spelling table keeps
    the accents of the Wikidata spelling."""
    assert model()["words"]["فرنسوا"] == "francois"
    assert transliterate("فرنسوا فابيوس") == "François Fabius"
    assert transliterate("فريديريك جيرار") == "Frédéric Gérard"
    assert transliterate("إتيان") == "Étienne"


def test_article_and_unknown_tokens():
    """الحريري is rendered al- + the table's spelling of the rest; a token in neither table (the surname
    Avato of a dev article) falls back to the character model, as before."""
    m = model()
    assert "افاتو" not in spellings() and "افاتو" not in m["words"]
    assert transliterate_token("افاتو", m) == transliterate_token("افاتو", {**m, "words": {}})
    assert transliterate("جيروم افاتو").startswith("Jérôme ")


def test_kb_name_is_unchanged():
    doc = analyse("قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستواصل دعمها.")
    e = by_name_en(doc)["Emmanuel Macron"]
    assert e.kb_id  # the KB record, its name_en from the KB, not the spelling table


def test_spellings_are_letters_only():
    """سي is `c.` in some Wikidata labels: the table writes its fold, so C. al Franklin stays C al Franklin."""
    assert spellings()["سي"] == "c"
    assert transliterate("راوول كاسترو") == "Raúl Castro"
