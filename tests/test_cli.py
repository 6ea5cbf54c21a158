"""`khabar extract`, `khabar eval` and `khabar stages` as a user runs them."""
import json
import subprocess
import sys

import pytest

from khabar.cli import main
from khabar.record import spans, validate
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


def test_top_help_lists_every_sub_command():
    code, out, err = run_cli("--help")
    assert code == 0, err
    from khabar.cli import COMMANDS

    assert all(name in out for name in COMMANDS)


def test_console_script_points_at_cli_main():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["khabar"] == "khabar.cli:main"


def test_each_sub_command_has_its_own_module():
    from khabar.cli import COMMANDS, command_module

    for name in COMMANDS:
        module = command_module(name)
        assert module.__name__.startswith("khabar.cli.") and module.HELP and callable(module.main)


def _help_of(name, capsys):
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"khabar {name}" in out and "usage:" in out


def test_extract_help(capsys):
    _help_of("extract", capsys)


def test_eval_help(capsys):
    _help_of("eval", capsys)


def test_stages_help(capsys):
    _help_of("stages", capsys)


def test_train_help(capsys):
    _help_of("train", capsys)


def test_ingest_help(capsys):
    _help_of("ingest", capsys)


def test_search_help(capsys):
    _help_of("search", capsys)


def test_export_help(capsys):
    _help_of("export", capsys)


def test_import_help(capsys):
    _help_of("import", capsys)


def test_serve_help(capsys):
    _help_of("serve", capsys)


def test_batch_help(capsys):
    _help_of("batch", capsys)


def test_kb_help(capsys):
    _help_of("kb", capsys)


def test_events_help(capsys):
    _help_of("events", capsys)


def test_train_without_a_model_is_a_usage_error():
    assert main(["train"]) == 2
