"""A normalised view of Arabic text whose offsets map back to the original.

The view removes diacritics, tatweel and invisible marks, unifies alef, ya
and ta marbuta, maps Arabic-Indic digits to ASCII, folds quote marks and
expands presentation forms. It never changes the original: `to_original`
turns a span of the view into a span of the text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from .span import Span

# Harakat, Quranic marks, superscript alef and tatweel: dropped from the view,
# but they belong to the letter before them when a span is mapped back.
_ATTACHED = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)] + [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
)
# Zero-width and bidi controls: dropped too; they change neither a word nor its meaning.
_DROP = _ATTACHED | frozenset(
    [chr(c) for c in range(0x200B, 0x2010)] + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)] + ["\ufeff", "\u00ad", "\u061c"]
)

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": '"', "›": '"',
}
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})  # ٠-٩
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})  # ۰-۹ (Persian/Urdu)

# Every character fold_char changes lives in these blocks; the rest map to themselves.
_RANGES = ((0x0080, 0x0100), (0x0600, 0x0700), (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFF00),
           (0xFF02, 0xFF03))


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def fold_char(ch: str) -> str:
    """The normalised form of one character: '' when dropped, possibly several when expanded."""
    if ch in _DROP:
        return ""
    if _is_presentation_form(ch):
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded == ch:  # an unassigned code point: NFKC leaves it as it is
            return ch
        return "".join(fold_char(c) for c in expanded)
    return _FOLD.get(ch, ch)


@lru_cache(maxsize=1)
def _folding() -> tuple[dict[int, str], re.Pattern]:
    """The translate table, and a pattern for the characters whose folded length is not one."""
    table, uneven = {}, []
    for lo, hi in _RANGES:
        for code in range(lo, hi):
            folded = fold_char(chr(code))
            if folded != chr(code):
                table[code] = folded
            if len(folded) != 1:
                uneven.append(re.escape(chr(code)))
    return table, re.compile("[" + "".join(uneven) + "]")


def normalize(text: str) -> str:
    """The normalised string alone, when no offsets are needed."""
    return text.translate(_folding()[0])


class NormalizedView:
    """`text` normalised; `to_original` and `from_original` map offsets between it and the original.

    The text is folded with str.translate; offsets are kept only where a
    character is dropped or expanded, not one per character.
    """

    __slots__ = ("original", "text", "_starts", "_events")

    def __init__(self, original: str):
        table, uneven = _folding()
        self.original = original
        self.text = original.translate(table)
        self._starts: list[int] = []  # normalised offset where each uneven character's output begins
        self._events: list[tuple[int, int, int]] = []  # (original offset, folded length, shift after it)
        shift = 0
        for m in uneven.finditer(original):
            size = len(fold_char(m.group()))
            self._starts.append(m.start() + shift)
            shift += size - 1
            self._events.append((m.start(), size, shift))

    def origin(self, i: int) -> int:
        """The original offset of normalised character i."""
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        pos, size, shift = self._events[k]
        if i < self._starts[k] + size:
            return pos  # inside an expanded character
        return i - shift

    def to_original(self, start: int, end: int) -> Span:
        """The original span covering normalised characters [start, end)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside the normalised text of length {len(self.text)}")
        if start == end:
            pos = self.origin(start) if start < len(self.text) else len(self.original)
            return Span(pos, pos)
        stop = self.origin(end - 1) + 1
        # Harakat and tatweel after the last letter belong to it: عاملاً, not عاملا.
        while stop < len(self.original) and self.original[stop] in _ATTACHED:
            stop += 1
        return Span(self.origin(start), stop)

    def _to_normalised(self, pos: int) -> int:
        """The first normalised offset at or after original offset `pos`."""
        k = bisect_right(self._events, (pos, -1, 0)) - 1
        if k < 0:
            return pos
        event_pos, size, shift = self._events[k]
        if event_pos == pos:
            return self._starts[k]
        return pos + shift

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The normalised range covering original characters [start, end)."""
        return self._to_normalised(start), self._to_normalised(end)
