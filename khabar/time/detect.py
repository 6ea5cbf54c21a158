"""Finding time expressions in the normalised text: candidates, context filters, overlaps.

Detection knows nothing of dates; it returns what was written (`Found`), and
resolve.py turns that into a value once the anchor is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import TimeLexicon
from .patterns import Patterns, TriggerIndex

_WORD_BEFORE = re.compile(r"([^\s\"'()،,.:;؛!?؟«»\-]+)[\s\"'(،,:\-]*$")
_WORD_AFTER = re.compile(r"^[\s\"'(]*([^\s\"'()،,.:;؛!?؟«»\-]+)")
_CONTEXT = 40  # characters either side that the filters look at
# How far an expression reaches from its trigger word: مطلع صباح يوم الخميس الحادي والعشرين من ...
_REACH = 60
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Found:
    """One expression as written: its normalised span, construction and the parts it names."""

    start: int
    end: int
    kind: str
    parts: dict = field(hash=False, compare=False)


def word_before(text: str, pos: int) -> str:
    """The word before `pos`, without a fused و/ف (وفي -> في)."""
    m = _WORD_BEFORE.search(text[max(0, pos - _CONTEXT):pos])
    word = m.group(1) if m else ""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _before_in(text: str, pos: int, words: frozenset[str]) -> bool:
    """Whether the word before `pos`, with or without a fused preposition (بهذا), is one of `words`."""
    word = word_before(text, pos)
    return word in words or (word[:1] in "بلك" and word[1:] in words)


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos:pos + _CONTEXT])
    return m.group(1) if m else ""


def find(text: str, patterns: Patterns, lx: TimeLexicon) -> list[Found]:
    """Every accepted expression in `text`, without overlaps, sorted by start."""
    found = []
    spans = trigger_windows(text, patterns.triggers)
    for kind, pattern in patterns.by_kind:
        for m in (m for lo, hi in spans[kind] for m in pattern.finditer(text, lo, hi)):
            parts = {k: v for k, v in m.groupdict().items() if v is not None and k != "x"}
            cand = Found(m.start("x"), m.end("x"), kind, parts)
            if _accept(cand, text, lx):
                found.append(cand)
    return _without_overlaps(found)


def trigger_windows(text: str, index: TriggerIndex) -> dict[str, list[tuple[int, int]]]:
    """Per construction, the stretches of text around its trigger words (digits for numbers and years).

    Running the big patterns at every character is what costs; most of a text has no time word,
    and a word lookup in a set is cheap.
    """
    hits: dict[str, list[int]] = {kind: [] for kind in (*index.triggers, "numeric", "year")}
    for m in _WORDS.finditer(text):
        for kind in index.kinds(m.group()):
            hits[kind].append(m.start())
    hits["numeric"] += hits["year"]
    return {kind: _merge(text, positions) for kind, positions in hits.items()}


def _merge(text: str, positions: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for pos in sorted(positions):
        lo, hi = _space_before(text, pos - _REACH), _space_after(text, pos + _REACH)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _space_before(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    cut = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _space_after(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    cuts = [c for c in (text.find(" ", pos), text.find("\n", pos)) if c >= 0]
    return min(cuts) if cuts else len(text)


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Keep the longest expressions; a shorter one inside or across a kept one is dropped."""
    kept: list[Found] = []
    for cand in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda f: f.start)


def _accept(f: Found, text: str, lx: TimeLexicon) -> bool:
    if _recurs(f, text, lx):
        return False
    check = _CHECKS.get(f.kind)
    return check(f, text, lx) if check else True


def _recurs(f: Found, text: str, lx: TimeLexicon) -> bool:
    """A recurrence (كل جمعة، 21 من مارس من كل عام) names no one day."""
    if word_before(text, f.start) in lx.recurrence_before:
        return True
    after = " ".join(text[f.end:f.end + _CONTEXT].split())
    return any(after.startswith(r + " ") for r in lx.recurrence_after)


def _accept_date(f: Found, text: str, lx: TimeLexicon) -> bool:
    p = f.parts
    anchored = any(k in p for k in ("day", "ord", "year", "mod", "part", "m2", "m3", "m4", "wd"))
    if anchored:
        return True
    # A bare month name is also a verb or a common word (مارس، آب): only after a preposition.
    return p["m1"] not in lx.ambiguous_months and word_before(text, f.start) in lx.year_preps


def _accept_hijri(f: Found, text: str, lx: TimeLexicon) -> bool:
    p = f.parts
    has_day = "day" in p or "ord" in p
    if p["hm"] in lx.ambiguous_hijri:
        return has_day and "year" in p
    return has_day or "year" in p


def _accept_weekday(f: Found, text: str, lx: TimeLexicon) -> bool:
    if word_before(text, f.start) in lx.weekday_blocked_before:
        return False
    return word_after(text, f.end) not in lx.weekday_blocked_after


def _accept_day(f: Found, text: str, lx: TimeLexicon) -> bool:
    if "wd" in f.parts:
        return True
    if _before_in(text, f.start, lx.today_not_after):
        return False
    return not (f.parts["dw"] == "اليوم" and word_after(text, f.end) in lx.today_not_before)


def _accept_period(f: Found, text: str, lx: TimeLexicon) -> bool:
    # A bare العام/الشهر is a period only under a part word (نهاية العام).
    if "p3" in f.parts and "part" not in f.parts:
        return False
    return "this" in f.parts or word_before(text, f.start) not in lx.period_not_after


def _accept_ago(f: Found, text: str, lx: TimeLexicon) -> bool:
    p = f.parts
    if word_after(text, f.end) in lx.ago_blocked_after:
        return False  # قبل ثلاثة أيام من الانتخابات counts from an event, not from the article
    return "n" in p or "nw" in p or lx.units[_unit_key(p["unit"])][1] is not None


def _unit_key(word: str) -> str:
    return " ".join(word.split())


def _accept_year(f: Found, text: str, lx: TimeLexicon) -> bool:
    p = f.parts
    if any(k in p for k in ("yw", "hmark", "part", "ad")):
        return True
    lo, hi = lx.bare_year_range
    if not lo <= int(p["year"]) <= hi or _in_range_of_numbers(text, f.start, f.end):
        return False
    # A bare number is a year after a preposition, or after و in a list of years (بين 2009 و2013).
    if text[f.start - 1:f.start] == "و" and re.search(r"\d{4}\D{1,12}$", text[max(0, f.start - 16):f.start]):
        return True
    return word_before(text, f.start) in lx.year_preps


def _in_range_of_numbers(text: str, start: int, end: int) -> bool:
    """A number joined to another by a dash (a season 2017-2018, a score 1-3) is not a year."""
    return bool(re.match(r"[-–]\d", text[end:end + 2]) or re.search(r"\d[-–]$", text[max(0, start - 2):start]))


_CHECKS = {"date": _accept_date, "hijri": _accept_hijri, "weekday": _accept_weekday, "day": _accept_day,
           "period": _accept_period, "ago": _accept_ago, "year": _accept_year}
