"""Reading the unlabelled news corpora that the NER model's clusters and encoder are trained on."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..entities.ner.features import norm_table
from ..errors import InputError

# Arabic letter runs, Latin runs, digit runs, single punctuation marks: the corpus's word units.
WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+|[A-Za-z]+|[0-9]+|[^\w\s]")


# Corpora whose licence forbids training a shipped model on them (CC BY-NC-SA: SaudiNewsNet).
NON_COMMERCIAL = ("saudinewsnet",)


class NonCommercialCorpusError(InputError):
    """A training corpus whose licence forbids shipping a model trained on it."""


def check_licence(path: str | Path) -> None:
    """Refuse a corpus that may only be used for evaluation and benchmarks."""
    name = Path(path).name.lower()
    if any(tag in name for tag in NON_COMMERCIAL):
        raise NonCommercialCorpusError(str(path), "non-commercial corpus (CC BY-NC-SA): for evaluation "
                                       "and benchmarks only, never for training a shipped model")


def corpus_texts(paths: Iterable[str | Path]) -> Iterator[str]:
    """Title and text of every article of the JSON-lines files, in khabar's normalised spelling."""
    table = norm_table()
    paths = list(paths)
    for path in paths:
        check_licence(path)
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield ((rec.get("title") or "") + "\n" + (rec.get("text") or "")).translate(table)
