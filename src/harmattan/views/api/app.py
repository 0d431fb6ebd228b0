"""The web application: ``create_app(settings)`` builds the REST API and the dashboard (none at import).

The API lives under ``/api`` (OpenAPI and its explorer at ``/api/docs``), the dashboard's
pages at ``/``. One middleware adds the security headers to every response and gives
each browser a CSRF cookie for the double-submit check of :mod:`.security`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from harmattan.settings import Settings, get_settings
from harmattan.store.database import Database
from harmattan.views.api import security, service

#: No inline script or style, nothing from elsewhere: article text is hostile input.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds :data:`HEADERS` to every HTTP response, and an ``hm_csrf`` cookie where the browser has none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookies = b"".join(v for k, v in scope.get("headers", []) if k == b"cookie")
        needs_cookie = security.CSRF_COOKIE.encode() + b"=" not in cookies
        secure = "; Secure" if scope.get("scheme") == "https" else ""

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers.extend(h for h in HEADERS if h[0] not in names)
                if needs_cookie:
                    cookie = (
                        f"{security.CSRF_COOKIE}={security.new_secret()}; Path=/; SameSite=Strict{secure}"
                    )
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, wrapped)


def create_app(
    settings: Settings | None = None, database: Database | None = None, web: bool = True
) -> FastAPI:
    """The API (and, unless ``web=False``, the dashboard) over ``settings``' database."""
    from harmattan.views.api.routers import ROUTERS

    settings = settings or get_settings()
    app = FastAPI(
        title="harmattan",
        summary="Sahel conflict observatory: sourced event data, actors, trends and alerts.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.database = database or Database(settings.database_url)
    app.state.limiter = security.LoginLimiter()
    app.state.memo = service.Memo()
    app.state.query_memo = service.Memo(size=service.CACHE_SIZE)
    for router in ROUTERS:
        app.include_router(router)
    if web:
        from harmattan.views.web.pages import mount

        mount(app)
    app.add_middleware(SecurityHeaders)
    return app


def _version() -> str:
    import harmattan

    return str(getattr(harmattan, "__version__", "0"))


def app_factory() -> Any:
    """For ``uvicorn --factory harmattan.views.api.app:app_factory`` (settings from the environment)."""
    return create_app()
