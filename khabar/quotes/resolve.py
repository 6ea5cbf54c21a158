"""In-article name resolution: a surname to the full name, a title to its named holder.

The article is read once for every name run (كيريل دميترييف) and every title
that stands beside a name (الرئيس الروسي فلاديمير بوتين، جواد ظريف، وزير
الخارجية). A speaker found as a surname or a bare title is then given the
fullest name the article has for it. When the entities layer is present its
clusters are used first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..doc import Doc, Entity, Span
from ..text.span import SpanIndex
from ..text.words import Word
from .phrases import Phrase, WordClasses, parse_phrase


def _key(w: Word) -> str:
    """A word for comparison: no و/ف, no ال, no fused ب/ل before ال."""
    k = w.bare
    if k.startswith(("بال", "لل")) and len(k) > 4:
        k = k[1:] if k.startswith("بال") else "ال" + k[2:]
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


@dataclass
class Person:
    span: Span  # the fullest mention's characters
    keys: tuple[str, ...]
    titles: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class ArticleNames:
    """The people an article names, with the titles it gives them."""

    people: list[Person]
    entities: list[Entity]
    orgs: list[Phrase] = field(default_factory=list)  # named organisations, in text order

    @cached_property
    def _with_key(self) -> dict[str, list[Person]]:
        """The people whose name has each word, in order: a long article names thousands."""
        out: dict[str, list[Person]] = {}
        for p in self.people:
            for k in dict.fromkeys(p.keys):
                out.setdefault(k, []).append(p)
        return out

    @cached_property
    def _mentions(self) -> SpanIndex:
        """Every entity mention as (entity, mention), added in entity then mention order."""
        index = SpanIndex()
        for e in self.entities:
            for m in e.mentions:
                index.add(Span(m.start, m.end), (e, m))
        return index

    def fullest(self, keys: tuple[str, ...]) -> Person | None:
        """The person with the most name words whose name contains all of `keys`."""
        want = set(keys)
        best = None
        for p in self._with_key.get(keys[0], []) if keys else self.people:
            if want <= set(p.keys) and (best is None or len(p.keys) > len(best.keys)):
                best = p
        return best

    def holder(self, title: tuple[str, ...]) -> Person | None:
        """The named person the article gives this title (same head word, the rest contained)."""
        if not title:
            return None
        want = set(title)
        best, best_score = None, 0.0
        for p, t in self._titled.get(title[0], []):
            score = len(want & set(t)) / len(want | set(t))
            if want <= set(t) or set(t) <= want or _prefix_in(title, t) >= 2:
                # قائد الجيش العسكريين: the title's head and complement name the holder, an object may follow
                score += 1
            if score > best_score and score >= 0.6:
                best, best_score = p, score
        return best

    @cached_property
    def _titled(self) -> dict[str, list[tuple[Person, tuple[str, ...]]]]:
        """(person, title) pairs by the title's head word, in order."""
        out: dict[str, list[tuple[Person, tuple[str, ...]]]] = {}
        for p in self.people:
            for t in p.titles:
                if t:
                    out.setdefault(t[0], []).append((p, t))
        return out

    @cached_property
    def _starting(self) -> dict[int, list[Entity]]:
        """The entities with a mention starting at each offset, in order."""
        out: dict[int, list[Entity]] = {}
        for e in self.entities:
            for m in e.mentions:
                at = out.setdefault(m.start, [])
                if not at or at[-1] is not e:
                    at.append(e)
        return out

    def named_org(self, words: list[Word], ph: Phrase) -> Phrase | None:
        """The organisation named earlier with the same head word (منظمة «رينبو فور أفريكا» for المنظمة)."""
        head = _key(words[ph.start])
        for org in reversed(self.orgs):
            if org.start < ph.start and _key(words[org.start]) == head:
                return org
        return None

    def most_mentioned(self, type_: str) -> Entity | None:
        """The entity of this type with the most mentions (the first of them on a tie)."""
        found = [e for e in self.entities if e.type == type_]
        return max(found, key=lambda e: len(e.mentions)) if found else None

    def entity_starting(self, start: int, type_: str) -> Entity | None:
        """The entity of this type one of whose mentions starts at `start`."""
        return next((e for e in self._starting.get(start, []) if e.type == type_), None)

    def entity_at(self, span: Span, type_: str) -> Entity | None:
        """The entity cluster of this type whose mentions overlap `span` the most.

        The type must agree: in الجزائري نور الدين بدوي the adjective is a mention of
        Algeria, and a person's phrase must not take that name.
        """
        best, best_overlap = None, 0
        for _, _, (e, m) in self._mentions.overlapping(span.start, span.end):  # the first best is kept
            overlap = min(m.end, span.end) - max(m.start, span.start)
            # another type only when its mention starts the phrase (سان جرمان read as a person's name)
            if overlap > best_overlap and (e.type == type_ or m.start == span.start):
                best, best_overlap = e, overlap
        return best


