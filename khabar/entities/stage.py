"""The entities stage: detect names (NER and KB aliases), cluster them in the document, link each cluster."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Sequence

from ..doc import Doc, Entity, Mention, Span
from ..pipeline import Options, register_stage
from ..resources.kb import kb_for
from ..resources.nationalities import nationality_at
from ..text.clitics import name_variants
from ..text.names import name_tokens
from ..text.span import SpanIndex
from ..text.words import Word, word_layer
from .coref import Cluster, add_name_part_mentions, group, merge_name_parts, reassign_surnames
from .detect import Candidate, kb_candidates, name_candidates
from .filters import (admit_unlinked, extension_ok, filters, fuzzy_allowed, in_event_name, is_nationality,
                      risky_kb, supported, word_forms)
from .institutions import bare_institutions
from .kb import KBEntity, KnowledgeBase
from .lexicons import alias_rules
from .linking import Context, choose, nil_id
from .roles import holder, role_mentions
from .translit import transliterate

STAGE_ID = "entities.v1"
TYPES = ("PER", "ORG", "GPE", "LOC")
BRACKETS = "()[]{}«»\"“”"
# A run of text between brackets, without the spaces at its ends.
_UNBRACKETED = re.compile(rf"[^\s{re.escape(BRACKETS)}](?:[^{re.escape(BRACKETS)}]*[^\s{re.escape(BRACKETS)}])?")


@register_stage("entities", 1, requires=("words",), uses=("sentences", "mentions", "effective_date"),
                adds=("entities",))
def entities_stage(options: Options):
    kb = kb_for(options)
    # Guessing unknown people from name lists is off by default: it halves precision without a NER layer.
    guess_names = bool(options.resources.get("entities.guess_names", False))

    def run(doc: Doc) -> None:
        doc.add("entities", resolve(doc, kb, guess_names), STAGE_ID)

    return run


def resolve(doc: Doc, kb: KnowledgeBase, guess_names: bool = False) -> list[Entity]:
    """The entity records of one document."""
    layer = word_layer(doc)
    ws, starts = layer.names, layer.name_starts  # starts: computed once per document, for bisection
    mentions = hyphen_joined(doc, [m for m in doc.get("mentions") or [] if m.type in TYPES])
    cands = kb_candidates(doc, kb, ws)
    if doc.has("mentions"):  # with a NER layer, a KB match that may be a plain word needs its support
        spans = [Span(m.start, m.end) for m in mentions]
        cands = [c for c in cands if not risky_kb(c) or supported(c.span, spans)]
    cands = [strip_descriptor(doc, kb, ws, starts, c) for c in cands
             if not in_event_name(ws, word_index(doc, starts, c.span))]
    cands = merge_ner(doc, kb, cands, mentions, ws, starts)
    if guess_names and not doc.has("mentions"):  # no NER layer: guess unknown people from name lists
        cands = sorted(cands + name_candidates(doc, ws, [c.span for c in cands]), key=lambda c: c.span.start)
    cands = drop_inside_titles(doc, ws, cands)
    countries = doc_countries(cands)
    cands = [c for c in cands if allowed(c, countries)]
    linked = [link(doc, kb, c, ws, starts, countries) for c in cands]
    linked += bare_institutions(doc, kb, ws, [c.span for c in cands], linked)
    clusters = reassign_surnames(merge_name_parts(group(linked)))
    taken = [c.span for c, *_ in linked]
    add_name_part_mentions(doc, clusters, ws, taken)
    attach_roles(doc, kb, clusters, ws)
    return [to_entity(doc, c) for c in sorted(clusters, key=lambda c: c.spans[0].start)]


def hyphen_joined(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person's name extended back over a hyphenated first part (هانس-يواكيم فاتسكه, جان-كلود), which the
    tagger splits off at the hyphen; a mention reaching into that first part (نادي هانس) is dropped."""
    out = list(mentions)
    for m in mentions:
        start = hyphen_head(doc.text, m.start) if m.type == "PER" else m.start
        if start == m.start:
            continue
        joined = Mention(start, m.end, m.type, m.score)
        out = [joined if x is m else x for x in out
               if x is m or not (x.start < m.start and x.end > start)]
    return out


