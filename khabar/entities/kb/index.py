"""The alias index of the knowledge base: exact and skeleton keys, fuzzy look-up, role holders."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from ...text.names import name_tokens, skeleton
from .schema import KBEntity, Role
from .store import KB_DIR, load_kb_entities, role_holders

# Skeleton keys stand in for spelling variants only where a name is long enough to be distinctive.
MIN_SKELETON_CHARS = 5


class KnowledgeBase:
    """Entities by id and by alias key; built once per set of KB folders."""

    def __init__(self, entities: dict[str, KBEntity]):
        self.entities = entities
        self.exact: dict[tuple[str, ...], list[str]] = {}
        self.skeletal: dict[tuple[str, ...], list[str]] = {}
        self.by_public_id = {e.public_id: e for e in entities.values()}
        self.holders = role_holders(entities)
        for e in entities.values():
            for alias in e.aliases:
                self._index(alias, e)
        self.max_len = max(len(k) for k in self.exact)
        self._keys = [" ".join(k) for k in self.exact]
        # The longest key from each first word: most words start no alias, and need no look-up at all.
        self._longest_exact = _longest_by_first(self.exact)
        self._longest_skeletal = _longest_by_first(self.skeletal)

    def longest_from(self, first: str) -> int:
        """The most words an exact or skeleton alias key starting with this word has (0: none starts so)."""
        return max(self._longest_exact.get(first, 0), self._longest_skeletal.get(skeleton(first), 0))

    def _index(self, alias: str, e: KBEntity) -> None:
        key = name_tokens(alias)
        if not key:
            return
        _add(self.exact, key, e.id)
        skel = tuple(skeleton(t) for t in key)
        if sum(map(len, skel)) >= MIN_SKELETON_CHARS - 1 and sum(map(len, key)) >= MIN_SKELETON_CHARS:
            _add(self.skeletal, skel, e.id)

    def lookup(self, key: tuple[str, ...]) -> list[KBEntity]:
        """Entities with this exact alias key."""
        return [self.entities[i] for i in self.exact.get(key, ())]

    def lookup_skeleton(self, key: tuple[str, ...]) -> list[KBEntity]:
        """Entities whose alias has the same consonant skeleton as `key`."""
        return [self.entities[i] for i in self.skeletal.get(tuple(skeleton(t) for t in key), ())]

    def fuzzy(self, text: str, limit: int = 5, cutoff: float = 88.0) -> list[tuple[KBEntity, float]]:
        """Entities whose alias is close to `text` by rapidfuzz ratio, best first."""
        out: dict[str, tuple[KBEntity, float]] = {}
        for key, score, _ in process.extract(text, self._keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff):
            for e in self.lookup(tuple(key.split())):
                if e.id not in out or out[e.id][1] < score:
                    out[e.id] = (e, score / 100.0)
        return sorted(out.values(), key=lambda p: -p[1])

    def holder(self, role: str, org: str, day: dt.date | None) -> tuple[KBEntity, Role] | None:
        """Who held `role` in `org` on `day` (the one whose term started last, if several)."""
        valid = [(e, r) for e, r in self.holders.get((role, org), ()) if r.valid_on(day)]
        if not valid:
            return None
        return max(valid, key=lambda p: p[1].start or dt.date.min)

    def country_entity(self, code: str) -> KBEntity | None:
        """The GPE entity of a country code (ISO alpha-3)."""
        return self.entities.get(f"country.{code.lower()}")


def _longest_by_first(index: dict[tuple[str, ...], list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in index:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


def _add(index: dict, key: tuple[str, ...], entity_id: str) -> None:
    ids = index.setdefault(key, [])
    if entity_id not in ids:
        ids.append(entity_id)


@lru_cache(maxsize=4)
def knowledge_base(dirs: tuple[Path, ...] = (KB_DIR,)) -> KnowledgeBase:
    """The knowledge base of these folders, loaded and indexed once."""
    return KnowledgeBase(load_kb_entities(dirs))
