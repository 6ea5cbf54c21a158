"""scripts/reliability_run.py on a tiny corpus it builds itself: counts articles, reports crashes by stage."""
import gzip
import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "reliability_run.py"


def load():
    spec = importlib.util.spec_from_file_location("reliability_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_reports_zero_crashes_and_bad_lines_as_input_errors(tmp_path, capsys):
    path = tmp_path / "mini.jsonl.gz"
    records = [{"id": "ant:AL-culture-11-20180216", "date": "2018-02-16",
                "text": "أعلنت النجمة جنيفر أنيستون وزوجها الممثل جاستن ثيرو انفصالهما بعد زواج استمر سنتين."},
               {"id": "bad", "text": 5}]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()))
    code = load().main([str(path), "--report", str(tmp_path / "r.json")])
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["articles"] == 2 and report["crashes"] == 0 and code == 0 and report["by_stage"] == []
    assert report["input_errors"] == 1 and report["input_error_examples"][0][0] == "bad"
