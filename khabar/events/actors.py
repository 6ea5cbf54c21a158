"""Actor words and their CAMEO-style codes: country + sector ("ISR MIL").

Codes come from named actors (dated, so a person's role holds on the event
date), country names and nationality adjectives, and sector nouns.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_yaml, read_lines
from ..text.normalize import normalize
from ..text.words import Word

SECTOR_CODE = {"type": "string", "pattern": "^[A-Z]{3}$"}
ACTORS_SCHEMA = {
    "type": "object", "required": ["sectors", "countries", "named", "ignore"],
    "properties": {
        "ignore": {"type": "array", "items": {"type": "string"}},
        "members": {"type": "array", "items": {"type": "string"}},
        "sectors": {"type": "object", "propertyNames": {"pattern": "^[A-Z]{3}$"},
                    "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "countries": {"type": "array", "items": {
            "type": "object", "required": ["code", "names", "adjective"],
            "properties": {"code": SECTOR_CODE, "names": {"type": "array", "items": {"type": "string"}},
                           "adjective": {"type": "array", "items": {"type": "string"}},
                           "people": {"type": "array", "items": {"type": "string", "pattern": "^ال"}}},
            "additionalProperties": False}},
        "named": {"type": "array", "items": {
            "type": "object", "required": ["names", "code"],
            "properties": {"names": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                           "code": {"type": "string", "pattern": "^[A-Z]{3}( [A-Z]{3})?$"},
                           "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}},
            "additionalProperties": False}},
    },
}
MAX_NAME_WORDS = 4
# Sectors that say the country of a co-occurring country word belongs to the actor.
COUNTRY_SECTORS = frozenset({"MIL", "COP", "GOV", "JUD", "OPP", "PTY", "REB", "CVL", "MED", "REL", "BUS", "EDU"})


@dataclass(frozen=True, slots=True)
class Named:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class ActorLexicon:
    """Lookup tables for actor words, all keyed by normalised text without ال."""

    sectors: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # name or adjective form -> ISO-3
    adjectives: set[str] = field(default_factory=set)
    peoples: dict[str, str] = field(default_factory=dict)  # الروس -> RUS: with the article, never stripped
    members: set[str] = field(default_factory=set)  # عناصر، أنصار: head a phrase, take the code of what follows
    named: dict[str, list[Named]] = field(default_factory=dict)  # hand-curated
    petrarch: dict[str, list[Named]] = field(default_factory=dict)  # bootstrapped, noisier

    def named_code(self, name: str, day: dt.date | None) -> str | None:
        """The code of a named actor on `day`: hand entries first, then PETRARCH's most specific one."""
        for n in self.named.get(name, []):
            if n.holds_on(day):
                return n.code
        # PETRARCH lists several codes for one name (جيش لبناني: JOR, LBN, LBN MIL): country + sector wins.
        held = [n for n in self.petrarch.get(name, []) if n.holds_on(day)]
        held.sort(key=lambda n: (" " not in n.code, n.start is None))
        return held[0].code if held else None

    def is_hand_named(self, name: str) -> bool:
        return name in self.named


def _strip_al(s: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split())


def _adjective_forms(stem: str) -> list[str]:
    """اسرائيلي -> اسرائيلي، اسرائيليه، اسرائيليين، اسرائيليون، اسرائيليان."""
    return [stem + s for s in ("", "ه", "ين", "ون", "ان", "تين")]


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s) if "-" in s else dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


def _load_petrarch(lex: ActorLexicon, ignore: set[str]) -> None:
    for line in read_lines("events/petrarch_actors.tsv"):
        name, code, start, end = (line.split("\t") + ["", "", ""])[:4]
        s, e = _date(start), _date(end)
        if s and e and e <= s:  # PETRARCH writes an open end as 18000101
            e = None
        key = _strip_al(name)
        # Generic PETRARCH entries (حكومة -> GOV) are the sector table's job.
        if key in ignore or " " not in code and key in lex.sectors:
            continue
        # Hand tables win: a country name or adjective keeps its own code.
        if key in lex.countries or key in lex.sectors and " " not in key:
            continue
        lex.petrarch.setdefault(key, []).append(Named(code, s, e))


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    """The shipped actor lexicon, loaded once."""
    data = load_yaml("events/actors.yaml", ACTORS_SCHEMA)
    lex = ActorLexicon()
    for sector, words in data["sectors"].items():
        for w in words:
            lex.sectors.setdefault(_strip_al(normalize(w)), sector)
    for c in data["countries"]:
        for name in c["names"]:
            lex.countries.setdefault(_strip_al(normalize(name)), c["code"])
        for adj in c["adjective"]:
            for form in _adjective_forms(_strip_al(normalize(adj))):
                lex.countries.setdefault(form, c["code"])
                lex.adjectives.add(form)
        for people in c.get("people", []):
            lex.peoples[normalize(people)] = c["code"]
    lex.members = {_strip_al(normalize(w)) for w in data.get("members", [])}
    for n in data["named"]:
        for name in n["names"]:
            lex.named.setdefault(_strip_al(normalize(name)), []).append(Named(n["code"], _date(n.get("from")),
                                                                             _date(n.get("to"))))
    _load_petrarch(lex, {_strip_al(normalize(w)) for w in data["ignore"]})
    return lex


