"""List pages page: a range with its total, and previous/next links that keep the filters (issue 21 item 1)."""
from __future__ import annotations

import re

from khabar.api.paging import pager


def test_pager_middle_page_links_both_ways_and_keeps_filters():
    p = pager("/ui/quotes", {"speaker": "ترمب", "limit": "20", "offset": "20"}, total=55, limit=20, offset=20)
    assert (p.first, p.last, p.total) == (21, 40, 55)
    assert p.prev == "/ui/quotes?speaker=%D8%AA%D8%B1%D9%85%D8%A8&limit=20"
    assert p.next.endswith("limit=20&offset=40")


def test_pager_last_page_is_short_and_has_no_next():
    p = pager("/ui/search", {"q": "محادثات"}, total=45, limit=20, offset=40)
    assert (p.first, p.last, p.next) == (41, 45, None)
    assert p.prev == "/ui/search?q=%D9%85%D8%AD%D8%A7%D8%AF%D8%AB%D8%A7%D8%AA&offset=20"


def test_pager_nothing_to_show():
    p = pager("/ui/events", {}, total=0, limit=50, offset=0)
    assert (p.first, p.last, p.prev, p.next) == (0, 0, None, None)


def _range(html: str) -> str:
    """What the reader sees of the pager's range, tags dropped."""
    shown = re.search(r'id="pager-range">(.*?)</span>\s*(?:<a|</nav>)', html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", shown)


def test_quotes_page_pages_through_every_quote(client):
    total = client.get("/quotes", params={"group": "true"}).json()["total"]  # the page shows one row per statement
    assert total >= 2
    first = client.get("/ui/quotes", params={"limit": 1}).text
    assert _range(first) == f"1–1 من {total}"
    nxt = re.search(r'id="pager-next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(nxt).text
    assert _range(second) == f"2–2 من {total}"
    assert 'id="pager-prev"' in second
