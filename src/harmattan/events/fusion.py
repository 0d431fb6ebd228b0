"""Fusion: reports of the same occurrence become one event, every merge with its reason and score.

The algorithm (docs/events.md): reports are taken in (date, report key) order;
each is compared with the events already formed whose members fall inside its
date window and country (blocking keeps this near-linear); it joins the best
scoring event whose *every* member passes the rule (complete link, so chains
of loosely similar reports do not snowball), or starts a new one. Analysts'
corrections are then re-applied. The whole fused layer is rewritten in one
transaction, so readers see the old or the new state, never a mix, and the
same reports and corrections always give the same events (ids included).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from harmattan.events import corrections as corr
from harmattan.events.claims import claim_rows, fuse_fields, split_list
from harmattan.events.cluster import Link, cluster
from harmattan.events.rules import FusionRules, Report, fold, load_rules
from harmattan.store import events as store
from harmattan.store.database import Database

if TYPE_CHECKING:  # the store speaks SQL; this stage only passes its connections along
    from sqlalchemy import Connection


@dataclass
class FusionReport:
    reports: int = 0
    events: int = 0
    merges: int = 0
    skipped: bool = False
    seconds: float = 0.0
    run_id: int | None = None
    corrections_applied: int = 0
    corrections_unresolved: int = 0
    #: Incremental fusion: how many reports were placed again (the window), else 0.
    replayed: int = 0
    incremental: bool = False


def event_key(members: Sequence[Report]) -> str:
    """Stable across re-runs and re-processing while the event's earliest-keyed report stays."""
    anchor = min(r.stable_key for r in members)
    return "E" + hashlib.sha1(anchor.encode()).hexdigest()[:11]


def fuse(
    db: Database, force: bool = False, rules: FusionRules | None = None, incremental: bool = True
) -> FusionReport:
    """Bring the events up to date with the current reports, unless nothing changed since the last fusion.

    When no correction changed (nor the syndication links of documents already fused), it is
    incremental (:mod:`harmattan.events.incremental`): only the reports dated from the earliest
    change on are placed again, against the stored events of their window, with the events a
    full fusion would give. ``force`` re-fuses everything.
    """
    from harmattan.events import incremental as inc

    rules = rules or load_rules()
    started = time.perf_counter()
    with db.engine.connect() as conn:
        token = store.fusion_state_token(conn)
        last = store.last_fusion(conn)
    if not force and last is not None and last["state_token"] == token:
        return FusionReport(
            reports=last["reports"], events=last["events"], merges=last["merges"], skipped=True
        )
    with db.engine.begin() as conn:
        run_id = store.start_fusion_run(conn, token)
        report = None
        if incremental and not force and last is not None and inc.same_corrections(last, token):
            report = inc.refuse_window(conn, run_id, rules, last)
        if report is None:
            report = fuse_all(conn, run_id, rules)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def fuse_all(conn: Connection, run_id: int, rules: FusionRules) -> FusionReport:
    """Re-fuse every current report and rewrite the whole fused layer (inside the caller's transaction)."""
    reports = [Report.from_row(row, rules) for row in store.current_reports(conn)]
    # Dated reports first, undated ones (joined through their syndicated copies) last; sorted here,
    # not by SQL, because NULL order and string collation differ between SQLite and PostgreSQL.
    reports.sort(key=placement_order)
    clusters, links, misses = cluster(reports, rules)
    applied = corr.apply(store.list_corrections(conn), reports, clusters)
    position = {r.id: i for i, r in enumerate(reports)}
    for report_id, (how, label) in applied.analyst_links.items():
        links[position[report_id]] = Link(how, None, label, None)
    batch, keys = build(reports, clusters, links, applied, run_id)
    batch.log = [{**m, "fusion_run_id": run_id} for m in misses]
    report = FusionReport(
        reports=len(reports),
        events=len(batch.events),
        merges=sum(1 for m in batch.members if m["how"] != "seed"),
        run_id=run_id,
        corrections_applied=sum(1 for s, _ in applied.states.values() if s == "applied"),
        corrections_unresolved=sum(1 for s, _ in applied.states.values() if s != "applied"),
    )
    store.replace_fused(conn, run_id, batch, counts_of(report))
    store.mark_corrections(
        conn,
        {cid: (state, keys.get(c) if c is not None else None) for cid, (state, c) in applied.states.items()},
    )
    return report


