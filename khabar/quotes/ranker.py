"""Speaker re-ranking: a linear model trained on the gold picks each quote's speaker among candidates.

The rules propose one speaker. The candidates add every entity named in the cue's sentence and the
four before it, and the previous quote's speaker. Each candidate is described by string features (where
it stands from the cue, its type, the verb's gender, what the rules proposed); the model is one weight
per feature (data/quotes/speaker-ranker.json, trained by khabar/training/speaker_ranker.py).
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..doc import Doc, Entity, Quote, Speaker
from ..errors import ResourceError
from ..resources import check, data_path
from ..text.words import Word
from .attribute import Attributor, speaker_type
from .lexicon import QuoteLexicon
from .phrases import WordClasses, parse_phrase, word_classes
from .resolve import article_names
from .words import words_of

MODEL_FILE = "quotes/speaker-ranker.json"
BACK_SENTENCES = 4  # sentences before the cue's own whose entities are candidates
PHRASE_SENTENCES = 1  # sentences before the cue's own whose descriptions (المتظاهرون، مصادر في الجيش) are candidates
PHRASE_HEADS = frozenset({"title", "unnamed", "orghead"})
TITLE_REACH = 6  # words either side of a name where its title stands (سفير الاتحاد الأوروبي جون أورورك)
PREPOSITIONS = frozenset({"في", "على", "الى", "من", "مع", "بين", "حول", "ضد", "لدى", "منذ", "بعد", "قبل", "خلال"})
SPEAKER_TYPES = ("PER", "ORG", "GPE")


@dataclass
class Candidate:
    """One speaker a quote may have, with what describes it to the model."""

    speaker: Speaker
    rule: bool  # what the rules proposed
    entity: Entity | None = None
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RankerModel:
    """A weight per feature; a candidate's score is the sum of its features' weights."""

    weights: dict[str, float]
    meta: dict

    def score(self, cand: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) * v for f, v in cand.features.items())

    def best(self, cands: list[Candidate]) -> Candidate:
        """The highest-scoring candidate; the rules' one on a tie."""
        rule = next(c for c in cands if c.rule)
        top = max(cands, key=self.score)
        return top if self.score(top) > self.score(rule) else rule


RANKER_SCHEMA = {"type": "object", "required": ["weights", "meta"],
                 "properties": {"weights": {"type": "object", "additionalProperties": {"type": "number"}},
                                "meta": {"type": "object", "required": ["articles", "cross_validation"]}}}


@lru_cache(maxsize=1)
def speaker_ranker() -> RankerModel:
    """The shipped model."""
    return load_ranker(data_path(MODEL_FILE))


