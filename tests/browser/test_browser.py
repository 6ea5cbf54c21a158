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
    assert page.locator("#actor-graph line.edge").count() == 3
    assert page.locator("#actor-graph a.edge-link").count() == 3  # each edge is one link, with its wide hit line
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


BOXES = """svg => [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; })"""


def _overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_graph_labels_do_not_overlap_and_legend_is_arabic(server, page, artifacts):
    page.goto(f"{server}/ui/graph")
    boxes = page.eval_on_selector("#actor-graph", BOXES)
    assert len(boxes) == 4 and all(w > 0 for _, _, w, _ in boxes)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlaps(a, b)]
    view = [float(v) for v in page.get_attribute("#actor-graph", "viewBox").split()]
    assert all(x >= 0 and y >= 0 and x + w <= view[2] and y + h <= view[3] for x, y, w, h in boxes)
    legend = page.locator("#graph-legend").inner_text()
    assert "شخص" in legend and "PER" not in legend
    page.screenshot(path=str(artifacts / "5-graph-legend.png"), full_page=True)


def test_clicking_an_edge_lists_its_events(server, page):
    page.goto(f"{server}/ui/graph")
    edge = page.locator("#actor-graph a.edge-link[href*='target_entity=kb%3AQ_putin'][href*='source_entity=kb%3AQ_dmitriev']")
    edge.locator("line.edge-hit").click()
    page.wait_for_url("**/ui/events?**")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 1 and "ليطلع" in rows.first.inner_text()
    assert "فلاديمير بوتين" in rows.first.inner_text()


def test_chart_ticks_inside_and_bar_click_filters_the_day(server, page, artifacts):
    page.goto(f"{server}/ui/events?type=CONSULT")
    view = [float(v) for v in page.get_attribute("#events-per-day", "viewBox").split()]
    boxes = page.eval_on_selector("#events-per-day", BOXES)
    assert boxes and all(x >= 0 and y >= 0 and x + w <= view[2] and y + h <= view[3] for x, y, w, h in boxes)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlaps(a, b)]
    bar = page.locator("#events-per-day rect.bar").nth(1)
    assert bar.locator("title").text_content() == "2026-03-11: 1 حدث"
    page.screenshot(path=str(artifacts / "6-events-chart.png"), full_page=True)
    bar.click()
    page.wait_for_url("**from=2026-03-11**")
    assert page.locator("#events-table tbody tr").count() == 1
    assert page.input_value("input[name=from]") == "2026-03-11" and page.input_value("select[name=type]") == "CONSULT"


def test_entity_page_links_its_ego_network(server, page, artifacts):
    page.goto(f"{server}/ui/entities/kb:Q_dmitriev")
    assert page.locator("#quotes-per-day rect.bar").count() == 2
    page.click("#ego-link")
    page.wait_for_selector("#actor-graph")
    assert page.locator("#actor-graph circle.ego").count() == 1
    page.screenshot(path=str(artifacts / "7-ego-graph.png"), full_page=True)
