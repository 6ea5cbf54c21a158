"""benchmarks/load_test.py, tiny: a few clients for a second against `khabar serve` on loopback; no errors."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("khabar.api.app")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"


def test_load_test_runs_bounded_on_loopback_with_no_errors(tmp_path):
    from khabar.ingest.readers import read_inputs
    from khabar.pipeline import Options, Pipeline
    from khabar.store import StoreOptions, open_store
    from khabar.store.ingest import ingest_items

    src = tmp_path / "a.jsonl"
    # ant:AL-culture-11-20180216, ant:AL-culture-169-20180315
    texts = ["أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر سنتين.",
             "أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحلت ملف الفنانة إلى نيابة الأموال العامة."]
    src.write_text("\n".join(json.dumps({"id": f"a{i}", "date": "2018-03-15", "text": t}, ensure_ascii=False)
                             for i, t in enumerate(texts)), encoding="utf-8")
    db = str(tmp_path / "s.db")
    with open_store(StoreOptions(db=db, progress=False)) as store:
        ingest_items(store, Pipeline.build(Options(stages=("sentences.v1", "tokens.v1"))), read_inputs([str(src)]))
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.HOST == "127.0.0.1"
    # A process of its own: an event loop left running by another test (Playwright's) must not matter.
    proc = subprocess.run([sys.executable, str(SCRIPT), "--db", db, "--clients", "3", "--seconds", "1"],
                          capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["errors"] == 0 and report["requests"] > 0
