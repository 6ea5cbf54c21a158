"""Linking: choose among KB candidates by type, nationality in context, co-occurrence and dates."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .kb import KBEntity
from ..text.names import name_key

# Weights of the evidence for one candidate; the prior prefers curated entries over generated ones.
W_TYPE, W_NATIONALITY, W_COUNTRY_IN_DOC, W_ROLE_DATE, W_CURATED = 1.0, 1.5, 0.75, 0.5, 0.25
NIL_THRESHOLD = 0.5


@dataclass(frozen=True)
class Context:
    """What the article says around a mention: the NER type, nearby nationality, countries in the doc."""

    ner_type: str | None
    nationality: str | None
    countries: frozenset[str]
    date: dt.date | None


@dataclass(frozen=True)
class Link:
    entity: KBEntity | None
    confidence: float


def candidate_score(e: KBEntity, ctx: Context) -> float:
    """The evidence for one candidate entity in this context."""
    score = W_CURATED if "curated" in e.source else 0.0
    if ctx.ner_type and ctx.ner_type == e.type:
        score += W_TYPE
    if ctx.nationality and e.country == ctx.nationality:
        score += W_NATIONALITY
    if e.country and e.country in ctx.countries:
        score += W_COUNTRY_IN_DOC
    if e.roles and any(r.valid_on(ctx.date) for r in e.roles):
        score += W_ROLE_DATE
    return score


def choose(candidates: list[KBEntity], ctx: Context, base: float = 1.0) -> Link:
    """The best candidate and a confidence in [0, 1]; NIL when the evidence is too weak."""
    if not candidates:
        return Link(None, 0.0)
    scored = sorted(((candidate_score(e, ctx), e) for e in candidates), key=lambda p: -p[0])
    best, entity = scored[0]
    margin = best - scored[1][0] if len(scored) > 1 else best + 1.0
    confidence = base * min(1.0, 0.5 + 0.5 * min(margin, 1.0))
    if ctx.ner_type and ctx.ner_type != entity.type and len(scored) == 1 and base < 1.0:
        confidence *= 0.5
    return Link(entity if confidence >= NIL_THRESHOLD else None, round(confidence, 3))


def nil_id(type_: str, name: str) -> str:
    """A stable local id for an entity the KB does not know: the same type and name give the same id."""
    digest = hashlib.sha1(f"{type_}|{name_key(name)}".encode("utf-8")).hexdigest()[:12]
    return f"nil:{digest}"
