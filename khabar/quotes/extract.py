"""Quote extraction: from cues to Quote objects with content, kind and speaker."""
from __future__ import annotations

from ..doc import Doc, Quote, Span, Speaker
from ..text.span import SpanIndex
from ..text.words import Word
from .attribute import Attributor, at_start, attribution_words
from .detect import (Cue, Hook, clause_end, find_cues, find_hook, kind_of, region_at, sentence_bounds, trim)
from .lexicon import QuoteLexicon
from .marks import Region, quote_regions
from .phrases import is_adjunct, parse_phrase, word_classes
from .resolve import article_names
from .words import CLAUSE_PUNCT, QUOTE_CHARS

AS_SAID = frozenset({"كما", "وكما"})  # كما قال at the end of a sentence points back
ABOUT = frozenset({"عن"})  # نقلت رويترز عن مسؤول: the source after an outlet
RELAYING = frozenset({"نقلا"})  # قالت الصحيفة نقلا عن مصادر: the outlet relays the source after عن
RESUMPTIVE = frozenset({"عنه", "عنها", "عنهم", "به", "بها"})  # أعلن عنه: a pronoun pointing at the antecedent
LEAD_SKIP = 4  # a short lead before a comma is discourse (وبالفعل،), not content


def paragraph_regions(doc: Doc, words: list[Word]) -> dict[int, list[Region]]:
    """Quoted regions of every paragraph, computed once."""
    spans: dict[int, list[int]] = {}
    for s in doc.get("sentences") or []:
        spans.setdefault(s.paragraph, [s.start, s.end])
        spans[s.paragraph][1] = s.end
    return {p: quote_regions(doc.text, a, b) for p, (a, b) in spans.items()}


