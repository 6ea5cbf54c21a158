"""Tokens, with Arabic clitics as sub-spans (the segmentation rules are in clitics.py).

A word token may carry a conjunction (و ف), a preposition (ب ل ك) or the
future marker (س), the article ال, and an enclitic pronoun (ه ها هم ...).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..doc import Token, TokenPart
from ..resources import WORD_CACHE
from .clitics import CliticRules, clitic_rules, segment
from .normalize import NormalizedView

ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC"
ARABIC_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
ARABIC_MARKS_CHARS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640])
DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"

_TOKEN = re.compile(
    rf"(?P<word>[{ARABIC_LETTERS}][{ARABIC_LETTERS}{ARABIC_MARKS}]*)"
    rf"|(?P<number>[{DIGITS}]+(?:[.,/:\u066B\u066C-][{DIGITS}]+)*)"
    rf"|(?P<latin>[^\W\d_{ARABIC_LETTERS}][^\W_{ARABIC_LETTERS}]*(?:['’-][^\W_{ARABIC_LETTERS}]+)*)"
    r"|(?P<punct>[^\w\s])"
    r"|(?P<symbol>\S)"
)

def _word_parts(text: str, start: int, end: int, rules: CliticRules) -> tuple[TokenPart, ...]:
    return tuple(TokenPart(start + s, start + e, role) for s, e, role in _relative_parts(text[start:end], rules))


@lru_cache(maxsize=WORD_CACHE)
def _relative_parts(word: str, rules: CliticRules) -> tuple[tuple[int, int, str], ...]:
    """Clitic parts of one written word, as offsets into the word (cached: news repeats its words)."""
    view = NormalizedView(word)
    letters = word.rstrip(ARABIC_MARKS_CHARS)
    parts = segment(view.text, rules, ends_in_ta_marbuta=letters.endswith("ة"))
    if len(parts) == 1:
        return ((0, len(word), "stem"),)
    spans = [(view.to_original(s, e), role) for s, e, role in parts]
    return _cover([(span.start, span.end, role) for span, role in spans], len(word))


def _cover(parts: list[tuple[int, int, str]], length: int) -> tuple[tuple[int, int, str], ...]:
    """Stretch parts so they tile the word exactly (dropped marks belong to the part before them)."""
    out: list[tuple[int, int, str]] = []
    for i, (_, _, role) in enumerate(parts):
        s = 0 if i == 0 else out[-1][1]
        e = length if i == len(parts) - 1 else parts[i + 1][0]
        out.append((s, e, role))
    return tuple(out)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into `text`."""
    rules = clitic_rules()
    end = len(text) if end is None else end
    tokens = []
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup or "symbol"
        s, e = m.span()
        if kind == "punct" and not unicodedata.category(text[s]).startswith("P"):
            kind = "symbol"
        parts = _word_parts(text, s, e, rules) if kind == "word" else (TokenPart(s, e, "stem"),)
        tokens.append(Token(s, e, kind, parts))
    return tokens
