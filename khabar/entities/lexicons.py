"""Language resources of the entity layer: role descriptions and alias rules (nationalities: resources/)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml
from ..text.names import name_tokens

ROLES_SCHEMA = {
    "type": "object", "required": ["titles", "fixed"],
    "properties": {
        "titles": {"type": "array", "items": {"type": "object", "required": ["role", "ar"]}},
        "fixed": {"type": "array", "items": {"type": "object", "required": ["role", "org", "ar"]}},
    },
}
ALIAS_RULES_SCHEMA = {
    "type": "object", "required": ["needs_context", "never"],
    "properties": {"needs_context": {"type": "array", "items": {"type": "string"}},
                   "never": {"type": "array", "items": {"type": "string"}},
                   "needs_ner": {"type": "array", "items": {"type": "string"}}},
}
@dataclass(frozen=True)
class RolePhrase:
    role: str
    org: str | None  # None: the org comes from a following nationality adjective
    tokens: tuple[str, ...]


@lru_cache(maxsize=1)
def role_phrases() -> list[RolePhrase]:
    """Every role phrase, longest first, so that a fixed phrase wins over its title."""
    data = load_yaml("entities/roles.yaml", ROLES_SCHEMA)
    out = [RolePhrase(t["role"], None, name_tokens(a)) for t in data["titles"] for a in t["ar"]]
    out += [RolePhrase(f["role"], f["org"], name_tokens(a)) for f in data["fixed"] for a in f["ar"]]
    return sorted(out, key=lambda p: -len(p.tokens))


@lru_cache(maxsize=1)
def alias_rules() -> tuple[frozenset[str], frozenset[str]]:
    """(aliases matched only next to a linked entity of the same country, aliases never matched)."""
    data = load_yaml("entities/alias-rules.yaml", ALIAS_RULES_SCHEMA)
    key = lambda a: " ".join(name_tokens(a))  # noqa: E731
    return frozenset(map(key, data["needs_context"])), frozenset(map(key, data["never"]))


@lru_cache(maxsize=1)
def needs_ner() -> frozenset[str]:
    """One-word aliases that are words first: matched only where the NER layer also sees a name."""
    data = load_yaml("entities/alias-rules.yaml", ALIAS_RULES_SCHEMA)
    return frozenset(" ".join(name_tokens(a)) for a in data.get("needs_ner", []))
