"""The web UI: server-rendered RTL pages over the same queries as the JSON API."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Connection

from ..store import Store, queries, searchtext
from ..store.errors import QueryError
from ..store.filters import Filters
from . import highlight, labels, layout, network, svg
from .paging import pager
from .window import LIST_ROWS, PAGE_CHARS, Window, clip, window
from .deps import TEXT, Page, article_filters, connection, event_filters, page, quote_filters, store

TEMPLATES = Path(__file__).parent / "templates"


def entity_href(entity_id: str) -> str:
    return "/ui/entities/" + quote(entity_id, safe="")


def article_href(article_id: str) -> str:
    return "/ui/articles/" + quote(article_id, safe="")


SAFE_SCHEMES = ("http", "https")


def safe_url(url: object) -> str | None:
    """`url` when it is an absolute http(s) address, else None: the templates then show it as text, never as an
    href, so a stored `javascript:`, `data:` or `vbscript:` url (or a relative one) cannot become a live link.
    Control characters and spaces are refused too: browsers strip some of them before reading the scheme."""
    if not isinstance(url, str) or any(ord(c) < 0x21 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and NUL, shown as visible escapes
# (`\u202e`) rather than stripped: raw, an override reorders what the reader sees (a spoofed name, a url that
# reads backwards); stripped, the page would silently differ from the stored text that every span indexes. The
# escape keeps the evidence in sight. Display only: the store and the JSON API keep the characters unchanged.
DISPLAY_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0)}


def display_text(value: object) -> object:
    """Every `{{ ... }}` output of the templates (Jinja's finalize): strings with the controls above escaped."""
    return value.translate(DISPLAY_ESCAPES) if isinstance(value, str) else value


def make_templates() -> Jinja2Templates:
    # Autoescape everything: article text, titles and names come from the web.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                      finalize=display_text)
    env.globals.update(entity_href=entity_href, article_href=article_href, label=labels.label, arabic=labels.arabic,
                       ltr=labels.ltr)
    env.filters["safe_url"] = safe_url
    env.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    return Jinja2Templates(env=env)


templates = make_templates()
router = APIRouter(prefix="/ui", include_in_schema=False)
root = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def page_of(request: Request, found: dict | None, p: Page):
    """The pager under a list page's results; None when there are none."""
    if not found:
        return None
    return pager(request.url.path, request.query_params, found["total"], p.limit, p.offset)


@root.get("/")
def home_redirect() -> RedirectResponse:
    return RedirectResponse("/ui/", status_code=307)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, s: Store = Depends(store), conn: Connection = Depends(connection)):
    return render(request, "home.html", counts=s.counts(), latest=queries.list_articles(conn, Filters(), 10)["items"],
                  people=queries.list_entities(conn, type_="PER", limit=15)["items"])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", **TEXT), f: Filters = Depends(article_filters),
                p: Page = Depends(page), s: Store = Depends(store), conn: Connection = Depends(connection)):
    found, wordless = _search_or_none(conn, s, f.with_(q=q), p) if q.strip() else (None, False)
    return render(request, "search.html", q=q, found=found, wordless=wordless, filters=f, facets=queries.facets(conn),
                  pager=page_of(request, found, p), names=queries.known_names(conn))


def _search_or_none(conn: Connection, s: Store, f: Filters, p: Page) -> tuple[dict | None, bool]:
    """The search's results, or (None, True) for a query with no words: a person typing `*` expects "no results"."""
    try:
        return queries.search(conn, s.fts, f, p.limit, p.offset), False
    except QueryError:
        return None, True


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, q: str = Query("", **TEXT),
                 start: int = Query(0, ge=0, le=100_000_000, alias="from"), conn: Connection = Depends(connection)):
    data = queries.get_article(conn, article_id)
    record = data["record"]
    w = window(record["text"], start)
    hits = _hits_in(record["text"], w, q)
    marks = clip(highlight.article_marks(record, data["entity_ids"], entity_href, hits), w)
    return render(request, "article.html", a=data, r=record, q=q, w=w, rows=LIST_ROWS,
                  nodes=highlight.nest(record["text"], marks, w.start, w.end),
                  more=_article_link(article_id, q, w.end) if w.end < w.length else None,
                  back=_article_link(article_id, q, max(0, w.start - PAGE_CHARS)) if w.start else None)


def _hits_in(text: str, w: Window, q: str) -> list[tuple[int, int]]:
    """The search word's spans on this page only: tokenising a giant article for one page was most of its cost."""
    if not q.strip():
        return []
    return [(s + w.start, e + w.start) for s, e in searchtext.hits(text[w.start:w.end], searchtext.terms(q))]


def _article_link(article_id: str, q: str, start: int) -> str:
    params = {k: v for k, v in (("q", q), ("from", start)) if v}
    return article_href(article_id) + ("?" + urlencode(params) if params else "")


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: str = Query("", **TEXT), type: str | None = Query(None, pattern=r"^(PER|ORG|GPE|LOC)?$"),
                  p: Page = Depends(page), conn: Connection = Depends(connection)):
    found = queries.list_entities(conn, q or None, type or None, p.limit, p.offset)
    return render(request, "entities.html", q=q, type=type, found=found, pager=page_of(request, found, p))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, conn: Connection = Depends(connection)):
    e = queries.get_entity(conn, entity_id)
    # A bar opens the quotes page on that day; the speaker filter matches the entity's id.
    chart = svg.time_chart(queries.quotes_per_day(conn, entity_id),
                           lambda day: "/ui/quotes?" + urlencode({"speaker": entity_id, "from": day, "to": day}))
    return render(request, "entity.html", e=e, chart=chart)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, f: Filters = Depends(quote_filters), p: Page = Depends(page),
                conn: Connection = Depends(connection)):
    found = queries.list_quotes(conn, f, limit=p.limit, offset=p.offset, grouped=True)
    return render(request, "quotes.html", found=found, filters=f, facets=queries.facets(conn),
                  pager=page_of(request, found, p))


ENTITY_ID = {"max_length": 300}


def day_href(request: Request, day: str) -> str:
    """This list under the same filters, on `day` alone, from its first page."""
    params = {k: v for k, v in request.query_params.items() if k not in ("from", "to", "offset")}
    return request.url.path + "?" + urlencode({**params, "from": day, "to": day})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: Filters = Depends(event_filters), p: Page = Depends(page),
                source_entity: str | None = Query(None, **ENTITY_ID), target_entity: str | None = Query(None, **ENTITY_ID),
                conn: Connection = Depends(connection)):
    edge = {"source_entity": source_entity or None, "target_entity": target_entity or None}
    days = queries.events_per_day(conn, f, **edge)
    found = queries.list_events(conn, f, limit=p.limit, offset=p.offset, **edge)
    return render(request, "events.html", found=found, filters=f, facets=queries.facets(conn), edge=edge,
                  chart=svg.time_chart(days, lambda day: day_href(request, day)), pager=page_of(request, found, p))


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, f: Filters = Depends(event_filters), top: int = Query(40, ge=1, le=100),
               entity: str | None = Query(None, **ENTITY_ID), conn: Connection = Depends(connection)):
    ego = queries.get_entity(conn, entity) if entity else None  # an unknown id is a 404, not an empty picture
    g = network.top_nodes(queries.graph(conn, f, limit=2000, entity_id=entity or None), top, keep=entity)
    return render(request, "graph.html", g=g, pic=network.picture(g, dict(request.query_params)), ego=ego, top=top,
                  filters=f, facets=queries.facets(conn), font_px=layout.FONT_PX)