class Extractor:
    """Walks the cues of one document in order and builds its quotes."""

    def __init__(self, doc: Doc, words: list[Word], lex: QuoteLexicon):
        self.doc, self.words, self.lex = doc, words, lex
        self.wc = word_classes(lex)
        self.att = Attributor(doc, words, self.wc, article_names(doc, words, self.wc))
        self.regions = paragraph_regions(doc, words)
        self.cues = find_cues(words, lex)
        self.cue_starts = {c.i for c in self.cues if c.kind == "verb"}
        self.quotes: list[tuple[Quote, int]] = []  # with the sentence index
        self.spans = SpanIndex()  # the quotes' spans, to find the one a position or a range falls in
        self.taken: set[tuple[int, int]] = set()
        self.sentence_speaker: dict[int, Speaker] = {}

    def run(self) -> list[Quote]:
        for cue in self.cues:
            handler = {"verb": self.verb, "source": self.source, "self": self.self_ref,
                       "document": self.document}[cue.kind]
            quote = handler(cue)
            if quote is not None and not self._duplicate(quote):
                self.quotes.append((quote, self.words[cue.i].sentence))
                self.spans.add(Span(quote.start, quote.end), quote)
                self.taken.add((quote.start, quote.end))
        return [q for q, _ in self.quotes]

    # -- verb cues -----------------------------------------------------------
    def verb(self, cue: Cue) -> Quote | None:
        w = self.words
        s, e = sentence_bounds(w, cue.i)
        regions = self.regions.get(w[cue.i].paragraph, [])
        hook = find_hook(w, cue, e, regions, self.lex, self.cue_starts)
        relative = cue.i > 0 and w[cue.i - 1].bare in attribution_words().relatives
        if relative and (_resumptive(w, cue) or (hook and any(x.norm in CLAUSE_PUNCT for x in w[cue.j:hook.i]))):
            # a relative clause ends at its comma (بدوي الذي نقلت وسائل إعلام تصريحاته، ...) and one whose verb
            # points back at its antecedent (التقارب الذي أعلن عنه) reports nothing
            return None
        limit = hook.i if hook else e
        speaker, subject_end, explicit = self._verb_speaker(cue, limit)
        inside = self._inside_quote(w[cue.i].start)
        if speaker is None or (inside is not None and (speaker.start is None or inside.kind == "direct")):
            # a verb inside quoted words, or one without a subject inside reported words, belongs to them
            # (وقالت: «... داعية الجمهوريين إلى ...» / بلاده ... ولا تزال تعتقد بأن)
            return None
        self.sentence_speaker[w[cue.i].sentence] = speaker
        span = self._verb_content(cue, hook, subject_end, explicit, e, regions)
        if span is None:
            span = self._content_before(cue, s, regions) or self._as_said(cue, s, e, regions)
            if span is None:
                return None
        kind, a, b = span
        self.att.remember(speaker, self._gender(cue, speaker))
        return Quote(kind, a, b, speaker, Span(w[cue.i].start, w[cue.j - 1].end))

    def _gender(self, cue: Cue, speaker: Speaker) -> str | None:
        if speaker.start is None:  # implied: keep what was known
            return self.att.gender_of(speaker)
        return cue.form.gender if cue.form else None

    def _verb_speaker(self, cue: Cue, limit: int) -> tuple[Speaker | None, int, bool]:
        """The speaker of a verb cue, the word where its subject ends (cue.j when none follows), and whether
        the sentence names the subject."""
        att, w = self.att, self.words
        # SVO and relative clauses first: in وكان ترامب صرّح / الذي اتهم برلين the word after the verb is its object
        before = att.antecedent(cue) or att.subject_before(cue)
        if before is not None:
            return att.speaker(before), cue.j, True
        found = att.subject_after(cue, limit)
        if found is not None:
            ph, desc = found
            end = max(ph.end, desc.end if desc else 0)
            speaker = att.speaker(ph)
            layered = self._layered(ph, end, limit)
            if layered is not None:
                source, end = layered
                source.via = speaker.name
                return source, end, True
            return speaker, end, True
        if cue.form.pos in ("participle", "masdar"):
            same = self.sentence_speaker.get(w[cue.i].sentence)
            if same is not None:
                return _implied(same), cue.j, False
            ph = att.sentence_subject(cue)
            if ph is not None:
                return att.speaker(ph), cue.j, False
        return att.recent(cue.form.gender) or att.first_person(), cue.j, False

    def _layered(self, ph, end: int, limit: int) -> tuple[Speaker, int] | None:
        """نقلت رويترز عن مسؤول: the source after عن, with the outlet kept as `via`."""
        w = self.words
        if end + 1 < limit and w[end].norm in RELAYING:
            end += 1
        if end < limit and w[end].norm in ABOUT:
            src = parse_phrase(w, end + 1, limit, self.wc)
            if src is not None:
                return self.att.speaker(src), src.end
        return None

    def _verb_content(self, cue: Cue, hook: Hook | None, subject_end: int, explicit: bool, end: int,
                      regions: list[Region]) -> tuple[str, int, int] | None:
        """The content after a verb cue whose subject ends at `subject_end`; without a subject in the
        sentence (`explicit` False) a noun phrase after the verb is no reported content."""
        w = self.words
        if hook is not None and hook.kind == "mark":
            return "direct", hook.region.start, hook.region.end
        if hook is not None:
            start = hook.j
            while hook.kind == "colon" and start < end and w[start].norm in QUOTE_CHARS:
                r = region_at(regions, w[start])
                if r is not None:
                    return "direct", r.start, r.end
                start += 1  # an empty pair of marks (:" "كانت ...)
        elif cue.form.frame == "object" and cue.form.pos != "masdar" and explicit:
            # the object after the subject (أعلن الجيش مقتل ...), or right after the verb when the subject
            # stands before it (ترمب، الذي اتهم برلين ...)
            start = self._skip_adjuncts(subject_end, end)
        elif cue.form.preposition and subject_end < end and w[subject_end].norm == cue.form.preposition:
            start = subject_end + 1  # مشيرا إلى تشكيل فريق عمل: a noun phrase after the verb's preposition
        else:
            return None
        stop = clause_end(w, start, end, self.cues, self.lex)
        chars = trim(w, start, stop)
        if chars is None:
            return None
        return kind_of(self.doc.text, chars[0], chars[1], regions)

    def _content_before(self, cue: Cue, s: int, regions: list[Region]) -> tuple[str, int, int] | None:
        """«...»، قال فلان: a quoted stretch right before the cue."""
        w = self.words
        k = cue.i - 1
        while k >= s and w[k].norm in CLAUSE_PUNCT:
            k -= 1
        if k < s or w[k].norm not in QUOTE_CHARS:
            return None
        for r in regions:
            if r.close == w[k].start:
                return "direct", r.start, r.end
        return None

    def _as_said(self, cue: Cue, s: int, e: int, regions: list[Region]) -> tuple[str, int, int] | None:
        """...، كما قالت: the sentence before a closing كما قال is the content."""
        w = self.words
        if cue.i - 1 <= s or w[cue.i - 1].norm not in AS_SAID or any(x.is_word for x in w[cue.j:e]):
            return None
        chars = self._lead(s, cue.i - 1)
        return kind_of(self.doc.text, chars[0], chars[1], regions) if chars else None

    def _skip_adjuncts(self, k: int, end: int) -> int:
        w = self.words
        while k < end:
            n = is_adjunct(w, k, self.lex) if w[k].norm in ("عن",) or _time_word(w[k]) else 0
            if w[k].norm in CLAUSE_PUNCT:
                k += 1
            elif n:
                k += n
            else:
                break
        return k

    # -- phrase cues ---------------------------------------------------------
    def source(self, cue: Cue) -> Quote | None:
        """X، بحسب Y / وفقا لما أعلنته Y، X: Y said X."""
        w = self.words
        s, e = sentence_bounds(w, cue.i)
        if w[cue.i].norm in RELAYING and any(s <= i < cue.i for i in self.cue_starts):
            return None  # قالت الصحيفة نقلا عن مصادر إن: the verb's own speaker is the relayed source
        regions = self.regions.get(w[cue.i].paragraph, [])
        k, relayed = cue.j, False
        if k < e and _verb_form(w[k].norm, self.lex):
            relayed = _verb_form(w[k].norm, self.lex).lemma == "نقل"
            k += 1
        ph = parse_phrase(w, k, e, self.wc)
        if ph is None:
            return None
        speaker = self.att.speaker(ph)
        if at_start(w, cue):
            start = ph.end
            while start < e and w[start].norm not in CLAUSE_PUNCT and start - ph.end < 6:
                start += 1
            chars = trim(w, start + 1, clause_end(w, start + 1, e, self.cues, self.lex))
        else:
            chars = self._lead(s, cue.i)
        if chars is None:
            return None
        earlier = self._overlapping(chars)
        if earlier is not None:
            if relayed and earlier.speaker is not None and earlier.speaker.via is None:
                earlier.speaker.via = speaker.name
            return None
        if relayed:
            return None
        self.att.remember(speaker, None)
        self.sentence_speaker[w[cue.i].sentence] = speaker
        kind, a, b = kind_of(self.doc.text, chars[0], chars[1], regions)
        return Quote(kind, a, b, speaker, Span(w[cue.i].start, w[cue.j - 1].end))

    def _lead(self, s: int, i: int) -> tuple[int, int] | None:
        """The content before a source phrase, from the sentence start (after a short lead-in)."""
        w = self.words
        start = s
        for k in range(s, min(i, s + LEAD_SKIP)):
            if w[k].norm in CLAUSE_PUNCT:
                start = k + 1
                break
        while start < i and w[start].norm in ("كما", "وكما"):
            start += 1
        return trim(w, start, i)

    def self_ref(self, cue: Cue) -> Quote | None:
        """...، على حد قوله: the previous speaker said what stands before."""
        w = self.words
        s, _ = sentence_bounds(w, cue.i)
        chars = self._lead(s, cue.i)
        speaker = self.att.recent(None)
        if chars is None or speaker is None or self._overlapping(chars) is not None:
            return None
        kind, a, b = kind_of(self.doc.text, chars[0], chars[1], self.regions.get(w[cue.i].paragraph, []))
        return Quote(kind, a, b, speaker, Span(w[cue.i].start, w[cue.j - 1].end))

    def document(self, cue: Cue) -> Quote | None:
        """وجاء في البيان: the statement's issuer said what follows."""
        w = self.words
        _, e = sentence_bounds(w, cue.i)
        speaker = self.att.recent(None, ("ORG", "GPE")) or self.att.recent(None)
        start = cue.j
        while start < e and not w[start].is_word and w[start].norm not in QUOTE_CHARS:
            start += 1
        chars = trim(w, start, clause_end(w, start, e, self.cues, self.lex))
        if chars is None or speaker is None:
            return None
        regions = self.regions.get(w[cue.i].paragraph, [])
        kind, a, b = kind_of(self.doc.text, chars[0], chars[1], regions)
        return Quote(kind, a, b, speaker, Span(w[cue.i].start, w[cue.j - 1].end), channel="statement")

    # -- helpers -------------------------------------------------------------
    def _overlapping(self, chars: tuple[int, int]) -> Quote | None:
        """The first quote taken that overlaps these characters."""
        hits = self.spans.overlapping(chars[0], chars[1])
        return hits[0][2] if hits else None

    def _inside_quote(self, pos: int) -> Quote | None:
        return self._overlapping((pos, pos + 1))

    def _duplicate(self, quote: Quote) -> bool:
        return (quote.start, quote.end) in self.taken


