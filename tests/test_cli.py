"""`khabar extract`, `khabar eval` and `khabar stages` as a user runs them."""
import json
import subprocess
import sys

import pytest

from khabar.cli import main
from khabar.contract import spans, validate
from helpers import SEED_TXT, SHARED, needs_shared


def run_cli(*args, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "khabar.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_extract_seed_prints_one_valid_record():
    code, out, err = run_cli("extract", SEED_TXT)
    assert code == 0, err
    (line,) = out.splitlines()
    record = json.loads(line)
    validate(record)
    assert record["text"].startswith("أعلن")
    assert record["dateline"]["date"] == "2026-03-12"
    assert record["dateline"]["places"] == ["موسكو", "كييف"]
    assert record["dateline"]["source"] == "الاتحاد" and record["dateline"]["agencies"] == ["وكالات"]


def test_extract_writes_to_a_file_and_reads_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("extract", "-", "-o", out, "--date", "2026-03-12",
                           stdin="قال زيلينسكي، أمس، إن أوكرانيا تنتظر موافقة البيت الأبيض.")
    assert code == 0, err
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["date"] == "2026-03-12" and record["id"] == "stdin"


def test_bad_inputs_are_one_line_each_and_exit_1(tmp_path):
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run_cli("extract", tmp_path / "missing.txt", binary, SEED_TXT)
    assert code == 1
    assert len(out.splitlines()) == 1  # the good input was still processed
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "missing.txt: no such file" in lines[0] and "img.txt: binary data" in lines[1]
    assert "Traceback" not in err


def test_usage_errors_exit_2():
    assert run_cli("extract", SEED_TXT, "--date", "12/03/2026")[0] == 2
    assert run_cli("frobnicate")[0] == 2


def test_unwritable_output_is_a_clean_error(tmp_path):
    code, _, err = run_cli("extract", SEED_TXT, "-o", tmp_path / "no" / "such" / "dir.jsonl")
    assert code == 1 and "cannot be written" in err and "Traceback" not in err


def test_stages_lists_versions(capsys):
    assert main(["stages"]) == 0
    assert "tokens.v1" in capsys.readouterr().out


@needs_shared
def test_extract_dev_gives_24_records_with_exact_spans():
    code, out, err = run_cli("extract", SHARED / "eval/dev/articles.jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    source_ids = [json.loads(line)["id"] for line in (SHARED / "eval/dev/articles.jsonl").open(encoding="utf-8")]
    assert [r["id"] for r in records] == source_ids and len(records) == 24
    for record in records:
        validate(record)
        for span in spans(record):
            assert record["text"][span["start"]:span["end"]] == span["text"]


@needs_shared
def test_eval_prints_scores_as_json(tmp_path):
    code, out, err = run_cli("eval", "--gold", SHARED / "eval/seed/seed-gold.jsonl",
                             "--articles", SHARED / "eval/seed/seed-article.jsonl", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"] == 1 and report["quotes"]["gold"] == 12 and report["timexes"]["gold"] == 6


def test_eval_with_missing_gold_is_a_clean_error(tmp_path):
    code, _, err = run_cli("eval", "--gold", tmp_path / "gold.jsonl", "--articles", SEED_TXT)
    assert code == 1 and "gold.jsonl: no such file" in err


def test_every_delegated_command_is_listed_in_help_and_importable():
    import importlib

    from khabar.cli import DELEGATED, DELEGATED_HELP

    assert DELEGATED.keys() == DELEGATED_HELP.keys()
    for module, function in DELEGATED.values():
        assert callable(getattr(importlib.import_module(module), function))
