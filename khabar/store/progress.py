"""A rich progress bar on stderr: articles done, articles/s and the ETA."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second, averaged by rich over its recent window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s")


@contextmanager
def progress_bar(total: int, label: str, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """Yield `advance()`; draws nothing when disabled."""
    if not enabled:
        yield lambda: None
        return
    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
