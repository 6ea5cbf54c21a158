"""Coding one sentence: triggers -> events with arguments, mode, date and evidence."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..doc import Argument, Doc, Event, Quote, Relation, Sentence, Span, Timex
from ..resources.relation_cues import cues
from ..text.names import name_tokens
from ..text.normalize import normalize
from ..text.sentences import quoted_regions
from ..text.words import Word, build_words
from .actors import ActorLexicon, actor_lexicon
from .arguments import Phrase, argument, find_location, find_roles, phrase_at
from .dates import timex_date, weekday_date
from .lexicon import TriggerLexicon, trigger_lexicon
from .modes import ModeMarkers, event_mode, mode_markers
from .triggers import Trigger, find_triggers
from .tables import speech_verbs
from .words import clause_bounds, sentence_words

# Types that are statements: their source is whoever is quoted saying them.
# Sectors of trigger nouns that are their own actors (protesters), not instruments (صاروخ).
SELF_ACTOR_SECTORS = frozenset({"CVL", "OPP"})
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})


@dataclass(frozen=True)
class Resources:
    """Everything the coder reads, loaded once per pipeline."""

    triggers: TriggerLexicon
    actors: ActorLexicon
    modes: ModeMarkers

    @classmethod
    def load(cls) -> "Resources":
        return cls(trigger_lexicon(), actor_lexicon(), mode_markers())


@dataclass
class Context:
    """The article-level layers an event may draw on (each may be absent)."""

    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[tuple[Span, str]] = field(default_factory=list)  # (span, entity id), in text order
    anchor: dt.date | None = None
    has_timexes: bool = False  # whether a time stage ran (else weekday names are resolved here)
    has_quotes: bool = False  # whether a quotes stage ran (else the last speech verb's subject speaks)
    speaker: Argument | None = None  # the last speaker seen, for quotes without a quotes layer
    relations: list[Relation] = field(default_factory=list)
    text: str = ""

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        mentions = sorted(((Span(m.start, m.end), e.id) for e in doc.get("entities", []) or [] for m in e.mentions),
                          key=lambda m: (m[0].start, m[0].end))
        return cls(list(doc.get("quotes", []) or []), list(doc.get("timexes", []) or []), mentions, doc.anchor_date,
                   doc.has("timexes"), doc.has("quotes"), relations=list(doc.get("relations", []) or []),
                   text=doc.text)


def _entity_at(ctx: Context, arg: Argument | None) -> Argument | None:
    """The entity of an argument: its first mention, unless that mention only owns the head noun."""
    if arg is None:
        return None
    for span, eid in ctx.mentions:
        if span.start < arg.end and arg.start < span.end:
            referent = _referent(ctx, arg, span, eid)
            if referent is not None:
                arg.entity = referent
                break
    return arg


def _referent(ctx: Context, arg: Argument, span: Span, eid: str) -> str | None:
    """Who a mention inside an argument stands for.

    After a relation noun in construct (موفد ترامب, Trump's envoy) the name is the owner, not the actor:
    the actor is whoever the relations layer found in that relation to it (Witkoff, named earlier as
    الموفد الخاص للرئيس دونالد ترامب), else no one yet (None: look at the next mention).
    """
    before = name_tokens(ctx.text[arg.start:span.start]) if span.start > arg.start else ()
    cue = next((c for c in cues() if before[-len(c.tokens):] == c.tokens), None)
    if cue is None:
        return eid
    return next((r.subject for r in ctx.relations if r.type == cue.type and r.object == eid), None)


def _quote_at(ctx: Context, doc: Doc, sentence: Sentence, pos: int) -> tuple[bool, Quote | None]:
    """Whether pos lies in a quotation, and the quote-stage quote that holds it (if any)."""
    for q in ctx.quotes:
        if q.start <= pos < q.end:
            return True, q
    return any(a <= pos < b for a, b in quoted_regions(doc.text, sentence.start, sentence.end)), None


def _date(ctx: Context, words: list[Word], lo: int, hi: int, future: bool) -> str | None:
    """The timex in the clause, else (no time stage) a weekday in it, else the effective date."""
    clause = Span(words[lo].start, words[hi].end)
    found = timex_date(ctx.timexes, clause)
    if found is None and not ctx.has_timexes:
        found = weekday_date(words, lo, hi, ctx.anchor, future)
    return found or (ctx.anchor.isoformat() if ctx.anchor else None)


def _speaker_source(q: Quote | None, ctx: Context) -> Argument | None:
    """The speaker's span; a speaker named in an earlier sentence (وأضاف «...») by its last mention before."""
    s = q.speaker if q else None
    if s is None:
        return None
    if s.start is not None and s.end is not None:
        return Argument(s.start, s.end, s.entity, None)
    before = [span for span, eid in ctx.mentions if s.entity and eid == s.entity and span.end <= q.start]
    if before:
        last = max(before, key=lambda span: span.start)
        return Argument(last.start, last.end, s.entity, None)
    return None


def _confidence(t: Trigger, roles_found: int) -> float:
    return round(min(0.95, t.entry.confidence + 0.1 * roles_found), 2)


def _self_actor(res: Resources, words: list[Word], t: Trigger, day) -> Phrase | None:
    """For a noun trigger that names its own actors (متظاهرون): that phrase."""
    if t.entry.pos != "noun":
        return None
    p = phrase_at(res.actors, words, t.head, len(words) - 1, day)
    return p if p and p.parts[0].sector in SELF_ACTOR_SECTORS else None


def code_trigger(doc: Doc, sentence: Sentence, words: list[Word], t: Trigger, res: Resources, ctx: Context) -> Event:
    """One event from one trigger."""
    day = ctx.anchor
    roles = find_roles(res.actors, words, t, day, _self_actor(res, words, t, day))
    source = roles.source
    src_arg, tgt_arg = argument(words, source), argument(words, roles.target)
    if src_arg and tgt_arg and src_arg.start == tgt_arg.start:
        tgt_arg = None
    trig = Span(words[t.first].start, words[t.last].end)
    in_quote, quote = _quote_at(ctx, doc, sentence, trig.start)
    if t.entry.type in STATEMENT_TYPES and in_quote:
        # A statement's source is whoever is quoted saying it.
        if quote is not None:
            src_arg = _speaker_source(quote, ctx) or src_arg
            if src_arg is not None and src_arg.code is None and quote.speaker:
                src_arg.code = _code_of_speaker(res, quote)
        elif not ctx.has_quotes and ctx.speaker is not None:
            src_arg = Argument(ctx.speaker.start, ctx.speaker.end, ctx.speaker.entity, ctx.speaker.code)
    lo, hi = clause_bounds(words, t.head)
    evidence = Span(sentence.start, sentence.end)
    location = argument(words, find_location(res.actors, words, t, day))
    mode = event_mode(words, t, in_quote, res.modes)
    return Event(type=t.entry.type, mode=mode, trigger=trig,
                 source=_entity_at(ctx, src_arg), target=_entity_at(ctx, tgt_arg), location=_entity_at(ctx, location),
                 date=_date(ctx, words, lo, hi, mode in ("future", "intended")), evidence=evidence,
                 confidence=_confidence(t, bool(src_arg) + bool(tgt_arg)), cameo=t.entry.cameo)


def _code_of_speaker(res: Resources, quote: Quote) -> str | None:
    from .actors import _strip_al

    name = _strip_al(normalize(quote.speaker.name)) if quote.speaker and quote.speaker.name else ""
    return res.actors.named_code(name, None) if name else None


def _speech_subject(res: Resources, words: list[Word], day) -> Argument | None:
    """The actor right after a speech verb (قال دميترييف ...): who speaks in this sentence."""
    verbs = speech_verbs()
    for i, w in enumerate(words):
        if any(b in verbs for b in w.bases):
            for j in range(i + 1, min(i + 3, len(words))):
                p = phrase_at(res.actors, words, j, len(words) - 1, day)
                if p:
                    return argument(words, p)
    return None


def code_sentence(doc: Doc, sentence: Sentence, res: Resources, ctx: Context,
                  tokens: list | None = None) -> list[Event]:
    """The events of one sentence (tokens: the sentence's tokens when the doc has no word layer)."""
    words = sentence_words(doc, sentence, build_words(doc, tokens) if tokens is not None else None)
    if not words:
        return []
    speaker = _speech_subject(res, words, ctx.anchor)
    if speaker is not None:
        ctx.speaker = speaker
    events = [code_trigger(doc, sentence, words, t, res, ctx) for t in find_triggers(words, res.triggers)]
    # One event per trigger: a verb and a noun of one sentence may tell one event with different
    # participants each; cross-article clustering (dedup.py) is where reports are brought together.
    return events
