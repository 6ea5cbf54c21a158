"""Issue 18: one long article cost more than linear in its length.

Finding a sentence's tokens (events), the word a span starts in and the word after a span (entities) each
scanned every token or word of the article once per sentence or span, and the quotes' name merge compared
every pair of people. These tests count the list elements visited on the seed article and on the seed
article twice over: doubling the text must roughly double the work (it quadrupled before), and the
results must stay those of the plain scans. No clocks: the counts are deterministic.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from dataclasses import replace

from khabar.entities.stage import nationality_after, word_index
from khabar.events.words import sentence_words
from khabar.doc import Article, Span
from khabar.pipeline import Options, Pipeline
from khabar.quotes.resolve import Person, _merge
from khabar.resources.nationalities import nationality_at

from .helpers import seed_body


class Counted(list):
    """A list that counts the elements read from it, by index or by iteration."""

    def __init__(self, items):
        super().__init__(items)
        self.visits = 0

    def __getitem__(self, k):
        got = super().__getitem__(k)
        self.visits += len(got) if isinstance(k, slice) else 1
        return got

    def __iter__(self):
        for x in super().__iter__():
            self.visits += 1
            yield x


def _doc(copies: int):
    text = "\n\n".join([seed_body()] * copies)
    pipeline = Pipeline.build(Options(stages=("sentences.v1", "tokens.v1")))
    return pipeline.run(Article(id="long", text=text, date=dt.date(2018, 1, 1)))


def _sentence_work(copies: int) -> tuple[int, int, list]:
    doc = _doc(copies)
    layer = doc.get("words")
    tokens = Counted(layer.tokens)
    sentences = doc.get("sentences")
    found = [[(w.start, w.end) for w in sentence_words(doc, s, replace(layer, tokens=tokens))] for s in sentences]
    # the plain scan's answer
    plain = [[(t.start, t.end) for t in list.__iter__(tokens) if s.start <= t.start and t.end <= s.end]
             for s in sentences]
    assert found == plain
    return tokens.visits, len(sentences), found


def test_sentence_tokens_work_grows_linearly():
    one, n1, _ = _sentence_work(1)
    two, n2, _ = _sentence_work(2)
    assert n2 >= 2 * n1 > 2
    assert two <= 2.5 * one, (one, two)


def _plain_nationality_after(ws, doc, span):
    end = doc.normalized.from_original(span.start, span.end)[1]
    for i, w in enumerate(ws):
        if w.nstart >= end:
            hit = nationality_at(ws, i) if w.nstart - end <= 1 else None
            return hit[0] if hit else None
    return None


def _entity_work(copies: int) -> int:
    doc = _doc(copies)
    layer = doc.get("words")
    plain_ws, starts = layer.names, layer.name_starts
    ws = Counted(plain_ws)
    spans = [Span(t.start, t.end) for t in doc.get("tokens") if t.kind == "word"]
    for span in spans:
        start = doc.normalized.from_original(span.start, span.end)[0]
        assert word_index(doc, starts, span) == max(0, bisect_right([w.nstart for w in plain_ws], start) - 1)
        assert nationality_after(ws, starts, doc, span) == _plain_nationality_after(plain_ws, doc, span)
    return ws.visits


def test_span_word_lookups_grow_linearly():
    one, two = _entity_work(1), _entity_work(2)
    assert two <= 2.5 * one, (one, two)


def test_name_merge_same_as_every_pair():
    names = [("صالحي",), ("علي", "أكبر", "صالحي"), ("أكبر", "صالحي"), ("ظريف",), ("جواد", "ظريف"),
             ("بوتين",), (), ("علي",)]

    def people():
        return [Person(Span(i, i + 1), keys, [(f"لقب{i}",)]) for i, keys in enumerate(names)]

    plain = people()
    for p in plain:
        for q in plain:
            if q is not p and set(p.keys) < set(q.keys):
                q.titles.extend(p.titles)
    assert [p.titles for p in _merge(people())] == [p.titles for p in plain]


# The peak is read from VmHWM, this process image's own high-water mark: ru_maxrss carries over the
# parent's peak across fork and exec, so under a long pytest run it reported pytest's size, not ours.
PEAK_PROBE = """
import resource, sys
from khabar.cli import main
code = main(["extract", sys.argv[1], "-o", sys.argv[2]])
try:
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, file=open(sys.argv[3], "w"))
sys.exit(code)
"""


# Issue 18 asks for 1 GB. Measured on 2026-12-07: 1,057-1,134 MiB peak while the NER held every
# sentence's feature strings; 653 MiB since it scores word types in numpy (entities/ner/scores.py).
PEAK_LIMIT_KIB = 1024 * 1024


def test_regression_one_megabyte_article_within_bounded_memory(tmp_path):
    # Issue 18: 200k characters once took 101 s and 2.1 GB. A 1 MB article (the seed article's body
    # repeated, paragraphs kept) runs the whole default pipeline in one process under PEAK_LIMIT_KIB.
    import json
    import subprocess
    import sys

    body = seed_body()
    copies = 1_000_000 // (len(body) + 2) + 1
    text = "\n\n".join([body] * copies)
    src, out, peak = tmp_path / "big.jsonl", tmp_path / "out.jsonl", tmp_path / "peak.txt"
    src.write_text(json.dumps({"id": "big", "date": "2018-01-01", "text": text}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", PEAK_PROBE, str(src), str(out), str(peak)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["text"]) >= 1_000_000 and len(record["quotes"]) >= copies  # the seed has 12 quotes
    peak_kib = int(peak.read_text())  # KiB
    assert peak_kib < PEAK_LIMIT_KIB, f"peak resident memory {peak_kib // 1024} MiB"


def _stage_calls(copies: int, stage: str) -> int:
    """Python function calls (a deterministic measure of work) the stage makes on the seed repeated."""
    import sys

    pipeline = Pipeline.build()
    doc = pipeline.prepare(Article(id="long", text="\n\n".join([seed_body()] * copies), date=dt.date(2018, 1, 1)))
    for spec, fn in pipeline.steps():
        if spec.id.split(".")[0] == stage:
            calls = [0]

            def count(frame, event, arg):
                calls[0] += event == "call"

            sys.setprofile(count)
            try:
                fn(doc)
            finally:
                sys.setprofile(None)
            return calls[0]
        fn(doc)
    raise AssertionError(f"no {stage} stage")


def test_regression_entities_and_quotes_work_grows_linearly():
    # Issue 18: a 1 MB article took 471 s. Merging NER names into KB matches, joining name parts to their
    # owners, the ranker's entity candidates, the title holder and the quote overlap checks each read
    # every entity, person or quote once per mention or cue. Four times the text must cost about four
    # times the calls (it cost 7.9x in the entities stage and 4.8x in quotes before).
    _stage_calls(1, "events")  # every resource loaded first: loading is not work that grows with the text
    for stage in ("entities", "quotes"):
        two, eight = _stage_calls(2, stage), _stage_calls(8, stage)
        assert eight <= 4.5 * two, (stage, two, eight)
