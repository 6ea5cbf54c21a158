"""The document model: an immutable article text and layers of spans into it.

Every annotation carries `start`/`end` character offsets into `Article.text`;
the text itself is never edited. Stages add layers to a `Doc`; they never
replace another stage's layer.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import KhabarError
from .text.normalize import NormalizedView
from .text.span import Span  # noqa: F401  below both this model and the view, so neither imports the other


@dataclass(frozen=True, slots=True)
class Dateline:
    """The header of a news item: `موسكو، كييف (الاتحاد، وكالات)`."""

    date: dt.date | None = None
    places: tuple[str, ...] = ()
    source: str | None = None
    agencies: tuple[str, ...] = ()
    raw: str = ""
    span: Span | None = None  # where it stands in the text; None when it came from a header line

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "places": list(self.places),
            "source": self.source,
            "agencies": list(self.agencies),
            "raw": self.raw,
            "start": self.span.start if self.span else None,
            "end": self.span.end if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One news item as read from its input, before any analysis."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    origin: str = ""  # the input it came from (path:line), for error messages


@dataclass(frozen=True, slots=True)
class TokenPart:
    """A sub-span of a token: a proclitic, the article ال, the stem or an enclitic."""

    start: int
    end: int
    role: str  # conj | prep | future | det | stem | pron


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    kind: str  # word | number | latin | punct | symbol
    parts: tuple[TokenPart, ...] = ()

    @property
    def stem(self) -> TokenPart:
        """The stem part (the whole token when it has no clitics)."""
        for part in self.parts:
            if part.role == "stem":
                return part
        return TokenPart(self.start, self.end, "stem")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text with its entity type (PER, ORG, GPE, LOC, MISC)."""

    start: int
    end: int
    type: str
    score: float = 1.0


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    name_en: str | None = None
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    value: str
    type: str  # DATE | WEEK | MONTH | YEAR
    anchor: str | None = None  # the date the value was computed from


@dataclass(slots=True)
class Speaker:
    name: str
    start: int | None = None
    end: int | None = None
    name_en: str | None = None
    entity: str | None = None
    type: str = "PER"  # PER | ORG | GPE | UNNAMED
    via: str | None = None  # an outlet that only relayed the source


@dataclass(slots=True)
class Quote:
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    speaker: Speaker | None = None
    cue: Span | None = None
    channel: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Argument:
    start: int
    end: int
    entity: str | None = None
    code: str | None = None


@dataclass(slots=True)
class Event:
    type: str
    mode: str
    trigger: Span
    source: Argument | None = None
    target: Argument | None = None
    location: Argument | None = None
    date: str | None = None
    evidence: Span | None = None
    confidence: float = 0.0
    cameo: str | None = None


@dataclass(slots=True)
class Relation:
    type: str
    subject: str
    object: str
    role: str | None
    start: int
    end: int


class LayerError(KhabarError):
    """A stage tried to replace a layer that another stage owns."""


class Doc:
    """An article plus the layers that stages add to it."""

    __slots__ = ("article", "_layers", "_owners", "warnings", "_normalized")

    def __init__(self, article: Article):
        self.article = article
        self._layers: dict[str, Any] = {}
        self._owners: dict[str, str] = {}
        self.warnings: list[str] = []
        self._normalized = None

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, layer: str, value: Any, stage: str) -> None:
        """Attach a layer; a layer is written once, by one stage."""
        if layer in self._layers:
            raise LayerError(f"layer {layer!r} already set by {self._owners[layer]}; {stage} may not replace it")
        self._layers[layer] = value
        self._owners[layer] = stage

    def get(self, layer: str, default: Any = None) -> Any:
        return self._layers.get(layer, default)

    def has(self, layer: str) -> bool:
        return layer in self._layers

    def owner(self, layer: str) -> str | None:
        return self._owners.get(layer)

    def span_text(self, span: Any) -> str:
        return self.text[span.start:span.end]

    @property
    def normalized(self):
        """The normalised view of the text, built once on first use."""
        if self._normalized is None:
            self._normalized = NormalizedView(self.text)
        return self._normalized

    @property
    def anchor_date(self) -> dt.date | None:
        """The date relative expressions are anchored to: the effective date, else the article date."""
        return self._layers.get("effective_date") or self.article.date
