"""In-document coreference: mentions grouped by linked identity, name parts and role descriptions."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..doc import Doc, Span
from ..text.clitics import name_variants
from ..text.names import skeleton
from ..text.words import Word
from .detect import Candidate, is_common_word
from .kb import KBEntity


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
    """Clusters of (mention, linked entity, confidence, type): same KB entity, or same unknown name.

    An unknown name is one entity whatever type each mention got: the NER may call the same town
    PER once and LOC once; the cluster takes the type with the most evidence.
    """
    clusters: dict[str, Cluster] = {}
    votes: dict[str, Counter] = {}
    for cand, entity, conf, type_ in mentions:
        key = entity.id if entity else f"nil:{' '.join(cand.key)}"
        c = clusters.get(key)
        if c is None:
            c = clusters[key] = Cluster(key, entity.type if entity else type_, entity, conf)
        c.mentions.append(cand)
        c.confidence = max(c.confidence, conf)
        if entity is None:
            votes.setdefault(key, Counter())[type_] += cand.score
    for key, counter in votes.items():
        clusters[key].type = max(counter, key=lambda t: (counter[t], t))
    return list(clusters.values())


def merge_name_parts(clusters: list[Cluster]) -> list[Cluster]:
    """Fold an unknown person cluster into the one person whose full name it is part of: one word first or
    last (أورتيغا), or the last words (أبو السعود for محمد أبو السعود); spellings of one name first become one."""
    clusters = merge_spellings(clusters)
    people = [c for c in clusters if c.type == "PER" and len(c.fullest().key) > 1]
    out = []
    for c in clusters:
        key = c.fullest().key
        target = _owner(c, people) if c.entity is None and (len(key) == 1 or c.type == "PER") else None
        if target is None:
            out.append(c)
        else:
            target.mentions.extend(c.mentions)
    return out


def merge_spellings(clusters: list[Cluster]) -> list[Cluster]:
    """Unknown people whose full names differ only in long vowels (دانييل/دانيال أورتيغا) are one person."""
    out: list[Cluster] = []
    seen: dict[tuple[str, ...], Cluster] = {}
    for c in clusters:
        key = c.fullest().key
        spelt = tuple(skeleton(t) for t in key) if c.entity is None and c.type == "PER" and len(key) > 1 else None
        if spelt is not None and spelt in seen:
            seen[spelt].mentions.extend(c.mentions)
            continue
        if spelt is not None:
            seen[spelt] = c
        out.append(c)
    return out


def reassign_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """A bare surname linked to a KB person joins the unknown person of the article with that surname.

    `هيثم الحريري ... وقال الحريري` (ant:AL-economy-1026-20180715): the KB knows only Saad Hariri by the
    bare surname, but the article's Hariri is the one it names in full.
    """
    unknown = [c for c in clusters if c.entity is None and c.type == "PER" and len(c.fullest().key) > 1]
    out = []
    for c in clusters:
        bare = c.entity is not None and c.type == "PER" and all(len(m.key) == 1 for m in c.mentions)
        owners = [p for p in unknown if bare and p.fullest().key[-1] == c.mentions[0].key[0]]
        if len(owners) == 1:
            owners[0].mentions.extend(c.mentions)
        else:
            out.append(c)
    return out


def _owner(c: Cluster, people: list[Cluster]) -> Cluster | None:
    """The one longer name `c` is part of: its first or last word, or its last words."""
    part = c.fullest().key
    owners = [p for p in people if p is not c and len(p.fullest().key) > len(part) and _part_of(part, p.fullest().key)]
    return owners[0] if len(owners) == 1 else None


def _part_of(part: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if len(part) == 1:
        return part[0] in (full[0], full[-1])
    return full[-len(part):] == part


def add_name_part_mentions(doc: Doc, clusters: list[Cluster], ws: Sequence[Word], taken: list[Span]) -> None:
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
        for prefix, form in name_variants(w.norm):
            owners = parts.get(form)
            if not owners or len(owners) != 1:
                continue
            span = doc.normalized.to_original(w.nstart + prefix, w.nend)
            if any(span.overlaps(t) for t in taken):
                break
            owners[0].mentions.append(Candidate(span, (form,), [], "name"))
            taken.append(span)
            break