def placement_order(report: Report) -> tuple[bool, int, str]:
    return (report.day is None, report.day or 0, report.key)


def counts_of(report: FusionReport) -> dict[str, int]:
    """The ``fusion_runs`` counts of a fusion."""
    names = ("reports", "events", "merges", "corrections_applied", "corrections_unresolved")
    return {k: getattr(report, k) for k in names}


def build(
    reports: Sequence[Report],
    clusters: list[list[int]],
    links: dict[int, Link],
    applied: corr.Applied,
    run_id: int,
    ids: Sequence[int] | None = None,
) -> tuple[store.FusedBatch, dict[int, str]]:
    """Rows of the fused layer; ids (1..n unless given) in event-key order: equal inputs, equal tables."""
    live = [(c, [reports[i] for i in members]) for c, members in enumerate(clusters) if members]
    keyed = sorted(((event_key(ms), c, ms) for c, ms in live), key=lambda t: t[0])
    batch = store.FusedBatch()
    keys: dict[int, str] = {}
    position = {r.id: i for i, r in enumerate(reports)}
    for event_id, (key, c, members) in zip(ids or range(1, len(keyed) + 1), keyed, strict=True):
        keys[c] = key
        fields = fuse_fields(members)
        batch.claims.extend(claim_rows(event_id, members, fields))
        overrides = applied.overrides.get(c, {})
        fields.update(overrides)
        notes = [fields.get("notes"), *applied.notes.get(c, [])]
        fields["notes"] = " | ".join(n for n in notes if n) or None
        batch.events.append(
            {
                **fields,
                "id": event_id,
                "event_key": key,
                "status": applied.status.get(c, "active"),
                "corrected": bool(overrides) or c in applied.status,
                "fusion_run_id": run_id,
            }
        )
        batch.actors.extend(actor_rows(event_id, fields))
        batch.tactics.extend(
            {"event_id": event_id, "tactic": t, "event_date": fields["event_date"]}
            for t in split_list(fields.get("tactics"))
        )
        for member in sorted(members, key=lambda r: r.key):
            link = links[position[member.id]]
            batch.members.append(
                {
                    "event_id": event_id,
                    "report_id": member.id,
                    "source_unit": member.source_unit,
                    "how": link.how,
                    "score": link.score,
                    "reason": link.reason,
                    "matched_report_id": reports[link.matched].id if link.matched is not None else None,
                }
            )
    batch.vocab = vocabulary(batch)
    return batch, keys


def vocabulary(batch: store.FusedBatch) -> list[dict[str, Any]]:
    """The distinct names filters resolve against (see ``event_vocab``)."""
    seen: set[tuple[str, str]] = set()
    for event in batch.events:
        for kind in ("admin1", "event_type", "sub_event_type"):
            if event.get(kind):
                seen.add((kind, str(event[kind])))
    rows = [{"kind": k, "value": v, "value_fold": fold(v)} for k, v in seen]
    rows.extend(
        {"kind": "tactic", "value": t, "value_fold": fold(t)} for t in {t["tactic"] for t in batch.tactics}
    )
    # An actor is found by its name and by its id: both folded spellings point to its key.
    for a in {(a["actor_key"], a["actor"]) for a in batch.actors}:
        rows.append({"kind": "actor", "value": a[0], "value_fold": fold(a[1])})
        rows.append({"kind": "actor", "value": a[0], "value_fold": fold(a[0])})
    unique = {(r["kind"], r["value_fold"], r["value"]): r for r in rows}
    return [unique[k] for k in sorted(unique)]


def actor_rows(event_id: int, fields: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per distinct actor of the event (by key), actor1/actor2 before associated actors."""
    named = [("actor1", fields.get("actor1"), fields.get("actor1_id")),
             ("actor2", fields.get("actor2"), fields.get("actor2_id"))]  # fmt: skip
    for role in ("assoc_actor_1", "assoc_actor_2"):
        named.extend(("assoc", name, None) for name in split_list(fields.get(role)))
    rows: dict[str, dict[str, Any]] = {}
    for role, name, ident in named:
        if name:
            key = str(ident) if ident else fold(str(name))
            rows.setdefault(key, {"event_id": event_id, "role": role, "actor": name, "actor_key": key,
                                  "actor_id": ident, "event_date": fields.get("event_date")})  # fmt: skip
    return list(rows.values())