@dataclass(frozen=True, slots=True)
class ActorWord:
    """What one word (or the name starting at it) says about an actor."""

    kind: str  # named | petrarch | country | adjective | sector | member
    length: int  # words covered (names may span several)
    country: str | None = None
    sector: str | None = None


def _keys(word: Word) -> tuple[str, ...]:
    """Lookup keys of a word: without clitics and ال, and without the accusative alif (جنديا -> جندي)."""
    keys = [_strip_al(b) for b in word.bases]
    keys += [k[:-1] for k in keys if len(k) > 3 and k.endswith("ا") and not k.endswith("يا")]
    keys += [k[:-1] for k in keys if len(k) > 4 and k.endswith("يا")]  # عراقيا -> عراقي
    return tuple(dict.fromkeys(keys))


def _name_at(lex: ActorLexicon, words: list[Word], i: int, day: dt.date | None) -> ActorWord | None:
    """The longest named actor starting at word i."""
    for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
        chunk = words[i:i + n]
        if any(w.kind != "word" for w in chunk):
            continue
        heads = _keys(chunk[0])
        rest = " ".join(_strip_al(w.norm) for w in chunk[1:])
        for h in heads:
            key = f"{h} {rest}".strip()
            code = lex.named_code(key, day)
            if code:
                kind = "named" if lex.is_hand_named(key) else "petrarch"
                parts = code.split()
                if len(parts) == 2:
                    return ActorWord(kind, n, parts[0], parts[1])
                sector = parts[0] in lex.sectors.values()
                return ActorWord(kind, n, None if sector else parts[0], parts[0] if sector else None)
    return None


def actor_word(lex: ActorLexicon, words: list[Word], i: int, day: dt.date | None) -> ActorWord | None:
    """What word i contributes to an actor phrase, or None when it is no actor word."""
    w = words[i]
    if w.kind != "word":
        return None
    # Two-word sector heads first (قوات الامن، رجال الشرطة), then names.
    if i + 1 < len(words):
        for h in _keys(w):
            pair = f"{h} {_strip_al(words[i + 1].norm)}"
            if pair in lex.sectors:
                return ActorWord("sector", 2, None, lex.sectors[pair])
    for n in (3, 2):  # multi-word country and city names: الولايات المتحدة، تل أبيب
        chunk = words[i:i + n]
        if len(chunk) == n and all(c.kind == "word" for c in chunk):
            rest = " ".join(_strip_al(c.norm) for c in chunk[1:])
            for h in _keys(w):
                if f"{h} {rest}" in lex.countries:
                    return ActorWord("country", n, lex.countries[f"{h} {rest}"])
    named = _name_at(lex, words, i, day)
    if named and (named.length > 1 or not any(k in lex.sectors for k in _keys(w))):
        return named
    people = next((lex.peoples[b] for b in w.bases if b in lex.peoples), None)
    if people:
        return ActorWord("adjective", 1, people)  # الروس: the nationals, like الأميركيين
    for k in _keys(w):
        if k in lex.countries:
            return ActorWord("adjective" if k in lex.adjectives else "country", 1, lex.countries[k])
        if k in lex.sectors:
            return ActorWord("sector", 1, None, lex.sectors[k])
    if named is None and any(k in lex.members for k in _keys(w)):
        return ActorWord("member", 1)
    return named


# Whose country wins inside one phrase: curated names, then country words, then PETRARCH's names.
COUNTRY_PRIORITY = {"named": 0, "country": 1, "adjective": 1, "sector": 2, "petrarch": 3}


def combine(parts: list[ActorWord]) -> str | None:
    """A CAMEO-style code from the actor words of one phrase: best country, first sector."""
    ranked = sorted((p for p in parts if p.country), key=lambda p: COUNTRY_PRIORITY.get(p.kind, 4))
    country = ranked[0].country if ranked else None
    sector = next((p.sector for p in parts if p.sector), None)
    if country and sector:
        return f"{country} {sector}"
    return country or sector
