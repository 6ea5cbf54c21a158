"""The seed article end to end (khabar/data/sample/seed-article.txt, seed-000)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import seed_body  # noqa: E402


def test_seed_continuations(quotes_of):
    found = quotes_of(seed_body(), date=dt.date(2026, 3, 12))
    by_cue = {f[3]: f for f in found}
    assert by_cue["وأضاف"][2].endswith("دميترييف") and by_cue["وأضاف"][4] == "Telegram"
    assert by_cue["وأقرّ"][2].endswith("بيسكوف") and by_cue["وأقرّ"][4] == "press conference"
    assert by_cue["وأوضح"][2].endswith("زيلينسكي") and by_cue["وأوضح"][4] == "social media"
    assert len(found) == 12
