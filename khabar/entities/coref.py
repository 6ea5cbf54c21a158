"""In-document coreference: mentions grouped by linked identity, name parts and role descriptions."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Doc, Span
from .detect import Candidate, Word, is_common_word
from .kb import KBEntity
from .names import clitic_variants


@dataclass
class Cluster:
    """The mentions of one entity in a document."""

    key: str  # KB id, or the normalised name of an unknown entity
    type: str
    entity: KBEntity | None
    confidence: float
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def spans(self) -> list[Span]:
        return sorted({m.span for m in self.mentions}, key=lambda s: (s.start, s.end))

    def fullest(self) -> Candidate:
        """The mention with the most words (then characters): the name the record carries."""
        named = [m for m in self.mentions if m.how != "role"] or self.mentions
        return max(named, key=lambda m: (len(m.key), len("".join(m.key)), -m.span.start))


def group(mentions: list[tuple[Candidate, KBEntity | None, float, str]]) -> list[Cluster]:
    """Clusters of (mention, linked entity, confidence, type): same KB entity, or same unknown name."""
    clusters: dict[str, Cluster] = {}
    for cand, entity, conf, type_ in mentions:
        key = entity.id if entity else f"{type_}:{' '.join(cand.key)}"
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = Cluster(key, entity.type if entity else type_, entity, conf)
        c.mentions.append(cand)
        c.confidence = max(c.confidence, conf)
    return list(clusters.values())


def merge_name_parts(clusters: list[Cluster]) -> list[Cluster]:
    """Fold an unknown one-word person cluster into the person whose full name has that word first or last."""
    people = [c for c in clusters if c.type == "PER" and len(c.fullest().key) > 1]
    out = []
    for c in clusters:
        target = _owner(c, people) if c.entity is None and len(c.fullest().key) == 1 else None
        if target is None:
            out.append(c)
        else:
            target.mentions.extend(c.mentions)
    return out


def _owner(c: Cluster, people: list[Cluster]) -> Cluster | None:
    word = c.fullest().key[0]
    owners = [p for p in people if p is not c and word in (p.fullest().key[0], p.fullest().key[-1])]
    return owners[0] if len(owners) == 1 else None


def add_name_part_mentions(doc: Doc, clusters: list[Cluster], ws: list[Word], taken: list[Span]) -> None:
    """Add bare surnames and first names of the article's people where no other mention stands."""
    parts: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type != "PER" or len(c.fullest().key) < 2:
            continue
        full = c.fullest().key
        for word in {full[0], full[-1]}:
            if len(word) >= 3 and not is_common_word(word):
                parts.setdefault(word, []).append(c)
    for w in ws:
        for prefix, form in clitic_variants(w.text):
            owners = parts.get(form)
            if not owners or len(owners) != 1:
                continue
            span = doc.normalized.to_original(w.start + prefix, w.end)
            if any(span.overlaps(t) for t in taken):
                break
            owners[0].mentions.append(Candidate(span, (form,), [], "name"))
            taken.append(span)
            break
