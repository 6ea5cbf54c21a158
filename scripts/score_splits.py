"""Score the pipeline on dev + seed, dev2, dev2's blind third and the rest of dev2, side by side.

usage: python scripts/score_splits.py [--out DIR] [--stages a.v1,b.v1]

The blind third is dev2's lines 3, 6, 9, ... (1-based): score it in aggregate only and never read
its errors. Each split's articles are extracted with `khabar extract`, then scored with
`../shared/eval/score.py`; the system files stay in DIR for error analysis of the other splits.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.evaluate.floors import in_blind_third  # noqa: E402
EVAL = ROOT.parent / "shared" / "eval"


def read_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def splits() -> dict[str, tuple[list[str], list[str]]]:
    """Split name -> (article lines, gold lines)."""
    dev2_a, dev2_g = read_lines(EVAL / "dev2/articles.jsonl"), read_lines(EVAL / "dev2/gold.jsonl")
    blind = [k for k in range(len(dev2_a)) if in_blind_third(k + 1)]
    rest = [k for k in range(len(dev2_a)) if not in_blind_third(k + 1)]
    return {
        "dev+seed": (read_lines(EVAL / "dev/articles.jsonl") + read_lines(EVAL / "seed/seed-article.jsonl"),
                     read_lines(EVAL / "dev/gold.jsonl") + read_lines(EVAL / "seed/seed-gold.jsonl")),
        "dev2": (dev2_a, dev2_g),
        "dev2-blind": ([dev2_a[k] for k in blind], [dev2_g[k] for k in blind]),
        "dev2-open": ([dev2_a[k] for k in rest], [dev2_g[k] for k in rest]),
    }


def score(name: str, articles: list[str], gold: list[str], out: Path, stages: str | None) -> str:
    """score.py's report for one split."""
    a, g, s = out / f"{name}-articles.jsonl", out / f"{name}-gold.jsonl", out / f"{name}-system.jsonl"
    a.write_text("\n".join(articles) + "\n", encoding="utf-8")
    g.write_text("\n".join(gold) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "khabar.cli", "extract", str(a), "-o", str(s)]
    subprocess.run(cmd + (["--stages", stages] if stages else []), check=True, cwd=ROOT)
    return subprocess.run([sys.executable, str(EVAL / "score.py"), str(g), str(s)], check=True,
                          capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="folder for the split files and system output (default: a scratch one)")
    ap.add_argument("--stages")
    args = ap.parse_args(argv)
    if not (EVAL / "dev2/gold.jsonl").exists():
        print(f"skipped: {EVAL} not found")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(args.out or scratch)
        out.mkdir(parents=True, exist_ok=True)
        for name, (articles, gold) in splits().items():
            print(f"== {name}\n{score(name, articles, gold, out, args.stages)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
