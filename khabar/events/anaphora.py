"""Definite event nouns that point back: «اللقاء المثمر» is the meeting the article already placed in Florida."""
from __future__ import annotations

from dataclasses import replace

from ..doc import Doc, Event
from ..text.clitics import lookup_bases
from ..text.normalize import normalize


def definite_noun(text: str) -> bool:
    """A one-word trigger with the article ال, clitics allowed before it: اللقاء، واللقاء، للاجتماع."""
    word = normalize(text)
    return " " not in word and any(b.startswith("ال") for b in lookup_bases(word))


def antecedent(events: list[Event], k: int) -> Event | None:
    """The latest earlier event of the same type and the same source entity."""
    e = events[k]
    entity = e.source.entity if e.source else None
    for prev in reversed(events[:k]):
        if entity and prev.type == e.type and prev.source and prev.source.entity == entity:
            return prev
    return None


def inherit_locations(doc: Doc, events: list[Event]) -> None:
    """A definite event noun without a place takes the place of the event it refers back to.

    «أعلن دميترييف أنه عقد اجتماعاً مثمراً في فلوريدا ...» then «أشكر ستيف وجارد وجوش على اللقاء المثمر»: the
    article says where once; the definite noun with the same source is that meeting.
    """
    for k, e in enumerate(events):
        if e.location is not None or not definite_noun(doc.text[e.trigger.start:e.trigger.end]):
            continue
        prev = antecedent(events, k)
        if prev is not None and prev.location is not None:
            e.location = replace(prev.location)
