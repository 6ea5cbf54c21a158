"""The FastAPI application: JSON API, web UI, static files, limits and error pages."""
from __future__ import annotations

import json
import os
from contextlib import ExitStack, asynccontextmanager
from dataclasses import asdict
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select

from .. import __version__
from ..store import StoreOptions, open_store, searchtext
from ..store.errors import NotFound, QueryError
from ..store.schema import schema_migrations
from . import labels, pages, routes
from .docs import add_docs
from .cache import ResponseCache
from .options import ApiOptions
from .security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).parent / "static"
MIGRATED = select(func.count()).select_from(schema_migrations)  # any statement that reads the schema
OPTIONS_ENV = "KHABAR_SERVE_OPTIONS"  # how `khabar serve --workers N` hands its options to each worker
# Worker threads for the sync routes over SQLite (AnyIO's default is 40). The routes are mostly Python holding
# the GIL: 40 at once made each one 40 times slower and starved the event loop, which answers the cache hits.
ROUTE_THREADS = 4


def _wants_html(request: Request) -> bool:
    return request.url.path.startswith("/ui")


def _error(request: Request, status: int, message: str, arabic: str) -> Response:
    """An Arabic error page for the UI (the English detail in its tooltip), the English detail for the API."""
    if _wants_html(request):
        return pages.render(request, "error.html", status_code=status, status=status, message=arabic, detail=message)
    return JSONResponse({"detail": message}, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc), labels.error_text(exc.code, **exc.fields))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc), labels.error_text(exc.code, **exc.fields))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
            return _error(request, 422, problems, "؛ ".join(labels.validation_text(e) for e in exc.errors()))
        return JSONResponse({"detail": exc.errors()}, status_code=422)


def warm_up(app: FastAPI) -> None:
    """Load at startup what the first requests would otherwise pay for: the tokeniser's clitic rules (0.3 s,
    on the first search), the compiled templates and the pooled connections (each reads the schema once)."""
    searchtext.terms("والمحادثات")
    for name in pages.templates.env.list_templates(extensions=["html"]):
        pages.templates.env.get_template(name)
    app.state.store.generation()  # opens the connection that watches the store for commits
    with ExitStack() as stack:  # all at once, so the pool keeps that many
        for _ in range(ROUTE_THREADS):
            stack.enter_context(app.state.store.engine.connect()).execute(MIGRATED)


def limit_route_threads(store) -> None:
    """ROUTE_THREADS for SQLite, whose pool never makes a thread wait. A pool that can (PostgreSQL's) keeps
    AnyIO's 40: with fewer threads than pooled connections, threads waiting for a connection could hold every
    thread that the requests holding one need to finish."""
    if store.dialect == "sqlite":
        to_thread.current_default_thread_limiter().total_tokens = ROUTE_THREADS


def create_app(options: ApiOptions | None = None) -> FastAPI:
    """The app over the store at `options.db` (opened, and migrated, at startup)."""
    options = options or ApiOptions()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = open_store(StoreOptions(db=options.db, progress=False))
        limit_route_threads(app.state.store)
        try:
            warm_up(app)
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="khabar", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Arabic news as verifiable structured knowledge: articles, quotes, entities, events.")
    app.state.options = options
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.include_router(pages.root)
    # StaticFiles resolves each path under the directory and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")
    add_docs(app)
    _handlers(app)
    # Innermost: the cache keeps what the routes answer; the security headers are added to every reply.
    app.add_middleware(ResponseCache, generation=lambda: _generation(app), max_entries=options.cache_entries)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=options.max_body)
    return app


def _generation(app: FastAPI) -> int | None:
    store = getattr(app.state, "store", None)  # None before startup: nothing is cached then
    return store.generation() if store is not None else None


def options_to_env(options: ApiOptions) -> dict[str, str]:
    """The environment entry that carries `options` to worker processes (uvicorn starts them by import string)."""
    return {OPTIONS_ENV: json.dumps(asdict(options))}


def app_from_env() -> FastAPI:
    """The app factory each `--workers` process calls, with the options its parent put in the environment."""
    return create_app(ApiOptions(**json.loads(os.environ[OPTIONS_ENV])))
