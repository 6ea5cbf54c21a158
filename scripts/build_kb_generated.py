#!/usr/bin/env python3
"""Expand the institution patterns over the nationality adjectives into generated-institutions.tsv.

Every country with a nationality adjective gets its government, ministries, armed
forces and other national bodies (وزارة الخارجية الروسية -> Ministry of Foreign
Affairs (Russia)). Names a curated KB file already has are skipped, so curated
entries (United States Department of State) win.

usage: scripts/build_kb_generated.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.entities.kb.schema import ENTITY_COLUMNS  # noqa: E402
from khabar.entities.kb.store import read_table  # noqa: E402
from khabar.text.names import name_key  # noqa: E402

KB = ROOT / "khabar" / "data" / "kb"
DATA = ROOT / "khabar" / "data" / "entities"


def taken_aliases() -> set[str]:
    keys = set()
    for path in KB.glob("*.tsv"):
        if path.name.startswith(("roles", "generated-")):
            continue
        for _, row in read_table(path, ENTITY_COLUMNS).rows:
            keys.update(name_key(a) for a in row["aliases"].split("|"))
    return keys


def country_names() -> dict[str, str]:
    return {row["country"]: row["name_en"] for _, row in read_table(KB / "cldr-countries.tsv", ENTITY_COLUMNS).rows
            if row["country"]}


def adjective_forms(adjective: str) -> tuple[str, str]:
    """(masculine with ال, feminine with ال) of a masculine adjective, word by word."""
    words = adjective.split()
    return " ".join("ال" + w for w in words), " ".join("ال" + w + "ة" for w in words)


def main() -> int:
    patterns = yaml.safe_load((DATA / "institution-patterns.yaml").read_text(encoding="utf-8"))["patterns"]
    adjectives = yaml.safe_load((DATA / "nationalities.yaml").read_text(encoding="utf-8"))["adjectives"]
    names, taken = country_names(), taken_aliases()
    rows = []
    for code, forms in sorted(adjectives.items()):
        if code not in names:
            continue
        for p in patterns:
            aliases = []
            for adjective in forms:
                adj_m, adj_f = adjective_forms(adjective)
                aliases += [a.format(adj_m=adj_m, adj_f=adj_f) for a in p["ar"]]
            aliases = [a for a in dict.fromkeys(aliases) if name_key(a) not in taken]
            if aliases:
                rows.append([f"gen.{p['key']}.{code.lower()}", "ORG", "", p["en"].format(country=names[code]), code,
                             "|".join(aliases), "generated:institution-patterns"])
    out = KB / "generated-institutions.tsv"
    header = ["# version: 1", "# description: National institutions generated from institution-patterns.yaml and nationalities.yaml",
              "# columns: " + " ".join(ENTITY_COLUMNS)]
    out.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(rows)} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
