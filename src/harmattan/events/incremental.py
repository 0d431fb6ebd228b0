"""Incremental fusion: place again only the reports dated from the earliest change on.

Fusion places reports one by one in (date, key) order, and a report's placement
depends only on the events formed before it inside its date window (or holding a
syndicated copy of it). So when reports are added, or a document re-processed,
every report before the earliest changed date ``D`` is placed as before. This
module loads the reports dated ``D`` or later (and the undated ones), seeds the
clusterer with the stored events they can meet — those with a member in
``[D - widest window, D)`` and those holding one of their syndicated copies — as
those events stood, places the loaded reports again, and swaps the events they
touched for the new ones: the same events as a full fusion, at the cost of the
window after ``D`` (for news, the last days).

It declines (and :func:`harmattan.events.fusion.fuse` re-fuses everything) when
analysts' corrections anchor on any report involved, since a merge or a split can
join events across any distance; when corrections changed (``same_corrections``);
when a document already fused was linked to another as a syndicated copy since
(new documents' links are what new reports bring, and are fine); and if a stored
event it would replace is not wholly loaded (a safeguard that should never fire).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from harmattan.events import corrections as corr
from harmattan.events.cluster import Clusterer, Link
from harmattan.events.fusion import FusionReport, build, counts_of, placement_order, vocabulary
from harmattan.events.rules import FusionRules, Report
from harmattan.store import events as store
from harmattan.store import fusion_state as state

if TYPE_CHECKING:  # the store speaks SQL; this stage only passes its connections along
    from sqlalchemy import Connection


def same_corrections(last: dict[str, Any], token: str) -> bool:
    """Whether the corrections are those ``last`` saw (the ``corr=`` part of the state token)."""
    before = [p for p in str(last.get("state_token") or "").split(";") if p.startswith("corr=")]
    return bool(before) and before == [p for p in token.split(";") if p.startswith("corr=")]


def refuse_window(
    conn: Connection, run_id: int, rules: FusionRules, last: dict[str, Any]
) -> FusionReport | None:
    """Re-fuse from the earliest change on (see the module docstring); None when it declines."""
    _, earliest, _ = state.new_reports(conn)
    stale = state.stale_events(conn)
    widest = dt.timedelta(days=rules.widest_window)
    starts = [earliest] if earliest is not None else []
    starts.extend(d - widest for d in stale.values() if d is not None)
    start = min(starts) if starts else dt.date.max  # nothing dated changed: the undated only
    if state.units_changed(conn):  # an old document newly linked as a copy: units reach anywhere
        return None
    corrections = store.list_corrections(conn)
    if stale and corrections:  # a re-processed document may move an anchor: let a full fusion judge
        return None
    rows = _load(conn, start, start - widest if start != dt.date.max else start)
    reports = sorted((Report.from_row(r, rules) for r in rows.values()), key=placement_order)
    if _anchored(corrections, reports):
        return None
    replaced = {int(r["stored_event_id"]) for r in rows.values() if r["stored_event_id"] is not None}
    replaced |= set(stale)
    stored = state.membership(conn, sorted(replaced))
    held = Counter(int(r["stored_event_id"]) for r in rows.values() if r["stored_event_id"] is not None)
    if any(held[e] != n for e, (n, _) in stored.items() if e not in stale):
        return None
    first_day = start.toordinal() if start != dt.date.max else None
    clusterer = _seeded(reports, rows, rules, first_day)
    if clusterer is None:
        return None
    replay = [i for i, r in enumerate(reports) if not _before(r, first_day)]
    for i in replay:
        clusterer.place(i)
    placed = [reports[i].id for i in replay]
    return _write(conn, run_id, last, reports, clusterer, replaced, placed, bool(stale))


def _before(report: Report, first_day: int | None) -> bool:
    return report.day is not None and (first_day is None or report.day < first_day)


def _load(conn: Connection, start: dt.date, window_start: dt.date) -> dict[int, dict[str, Any]]:
    """The reports to place again and the stored events they can meet, by report id."""
    rows = {int(r["id"]): r for r in state.reports_from(conn, window_start)}
    first = start.toordinal() if start != dt.date.max else None
    to_place = [r for r in rows.values() if not _row_before(r, first)]
    for r in state.reports_of_units(conn, sorted({int(r["source_unit"]) for r in to_place})):
        rows.setdefault(int(r["id"]), r)
    context = {int(r["stored_event_id"]) for r in rows.values()
               if r["stored_event_id"] is not None and _row_before(r, first)}  # fmt: skip
    for r in state.reports_of_events(conn, sorted(context)):
        rows.setdefault(int(r["id"]), r)
    return rows


def _row_before(row: dict[str, Any], first_day: int | None) -> bool:
    date = row["event_date"]
    return date is not None and (first_day is None or date.toordinal() < first_day)


def _anchored(corrections: Sequence[dict[str, Any]], reports: Sequence[Report]) -> bool:
    docs = {r.content_hash for r in reports}
    return any(a.get("doc") in docs for c in corrections for a in c["anchors"])


def _seeded(
    reports: Sequence[Report], rows: dict[int, dict[str, Any]], rules: FusionRules, first_day: int | None
) -> Clusterer | None:
    """A clusterer holding the stored events of the reports placed before ``first_day``, as they stood."""
    clusterer = Clusterer(reports, rules)
    position = {r.id: i for i, r in enumerate(reports)}
    groups: dict[int, list[int]] = {}
    links: dict[int, Link] = {}
    for i, report in enumerate(reports):
        if not _before(report, first_day):
            break
        row = rows[report.id]
        if row["stored_event_id"] is None:  # an earlier report no event holds: not a window's state
            return None
        groups.setdefault(int(row["stored_event_id"]), []).append(i)
        matched = row["stored_matched"]
        links[i] = Link(row["stored_how"], row["stored_score"], row["stored_reason"],
                        position.get(int(matched)) if matched is not None else None)  # fmt: skip
    # Events in the order a full fusion formed them (by their first member): ties between equally
    # good candidates go to the older event, here as there.
    for members in groups.values():
        clusterer.seed(members, links)
    return clusterer


def _write(
    conn: Connection,
    run_id: int,
    last: dict[str, Any],
    reports: Sequence[Report],
    clusterer: Clusterer,
    replaced: set[int],
    placed: list[int],
    had_stale: bool,
) -> FusionReport:
    """Swap the replaced events for the new ones; the near misses of the reports placed again too."""
    no_corrections = corr.Applied({}, {}, {}, {}, {})
    clusters = [c for c in clusterer.clusters if c]
    state.delete_events(conn, sorted(replaced), placed)
    if had_stale:
        state.delete_orphan_misses(conn)
    ids = state.reserve_event_ids(conn, len(clusters))
    batch, _ = build(reports, clusters, clusterer.links, no_corrections, run_id, ids)
    batch.log = [{**m, "fusion_run_id": run_id} for m in clusterer.misses]
    known = state.stored_vocabulary(conn)
    batch.vocab = [v for v in vocabulary(batch) if (v["kind"], v["value_fold"], v["value"]) not in known]
    store.insert_fused(conn, batch)
    state.delete_unused_vocabulary(conn)
    members, events, merges = state.totals(conn)
    report = FusionReport(
        reports=members,
        events=events,
        merges=merges,
        run_id=run_id,
        corrections_applied=int(last["corrections_applied"]),
        corrections_unresolved=int(last["corrections_unresolved"]),
        replayed=len(placed),
        incremental=True,
    )
    store.finish_fusion_run(conn, run_id, counts_of(report))
    return report
