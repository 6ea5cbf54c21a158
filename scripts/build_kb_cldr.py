#!/usr/bin/env python3
"""Build khabar/data/kb/cldr-countries.tsv and cldr-cities.tsv from CLDR (via babel) and curated facts.

Countries: the CLDR Arabic and English territory names, with the ISO alpha-3 code,
Wikidata id, Wikipedia-style English name and extra spellings from
khabar/data/kb/sources/countries-curated.tsv. Cities: the CLDR time-zone exemplar
cities (Arabic and English), skipping any name a curated KB file already has.
CLDR data is under the Unicode licence.

usage: scripts/build_kb_cldr.py
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import babel
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "khabar" / "data" / "kb"
sys.path.insert(0, str(ROOT))

from khabar.entities.kb.store import read_table  # noqa: E402
from khabar.entities.kb.schema import ENTITY_COLUMNS  # noqa: E402
from khabar.text.names import name_key  # noqa: E402

CURATED_COLUMNS = ("iso2", "iso3", "qid", "name_en", "extra_aliases")
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ"}


def slug(text: str) -> str:
    """An id fragment from an English name."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def curated_aliases() -> set[str]:
    """Alias keys and ids already in the hand-curated entity files (they win over CLDR)."""
    keys = set()
    for path in KB.glob("*.tsv"):
        if path.name.startswith(("cldr-", "roles", "generated-", "wikidata")):
            continue
        for _, row in read_table(path, ENTITY_COLUMNS).rows:
            keys.update(name_key(a) for a in row["aliases"].split("|"))
            keys.add(row["id"])
    return keys


def write(path: Path, description: str, rows: list[list[str]]) -> None:
    lines = ["# version: 1", f"# description: {description}", "# columns: " + " ".join(ENTITY_COLUMNS)]
    lines += ["\t".join(r) for r in sorted(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(rows)} entities")


def country_rows(ar: babel.Locale, en: babel.Locale) -> tuple[list[list[str]], dict[str, str], set[str]]:
    curated = {r["iso2"]: r for _, r in read_table(KB / "sources" / "countries-curated.tsv", CURATED_COLUMNS).rows}
    rows, iso3, names = [], {}, set()
    for code, ar_name in sorted(ar.territories.items()):
        if len(code) != 2 or not code.isalpha() or code in SKIP_TERRITORIES:
            continue
        c = curated.get(code)
        aliases = [ar_name] + (c["extra_aliases"].split("|") if c else [])
        aliases = list(dict.fromkeys(a for a in aliases if a))
        names.update(name_key(a) for a in aliases)
        if c:
            iso3[code] = c["iso3"]
            rows.append([f"country.{c['iso3'].lower()}", "GPE", c["qid"], c["name_en"], c["iso3"],
                         "|".join(aliases), "CLDR;curated"])
        else:
            rows.append([f"territory.{code.lower()}", "GPE", "", en.territories[code], "", "|".join(aliases), "CLDR"])
    return rows, iso3, names


def city_rows(ar: babel.Locale, en: babel.Locale, iso3: dict[str, str], taken: set[str]) -> list[list[str]]:
    zone_country = get_global("zone_territories")
    rows, seen = [], set()
    for zone, data in sorted(ar.time_zones.items()):
        ar_city = data.get("city")
        if not ar_city or zone.startswith(("Etc/", "Antarctica/")):
            continue
        en_city = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        key = name_key(ar_city)
        if key in taken or key in seen or f"city.{slug(en_city)}" in taken:
            continue
        seen.add(key)
        country = iso3.get(zone_country.get(zone, ""), "")
        rows.append([f"city.{slug(en_city)}", "GPE", "", en_city, country, ar_city, "CLDR"])
    return rows


def main() -> int:
    ar, en = babel.Locale("ar"), babel.Locale("en")
    taken = curated_aliases()
    countries, iso3, names = country_rows(ar, en)
    write(KB / "cldr-countries.tsv", "Countries and territories: CLDR names (Unicode licence) with curated codes and Wikidata ids", countries)
    cities = city_rows(ar, en, iso3, taken | names)
    write(KB / "cldr-cities.tsv", "Cities: CLDR time-zone exemplar cities (Unicode licence)", cities)
    return 0


if __name__ == "__main__":
    sys.exit(main())
