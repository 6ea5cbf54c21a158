"""The quote lexicons: reporting cues, source words and channel words, loaded from YAML.

Verb entries are lemmas; their inflected forms are generated here so the data
stays one line per verb. Every form is kept in normalised spelling, the way
the detector sees tokens.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..resources import load_yaml
from ..text.normalize import normalize
from .words import PhraseIndex, covered, index_phrases

_FORM = {"oneOf": [{"type": "string", "minLength": 2},
                   {"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 3},
                   {"type": "null"}]}
CUES_SCHEMA = {
    "type": "object",
    "required": ["verbs", "clause_breaks", "negators", "impersonal", "auxiliaries", "complementizers",
                 "source_phrases", "self_phrases", "document_phrases", "relative_what", "cue_tails"],
    "properties": {
        "verbs": {"type": "array", "items": {
            "type": "object", "required": ["past", "present", "participle", "frame"],
            "additionalProperties": False,
            "properties": {"past": _FORM, "present": _FORM, "participle": _FORM,
                           "masdar": {"type": "array", "items": {"type": "string"}},
                           "frame": {"enum": ["clause", "object"]},
                           "continuation": {"type": "boolean"},
                           "preposition": {"type": "string", "minLength": 2}}}},
        **{k: {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}
           for k in ("negators", "impersonal", "auxiliaries", "complementizers", "source_phrases",
                     "self_phrases", "document_phrases", "clause_breaks", "relative_what", "cue_tails")},
    },
}
SOURCE_LISTS = ("titles", "unnamed", "org_heads", "orgs", "outlets", "modifiers", "adjunct_starts",
                "not_names", "name_starts", "quantifiers")
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 2}, "uniqueItems": True}
SOURCES_SCHEMA = {
    "type": "object",
    "required": list(SOURCE_LISTS),
    "properties": {k: _WORDS for k in SOURCE_LISTS},
}
CHANNELS_SCHEMA = {
    "type": "object",
    "required": ["channels"],
    "properties": {"channels": {"type": "object", "additionalProperties": _WORDS}},
}

GENDERS = ("m", "f", "pl")
CONJUNCTIONS = ("و", "ف")


@dataclass(frozen=True)
class CueForm:
    """One written form of a reporting verb, with what it tells about its subject."""

    lemma: str
    pos: str  # past | present | participle | masdar
    gender: str | None  # m | f | pl | None (unknown)
    frame: str  # clause | object
    continuation: bool
    conj: bool  # written with an attached و/ف
    preposition: str | None = None  # after it a noun phrase is the content (مشيرا إلى ...)


@dataclass(frozen=True, eq=False)  # hashed by identity: one compiled lexicon per process
class QuoteLexicon:
    forms: dict[str, CueForm]
    negators: frozenset[str]
    relative_what: frozenset[str]
    cue_tails: frozenset[str]
    impersonal: frozenset[str]
    auxiliaries: frozenset[str]
    complementizers: dict[tuple[str, ...], int]  # words -> how many of them end the cue side
    source_phrases: tuple[tuple[str, ...], ...]
    self_phrases: tuple[tuple[str, ...], ...]
    document_phrases: tuple[tuple[str, ...], ...]
    clause_breaks: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    unnamed: frozenset[str]
    org_heads: frozenset[str]
    orgs: tuple[tuple[str, ...], ...]
    outlets: frozenset[str]
    modifiers: frozenset[str]
    adjunct_starts: tuple[tuple[str, ...], ...]
    not_names: frozenset[str]
    name_starts: frozenset[str]
    quantifiers: frozenset[str]
    channels: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    # lookups by first word, built once, so that matching at a word tries only the phrases that can match
    adjunct_index: PhraseIndex
    complementizer_index: PhraseIndex
    break_index: PhraseIndex
    org_index: PhraseIndex
    single_orgs: frozenset[str]
    cue_phrase_index: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # word -> (kind, phrase), by priority
    channel_index: dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]  # word -> (rank, label, phrase)


def _n(word: str) -> str:
    return normalize(word).strip()


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_n(text).split())


def _inflect(form, pos: str) -> list[tuple[str, str]]:
    """(form, gender) for masculine, feminine and plural of one part of speech."""
    if form is None:
        return []
    if isinstance(form, list):
        return [(f, g) for f, g in zip(form, GENDERS) if f]
    if pos == "past":
        return [(form, "m"), (form + "ت", "f"), (form + "وا", "pl")]
    if pos == "present":
        fem = "ت" + form[1:] if form.startswith("ي") else form
        return [(form, "m"), (fem, "f"), (form + "ون", "pl"), (fem + "ان", "pl")]
    # participle: accusative (the adverbial use, مضيفا), feminine, plural, and the bare stem
    return [(form + "ا", "m"), (form, "m"), (form + "ة", "f"), (form + "ين", "pl"), (form + "تين", "pl")]


def _verb_forms(entry: dict) -> dict[str, CueForm]:
    """All written forms of one verb entry, with and without و/ف."""
    lemma = _n(entry["past"][0] if isinstance(entry["past"], list) else entry["past"])
    out: dict[str, CueForm] = {}
    prep = _n(entry["preposition"]) if entry.get("preposition") else None
    for pos in ("past", "present", "participle"):
        for form, gender in _inflect(entry.get(pos), pos):
            _add(out, _n(form), CueForm(lemma, pos, gender, entry["frame"], entry.get("continuation", False), False,
                                        prep))
            if entry["frame"] == "object" and pos == "past" and gender != "pl":
                # واعتبره: an object pronoun on a verb that takes one
                for pron in ("ه", "ها"):
                    _add(out, _n(form) + pron, CueForm(lemma, pos, gender, entry["frame"], False, False, prep))
    for m in entry.get("masdar", []):
        _add(out, _n(m), CueForm(lemma, "masdar", None, entry["frame"], False, False, prep))
    return out


def _add(out: dict[str, CueForm], form: str, cue: CueForm) -> None:
    out.setdefault(form, cue)
    for c in CONJUNCTIONS:
        out.setdefault(c + form, replace(cue, conj=True))


@lru_cache(maxsize=1)
def quote_lexicon() -> QuoteLexicon:
    """The lexicons under khabar/data/quotes/, checked and compiled."""
    cues = load_yaml("quotes/cues.yaml", CUES_SCHEMA)
    src = load_yaml("quotes/sources.yaml", SOURCES_SCHEMA)
    chans = load_yaml("quotes/channels.yaml", CHANNELS_SCHEMA)
    forms: dict[str, CueForm] = {}
    for entry in cues["verbs"]:
        for form, cue in _verb_forms(entry).items():
            forms.setdefault(form, cue)
    comps = {_phrase(c): len(_phrase(c)) for c in cues["complementizers"]}
    source_phrases = tuple(sorted({_phrase(p) for p in cues["source_phrases"]}, key=lambda p: (-covered(p), p)))
    self_phrases = tuple(_phrase(p) for p in cues["self_phrases"])
    document_phrases = tuple(_phrase(p) for p in cues["document_phrases"])
    orgs = tuple(sorted({_phrase(o) for o in src["orgs"]}, key=len, reverse=True))
    adjuncts = tuple(sorted({_phrase(p) for p in src["adjunct_starts"]}, key=len, reverse=True))
    clause_breaks = tuple(_phrase(p) for p in cues["clause_breaks"])
    channels = tuple((label, tuple(_phrase(w) for w in words)) for label, words in chans["channels"].items())
    return QuoteLexicon(
        forms=forms,
        negators=frozenset(map(_n, cues["negators"])),
        relative_what=frozenset(map(_n, cues["relative_what"])),
        cue_tails=frozenset(map(_n, cues["cue_tails"])),
        impersonal=frozenset(map(_n, cues["impersonal"])),
        auxiliaries=frozenset(map(_n, cues["auxiliaries"])),
        complementizers=comps,
        source_phrases=source_phrases,
        self_phrases=self_phrases,
        document_phrases=document_phrases,
        clause_breaks=clause_breaks,
        titles=frozenset(map(_n, src["titles"])),
        unnamed=frozenset(map(_n, src["unnamed"])),
        org_heads=frozenset(map(_n, src["org_heads"])),
        orgs=orgs,
        outlets=frozenset(map(_n, src["outlets"])),
        modifiers=frozenset(map(_n, src["modifiers"])),
        adjunct_starts=adjuncts,
        not_names=frozenset(map(_n, src["not_names"])),
        name_starts=frozenset(map(_n, src["name_starts"])),
        quantifiers=frozenset(map(_n, src["quantifiers"])),
        channels=channels,
        adjunct_index=index_phrases(adjuncts),
        complementizer_index=index_phrases(comps),
        break_index=index_phrases(clause_breaks),
        org_index=index_phrases(orgs),
        single_orgs=frozenset(o[0] for o in orgs if len(o) == 1),
        cue_phrase_index=_cue_phrase_index((("document", document_phrases), ("self", self_phrases),
                                            ("source", source_phrases))),
        channel_index=_channel_index(channels),
    )


def _cue_phrase_index(groups) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Cue phrases by first word, keeping the order in which kinds and phrases are tried."""
    out: dict[str, list] = {}
    for kind, phrases in groups:
        for p in phrases:
            out.setdefault(p[0], []).append((kind, p))
    return {k: tuple(v) for k, v in out.items()}


def _channel_index(channels) -> dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]:
    """Channel phrases by first word, with the rank of their label (earlier labels win)."""
    out: dict[str, list] = {}
    for rank, (label, phrases) in enumerate(channels):
        for p in phrases:
            out.setdefault(p[0], []).append((rank, label, p))
    return {k: tuple(v) for k, v in out.items()}
