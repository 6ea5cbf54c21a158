"""The trigger lexicon: hand-curated and PETRARCH-derived entries, expanded to surface forms.

Entries name a lemma; the conjugations and clitic forms a verb takes in news
text are generated here, so the data files stay short and reviewable.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml
from ..text.normalize import normalize
from .errors import EventLexiconError

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني")
PERFECT_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "وا", "ين", "ن")

# Objects in PETRARCH patterns that are function words, not nouns.
FUNCTION_WORDS = frozenset(normalize(w) for w in (
    "ضد", "نحو", "مع", "على", "إلى", "الى", "من", "عن", "في", "بين", "حول", "عبر", "لدى", "تجاه", "هذا", "ذلك"))

_ENTRY = {
    "type": "object",
    "required": ["type", "cameo"],
    "properties": {
        "lemma": {"type": "string"}, "imperfect": {"type": "string"},
        "forms": {"type": "array", "items": {"type": "string"}},
        "type": {"enum": list(PLOVER_TYPES)}, "cameo": {"type": "string", "pattern": "^[0-9]{2,4}$"},
        "with": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "context": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "window": {"type": "integer", "minimum": -3, "maximum": 6},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "passive": {"type": "boolean"},
        "exclude": {"type": "array", "items": {"type": "string"}},
        "unless": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
TRIGGERS_SCHEMA = {
    "type": "object", "required": ["verbs", "nouns", "drop"],
    "properties": {"verbs": {"type": "array", "items": {**_ENTRY, "required": ["lemma", "type", "cameo"]}},
                   "nouns": {"type": "array", "items": {**_ENTRY, "required": ["forms", "type", "cameo"]}},
                   "drop": {"type": "array", "items": {"type": "string"}}},
}
PETRARCH_SCHEMA = {
    "type": "object", "required": ["verbs"],
    "properties": {"verbs": {"type": "array", "items": {
        "type": "object", "required": ["lemma", "cameo"],
        "properties": {"lemma": {"type": "string"}, "with": {"type": "string"},
                       "cameo": {"type": "string", "pattern": "^[0-9]{2,4}$"}},
        "additionalProperties": False}}},
}
CAMEO_SCHEMA = {
    "type": "object", "required": ["map"],
    "properties": {"map": {"type": "object", "propertyNames": {"pattern": "^[0-9]{2,4}$"},
                           "additionalProperties": {"enum": list(PLOVER_TYPES)}}},
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger: a word (or head word plus companions) that signals a PLOVER event."""

    key: str  # the lemma or first noun form, for messages and tests
    type: str
    cameo: str
    pos: str  # verb | noun
    with_: tuple[str, ...] = ()
    window: int = 3
    context: tuple[str, ...] = ()
    confidence: float = 0.7
    passive: bool = False
    origin: str = "hand"  # hand | petrarch
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form of an entry; `future` when it carries the prefix س."""

    entry: Entry
    future: bool = False


def _n(words) -> tuple[str, ...]:
    return tuple(normalize(w) for w in words)


@lru_cache(maxsize=1)
def cameo_map() -> dict[str, str]:
    """CAMEO code prefix -> PLOVER type."""
    return dict(load_yaml("events/cameo_plover.yaml", CAMEO_SCHEMA)["map"])


def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code: its longest mapped prefix, None for statements (01)."""
    table = cameo_map()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def _with_pronouns(form: str, bare_stem: bool = False) -> list[str]:
    stem = form[:-1] if form.endswith("وا") else form  # قتلوا + ه -> قتلوه
    # Lemma + ه is spelt like a noun in ة once normalised (طلبه = طلبة, وزاره = وزارة): leave it out.
    return [form] + [stem + p for p in OBJECT_PRONOUNS if not (bare_stem and p == "ه")]


def verb_forms(lemma: str, imperfect: str | None = None) -> dict[str, bool]:
    """Surface forms of a verb (normalised) -> whether the form is future (س+imperfect)."""
    imp = imperfect or (lemma[1:] if lemma.startswith("ا") and len(lemma) > 3 else lemma)
    out: dict[str, bool] = {}
    for suf in PERFECT_SUFFIXES:
        for f in _with_pronouns(lemma + suf, bare_stem=not suf):
            out.setdefault(f, False)
    for pre in IMPERFECT_PREFIXES:
        for suf in IMPERFECT_SUFFIXES:
            for f in _with_pronouns(pre + imp + suf):
                out.setdefault(f, False)
                if pre != "ا":
                    out["س" + f] = True
    return out