def _prefix_in(title: tuple[str, ...], held: tuple[str, ...]) -> int:
    """How many leading words of `title` the held title has."""
    n = 0
    while n < len(title) and title[n] in held:
        n += 1
    return n


def phrase_keys(words: list[Word], start: int, stop: int) -> tuple[str, ...]:
    return tuple(_key(words[k]) for k in range(start, stop) if words[k].is_word)


def article_names(doc: Doc, words: list[Word], wc: WordClasses) -> ArticleNames:
    """Every name run of the article, with the titles beside it."""
    people: dict[tuple[str, ...], Person] = {}
    orgs: list[Phrase] = []
    ends = sentence_ends(words)
    i = 0
    while i < len(words):
        ph = parse_phrase(words, i, ends[i], wc)
        if ph is not None and ph.type == "ORG" and not is_generic(words, ph):
            orgs.append(ph)
        if ph is None or ph.type != "PER":
            i += 1
            continue
        keys = phrase_keys(words, ph.head, ph.stop)
        person = people.setdefault(keys, Person(Span(words[ph.head].start, words[ph.stop - 1].end), keys))
        for k in range(ph.start, ph.head):
            # every title in the description is the person's: موفد الرئيس الروسي فلاديمير بوتين
            if wc.classify(words[k]) == "title":
                person.titles.append(phrase_keys(words, k, ph.head))
        after = _title_after(words, ph.stop, wc, ends)
        if after:
            person.titles.append(after)
        i = ph.end
    merged = _merge(list(people.values()))
    return ArticleNames(merged, list(doc.get("entities") or []), orgs)


def sentence_ends(words: list[Word]) -> list[int]:
    """For every word, the index after the last word of its sentence."""
    ends = [0] * len(words)
    j = len(words)
    for k in range(len(words) - 1, -1, -1):
        if k + 1 < len(words) and words[k + 1].sentence != words[k].sentence:
            j = k + 1
        ends[k] = j
    return ends


NISBA = ("ي", "يه", "يون", "يين")


def is_generic(words: list[Word], ph: Phrase) -> bool:
    """An organisation named only by its definite head and adjectives (المنظمة، النادي الفرنسي)."""
    if ph.head != ph.start or not words[ph.start].bare.startswith(("ال", "لل", "بال")):
        return False  # للنادي الباريسي is as generic as النادي
    return all(words[k].bare.startswith("ال") and words[k].bare.endswith(NISBA) for k in range(ph.start + 1, ph.stop))


def _title_after(words: list[Word], i: int, wc: WordClasses, ends: list[int]) -> tuple[str, ...]:
    """A title in apposition after a name: جواد ظريف، وزير الخارجية / علي أكبر صالحي رئيس المنظمة."""
    if i < len(words) and words[i].norm in ("،", ","):
        i += 1
    if i >= len(words) or wc.classify(words[i]) != "title":
        return ()
    ph = parse_phrase(words, i, ends[i], wc)
    return phrase_keys(words, ph.start, ph.end) if ph and not ph.named else ()


def _merge(people: list[Person]) -> list[Person]:
    """Give a shorter form's titles to the fullest name that contains it (صالحي -> علي أكبر صالحي)."""
    # Only people holding every key of p can contain it: look them up by p's rarest key, in list order, rather
    # than comparing every pair (issue 18: quadratic in the number of people of a long article).
    sets = [frozenset(p.keys) for p in people]
    holders: dict[str, list[int]] = {}
    for j, ks in enumerate(sets):
        for k in ks:
            holders.setdefault(k, []).append(j)
    for i, p in enumerate(people):
        mine = sets[i]
        for j in holders[min(mine, key=lambda k: len(holders[k]))] if mine else range(len(people)):
            if people[j] is not p and mine < sets[j]:
                people[j].titles.extend(p.titles)
    return people
