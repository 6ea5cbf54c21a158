"""Search → article → entity profile in headless Chromium: highlighted spans, tooltips, the quote timeline."""
from __future__ import annotations


def test_search_article_entity_journey(server, page, artifacts):
    page.goto(f"{server}/ui/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("header input[name=q]", "دميترييف")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ol.results")
    assert page.locator("ol.results mark").first.inner_text() in ("دميترييف", "كيريل", "ودميترييف")
    page.screenshot(path=str(artifacts / "1-search.png"), full_page=True)

    page.click("ol.results a.title:has-text('اجتماع مثمر')")
    page.wait_for_selector("#article-text")
    quote = page.locator("#article-text .hl-quote").first
    assert "أشكر ستيف" in quote.inner_text()
    assert page.locator("#article-text .hl-speaker").first.inner_text() == "دميترييف"
    entity = page.locator("#article-text .hl-entity").first
    assert entity.inner_text() == "كيريل دميترييف"
    assert entity.get_attribute("data-tip") == "شخص: كيريل دميترييف (Kirill Dmitriev)"
    assert page.locator("#article-text .hl-timex:has-text('الاثنين')").get_attribute("title") == "تاريخ: 2026-03-09"
    assert page.locator("#article-text .hl-hit").count() >= 2  # the searched word, in both mentions
    # The tooltip is CSS only: hovering shows it, no script needed.
    entity.hover()
    tip = page.evaluate("e => getComputedStyle(e, '::after').content", entity.element_handle())
    assert "كيريل دميترييف" in tip
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Noto Naskh Arabic"')
    page.screenshot(path=str(artifacts / "2-article.png"), full_page=True)

    entity.click()
    page.wait_for_selector("#timeline")
    assert page.locator("#entity-name").inner_text().startswith("كيريل دميترييف")
    items = page.locator("#timeline .timeline-item")
    assert items.count() == 2
    assert [items.nth(i).locator("time").inner_text() for i in range(2)] == ["2026-03-12", "2026-03-13"]
    assert "أشكر ستيف" in items.nth(0).inner_text() and "ناقشنا مشاريع" in items.nth(1).inner_text()
    assert "موفد الرئيس الروسي" in page.locator("#roles").inner_text()
    page.screenshot(path=str(artifacts / "3-entity.png"), full_page=True)
    assert (artifacts / "3-entity.png").stat().st_size > 0


def test_events_chart_and_graph_render(server, page, artifacts):
    page.goto(f"{server}/ui/events?type=CONSULT")
    assert page.locator("#events-per-day rect").count() == 3
    assert page.locator("#events-table tbody tr").count() == 3
    page.goto(f"{server}/ui/graph")
    assert page.locator("#actor-graph circle").count() == 4
    assert page.locator("#actor-graph line").count() == 3
    page.screenshot(path=str(artifacts / "4-graph.png"), full_page=True)


def test_page_runs_no_inline_script(server, page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/ui/articles/seed-b")
    assert page.locator("script").count() == 0 and not errors


def test_docs_render_with_the_network_off(server, page):
    # Everything not on this server is refused, as on an analyst's offline machine.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "khabar" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path:has-text('/search')").count() >= 1
