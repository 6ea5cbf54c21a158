"""The JSON API and the HTML pages, over a real store, with the security rules."""
from __future__ import annotations

from urllib.parse import quote

import khabar_fixtures as fx

from conftest_store import TOKEN


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/articles", "/articles/{article_id}", "/entities", "/entities/{entity_id}", "/quotes", "/events",
              "/graph", "/search"):
        assert p in paths, p


def test_search_finds_waw_al_form(client):
    body = client.get("/search", params={"q": "محادثات"}).json()
    assert body["terms"] == ["محادثات"]
    assert "ant:BB-internationalNews-513-20180516" in [r["id"] for r in body["items"]]


def test_article_returns_record_and_store_links(client):
    body = client.get("/articles/seed-a").json()
    assert body["record"]["quotes"][0]["text"] == "أشكر ستيف وجارد وجوش على اللقاء المثمر"
    assert body["entity_ids"]["a1"] == "kb:Q_dmitriev"
    ant = client.get("/articles/" + quote("ant:CN-technology-137-20180823", safe="")).json()
    assert ant["copies"] == ["ant:CN-technology-146-20180823"]


def test_articles_filters(client):
    got = client.get("/articles", params={"speaker": "بيسكوف"}).json()
    assert [a["id"] for a in got["items"]] == ["seed-b"]
    got = client.get("/articles", params={"from": "2018-05-16", "to": "2018-05-16"}).json()
    assert got["total"] == 2


def test_entity_profile(client):
    e = client.get("/entities/kb:Q_dmitriev").json()
    assert e["name"] == "كيريل دميترييف" and e["name_en"] == "Kirill Dmitriev"
    assert [q["date"] for q in e["quotes"]] == ["2026-03-12", "2026-03-13"]
    assert e["roles"][0]["role"] == "موفد الرئيس الروسي"
    assert "kb:Q_putin" in [c["id"] for c in e["cooccurring"]]
    listed = client.get("/entities", params={"q": "دميترييف"}).json()["items"]
    assert listed[0]["id"] == "kb:Q_dmitriev" and listed[0]["articles"] == 2


def test_quotes_events_graph(client):
    q = client.get("/quotes", params={"speaker": "Dmitriev", "channel": "X"}).json()["items"]
    assert [x["text"][:4] for x in q] == ["أشكر"]
    words = client.get("/quotes", params={"q": "والطاقة"}).json()["items"]  # clitic split in quotes too
    assert [x["article_id"] for x in words] == ["seed-b"]
    ev = client.get("/events", params={"type": "CONSULT", "location": "فلوريدا"}).json()["items"]
    assert [e["trigger_text"] for e in ev] == ["عقد"]
    g = client.get("/graph").json()
    assert {"source": "kb:Q_dmitriev", "target": "kb:Q_putin", "type": "CONSULT", "n": 1} in g["edges"]


def test_unknown_ids_are_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/entities/kb:nope").status_code == 404
    assert client.get("/ui/articles/nope").status_code == 404


def test_bad_query_params_are_422_not_500(client):
    for url, params in [("/articles", {"from": "yesterday"}), ("/articles", {"limit": "0"}),
                        ("/articles", {"limit": "abc"}), ("/events", {"type": "x'; drop"}),
                        ("/search", {"q": ""}), ("/search", {"q": "«»"}), ("/search", {"q": "م" * 500}),
                        ("/ui/search", {"q": "x", "from": "2026-13-40"}), ("/entities", {"type": "ANIMAL"})]:
        assert client.get(url, params=params).status_code == 422, (url, params)


def test_sql_in_params_is_just_text(client):
    r = client.get("/quotes", params={"speaker": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_write_needs_the_token(client, api_db):
    record = fx.record_a("0.3.0")
    assert client.post("/articles", json=record).status_code == 401
    assert client.post("/articles", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/articles", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json() == {"id": "seed-a", "action": "replaced"}
    bad = client.post("/articles", json={"id": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422


def test_writes_disabled_without_a_configured_token(api_db):
    from fastapi.testclient import TestClient

    from khabar.api.app import create_app
    from khabar.api.options import ApiOptions

    with TestClient(create_app(ApiOptions(db=api_db))) as c:
        assert c.post("/articles", json=fx.record_b(), headers={"Authorization": "Bearer "}).status_code == 403


def test_large_body_is_413(client):
    big = {"id": "x", "text": "خبر " * 40000}
    r = client.post("/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


def test_static_refuses_path_traversal(client):
    assert client.get("/static/khabar.css").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/pipeline.py"):
        r = client.get(path)
        assert r.status_code == 404 and "create_app" not in r.text, path


def test_article_content_is_escaped(client):
    evil = fx.record_b("0.9.0")
    evil["id"] = "evil"
    evil["title"] = "<script>alert('x')</script>"
    r = client.post("/articles", json=evil, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    page = client.get("/ui/articles/evil").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    assert "script-src 'self'" in client.get("/ui/articles/evil").headers["content-security-policy"]


def test_html_pages_render_rtl_with_highlights(client):
    page = client.get("/ui/articles/seed-a", params={"q": "فلوريدا"}).text
    assert '<html lang="ar" dir="rtl">' in page
    assert 'class="hl-quote"' in page and "hl-speaker" in page and "hl-entity" in page and "hl-timex" in page
    assert 'data-tip="شخص: كيريل دميترييف (Kirill Dmitriev)"' in page
    assert "hl-hit" in page
    for url in ("/ui/", "/ui/search?q=محادثات", "/ui/entities", "/ui/entities/kb:Q_dmitriev", "/ui/quotes?speaker=دميترييف",
                "/ui/events?type=CONSULT", "/ui/graph"):
        r = client.get(url)
        assert r.status_code == 200, url
    assert 'id="events-per-day"' in client.get("/ui/events").text
    assert 'id="actor-graph"' in client.get("/ui/graph").text
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui/"


def test_regression_star_query_says_no_results(client):
    page = client.get("/ui/search", params={"q": "*"})
    assert page.status_code == 200
    assert "لا نتائج" in page.text and "لا كلمات يُبحث عنها" in page.text
    words = client.get("/ui/search", params={"q": "محادثات"})
    assert words.status_code == 200 and "لا كلمات يُبحث عنها" not in words.text


def test_quotes_grouped_by_statement_count_their_articles(client):
    every = client.get("/quotes").json()
    grouped = client.get("/quotes", params={"group": "true"}).json()
    assert grouped["total"] <= every["total"] and grouped["total"] > 0
    assert all(q["articles"] >= 1 for q in grouped["items"])
    assert "articles" not in every["items"][0]
