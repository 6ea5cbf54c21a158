"""Reading CoNLL-style `token TAG [TAG...]` files: the NER training and evaluation sentences."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..entities.ner.sequences import split_long
from ..errors import InputError

_TAG = re.compile(r"^(?:O|[BI]-[A-Za-z_]+)$")
_INVISIBLE = "\u00a0\u200e\u200f\u200b\u200c\u200d\ufeff\u202a\u202b\u202c\u202d\u202e"


@dataclass(frozen=True)
class Item:
    token: str
    tag: str
    line: int


def read(path: str) -> list[list[Item]]:
    """Sentences of a `token TAG` file (blank line between sentences); the first tag column is used."""
    p = Path(path)
    if not p.is_file():
        raise InputError(path, "no such file")
    sentences: list[list[Item]] = [[]]
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text: {err.reason}") from None
    for n, line in enumerate(lines, 1):
        fields = [f for f in line.split() if f.strip(_INVISIBLE)]
        if not fields:
            if sentences[-1] and not line.strip(_INVISIBLE + " \t"):
                sentences.append([])
            continue
        if len(fields) == 1 and _TAG.match(fields[0]) and (line[:1].isspace() or len(line.split()) > 1):
            continue  # a token that is only invisible characters (ANERcorp has a few)
        if len(fields) < 2 or not _TAG.match(fields[1]):
            raise InputError(path, f"expected 'token TAG', got {line.strip()[:60]!r}", n)
        sentences[-1].append(Item(fields[0].strip(_INVISIBLE), fields[1], n))
    return [chunk for s in sentences if s for chunk in split_long(s)]
