"""The part of a long article one page shows: a giant article must not make a 15 MB page."""
from __future__ import annotations

from dataclasses import dataclass

from .highlight import Mark

PAGE_CHARS = 20_000  # about ten screens of Arabic news; the seed article is 4,000
SLACK = 2_000  # how far past the limit a page may run to end at a paragraph break
LIST_ROWS = 200  # rows of each side list (quotes, entities, dates, events) on one page


@dataclass(frozen=True)
class Window:
    start: int
    end: int
    length: int  # of the whole text

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end == self.length


def window(text: str, start: int = 0, size: int = PAGE_CHARS) -> Window:
    """text[start:end] of about `size` characters, ending at a paragraph break (else a space) when one is near."""
    start = min(max(start, 0), len(text))
    end = start + size
    if end >= len(text):
        return Window(start, len(text), len(text))
    for sep in ("\n", " "):
        cut = text.find(sep, end, end + SLACK)
        if cut >= 0:
            return Window(start, cut, len(text))
    return Window(start, end, len(text))


def clip(marks: list[Mark], w: Window) -> list[Mark]:
    """The marks that overlap the window, cut to it (a quote that runs on to the next page is marked up to here)."""
    out = []
    for m in marks:
        start, end = max(m.start, w.start), min(m.end, w.end)
        if start < end:
            out.append(m if (start, end) == (m.start, m.end) else Mark(start, end, m.kind, m.tip, m.href))
    return out
