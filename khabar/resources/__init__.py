"""Loaders and schema checks for the language resources in `khabar/data/`.

Resources are data, not code: each YAML file carries a `version` and is
checked against a JSON Schema when it is loaded.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..errors import ResourceError

DATA_ROOT = Path(str(importlib_resources.files("khabar") / "data"))

# Entries kept by each per-word-type cache (clitic parts, name variants, NER word features). News
# repeats its words, so the most recent 50k types serve almost every look-up; at about 3.5 KB a type
# across the caches, 200k entries let a long-running worker grow past 1 GB (issue 18).
WORD_CACHE = 50_000

# Every YAML resource has at least these keys.
BASE_SCHEMA = {
    "type": "object",
    "required": ["version", "description"],
    "properties": {"version": {"type": "integer", "minimum": 1}, "description": {"type": "string"}},
}


def data_path(name: str) -> Path:
    path = DATA_ROOT / name
    if not path.exists():
        raise ResourceError(f"resource {name} is missing from {DATA_ROOT}")
    return path


def check(name: str, data: Any, schema: dict | None = None) -> None:
    """Raise ResourceError unless `data` fits the base schema and `schema`."""
    for s in (BASE_SCHEMA, schema or {}):
        try:
            jsonschema.validate(data, s)
        except jsonschema.ValidationError as err:
            path = "/".join(str(p) for p in err.absolute_path) or "(top)"
            raise ResourceError(f"resource {name}: {path}: {err.message}") from None


@lru_cache(maxsize=None)
def _load_yaml_cached(name: str, schema_json: str) -> Any:
    path = data_path(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ResourceError(f"resource {name}: not valid YAML: {err}") from None
    check(name, data, json.loads(schema_json) if schema_json else None)
    return data


def load_yaml(name: str, schema: dict | None = None) -> Any:
    """A YAML resource, schema-checked and cached."""
    return _load_yaml_cached(name, json.dumps(schema, sort_keys=True) if schema else "")


def read_lines(name: str) -> list[str]:
    """The non-comment lines of a text resource (gzip when the name ends in .gz)."""
    path = data_path(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
