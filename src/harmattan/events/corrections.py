"""Analysts' corrections: kept apart from machine output, re-applied at every fusion, never lost.

A correction names the reports it is about by *anchors* — the document's
content hash plus what the report said (date, type, place, actor) — not by
row ids, so it still finds its event after the documents are re-processed by a
newer pipeline (which replaces every report row). A correction that cannot be
re-anchored stays ``unresolved`` and is tried again at the next fusion.

Actions: ``override`` (set a field), ``reject`` (a false positive), ``restore``
(undo a reject), ``merge`` (these reports are one event), ``split`` (these
reports are events of their own).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from harmattan.events.rules import Report
from harmattan.regions.text import fold
from harmattan.store import events as store
from harmattan.store.database import Database

ACTIONS = ("override", "reject", "restore", "merge", "split")
STRUCTURAL = ("merge", "split")
#: Fields an analyst may override, with the type their value is read as.
OVERRIDABLE: dict[str, type] = {
    "event_date": dt.date, "date_precision": int, "event_type": str, "sub_event_type": str, "actor1": str,
    "actor1_id": str, "assoc_actor_1": str, "inter1": int, "actor2": str, "actor2_id": str,
    "assoc_actor_2": str, "inter2": int, "country": str, "admin1": str, "admin2": str, "location": str,
    "latitude": float, "longitude": float, "geo_precision": int, "fatalities": int, "tactics": str,
    "plover_type": str,
}  # fmt: skip


class CorrectionError(ValueError):
    """A correction that cannot be recorded (unknown event, field or value)."""


def coerce(field: str, value: str | None) -> Any:
    """Read an override value given as text into the field's type (``none`` clears a field)."""
    if field not in OVERRIDABLE:
        raise CorrectionError(f"field {field!r} cannot be corrected; one of: {', '.join(OVERRIDABLE)}")
    if value is None or value.strip().lower() in ("", "none", "null"):
        return None
    kind = OVERRIDABLE[field]
    try:
        if kind is dt.date:
            return dt.date.fromisoformat(value.strip()).isoformat()
        return kind(value.strip())
    except ValueError as exc:
        raise CorrectionError(f"{field}: {value!r} is not a valid {kind.__name__}") from exc


def anchor_of(report: dict[str, Any]) -> dict[str, Any]:
    """What identifies a report across pipeline versions."""
    date = report.get("event_date")
    return {
        "doc": report["content_hash"],
        "ordinal": report.get("ordinal"),
        "event_date": date.isoformat() if isinstance(date, dt.date) else date,
        "event_type": report.get("event_type"),
        "place": report.get("location") or report.get("admin1"),
        "actor": report.get("actor1_id") or report.get("actor1"),
    }


def _match(anchor: dict[str, Any], r: Report) -> int:
    """How well report ``r`` fits ``anchor`` (0: not at all)."""
    score = 0
    date = anchor.get("event_date")
    if date and r.date is not None:
        delta = abs((dt.date.fromisoformat(date) - r.date).days)
        if delta > 2:
            return 0
        score += 2 if delta == 0 else 1
    if anchor.get("event_type") and anchor["event_type"] == r.fields.get("event_type"):
        score += 1
    place = r.fields.get("location") or r.fields.get("admin1")
    if anchor.get("place") and place and fold(anchor["place"]) == fold(place):
        score += 2
    if anchor.get("actor") and anchor["actor"] in (r.fields.get("actor1_id"), r.fields.get("actor1")):
        score += 1
    if anchor.get("ordinal") == r.ordinal:
        score += 1
    return score


def resolve(anchors: Iterable[dict[str, Any]], by_doc: dict[str, list[Report]]) -> list[Report]:
    """The current reports the anchors point at (each anchor to its best match, if good enough)."""
    found: list[Report] = []
    for anchor in anchors:
        scored = [(_match(anchor, r), r.key, r) for r in by_doc.get(anchor["doc"], [])]
        scored = [s for s in scored if s[0] >= 3]
        if scored:
            found.append(max(scored, key=lambda s: (s[0], s[1]))[2])
    return found


@dataclass
class Applied:
    """Outcome of applying corrections to one fusion."""

    overrides: dict[int, dict[str, Any]]  # cluster index -> field -> value
    status: dict[int, str]  # cluster index -> active | rejected
    notes: dict[int, list[str]]
    analyst_links: dict[int, tuple[str, str]]  # report id -> (merge | split, why) for hand-made links
    states: dict[int, tuple[str, int | None]]  # correction id -> (state, cluster index)


