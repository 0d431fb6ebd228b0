"""Actors, relations, alerts, trends, foreign presence and snapshots: the analysis stage over HTTP.

Analyses that read every event (trends, relations, presence) are cached in memory per
data version (a new fusion changes it), so a dashboard refresh costs one cheap query.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder

from harmattan.events import query
from harmattan.store import browse
from harmattan.views.api import service
from harmattan.views.api.security import User, reader

router = APIRouter(prefix="/api", tags=["analysis"])


def cached(request: Request, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """``compute()`` once per (key, data version) for this app, JSON-ready."""
    return service.memo(request).get(request.app.state.database, key, lambda: jsonable_encoder(compute()))


def _frame(request: Request, since: dt.date | None = None, until: dt.date | None = None) -> Any:
    from harmattan.analysis.frame import from_store

    return from_store(request.app.state.database, since=since, until=until)


def _pack(request: Request) -> str:
    return str(request.app.state.settings.region_pack)


def pack_actor(pack: str, actor_id: str) -> dict[str, Any] | None:
    """The region pack's entry for an actor: names, aliases, dates, predecessor and successor."""
    try:
        from harmattan.regions import load

        actor = load(pack).actors.get(actor_id)
    except Exception:  # a broken pack must not take the API down: profiles go without it
        return None
    if actor is None:
        return None
    aliases = sorted({a.text for a in actor.aliases})
    return {**actor.to_dict(), "aliases": aliases, "predecessor": actor.predecessor,
            "successor": actor.successor, "note": actor.note, "source": actor.source}  # fmt: skip


@router.get("/actors")
def actors(
    request: Request,
    params: service.EventParams = Depends(service.event_params),
    limit: int = Query(200, ge=1, le=2000),
    _: User | None = Depends(reader),
) -> Any:
    """Actors of the matching events, busiest first, with their first and last event dates."""
    db = request.app.state.database

    def compute() -> Any:
        q, _flt = service.to_query(request, params)
        with db.engine.connect() as conn:
            return {"actors": browse.actors(conn, q, limit)}

    return service.json_response(service.memo(request).get(db, ("actors", params.key(), limit), compute))


def _actor_query(
    request: Request, actor_id: str, since: dt.date | None = None, until: dt.date | None = None
) -> Any:
    flt = query.EventFilter(actor=[actor_id], since=since, until=until)
    try:
        return query.to_query(request.app.state.database, flt, _pack(request))
    except query.FilterError as exc:
        raise HTTPException(422, str(exc)) from exc


def _period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")


SINCE = Query(None, description="Footprint, tactics and co-actors from this date (YYYY-MM-DD).")
UNTIL = Query(None, description="... up to this date (YYYY-MM-DD); the timeline always spans every event.")


@router.get("/actors/{actor_id}")
def actor(
    actor_id: str,
    request: Request,
    since: dt.date | None = SINCE,
    until: dt.date | None = UNTIL,
    _: User | None = Depends(reader),
) -> dict[str, Any]:
    """An actor's profile: registry entry (aliases, history), timeline, footprint, tactics, relations."""
    _period(since, until)
    db = request.app.state.database
    q = _actor_query(request, actor_id)
    period = _actor_query(request, actor_id, since, until) if since or until else q
    registry = pack_actor(_pack(request), actor_id)
    with db.engine.connect() as conn:
        profile = browse.actor_profile(conn, q, period)
        own = [a for a in browse.actors(conn, q, 100) if a["actor_key"] in q.actor_keys]
        partners = browse.co_actors(conn, period)
    if registry is None and not profile["months"] and not profile["footprint"]:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return {"id": actor_id, "registry": registry, "names": jsonable_encoder(own),
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            **profile,
            "co_actors": jsonable_encoder(partners)}  # fmt: skip


@router.get("/actors/{actor_id}/footprint")
def actor_footprint(
    actor_id: str,
    request: Request,
    since: dt.date | None = Query(None, description="From this date (YYYY-MM-DD)."),
    until: dt.date | None = Query(None, description="Up to this date (YYYY-MM-DD)."),
    _: User | None = Depends(reader),
) -> Any:
    """Where the actor was active in a period: events per region with their mean position."""
    found = period_footprint(request, actor_id, since, until)
    if not found["known"] and pack_actor(_pack(request), actor_id) is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return service.json_response({k: v for k, v in found.items() if k != "known"})


