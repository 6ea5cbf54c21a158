"""Building the knowledge base from a Wikidata dump: wikidata.tsv and roles-wikidata.tsv (`khabar kb build`)."""
from __future__ import annotations

from pathlib import Path

from ...text.names import name_key
from .schema import ENTITY_COLUMNS, ROLE_COLUMNS, KBError, entity_from_row
from .store import load_kb_entities
from .wikidata import WikidataItem, entities, open_dump, parse_item


def country_codes(kb_dir: Path) -> dict[str, str]:
    """Wikidata id -> ISO alpha-3 of the countries the KB already knows."""
    try:
        known = load_kb_entities((kb_dir,)) if any(kb_dir.glob("*.tsv")) else {}
    except KBError:
        known = {}
    return {e.qid: e.country for e in known.values() if e.qid and e.country and e.id.startswith("country.")}


def known_qids(kb_dir: Path) -> set[str]:
    """Wikidata ids already in the folder's other KB files (those entries are kept as they are)."""
    try:
        files = [p for p in kb_dir.glob("*.tsv") if not p.name.startswith(("roles", "wikidata"))]
        return {e.qid for e in load_kb_entities((kb_dir,)).values() if e.qid} if files else set()
    except KBError:
        return set()


def item_rows(item: WikidataItem, countries: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    """(entity row, role rows) of one Wikidata item."""
    local_id = f"wd.{item.qid.lower()}"
    aliases = "|".join(a.replace("|", " ").replace("\t", " ") for a in item.aliases if name_key(a))
    row = [local_id, item.type, item.qid, item.name_en, countries.get(item.country_qid or "", ""), aliases,
           "wikidata"]
    entity_from_row(dict(zip(ENTITY_COLUMNS, row)), item.qid)  # the same checks as loading
    roles = [[local_id, f"position:{pid}", pid, start, end, "wikidata:P39"] for pid, start, end in item.positions]
    return row, roles


def build(dump: Path, out: Path) -> tuple[int, int]:
    """Stream the dump into out/wikidata.tsv and out/roles-wikidata.tsv; returns (entities, roles)."""
    out.mkdir(parents=True, exist_ok=True)
    countries, skip = country_codes(out), known_qids(out)
    n_entities = n_roles = 0
    with open_dump(dump) as fh, open(out / "wikidata.tsv", "w", encoding="utf-8") as ent, \
            open(out / "roles-wikidata.tsv", "w", encoding="utf-8") as rol:
        ent.write(f"# version: 1\n# description: Entities read from the Wikidata dump {dump.name}\n")
        rol.write(f"# version: 1\n# description: P39 positions read from the Wikidata dump {dump.name}\n")
        for raw in entities(fh, str(dump)):
            item = parse_item(raw)
            if item is None or item.qid in skip:
                continue
            row, roles = item_rows(item, countries)
            if not row[5]:
                continue
            ent.write("\t".join(row) + "\n")
            rol.writelines("\t".join(r) + "\n" for r in roles)
            n_entities, n_roles = n_entities + 1, n_roles + len(roles)
    return n_entities, n_roles
