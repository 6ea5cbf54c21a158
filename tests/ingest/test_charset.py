"""Charset detection: windows-1256 and ISO-8859-6 Arabic is read, anything else non-UTF-8 is refused in one line."""
import pytest

from khabar.errors import InputError
from khabar.ingest.charset import decode_bytes
from khabar.ingest.readers import read_inputs
from ingest.snippets import ANISTON, FIFI


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_legacy_arabic_code_pages_are_detected(encoding):
    text, found = decode_bytes("x", FIFI.encode(encoding))
    assert text == FIFI and found == encoding


def test_cp1256_text_file_is_read_as_an_article(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(ANISTON.encode("cp1256"))
    (article,) = list(read_inputs([str(path)]))
    assert article.text == ANISTON


def test_short_cp1256_that_charset_normalizer_cannot_place_is_still_arabic():
    # regression: charset-normalizer gives no answer on a few bytes; the code pages are then tried directly
    text, found = decode_bytes("x", "قال".encode("cp1256"))
    assert text == "قال" and found == "cp1256"


def test_utf8_wins_and_bom_is_dropped():
    assert decode_bytes("x", b"\xef\xbb\xbf" + FIFI.encode())[0] == FIFI


def test_latin1_french_is_refused_with_one_line():
    with pytest.raises(InputError) as err:
        decode_bytes("f.txt", "crème brûlée à la française".encode("latin-1"))
    assert "not valid UTF-8" in str(err.value) and "\n" not in str(err.value)
