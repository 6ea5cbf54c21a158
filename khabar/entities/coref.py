"""In-document coreference: mentions grouped by linked identity, name parts and role descriptions."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..doc import Doc, Span
from ..text.clitics import name_variants
from ..text.names import skeleton
from ..text.span import SpanIndex
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
    people = _NameEnds([c for c in clusters if c.type == "PER" and len(c.fullest().key) > 1])
    out = []
    for c in clusters:
        key = c.fullest().key
        target = _owner(c, people) if c.entity is None and (len(key) == 1 or c.type == "PER") else None
        if target is None:
            out.append(c)
        else:
            target.mentions.extend(c.mentions)
            people.refresh(target)
    return out


class _NameEnds:
    """People by the first and the last word of their fullest name: a part of a name finds its owners
    without reading every person of a long article."""

    def __init__(self, people: list[Cluster]):
        self.people = people
        self.order = {id(p): k for k, p in enumerate(people)}
        self.key: dict[int, tuple[str, ...]] = {}
        self.first: dict[str, set[int]] = {}
        self.last: dict[str, set[int]] = {}
        for p in people:
            self._put(p)

    def _put(self, p: Cluster) -> None:
        key = self.key[id(p)] = p.fullest().key
        self.first.setdefault(key[0], set()).add(id(p))
        self.last.setdefault(key[-1], set()).add(id(p))

    def refresh(self, p: Cluster) -> None:
        """Index `p` again after its mentions changed (its fullest name may have)."""
        if id(p) in self.key and self.key[id(p)] != p.fullest().key:
            old = self.key[id(p)]
            self.first[old[0]].discard(id(p))
            self.last[old[-1]].discard(id(p))
            self._put(p)

    def ending(self, part: tuple[str, ...]) -> list[tuple[Cluster, tuple[str, ...]]]:
        """(person, fullest name) of each person whose name ends with part's last word or, for one word,
        starts with it, in the order given."""
        ids = self.last.get(part[-1], set()) | (self.first.get(part[0], set()) if len(part) == 1 else set())
        return [(self.people[k], self.key[id(self.people[k])]) for k in sorted(self.order[i] for i in ids)]


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
    by_last = _by_last_word(unknown)
    out = []
    for c in clusters:
        bare = c.entity is not None and c.type == "PER" and all(len(m.key) == 1 for m in c.mentions)
        owners = by_last.get(c.mentions[0].key[0], []) if bare else []
        if len(owners) == 1:
            owner = owners[0]
            owner.mentions.extend(c.mentions)
            by_last = _by_last_word(unknown) if owner.fullest().key[-1] != c.mentions[0].key[0] else by_last
        else:
            out.append(c)
    return out


def _by_last_word(people: list[Cluster]) -> dict[str, list[Cluster]]:
    """People by the last word of their fullest name, in order."""
    out: dict[str, list[Cluster]] = {}
    for p in people:
        out.setdefault(p.fullest().key[-1], []).append(p)
    return out


def _owner(c: Cluster, people: _NameEnds) -> Cluster | None:
    """The one longer name `c` is part of: its first or last word, or its last words."""
    part = c.fullest().key
    owners = [p for p, full in people.ending(part) if p is not c and len(full) > len(part) and _part_of(part, full)]
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
    held = SpanIndex(taken)
    for w in ws:
        for prefix, form in name_variants(w.norm):
            owners = parts.get(form)
            if not owners or len(owners) != 1:
                continue
            span = doc.normalized.to_original(w.nstart + prefix, w.nend)
            if held.overlaps_any(span):
                break
            owners[0].mentions.append(Candidate(span, (form,), [], "name"))
            taken.append(span)
            held.add(span)
            break
