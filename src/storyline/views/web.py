"""``storyline serve``: a local web app over one database, opened read-only.

Pages for people (home, events with search, one event with its evidence,
statements, storylines, articles, the full report) and a JSON API for tools
(``/api/events?q=…``, ``/api/statements``, ``/api/storylines``,
``/api/articles``, each with ``limit``/``offset`` pagination and ``/{id}`` for
one record; ``/api`` lists them). Every JSON record is
shaped by ``views/contract.py``, so the API and ``storyline export`` agree.

Safety: the database is opened read-only for each request; SQL takes values
only as parameters; templates autoescape; static files come only from this
package's ``static`` folder (Starlette refuses paths that leave it); and every
response carries a Content-Security-Policy that allows nothing from elsewhere.
Search is a case-insensitive substring match (ILIKE) on every word: DuckDB's
full-text extension would have to be downloaded, and storyline downloads
nothing at run time.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Iterator
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import NotFoundError, StorylineError, UsageError
from ..models import PLOVER_TYPES
from ..store import Store
from .contract import article_json, event_json, statement_json, storyline_json
from .report import _event_item, busiest_first, render_report, statement_view, time_order
from .show import event_detail, find_statement, statement_detail
from .timeline import TimelineFilter, chronological, display_date, parse_day
from .words import count

PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
MAX_LIMIT = 500


def _like(term: str) -> str:
    """A LIKE pattern matching ``term`` literally anywhere (``%`` and ``_`` are data)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _terms(q: str | None) -> list[str]:
    return [t for t in (q or "").split() if t][:8]


def _matching_ids(store: Store, sql_any: str, q: str | None, columns: int) -> set[str] | None:
    """Ids of rows whose text holds every word of ``q`` (None when no query).
    ``sql_any`` selects ids matching one pattern, given ``columns`` times."""
    ids: set[str] | None = None
    for term in _terms(q):
        pattern = _like(term)
        found = {row[0] for row in store.iter_rows(sql_any, [pattern] * columns)}
        ids = found if ids is None else ids & found
    return ids


_EVENT_SEARCH = (
    "SELECT id FROM events WHERE summary ILIKE ? ESCAPE '\\' OR type ILIKE ? ESCAPE '\\' "
    "OR sources ILIKE ? ESCAPE '\\' OR targets ILIKE ? ESCAPE '\\' OR date_value ILIKE ? ESCAPE '\\' "
    "UNION SELECT event_id FROM mentions WHERE event_id IS NOT NULL AND sentence ILIKE ? ESCAPE '\\'"
)
_STATEMENT_SEARCH = "SELECT id FROM statements WHERE words ILIKE ? ESCAPE '\\' OR speaker ILIKE ? ESCAPE '\\'"
_ARTICLE_SEARCH = (
    "SELECT id FROM articles WHERE title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\' "
    "OR source ILIKE ? ESCAPE '\\' OR publisher ILIKE ? ESCAPE '\\'"
)


def _page(items: list, limit: int, offset: int, request: Request) -> dict:
    window = items[offset : offset + limit]
    nxt = None
    if offset + limit < len(items):
        params = dict(request.query_params)
        params.update(limit=str(limit), offset=str(offset + limit))
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"total": len(items), "limit": limit, "offset": offset, "items": window, "next": nxt}


