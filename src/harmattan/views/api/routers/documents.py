"""``/api/documents/{id}``: a stored document's text with every evidence span found in it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from harmattan.events.export import _plain
from harmattan.store import browse
from harmattan.views.api.security import User, reader

router = APIRouter(prefix="/api/documents", tags=["documents"])


def load(request: Request, document_id: int) -> dict[str, Any]:
    with request.app.state.database.engine.connect() as conn:
        doc = browse.document(conn, document_id)
        if doc is None:
            raise HTTPException(404, f"no document {document_id}")
        spans = browse.document_evidence(conn, document_id)
    return {
        **{k: _plain(v) for k, v in doc.items()},
        "evidence": [
            {"field": s["field"], "start": s["start_char"], "end": s["end_char"], "text": s["text"],
             "report_key": s["report_key"], "event_key": s["event_key"]}
            for s in spans
        ],
    }  # fmt: skip


@router.get("/{document_id}")
def document(document_id: int, request: Request, _: User | None = Depends(reader)) -> dict[str, Any]:
    """Text, title, outlet, dates, and the evidence spans (character offsets into ``text``)."""
    return load(request, document_id)
