"""atheris harness for extract: any bytes, in any input format, through the readers, the pipeline and the record.

    .venv/bin/python fuzz/fuzz_extract.py -runs=20000 fuzz/corpus      # coverage-guided (atheris)
    .venv/bin/python fuzz/fuzz_extract.py --plain 2000                   # no atheris: seeded random bytes

A finding is any exception other than InputError (bad input is expected and reported in one line):
a StageError is a stage that crashed; a span whose text is not `text[start:end]` is an AssertionError.
"""
from __future__ import annotations

import io
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KINDS = ("sniff", "text", "jsonl", "html", "feed", "warc")
SEEDS = [  # starting points that reach every reader (ant:AL-culture-11-20180216 snippet)
    "أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما.".encode(),
    b'{"id": "a", "date": "2018-02-16", "text": "\\u0642\\u0627\\u0644 \\u0623\\u0645\\u0633"}\n',
    "<html><body><p>موسكو ١١ آذار ٢٠٢٦ قال الرئيس «نعم»</p></body></html>".encode(),
    "<rss><channel><item><title>خبر</title><description>قال الوزير</description></item></channel></rss>".encode(),
    "date 2026-03-12 موسكو (الاتحاد)\nقال بوتين إن المحادثات مستمرة.".encode("cp1256"),
]
_STATE: dict = {}


def setup() -> None:
    import khabar.stages  # noqa: F401  registers the built-in stages
    from khabar.pipeline import Pipeline

    _STATE["pipeline"] = Pipeline.build()


def check_record(record: dict) -> None:
    text = record["text"]

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and "text" in value:
                assert text[value["start"]:value["end"]] == value["text"], value
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in record.items() if k != "dateline"})


def one_input(data: bytes) -> None:
    """Read `data` as the format its first byte picks, analyse every article, check every span."""
    from khabar.record import to_record
    from khabar.errors import InputError
    from khabar.ingest.options import IngestOptions
    from khabar.ingest.readers import _read_bytes_as, read_inputs

    if not data:
        return
    kind, body = KINDS[data[0] % len(KINDS)], data[1:]
    pipeline = _STATE["pipeline"]
    try:
        items = (list(read_inputs(["-"], stdin=io.BytesIO(body))) if kind == "sniff"
                 else list(_read_bytes_as(kind, body, "fuzz", "fuzz", IngestOptions())))
    except InputError:
        return
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            continue
        check_record(to_record(pipeline.run(item), pipeline.provenance))


def plain(runs: int, seed: int = 1) -> int:
    """Seeded random mutations of the seeds: the harness without atheris (CI, or when atheris will not build)."""
    rng = random.Random(seed)
    for _ in range(runs):
        data = bytearray(rng.choice(SEEDS))
        for _ in range(rng.randint(0, 8)):
            op = rng.randrange(3)
            pos = rng.randrange(len(data) + 1)
            if op == 0:
                data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
            elif op == 1 and data:
                del data[pos:pos + rng.randint(1, 8)]
            else:
                data[pos:pos] = rng.choice(SEEDS)[: rng.randint(1, 40)]
        one_input(bytes([rng.randrange(256)]) + bytes(data))
    print(f"plain fuzzing: {runs} inputs, 0 failures")
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--plain"]:
        setup()
        return plain(int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    import atheris

    with atheris.instrument_imports(include=["khabar"]):
        # every module the harness reaches, imported here so that atheris instruments it (lazy imports would not be)
        import khabar.record  # noqa: F401
        import khabar.ingest.html  # noqa: F401
        import khabar.ingest.readers  # noqa: F401
        import khabar.ingest.rss  # noqa: F401
        import khabar.ingest.warc  # noqa: F401
        import khabar.pipeline  # noqa: F401
        import khabar.stages  # noqa: F401
    setup()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
