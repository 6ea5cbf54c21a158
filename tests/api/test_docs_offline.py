"""/docs works without internet: Swagger UI comes from the installed package, not a CDN (issue 21 item 3)."""
from __future__ import annotations

import re


def test_docs_page_loads_only_assets_of_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 0, url
    assert "SwaggerUIBundle" in client.get("/docs-assets/swagger-ui-bundle.js").text
    assert "/openapi.json" in client.get("/static/docs-init.js").text


def test_openapi_schema_lists_the_search_route(client):
    assert "/search" in client.get("/openapi.json").json()["paths"]


def test_docs_assets_refuse_traversal(client):
    assert client.get("/docs-assets/../../app.py").status_code == 404
