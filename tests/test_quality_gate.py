"""The ratchet: dev-set scores stay at or above their floors, and floors never go down."""
import json
import subprocess

import pytest

from khabar.evaluate.floors import FLOORS_PATH, SUITES, load_floors, lookup, shortfalls
from helpers import ROOT, SHARED, dev_evaluation, needs_shared


def suite_floors(suite):
    return {k: v for k, v in load_floors().items() if k.startswith(suite + ".")}


@needs_shared
def test_dev_scores_meet_their_floors(tmp_path_factory):
    report, _, _ = dev_evaluation(tmp_path_factory.mktemp("dev"))
    floors = suite_floors("dev")
    measured = {key: lookup(report, key.split(".", 1)[1]) for key in floors}
    assert shortfalls(measured, floors) == []


@needs_shared
@pytest.mark.parametrize("suite", ["dev2", "blind", "events", "ner"])
def test_dev2_event_and_ner_scores_meet_their_floors(suite, tmp_path):
    floors = suite_floors(suite)
    report = SUITES[suite](SHARED, tmp_path)
    measured = {key: lookup(report, key.split(".", 1)[1]) for key in floors}
    assert shortfalls(measured, floors) == []


def previous_floors() -> dict | None:
    """The floors of the last committed version before the newest one, when git history has it."""
    rel = FLOORS_PATH.relative_to(ROOT).as_posix()
    try:
        log = subprocess.run(["git", "log", "-n", "2", "--format=%H", "--", rel], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        head = subprocess.run(["git", "show", f"HEAD:{rel}"], cwd=ROOT, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    # Compare the working file with HEAD when it has uncommitted changes, else with the commit before.
    current = FLOORS_PATH.read_text(encoding="utf-8")
    if head.returncode == 0 and head.stdout != current:
        return json.loads(head.stdout)["floors"]
    if len(log) < 2:
        return None
    older = subprocess.run(["git", "show", f"{log[1]}:{rel}"], cwd=ROOT, capture_output=True, text=True)
    return json.loads(older.stdout)["floors"] if older.returncode == 0 else None


def test_floors_only_go_up():
    before = previous_floors()
    now = load_floors()
    # A floor may change its name only through the file's "renamed" map; it may never vanish. It may
    # fall only through a "withdrawn" entry naming the old and new value and why (a score that must
    # not ship, as the SaudiNewsNet-derived NER of issue 17).
    data = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    renamed, withdrawn = data.get("renamed", {}), data.get("withdrawn", {})
    if before is not None:
        lowered = {k: (v, now.get(renamed.get(k, k))) for k, v in before.items()
                   if now.get(renamed.get(k, k), -1) < v}
        unexplained = {k: pair for k, pair in lowered.items()
                       if not (k in withdrawn and (withdrawn[k]["was"], withdrawn[k]["now"]) == pair
                               and withdrawn[k]["why"].strip())}
        assert unexplained == {}, f"floors lowered: {unexplained}"
    assert all(0.0 <= v <= 1.0 for v in now.values())
