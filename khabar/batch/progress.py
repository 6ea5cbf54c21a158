"""Progress lines on standard error: counts so far and the rate."""
from __future__ import annotations

import sys
import time
from typing import IO


class Progress:
    """Prints one line per committed chunk; silent when disabled (tests, library use)."""

    def __init__(self, enabled: bool = True, stream: IO[str] | None = None):
        self.enabled, self.stream, self.started = enabled, stream or sys.stderr, time.monotonic()

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    def chunk(self, counts: dict[str, int], articles: int) -> None:
        """One line after a committed chunk: counts so far and the rate."""
        if not self.enabled:
            return
        seconds = self.elapsed()
        rate = articles / seconds if seconds > 0 else 0.0
        total = sum(counts.values())
        print(f"khabar batch: {total} items: {counts['processed']} processed, {counts['skipped']} skipped, "
              f"{counts['failed']} failed ({rate:.1f} articles/s, {seconds:.0f} s)", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """One free-form progress line."""
        if self.enabled:
            print(f"khabar batch: {message}", file=self.stream, flush=True)
