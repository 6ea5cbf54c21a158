"""The network's layout and the time-axis charts: geometry that holds, pages that link where they say."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from khabar.api import layout, network, svg

LONG = "عبد الرحمن بن عبد العزيز آل سعود"


def _graph(k: int = 40):
    ids = [f"n{i}" for i in range(k)]
    names = [(LONG + " " + str(i))[: 12 + i % 22] for i in range(k)]
    edges = [(ids[i], ids[(i * 7 + 3) % k], i % 5 + 1) for i in range(k)] + [(ids[i], ids[(i + 1) % k], 1) for i in range(k)]
    return ids, names, edges


def test_layout_is_deterministic():
    assert layout.place(*_graph()) == layout.place(*_graph())


def test_layout_40_long_names_no_overlap_inside_canvas():
    placed, width, height = layout.place(*_graph())
    assert layout.overlapping([p.box for p in placed]) == []
    for p in placed:
        assert 0 <= p.box.x0 and p.box.x1 <= width and 0 <= p.box.y0 and p.box.y1 <= height


def test_label_box_grows_with_the_name():
    assert layout.label_size(LONG)[0] > layout.label_size("روسيا")[0] > 0


def test_top_nodes_keeps_the_heaviest_and_the_ego():
    g = {"nodes": [{"id": x} for x in "abcd"],
         "edges": [{"source": "a", "target": "b", "n": 5}, {"source": "c", "target": "d", "n": 1}]}
    assert [n["id"] for n in network.top_nodes(g, 2)["nodes"]] == ["a", "b"]
    kept = network.top_nodes(g, 2, keep="d")
    assert {n["id"] for n in kept["nodes"]} == {"a", "d"} and kept["edges"] == []


def test_time_axis_has_every_day_and_gaps():
    days = [{"day": "2026-03-09", "n": 1}, {"day": "2026-03-11", "n": 3}, {"day": "2026-03-13", "n": 1}]
    assert [n for _, n in svg.every_day(days)] == [1, 0, 3, 0, 1]
    chart = svg.time_chart(days, lambda d: d)
    assert [b.day for b in chart.bars] == ["2026-03-09", "2026-03-11", "2026-03-13"]
    step = chart.bars[1].x - chart.bars[0].x
    assert abs(step - 2 * (chart.plot[2] - chart.plot[0]) / 5) < 1e-6  # one empty slot between them
    assert [t.text for t in chart.y_ticks] == ["0", "1", "2", "3"]


def test_sparse_ticks_on_a_long_range():
    days = [{"day": "2026-01-01", "n": 2}, {"day": "2026-12-31", "n": 7}]
    chart = svg.time_chart(days, lambda d: d)
    xs = [t.pos for t in chart.x_ticks]
    gap = 10 * svg.DIGIT_PX
    assert len(xs) > 3 and all(b - a > gap for a, b in zip(xs, xs[1:]))
    assert xs[0] - gap / 2 >= 0 and xs[-1] + gap / 2 <= chart.width


def _svg(page: str, svg_id: str) -> ET.Element:
    return ET.fromstring(re.search(rf'<svg[^>]*id="{svg_id}".*?</svg>', page, re.S).group(0))


def test_events_chart_ticks_inside_and_bars_link_to_their_day(client):
    page = client.get("/ui/events", params={"type": "CONSULT"}).text
    root = _svg(page, "events-per-day")
    ns = ""  # inline SVG in HTML carries no xmlns
    width = float(root.get("viewBox").split()[2])
    for t in root.iter(f"{ns}text"):
        half = len(t.text) * svg.DIGIT_PX / 2 if t.get("text-anchor") == "middle" else 0
        assert half <= float(t.get("x")) <= width - half
    links = [a.get("href") for a in root.iter(f"{ns}a")]
    assert len(links) == 3 and "from=2026-03-11&to=2026-03-11" in links[1] and "type=CONSULT" in links[1]
    day = client.get(links[1].replace("&amp;", "&")).text
    rows = re.findall(r'<tr><td dir="ltr">([^<]*)<', day)
    assert rows and set(rows) == {"2026-03-11"}


def test_edge_filter_lists_the_edges_events(client):
    page = client.get("/ui/events", params={"source_entity": "kb:Q_dmitriev", "target_entity": "kb:Q_putin",
                                            "type": "CONSULT"}).text
    # Other tests post articles into this session's store, so compare with the graph's own count of the edge.
    edge = [e for e in client.get("/graph").json()["edges"]
            if (e["source"], e["target"], e["type"]) == ("kb:Q_dmitriev", "kb:Q_putin", "CONSULT")]
    rows = re.findall(r'<tr><td dir="ltr">.*?</tr>', page, re.S)
    assert len(rows) == edge[0]["n"] >= 1 and "ليطلع" in page
    assert all("kb%3AQ_dmitriev" in r and "kb%3AQ_putin" in r for r in rows)


def test_graph_ego_view_and_unknown_entity(client):
    page = client.get("/ui/graph", params={"entity": "kb:Q_putin"}).text
    assert "فلاديمير بوتين" in page and 'class="node node-per ego"' in page
    assert "ستيف ويتكوف" not in page  # not Putin's neighbour
    assert client.get("/ui/graph", params={"entity": "kb:nope"}).status_code == 404
    assert 'href="/ui/graph?entity=kb%3AQ_dmitriev"' in client.get("/ui/entities/kb:Q_dmitriev").text


def test_entity_quotes_per_day_chart_links_to_quotes(client):
    root = _svg(client.get("/ui/entities/kb:Q_dmitriev").text, "quotes-per-day")
    links = [a.get("href") for a in root.iter("a")]
    assert links == ["/ui/quotes?speaker=kb%3AQ_dmitriev&from=2026-03-12&to=2026-03-12",
                     "/ui/quotes?speaker=kb%3AQ_dmitriev&from=2026-03-13&to=2026-03-13"]


def test_edge_width_grows_with_the_count():
    assert network.edge_width(1) == 1.5 < network.edge_width(4) < network.edge_width(1000) == 8


def test_api_graph_ego_and_events_by_edge(client):
    g = client.get("/graph", params={"entity": "kb:Q_putin"}).json()
    assert g["edges"] and all("kb:Q_putin" in (e["source"], e["target"]) for e in g["edges"])
    ev = client.get("/events", params={"source_entity": "kb:Q_dmitriev", "target_entity": "kb:Q_putin"}).json()
    assert ev["total"] >= 1 and all(e["source_entity"] == "kb:Q_dmitriev" and e["target_entity"] == "kb:Q_putin"
                                    for e in ev["items"])
