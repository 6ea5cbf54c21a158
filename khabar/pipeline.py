"""The stage registry and the pipeline that runs stages over documents.

A stage is registered under a versioned name (`sentences.v1`). It declares
the layers it requires, the layers it uses when present and the layers it
adds; the default order follows from those declarations, `Pipeline.build`
checks the chain before anything runs, and every result records the stage
names and the package version as provenance.

This module knows no stage: `khabar.stages` imports the built-in ones, which
register here (whoever builds a pipeline imports it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import __version__
from .errors import PipelineError, StageError, UnknownLayerError
from .doc import Article, Doc

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
    uses: tuple[str, ...] = ()  # layers read when present: they order the stages, never refuse a pipeline
    default: bool = True  # False: runs only when named (`--stages ...,ner.v2,...`), never picked by bare name

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    @property
    def reads(self) -> tuple[str, ...]:
        """Every layer the stage reads: required or used."""
        return self.requires + self.uses


_REGISTRY: dict[str, StageSpec] = {}
_NO_STAGES = "no stages registered: import khabar.stages to register the built-in ones"


def register_stage(name: str, version: int, requires: Iterable[str] = (), uses: Iterable[str] = (),
                   adds: Iterable[str] = (), default: bool = True
                   ) -> Callable[[Callable[[Options], StageFn]], Callable[[Options], StageFn]]:
    """Decorator for a stage factory: `factory(options) -> fn(doc)`."""

    def wrap(factory: Callable[[Options], StageFn]) -> Callable[[Options], StageFn]:
        spec = StageSpec(name, version, tuple(requires), tuple(adds), factory, uses=tuple(uses), default=default)
        if spec.id in _REGISTRY:
            raise PipelineError(f"stage {spec.id} registered twice")
        _REGISTRY[spec.id] = spec
        return factory

    return wrap


def registered() -> dict[str, StageSpec]:
    """Every registered stage by id, in registration order."""
    return dict(_REGISTRY)


def lookup(stage_id: str) -> StageSpec:
    """A stage by `name.vN`, or by bare name for its newest default version."""
    if stage_id in _REGISTRY:
        return _REGISTRY[stage_id]
    versions = [s for s in _REGISTRY.values() if s.name == stage_id and s.default]
    if not versions:
        known = ", ".join(sorted(_REGISTRY)) or _NO_STAGES
        raise PipelineError(f"unknown stage {stage_id!r}; known: {known}")
    return max(versions, key=lambda s: s.version)


def default_stages() -> tuple[str, ...]:
    """The default pipeline: the newest default version of every registered stage, in declaration order."""
    return tuple(spec.id for spec in stage_order(newest_versions()))


def newest_versions() -> list[StageSpec]:
    """The newest default version of each registered stage name, in registration order."""
    newest: dict[str, StageSpec] = {}
    for spec in (s for s in _REGISTRY.values() if s.default):
        if spec.name not in newest or spec.version > newest[spec.name].version:
            newest[spec.name] = spec
    return [s for s in _REGISTRY.values() if newest.get(s.name) is s]


def stage_order(specs: list[StageSpec]) -> list[StageSpec]:
    """`specs` sorted so that each stage runs after those adding a layer it reads (requires or uses).

    A stable topological sort: of the stages ready to run, the first in `specs` goes first, so stages
    the declarations leave unordered (tokens and time both need only sentences) keep registration order.
    """
    pending, done = list(specs), []
    while pending:
        ready = next((s for s in pending if not _waits_for(s, pending)), None)
        if ready is None:
            raise PipelineError(f"stages read each other's layers in a cycle: {', '.join(s.id for s in pending)}")
        done.append(ready)
        pending.remove(ready)
    return done


def _waits_for(spec: StageSpec, pending: list[StageSpec]) -> bool:
    """True while another pending stage adds a layer `spec` reads."""
    return any(other is not spec and set(other.adds) & set(spec.reads) for other in pending)


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


def check_uses(specs: list[StageSpec], known: Iterable[StageSpec]) -> None:
    """Raise UnknownLayerError for a used layer that none of the `known` stages adds (a typo, or a stage
    not registered): a used layer may be absent from one pipeline, never from every one."""
    layers = set(BASE_LAYERS).union(*(s.adds for s in known))
    for spec in specs:
        for layer in spec.uses:
            if layer not in layers:
                raise UnknownLayerError(spec.id, layer)


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
        if not _REGISTRY:
            raise PipelineError(_NO_STAGES)
        ids = options.stages if options.stages is not None else default_stages()
        specs = [lookup(i) for i in ids]
        check_chain(specs)
        check_uses(specs, _REGISTRY.values())
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
