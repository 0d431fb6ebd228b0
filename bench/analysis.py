"""Benchmark: every analysis over N synthetic events, and incremental alerts after 1,000 new ones.

    .venv/bin/python bench/analysis.py            # N = 1,000,000 (targets: < 30 s in all; < 2 s incremental)
    .venv/bin/python bench/analysis.py --n 100000 --no-store

The synthetic events (seeded, so runs compare) imitate the Sahel's shape: armed
groups with home regions that spread over the years, state forces, foreign
forces, interstate PLOVER interactions, associated actors, unidentified armed
groups (15 %), tactics. Timings exclude building the synthetic data and
writing the store, which are printed apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from harmattan.analysis import alerts, attribution, footprints, frame, presence, relations, trends

COUNTRIES = ("ML", "BF", "NE", "BJ", "TG")
TACTICS = (
    "IED",
    "ambush",
    "armed drone",
    "abduction",
    "arson",
    "artillery/mortar",
    "VBIED",
    "suicide attack",
)
TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments")
PLOVER = ("ACCUSE", "SANCTION", "DISAPPROVE", "COOPERATE", "AGREE", "REJECT", "CONSULT", "AID")
START = dt.date(2015, 1, 1)
DAYS = 11 * 365


def synthetic(n: int, seed: int = 7, offset: int = 0) -> pl.DataFrame:
    """``n`` seeded synthetic events (ids from ``offset``)."""
    rng = np.random.default_rng(seed)
    admin1 = [f"{c}-R{i}" for c in COUNTRIES for i in range(8)]
    groups = [f"group-{i}" for i in range(40)] + ["jnim", "is-sahel", "fla"]
    home = rng.integers(0, len(admin1), len(groups))
    day = np.sort(rng.integers(0, DAYS, n))
    g = rng.integers(0, len(groups), n)
    # Groups spread: the later the event, the further from the home region it may be.
    drift = (rng.normal(0, 1, n) * (1 + 4 * day / DAYS)).astype(int)
    region = np.clip(home[g] + drift, 0, len(admin1) - 1)
    a1 = np.array(admin1)[region]
    country = np.array([r[:2] for r in admin1])[region]
    district = rng.integers(0, 6, n)
    admin2 = np.char.add(a1, np.char.add("-D", district.astype(str)))
    # Events happen in villages: 80 fixed places per district (about 19,000 in all), as in real data.
    village = rng.integers(0, 80, n)
    place_rng = np.random.default_rng(seed + 1)
    jitter = place_rng.normal(0, 0.3, (len(admin1), 6, 80, 2))
    lat = 10 + region / 3 + jitter[region, district, village, 0]
    lon = -8 + (region % 8) * 1.5 + jitter[region, district, village, 1]
    kind = rng.random(n)
    unidentified = kind < 0.15
    states = np.char.add(np.char.lower(country.astype(str)), "-military")
    actor1 = np.where(unidentified, frame.UNIDENTIFIED, np.array(groups)[g])
    inter1 = np.full(n, 2)
    target = rng.random(n)
    actor2 = np.where(
        target < 0.5, states, np.where(target < 0.8, "civilians", np.array(groups)[(g + 1) % len(groups)])
    )
    inter2 = np.where(target < 0.5, 1, np.where(target < 0.8, 7, 2))
    etype = np.array(TYPES)[np.where(target < 0.5, 0, np.where(target < 0.8, 2, rng.integers(0, 2, n)))]
    plover = np.full(n, None, dtype=object)
    interstate = kind > 0.99
    pair = rng.integers(0, len(COUNTRIES), (n, 2))
    actor1 = np.where(
        interstate, np.char.add(np.char.lower(np.array(COUNTRIES)[pair[:, 0]]), "-state"), actor1
    )
    actor2 = np.where(
        interstate, np.char.add(np.char.lower(np.array(COUNTRIES)[(pair[:, 0] + 1) % 5]), "-state"), actor2
    )
    plover[interstate] = np.array(PLOVER)[rng.integers(0, len(PLOVER), int(interstate.sum()))]
    etype = np.where(interstate, "Strategic developments", etype)
    inter1 = np.where(interstate, 1, inter1)
    inter2 = np.where(interstate, 1, inter2)
    tactic_idx = rng.integers(0, len(TACTICS) * 3, n)
    tactics = [[TACTICS[t]] if t < len(TACTICS) else [] for t in tactic_idx]
    assoc = np.where((rng.random(n) < 0.05) & ~unidentified, np.array(groups)[(g + 2) % len(groups)], None)
    return pl.DataFrame(
        {
            "event_id": [f"s{offset + i:09d}" for i in range(n)],
            "event_date": pl.Series(day + (START - dt.date(1970, 1, 1)).days, dtype=pl.Int32).cast(pl.Date),
            "event_type": etype,
            "actor1": actor1,
            "actor1_id": actor1,
            "assoc_actor_1": pl.Series(assoc.tolist(), dtype=pl.Utf8),
            "inter1": inter1,
            "actor2": actor2,
            "actor2_id": actor2,
            "inter2": inter2,
            "country": country,
            "admin1": a1,
            "admin2": admin2,
            "location": np.char.add(admin2, np.char.add("-V", village.astype(str))),
            "latitude": lat,
            "longitude": lon,
            "fatalities": rng.poisson(2, n),
            "tactics": tactics,
            "plover_type": pl.Series(plover.tolist(), dtype=pl.Utf8),
        }
    )


def timed(label: str, fn: Callable[[], Any], log: dict[str, float]) -> Any:
    """Run ``fn``; print wall time and this process's CPU time (the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    log[label] = time.perf_counter() - start
    log[label + " (cpu)"] = time.process_time() - cpu
    print(f"  {label:<48} {log[label]:7.2f} s wall {log[label + ' (cpu)']:7.2f} s cpu")
    return result


