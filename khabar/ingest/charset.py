"""Bytes to text: UTF-8 first, then an Arabic legacy code page found by charset-normalizer."""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Legacy code pages Arabic news is still published in; a guess outside these is not trusted,
# because any byte string decodes in *some* single-byte code page.
ARABIC_ENCODINGS = ("cp1256", "iso8859_6", "cp864", "cp720", "mac_arabic")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LETTER = re.compile(r"[^\W\d_]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(label: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read in; InputError when it is neither UTF-8 nor Arabic in a legacy code page."""
    if not data.strip():
        raise InputError(label, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(label, data, encoding), encoding
    if b"\x00" in data[:8192]:
        raise InputError(label, "binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    found = _declared(data, declared) or _detected(data) or _tried(data)
    if found is not None:
        return found
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(label, f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
                            "and not Arabic in windows-1256 or ISO-8859-6", line)


def _strict(label: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(label, f"not valid {encoding} despite its byte-order mark (offset {err.start})") from None


def _declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """The encoding a page declares (`<meta charset>`), if it decodes the bytes into Arabic."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        text = data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return (text, name) if looks_arabic(text) else None


def _detected(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    for match in from_bytes(data, cp_isolation=list(ARABIC_ENCODINGS)):
        text = str(match)
        if looks_arabic(text):
            return text, match.encoding
    return None


def _tried(data: bytes) -> tuple[str, str] | None:
    """Each Arabic code page in turn: charset-normalizer gives no answer on a few bytes."""
    for encoding in ARABIC_ENCODINGS[:2]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if looks_arabic(text):
            return text, encoding
    return None


def looks_arabic(text: str) -> bool:
    """True when most letters are Arabic: the test that a code-page guess made sense."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) * 2 >= letters
