"""A character range of an article text: what the model's layers and the normalised view both speak in."""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class SpanIndex:
    """Spans (each with an item), asked which of them overlap a range, by bisection: a long article has
    thousands, and a scan of all of them for each new one made its cost grow with the square."""

    def __init__(self, spans: Iterable[Span] = ()):
        self._held: list[tuple[int, int, int, object]] = []  # (start, end, when added, item), sorted
        self._added = 0
        self._longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: Span, item: object = None) -> None:
        insort(self._held, (span.start, span.end, self._added, item), key=lambda x: x[:3])
        self._added += 1
        self._longest = max(self._longest, len(span))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """(start, end, item) of each held span overlapping [start, end) (as Span.overlaps says), in
        the order they were added."""
        # only spans starting within the longest one's length before `start` can reach into the range
        lo = bisect_left(self._held, start - self._longest, key=lambda x: x[0])
        hi = bisect_left(self._held, end, key=lambda x: x[0])
        hits = sorted((x for x in self._held[lo:hi] if x[1] > start), key=lambda x: x[2])
        return [(s, e, item) for s, e, _, item in hits]

    def remove(self, span: Span, item: object) -> None:
        """Drop the held `span` whose item is `item`."""
        lo = bisect_left(self._held, span.start, key=lambda x: x[0])
        k = next(k for k in range(lo, len(self._held)) if self._held[k][3] is item)
        del self._held[k]

    def items(self) -> list:
        """Every item held, in the order added."""
        return [x[3] for x in sorted(self._held, key=lambda x: x[2])]

    def overlaps_any(self, span: Span) -> bool:
        """Whether some span held overlaps `span`."""
        return bool(self.overlapping(span.start, span.end))
