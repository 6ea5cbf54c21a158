"""HTML pages: trafilatura for the text, htmldate for the date, an Arabic date fallback for what htmldate misses."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import urlsplit

from ..errors import InputError
from ..doc import Article
from ..text.dateline import find_in_body
from .arabic_dates import find_arabic_date
from .charset import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HEAD_CHARS = 600  # an Arabic dateline or byline stands in the first lines of the text


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB (`<meta charset=windows-1256>`)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_html(label: str, data: bytes, http_charset: str | None = None) -> str:
    """An HTML page's text, in its declared charset when that reads as Arabic, else UTF-8 or a detected code page."""
    text, _ = decode_bytes(label, data, declared=http_charset or declared_charset(data))
    return text


def article_from_html(html: str, label: str, url: str | None = None, article_id: str | None = None) -> Article:
    """One article from an HTML page; InputError when the page has no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as err:  # lxml/trafilatura on pathological markup: the page is the problem, not us
        raise InputError(label, f"HTML could not be parsed ({type(err).__name__}: {err})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError(label, "no article text found in the HTML")
    title = getattr(doc, "title", None) or None
    text = _without_title(text, title)
    url = url or getattr(doc, "url", None) or None
    return Article(id=article_id or page_id(url, label), text=text, date=page_date(html, url, title, text),
                   title=title, source=getattr(doc, "sitename", None) or _host(url), url=url,
                   dateline=find_in_body(text), origin=label)


def _without_title(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (the page's <h1>), so a dateline opens it again."""
    first, _, rest = text.partition("\n")
    return rest.strip() if title and first.strip() == title.strip() and rest.strip() else text


def page_date(html: str, url: str | None, title: str | None, text: str) -> dt.date | None:
    """The publication day: page metadata first, then an Arabic date in the title or opening lines."""
    found = _htmldate(html, url)
    if found is not None:
        return found
    # htmldate has no Arabic month names: `١١ آذار ٢٠٢٦` gives nothing (or a guess from stray digits)
    return find_arabic_date(f"{title or ''}\n{text[:HEAD_CHARS]}")


def _htmldate(html: str, url: str | None) -> dt.date | None:
    import htmldate

    try:
        # extensive_search=False: metadata, <time>, JSON-LD and URL only; its free-text guesses misread Arabic
        value = htmldate.find_date(html, url=url, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd markup; the fallback still applies
        return None
    return dt.date.fromisoformat(value) if value else None


def page_id(url: str | None, label: str) -> str:
    """A stable id: a hash of the URL, else the file's name."""
    if url:
        return "url:" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    from pathlib import Path

    return Path(label).name.split(".")[0] or label


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
