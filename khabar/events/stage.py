"""The pipeline stage events.v1: PLOVER-coded events for every sentence of an article."""
from __future__ import annotations

from ..doc import Doc
from ..pipeline import Options, register_stage
from .anaphora import inherit_locations
from .coder import Context, Resources, code_sentence


@register_stage("events", 1, requires=("sentences", "words"),
                uses=("quotes", "relations", "entities", "timexes", "effective_date"), adds=("events",))
def events_stage(options: Options):
    """Load the lexicons once; code each sentence, using quotes, timexes and entities when present."""
    res = options.resources.get("events") or Resources.load()

    def run(doc: Doc) -> None:
        ctx = Context.of(doc)
        events = []
        for sentence in doc.get("sentences"):
            events.extend(code_sentence(doc, sentence, res, ctx))
        inherit_locations(doc, events)
        doc.add("events", events, "events.v1")

    return run
