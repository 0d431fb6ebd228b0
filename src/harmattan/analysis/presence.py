"""Foreign presence: which foreign and multilateral forces are in each country, and since when.

The timeline of each (force, country) walks the region pack's dated presence
facts (France leaving Mali in 2022, Africa Corps arriving in Burkina Faso) and
the events' own signals (a PLOVER RETREAT, a base handed over, a base set up,
fighting on the ground) in date order; each change of status names its
evidence: the fact's source or the events. Mappings are data
(``data/presence.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from harmattan.analysis.frame import actors_long

RULES_PATH = Path(__file__).with_name("data") / "presence.yaml"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Fact:
    """A dated statement about a force in a country (from the pack, or given by a caller)."""

    actor: str
    country: str
    status: str  # a pack status (arrived, announced_withdrawal, ...)
    date: dt.date
    source: str
    note: str | None = None


@dataclass
class StatusChange:
    date: dt.date
    status: str
    basis: str  # "fact" | "events"
    evidence: list[str]
    note: str | None = None


@dataclass
class PresenceTimeline:
    actor: str
    country: str
    name: str
    status: str | None = None
    since: dt.date | None = None
    changes: list[StatusChange] = field(default_factory=list)


@dataclass(frozen=True)
class _Signal:
    date: dt.date
    status: str
    basis: str
    evidence: str
    note: str | None
    order: int


def pack_facts(pack_name: str = "sahel") -> list[Fact]:
    from harmattan import regions

    return [
        Fact(f.actor_id, f.country, f.status, f.date, f.source, f.note)
        for f in regions.load(pack_name).actors.presence()
    ]


def pack_foreign(pack_name: str = "sahel") -> dict[str, tuple[str | None, str]]:
    """Foreign actor id -> (home country or None when foreign everywhere, display name)."""
    from harmattan import regions

    r = rules()
    out: dict[str, tuple[str | None, str]] = {}
    for actor in regions.load(pack_name).actors:
        if actor.kind in r["always_foreign_kinds"]:
            out[actor.id] = (None, actor.name)
        elif actor.kind in r["foreign_kinds"] or actor.inter == 8:
            out[actor.id] = (actor.countries[0] if actor.countries else None, actor.name)
    return out


def _event_signals(
    frame: pl.DataFrame, foreign: Mapping[str, tuple[str | None, str]]
) -> list[dict[str, Any]]:
    r = rules()
    long = actors_long(frame).filter(pl.col("country").is_not_null())
    known = list(foreign)
    long = long.filter(
        pl.col("actor").is_in(known) | ((pl.col("inter") == 8) & ~pl.col("actor").is_in(known))
    )
    plover = pl.col("plover_type").replace_strict(r["events"]["plover"], default=None, return_dtype=pl.Utf8)
    sub = pl.col("sub_event_type").replace_strict(
        r["events"]["sub_event_type"], default=None, return_dtype=pl.Utf8
    )
    operational = pl.when(pl.col("event_type").is_in(r["operational_event_types"])).then(pl.lit("present"))
    own = pl.when(pl.col("role") == 1).then(pl.coalesce(plover, sub))
    signals = long.with_columns(pl.coalesce(own, operational).alias("status")).filter(
        pl.col("status").is_not_null()
    )
    rows = signals.select("actor", "country", "event_date", "event_id", "status", "location").to_dicts()
    return [row for row in rows if foreign.get(row["actor"], (None, ""))[0] != row["country"]]


def timelines(
    frame: pl.DataFrame,
    facts: Iterable[Fact] = (),
    foreign: Mapping[str, tuple[str | None, str]] | None = None,
    country: str | None = None,
    at: dt.date | None = None,
) -> list[PresenceTimeline]:
    """One timeline per (foreign force, country) from the facts and the events up to ``at``."""
    r = rules()
    foreign = foreign or {}
    signals: dict[tuple[str, str], list[_Signal]] = {}
    for i, fact in enumerate(facts):
        status = r["facts"][fact.status]
        signals.setdefault((fact.actor, fact.country), []).append(
            _Signal(fact.date, status, "fact", fact.source, fact.note, i)
        )
    for row in _event_signals(frame, foreign):
        signals.setdefault((row["actor"], row["country"]), []).append(
            _Signal(row["event_date"], row["status"], "events", row["event_id"], row["location"], 1_000_000)
        )
    out = []
    for (actor, cc), items in sorted(signals.items()):
        if (country and cc != country) or not items:
            continue
        items = [s for s in items if at is None or s.date <= at]
        timeline = _walk(PresenceTimeline(actor, cc, foreign.get(actor, (None, actor))[1]), items, r)
        if timeline.changes:
            out.append(timeline)
    return out


def _walk(timeline: PresenceTimeline, items: list[_Signal], r: dict[str, Any]) -> PresenceTimeline:
    for sig in sorted(items, key=lambda s: (s.date, s.order)):
        current = timeline.status
        if sig.basis == "events" and sig.status == "present" and current not in r["present_from"]:
            if timeline.changes and len(timeline.changes[-1].evidence) < 20:
                timeline.changes[-1].evidence.append(sig.evidence)
            continue
        # Events move a force forward (arriving -> present -> drawing down -> left), never back: a base
        # handed over on the day the force left does not reopen the drawdown.
        backwards = current is not None and r["statuses"].index(sig.status) < r["statuses"].index(current)
        if sig.status == current or (sig.basis == "events" and sig.status != "present" and backwards):
            if timeline.changes and len(timeline.changes[-1].evidence) < 20:
                timeline.changes[-1].evidence.append(sig.evidence)
            continue
        timeline.changes.append(StatusChange(sig.date, sig.status, sig.basis, [sig.evidence], sig.note))
        timeline.status, timeline.since = sig.status, sig.date
    return timeline


def to_dict(timeline: PresenceTimeline) -> dict[str, Any]:
    return {
        "actor": timeline.actor,
        "name": timeline.name,
        "country": timeline.country,
        "status": timeline.status,
        "since": timeline.since.isoformat() if timeline.since else None,
        "changes": [
            {
                "date": c.date.isoformat(),
                "status": c.status,
                "basis": c.basis,
                "evidence": c.evidence,
                "note": c.note,
            }
            for c in timeline.changes
        ],
    }
