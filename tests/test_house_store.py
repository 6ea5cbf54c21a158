"""The house: the store stores finished records; it neither runs the pipeline nor calls the analysis loop (issue 20)."""
from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parents[1] / "khabar" / "store"
FORBIDDEN = ("khabar.pipeline", "khabar.analysis")


def _imported(path: Path) -> set[str]:
    """Absolute names of the modules one file imports (relative imports resolved against khabar.store)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ["khabar", "store"][:max(0, 3 - node.level)] if node.level else []  # . is khabar.store, .. khabar
            module = ".".join([*base, node.module] if node.module else base)
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names)
    return names


def test_store_imports_neither_pipeline_nor_analysis():
    offenders = {f"{path.name}: {name}" for path in sorted(STORE.glob("*.py")) for name in _imported(path)
                 if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)}
    assert not offenders, sorted(offenders)


def test_the_check_sees_a_relative_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from ..pipeline import Pipeline\nfrom .. import analysis\n", encoding="utf-8")
    assert {"khabar.pipeline", "khabar.analysis"} <= _imported(probe)
