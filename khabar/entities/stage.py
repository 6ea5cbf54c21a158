"""The entities stage: detect names (NER and KB aliases), cluster them in the document, link each cluster."""
from __future__ import annotations

from ..model import Doc, Entity, Mention, Span
from ..pipeline import Options, register_stage
from .coref import Cluster, add_name_part_mentions, group, merge_name_parts
from .detect import Candidate, Word, kb_candidates, name_candidates, words
from .kb import KBEntity, KnowledgeBase, kb_for
from .lexicons import alias_rules
from .linking import Context, choose, nil_id
from .names import clitic_variants, name_tokens
from .roles import holder, nationality_at, role_mentions
from .translit import transliterate

STAGE_ID = "entities.v1"
TYPES = ("PER", "ORG", "GPE", "LOC")


@register_stage("entities", 1, requires=("tokens",), adds=("entities",))
def entities_stage(options: Options):
    kb = kb_for(options)
    # Guessing unknown people from name lists is off by default: it halves precision without a NER layer.
    guess_names = bool(options.resources.get("entities.guess_names", False))

    def run(doc: Doc) -> None:
        doc.add("entities", resolve(doc, kb, guess_names), STAGE_ID)

    return run


def resolve(doc: Doc, kb: KnowledgeBase, guess_names: bool = False) -> list[Entity]:
    """The entity records of one document."""
    ws = words(doc)
    cands = merge_ner(doc, kb, kb_candidates(doc, kb, ws), doc.get("mentions") or [])
    if guess_names and not doc.has("mentions"):  # no NER layer: guess unknown people from name lists
        cands = sorted(cands + name_candidates(doc, ws, [c.span for c in cands]), key=lambda c: c.span.start)
    countries = doc_countries(cands)
    cands = [c for c in cands if allowed(c, countries)]
    linked = [link(doc, kb, c, ws, countries) for c in cands]
    clusters = merge_name_parts(group(linked))
    taken = [c.span for c in cands]
    add_name_part_mentions(doc, clusters, ws, taken)
    attach_roles(doc, kb, clusters, ws)
    return [to_entity(doc, c) for c in sorted(clusters, key=lambda c: c.spans[0].start)]


def merge_ner(doc: Doc, kb: KnowledgeBase, cands: list[Candidate], mentions: list[Mention]) -> list[Candidate]:
    """KB matches plus NER mentions: a longer NER name replaces the KB matches inside it."""
    out = list(cands)
    for m in mentions:
        if m.type not in TYPES:
            continue
        c = ner_candidate(doc, kb, m)
        inside = [k for k in out if c.span.contains(k.span)]
        overlapping = [k for k in out if k.span.overlaps(c.span)]
        if overlapping and not (inside and len(c.span) > max(len(k.span) for k in inside)
                                and len(inside) == len(overlapping)):
            for k in overlapping:
                k.type = k.type or m.type
            continue
        out = [k for k in out if k not in inside] + [c]
    return sorted(out, key=lambda k: k.span.start)


def ner_candidate(doc: Doc, kb: KnowledgeBase, m: Mention) -> Candidate:
    """A NER mention without its leading clitics, with the KB entities its name may be."""
    start, end = doc.normalized.from_original(m.start, m.end)
    text = doc.normalized.text[start:end]
    key = name_tokens(text)
    prefix = 0
    if key:
        for p, form in clitic_variants(key[0]):
            if kb.lookup((form, *key[1:])) or (p and len(form) >= 3 and form.startswith("ال")):
                prefix, key = p, (form, *key[1:])
                break
    lead = len(text) - len(text.lstrip())
    span = doc.normalized.to_original(start + lead + prefix, end) if key else Span(m.start, m.end)
    found = kb.lookup(key) or [e for e, _ in kb.fuzzy(" ".join(key)) if e.type == m.type][:3]
    return Candidate(span, key, found, "ner", m.type, m.score)


def doc_countries(cands: list[Candidate]) -> frozenset[str]:
    """Countries of the places named unambiguously in the document."""
    return frozenset(c.entities[0].country for c in cands
                     if len(c.entities) == 1 and c.entities[0].type == "GPE" and c.entities[0].country)


def allowed(c: Candidate, countries: frozenset[str]) -> bool:
    """False for an alias that is also a common word, unless its country is named in the document."""
    if " ".join(c.key) not in alias_rules()[0]:
        return True
    return any(e.country in countries and e.id != f"country.{(e.country or '').lower()}" or
               e.country in countries and len(c.entities) == 1 for e in c.entities)


def link(doc: Doc, kb: KnowledgeBase, c: Candidate, ws: list[Word], countries: frozenset[str]):
    """(mention, linked entity or None, confidence, type)."""
    ctx = Context(c.type, nationality_after(ws, doc, c.span), countries, doc.anchor_date)
    base = 1.0 if c.how == "exact" else 0.8 if c.how == "skeleton" else c.score
    if not c.entities:
        return c, None, base, c.type or "PER"
    chosen = choose(c.entities, ctx, base)
    type_ = chosen.entity.type if chosen.entity else (c.type or "PER")
    return c, chosen.entity, chosen.confidence, type_


def nationality_after(ws: list[Word], doc: Doc, span: Span) -> str | None:
    """The country of a nationality adjective right after the span (وزارة الخارجية الروسية)."""
    end = doc.normalized.from_original(span.start, span.end)[1]
    for i, w in enumerate(ws):
        if w.start >= end:
            hit = nationality_at(ws, i) if w.start - end <= 1 else None
            return hit[0] if hit else None
    return None


def attach_roles(doc: Doc, kb: KnowledgeBase, clusters: list[Cluster], ws: list[Word]) -> None:
    """Add role descriptions to the cluster of their holder: named next to it, else the KB holder that day."""
    by_entity = {c.entity.id: c for c in clusters if c.entity}
    named: dict[tuple[str, str], Cluster] = {}
    starts = {m.span.start: c for c in clusters for m in c.mentions}
    for rm in role_mentions(doc, ws):
        nxt = ws[rm.end_word] if rm.end_word < len(ws) else None
        after = starts.get(doc.normalized.to_original(nxt.start, nxt.end).start) if nxt else None
        if after is not None and after.type == "PER":
            named[(rm.role, rm.org)] = after
            continue
        target = named.get((rm.role, rm.org))
        if target is None:
            e = holder(kb, rm.role, rm.org, doc.anchor_date)
            target = by_entity.get(e.id) if e else None
        if target is not None and not any(m.span.overlaps(rm.span) for c in clusters for m in c.mentions):
            target.mentions.append(Candidate(rm.span, name_tokens(doc.span_text(rm.span)), [], "role"))


def to_entity(doc: Doc, c: Cluster) -> Entity:
    """The record of a cluster: fullest name, identity, English name, every mention span."""
    best = c.fullest()
    name = doc.span_text(best.span)
    if c.entity is not None:
        return Entity(c.entity.public_id, name, c.entity.type, c.spans, c.entity.name_en, c.entity.qid)
    name_en = transliterate(name) if c.type == "PER" else None
    return Entity(nil_id(c.type, name), name, c.type, c.spans, name_en, None)