def hyphen_head(text: str, start: int) -> int:
    """Where a word joined to `start` by a hyphen begins (هانس-|يواكيم), else `start`."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return start
    i = start - 2
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def word_index(doc: Doc, starts: Sequence[int], span: Span) -> int:
    """The index of the name word a span starts in, by bisection over the layer's name-word starts (issue 18:
    a list of every word built for each candidate made long articles quadratic)."""
    start = doc.normalized.from_original(span.start, span.end)[0]
    return max(0, bisect_right(starts, start) - 1)


def merge_ner(doc: Doc, kb: KnowledgeBase, cands: list[Candidate], mentions: list[Mention],
              ws: Sequence[Word], starts: Sequence[int]) -> list[Candidate]:
    """KB matches plus NER mentions: a longer NER name replaces the one KB match inside it, when it may;
    a NER name alone is kept when it links to the KB or is confident and looks like a name."""
    forms = word_forms(ws)
    out = SpanIndex()  # a long article has thousands of candidates: each mention looks at those it overlaps
    for k in cands:
        out.add(k.span, k)
    for m in mentions:
        c = ner_candidate(doc, kb, m)
        near = [k for _, _, k in out.overlapping(c.span.start, c.span.end)]
        inside = [k for k in near if c.span.contains(k.span)]
        overlapping = [k for k in near if k.span.overlaps(c.span)]
        if overlapping and not (inside and len(c.span) > max(len(k.span) for k in inside)
                                and len(inside) == len(overlapping) and extension_ok(c, inside)):
            for k in overlapping:
                k.type = k.type or m.type
            continue
        if not inside and not c.entities and not admit_unlinked(c, m, forms):
            continue
        if in_event_name(ws, word_index(doc, starts, c.span)):
            continue
        for k in inside:
            out.remove(k.span, k)
        out.add(c.span, c)
    return sorted(out.items(), key=lambda k: k.span.start)



def unbracketed(doc: Doc, kb: KnowledgeBase, m: Mention) -> Mention:
    """A NER mention cut at a bracket or quote mark inside it: a name never spans one.

    In «(الرئيس الروسي فلاديمير) بوتين» the tagger ran one name over the closing bracket; the part kept
    is the one the KB knows, else the longest (the later one on a tie: the name after an aside).
    """
    text = doc.text[m.start:m.end]
    if not any(ch in BRACKETS for ch in text):
        return m
    parts = [(m.start + p.start(), m.start + p.end()) for p in _UNBRACKETED.finditer(text)]
    if not parts:
        return m

    def rank(part: tuple[int, int]) -> tuple[bool, int, int]:
        key = name_tokens(doc.text[part[0]:part[1]])
        return bool(kb.lookup(key)), len(key), part[0]

    start, end = max(parts, key=rank)
    return Mention(start, end, m.type, m.score)


def ner_candidate(doc: Doc, kb: KnowledgeBase, m: Mention) -> Candidate:
    """A NER mention without its leading clitics, with the KB entities its name may be."""
    m = unbracketed(doc, kb, m)
    start, end = doc.normalized.from_original(m.start, m.end)
    text = doc.normalized.text[start:end]
    key = name_tokens(text)
    prefix = 0
    if key:
        for p, form in name_variants(key[0]):
            if kb.lookup((form, *key[1:])) or (p and len(form) >= 3 and form.startswith("ال")):
                prefix, key = p, (form, *key[1:])
                break
    lead = len(text) - len(text.lstrip())
    span = doc.normalized.to_original(start + lead + prefix, end) if key else Span(m.start, m.end)
    found = kb.lookup(key)
    if not found and fuzzy_allowed(key):
        found = [e for e, _ in kb.fuzzy(" ".join(key)) if e.type == m.type][:3]
    return Candidate(span, key, found, "ner", m.type, m.score)


def strip_descriptor(doc: Doc, kb: KnowledgeBase, ws: Sequence[Word], starts: Sequence[int], c: Candidate) -> Candidate:
    """`وكالة رويترز` -> `رويترز` when the rest is an alias of the same entity: the name has no descriptor."""
    if len(c.key) < 2 or c.key[0] not in filters().descriptors:
        return c
    rest = [e for e in kb.lookup(c.key[1:]) if e in c.entities]
    i = word_index(doc, starts, c.span) + 1
    if not rest or i >= len(ws):
        return c
    end = doc.normalized.from_original(c.span.start, c.span.end)[1]
    return Candidate(doc.normalized.to_original(ws[i].nstart, end), c.key[1:], rest, c.how, c.type, c.score)


# «المتحدث باسم وزارة الخارجية الروسية»: after باسم ("in the name of") the institution itself is named.
SPEAKS_FOR = "باسم"


def drop_inside_titles(doc: Doc, ws: Sequence[Word], cands: list[Candidate]) -> list[Candidate]:
    """Drop an institution matched inside a title (وزيرة [الخارجية الأميركية]): the phrase names a person."""
    spans = [rm.span for rm in role_mentions(doc, ws)]
    return [c for c in cands if not (c.key and is_nationality(c.key[-1]) and any(
        s.contains(c.span) and s.start < c.span.start and s.end == c.span.end for s in spans)
        and _word_before(ws, c.span.start) != SPEAKS_FOR)]


def _word_before(ws: Sequence[Word], start: int) -> str | None:
    """The normalised word that ends last before `start`."""
    before = [w for w in ws if w.end <= start]
    return before[-1].norm if before else None


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


def link(doc: Doc, kb: KnowledgeBase, c: Candidate, ws: Sequence[Word], starts: Sequence[int],
         countries: frozenset[str]):
    """(mention, linked entity or None, confidence, type)."""
    ctx = Context(c.type, nationality_after(ws, starts, doc, c.span), countries, doc.anchor_date)
    base = 1.0 if c.how == "exact" else 0.8 if c.how == "skeleton" else c.score
    if not c.entities:
        return c, None, base, c.type or "PER"
    chosen = choose(c.entities, ctx, base)
    type_ = chosen.entity.type if chosen.entity else (c.type or "PER")
    return c, chosen.entity, chosen.confidence, type_


def nationality_after(ws: Sequence[Word], starts: Sequence[int], doc: Doc, span: Span) -> str | None:
    """The country of a nationality adjective right after the span (وزارة الخارجية الروسية)."""
    end = doc.normalized.from_original(span.start, span.end)[1]
    first = bisect_left(starts, end)  # words before it start before the end
    for i in range(first, len(ws)):
        w = ws[i]
        if w.nstart >= end:
            hit = nationality_at(ws, i) if w.nstart - end <= 1 else None
            return hit[0] if hit else None
    return None


def attach_roles(doc: Doc, kb: KnowledgeBase, clusters: list[Cluster], ws: Sequence[Word]) -> None:
    """Add role descriptions to the cluster of their holder: named next to it, else the KB holder that day.

    A role phrase may contain the name of its organisation (المتحدث باسم [الكرملين]): it may overlap
    mentions of other types, never another person's.
    """
    by_entity = {c.entity.id: c for c in clusters if c.entity}
    named: dict[tuple[str, str], Cluster] = {}
    starts = {m.span.start: c for c in clusters for m in c.mentions}
    for rm in role_mentions(doc, ws):
        nxt = ws[rm.end_word] if rm.end_word < len(ws) else None
        after = starts.get(doc.normalized.to_original(nxt.nstart, nxt.nend).start) if nxt else None
        if after is not None and after.type == "PER":
            named[(rm.role, rm.org)] = target = after
        else:
            target = named.get((rm.role, rm.org))
            if target is None:
                e = holder(kb, rm.role, rm.org, doc.anchor_date)
                target = by_entity.get(e.id) if e else None
        if target is not None and not any(m.span.overlaps(rm.span) for c in clusters if c.type == "PER"
                                          for m in c.mentions):
            target.mentions.append(Candidate(rm.span, name_tokens(doc.span_text(rm.span)), [], "role"))


def to_entity(doc: Doc, c: Cluster) -> Entity:
    """The record of a cluster: fullest name, identity, English name, every mention span."""
    best = c.fullest()
    name = doc.span_text(best.span)
    if c.entity is not None:
        return Entity(c.entity.public_id, name, c.entity.type, c.spans, c.entity.name_en, c.entity.qid)
    name_en = transliterate(name) if c.type == "PER" else None
    return Entity(nil_id(c.type, name), name, c.type, c.spans, name_en, None)
