"""What the routers and the web pages share: filters to queries, cursors, an event with its sources.

Thin glue over ``harmattan.events`` and ``harmattan.store``; no SQL here.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from fastapi import HTTPException, Query, Request, Response

from harmattan.events import export, query
from harmattan.store import browse, reports
from harmattan.store import events as store_events
from harmattan.store.database import Database
from harmattan.store.events import EVENT_COLUMNS, EventQuery

SNIPPET = 180  # characters of context either side of an evidence span
CACHE_SIZE = 1024  # results are small (a summary is a few kB); a miss can cost a second
TOKEN_TTL_S = 1.0  # how long the data version is trusted before it is read again


def json_response(data: Any, status_code: int = 200) -> Response:
    """JSON written straight from plain dicts (FastAPI's generic encoder costs more than the query)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_default)
    return Response(body, status_code=status_code, media_type="application/json")


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


class Memo:
    """Results of expensive reads, kept until the fused events change (a new fusion run).

    The data version is the id of the latest completed fusion (corrections re-fuse, so they
    change it too); it is read at most once a second, so a burst of requests costs one query.
    Requests that miss on the same key while it is being computed wait for that one answer
    instead of computing it again (a whole-country summary costs about a second at 1M events;
    four clients asking at once must not cost four).
    """

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._pending: dict[tuple[Any, ...], threading.Event] = {}
        self._lock = threading.Lock()
        self._token: tuple[float, str] = (0.0, "")

    def version(self, db: Database) -> str:
        now = time.monotonic()
        if now - self._token[0] > TOKEN_TTL_S:
            with db.engine.connect() as conn:
                last = store_events.last_fusion(conn)
            self._token = (now, str(last["id"]) if last else "none")
        return self._token[1]

    def get(self, db: Database, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        full = (*key, self.version(db))
        while True:
            with self._lock:
                if full in self._items:
                    self._items.move_to_end(full)
                    return self._items[full]
                pending = self._pending.get(full)
                if pending is None:
                    self._pending[full] = threading.Event()
                    break
            pending.wait()  # then look again: the value, or (if that computation failed) our turn
        try:
            value = compute()
            with self._lock:
                self._items[full] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        finally:
            with self._lock:
                self._pending.pop(full).set()
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._token = (0.0, "")


def memo(request: Request) -> Memo:
    found: Memo = request.app.state.memo
    return found


def forget(request: Request) -> None:
    """Drop what this process remembers (after a change it made itself)."""
    memo(request).clear()
    query_memo(request).clear()


def query_memo(request: Request) -> Memo:
    """Resolved filters: cheap and many, so kept apart where they cannot evict costly results."""
    found: Memo = request.app.state.query_memo
    return found


@dataclass
class EventParams:
    """The filters of ``harmattan events``, as query parameters (repeat a parameter for OR)."""

    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    actor: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    tactic: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    near: str | None = None

    def to_filter(self) -> query.EventFilter:
        def clean(values: list[str]) -> list[str]:
            return [v.strip() for v in values if v and v.strip()]

        try:
            near = query.parse_near(self.near) if self.near else None
        except query.FilterError as exc:
            raise HTTPException(422, str(exc)) from exc
        return query.EventFilter(
            country=clean(self.country), admin1=clean(self.admin1), actor=clean(self.actor),
            type=clean(self.type), tactic=clean(self.tactic), since=self.since, until=self.until, near=near,
        )  # fmt: skip

    def key(self) -> tuple[Any, ...]:
        return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(self.__dict__.items()))

    def as_query(self) -> dict[str, Any]:
        """The filters as URL parameters (for links that keep the current view)."""
        out: dict[str, Any] = {k: v for k, v in self.__dict__.items() if v not in (None, [], "")}
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in out.items()}


def event_params(
    country: list[str] = Query([], description="ISO2 code or country name; repeat for several."),
    admin1: list[str] = Query([], description="Region (admin1), any accents or case."),
    actor: list[str] = Query([], description="Actor name, alias or id."),
    type: list[str] = Query([], description="Event type or sub-event type."),
    tactic: list[str] = Query([], description="Tactic, e.g. 'armed drone'."),
    since: dt.date | None = Query(None, description="From this date (YYYY-MM-DD)."),
    until: dt.date | None = Query(None, description="Up to this date (YYYY-MM-DD)."),
    near: str | None = Query(None, description="LAT,LON,KM: within KM of a point."),
) -> EventParams:
    return EventParams(country, admin1, actor, type, tactic, since, until, near)


def to_query(request: Request, params: EventParams) -> tuple[EventQuery, query.EventFilter]:
    """The store query for ``params``; resolving names against the stored values is memoised per
    data version (it reads every distinct actor and tactic)."""
    db: Database = request.app.state.database
    pack = request.app.state.settings.region_pack
    flt = params.to_filter()
    try:
        q = query_memo(request).get(db, ("query", params.key()), lambda: query.to_query(db, flt, pack))
    except query.FilterError as exc:
        raise HTTPException(422, str(exc)) from exc
    return replace(q), flt


