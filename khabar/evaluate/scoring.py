"""Scores of system output against khabar gold v1, by normalised text (never by offsets).

The measures are those of the shared evaluation (`score.py`): quotes (detection,
speaker accuracy, kind accuracy, end-to-end, recall by kind), time expressions
(detection, value accuracy, end-to-end) and entities (detection, type accuracy,
English-name linking). Matching pairs gold and system items one to one,
greedily, best score first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e]")
_PUNCT = re.compile(r"[«»\"“”'‘’()\[\]،,.:;؛!?؟…\-–—/#_]")
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_CLITIC = re.compile(r"^(?:و|ف|ب|ل|ك)(?=ال|\S{3,})")
KINDS = ("direct", "indirect", "mixed")


def norm(s: str | None) -> str:
    """Text folded for comparison: no marks or punctuation, unified letters, lower case."""
    s = _MARKS.sub("", unicodedata.normalize("NFKC", s or "")).translate(_LETTER_FOLD)
    return " ".join(_PUNCT.sub(" ", s).split()).lower()


def token_f1(gold: str, system: str) -> float:
    g, s = Counter(norm(gold).split()), Counter(norm(system).split())
    shared = sum((g & s).values())
    if shared == 0:
        return 0.0
    p, r = shared / sum(s.values()), shared / sum(g.values())
    return 2 * p * r / (p + r)


def bare(token: str) -> str:
    """A token without an attached conjunction, preposition or article (للأمم -> امم)."""
    if token.startswith("لل") and len(token) > 4:
        token = "ال" + token[2:]
    token = _CLITIC.sub("", token)
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


def bare_name(s: str) -> str:
    return " ".join(bare(t) for t in norm(s).split())


def name_forms(names: Sequence[str]) -> set[str]:
    return {bare_name(n) for n in names if norm(n)}


def english(s: str | None) -> str:
    """An English name folded for comparison: no parenthetical, accents, hyphens or case."""
    s = unicodedata.normalize("NFKD", re.sub(r"\(.*?\)", "", s or ""))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("-", " ").split())


def same_speaker(gold: dict[str, Any], speaker: dict[str, Any] | None) -> bool:
    """The English names agree, or one speaker's bare name tokens contain the other's."""
    speaker = speaker or {}
    name, name_en = speaker.get("name") or "", speaker.get("name_en") or ""
    if gold.get("speaker_en") and name_en and english(gold["speaker_en"]) == english(name_en):
        return True
    g, s = set(bare_name(gold["speaker"]).split()), set(bare_name(name).split())
    return bool(s) and (s <= g or g <= s)


def pair_up(n_gold: int, n_sys: int, score: Callable[[int, int], float], floor: float) -> list[tuple[int, int]]:
    """One-to-one (gold, system) index pairs, greedily by descending score, at or above `floor`."""
    ranked = sorted(((score(i, j), i, j) for i in range(n_gold) for j in range(n_sys)), reverse=True)
    taken_g, taken_s, pairs = set(), set(), []
    for value, i, j in ranked:
        if value < floor:
            break
        if i not in taken_g and j not in taken_s:
            taken_g.add(i)
            taken_s.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Counts:
    c: Counter = field(default_factory=Counter)

    def prf(self, hit: str, found: str, gold: str) -> dict[str, float]:
        p = self.c[hit] / self.c[found] if self.c[found] else 0.0
        r = self.c[hit] / self.c[gold] if self.c[gold] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

    def ratio(self, a: str, b: str) -> float:
        return round(self.c[a] / self.c[b], 4) if self.c[b] else 0.0


def _score_quotes(gold: list, system: list, t: Counts) -> None:
    pairs = pair_up(len(gold), len(system), lambda i, j: token_f1(gold[i]["text"], system[j].get("text", "")), 0.5)
    t.c["q_gold"] += len(gold)
    t.c["q_sys"] += len(system)
    t.c["q_match"] += len(pairs)
    t.c["q_spk"] += sum(same_speaker(gold[i], system[j].get("speaker")) for i, j in pairs)
    t.c["q_kind"] += sum(gold[i]["kind"] == system[j].get("kind") for i, j in pairs)
    for kind in KINDS:
        t.c[f"q_gold_{kind}"] += sum(q["kind"] == kind for q in gold)
        t.c[f"q_match_{kind}"] += sum(gold[i]["kind"] == kind for i, _ in pairs)


def _score_timexes(gold: list, system: list, t: Counts) -> None:
    pairs = pair_up(len(gold), len(system), lambda i, j: token_f1(gold[i]["text"], system[j].get("text", "")), 0.5)
    t.c["t_gold"] += len(gold)
    t.c["t_sys"] += len(system)
    t.c["t_match"] += len(pairs)
    t.c["t_value"] += sum(str(gold[i]["value"]) == str(system[j].get("value")) for i, j in pairs)


def _score_entities(gold: list, system: list, t: Counts) -> None:
    gforms = [name_forms([e["name"], *e.get("aliases", [])]) for e in gold]
    sforms = [name_forms([e.get("name", ""), *[m.get("text", "") for m in e.get("mentions", [])]]) for e in system]
    pairs = pair_up(len(gold), len(system), lambda i, j: len(gforms[i] & sforms[j]), 1)
    t.c["e_gold"] += len(gold)
    t.c["e_sys"] += len(system)
    t.c["e_match"] += len(pairs)
    t.c["e_type"] += sum(gold[i]["type"] == system[j].get("type") for i, j in pairs)
    t.c["e_link"] += sum(english(gold[i]["name_en"]) == english(system[j].get("name_en")) for i, j in pairs)


def score_article(gold: dict[str, Any], system: dict[str, Any], t: Counts) -> None:
    _score_quotes(gold.get("quotes", []), system.get("quotes", []), t)
    _score_timexes(gold.get("timexes", []), system.get("timexes", []), t)
    _score_entities(gold.get("entities", []), system.get("entities", []), t)


def score(golds: list[dict[str, Any]], systems: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The report for gold records against system records keyed by id (a missing id is an empty answer)."""
    t = Counts()
    for g in golds:
        score_article(g, systems.get(g["id"], {}), t)
    return {
        "articles": len(golds),
        "quotes": {"gold": t.c["q_gold"], "found": t.prf("q_match", "q_sys", "q_gold"),
                   "speaker_accuracy": t.ratio("q_spk", "q_match"), "kind_accuracy": t.ratio("q_kind", "q_match"),
                   "end_to_end": t.prf("q_spk", "q_sys", "q_gold"),
                   "recall_by_kind": {k: t.ratio(f"q_match_{k}", f"q_gold_{k}") for k in KINDS}},
        "timexes": {"gold": t.c["t_gold"], "found": t.prf("t_match", "t_sys", "t_gold"),
                    "value_accuracy": t.ratio("t_value", "t_match"), "end_to_end": t.prf("t_value", "t_sys", "t_gold")},
        "entities": {"gold": t.c["e_gold"], "found": t.prf("e_match", "e_sys", "e_gold"),
                     "type_accuracy": t.ratio("e_type", "e_match"), "link_accuracy": t.ratio("e_link", "e_match"),
                     "linked_end_to_end": t.prf("e_link", "e_sys", "e_gold")},
    }
