"""The driver of a batch: read, admit (resume, duplicate ids, bad input), hand chunks to an engine, commit.

Every item read is counted exactly once as processed, skipped or failed, so
processed + skipped + failed = items read, whatever fails and wherever.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import pyarrow as pa

from ..errors import InputError, KhabarError
from ..ingest.dedup import fits
from ..ingest.readers import read_inputs
from ..doc import Article
from .options import BatchOptions
from .parts import (commit, committed, done_keys, new_run_id, part_name, read_table, remove_uncommitted,
                    write_parts)
from .process import FAILED, PROCESSED, SKIPPED, Rows, error_key, input_error_rows, iter_chunks, skip_rows
from .progress import Progress
from .tables import schema


class OutputError(KhabarError):
    """The output folder cannot be used (it holds another batch and --resume was not given)."""


@dataclass
class Summary:
    """What a run did; the three outcome counts add up to `items`."""

    items: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {PROCESSED: 0, SKIPPED: 0, FAILED: 0})
    resumed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    engine_start_s: float = 0.0  # starting the engine (the JVM and SparkContext for spark), within `seconds`
    engine: str = ""

    def as_dict(self) -> dict:
        """The summary as the JSON line `khabar batch` prints."""
        return {"items": self.items, **self.counts, "resumed": self.resumed, "near_duplicates": self.duplicates,
                "seconds": round(self.seconds, 2), "engine_start_s": round(self.engine_start_s, 2),
                "engine": self.engine}


@dataclass
class Admission:
    """The driver's state across chunks: what is done already and which ids this run has seen."""

    done: set[str]
    seen: set[str] = field(default_factory=set)
    resumed: int = 0

    def admit(self, item, rows: Rows, articles: list[Article]) -> None:
        """Queue an article for analysis, or count the item here (bad input, done before, duplicate id)."""
        if isinstance(item, InputError):
            if error_key(item) in self.done:
                self._resume(rows)
            else:
                rows.add(FAILED, input_error_rows(item))
        elif item.id in self.done:
            self._resume(rows)
        elif item.id in self.seen:
            rows.add(SKIPPED, skip_rows(item, "duplicate-id", "an article with this id was read earlier in the run"))
        else:
            self.seen.add(item.id)
            articles.append(item)

    def _resume(self, rows: Rows) -> None:
        self.resumed += 1
        rows.counts[SKIPPED] += 1


def make_engine(options: BatchOptions):
    """The engine the options name (Spark is imported only when asked for)."""
    if options.engine == "spark":
        from .spark import SparkEngine

        return SparkEngine(options)
    from .local import LocalEngine

    return LocalEngine(options)


def prepare_output(options: BatchOptions) -> tuple[Path, set[str]]:
    """The output folder, cleaned of a killed run's leftovers; the keys already done when resuming."""
    out = Path(options.out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder")
    out.mkdir(parents=True, exist_ok=True)
    remove_uncommitted(out)
    if committed(out) and not options.resume:
        raise OutputError(f"{out}: already holds a batch; add --resume to continue it, or choose another --out")
    return out, done_keys(out) if options.resume else set()


def run_batch(options: BatchOptions, progress: Progress | None = None) -> Summary:
    """Run a whole batch and return its summary."""
    progress = progress or Progress(options.progress)
    out, done = prepare_output(options)
    admission, summary, run = Admission(done), Summary(engine=options.engine), new_run_id()
    with make_engine(options) as engine:
        summary.engine_start_s = progress.elapsed()
        for number, chunk in enumerate(iter_chunks(read_inputs(list(options.inputs), options=options.ingest),
                                                   options.chunk_size)):
            progress.note(f"chunk {number}: {len(chunk)} items read, analysing")
            _run_chunk(engine, admission, chunk, out, run, number, summary)
            progress.chunk(summary.counts, summary.counts[PROCESSED])
        summary.duplicates = _write_duplicates(engine, out)
    summary.resumed, summary.seconds = admission.resumed, progress.elapsed()
    return summary


def _run_chunk(engine, admission: Admission, chunk: list, out: Path, run: str, number: int,
               summary: Summary) -> None:
    rows, articles = Rows(), []
    for item in chunk:
        admission.admit(item, rows, articles)
    counts = engine.process(articles, out, run, number)
    write_parts(out, part_name(run, number, "driver"), rows.tables)
    commit(out, run, number)  # only now do this chunk's rows count, and its ids become "done"
    summary.items += len(chunk)
    for key in summary.counts:
        summary.counts[key] += rows.counts[key] + counts[key]


def _write_duplicates(engine, out: Path) -> int:
    """Recompute the duplicates table over every article in the output (this run's and earlier ones)."""
    table = read_table(out, "articles", ["id", "minhash"])
    dedup = engine.options.ingest.dedup
    # An output begun by an older khabar holds 64-bit signatures of another shingling: not comparable, left out.
    signatures = [(i, s) for i, s in zip(table.column("id").to_pylist(), table.column("minhash").to_pylist())
                  if s and fits(s, dedup)]
    rows = engine.duplicates(signatures)
    folder = out / "duplicates"
    folder.mkdir(exist_ok=True)
    tmp = folder / ".all.parquet.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema("duplicates")), tmp)
    tmp.replace(folder / "all.parquet")
    return len(rows)
