"""One router per resource; :data:`ROUTERS` is what ``create_app`` includes, in this order."""

from __future__ import annotations

from fastapi import APIRouter

from harmattan.views.api.routers import analysis, auth, documents, events, health, review

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    events.router,
    documents.router,
    review.router,
    auth.router,
    analysis.router,
)
