"""Cross-article deduplication: the same event told by several articles (wire copies) becomes one cluster.

Two events fall together when they have the same PLOVER type, the same
actors and the same date. An actor is compared by its CAMEO-style code when
it has one, else by its normalised text; every piece of evidence is kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..text.normalize import normalize


@dataclass
class Cluster:
    """One real-world event and every article sentence that reports it."""

    type: str
    source: str | None
    target: str | None
    date: str | None
    mentions: list[dict[str, Any]] = field(default_factory=list)  # {"id", "trigger", "evidence", "mode", ...}

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(m["id"] for m in self.mentions))

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "source": self.source, "target": self.target, "date": self.date,
                "articles": self.articles, "mentions": self.mentions}


def actor_key(arg: dict[str, Any] | None) -> str | None:
    """What identifies an actor across articles: its code, else its normalised words."""
    if not arg:
        return None
    if arg.get("code"):
        return arg["code"]
    return " ".join(normalize(arg.get("text") or "").split()) or None


def event_key(event: dict[str, Any]) -> tuple[str, str | None, str | None, str | None]:
    return (event["type"], actor_key(event.get("source")), actor_key(event.get("target")), event.get("date"))


def cluster_events(records: Iterable[dict[str, Any]]) -> list[Cluster]:
    """Clusters of the events of khabar v1 records, in order of first appearance."""
    clusters: dict[tuple, Cluster] = {}
    for record in records:
        for event in record.get("events", []):
            key = event_key(event)
            cluster = clusters.get(key)
            if cluster is None:
                cluster = clusters[key] = Cluster(*key)
            cluster.mentions.append({"id": record.get("id"), "trigger": event.get("trigger"),
                                     "evidence": event.get("evidence"), "mode": event.get("mode"),
                                     "confidence": event.get("confidence")})
    return list(clusters.values())
