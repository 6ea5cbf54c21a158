"""KB schema and integrity: every shipped file loads, ids are unique and well formed, roles are sane."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from khabar.entities.kb import KB_DIR, KBError, knowledge_base
from khabar.entities.kb.schema import ENTITY_COLUMNS, QID_RE, entity_from_row
from khabar.entities.kb.store import kb_files, load_entities, read_table


def test_kb_loads_and_is_large():
    kb = knowledge_base()
    counts = Counter(e.type for e in kb.entities.values())
    assert len(kb.entities) >= 3000 and all(counts[t] > 100 for t in ("PER", "ORG", "GPE"))


def test_no_duplicate_ids_or_qids_across_files():
    entity_files, _ = kb_files((KB_DIR,))
    ids, qids = Counter(), Counter()
    for path in entity_files:
        for _, row in read_table(path, ENTITY_COLUMNS).rows:
            ids[row["id"]] += 1
            if row["qid"]:
                qids[row["qid"]] += 1
    assert [i for i, n in ids.items() if n > 1] == []
    assert [q for q, n in qids.items() if n > 1] == []


def test_every_qid_well_formed_and_every_entity_sourced():
    for e in knowledge_base().entities.values():
        assert e.qid is None or QID_RE.match(e.qid)
        assert e.source and e.name_en and e.aliases


def test_roles_have_ordered_dates():
    for e in knowledge_base().entities.values():
        for r in e.roles:
            assert r.start is None or r.end is None or r.start <= r.end


def test_one_holder_per_head_of_state_and_day():
    """No two people hold the same head-of-state office on the same day (catches wrong dates)."""
    kb = knowledge_base()
    import datetime as dt
    for (role, org), holders in kb.holders.items():
        if role != "head_of_state":
            continue
        for day in (dt.date(2012, 1, 1), dt.date(2018, 6, 1), dt.date(2026, 3, 1)):
            assert len([1 for _, r in holders if r.valid_on(day)]) <= 1, (org, day)


@pytest.mark.parametrize("field,value", [("qid", "Q0"), ("qid", "q7747"), ("qid", "Q77x"), ("id", "Bad Id"),
                                         ("type", "MISC"), ("country", "RU")])
def test_malformed_rows_are_refused(field, value):
    row = {"id": "x", "type": "PER", "qid": "Q1", "name_en": "X", "country": "RUS", "aliases": "س", "source": "t"}
    row[field] = value
    with pytest.raises(KBError):
        entity_from_row(row, "test")


def test_duplicate_id_is_refused(tmp_path):
    text = "# version: 1\n# description: t\n" + "x\tPER\t\tX\t\tس\tt\n" * 2
    (tmp_path / "a.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match="duplicate id"):
        load_entities([tmp_path / "a.tsv"])


def test_duplicate_qid_is_refused(tmp_path):
    text = "# version: 1\n# description: t\nx\tPER\tQ5\tX\t\tس\tt\ny\tPER\tQ5\tY\t\tص\tt\n"
    (tmp_path / "a.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match="Q5"):
        load_entities([tmp_path / "a.tsv"])


def test_file_without_version_is_refused(tmp_path):
    (tmp_path / "a.tsv").write_text("x\tPER\t\tX\t\tس\tt\n", encoding="utf-8")
    with pytest.raises(KBError, match="version"):
        load_entities([tmp_path / "a.tsv"])
