"""Import layering, read with ast (lazy imports inside functions count): the cycles issue 20 opened stay open."""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "khabar"


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _base(name: str, path: Path, level: int) -> str:
    """The package a relative import of `level` dots starts from."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return package


def _targets(name: str, path: Path) -> set[str]:
    """Dotted names a module imports, as written (absolute)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _base(name, path, node.level) if node.level else ""
            target = ".".join(p for p in (base, node.module or "") if p)
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return out


@lru_cache(maxsize=None)
def imports(name: str) -> frozenset[str]:
    """The package modules `name` imports directly, with the packages above them (imported first)."""
    known = modules()
    out = set()
    for target in _targets(name, known[name]):
        parts = target.split(".")
        out.update(".".join(parts[:k]) for k in range(1, len(parts) + 1) if ".".join(parts[:k]) in known)
    out.discard(name)
    return frozenset(out)


def reachable(name: str) -> set[str]:
    """Every package module importing `name` may import."""
    seen, todo = set(), [name]
    while todo:
        for nxt in imports(todo.pop()) - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_pipeline_does_not_import_the_stages():
    assert "khabar.stages" not in imports("khabar.pipeline")
    assert "khabar.stages" not in reachable("khabar.pipeline")


def test_the_stages_import_the_pipeline_not_the_other_way():
    assert "khabar.pipeline" in reachable("khabar.stages")
    assert "khabar.pipeline" not in reachable("khabar.pipeline")


def test_model_and_normalize_are_not_in_a_cycle():
    model, normalize = "khabar.doc", "khabar.text.normalize"
    assert not (normalize in reachable(model) and model in reachable(normalize))
    assert model not in reachable(normalize)


def test_the_ner_runtime_does_not_import_training():
    runtime = [m for m in modules() if m.startswith("khabar.entities.ner")] + ["khabar.stages"]
    assert len(runtime) > 5
    for name in runtime:
        assert not [m for m in reachable(name) | {name} if m.startswith("khabar.training")], name


def test_training_code_lives_in_training():
    ner = {m.rpartition(".")[2] for m in modules() if m.startswith("khabar.entities.ner.")}
    assert not ner & {"train", "train_neural", "pretrain", "corpus", "conll"}
    assert {"khabar.training.ner", "khabar.training.ner_neural", "khabar.training.pretrain", "khabar.training.corpus",
            "khabar.training.conll"} <= set(modules())
