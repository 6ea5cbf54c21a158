"""Speaker attribution: the phrase of a cue's subject, made into a resolved Speaker.

Explicit subjects are read after the cue (VSO) or before it (SVO, كان ترامب
صرّح); a cue without one (وأضاف، مضيفا) takes the most recent speaker whose
gender agrees with the verb (قال/قالت).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, Span, Speaker
from ..resources import load_yaml
from ..text.words import Word
from .detect import Cue, at_sentence_start, sentence_bounds
from .lexicon import QuoteLexicon
from .phrases import Phrase, WordClasses, is_adjunct, mention_in_reach, parse_phrase
from .resolve import ArticleNames, is_generic, phrase_keys
from .words import CLAUSE_PUNCT

RARE_WORD = 2000  # corpus count below which an unlisted word right before إن may be a name (دانفورد، رجب)
BARE_NAME = 3  # words of an unlisted name
DESCRIBED = 5  # definite words of a description before a tagged name
APPOSITION_GAP = 8  # words of a description before the comma that sets off the name
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1, "uniqueItems": True}
ATTRIBUTION_SCHEMA = {"type": "object", "required": ["relatives", "leaders", "particles", "salient_heads"],
                      "properties": {"relatives": _WORDS, "leaders": _WORDS, "particles": _WORDS,
                                     "salient_heads": _WORDS}}


@dataclass(frozen=True)
class AttributionWords:
    """Relative pronouns, sentence-opening words and particles, normalised (data/quotes/attribution.yaml)."""

    relatives: frozenset[str]
    leaders: frozenset[str]
    particles: frozenset[str]
    salient_heads: frozenset[str]  # الشركة، النادي: the article's most-mentioned organisation speaks


@lru_cache(maxsize=1)
def attribution_words() -> AttributionWords:
    """The shipped attribution words, as written: the file keeps them normalised, as words are compared."""
    data = load_yaml("quotes/attribution.yaml", ATTRIBUTION_SCHEMA)
    return AttributionWords(*(frozenset(data[k]) for k in ("relatives", "leaders", "particles", "salient_heads")))


@dataclass
class Said:
    """A speaker as attributed, with the gender its verb showed."""

    speaker: Speaker
    gender: str | None


@dataclass
class Attributor:
    doc: Doc
    words: list[Word]
    wc: WordClasses
    names: ArticleNames
    history: list[Said] = field(default_factory=list)

    @property
    def lex(self) -> QuoteLexicon:
        return self.wc.lex

    def speaker(self, ph: Phrase) -> Speaker:
        """The Speaker of a phrase, with the fullest name the article gives it."""
        w = self.words
        if ph.type == "ORG" and w[ph.start].norm in attribution_words().salient_heads:
            salient = self._salient_org(ph)  # وذكرت الشركة ببيان: the company of the report, not the last one named
            if salient is not None:
                return salient
        if ph.type == "ORG" and is_generic(w, ph):
            ph = self.names.named_org(w, ph) or ph  # وأوضح النادي الفرنسي: the club the article named
        span = Span(w[ph.head].start, w[ph.stop - 1].end)
        entity = self.names.entity_at(span, ph.type) if ph.type in ("PER", "ORG", "GPE") else None
        if entity is not None:
            return Speaker(entity.name, span.start, span.end, entity.name_en, entity.id,
                           speaker_type(entity.type or ph.type))
        text = self.doc.text
        if ph.type == "PER":
            person = self.names.fullest(phrase_keys(w, ph.head, ph.stop))
            name = person.span.text_in(text) if person else span.text_in(text)
            return Speaker(name, span.start, span.end, type="PER")
        if ph.type == "UNNAMED" and self.wc.classify(w[ph.start]) == "title":
            entity = self.names.entity_starting(span.start, "PER")
            if entity is not None:  # the entities layer linked the title (الرئيس الأميركي) to its holder
                return Speaker(entity.name, span.start, span.end, entity.name_en, entity.id, "PER")
            person = self.names.holder(phrase_keys(w, ph.start, ph.end))
            if person:
                return Speaker(person.span.text_in(text), span.start, span.end, type="PER")
        return Speaker(_clean(span.text_in(text)), span.start, span.end, type=ph.type)

    def _salient_org(self, ph: Phrase) -> Speaker | None:
        """The organisation the article mentions most, speaking as «the company» at `ph`."""
        entity = self.names.most_mentioned("ORG")
        if entity is None:
            return None
        w = self.words
        return Speaker(entity.name, w[ph.start].start, w[ph.start].end, entity.name_en, entity.id, "ORG")

    def subject_after(self, cue: Cue, limit: int) -> tuple[Phrase, Phrase | None] | None:
        """The subject after a cue (VSO), with an apposition that names it; None when there is none."""
        if cue.form.pos == "participle":
            return None  # داعيا عناصره إلى: the adverbial participle's subject is the sentence's, what follows is its object
        ph = parse_phrase(self.words, cue.j, limit, self.wc) or self._described(cue.j, limit) \
            or self._bare_name(cue.j, limit)
        if ph is None:
            return None
        if not ph.named or ph.type == "ORG":
            named = self._apposition(ph.end, limit)
            if named is not None:
                return named, ph
        return ph, None

    def _described(self, i: int, limit: int) -> Phrase | None:
        """A tagged name after definite words no list holds (قال السياسي الإيطالي اليميني ماسيميليانو فيدريجا)."""
        m = mention_in_reach(self.words, i, limit, self.wc, DESCRIBED, definite_only=True)
        if m is None:
            return None
        end = min(self.words[m].ner_end, limit)
        return Phrase(i, end, m, end, "PER", True)

    def _bare_name(self, i: int, limit: int) -> Phrase | None:
        """Unlisted words between a cue and its hook are a name (وقال دانفورد إن، وأكد رجب أن)."""
        w = self.words
        j = i
        while j < limit and j - i < BARE_NAME and w[j].kind == "word" and not w[j].bare.startswith("ال") \
                and (self.wc.classify(w[j]) == "name" or (self.wc.classify(w[j]) == "other"
                                                          and self.wc.counts.get(w[j].norm, 0) < RARE_WORD
                                                          and w[j].norm not in self.lex.not_names)) \
                and not self.wc.conj_on_word(w[j]) and not is_adjunct(w, j, self.lex):
            j += 1
        if j == i or (j < limit and w[j].is_word and (w[j].norm,) not in self.lex.complementizers):
            return None  # only when the words end right before the hook or a comma
        return Phrase(i, j, i, j, "PER", True)

    def _apposition(self, k: int, limit: int) -> Phrase | None:
        """A named person set off by commas after a description: مدير المستشفيات، الطبيب عبد اللطيف الحاج."""
        w = self.words
        start = k
        while k < limit and k - start < APPOSITION_GAP and w[k].norm not in CLAUSE_PUNCT:
            if not w[k].is_word or (w[k].norm,) in self.lex.complementizers:
                return None
            k += 1
        while k < limit and w[k].norm in CLAUSE_PUNCT:
            k += 1
        ph = parse_phrase(w, k, limit, self.wc)
        return ph if ph is not None and ph.type == "PER" and ph.named else None

    def subject_before(self, cue: Cue) -> Phrase | None:
        """A subject standing before the cue (وكان ترامب قد صرّح، أما الوزير، فلان، فقد أعلن)."""
        w = self.words
        s, _ = sentence_bounds(w, cue.i)
        k = s
        leaders = attribution_words().leaders
        while k < cue.i and (not w[k].is_word or w[k].norm in leaders or w[k].norm in self.lex.auxiliaries):
            k += 1
        best = None
        while k < cue.i:
            ph = parse_phrase(w, k, cue.i, self.wc)
            if ph is None:
                return None
            if ph.named or best is None:
                best = ph if (ph.named or best is None) else best
            k = ph.end
            while k < cue.i and (w[k].norm in CLAUSE_PUNCT or w[k].norm in self.lex.auxiliaries
                                 or w[k].norm in attribution_words().particles):
                k += 1
        return best

    def antecedent(self, cue: Cue) -> Phrase | None:
        """The phrase a relative pronoun before the cue points back to (وزارة الصحة، التي أشارت)."""
        w = self.words
        r = cue.i - 1
        if r < 0 or w[r].bare not in attribution_words().relatives:
            return None
        end = r - 1 if r > 0 and w[r - 1].norm in CLAUSE_PUNCT else r
        s, _ = sentence_bounds(w, cue.i)
        # a phrase that reaches the relative first (الرئيس الأميركي، دونالد ترمب، الذي: the name), then a near one
        for reach in (0, 3):
            for start in range(max(s, end - 8), end):
                ph = parse_phrase(w, start, end, self.wc)
                if ph is not None and ph.end >= end - reach:
                    return ph
        return None

    def sentence_subject(self, cue: Cue) -> Phrase | None:
        """The subject of the verb that opens the sentence (وحل ظريف بالصين قائلا)."""
        w = self.words
        s, _ = sentence_bounds(w, cue.i)
        k = s
        while k < cue.i and not w[k].is_word:
            k += 1
        if k + 1 >= cue.i:
            return None
        first = parse_phrase(w, k, cue.i, self.wc)
        if first is not None:
            return first
        return parse_phrase(w, k + 1, cue.i, self.wc)

    def recent(self, gender: str | None, kinds: tuple[str, ...] = ()) -> Speaker | None:
        """The most recent speaker whose gender agrees with the cue's."""
        for said in reversed(self.history):
            if kinds and said.speaker.type not in kinds:
                continue
            if gender is None or said.gender is None or said.gender == gender:
                return _implied(said.speaker)
        return None

    def first_person(self) -> Speaker | None:
        """With no speaker yet, the first person the article names."""
        full = [p for p in self.names.people if len(p.keys) > 1]
        if not full:
            return None
        p = full[0]
        return Speaker(p.span.text_in(self.doc.text), type="PER")

    def remember(self, speaker: Speaker, gender: str | None) -> None:
        """Record a speaker; a cue that shows no gender (بحسب) keeps the one an earlier verb showed."""
        if gender is None:
            gender = self.gender_of(speaker)
        self.history.append(Said(speaker, gender))

    def gender_of(self, speaker: Speaker) -> str | None:
        for said in reversed(self.history):
            if said.speaker.name == speaker.name:
                return said.gender
        return None


def _implied(s: Speaker) -> Speaker:
    """The same speaker, not mentioned in this sentence."""
    return Speaker(s.name, None, None, s.name_en, s.entity, s.type, s.via)


def _clean(name: str) -> str:
    return name.strip(" ،,.:«»\"")


def at_start(words: list[Word], cue: Cue) -> bool:
    s, _ = sentence_bounds(words, cue.i)
    return at_sentence_start(words, cue.i, s)


def speaker_type(entity_type: str) -> str:
    """A speaker's type from its entity's: a region that speaks (العالم العربي) speaks as a place, GPE."""
    return "GPE" if entity_type == "LOC" else entity_type