def apply(
    corrections: Sequence[dict[str, Any]], reports: Sequence[Report], clusters: list[list[int]]
) -> Applied:
    """Apply corrections in the order they were made: merges/splits reshape ``clusters`` in place."""
    by_doc: dict[str, list[Report]] = defaultdict(list)
    index = {r.id: i for i, r in enumerate(reports)}
    for r in reports:
        by_doc[r.content_hash].append(r)
    cluster_of = {m: c for c, members in enumerate(clusters) for m in members}
    out = Applied({}, {}, defaultdict(list), {}, {})
    for corr in sorted(corrections, key=lambda c: int(c["id"])):
        targets = [index[r.id] for r in resolve(corr["anchors"], by_doc)]
        if not targets:
            out.states[int(corr["id"])] = ("unresolved", None)
            continue
        label = f"correction #{corr['id']} by {corr['author']}: {corr['reason']}"
        action = corr["action"]
        if action == "merge":
            keep = cluster_of[targets[0]]
            for t in targets[1:]:
                _move_cluster(clusters, cluster_of, cluster_of[t], keep)
            for t in targets[1:]:
                out.analyst_links[reports[t].id] = ("analyst", label)
        elif action == "split":
            for t in targets:
                clusters[cluster_of[t]].remove(t)
                clusters.append([t])
                cluster_of[t] = len(clusters) - 1
                out.analyst_links[reports[t].id] = ("split", label)
        else:
            target = Counter(cluster_of[t] for t in targets).most_common(1)[0][0]
            if action == "override":
                out.overrides.setdefault(target, {})[corr["field"]] = corr["value"]
            else:
                out.status[target] = "rejected" if action == "reject" else "active"
            out.notes[target].append(label)
        out.states[int(corr["id"])] = ("applied", cluster_of[targets[0]])
    return out


def _move_cluster(clusters: list[list[int]], cluster_of: dict[int, int], src: int, dst: int) -> None:
    if src == dst:
        return
    for m in clusters[src]:
        cluster_of[m] = dst
    clusters[dst].extend(clusters[src])
    clusters[src] = []


# -- recording corrections (the analyst side) -----------------------------------------------
def record(
    db: Database,
    action: str,
    event_keys: Sequence[str],
    author: str,
    reason: str,
    field: str | None = None,
    value: str | None = None,
    report_keys: Sequence[str] = (),
) -> int:
    """Store a correction about events (and, for ``split``, some of their reports); returns its id.

    The correction takes effect at the next fusion (``fuse(db)``), which the CLI runs at once.
    """
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    if not reason.strip() or not author.strip():
        raise CorrectionError("a correction needs an author and a reason")
    if action == "merge" and len(event_keys) < 2:
        raise CorrectionError("merge needs at least two events")
    typed = coerce(field, value) if action == "override" and field else None
    if action == "override" and not field:
        raise CorrectionError("override needs --field and --value")
    with db.engine.begin() as conn:
        members: list[dict[str, Any]] = []
        for key in event_keys:
            event = store.event_by_key(conn, key)
            if event is None:
                raise CorrectionError(f"no event {key!r}")
            members.extend(store.members_of(conn, [event["id"]]))
        if report_keys:
            wanted = set(report_keys)
            members = [
                m for m in members if m["report_key"] in wanted or m["report_key"].split("/")[0] in wanted
            ]
            if not members:
                raise CorrectionError(f"none of {', '.join(report_keys)} belongs to {', '.join(event_keys)}")
        row = {
            "author": author,
            "reason": reason,
            "action": action,
            "field": field if action == "override" else None,
            "value": typed,
            "anchors": [anchor_of(m) for m in members],
            "event_key": event_keys[0],
        }
        return store.add_correction(conn, row)


def export_gold(db: Database) -> list[dict[str, Any]]:
    """Corrections as training/gold records for the extraction: document, what the machine said, the truth."""
    with db.engine.connect() as conn:
        rows = store.list_corrections(conn)
    out = []
    for row in rows:
        out.append(
            {
                "correction": int(row["id"]),
                "action": row["action"],
                "field": row["field"],
                "value": row["value"],
                "documents": sorted({a["doc"] for a in row["anchors"]}),
                "anchors": row["anchors"],
                "author": row["author"],
                "reason": row["reason"],
                "created_at": row["created_at"].isoformat() if row["created_at"] else None,
                "state": row["state"],
            }
        )
    return out


def dumps_gold(records: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