def run_all(fr: pl.DataFrame) -> dict[str, float]:
    log: dict[str, float] = {}
    last = fr["event_date"].max()
    assert isinstance(last, dt.date)
    year_ago = last - dt.timedelta(days=365)
    timed(
        "trends (5 dimensions x week+month, top 20)",
        lambda: [trends.trends(fr, freq=f) for f in ("week", "month")],
        log,
    )
    timed(
        "compare periods (admin1)",
        lambda: trends.compare_periods(
            fr, "admin1", (year_ago - dt.timedelta(days=365), year_ago), (year_ago, last)
        ),
        log,
    )
    timed(
        "novelty alerts (full history, 365-day warm-up)",
        lambda: alerts.novelties(fr, alert_from=dt.date(2016, 1, 1)),
        log,
    )
    timed("spikes (admin1, weekly)", lambda: alerts.spikes(fr, dt.date(2016, 1, 1)), log)
    cells = timed("H3 cells for all events", lambda: footprints.with_cells(fr), log)
    timed(
        "footprints: 5 actors, year vs year before",
        lambda: [
            footprints.compare(cells, a, (year_ago - dt.timedelta(days=365), year_ago), (year_ago, last))
            for a in ("jnim", "is-sahel", "fla", "group-1", "group-2")
        ],
        log,
    )
    timed("footprint spread by year (jnim)", lambda: footprints.spread(cells, "jnim"), log)
    edges = timed("relations: edge events", lambda: relations.edge_events(fr), log)
    timed("relations: graph at end (365-day window)", lambda: relations.graph(edges, at=last), log)
    timed("relations: monthly shifts, all pairs", lambda: relations.shifts(edges), log)
    timed(
        "presence timelines (pack facts + events)",
        lambda: presence.timelines(fr, presence.pack_facts(), presence.pack_foreign()),
        log,
    )
    model = timed("attribution: fit", lambda: attribution.fit(cells), log)
    timed("attribution: all unidentified events", lambda: attribution.attribute(cells, model=model), log)
    cal = timed("attribution: calibration (time split)", lambda: attribution.evaluate(cells), log)
    print(f"  calibration on synthetic data: top-1 {cal.top1}, top-3 {cal.top3}, brier {cal.brier}")
    return log


def incremental(fr: pl.DataFrame, extra: int) -> None:
    from sqlalchemy import insert

    from harmattan.analysis.alerts_run import run_alerts
    from harmattan.store.database import Database
    from harmattan.store.schema_events import events

    def rows(part: pl.DataFrame) -> list[dict[str, Any]]:
        out = (
            part.rename({"event_id": "event_key"}).with_columns(pl.col("tactics").list.join("; ")).to_dicts()
        )
        return [{**r, "status": "active"} for r in out]

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        db.upgrade()
        start = time.perf_counter()
        with db.engine.begin() as conn:
            for i in range(0, fr.height, 100_000):
                conn.execute(insert(events), rows(fr.slice(i, 100_000)))
        print(f"  (store: {fr.height:,} events written in {time.perf_counter() - start:.1f} s)")
        start = time.perf_counter()
        first = run_alerts(db)
        print(
            f"  first alerts run over the store: {first.new_events:,} events, {first.stored:,} alerts, "
            f"{time.perf_counter() - start:.2f} s"
        )
        # The next batch of news: events of the month after the history ends.
        last = fr["event_date"].max()
        new = synthetic(extra, seed=99, offset=fr.height).with_columns(
            (pl.lit(last) + pl.duration(days=pl.int_range(pl.len()) % 30 + 1)).alias("event_date")
        )
        with db.engine.begin() as conn:
            conn.execute(insert(events), rows(new))
        start, cpu = time.perf_counter(), time.process_time()
        later = run_alerts(db)
        print(
            f"  incremental alerts after {later.new_events:,} new events: {len(later.alerts)} alerts, "
            f"{time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu:.2f} s cpu "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=1_000, help="events in the incremental batch")
    parser.add_argument("--no-store", action="store_true", help="skip the store-backed incremental test")
    args = parser.parse_args()
    start = time.perf_counter()
    import ruptures  # noqa: F401  (a one-off import of several seconds; not an analysis cost)

    print(f"imports (ruptures, scipy): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    fr = frame.from_table(synthetic(args.n))
    print(f"{args.n:,} synthetic events built in {time.perf_counter() - start:.1f} s")
    log = run_all(fr)
    wall = sum(v for k, v in log.items() if not k.endswith("(cpu)"))
    cpu = sum(v for k, v in log.items() if k.endswith("(cpu)"))
    print(
        f"total for all analyses: {wall:.2f} s wall, {cpu:.2f} s cpu "
        f"(N = {args.n:,}; load average {os.getloadavg()[0]:.1f})"
    )
    if not args.no_store:
        incremental(fr, args.new)


if __name__ == "__main__":
    main()
