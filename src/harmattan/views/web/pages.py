"""The dashboard's pages: server-rendered Jinja (autoescaped) plus static scripts; no inline script anywhere.

Pages read through the same library calls as the API. Data a script needs rides in
``<script type="application/json">`` blocks (never executed; ``tojson`` escapes ``<``),
so the Content-Security-Policy can forbid inline script outright.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from harmattan.events.corrections import OVERRIDABLE
from harmattan.store import browse
from harmattan.views.api import security, service
from harmattan.views.api.routers import analysis, documents
from harmattan.views.web import i18n

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False)


class LoginRequired(Exception):
    """A page of a non-public site asked for by an anonymous visitor."""


def templates(request: Request) -> Jinja2Templates:
    found: Jinja2Templates = request.app.state.templates
    return found


def render(request: Request, name: str, **context: Any) -> Response:
    """Render ``name`` with the language, the user and the messages every page needs."""
    lang = i18n.choose(request.query_params.get("lang"), request.cookies.get(i18n.LANG_COOKIE),
                       request.headers.get("accept-language"))  # fmt: skip
    user = security.current_user(request)
    messages = i18n.catalogue()[lang]
    public = request.app.state.settings.public
    context.update(request=request, lang=lang, t=messages, user=user, public=public,
                   can_review=bool(user and user.can("analyst")))  # fmt: skip
    response = templates(request).TemplateResponse(request, name, context)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(i18n.LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", path="/")
    return response


def page_reader(request: Request) -> security.User | None:
    user = security.current_user(request)
    if user is None and not request.app.state.settings.public:
        raise LoginRequired()
    return user


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, _: Any = Depends(page_reader)) -> Response:
    return render(request, "index.html")


@router.get("/events/{key}", response_class=HTMLResponse)
def event_page(key: str, request: Request, _: Any = Depends(page_reader)) -> Response:
    event = service.event_detail(request.app.state.database, key)
    if event is None:
        raise HTTPException(404, f"no event {key!r}")
    return render(request, "event.html", event=event, fields=list(OVERRIDABLE))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: int, request: Request, _: Any = Depends(page_reader)) -> Response:
    doc = documents.load(request, document_id)
    spans = [{"start_char": s["start"], "end_char": s["end"], "field": s["field"]} for s in doc["evidence"]]
    events = sorted({s["event_key"] for s in doc["evidence"] if s["event_key"]})
    return render(
        request, "document.html", doc=doc, segments=service.highlight(doc["text"], spans), events=events
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(
    actor_id: str,
    request: Request,
    since: dt.date | None = None,
    until: dt.date | None = None,
    _: Any = Depends(page_reader),
) -> Response:
    """The profile; ``since``/``until`` (the footprint's period, redrawn by the page's time control)
    live in the URL like the map's filters. Timeline, tactics and partners stay whole."""
    profile = analysis.actor(actor_id, request, None, None, None)
    if since or until:
        period = analysis.period_footprint(request, actor_id, since, until)
        profile.update(since=period["since"], until=period["until"], footprint=period["footprint"])
    peak = max([m["events"] for m in profile["months"]] or [1])
    return render(request, "actor.html", actor=profile, peak=peak)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, _: Any = Depends(page_reader)) -> Response:
    with request.app.state.database.engine.connect() as conn:
        rows = browse.review_queue(conn, 100)
    return render(
        request,
        "review.html",
        rows=[{**service.record(r), "review_reason": r["review_reason"]} for r in rows],
    )


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, _: Any = Depends(page_reader)) -> Response:
    return render(request, "alerts.html", alerts=analysis.alerts_feed(request, None, [], 200, None)["alerts"])


@router.get("/presence", response_class=HTMLResponse)
def presence_page(request: Request, _: Any = Depends(page_reader)) -> Response:
    return render(request, "presence.html", rows=analysis.presence(request, None, None, None)["presence"])


@router.get("/relations", response_class=HTMLResponse)
def relations_page(request: Request, _: Any = Depends(page_reader)) -> Response:
    return render(request, "relations.html")


@router.get("/trends", response_class=HTMLResponse)
def trends_page(request: Request, _: Any = Depends(page_reader)) -> Response:
    return render(request, "trends.html")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return render(request, "login.html", next=_safe_next(request.query_params.get("next")))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The OpenAPI explorer (Swagger UI, vendored; started by a static script, not an inline one)."""
    return render(request, "api_docs.html")


def _safe_next(target: str | None) -> str:
    # Only local paths: an open redirect would let a link send people elsewhere after signing in.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def safe_url(url: str | None) -> str:
    """Links from article metadata: only http(s), so a ``javascript:`` URL can never run."""
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


def mount(app: FastAPI) -> None:
    """Add the pages, the static files and the templates to ``app``."""
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.templates.env.globals["quote"] = quote
    app.state.templates.env.filters["safe_url"] = safe_url
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, _: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