def load_ranker(path: Path) -> RankerModel:
    """A model file as scripts/train_speaker_ranker.py writes it; ResourceError names a file that is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"{path}: not a speaker-ranker model ({exc})") from exc
    check(str(path), data, RANKER_SCHEMA)
    return RankerModel(dict(data["weights"]), data["meta"])


@dataclass
class RankContext:
    """What the features read of one document."""

    doc: Doc
    words: list[Word]
    att: Attributor  # the rules' own, so phrases resolve as they do
    quotes: list[Quote]  # as the rules attributed them
    starts: list[int] = field(init=False)
    entities: list[Entity] = field(init=False)

    @property
    def wc(self) -> WordClasses:
        return self.att.wc

    @property
    def lex(self) -> QuoteLexicon:
        return self.att.lex

    @classmethod
    def of(cls, doc: Doc, lex: QuoteLexicon) -> "RankContext":
        """The context of a document the rules already attributed (training, evaluation)."""
        words = words_of(doc)
        wc = word_classes(lex)
        return cls(doc, words, Attributor(doc, words, wc, article_names(doc, words, wc)), list(doc.get("quotes") or []))

    def __post_init__(self) -> None:
        self.starts = [w.start for w in self.words]
        self.entities = [e for e in self.doc.get("entities") or [] if e.type in SPEAKER_TYPES]
        self.speaks = Counter(k for q in self.quotes if q.speaker is not None for k in _keys(q.speaker))
        self.genders = self._genders()
        # Each entity's mentions with the word they start at, and which entities each sentence and each
        # word beside a PER mention point to: a quote looks at the entities near it, not all of them
        # (a long article has thousands).
        self.entity_names = {e.name for e in self.entities}
        self.counted = list(accumulate((x.is_word for x in self.words), initial=0))
        self.placed = [[(m, self.word_at(m.start)) for m in e.mentions] for e in self.entities]
        monotonic = all(a.sentence <= b.sentence for a, b in zip(self.words, self.words[1:]))
        self.in_order = [monotonic and all(a[1] <= b[1] for a, b in zip(p, p[1:])) for p in self.placed]
        self.in_sentence: dict[int, set[int]] = {}
        self.beside: dict[str, set[int]] = {}
        for k, (e, placed) in enumerate(zip(self.entities, self.placed)):
            for m, i in placed:
                self.in_sentence.setdefault(self.words[i].sentence, set()).add(k)
                if e.type == "PER":
                    for x in self._beside(m):
                        self.beside.setdefault(x, set()).add(k)

    def _genders(self) -> dict[str, str]:
        """Each speaker's gender as the verbs of its quotes showed it (قالت → f), when they agree."""
        seen: dict[str, set[str]] = {}
        for q in self.quotes:
            if q.speaker is not None and q.cue is not None:
                g = cue_gender(self, self.word_at(q.cue.start))
                if g == "?":
                    continue  # بحسب shows no gender
                for k in _keys(q.speaker):
                    seen.setdefault(k, set()).add(g)
        return {k: next(iter(gs)) for k, gs in seen.items() if len(gs) == 1 and gs <= {"m", "f"}}

    def title_overlap(self, title: frozenset[str], e: Entity) -> float:
        """The share of a title's words (سفير الاتحاد الأوروبي) found beside a mention of `e` anywhere."""
        if not title:
            return 0.0
        best = 0
        for m in e.mentions:
            best = max(best, len(title & self._beside(m)))
        return best / len(title)

    def _beside(self, m) -> set[str]:
        """The bare words within TITLE_REACH of a mention, either side."""
        i, j = self.word_at(m.start), self.word_at(m.end - 1) + 1
        return {x.bare for x in self.words[max(0, i - TITLE_REACH):i] + self.words[j:j + TITLE_REACH]}

    def placed_in(self, k: int, first: int, last: int) -> list:
        """Entity k's (mention, word) pairs, cut to sentences first..last when they are in text order
        (an entity of a long article has thousands of mentions)."""
        placed = self.placed[k]
        if not self.in_order[k]:
            return placed
        lo = bisect_left(placed, self.sentence_start(first), key=lambda x: x[1])
        hi = bisect_left(placed, self.sentence_start(last + 1), key=lambda x: x[1])
        return placed[lo:hi]

    def sentence_start(self, s: int) -> int:
        """The index of the first word of sentence s or later."""
        return bisect_left(self.words, s, key=lambda x: x.sentence)

    def words_between(self, i: int, j: int) -> int:
        """How many of words[i:j] are words (not punctuation or numbers)."""
        return self.counted[j] - self.counted[i] if j > i else 0

    def near_entities(self, first: int, last: int, title: frozenset[str]) -> list[int]:
        """Indices (in order) of the entities with a mention in sentences first..last, and of the PER
        entities with a word of `title` beside a mention (the only ones a title can reach)."""
        out: set[int] = set()
        for s in range(first, last + 1):
            out |= self.in_sentence.get(s, set())
        for x in title:
            out |= self.beside.get(x, set())
        return sorted(out)

    def title_of(self, s: Speaker) -> frozenset[str]:
        """The content words of a description the rules took as speaker (none for a name)."""
        if s.start is None or s.entity is not None or s.type != "UNNAMED":
            return frozenset()
        i, j = self.word_at(s.start), self.word_at(s.end - 1) + 1
        return frozenset(x.bare for x in self.words[i:j] if x.is_word and len(x.bare) > 2)

    def word_at(self, pos: int) -> int:
        """The index of the word that holds character `pos`."""
        return max(0, bisect_right(self.starts, pos) - 1)


def candidates(ctx: RankContext, quote: Quote, prev: Speaker | None) -> list[Candidate]:
    """The rules' speaker, the entities near the cue and the previous speaker, each with its features."""
    ci, cj = _cue_words(ctx, quote)
    rule = Candidate(quote.speaker, True)
    out = [rule] + _entity_candidates(ctx, quote, ci, cj, rule)
    for c in _phrase_candidates(ctx, quote, ci, cj):
        if not any(_same(c.speaker, x.speaker) for x in out):
            out.append(c)
    if prev is not None and not any(_same(c.speaker, prev) for c in out):
        out.append(Candidate(replace(prev, start=None, end=None), False))
    gender = cue_gender(ctx, ci)
    rcls = rule_class(quote.speaker)
    for c in out:
        _describe(ctx, c, ci, cj, gender, rcls, prev, quote)
    return out


def rerank(ctx: RankContext, quotes: Iterable[Quote], model: RankerModel) -> None:
    """Give each quote with a cue the speaker the model ranks first, in text order."""
    prev, fixed = None, {}
    for q in quotes:
        if q.speaker is None or q.cue is None:
            continue
        carry_fix(q, fixed)
        best = model.best(candidates(ctx, q, prev))
        if not best.rule:
            fixed[q.speaker.name] = best.speaker
            q.speaker = best.speaker
        prev = q.speaker


