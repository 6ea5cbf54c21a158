"""The time stage: time expressions with values, and the effective date they are anchored to."""
from __future__ import annotations

from ..doc import Doc, Timex
from ..text.normalize import NormalizedView
from ..pipeline import Options, register_stage
from .detect import Found, find
from .drift import drift_warning, effective_date
from .lexicon import TimeLexicon, load_lexicon
from .patterns import Patterns, build_patterns
from .resolve import needs_tense, resolve
from .tense import TenseReader

STAGE_ID = "time.v1"


@register_stage("time", 1, requires=("sentences",), adds=("timexes", "effective_date"))
def time_stage(options: Options):
    """Compile the patterns once; the returned function annotates one document."""
    lx = load_lexicon()
    patterns = build_patterns(lx)

    def run(doc: Doc) -> None:
        timexes, effective, warning = annotate(doc, lx, patterns)
        if warning:
            doc.warnings.append(warning)
        doc.add("timexes", timexes, STAGE_ID)
        doc.add("effective_date", effective, STAGE_ID)

    return run


def annotate(doc: Doc, lx: TimeLexicon, patterns: Patterns):
    """The timexes of `doc`, its effective date and a drift warning (or None)."""
    view = doc.normalized
    found = find(view.text, patterns, lx)
    date = doc.article.date
    effective, mover = effective_date(found, date, lx)
    warning = None
    if mover is not None:
        span = view.to_original(mover.start, mover.end)
        warning = drift_warning(doc.text[span.start:span.end], date, effective)
    return _timexes(doc, view, found, effective, lx), effective, warning


def _timexes(doc: Doc, view: NormalizedView, found: list[Found], anchor, lx: TimeLexicon) -> list[Timex]:
    tense = TenseReader(doc, lx)
    out = []
    for f in found:
        span = view.to_original(f.start, f.end)
        future = needs_tense(f) and tense.looks_forward(span.start)
        value = resolve(f, anchor, future, lx)
        if value is not None:
            used = value.anchor.isoformat() if value.anchor else None
            out.append(Timex(span.start, span.end, value.value, value.type, used))
    return out
