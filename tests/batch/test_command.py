"""`khabar batch` on the command line: a JSON summary, exit status 1 when anything failed, 2 for usage."""
import json

from khabar.cli import main
from batch.corpus import write_mixed


def test_batch_command_summary_and_exit_status(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    n = write_mixed(src)
    code = main(["batch", str(src), "--out", str(tmp_path / "out"), "--stages", "sentences,tokens", "--quiet"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and summary["items"] == n and summary["failed"] == 2
    assert summary["processed"] + summary["skipped"] + summary["failed"] == n


def test_existing_output_without_resume_is_a_one_line_error(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    write_mixed(src)
    args = ["batch", str(src), "--out", str(tmp_path / "out"), "--stages", "sentences", "--quiet"]
    main(args)
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert "already holds a batch" in err and "--resume" in err and "\n" not in err


def test_usage_errors(tmp_path, capsys):
    assert main(["batch", "x.jsonl"]) == 2
    assert main(["batch", "x.jsonl", "--out", str(tmp_path), "--engine", "hadoop"]) == 2
