"""Streaming a Wikidata JSON dump into KB rows: Arabic labels and aliases, types, positions, country."""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from ...errors import InputError

# P31 classes that decide the KB type; anything else is left out.
TYPE_OF_CLASS = {
    "Q5": "PER",
    "Q6256": "GPE", "Q3624078": "GPE", "Q515": "GPE", "Q1549591": "GPE", "Q5119": "GPE", "Q10864048": "GPE",
    "Q43229": "ORG", "Q4830453": "ORG", "Q7278": "ORG", "Q327333": "ORG", "Q484652": "ORG", "Q17149090": "ORG",
    "Q1193236": "ORG", "Q11032": "ORG", "Q1002697": "ORG",
    "Q82794": "LOC", "Q165": "LOC", "Q8502": "LOC", "Q4022": "LOC", "Q23397": "LOC",
}


@dataclass
class WikidataItem:
    qid: str
    type: str
    name_en: str
    aliases: list[str]
    country_qid: str | None
    positions: list[tuple[str, str, str]]  # (position QID, start, end)


def open_dump(path: Path) -> IO[str]:
    """The dump as text, gzip or not."""
    try:
        return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")
    except OSError as err:
        raise InputError(str(path), f"cannot be read: {err.strerror or err}") from None


def entities(fh: IO[str], source: str) -> Iterator[dict]:
    """Each entity of a dump: one JSON object per line, inside the dump's [ ... ] with trailing commas."""
    for n, line in enumerate(fh, 1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(source, f"not a Wikidata entity: {err.msg}", n) from None


def _claims(entity: dict, prop: str) -> list[dict]:
    return entity.get("claims", {}).get(prop, [])


def _item_id(claim: dict) -> str | None:
    value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _time(claim: dict, prop: str) -> str:
    """A qualifier date as YYYY-MM-DD (or YYYY-MM, YYYY at lower precision); '' when absent."""
    for q in claim.get("qualifiers", {}).get(prop, []):
        value = q.get("datavalue", {}).get("value", {})
        time, precision = value.get("time", ""), value.get("precision", 11)
        if time.startswith("+"):
            day = time[1:11]
            return day if precision >= 11 else day[:7] if precision == 10 else day[:4]
    return ""


def parse_item(entity: dict) -> WikidataItem | None:
    """The KB facts of one entity, or None when it has no Arabic name or no type the KB keeps."""
    labels, aliases = entity.get("labels", {}), entity.get("aliases", {})
    arabic = [labels["ar"]["value"]] if "ar" in labels else []
    arabic += [a["value"] for a in aliases.get("ar", [])]
    types = [TYPE_OF_CLASS[c] for c in map(_item_id, _claims(entity, "P31")) if c in TYPE_OF_CLASS]
    name_en = labels.get("en", {}).get("value")
    if not arabic or not types or not name_en:
        return None
    country = next(filter(None, map(_item_id, _claims(entity, "P17"))), None) or \
        next(filter(None, map(_item_id, _claims(entity, "P27"))), None)
    positions = [(pid, _time(c, "P580"), _time(c, "P582")) for c in _claims(entity, "P39") if (pid := _item_id(c))]
    return WikidataItem(entity["id"], types[0], name_en, list(dict.fromkeys(arabic)), country, positions)
