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


def _store(tmp_path) -> str:
    from khabar.ingest.readers import read_inputs
    from khabar.pipeline import Options, Pipeline
    from khabar.store import StoreOptions, open_store
    from khabar.analysis import ingest_items

    src = tmp_path / "a.jsonl"
    # ant:AL-culture-11-20180216, ant:AL-culture-169-20180315
    texts = ["أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر سنتين.",
             "أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحلت ملف الفنانة إلى نيابة الأموال العامة."]
    src.write_text("\n".join(json.dumps({"id": f"a{i}", "date": "2018-03-15", "text": t}, ensure_ascii=False)
                             for i, t in enumerate(texts)), encoding="utf-8")
    db = str(tmp_path / "s.db")
    with open_store(StoreOptions(db=db, progress=False)) as store:
        ingest_items(store, Pipeline.build(Options(stages=("sentences.v1", "tokens.v1"))), read_inputs([str(src)]))
    return db


def _module():
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_load_test_runs_bounded_on_loopback_with_no_errors(tmp_path):
    db = _store(tmp_path)
    module = _module()
    assert module.HOST == "127.0.0.1"
    # A process of its own: an event loop left running by another test (Playwright's) must not matter.
    proc = subprocess.run([sys.executable, str(SCRIPT), "--db", db, "--clients", "3", "--seconds", "1"],
                          capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["errors"] == 0 and report["requests"] > 0


def test_load_test_url_targets_a_running_server_and_leaves_it_running(tmp_path):
    """Issue 21: --url measures a server started by someone else, with think time between requests."""
    db = _store(tmp_path)
    module = _module()
    port = module.free_port()
    server = subprocess.Popen(module.server_command(db, port, 1, False), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        module.wait_ready(port, server)
        proc = subprocess.run([sys.executable, str(SCRIPT), "--url", f"http://127.0.0.1:{port}", "--clients", "3",
                               "--seconds", "1.5", "--think", "0.2"], capture_output=True, text=True, timeout=120)
        report = json.loads(proc.stdout)
        assert proc.returncode == 0 and report["errors"] == 0 and report["requests"] > 0
        # three clients waiting 0.2 s after each request make well under 3 * 1.5 / 0.2 + 3 requests
        assert report["requests"] <= 3 * (1.5 / 0.2 + 1) and report["server"]["think_s"] == 0.2
        assert server.poll() is None  # not stopped: this script did not start it
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_load_test_url_refuses_an_address_off_this_machine():
    module = _module()
    with pytest.raises(SystemExit, match="only http:// on a loopback address"):
        module.loopback_target("http://10.0.0.1:8000")
    assert module.loopback_target("http://localhost:8123") == ("localhost", 8123)
