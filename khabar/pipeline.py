"""The stage registry and the pipeline that runs stages over documents.

A stage is registered under a versioned name (`sentences.v1`). It declares
the layers it requires and the layers it adds; `Pipeline.build` checks the
chain before anything runs, and every result records the stage names and the
package version as provenance.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import __version__
from .errors import PipelineError, StageError
from .model import Article, Doc

# Layers every Doc has before any stage runs.
BASE_LAYERS = frozenset({"text", "date", "dateline"})

StageFn = Callable[[Doc], None]


@dataclass(frozen=True)
class Options:
    """The one options object passed down the call chain."""

    date: dt.date | None = None  # overrides every article's publication date
    stages: tuple[str, ...] | None = None  # None: the default pipeline
    resources: dict = field(default_factory=dict, hash=False, compare=False)
    # BLAS threads per process (numpy matmuls in the NER neural pass). One per
    # worker: with more, OpenBLAS spins on every core and slows beside other
    # busy processes. None leaves the BLAS library's own setting.
    blas_threads: int | None = 1


@dataclass(frozen=True)
class StageSpec:
    name: str
    version: int
    requires: tuple[str, ...]
    adds: tuple[str, ...]
    factory: Callable[[Options], StageFn]

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(name: str, version: int, requires: Iterable[str] = (),
                   adds: Iterable[str] = ()) -> Callable[[Callable[[Options], StageFn]], Callable[[Options], StageFn]]:
    """Decorator for a stage factory: `factory(options) -> fn(doc)`."""

    def wrap(factory: Callable[[Options], StageFn]) -> Callable[[Options], StageFn]:
        spec = StageSpec(name, version, tuple(requires), tuple(adds), factory)
        if spec.id in _REGISTRY:
            raise PipelineError(f"stage {spec.id} registered twice")
        _REGISTRY[spec.id] = spec
        return factory

    return wrap


def registered() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def lookup(stage_id: str) -> StageSpec:
    """A stage by `name.vN`, or by bare name for its newest version."""
    _load_builtin_stages()
    if stage_id in _REGISTRY:
        return _REGISTRY[stage_id]
    versions = [s for s in _REGISTRY.values() if s.name == stage_id]
    if not versions:
        raise PipelineError(f"unknown stage {stage_id!r}; known: {', '.join(sorted(_REGISTRY))}")
    return max(versions, key=lambda s: s.version)


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers the built-in stages)


def default_stages() -> tuple[str, ...]:
    from .stages import DEFAULT_STAGES

    return DEFAULT_STAGES


def check_chain(specs: list[StageSpec]) -> None:
    """Raise PipelineError unless each stage's requirements are met by the ones before it."""
    available = set(BASE_LAYERS)
    for spec in specs:
        missing = [layer for layer in spec.requires if layer not in available]
        if missing:
            raise PipelineError(f"stage {spec.id} requires {', '.join(missing)}, which no earlier stage adds")
        clash = [layer for layer in spec.adds if layer in available]
        if clash:
            raise PipelineError(f"stage {spec.id} adds {', '.join(clash)}, which an earlier stage already adds")
        available.update(spec.adds)


@dataclass
class Outcome:
    """What running the pipeline on one article gave: a Doc, or the error that stopped it."""

    article: Article
    doc: Doc | None = None
    error: StageError | None = None


class Pipeline:
    def __init__(self, specs: list[StageSpec], options: Options):
        self.specs = specs
        self.options = options
        self._fns = [spec.factory(options) for spec in specs]
        limit_blas_threads(options.blas_threads)  # after the factories: they load the libraries to cap

    @classmethod
    def build(cls, options: Options | None = None) -> "Pipeline":
        options = options or Options()
        _load_builtin_stages()
        ids = options.stages if options.stages is not None else default_stages()
        specs = [lookup(i) for i in ids]
        check_chain(specs)
        return cls(specs, options)

    @property
    def provenance(self) -> dict:
        return {"version": __version__, "stages": [s.id for s in self.specs]}

    def steps(self) -> list[tuple[StageSpec, StageFn]]:
        """Each stage with its built function, in order (for timing stages one by one)."""
        return list(zip(self.specs, self._fns))

    def prepare(self, article: Article) -> Doc:
        if self.options.date is not None:
            article = _with_date(article, self.options.date)
        return Doc(article)

    def run(self, article: Article) -> Doc:
        """Run every stage on one article; a failing stage raises StageError."""
        doc = self.prepare(article)
        for spec, fn in zip(self.specs, self._fns):
            try:
                fn(doc)
            except Exception as exc:  # one bad article must not stop a batch
                raise StageError(spec.id, article.id, exc, article.origin) from exc
        return doc

    def run_many(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for article in articles:
            try:
                yield Outcome(article, doc=self.run(article))
            except StageError as err:
                yield Outcome(article, error=err)


def limit_blas_threads(threads: int | None) -> None:
    """Cap this process's BLAS thread pools (applied when a pipeline is built, so in every worker)."""
    if threads is None:
        return
    import numpy  # noqa: F401  threadpoolctl caps only the BLAS libraries already loaded
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")


def _with_date(article: Article, date: dt.date) -> Article:
    from dataclasses import replace

    return replace(article, date=date)
