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
from typing import Any

from harmattan.events import corrections as corr
from harmattan.events.claims import claim_rows, fuse_fields, split_list
from harmattan.events.rules import FusionRules, Report, compare, fold, load_rules
from harmattan.store import events as store
from harmattan.store.database import Database

NEAR_MISS_LIMIT = 5  # per report: enough to explain, not enough to bloat the log


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


@dataclass
class Link:
    how: str
    score: float | None = None
    reason: str | None = None
    matched: int | None = None


Cell = tuple[int, int] | None
#: Grid cells of one degree (about 110 km) for blocking: wider than the largest merge distance
#: (50 km), so every pair within reach is in the same or a neighbouring cell.
CELL_DEGREES = 1.0
NEIGHBOURS = tuple((di, dj) for di in (-1, 0, 1) for dj in (-1, 0, 1))


def cell_of(report: Report, rules: FusionRules) -> Cell:
    """The report's grid cell; none for reports placed by region only (compared by admin1 instead)."""
    lat, lon = report.fields.get("latitude"), report.fields.get("longitude")
    if lat is None or lon is None or report.geo not in rules.distance_km:
        return None
    return (int(lat // CELL_DEGREES), int(lon // CELL_DEGREES))


class Blocks:
    """Events indexed by (country, day) and grid cell, for the candidates of a report."""

    def __init__(self) -> None:
        self.by_day: dict[tuple[str | None, int], dict[Cell, list[int]]] = {}

    def add(self, country: str | None, day: int, cell: Cell, event: int) -> None:
        self.by_day.setdefault((country, day), {}).setdefault(cell, []).append(event)

    def candidates(self, country: str | None, days: range, cell: Cell, out: set[int]) -> None:
        for d in days:
            cells = self.by_day.get((country, d))
            if not cells:
                continue
            if cell is None:  # placed by region only: everything that day in the country
                for events in cells.values():
                    out.update(events)
                continue
            out.update(cells.get(None, ()))
            for di, dj in NEIGHBOURS:
                out.update(cells.get((cell[0] + di, cell[1] + dj), ()))


def cluster(
    reports: Sequence[Report], rules: FusionRules
) -> tuple[list[list[int]], dict[int, Link], list[dict[str, Any]]]:
    """Group reports (indices) into events; also how each joined and the near misses."""
    clusters: list[list[int]] = []
    links: dict[int, Link] = {}
    misses: list[dict[str, Any]] = []
    narrow, wide = Blocks(), Blocks()
    widest = rules.widest_window
    units: dict[int, set[int]] = {}  # source unit -> events holding one of its reports
    for i, report in enumerate(reports):
        day, country, own = report.day, report.fields.get("country"), report.window
        cell = cell_of(report, rules)
        candidates: set[int] = set(units.get(report.source_unit, ()))
        if day is not None:
            narrow.candidates(country, range(day - own, day + 1), cell, candidates)
            if wide.by_day:  # imprecise (week/month) reports are rare: skip the long look-back if none
                wide.candidates(country, range(day - widest, day + 1), cell, candidates)
        best: tuple[float, int] | None = None
        for c in sorted(candidates):
            verdicts = []
            members = clusters[c]
            if day is None:  # an undated report is judged against its syndicated copies only
                members = [m for m in members if reports[m].source_unit == report.source_unit]
            for m in members:  # complete link: every member must agree; stop at the first that does not
                verdict = compare(report, reports[m], rules)
                if not verdict.same:
                    if verdict.partial >= rules.near_miss_score and len(misses) < NEAR_MISS_LIMIT * len(
                        reports
                    ):
                        misses.append(_miss(report, reports[m], verdict.partial, verdict.reason))
                    break
                verdicts.append((verdict, m))
            else:
                score = sum(v.score for v, _ in verdicts) / len(verdicts)
                top = max(verdicts, key=lambda vm: (vm[0].score, -vm[1]))
                if best is None or score > best[0]:
                    best = (score, c)
                    links[i] = Link("auto", round(score, 4), top[0].reason, top[1])
        if best is None:
            clusters.append([i])
            links[i] = Link("seed")
            target = len(clusters) - 1
        else:
            target = best[1]
            clusters[target].append(i)
        units.setdefault(report.source_unit, set()).add(target)
        if day is not None:
            (narrow if own <= 1 else wide).add(country, day, cell, target)
    return clusters, links, misses


def _miss(a: Report, b: Report, score: float, reason: str) -> dict[str, Any]:
    return {
        "action": "kept-apart",
        "report_id": a.id,
        "other_report_id": b.id,
        "score": score,
        "reason": reason,
    }


def event_key(members: Sequence[Report]) -> str:
    """Stable across re-runs and re-processing while the event's earliest-keyed report stays."""
    anchor = min(r.stable_key for r in members)
    return "E" + hashlib.sha1(anchor.encode()).hexdigest()[:11]


def fuse(db: Database, force: bool = False, rules: FusionRules | None = None) -> FusionReport:
    """Re-fuse every current report into events, unless nothing changed since the last fusion."""
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
        reports = [Report.from_row(row, rules) for row in store.current_reports(conn)]
        # Dated reports first, undated ones (joined through their syndicated copies) last; sorted here,
        # not by SQL, because NULL order and string collation differ between SQLite and PostgreSQL.
        reports.sort(key=lambda r: (r.day is None, r.day or 0, r.key))
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
        counts = {k: getattr(report, k) for k in ("reports", "events", "merges")}
        counts["corrections_applied"] = report.corrections_applied
        counts["corrections_unresolved"] = report.corrections_unresolved
        store.replace_fused(conn, run_id, batch, counts)
        store.mark_corrections(
            conn,
            {
                cid: (state, keys.get(c) if c is not None else None)
                for cid, (state, c) in applied.states.items()
            },
        )
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def build(
    reports: Sequence[Report],
    clusters: list[list[int]],
    links: dict[int, Link],
    applied: corr.Applied,
    run_id: int,
) -> tuple[store.FusedBatch, dict[int, str]]:
    """Rows of the fused layer; ids are 1..n in event-key order so equal inputs give equal tables."""
    live = [(c, [reports[i] for i in members]) for c, members in enumerate(clusters) if members]
    keyed = sorted(((event_key(ms), c, ms) for c, ms in live), key=lambda t: t[0])
    batch = store.FusedBatch()
    keys: dict[int, str] = {}
    position = {r.id: i for i, r in enumerate(reports)}
    for event_id, (key, c, members) in enumerate(keyed, start=1):
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
