"""`khabar kb build --wikidata` on a small dump that the test writes itself."""
from __future__ import annotations

import gzip
import json

from khabar.cli import main
from khabar.entities.kb.store import load_kb_entities


def _claim(prop, qid, qualifiers=None):
    c = {"mainsnak": {"property": prop, "datavalue": {"value": {"id": qid}}}}
    if qualifiers:
        c["qualifiers"] = {p: [{"datavalue": {"value": {"time": t, "precision": 11}}}] for p, t in qualifiers.items()}
    return c


def write_dump(path):
    items = [
        {"id": "Q999001", "labels": {"ar": {"value": "سمير المثال"}, "en": {"value": "Samir Example"}},
         "aliases": {"ar": [{"value": "المثال"}]},
         "claims": {"P31": [_claim("P31", "Q5")], "P27": [_claim("P27", "Q159")],
                    "P39": [_claim("P39", "Q4294919", {"P580": "+2012-05-22T00:00:00Z", "P582": "+2020-01-01T00:00:00Z"})]}},
        {"id": "Q999002", "labels": {"en": {"value": "No Arabic"}}, "claims": {"P31": [_claim("P31", "Q5")]}},
        {"id": "Q999003", "labels": {"ar": {"value": "مدينة المثال"}, "en": {"value": "Example City"}},
         "claims": {"P31": [_claim("P31", "Q515")], "P17": [_claim("P17", "Q159")]}},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]\n")


def test_build_from_dump(tmp_path):
    dump = tmp_path / "dump.json.gz"
    write_dump(dump)
    out = tmp_path / "kb"
    assert main(["kb", "build", "--wikidata", str(dump), "--out", str(out)]) == 0
    entities = load_kb_entities((out,))
    assert set(entities) == {"wd.q999001", "wd.q999003"}
    person = entities["wd.q999001"]
    assert person.type == "PER" and person.qid == "Q999001" and "المثال" in person.aliases
    (role,) = person.roles
    assert role.org == "Q4294919" and role.start.isoformat() == "2012-05-22" and role.end.year == 2020
    assert entities["wd.q999003"].type == "GPE"


def test_bad_dump_is_a_clean_error(tmp_path):
    dump = tmp_path / "bad.json"
    dump.write_text("[\n{not json\n]\n", encoding="utf-8")
    assert main(["kb", "build", "--wikidata", str(dump), "--out", str(tmp_path / "kb")]) == 1
