"""Greedy complete-link clustering of reports, one report at a time (the core of fusion).

Reports are placed in (date, report key) order; each is compared with the events
already formed whose members fall inside its date window and country, found by
blocking on (country, day) and a one-degree grid, plus the events holding a
syndicated copy of it. It joins the best-scoring event whose *every* member
passes the rule, or starts a new one.

A report's placement depends only on the events formed before it, inside its
window (or through its syndicated copies): :class:`Clusterer` can therefore be
seeded with the events stored by an earlier fusion (:meth:`Clusterer.seed`) and
then place only the reports from some date on, which is how incremental fusion
re-fuses a window and gets what a full fusion would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from harmattan.events.rules import FusionRules, Report, compare

NEAR_MISS_LIMIT = 5  # per report: enough to explain, not enough to bloat the log


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


class Clusterer:
    """Events (lists of indices into ``reports``) formed so far, and the indexes to find candidates."""

    def __init__(self, reports: Sequence[Report], rules: FusionRules) -> None:
        self.reports, self.rules = reports, rules
        self.clusters: list[list[int]] = []
        self.links: dict[int, Link] = {}
        self.misses: list[dict[str, Any]] = []
        self.narrow, self.wide = Blocks(), Blocks()
        self.units: dict[int, set[int]] = {}  # source unit -> events holding one of its reports

    def seed(self, members: Sequence[int], links: dict[int, Link]) -> int:
        """Add an event formed earlier, as it stood (members in placement order, with their links)."""
        target = len(self.clusters)
        self.clusters.append([])
        for m in members:
            self._join(m, target)
            self.links[m] = links[m]
        return target

    def place(self, i: int) -> int:
        """Put report ``i`` in the best event that takes it, or in a new one; returns the event."""
        report, rules = self.reports[i], self.rules
        day, country, own = report.day, report.fields.get("country"), report.window
        cell = cell_of(report, rules)
        candidates: set[int] = set(self.units.get(report.source_unit, ()))
        if day is not None:
            self.narrow.candidates(country, range(day - own, day + 1), cell, candidates)
            if self.wide.by_day:  # imprecise (week/month) reports are rare: skip the long look-back if none
                self.wide.candidates(country, range(day - rules.widest_window, day + 1), cell, candidates)
        best: tuple[float, int] | None = None
        misses = 0
        for c in sorted(candidates):
            verdicts = []
            members = self.clusters[c]
            if day is None:  # an undated report is judged against its syndicated copies only
                members = [m for m in members if self.reports[m].source_unit == report.source_unit]
            for m in members:  # complete link: every member must agree; stop at the first that does not
                verdict = compare(report, self.reports[m], rules)
                if not verdict.same:
                    if verdict.partial >= rules.near_miss_score and misses < NEAR_MISS_LIMIT:
                        self.misses.append(_miss(report, self.reports[m], verdict.partial, verdict.reason))
                        misses += 1
                    break
                verdicts.append((verdict, m))
            else:
                if not verdicts:
                    continue
                score = sum(v.score for v, _ in verdicts) / len(verdicts)
                top = max(verdicts, key=lambda vm: (vm[0].score, -vm[1]))
                if best is None or score > best[0]:
                    best = (score, c)
                    self.links[i] = Link("auto", round(score, 4), top[0].reason, top[1])
        if best is None:
            target = len(self.clusters)
            self.clusters.append([])
            self.links[i] = Link("seed")
        else:
            target = best[1]
        self._join(i, target)
        return target

    def _join(self, i: int, target: int) -> None:
        report = self.reports[i]
        self.clusters[target].append(i)
        self.units.setdefault(report.source_unit, set()).add(target)
        if report.day is not None:
            blocks = self.narrow if report.window <= 1 else self.wide
            blocks.add(report.fields.get("country"), report.day, cell_of(report, self.rules), target)


def cluster(
    reports: Sequence[Report], rules: FusionRules
) -> tuple[list[list[int]], dict[int, Link], list[dict[str, Any]]]:
    """Group reports (indices, already in placement order) into events; how each joined; near misses."""
    clusterer = Clusterer(reports, rules)
    for i in range(len(reports)):
        clusterer.place(i)
    return clusterer.clusters, clusterer.links, clusterer.misses


def _miss(a: Report, b: Report, score: float, reason: str) -> dict[str, Any]:
    return {
        "action": "kept-apart",
        "report_id": a.id,
        "other_report_id": b.id,
        "score": score,
        "reason": reason,
    }
