"""Article text as a tree of highlights: quotes hold speakers and entities, entities hold search hits.

Templates print text nodes escaped and each mark as one element with its
tooltip, so a name is one element however many marks it holds. A mark that
crosses the end of an enclosing one is split there.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Union

from .labels import arabic


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | speaker | entity | timex | event | hit
    tip: str  # the tooltip naming it
    href: str | None = None  # an entity profile to link to


@dataclass
class Element:
    mark: Mark
    children: list["Node"]


Node = Union[str, Element]
KIND_ORDER = {"quote": 0, "speaker": 1, "entity": 2, "event": 3, "timex": 4, "hit": 5}  # outer first on equal spans


def _key(m: Mark) -> tuple:
    return (m.start, -m.end, KIND_ORDER.get(m.kind, 9))


def nest(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> list[Node]:
    """The nodes of text[start:end]; every mark must lie inside that range."""
    end = len(text) if end is None else end
    pending = sorted((m for m in marks if start <= m.start < m.end <= end), key=_key)
    out: list[Node] = []
    pos = start
    while pending:
        m = pending.pop(0)
        if m.end <= pos:
            continue
        if m.start < pos:  # overlapped the previous sibling: keep the part after it
            pending = sorted(pending + [replace(m, start=pos)], key=_key)
            continue
        if m.start > pos:
            out.append(text[pos:m.start])
        inner, rest = [], []
        for o in pending:
            if o.start >= m.end:
                rest.append(o)
            elif o.end <= m.end:
                inner.append(o)
            else:  # crosses m's end: the head nests inside, the tail follows it
                inner.append(replace(o, end=m.end))
                rest.append(replace(o, start=m.end))
        out.append(Element(m, nest(text, inner, m.start, m.end)))
        pos = m.end
        pending = sorted(rest, key=_key)
    if pos < end:
        out.append(text[pos:end])
    return out


def entity_marks(record: dict, links: dict[str, str], href) -> list[Mark]:
    out = []
    for e in record["entities"]:
        name = e["name"] + (f" ({e['name_en']})" if e.get("name_en") else "")
        tip = f"{arabic('entity_types', e['type'])}: {name}"
        target = href(links[e["id"]]) if e["id"] in links else None
        out += [Mark(m["start"], m["end"], "entity", tip, target) for m in e["mentions"]]
    return out


def quote_marks(record: dict, links: dict[str, str], href) -> list[Mark]:
    out = []
    for q in record["quotes"]:
        sp = q.get("speaker") or {}
        who = sp.get("name") or "متحدث غير معروف"
        out.append(Mark(q["start"], q["end"], "quote", f"{arabic('quote_kinds', q['kind'])} — المتحدث: {who}"))
        if sp.get("start") is not None and sp.get("end") is not None:
            target = href(links[sp["entity"]]) if sp.get("entity") in links else None
            out.append(Mark(sp["start"], sp["end"], "speaker", f"المتحدث: {who}", target))
    return out


def article_marks(record: dict, links: dict[str, str], href, hits: list[tuple[int, int]] = ()) -> list[Mark]:
    """Every highlight of an article page: quotes, speakers, entities, dates, event triggers, search hits."""
    marks = quote_marks(record, links, href) + entity_marks(record, links, href)
    marks += [Mark(t["start"], t["end"], "timex", f"تاريخ: {t['value']}") for t in record["timexes"]]
    marks += [Mark(e["trigger"]["start"], e["trigger"]["end"], "event", f"حدث: {e['type']} ({e['mode']})")
              for e in record["events"]]
    marks += [Mark(s, e, "hit", "كلمة البحث") for s, e in hits]
    return marks