def noun_forms(form: str) -> list[str]:
    """Surface forms of a noun: with ال, the accusative alif, and possessive pronouns."""
    out = [form, "ال" + form]
    if not form.endswith(("ه", "ا", "ي", "ات", "ين", "ان")) and not form.startswith("ال"):
        out.append(form + "ا")
    stem = form[:-1] + "ت" if form.endswith("ه") else form
    out += [stem + p for p in ("ه", "ها", "هم", "هما")]
    return out


class TriggerLexicon:
    """Normalised surface form -> the entries it may realise."""

    def __init__(self) -> None:
        self.index: dict[str, list[Form]] = {}
        self.entries: list[Entry] = []

    def add(self, entry: Entry, forms: dict[str, bool]) -> None:
        self.entries.append(entry)
        for form, future in forms.items():
            if len(form) >= 2:
                self.index.setdefault(form, []).append(Form(entry, future))

    def lookup(self, form: str) -> list[Form]:
        return self.index.get(form, [])


def _entry(raw: dict, pos: str, origin: str, default_conf: float) -> Entry:
    return Entry(key=normalize(raw.get("lemma") or raw["forms"][0]), type=raw["type"], cameo=raw["cameo"], pos=pos,
                 with_=_n(raw.get("with", ())), window=raw.get("window", 3), context=_n(raw.get("context", ())),
                 confidence=raw.get("confidence", default_conf), passive=raw.get("passive", False), origin=origin,
                 unless=_n(raw.get("unless", ())))


def _hand_entries(lex: TriggerLexicon, data: dict) -> None:
    for raw in data["verbs"]:
        e = _entry(raw, "verb", "hand", 0.7)
        # Irregular verbs (hollow, defective, doubled) list their forms and no imperfect: nothing is generated.
        irregular = raw.get("forms") and not raw.get("imperfect")
        forms = {} if irregular else verb_forms(e.key, normalize(raw["imperfect"]) if raw.get("imperfect") else None)
        forms.update({f: f.startswith("س") and not e.key.startswith("س") for f in _n(raw.get("forms", ()))})
        for f in _n(raw.get("exclude", ())):
            forms.pop(f, None)
        lex.add(e, forms)
    for raw in data["nouns"]:
        e = _entry(raw, "noun", "hand", 0.6)
        lex.add(e, {f: False for base in _n(raw["forms"]) for f in noun_forms(base)})


def _petrarch_entries(lex: TriggerLexicon, data: dict, drop: set[str], hand_lemmas: set[str]) -> None:
    """PETRARCH verbs not dropped and not already curated; only types PLOVER codes."""
    for raw in data["verbs"]:
        lemma = raw["lemma"]
        plover = plover_type(raw["cameo"])
        if plover is None or lemma in drop or lemma in hand_lemmas or " " in lemma:
            continue
        if "with" not in raw:
            continue  # single lemmas there are glosses of English verbs; too noisy alone (see drop)
        if len(raw["with"]) < 3 or raw["with"] in FUNCTION_WORDS:
            continue  # a pattern whose object is a preposition (طلق ضد) says nothing about the event
        e = Entry(key=lemma, type=plover, cameo=raw["cameo"], pos="verb", with_=(raw["with"], "ال" + raw["with"]),
                  window=3, confidence=0.4, origin="petrarch")
        lex.add(e, verb_forms(lemma))


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    """The shipped trigger lexicon, loaded once."""
    hand = load_yaml("events/triggers.yaml", TRIGGERS_SCHEMA)
    lex = TriggerLexicon()
    _hand_entries(lex, hand)
    for e in lex.entries:
        if plover_type(e.cameo) is None:
            raise EventLexiconError(f"events/triggers.yaml: {e.key}: CAMEO {e.cameo} maps to no PLOVER type")
    hand_lemmas = {e.key for e in lex.entries if e.pos == "verb"}
    _petrarch_entries(lex, load_yaml("events/petrarch_verbs.yaml", PETRARCH_SCHEMA), set(_n(hand["drop"])),
                      hand_lemmas)
    return lex
