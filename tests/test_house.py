"""The house rules of the package layout (issue 20), checked on the source itself."""
from __future__ import annotations

import ast
from pathlib import Path

import khabar

PACKAGE = Path(khabar.__file__).parent
STAGE_PACKAGES = ("time", "quotes", "entities", "relations", "events")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The absolute module names an import statement reads (relative ones resolved against `module`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        return [node.module or ""]
    base = module.split(".")
    base = base[:len(base) - node.level + (1 if is_package else 0)]
    target = ".".join(base + ([node.module] if node.module else []))
    # `from . import x` may name a submodule: count each name as one.
    return [f"{target}.{alias.name}" for alias in node.names] if not node.module else [target]


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "khabar" and parts[1] in STAGE_PACKAGES else None


def _crossings() -> list[str]:
    out = []
    for stage in STAGE_PACKAGES:
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            module = _module_name(path)
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                for target in _imported(node, module, path.name == "__init__.py"):
                    other = _stage_of(target)
                    if other is not None and other != stage:
                        out.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {target}")
    return out


def test_no_stage_package_imports_another():
    """Stages talk only through Doc layers; what they share lives below them (text/, resources/)."""
    assert _crossings() == []


def test_the_check_sees_a_crossing():
    """The resolver reads relative imports the way Python does, so the test above can fail."""
    tree = ast.parse("from ..entities.names import name_tokens\nfrom ... import doc\n")
    first, second = tree.body
    assert _imported(first, "khabar.relations.patterns", False) == ["khabar.entities.names"]
    assert _stage_of("khabar.entities.names") == "entities"
    assert _imported(second, "khabar.entities.ner.stage", False) == ["khabar.doc"]
