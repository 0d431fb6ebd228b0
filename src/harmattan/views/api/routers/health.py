"""``/api/health``: is the database reachable and its schema current."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.exc import SQLAlchemyError

from harmattan.store import browse
from harmattan.store.engine import redact
from harmattan.store.events import EventQuery
from harmattan.views.api import models, service

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", response_model=models.Health)
def health(request: Request) -> Any:
    """Always public (no data in it): for load balancers and ``make run``."""
    db = request.app.state.database
    settings = request.app.state.settings

    def compute() -> tuple[Any, int | None]:
        state = db.status()
        with db.engine.connect() as conn:
            return state, browse.count_events(conn, EventQuery()) if state.up_to_date else None

    try:
        state, n_events = service.memo(request).get(db, ("health",), compute)
    except SQLAlchemyError:
        return {"status": "degraded", "database": redact(db.url), "schema_current": None,
                "schema_head": "", "events": None, "public": settings.public}  # fmt: skip
    return {
        "status": "ok" if state.up_to_date else "degraded",
        "database": redact(db.url) if not settings.public else db.dialect,
        "schema_current": state.current,
        "schema_head": state.head,
        "events": n_events,
        "public": settings.public,
    }