def encode_cursor(row: dict[str, Any]) -> str:
    date = row["event_date"].isoformat() if row["event_date"] else None
    return base64.urlsafe_b64encode(json.dumps([date, row["event_key"]]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> browse.Cursor | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, key = json.loads(raw)
        return (dt.date.fromisoformat(date) if date else None, str(key))
    except (ValueError, TypeError) as exc:
        raise HTTPException(422, "invalid cursor") from exc


def page(
    db: Database, q: EventQuery, flt: query.EventFilter, limit: int, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events and the cursor of the next (``None`` at the end)."""
    with db.engine.connect() as conn:
        rows = browse.event_page(conn, q, limit + 1, decode_cursor(cursor))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1]) if more and rows else None
    if flt.near:
        lat, lon, km = flt.near
        rows = [r for r in rows if r["latitude"] is not None and _within(r, lat, lon, km)]
    return rows, next_cursor


def _within(row: dict[str, Any], lat: float, lon: float, km: float) -> bool:
    from harmattan.regions.geo import haversine_km

    return haversine_km(lat, lon, row["latitude"], row["longitude"]) <= km


def record(row: dict[str, Any]) -> dict[str, Any]:
    return {**export.event_record(row), "status": row.get("status", "active")}


def page_record(row: dict[str, Any]) -> dict[str, Any]:
    """:func:`record` for a JSON page: the same fields, dates left as dates for :func:`json_response`
    to write (converting each of 30 fields of 100 rows first costs more than the query)."""
    out = {name: row.get(name) for name in EVENT_COLUMNS}
    out["tactics"] = [t.strip() for t in (row.get("tactics") or "").split(";") if t.strip()]
    out["status"] = row.get("status", "active")
    return out


def feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": row["event_key"], "geometry": geometry, "properties": record(row)}


def snippet(text: str, start: int, end: int) -> dict[str, str]:
    """The evidence span with the sentence(s) around it: ``before``, ``match``, ``after``."""
    lo = max(0, start - SNIPPET)
    hi = min(len(text), end + SNIPPET)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"))
    before = head[cut + 1 :] if cut >= 0 else ("…" if lo else "") + head
    tail = text[end:hi]
    stops = [i for i in (tail.find(". "), tail.find("\n")) if i >= 0]
    after = tail[: min(stops) + 1] if stops else tail + ("…" if hi < len(text) else "")
    return {"before": before.lstrip(), "match": text[start:end], "after": after.rstrip()}


def event_detail(db: Database, key: str) -> dict[str, Any] | None:
    """An event with its reports (and their evidence in context), claims, merge trail and corrections."""
    with db.engine.connect() as conn:
        row = store_events.event_by_key(conn, key)
        if row is None:
            return None
        members = store_events.members_of(conn, [row["id"]])
        claims = store_events.claims_of(conn, [row["id"]])
        report_ids = [int(m["id"]) for m in members]
        evidence = store_events.evidence_of(conn, report_ids)
        misses = browse.near_misses(conn, report_ids)
        corrections = browse.corrections_about(conn, [key])
        conflicts = browse.conflicting_fields(conn, row["id"])
        docs = {m["document_id"]: browse.document(conn, m["document_id"]) for m in members}
    texts = {i: (d or {}).get("text", "") for i, d in docs.items()}
    out = record(row)
    out["conflicting_fields"] = conflicts
    out["reports"] = [_report(m, evidence, texts) for m in members]
    out["claims"] = [
        {"field": c["field"], "value": c["value"], "source": c.get("source_name"),
         "claimant": c.get("claimant"), "document_id": c["document_id"], "report_key": c["report_key"],
         "chosen": bool(c["chosen"])}
        for c in claims
    ]  # fmt: skip
    keys = {m["id"]: m["report_key"] for m in members}
    out["near_misses"] = [
        {"report": keys.get(n["report_id"], n["report_id"]), "other": keys.get(n["other_report_id"],
         n["other_report_id"]), "action": n["action"], "score": n["score"], "reason": n["reason"]}
        for n in misses
    ]  # fmt: skip
    out["corrections"] = [_correction(c) for c in corrections]
    return out


def _report(member: dict[str, Any], evidence: list[dict[str, Any]], texts: dict[int, str]) -> dict[str, Any]:
    spans: dict[tuple[int, int], list[str]] = defaultdict(list)
    for ev in evidence:
        if ev["report_id"] == member["id"]:
            spans[(ev["start_char"], ev["end_char"])].append(ev["field"])
    text = texts.get(member["document_id"], "")
    names = [n for n in reports.REPORT_FIELDS if n != "extras"]
    fields = {name: export._plain(member.get(name)) for name in names}
    return {
        "report_key": member["report_key"], "document_id": member["document_id"],
        "source": member.get("source_name"), "title": member.get("title"), "url": member.get("url"),
        "published_at": export._plain(member.get("published_at")), "how": member["how"],
        "score": member["score"], "reason": member["reason"], "fields": fields,
        "evidence": [
            {"fields": sorted(names), "start": s, "end": e, **snippet(text, s, e)}
            for (s, e), names in sorted(spans.items())
        ],
    }  # fmt: skip


def _correction(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"], "created_at": export._plain(row["created_at"]), "author": row["author"],
        "action": row["action"], "field": row["field"], "value": row["value"], "reason": row["reason"],
        "state": row["state"], "applied_event_key": row["applied_event_key"],
    }  # fmt: skip


def highlight(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` into plain and marked segments (overlapping spans merged) for safe rendering."""
    merged: list[list[Any]] = []
    for span in sorted(spans, key=lambda s: (s["start_char"], -s["end_char"])):
        start, end = max(0, span["start_char"]), min(len(text), span["end_char"])
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].add(span["field"])
        else:
            merged.append([start, end, {span["field"]}])
    out: list[dict[str, Any]] = []
    pos = 0
    for start, end, fields in merged:
        if start > pos:
            out.append({"text": text[pos:start], "mark": False})
        out.append({"text": text[start:end], "mark": True, "fields": sorted(fields)})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "mark": False})
    return out
