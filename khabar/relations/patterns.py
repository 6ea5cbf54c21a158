"""Relation patterns over words and entity mentions: apposition, prefix, possessive and title.

The cue tables are data (khabar/data/relations/cues.yaml, loaded in resources/relation_cues.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..resources.nationalities import nationality_at
from ..resources.relation_cues import Cue, cues, titles
from ..text.clitics import name_variants

# Title and adjective words that may stand between a cue and the entity it points to (موفد الرئيس الروسي بوتين).
MAX_GAP_WORDS = 3
POSSESSIVE = ("ه", "ها")


@lru_cache(maxsize=4)
def _by_first_token(table: tuple[Cue, ...]) -> dict[str, list[Cue]]:
    """Cues indexed by their first token (and that token with a possessive pronoun), longest first."""
    index: dict[str, list[Cue]] = {}
    for cue in table:
        index.setdefault(cue.tokens[0], []).append(cue)
        if len(cue.tokens) == 1:
            for p in POSSESSIVE:
                index.setdefault(cue.tokens[0] + p, []).append(cue)
    return index


def cue_at(ws: Sequence, i: int, table: list[Cue]) -> tuple[Cue, int, bool] | None:
    """(cue, words used, possessive) of a cue starting at word i; a clitic on the first word is allowed."""
    index = _by_first_token(tuple(table))
    candidates = [(form, cue) for _, form in name_variants(ws[i].norm) for cue in index.get(form, ())]
    for cue in sorted({c for _, c in candidates}, key=table.index):
        n = len(cue.tokens)
        if i + n > len(ws) or tuple(w.norm for w in ws[i + 1:i + n]) != cue.tokens[1:]:
            continue
        forms = [form for form, c in candidates if c is cue]
        if cue.tokens[0] in forms:
            return cue, n, False
        if n == 1:
            return cue, n, True
    return None


def title_country(ws: Sequence, i: int) -> tuple[Cue, str, int] | None:
    """(title cue, country code, words used) of `وزير الخارجية الإيراني` at word i."""
    table = titles()
    index = _by_first_token(tuple(table))
    found = {cue for _, form in name_variants(ws[i].norm) for cue in index.get(form, ()) if form == cue.tokens[0]}
    for cue in sorted(found, key=table.index):
        n = len(cue.tokens)
        if tuple(w.norm for w in ws[i + 1:i + n]) == cue.tokens[1:]:
            nat = nationality_at(ws, i + n)
            if nat:
                return cue, nat[0], n + nat[1]
    return None
