"""The FastAPI application: JSON API, web UI, static files, limits and error pages."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import StoreOptions, open_store
from ..store.errors import NotFound, QueryError
from . import pages, routes
from .options import ApiOptions
from .security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).parent / "static"


def _wants_html(request: Request) -> bool:
    return request.url.path.startswith("/ui")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_html(request):
        return pages.render(request, "error.html", status_code=status, status=status, message=message)
    return JSONResponse({"detail": message}, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
            return _error(request, 422, problems)
        return JSONResponse({"detail": exc.errors()}, status_code=422)


def create_app(options: ApiOptions | None = None) -> FastAPI:
    """The app over the store at `options.db` (opened, and migrated, at startup)."""
    options = options or ApiOptions()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.store = open_store(StoreOptions(db=options.db, progress=False))
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="khabar", version=__version__, lifespan=lifespan,
                  description="Arabic news as verifiable structured knowledge: articles, quotes, entities, events.")
    app.state.options = options
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.include_router(pages.root)
    # StaticFiles resolves each path under the directory and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")
    _handlers(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=options.max_body)
    return app
