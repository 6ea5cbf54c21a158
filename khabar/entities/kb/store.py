"""Loading the knowledge base from its versioned TSV files, with integrity checks."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import DATA_ROOT
from .schema import ENTITY_COLUMNS, ROLE_COLUMNS, KBEntity, KBError, Role, entity_from_row, role_from_row

KB_DIR = DATA_ROOT / "kb"


@dataclass(frozen=True)
class TableFile:
    """One TSV file: its header fields and its rows as dicts."""

    path: Path
    version: int
    description: str
    rows: list[tuple[int, dict[str, str]]]


def read_table(path: Path, columns: tuple[str, ...]) -> TableFile:
    """A TSV file with `# version:` and `# description:` header lines and fixed columns."""
    header: dict[str, str] = {}
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                header.setdefault(key.strip(), value.strip())
                continue
            cells = line.split("\t")
            if len(cells) != len(columns):
                raise KBError(f"{path.name}:{n}: {len(cells)} columns, expected {len(columns)} ({', '.join(columns)})")
            rows.append((n, dict(zip(columns, (c.strip() for c in cells)))))
    if not header.get("version", "").isdigit() or not header.get("description"):
        raise KBError(f"{path.name}: the header needs '# version: N' and '# description: ...'")
    return TableFile(path, int(header["version"]), header["description"], rows)


def is_role_file(path: Path) -> bool:
    return path.name.startswith("roles")


def load_entities(paths: list[Path]) -> dict[str, KBEntity]:
    """Every entity of the entity files, refusing duplicate ids and duplicate Wikidata ids."""
    entities: dict[str, KBEntity] = {}
    qids: dict[str, str] = {}
    for path in paths:
        for n, row in read_table(path, ENTITY_COLUMNS).rows:
            where = f"{path.name}:{n}"
            e = entity_from_row(row, where)
            if e.id in entities:
                raise KBError(f"{where}: duplicate id {e.id!r}")
            if e.qid and e.qid in qids:
                raise KBError(f"{where}: Wikidata id {e.qid} already belongs to {qids[e.qid]!r}")
            entities[e.id] = e
            if e.qid:
                qids[e.qid] = e.id
    return entities


def attach_roles(entities: dict[str, KBEntity], paths: list[Path]) -> None:
    """Add the roles of the role files to their entities; a role of an unknown entity is an error."""
    for path in paths:
        for n, row in read_table(path, ROLE_COLUMNS).rows:
            where = f"{path.name}:{n}"
            entity_id, role = role_from_row(row, where)
            if entity_id not in entities:
                raise KBError(f"{where}: role of unknown entity {entity_id!r}")
            entities[entity_id].roles.append(role)


def kb_files(dirs: tuple[Path, ...]) -> tuple[list[Path], list[Path]]:
    """(entity files, role files) of the KB folders, in a stable order."""
    files = sorted(p for d in dirs for p in Path(d).glob("*.tsv"))
    return [p for p in files if not is_role_file(p)], [p for p in files if is_role_file(p)]


@lru_cache(maxsize=4)
def load_kb_entities(dirs: tuple[Path, ...] = (KB_DIR,)) -> dict[str, KBEntity]:
    """The KB entities with their roles, loaded and checked once per set of folders."""
    entity_files, role_files = kb_files(dirs)
    if not entity_files:
        raise KBError(f"no KB files in {', '.join(map(str, dirs))}")
    entities = load_entities(entity_files)
    attach_roles(entities, role_files)
    return entities


def role_holders(entities: dict[str, KBEntity]) -> dict[tuple[str, str], list[tuple[KBEntity, Role]]]:
    """(role, org) -> the entities that held it, with the role record."""
    out: dict[tuple[str, str], list[tuple[KBEntity, Role]]] = {}
    for e in entities.values():
        for r in e.roles:
            out.setdefault((r.role, r.org), []).append((e, r))
    return out


__all__ = ["KBEntity", "Role", "load_kb_entities", "role_holders", "KB_DIR", "read_table"]