def carry_fix(q: Quote, fixed: dict[str, Speaker]) -> None:
    """A continuation (وأضاف) the rules gave a speaker since replaced takes the replacement."""
    s = q.speaker
    if s.start is None and s.name in fixed:
        q.speaker = replace(fixed[s.name], start=None, end=None, via=s.via)


def rule_class(s: Speaker) -> str:
    """What kind of speaker the rules proposed."""
    if s.start is None:
        return "implied"
    if s.entity is not None:
        return "entity"
    return f"plain-{s.type}"


def _cue_words(ctx: RankContext, quote: Quote) -> tuple[int, int]:
    return ctx.word_at(quote.cue.start), ctx.word_at(quote.cue.end - 1) + 1


def _entity_candidates(ctx: RankContext, quote: Quote, ci: int, cj: int, rule: Candidate) -> list[Candidate]:
    """One candidate per entity with a mention near the cue, outside the quoted words."""
    w = ctx.words
    first = w[ci].sentence - BACK_SENTENCES
    title = ctx.title_of(quote.speaker)
    out = []
    for k in ctx.near_entities(first, w[ci].sentence, title):
        e = ctx.entities[k]
        def outside(placed):
            return [(m, i) for m, i in placed if not (quote.start <= m.start < quote.end)
                    and not (w[ci].start <= m.start < w[cj - 1].end)]

        near = [(m, i) for m, i in outside(ctx.placed_in(k, first, w[ci].sentence))
                if first <= w[i].sentence <= w[ci].sentence]
        if not near and e.type == "PER" and ctx.title_overlap(title, e) >= 0.5:
            near = outside(ctx.placed[k])  # the holder of the title the rules took, named anywhere in the article
        if not near:
            continue
        m = min(near, key=lambda mi: abs(mi[1] - ci))[0]
        if rule.speaker.entity == e.id:
            rule.entity = e
            continue
        sp = Speaker(e.name, m.start, m.end, e.name_en, e.id, speaker_type(e.type), quote.speaker.via)
        out.append(Candidate(sp, False, e))
    return out


def _phrase_candidates(ctx: RankContext, quote: Quote, ci: int, cj: int) -> list[Candidate]:
    """The descriptions, titles and institutions the rules' phrase reader finds near the cue, as it resolves them."""
    w = ctx.words
    first, last = w[ci].sentence - PHRASE_SENTENCES, w[ci].sentence
    k = max(0, ci - 1)
    while k > 0 and w[k - 1].sentence >= first:
        k -= 1
    out = []
    while k < len(w) and w[k].sentence <= last:
        ph = None
        cls = ctx.wc.classify(w[k])
        # a word behind a preposition (للجيش، بالبيان) is no verb's subject
        if cls in PHRASE_HEADS and "prep" not in w[k].roles and not ci <= k < cj \
                and not quote.start <= w[k].start < quote.end:
            ph = parse_phrase(w, k, _sentence_stop(w, k), ctx.wc)
        if ph is None:
            k += 1
            continue
        sp = ctx.att.speaker(ph)
        sp.via = quote.speaker.via
        feats = {f"phrase={ph.type}": 1.0, f"phrase|head={cls}": 1.0, f"phrase|words={min(ph.end - ph.start, 4)}": 1.0,
                 f"phrase|count={_count_bin(ctx.wc.counts.get(w[k].bare, 0))}": 1.0}
        out.append(Candidate(sp, False, None, feats))
        k = max(ph.end, k + 1)
    return out


def _sentence_stop(w: list[Word], k: int) -> int:
    n = w[k].sentence
    while k < len(w) and w[k].sentence == n:
        k += 1
    return k