def create_app(db: str) -> FastAPI:
    """The app for one database file; fails at once, clearly, if it cannot be read."""
    Store(db, read_only=True).close()
    env = Environment(
        loader=PackageLoader("storyline.views", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = display_date
    env.filters["count"] = count
    env.globals["statement_view"] = statement_view
    # The type filter offers the PLOVER types rather than a free text box,
    # where a typo answered with an error page.
    env.globals["plover_types"] = PLOVER_TYPES
    app = FastAPI(
        title="storyline", version=__version__, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json"
    )
    static_dir = str(resources.files("storyline.views").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")

    def store() -> Iterator[Store]:
        s = Store(db, read_only=True)
        try:
            yield s
        finally:
            s.close()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(name).render(version=__version__, **context)
        return HTMLResponse(html, status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def not_found(request: Request, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "not found", "detail": message}, status_code=404)
        return page("web_error.html", 404, title="Not found", message=message)

    @app.exception_handler(NotFoundError)
    async def _missing(request: Request, exc: NotFoundError):
        return not_found(request, exc.message)

    @app.exception_handler(UsageError)
    async def _misuse(request: Request, exc: UsageError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "bad request", "detail": exc.message}, status_code=400)
        return page("web_error.html", 400, title="Bad request", message=exc.message)

    @app.exception_handler(RequestValidationError)
    async def _bad_parameter(request: Request, exc: RequestValidationError):
        # FastAPI's own answer is a 422 JSON list, even for a page a person
        # opened; answer as every other misuse is answered.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ())[1:]) or 'request'}: {err.get('msg')}" for err in exc.errors()
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "bad request", "detail": problems}, status_code=400)
        return page("web_error.html", 400, title="Bad request", message=problems)

    @app.exception_handler(StorylineError)
    async def _broken(request: Request, exc: StorylineError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "server error", "detail": exc.message}, status_code=503)
        return page("web_error.html", 503, title="Database unavailable", message=exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return not_found(request, f"nothing at {request.url.path}; the API lists its routes at /api")
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)
        return page("web_error.html", exc.status_code, title=str(exc.status_code), message=str(exc.detail))

    # -- shared queries ------------------------------------------------------

    def find_events(s: Store, q, type_, actor, story, since, until, overlapping) -> list:
        flt = TimelineFilter(
            parse_day(since, "--since"),
            parse_day(until, "--until"),
            actor or None,
            type_ or None,
            story or None,
            overlapping,
        )
        stories = {st.id: st for st in s.storylines()}
        ids = _matching_ids(s, _EVENT_SEARCH, q, 6)
        return [
            e
            for e in chronological(s.events())
            if (ids is None or e.id in ids) and flt.matches(e, stories.get(e.storyline or ""))
        ]

    def find_statements(s: Store, q, speaker) -> list:
        ids = _matching_ids(s, _STATEMENT_SEARCH, q, 2)
        needle = (speaker or "").casefold()
        return [st for st in s.statements() if (ids is None or st.id in ids) and needle in st.speaker.name.casefold()]

    def find_articles(s: Store, q) -> list:
        ids = _matching_ids(s, _ARTICLE_SEARCH, q, 4)
        return [a for a in s.articles() if ids is None or a.id in ids]

    # -- JSON API --------------------------------------------------------------

    limit_q = Query(50, ge=1, le=MAX_LIMIT, description="page size")
    offset_q = Query(0, ge=0, description="records to skip")

    @app.get("/api")
    def api_index():
        # Read from the routes themselves: a hand-kept list forgot
        # /api/statements/{id} once, and a route missing here is one nobody finds.
        return {"name": "storyline", "version": __version__, "routes": api_routes(app)}

    @app.get("/api/events")
    def api_events(
        request: Request,
        q: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        story: str | None = None,
        since: str | None = None,
        until: str | None = None,
        overlapping: bool = False,
        limit: int = limit_q,
        offset: int = offset_q,
        s: Store = Depends(store),
    ):
        events = find_events(s, q, type, actor, story, since, until, overlapping)
        body = _page(events, limit, offset, request)
        mentions = {m.id: m for m in s.mentions([m for e in body["items"] for m in e.mention_ids])}
        body["items"] = [event_json(e, mentions) for e in body["items"]]
        return body

    @app.get("/api/events/{event_id}")
    def api_event(event_id: str, s: Store = Depends(store)):
        return event_detail(s, s.event(event_id))

    @app.get("/api/statements")
    def api_statements(
        request: Request,
        q: str | None = None,
        speaker: str | None = None,
        limit: int = limit_q,
        offset: int = offset_q,
        s: Store = Depends(store),
    ):
        body = _page(find_statements(s, q, speaker), limit, offset, request)
        body["items"] = [statement_json(st) for st in body["items"]]
        return body

    @app.get("/api/statements/{statement_id}")
    def api_statement(statement_id: str, s: Store = Depends(store)):
        return statement_detail(s, find_statement(s, statement_id))

    @app.get("/api/storylines")
    def api_storylines(request: Request, limit: int = limit_q, offset: int = offset_q, s: Store = Depends(store)):
        body = _page(s.storylines(), limit, offset, request)
        body["items"] = [storyline_json(st) for st in body["items"]]
        return body

    @app.get("/api/storylines/{story_id}")
    def api_storyline(story_id: str, s: Store = Depends(store)):
        for st in s.storylines():
            if st.id == story_id:
                return storyline_json(st)
        raise NotFoundError(f"no storyline with id {story_id}; list them at /api/storylines")

    @app.get("/api/articles")
    def api_articles(
        request: Request, q: str | None = None, limit: int = limit_q, offset: int = offset_q, s: Store = Depends(store)
    ):
        body = _page(find_articles(s, q), limit, offset, request)
        body["items"] = [article_json(a) for a in body["items"]]
        return body

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str, s: Store = Depends(store)):
        a = s.article(article_id)
        return {**article_json(a), "text": a.text}

    # -- pages -------------------------------------------------------------------

    def items_for(s: Store, events: list) -> list[dict]:
        stories = {st.id: st for st in s.storylines()}
        mentions = {m.id: m for m in s.mentions([m for e in events for m in e.mention_ids])}
        # Only the articles these events cite: a page must not read the whole corpus.
        articles = {aid: s.article(aid) for aid in dict.fromkeys(m.article_id for m in mentions.values())}
        return [_event_item(e, mentions, articles, stories) for e in events]

    @app.get("/", response_class=HTMLResponse)
    def home(s: Store = Depends(store)):
        counts = s.counts()
        stories = [
            {"id": st.id, "label": st.label, "events": len(st.event_ids), "episodes": len(st.episodes)}
            for st in busiest_first(s.storylines())
        ]
        # The base template adds " · storyline" to every title; the home page
        # has no title of its own (it read "storyline · storyline").
        return page("web_home.html", title=None, counts=counts, stories=stories, db=s.path)

    @app.get("/events", response_class=HTMLResponse)
    def events_page(
        request: Request,
        q: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        story: str | None = None,
        since: str | None = None,
        until: str | None = None,
        overlapping: bool = False,
        limit: int = limit_q,
        offset: int = offset_q,
        s: Store = Depends(store),
    ):
        found = find_events(s, q, type, actor, story, since, until, overlapping)
        body = _page(found, limit, offset, request)
        prev = None
        if offset > 0:
            params = dict(request.query_params)
            params.update(offset=str(max(offset - limit, 0)), limit=str(limit))
            prev = f"/events?{urlencode(params)}"
        return page(
            "web_events.html",
            title="Events",
            rows=items_for(s, body["items"]),
            total=body["total"],
            offset=offset,
            next=body["next"],
            prev=prev,
            form={
                "q": q or "",
                "type": type or "",
                "actor": actor or "",
                "story": story or "",
                "since": since or "",
                "until": until or "",
                "overlapping": overlapping,
            },
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(event_id: str, s: Store = Depends(store)):
        event = s.event(event_id)
        (item,) = items_for(s, [event])
        return page("web_event.html", title=event.summary or event.id, ev=item)

    @app.get("/statements", response_class=HTMLResponse)
    def statements_page(q: str | None = None, speaker: str | None = None, s: Store = Depends(store)):
        # In date order, as the report lists what each speaker said.
        found = sorted(find_statements(s, q, speaker), key=lambda st: (time_order(st.time), st.id))
        titles = {a.id: a.title or a.source for a in s.articles()}
        return page(
            "web_statements.html",
            title="Statements",
            statements=found,
            titles=titles,
            form={"q": q or "", "speaker": speaker or ""},
        )

    @app.get("/storylines", response_class=HTMLResponse)
    def storylines_page(s: Store = Depends(store)):
        events = {e.id: e for e in s.events()}
        stories = [
            {
                "id": st.id,
                "label": st.label,
                "events": chronological([events[e] for e in st.event_ids if e in events]),
                "episodes": [chronological([events[e] for e in ep if e in events]) for ep in st.episodes],
            }
            for st in busiest_first(s.storylines())
        ]
        return page("web_storylines.html", title="Storylines", stories=stories)

    @app.get("/articles", response_class=HTMLResponse)
    def articles_page(q: str | None = None, s: Store = Depends(store)):
        return page("web_articles.html", title="Articles", articles=find_articles(s, q), form={"q": q or ""})

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, s: Store = Depends(store)):
        article = s.article(article_id)
        ids = [row[0] for row in s.iter_rows("SELECT id FROM mentions WHERE article_id = ?", [article_id])]
        mentions = s.mentions(ids) if ids else []
        return page(
            "web_article.html",
            title=article.title or article.source,
            article=article,
            segments=_segments(article.text, mentions),
            mentions=mentions,
        )

    @app.get("/report", response_class=HTMLResponse)
    def report_page(s: Store = Depends(store)):
        html, policy = render_report(s)
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    return app


def api_routes(app: FastAPI) -> list[str]:
    """Every JSON route of ``app`` but the index itself, each with the query
    parameters it takes (``/api/events?q=&type=…``), in the order declared."""
    listed = []
    for route in app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/api/") or path == "/api/openapi.json" or not hasattr(route, "dependant"):
            continue
        params = [p.name for p in route.dependant.query_params]
        query = "?" + "&".join(f"{p}=" for p in params) if params else ""
        listed.append(re.sub(r"\{\w+\}", "{id}", path) + query)
    return listed


def _segments(text: str, mentions) -> list[tuple[str, bool]]:
    """The article cut into (text, is_trigger) pieces so the template can mark
    what was coded without ever emitting markup from the text itself."""
    spans = sorted(
        {(m.trigger_start, m.trigger_end) for m in mentions if 0 <= m.trigger_start < m.trigger_end <= len(text)}
    )
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue  # overlapping triggers: the first one wins
        out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    out.append((text[at:], False))
    return [seg for seg in out if seg[0]]


__all__ = ["create_app", "PAGE_POLICY"]
