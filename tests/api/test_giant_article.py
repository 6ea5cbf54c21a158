"""A giant article must not hurt everyone: its page shows a window with "show more", search reads its head only
(issue 21 item 9)."""
from __future__ import annotations

import re

import pytest

import khabar_fixtures as fx
from khabar.api.highlight import Mark
from khabar.api.window import PAGE_CHARS, Window, clip, window
from khabar.store import StoreOptions, open_store, searchtext

PARAGRAPH = "وقال المتحدث إن المحادثات بين الوفدين تناولت ملفات التعاون الاقتصادي والأمن الإقليمي."


def giant_record(paragraphs: int = 4000) -> dict:
    """The seed record a, then thousands of real Arabic paragraphs: about 360,000 characters."""
    r = fx.record_a()
    r.update(id="giant", title="مقال عملاق")
    r["text"] = r["text"] + "".join("\n\n" + PARAGRAPH for _ in range(paragraphs))
    return r


@pytest.fixture(scope="module")
def giant_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from khabar.api.app import create_app
    from khabar.api.options import ApiOptions

    db = str(tmp_path_factory.mktemp("giant") / "giant.db")
    with open_store(StoreOptions(db=db, progress=False)) as store:
        r = giant_record()
        store.write(r, searchtext.search_text(r["text"], r.get("title")))
    with TestClient(create_app(ApiOptions(db=db))) as c:
        yield c


def test_window_ends_at_a_paragraph_break():
    text = giant_record(400)["text"]
    w = window(text, 0, 1000)
    assert 1000 <= w.end < 1000 + len(PARAGRAPH) + 3 and text[w.end] == "\n"
    assert window(text, len(text) - 10).end == len(text)


def test_clip_cuts_a_mark_that_runs_past_the_page():
    marks = [Mark(5, 50, "quote", "x"), Mark(60, 70, "entity", "y"), Mark(200, 210, "hit", "z")]
    assert [(m.start, m.end) for m in clip(marks, Window(40, 100, 500))] == [(40, 50), (60, 70)]


def test_giant_article_page_is_one_window_with_show_more(giant_client):
    first = giant_client.get("/ui/articles/giant")
    assert first.status_code == 200
    assert len(first.content) < 4 * PAGE_CHARS * 4  # characters, in UTF-8 and markup: far from the 14.8 MB page
    length = len(giant_record()["text"])
    assert re.search(rf'الأحرف <span dir="ltr">1–(\d+)</span> من <span dir="ltr">{length}</span>', first.text)
    assert "أشكر ستيف" in first.text  # the head, with its highlights
    more = re.search(r'id="text-more" href="([^"]+)"', first.text).group(1).replace("&amp;", "&")
    second = giant_client.get(more)
    body = second.text.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    assert 'id="text-back"' in second.text and "أشكر ستيف" not in body  # the quote is in the side list only
    assert PARAGRAPH in body


def test_search_snippet_reads_only_the_head_of_a_giant_article(giant_client):
    found = giant_client.get("/search", params={"q": "المحادثات"}).json()
    assert found["total"] == 1
    item = found["items"][0]
    assert "محادثات" in item["snippet"] and item["snippet_hits"]  # the first hit, near the top
