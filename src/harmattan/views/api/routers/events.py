"""``/api/events``: filtered, cursor-paged events (JSON, GeoJSON, CSV); ``/api/events/{key}``: one event."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from harmattan.events.export import write_csv
from harmattan.store import browse
from harmattan.store.events import EVENT_COLUMNS
from harmattan.views.api import models, service
from harmattan.views.api.security import User, reader

router = APIRouter(prefix="/api/events", tags=["events"])
EXPORT_MAX = 200_000
EXPORT_PAGE = 5_000


@router.get("", response_model=models.EventPage)
def list_events(
    request: Request,
    params: service.EventParams = Depends(service.event_params),
    limit: int = Query(100, ge=1, le=EXPORT_MAX, description="Events per page (per file for csv/geojson)."),
    cursor: str | None = Query(None, description="From the previous page's next_cursor."),
    format: Literal["json", "geojson", "csv"] = Query("json"),
    _: User | None = Depends(reader),
) -> Any:
    """Events matching every filter, newest first. JSON pages hold at most 1000 events."""
    db = request.app.state.database
    q, flt = service.to_query(request, params)
    if format == "json":
        rows, next_cursor = service.page(db, q, flt, min(limit, 1000), cursor)
        return service.json_response(
            {"events": [service.page_record(r) for r in rows], "next_cursor": next_cursor}
        )
    rows_iter = _all(db, q, flt, limit, cursor)
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="harmattan-events.csv"'}
        return StreamingResponse(_csv(rows_iter), media_type="text/csv; charset=utf-8", headers=headers)
    return StreamingResponse(_geojson(rows_iter), media_type="application/geo+json")


def _all(db: Any, q: Any, flt: Any, limit: int, cursor: str | None) -> Iterator[dict[str, Any]]:
    """Up to ``limit`` matching events, read page by page (memory stays flat for big exports)."""
    left = limit
    while left > 0:
        rows, cursor = service.page(db, q, flt, min(EXPORT_PAGE, left), cursor)
        yield from rows
        left -= len(rows)
        if cursor is None:
            return


def _csv(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(EVENT_COLUMNS)
    yield buffer.getvalue()
    while True:
        chunk = [row for _, row in zip(range(1000), rows, strict=False)]
        if not chunk:
            return
        buffer = io.StringIO()
        write_csv(chunk, buffer)
        yield buffer.getvalue().split("\n", 1)[1]  # the header was written once, above


def _geojson(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    for i, row in enumerate(rows):
        yield ("," if i else "") + json.dumps(service.feature(row), ensure_ascii=False)
    yield "]}\n"


@router.get("/summary", response_model=models.Summary)
def summary(
    request: Request,
    params: service.EventParams = Depends(service.event_params),
    _: User | None = Depends(reader),
) -> Any:
    """Counts of the matching events by month (the timeline), type, region and country (cached per
    data version)."""
    db = request.app.state.database

    def compute() -> Any:
        q, _flt = service.to_query(request, params)
        with db.engine.connect() as conn:
            return browse.summary(conn, q)

    return service.json_response(service.memo(request).get(db, ("summary", params.key()), compute))


@router.get("/{key}")
def event(key: str, request: Request, _: User | None = Depends(reader)) -> Any:
    """One event: fields, every report with its evidence in context, per-source claims, merge trail,
    corrections."""
    detail = service.event_detail(request.app.state.database, key)
    if detail is None:
        raise HTTPException(404, f"no event {key!r}")
    return service.json_response(detail)
