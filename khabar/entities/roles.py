"""Role descriptions in the text (الرئيس الروسي، المتحدث باسم الكرملين) and who held them on a date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..doc import Doc, Span
from ..resources.nationalities import nationality_at
from ..text.clitics import name_variants
from ..text.words import Word, word_layer
from .kb import KBEntity, KnowledgeBase
from .lexicons import RolePhrase, role_phrases


@dataclass(frozen=True)
class RoleMention:
    """A role phrase in the text: where it is, the role and the organisation or country it belongs to."""

    span: Span
    role: str
    org: str
    end_word: int  # index of the word after the phrase


@lru_cache(maxsize=1)
def _phrases_by_first_token() -> dict[str, list[tuple[int, RolePhrase]]]:
    """Role phrases indexed by their first token, each with its rank in role_phrases() (longest first)."""
    index: dict[str, list[tuple[int, RolePhrase]]] = {}
    for rank, phrase in enumerate(role_phrases()):
        index.setdefault(phrase.tokens[0], []).append((rank, phrase))
    return index


def role_at(ws: Sequence[Word], i: int) -> tuple[str, str, int] | None:
    """(role, org, words used) of a role phrase starting at word i, clitics allowed on its first word."""
    index = _phrases_by_first_token()
    candidates = sorted({hit for _, form in name_variants(ws[i].norm) for hit in index.get(form, ())},
                        key=lambda hit: hit[0])
    for _, phrase in candidates:
        n = len(phrase.tokens)
        if tuple(w.norm for w in ws[i + 1:i + n]) != phrase.tokens[1:]:
            continue
        if phrase.org:
            return phrase.role, phrase.org, n
        nat = nationality_at(ws, i + n)
        if nat:
            return phrase.role, nat[0], n + nat[1]
    return None


def role_mentions(doc: Doc, ws: Sequence[Word] | None = None) -> list[RoleMention]:
    """Every role description with a known organisation, left to right."""
    ws = ws if ws is not None else word_layer(doc).names
    out, i = [], 0
    while i < len(ws):
        hit = role_at(ws, i)
        if hit is None:
            i += 1
            continue
        role, org, n = hit
        prefix = next((p for p, f in name_variants(ws[i].norm) if f == _first_token(role, org, ws, i)), 0)
        out.append(RoleMention(doc.normalized.to_original(ws[i].nstart + prefix, ws[i + n - 1].nend), role, org, i + n))
        i += n
    return out


def _first_token(role: str, org: str, ws: Sequence[Word], i: int) -> str:
    for phrase in role_phrases():
        if phrase.role == role and (phrase.org in (None, org)) and \
                any(f == phrase.tokens[0] for _, f in name_variants(ws[i].norm)):
            return phrase.tokens[0]
    return ws[i].norm


def holder(kb: KnowledgeBase, role: str, org: str, day: dt.date | None) -> KBEntity | None:
    """The KB entity that held the role on `day`, if the KB knows."""
    found = kb.holder(role, org, day)
    return found[0] if found else None