def _describe(ctx: RankContext, c: Candidate, ci: int, cj: int, gender: str, rcls: str,
              prev: Speaker | None, quote: Quote) -> None:
    f = c.features
    t = c.speaker.type
    f["bias"] = 1.0
    f[f"type={t}"] = 1.0
    f[f"g={gender}|type={t}"] = 1.0
    if c.rule:
        f["rule"] = 1.0
        f[f"rule|cue={cue_pos(ctx, ci)}"] = 1.0
        f[f"rule|{rcls}"] = 1.0
        if rcls == "implied" and prev is not None and not _same(c.speaker, prev):
            f["rule|implied|skips_previous"] = 1.0  # the rules passed over the last speaker (وأضافت after قال)
        f[f"rule|{rcls}|type={t}"] = 1.0
        f[f"rule|ner={_ner_marked(ctx, c.speaker)}|{rcls}"] = 1.0
        f[f"rule|words={min(_words_in(c.speaker.name), 4)}|{rcls}"] = 1.0
        if c.speaker.start is not None:
            head = ctx.words[ctx.word_at(c.speaker.start)]
            f[f"rule|head={ctx.wc.classify(head)}|{rcls}"] = 1.0
            f[f"rule|count={_count_bin(ctx.wc.counts.get(head.bare, 0))}|{rcls}"] = 1.0
        if c.entity is None and c.speaker.name in ctx.entity_names:
            f["rule|names_an_entity"] = 1.0
    else:
        f[f"rc={rcls}"] = 1.0
        f[f"rc={rcls}|type={t}"] = 1.0
    if c.entity is not None:
        f["entity"] = 1.0
        f["named_en"] = 1.0 if c.speaker.name_en else 0.0
        f["mentions"] = math.log1p(len(c.entity.mentions))
    if c.entity is not None and c.speaker.type == "PER":
        overlap = ctx.title_overlap(ctx.title_of(quote.speaker), c.entity)
        if overlap:
            f["title_overlap"] = overlap
    others = max(ctx.speaks[k] for k in _keys(c.speaker)) - (1 if c.rule else 0)
    if others > 0:
        f["speaks_elsewhere"] = math.log1p(others)
    known = {ctx.genders[k] for k in _keys(c.speaker) if k in ctx.genders}
    if gender in ("m", "f") and len(known) == 1:
        f["gender_agrees" if known == {gender} else "gender_clashes"] = 1.0
    if prev is not None and _same(c.speaker, prev):
        f["previous"] = 1.0
        f[f"previous|rc={rcls}"] = 1.0
    if c.speaker.start is not None:
        _position(ctx, c, ci, cj, rcls, quote)


def _position(ctx: RankContext, c: Candidate, ci: int, cj: int, rcls: str, quote: Quote) -> None:
    """Where the candidate's mention stands from the cue, and what comes right before it."""
    f, w = c.features, ctx.words
    mi, mj = ctx.word_at(c.speaker.start), ctx.word_at(c.speaker.end - 1) + 1
    if mi >= cj:
        gap = ctx.words_between(cj, mi)
        pos = "after:" + ("0" if gap == 0 else "1-2" if gap <= 2 else "3-6" if gap <= 6 else "far")
    else:
        gap = ctx.words_between(mj, ci)
        back = w[ci].sentence - w[mi].sentence
        pos = f"before:s{back}:" + ("0" if gap == 0 else "1-3" if gap <= 3 else "far")
    f[f"pos={pos}"] = 1.0
    f[f"pos={pos}|rule={int(c.rule)}"] = 1.0
    f[f"pos={pos}|cue={cue_pos(ctx, ci)}"] = 1.0
    f["distance"] = math.log1p(gap)
    if c.speaker.start >= quote.end:
        f["after_quote"] = 1.0
    if mi > 0:
        before = w[mi - 1].norm
        if before == "عن":
            f["after_an"] = 1.0
        elif before in PREPOSITIONS:
            f["after_preposition"] = 1.0
    if mi > 0 and ctx.wc.classify(w[mi - 1]) == "title":
        f["after_title"] = 1.0
    if "prep" in w[mi].roles:
        f["proclitic_preposition"] = 1.0


def cue_gender(ctx: RankContext, ci: int) -> str:
    """m | f | pl, or ? when the cue shows none (بحسب)."""
    form = ctx.lex.forms.get(ctx.words[ci].norm)
    return (form.gender if form is not None else None) or "?"


def cue_pos(ctx: RankContext, ci: int) -> str:
    """past | present | participle | masdar, or noun for a nominal cue (بحسب، وفقا)."""
    form = ctx.lex.forms.get(ctx.words[ci].norm)
    return form.pos if form is not None else "noun"


def scored_form(s: Speaker) -> dict[str, str | None]:
    """The speaker as the scorer compares it."""
    return {"name": s.name, "name_en": s.name_en}


def _ner_marked(ctx: RankContext, s: Speaker) -> int:
    """Whether the NER tagged a word of the rules' speaker span."""
    if s.start is None:
        return 0
    i, j = ctx.word_at(s.start), ctx.word_at(s.end - 1) + 1
    return int(any(x.ner for x in ctx.words[i:j]))


def _count_bin(n: int) -> str:
    """How common a word is in the news corpus: names are rare, the nouns the rules mistake for them are not."""
    return "0" if n == 0 else "rare" if n < 100 else "mid" if n < 2000 else "common"


def _words_in(name: str) -> int:
    return len(name.split())


def _keys(s: Speaker) -> tuple[str, ...]:
    return (s.name,) if s.entity is None else (s.name, s.entity)


def _same(a: Speaker, b: Speaker) -> bool:
    return (a.entity is not None and a.entity == b.entity) or a.name == b.name
