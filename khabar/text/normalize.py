"""A normalised view of Arabic text whose offsets map back to the original.

The view removes diacritics, tatweel and invisible marks, unifies alef, ya
and ta marbuta, maps Arabic-Indic digits to ASCII, folds quote marks and
expands presentation forms. It never changes the original: `to_original`
turns a span of the view into a span of the text.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left

from ..model import Span

# Harakat, Quranic marks, superscript alef, tatweel, and zero-width/bidi controls:
# they change neither the word nor its meaning for matching.
_DROP = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u00ad", "\u061c"]
)

# Dropped marks that attach to the letter before them.
_ATTACHED = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)] + [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
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


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def fold_char(ch: str) -> str:
    """The normalised form of one character: '' when dropped, possibly several when expanded."""
    if ch in _DROP:
        return ""
    if _is_presentation_form(ch):
        return "".join(fold_char(c) for c in unicodedata.normalize("NFKC", ch))
    return _FOLD.get(ch, ch)


def normalize(text: str) -> str:
    """The normalised string alone, when no offsets are needed."""
    return "".join(fold_char(ch) for ch in text)


class NormalizedView:
    """`text` normalised, with `origin[i]` the original offset of normalised character i."""

    __slots__ = ("original", "text", "origin")

    def __init__(self, original: str):
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(original):
            folded = fold_char(ch)
            chars.append(folded)
            origin.extend([i] * len(folded))
        self.original = original
        self.text = "".join(chars)
        self.origin = origin

    def to_original(self, start: int, end: int) -> Span:
        """The original span covering normalised characters [start, end)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside the normalised text of length {len(self.text)}")
        if start == end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return Span(pos, pos)
        stop = self.origin[end - 1] + 1
        # Harakat and tatweel after the last letter belong to it: عاملاً, not عاملا.
        while stop < len(self.original) and self.original[stop] in _ATTACHED:
            stop += 1
        return Span(self.origin[start], stop)

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """The normalised range covering original characters [start, end)."""
        return bisect_left(self.origin, start), bisect_left(self.origin, end)