def _resumptive(w: list[Word], cue: Cue) -> bool:
    """The verb's object is a pronoun on a preposition (أعلن عنه): it refers back, nothing follows."""
    return cue.j < len(w) and w[cue.j].norm in RESUMPTIVE


def _implied(s: Speaker) -> Speaker:
    return Speaker(s.name, None, None, s.name_en, s.entity, s.type, s.via)


def _verb_form(norm: str, lex: QuoteLexicon):
    """The cue form of a verb, allowing an object pronoun (أعلنته، نقلته)."""
    for cut in (0, 1, 2):
        form = lex.forms.get(norm[:-cut] if cut else norm)
        if form is not None:
            return form
    return None


def _time_word(w: Word) -> bool:
    return w.norm in ("امس", "اليوم", "غدا", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد")


def extract_quotes(doc: Doc, words: list[Word], lex: QuoteLexicon) -> list[Quote]:
    """The quotes of a document, in text order."""
    return extract_attributed(doc, words, lex)[0]


def extract_attributed(doc: Doc, words: list[Word], lex: QuoteLexicon) -> tuple[list[Quote], Attributor]:
    """The quotes in text order, with the attributor that read their speakers (the ranker reads phrases with it)."""
    ex = Extractor(doc, words, lex)
    return sorted(ex.run(), key=lambda q: (q.start, q.end)), ex.att
