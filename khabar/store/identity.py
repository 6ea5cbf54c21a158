"""Cross-article identity: which store entity an article's entity is."""
from __future__ import annotations

from ..text.normalize import normalize


def name_key(name: str) -> str:
    """A name folded for lookup: normalised letters, single spaces."""
    return " ".join(normalize(name).split())


def entity_key(entity: dict) -> str:
    """The store-wide id: the KB id when linked, the NIL id when the linker gave one,
    else type plus normalised name (article-local ids such as e1 mean nothing across articles)."""
    if entity.get("kb_id"):
        return f"kb:{entity['kb_id']}"
    local = str(entity.get("id") or "")
    if local.upper().startswith("NIL"):
        return local
    return f"nil:{entity.get('type', 'MISC')}:{name_key(entity.get('name') or local)}"