def period_footprint(request: Request, actor_id: str, since: dt.date | None, until: dt.date | None) -> Any:
    """The footprint of one period (memoised per data version: a slider asks for the same few often)."""
    _period(since, until)
    db = request.app.state.database
    q = _actor_query(request, actor_id, since, until)

    def compute() -> Any:
        with db.engine.connect() as conn:
            places = browse.footprint(conn, q)
            known = bool(places) or bool(browse.event_page(conn, _actor_query(request, actor_id), 1))
        return {"id": actor_id, "since": since and since.isoformat(), "until": until and until.isoformat(),
                "known": known, "events": sum(p["events"] for p in places), "footprint": places}  # fmt: skip

    return service.memo(request).get(db, ("footprint", actor_id, since, until), compute)


@router.get("/relations")
def relations(
    request: Request,
    at: dt.date | None = Query(None, description="The graph as of this date (default: all events)."),
    window_days: int | None = Query(365, ge=1, le=36500),
    actor: str | None = Query(None, description="Only this actor's edges (pack id)."),
    _: User | None = Depends(reader),
) -> Any:
    """The signed, weighted actor graph over ``window_days`` up to ``at``, each edge with its events."""
    from harmattan.analysis import alerts
    from harmattan.analysis import relations as rel

    def compute() -> Any:
        frame = _frame(request)
        edges = rel.edge_events(frame, rollup=rel.state_rollup(_pack(request)))
        g = rel.graph(edges, at=at, window_days=window_days if at else None, actor=actor,
                      names=alerts.actor_names(frame))  # fmt: skip
        return rel.to_json(g)

    return cached(request, ("relations", at, window_days, actor), compute)


@router.get("/alerts")
def alerts_feed(
    request: Request,
    since: dt.date | None = None,
    kind: list[str] = Query([]),
    limit: int = Query(100, ge=1, le=1000),
    _: User | None = Depends(reader),
) -> dict[str, Any]:
    """Stored alerts (``harmattan alerts`` raises them), newest first."""
    from harmattan.analysis.alerts_run import stored_alerts

    return {"alerts": stored_alerts(request.app.state.database, since, tuple(kind), limit)}


@router.get("/trends")
def trends(
    request: Request,
    dimension: Literal["country", "admin1", "actor", "event_type", "tactic"] = "country",
    freq: Literal["week", "month"] = "month",
    metric: Literal["events", "fatalities"] = "events",
    top: int = Query(10, ge=1, le=50),
    since: dt.date | None = None,
    until: dt.date | None = None,
    _: User | None = Depends(reader),
) -> Any:
    """The busiest series of one dimension, with change points and escalation flags."""
    from harmattan.analysis import trends as tr

    def compute() -> Any:
        found = tr.trends(_frame(request, since, until), (dimension,), freq, metric, top)
        return {"trends": [dataclasses.asdict(t) for t in found]}

    return cached(request, ("trends", dimension, freq, metric, top, since, until), compute)


@router.get("/presence")
def presence(
    request: Request,
    country: str | None = Query(None, description="ISO2 code."),
    at: dt.date | None = None,
    _: User | None = Depends(reader),
) -> Any:
    """Foreign and multilateral forces per country: status changes with their evidence."""
    from harmattan.analysis import presence as pr

    def compute() -> Any:
        pack = _pack(request)
        found = pr.timelines(_frame(request), pr.pack_facts(pack), pr.pack_foreign(pack),
                             country.upper() if country else None, at)  # fmt: skip
        return {"presence": [pr.to_dict(t) for t in found]}

    return cached(request, ("presence", country, at), compute)


@router.get("/snapshots")
def snapshots(request: Request, _: User | None = Depends(reader)) -> dict[str, Any]:
    """Published, hashed dataset snapshots (``harmattan snapshot``)."""
    from harmattan.events import snapshots as snap

    rows = snap.list_all(request.app.state.database)
    keep = ("name", "created_at", "sha256", "pipeline_version", "counts")
    return {"snapshots": jsonable_encoder([{k: r.get(k) for k in keep} for r in rows])}
