"""Build khabar/data/ner/kb_names.tsv.gz: the knowledge base's aliases as NER gazetteer entries (output is committed).

Source: khabar/data/kb/*.tsv (curated and generated entities, see their own descriptions).
Output lines: `normalised alias<TAB>TAG`, TAG one of KB_PER KB_ORG KB_GPE KB_LOC.
Aliases of one letter or a bare digit run are skipped: they would fire on ordinary tokens. So are the
one-word aliases the entity layer lists as words first (entities/alias-rules.yaml: needs_context,
needs_ner, never; e.g. الأقصر "the shortest", not Luxor): as a feature they pushed the model to tag them.
usage: python scripts/build_ner_kb_names.py
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.entities.kb.store import load_kb_entities  # noqa: E402
from khabar.entities.lexicons import alias_rules, needs_ner  # noqa: E402
from khabar.text.names import name_tokens  # noqa: E402
from khabar.text.normalize import normalize  # noqa: E402

OUT = ROOT / "khabar" / "data" / "ner" / "kb_names.tsv.gz"
TYPES = {"PER", "ORG", "GPE", "LOC"}


def words_first() -> frozenset[str]:
    """One-word aliases that are ordinary words first, in name_tokens spelling."""
    context, never = alias_rules()
    return context | never | needs_ner()


def rows() -> set[tuple[str, str]]:
    out = set()
    skip = words_first()
    for e in load_kb_entities().values():
        if e.type not in TYPES:
            continue
        for alias in e.aliases:
            form = " ".join(normalize(alias).split())
            if len(form) > 1 and not form.isdigit() and " ".join(name_tokens(alias)) not in skip:
                out.add((form, "KB_" + e.type))
    return out


def main(argv: list[str]) -> int:
    found = rows()
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(b"# normalised alias<TAB>tag; built by scripts/build_ner_kb_names.py from khabar/data/kb\n")
        for form, tag in sorted(found):
            raw.write(f"{form}\t{tag}\n".encode("utf-8"))
    print(f"wrote {len(found)} entries to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
