"""RSS and Atom feeds through feedparser: one article per entry, its HTML reduced to text."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Iterator, Union
from urllib.parse import urlsplit

from ..errors import InputError
from ..doc import Article
from ..text.dateline import find_in_body
from .arabic_dates import find_arabic_date

Item = Union[Article, InputError]
_BLOCK_END = re.compile(r"(?i)</(p|div|h[1-6]|li|blockquote)>|<br\s*/?>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")


def read_feed(data: bytes, label: str) -> Iterator[Item]:
    """The entries of a feed; a feed with no entries is an InputError, an entry with no text is one too."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = " ".join(str(getattr(feed, "bozo_exception", "") or "no entries").split())[:200]
        raise InputError(label, f"not a readable RSS/Atom feed ({problem})")
    site = feed.feed.get("title") or _host(feed.feed.get("link"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield article_from_entry(entry, label, number, site)
        except InputError as err:
            yield err


def article_from_entry(entry, label: str, number: int, site: str | None) -> Article:
    """An Article from one feed entry (its full content when present, else its summary)."""
    text = html_to_text(_entry_html(entry))
    if not text:
        raise InputError(label, f"entry {number} has no text", number)
    title = html_to_text(entry.get("title", "")) or None
    url = entry.get("link") or None
    key = entry.get("id") or url or f"{label}#{number}"
    return Article(id="feed:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16], text=text,
                   date=_entry_date(entry) or find_arabic_date(f"{title or ''}\n{text[:600]}"), title=title,
                   source=site, url=url, dateline=find_in_body(text), origin=f"{label}#{number}")


def _entry_html(entry) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return "\n".join(values) if values else entry.get("summary", "") or ""


def _entry_date(entry) -> dt.date | None:
    # feedparser gives UTC struct_time; the day is kept as the feed wrote it when the raw string has one
    for key in ("published", "updated"):
        raw = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if raw:
            found = find_arabic_date(raw)
            if found:
                return found
    return None


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one paragraph a line."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(_BLOCK_END.sub(lambda m: m.group(0) + "\n", fragment))
    except Exception:  # lxml refuses some fragments outright (only a comment, bad encodings)
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    lines = (_BLANKS.sub(" ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
