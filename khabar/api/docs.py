"""The API's /docs page, served with Swagger UI from the installed swagger-ui-py package, never a CDN:
analysts run khabar on machines without internet, where FastAPI's default page stays blank."""
from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
# swagger-ui-py ships Swagger UI 5 (OpenAPI 3.1, which FastAPI writes; Swagger UI 4 cannot read it).
SWAGGER_UI = resources.files("swagger_ui") / "static"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css"><link rel="icon" href="{assets}/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script><script src="/static/docs-init.js"></script></body></html>
"""


def docs_page(app: FastAPI) -> HTMLResponse:
    """Swagger UI over the app's OpenAPI schema, every asset from this server."""
    return HTMLResponse(PAGE.format(title=app.title, assets=ASSETS))


def add_docs(app: FastAPI) -> None:
    """Mount the vendored assets and the /docs page (the app is built with docs_url=None)."""
    app.mount(ASSETS, StaticFiles(directory=str(SWAGGER_UI), follow_symlink=False), name="docs-assets")
    app.add_api_route("/docs", lambda: docs_page(app), include_in_schema=False, response_class=HTMLResponse)
