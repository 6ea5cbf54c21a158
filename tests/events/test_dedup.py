"""Cross-article clustering of v1 event records."""
from __future__ import annotations

import datetime as dt

from khabar.record import to_record
from khabar.events.dedup import cluster_events

# Two wire copies of one report (ant:AL-internationalNews-1075-20180508 and -1076-20180508), and another event.
COPY_A = "رحبت إسرائيل، الثلاثاء، بقرار الرئيس الأميركي دونالد ترمب الانسحاب من الاتفاق النووي مع إيران."
COPY_B = "ورحبت إسرائيل، الثلاثاء، بقرار الرئيس الأميركي دونالد ترمب الانسحاب من الاتفاق النووي مع إيران."
OTHER = "هددت إسرائيل اليوم الاثنين، بشار #الأسد بالقتل إذا سمح للإيرانيين بالعمل ضدها من الأراضي السورية."


def _record(pipeline, text, article_id, day):
    from khabar.doc import Article

    doc = pipeline.run(Article(article_id, text, date=day))
    return to_record(doc, pipeline.provenance)


def test_wire_copies_cluster_and_keep_all_evidence(pipeline):
    day = dt.date(2018, 5, 8)
    records = [_record(pipeline, COPY_A, "ant:AL-internationalNews-1075-20180508", day),
               _record(pipeline, COPY_B, "ant:AL-internationalNews-1076-20180508", day),
               _record(pipeline, OTHER, "ant:AL-internationalNews-1047-20180507", day)]
    clusters = cluster_events(records)
    support = [c for c in clusters if c.type == "SUPPORT"]
    assert len(support) == 1
    assert support[0].articles == ["ant:AL-internationalNews-1075-20180508", "ant:AL-internationalNews-1076-20180508"]
    assert all(m["evidence"]["text"] for m in support[0].mentions)
    assert [c for c in clusters if c.type == "THREATEN"][0].articles == ["ant:AL-internationalNews-1047-20180507"]


def test_different_dates_do_not_cluster(pipeline):
    records = [_record(pipeline, COPY_A, "a", dt.date(2018, 5, 8)), _record(pipeline, COPY_B, "b", dt.date(2018, 5, 9))]
    assert len([c for c in cluster_events(records) if c.type == "SUPPORT"]) == 2


def test_cluster_command(pipeline, tmp_path, capsys):
    import json

    from khabar.cli import main

    day = dt.date(2018, 5, 8)
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(_record(pipeline, t, i, day), ensure_ascii=False) + "\n"
                            for t, i in ((COPY_A, "a"), (COPY_B, "b"))), encoding="utf-8")
    assert main(["events", "cluster", str(path)]) == 0
    clusters = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["articles"] for c in clusters if c["type"] == "SUPPORT"] == [["a", "b"]]
