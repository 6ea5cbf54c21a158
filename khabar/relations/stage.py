"""The relations stage: who is whose envoy, spokesperson, relative or office holder, with evidence spans."""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from ..doc import Doc, Entity, Relation
from ..pipeline import Options, register_stage
from ..resources.kb import kb_for
from ..text.words import Word, Words, word_layer
from .patterns import MAX_GAP_WORDS, cue_at, cues, title_country

STAGE_ID = "relations.v1"


@register_stage("relations", 1, requires=("entities", "words"), adds=("relations",))
def relations_stage(options: Options):
    kb = kb_for(options)

    def run(doc: Doc) -> None:
        doc.add("relations", extract(doc, kb), STAGE_ID)

    return run


class MentionIndex:
    """Entity mentions by the word they start and end on."""

    def __init__(self, doc: Doc, layer: Words, entities: list[Entity]):
        self.starts = layer.name_starts
        self.by_first: dict[int, tuple[Entity, int]] = {}
        self.by_last: dict[int, Entity] = {}
        self.order: list[tuple[int, int, Entity]] = []
        for e in entities:
            for m in e.mentions:
                a, b = doc.normalized.from_original(m.start, m.end)
                first = max(0, bisect_left(self.starts, a + 1) - 1)
                last = max(0, bisect_left(self.starts, b) - 1)
                self.by_first[first] = (e, last)
                self.by_last[last] = e
                self.order.append((first, last, e))


def extract(doc: Doc, kb) -> list[Relation]:
    """Every relation the patterns find, once per (type, subject, object, role)."""
    layer = word_layer(doc)
    ws = layer.names
    idx = MentionIndex(doc, layer, doc.get("entities") or [])
    out: dict[tuple, Relation] = {}
    for i in range(len(ws)):
        for rel in _at(doc, kb, ws, idx, i):
            out.setdefault((rel.type, rel.subject, rel.object, rel.role), rel)
    return list(out.values())


def _span(doc: Doc, ws: Sequence[Word], a: int, b: int) -> tuple[int, int]:
    s = doc.normalized.to_original(ws[a].nstart, ws[b].nend)
    return s.start, s.end


def _next_entity(idx: MentionIndex, j: int, types: tuple[str, ...]) -> tuple[Entity, int] | None:
    """The first entity mention within MAX_GAP_WORDS words from word j."""
    for k in range(j, j + MAX_GAP_WORDS + 1):
        hit = idx.by_first.get(k)
        if hit and hit[0].type in types:
            return hit
    return None


def _at(doc: Doc, kb, ws: Sequence[Word], idx: MentionIndex, i: int) -> list[Relation]:
    found = []
    hit = cue_at(ws, i, cues())
    if hit:
        cue, n, possessive = hit
        obj = _next_entity(idx, i + n, ("PER", "ORG", "GPE"))
        holder = idx.by_first.get(i + n) if possessive else None
        subj_before = idx.by_last.get(i - 1)
        if possessive and holder and holder[0].type == "PER":
            antecedent = _previous_person(idx, i, holder[0])
            if antecedent:
                found.append(Relation(cue.type, holder[0].id, antecedent.id, cue.role, *_span(doc, ws, i, holder[1])))
        elif subj_before and subj_before.type == "PER" and obj and obj[0] is not subj_before and \
                "،" in doc.normalized.text[ws[i - 1].nend:ws[i].nstart]:
            start = _first_word_of(idx, i - 1)
            found.append(Relation(cue.type, subj_before.id, obj[0].id, cue.role, *_span(doc, ws, start, obj[1])))
        elif obj and obj[0].type in ("ORG", "GPE"):
            person = idx.by_first.get(obj[1] + 1)
            if person and person[0].type == "PER":
                found.append(Relation(cue.type, person[0].id, obj[0].id, cue.role, *_span(doc, ws, i, person[1])))
    title = title_country(ws, i)
    if title:
        cue, code, n = title
        person = idx.by_first.get(i + n)
        country = kb.country_entity(code)
        if person and person[0].type == "PER" and country:
            found.append(Relation(cue.type, person[0].id, country.public_id, cue.role, *_span(doc, ws, i, person[1])))
    return found


def _first_word_of(idx: MentionIndex, last: int) -> int:
    for first, l, _ in idx.order:
        if l == last:
            return first
    return last


def _previous_person(idx: MentionIndex, i: int, exclude: Entity) -> Entity | None:
    """The person named last before word i (the antecedent of صهره)."""
    best = None
    for first, last, e in idx.order:
        if last < i and e.type == "PER" and e is not exclude and (best is None or last > best[0]):
            best = (last, e)
    return best[1] if best else None
