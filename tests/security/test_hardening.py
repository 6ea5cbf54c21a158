"""Hardening (issue 21, item 8): only http(s) urls become links, bidi controls and NUL are shown as visible
escapes, and `POST /articles` checks a record the way `extract` output is checked (schema, exact spans, safe id)."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from khabar.api.app import create_app  # noqa: E402
from khabar.api.options import ApiOptions  # noqa: E402
from khabar.record import to_record  # noqa: E402
from khabar.doc import Article  # noqa: E402
from khabar.pipeline import Options, Pipeline  # noqa: E402
from khabar.store import StoreOptions, open_store, searchtext  # noqa: E402

TOKEN = "hardening-test-token-5d21"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# ant:AL-culture-169-20180315 (first sentence)
TEXT = ("أفادت وسائل اعلام محلية أن وزارة المالية المصرية أحالت ملف الفنانة فيفي عبده إلى نيابة الأموال العامة. "
        "وقال المتحدث «إن الملف قيد الفحص» يوم الخميس.")
RLO = "\u202e"
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)] + ["\x00"]


def record(article_id: str, text: str = TEXT, url: str | None = "https://example.invalid/a", **extra) -> dict:
    pipeline = Pipeline.build(Options(stages=("sentences.v1", "tokens.v1", "time.v1")))
    article = Article(id=article_id, text=text, date=dt.date(2018, 3, 15), title="وزارة المالية المصرية",
                      source="ant", url=url)
    out = to_record(pipeline.run(article), pipeline.provenance)
    out.update(extra)
    return out


def with_entity(article_id: str, start: int, end: int, text: str | None = None) -> dict:
    r = record(article_id)
    r["entities"] = [{"id": f"{article_id}:e1", "name": "وزارة المالية", "name_en": None, "type": "ORG",
                      "kb_id": None, "mentions": [{"text": TEXT[start:end] if text is None else text,
                                                   "start": start, "end": end}]}]
    return r


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("hardening") / "h.db")
    bidi_text = TEXT.replace("فيفي عبده", f"فيفي{RLO}عبده" + "".join(BIDI))
    with open_store(StoreOptions(db=path, progress=False)) as store:
        for r in (record("js-url", url="javascript:alert(1)"), record("https-url"),
                  record("data-url", url="data:text/html,<b>x</b>"), record("vb-url", url="VBScript:msgbox(1)"),
                  record("tab-url", url="java\tscript:alert(1)"),
                  record("bidi", text=bidi_text, title=f"عنوان{RLO}مقلوب")):
            store.write(r, searchtext.search_text(r["text"], r.get("title")))
    return path


@pytest.fixture
def client(db):
    with TestClient(create_app(ApiOptions(db=db, token=TOKEN, max_body=64 * 1024)),
                    raise_server_exceptions=False) as c:
        yield c


# --- item 1: only http(s) urls are links ---

def test_regression_javascript_url_is_not_a_link(client):
    page = client.get("/ui/articles/js-url")
    assert page.status_code == 200
    assert 'href="javascript:' not in page.text.lower()
    assert "javascript:alert(1)" in page.text  # still shown, as text


@pytest.mark.parametrize("article_id", ["data-url", "vb-url", "tab-url"])
def test_regression_non_http_urls_are_not_links(client, article_id):
    page = client.get(f"/ui/articles/{article_id}").text.lower()
    for scheme in ("javascript:", "data:", "vbscript:", "java\tscript:", "java&#9;script:"):
        assert f'href="{scheme}' not in page


def test_https_url_is_still_a_link(client):
    assert 'href="https://example.invalid/a"' in client.get("/ui/articles/https-url").text


def test_safe_url_allows_only_absolute_http_and_https():
    from khabar.api.pages import safe_url

    assert safe_url("https://a.example/x?y=1") and safe_url("HTTP://a.example/")
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x",
                "/relative", "//evil.example/x", "https:/no-host", "java\nscript:x", "http://a b", None, 3):
        assert safe_url(bad) is None, bad


# --- item 2: bidi controls and NUL are neutralised in display only ---

def test_regression_bidi_override_is_kept_in_the_store(client):
    stored = client.get("/articles/bidi").json()["record"]
    assert RLO in stored["text"] and "\x00" in stored["text"] and RLO in stored["title"]


@pytest.mark.parametrize("path", ["/ui/articles/bidi", "/ui/", "/ui/search?q=المالية"])
def test_regression_bidi_override_is_not_rendered_raw(client, path):
    page = client.get(path)
    assert page.status_code == 200
    for ch in BIDI:
        assert ch not in page.text, (path, hex(ord(ch)))
    if path == "/ui/articles/bidi":
        assert "\\u202e" in page.text  # shown as a visible escape, so the reader sees it was there


# --- item 3: POST /articles checks a record as `extract` output is checked ---

def stored(client) -> tuple:
    listing = client.get("/articles", params={"limit": 200}).json()
    return client.get("/health").json()["counts"], sorted(i["id"] for i in listing["items"])


def post_rejected(client, bad: dict, field: str) -> str:
    before = stored(client)
    r = client.post("/articles", json=bad, headers=AUTH)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and f": {field}: " in detail, detail
    assert stored(client) == before  # nothing was stored
    got = client.get("/articles/" + quote(bad["id"], safe=""))  # "/articles/.." resolves elsewhere: no record either
    assert got.status_code in (404, 422) or '"record"' not in got.text, got.text[:200]
    return detail


def test_regression_post_span_outside_the_text_is_422(client):
    n = len(TEXT)
    detail = post_rejected(client, with_entity("span-outside", n + 3, n + 9, text="المالية"),
                           "entities[0].mentions[0].start")
    assert "outside the text" in detail
    post_rejected(client, with_entity("span-end-outside", 30, n + 9, text=TEXT[30:]), "entities[0].mentions[0].end")


def test_regression_post_span_start_after_end_is_422(client):
    start = TEXT.index("المالية")
    detail = post_rejected(client, with_entity("span-reversed", start + 7, start, text=""),
                           "entities[0].mentions[0].start")
    assert "after end" in detail


def test_regression_post_mention_text_differs_from_its_span_is_422(client):
    start = TEXT.index("وزارة المالية")
    detail = post_rejected(client, with_entity("span-mismatch", start, start + len("وزارة المالية"),
                                               text="وزارة الداخلية"), "entities[0].mentions[0].text")
    assert "is not the text at" in detail


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "..\\..\\boot.ini", "a/b", "x..y", "a\x00b", "a\nb",
                                    "..", ".hidden", "a b"])
def test_regression_post_unsafe_id_is_422(client, bad_id):
    detail = post_rejected(client, record(bad_id), "id")
    assert "is not a safe id" in detail and "no '..'" in detail


def test_post_a_valid_record_with_an_arabic_id_is_still_stored(client):
    start = TEXT.index("وزارة المالية")
    good = with_entity("ant:خبر-1_v2", start, start + len("وزارة المالية"))
    r = client.post("/articles", json=good, headers=AUTH)
    assert r.status_code == 201, r.text
    assert client.get("/articles/ant:خبر-1_v2").json()["record"]["entities"][0]["mentions"][0]["start"] == start


def test_regression_import_checks_spans_like_post(tmp_path, capsys):
    import json

    from khabar.cli import main

    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(with_entity("imp-1", 5, 2, text=""), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "x.db"), "-q"]) == 1
    assert "entities[0].mentions[0].start: start 5 is after end 2" in capsys.readouterr().err
