"""Refactors keep the extract output of dev + seed + dev2 byte-identical (issue 20)."""
from __future__ import annotations

import importlib.util
import json

from helpers import ROOT, needs_shared


def _script():
    spec = importlib.util.spec_from_file_location("extract_digests", ROOT / "scripts" / "extract_digests.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_regression_extract_output_byte_identical():
    script = _script()
    stored = json.loads(script.DIGESTS.read_text(encoding="utf-8"))
    now = script.digests(script.extract_lines())
    assert len(now) == 73
    changed = sorted(k for k in stored.keys() | now.keys() if stored.get(k) != now.get(k))
    assert changed == [], f"extract output changed for {len(changed)} articles: {changed[:5]}"
