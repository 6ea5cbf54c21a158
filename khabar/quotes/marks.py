"""Quotation-mark regions of a paragraph, recovering from unbalanced marks."""
from __future__ import annotations

from dataclasses import dataclass

OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
SYMMETRIC = frozenset('"”')
TRAILING = " \t.،,؛;:…"


@dataclass(frozen=True, slots=True)
class Region:
    """Quoted words: `start`/`end` is the content inside the marks; `open`/`close` the marks (close None when missing)."""

    open: int
    close: int | None
    start: int
    end: int


def _pair(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """(open, close) mark offsets; a mark left open has close None."""
    pairs: list[tuple[int, int | None]] = []
    stack: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if stack and ch in SYMMETRIC and text[stack[-1]] in SYMMETRIC and not text[stack[-1] + 1:i].strip():
            stack[-1] = i  # a stray mark right before an opener (:" "كانت ...): the later one opens
        elif stack and (ch == OPEN_CLOSE.get(text[stack[-1]]) or (ch in SYMMETRIC and text[stack[-1]] in SYMMETRIC)):
            pairs.append((stack.pop(), i))
        elif ch in OPEN_CLOSE or ch in SYMMETRIC:
            stack.append(i)
        elif ch in ("»", "”") and stack:
            # a closer for an outer opener also closes what is open inside it
            while stack and OPEN_CLOSE.get(text[stack[-1]]) != ch:
                pairs.append((stack.pop(), None))
            if stack:
                pairs.append((stack.pop(), i))
    pairs.extend((o, None) for o in stack)
    return pairs


def quote_regions(text: str, start: int, end: int) -> list[Region]:
    """Non-empty quoted regions of text[start:end] (one paragraph), outermost first, in text order.

    A mark left open runs to the end of the paragraph, never beyond it.
    """
    out = []
    for o, c in _pair(text, start, end):
        stop = c if c is not None else end
        s, e = o + 1, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in TRAILING:
            e -= 1
        if e > s:
            out.append(Region(o, c, s, e))
    out.sort(key=lambda r: (r.open, -(r.close or end)))
    return _outermost(out)


def _outermost(regions: list[Region]) -> list[Region]:
    """Drop regions nested inside another (a title quoted inside a quote)."""
    out: list[Region] = []
    for r in regions:
        if out and r.open < (out[-1].close if out[-1].close is not None else out[-1].end + 1):
            continue
        out.append(r)
    return out
