"""``/api/review``: the analysts' queue (conflicting and low-confidence events first) and their decisions.

A decision is a correction of the events stage (override, reject, restore, merge, split),
kept apart from machine output and re-applied at every fusion, or an ``accept`` that takes
the event off the queue. The author is the signed-in user; roles: analyst or admin.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from harmattan.store import browse
from harmattan.store import events as store_events
from harmattan.views.api import models, service
from harmattan.views.api.security import User, reader, requires

router = APIRouter(prefix="/api/review", tags=["review"])


@router.get("")
def queue(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    _: User | None = Depends(reader),
) -> dict[str, Any]:
    """Events to look at, most in need first, each with why it is in the queue."""
    with request.app.state.database.engine.connect() as conn:
        rows = browse.review_queue(conn, limit)
    return {"events": [{**service.record(r), "review_reason": r["review_reason"]} for r in rows]}


@router.post("/{key}", response_model=models.ReviewOut)
def decide(
    key: str, body: models.ReviewIn, request: Request, user: User = Depends(requires("analyst"))
) -> Any:
    """Record a decision about event ``key`` and re-fuse so it shows at once."""
    from harmattan.events import corrections
    from harmattan.events.fusion import fuse

    db = request.app.state.database
    with db.engine.connect() as conn:
        if store_events.event_by_key(conn, key) is None:
            raise HTTPException(404, f"no event {key!r}")
    if body.action == "accept":
        with db.engine.begin() as conn:
            browse.accept(conn, key, user.id, body.reason)
        service.forget(request)
        return {"action": "accept", "correction": None, "state": "accepted", "event_key": key}
    keys = [key, *body.with_] if body.action == "merge" else [key]
    try:
        cid = corrections.record(
            db, body.action, keys, author=user.username, reason=body.reason,
            field=body.field if body.action == "override" else None,
            value=body.value, report_keys=body.reports if body.action == "split" else (),
        )  # fmt: skip
    except corrections.CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc
    fuse(db)
    service.forget(request)  # this process sees the change at once; others within a second
    with db.engine.connect() as conn:
        row = next(c for c in store_events.list_corrections(conn) if c["id"] == cid)
    return {
        "action": body.action,
        "correction": cid,
        "state": row["state"],
        "event_key": row["applied_event_key"],
    }
