"""Spark, 1 core vs 2 cores, against the local engine: articles/s, speedup, and output equality.

    .venv/bin/python benchmarks/spark_bench.py --n 10000            # the issue's figure
    .venv/bin/python benchmarks/spark_bench.py --n 300 --json out/spark_bench.json

The first N articles of ant-2018 (Apache-2.0) go through `khabar batch` three times: --engine local,
spark local[1] and spark local[2], each into a fresh folder. Rates are over the analysis time, i.e.
without the JVM start (reported separately); the three outputs are compared table by table.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-2018.jsonl.gz"


def sample(n: int, folder: Path) -> Path:
    path = folder / f"ant-{n}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, n)), encoding="utf-8")
    return path


def run(src: Path, out: Path, engine: str, master: str, chunk: int) -> dict:
    from khabar.batch.options import BatchOptions
    from khabar.batch.run import run_batch

    summary = run_batch(BatchOptions(inputs=(str(src),), out=str(out), engine=engine, master=master,
                                     chunk_size=chunk, progress=True))
    d = summary.as_dict()
    work = summary.seconds - summary.engine_start_s
    d.update(master=master if engine == "spark" else None, analysis_s=round(work, 2),
             articles_per_s=round(summary.items / work, 2))
    return d


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--skip-local", action="store_true", help="compare spark local[1] with local[2] only")
    p.add_argument("--json", type=Path, help="write the report here too")
    args = p.parse_args(argv)
    from khabar.batch.compare import differences, row_counts

    with tempfile.TemporaryDirectory(prefix="khabar-spark-bench-") as tmp:
        folder = Path(tmp)
        src = sample(args.n, folder)
        runs = {}
        if not args.skip_local:
            runs["local"] = run(src, folder / "local", "local", "", chunk=args.n)
        for cores in (1, 2):
            runs[f"spark{cores}"] = run(src, folder / f"spark{cores}", "spark", f"local[{cores}]", chunk=args.n)
        base = "local" if "local" in runs else "spark1"
        report = {"n": args.n, "runs": runs, "rows": row_counts(folder / base),
                  "speedup_2_vs_1_cores": round(runs["spark1"]["analysis_s"] / runs["spark2"]["analysis_s"], 2),
                  "differences": {name: differences(folder / base, folder / name) for name in runs if name != base}}
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    return 0 if not any(report["differences"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
