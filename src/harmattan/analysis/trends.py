"""Trends and escalation: weekly/monthly counts and fatalities per country, admin1, actor, type or tactic.

For each series: change points (``ruptures`` PELT on the counts, penalty from the
series' own noise) and an escalation flag when the latest period leaves the
range of the periods before it. :func:`compare_periods` answers "more or less
than last year, and where?". Every result lists the event ids behind it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from harmattan.analysis.frame import actors_long

DIMENSIONS: tuple[str, ...] = ("country", "admin1", "actor", "event_type", "tactic")
FREQS: dict[str, str] = {"week": "1w", "month": "1mo"}


@dataclass(frozen=True)
class TrendPoint:
    period: dt.date
    events: int
    fatalities: int


@dataclass(frozen=True)
class ChangePoint:
    """The series' level changes from ``period`` on (mean per period before and after)."""

    period: dt.date
    before: float
    after: float
    evidence: list[str]


@dataclass(frozen=True)
class Escalation:
    """The latest period's value is above everything in the ``window`` periods before it."""

    period: dt.date
    value: int
    recent_max: int
    recent_mean: float
    sentence: str
    evidence: list[str]


@dataclass
class Trend:
    dimension: str
    key: str
    freq: str
    metric: str
    points: list[TrendPoint]
    change_points: list[ChangePoint] = field(default_factory=list)
    escalation: Escalation | None = None

    @property
    def total(self) -> int:
        return sum(p.events for p in self.points)


def _keyed(frame: pl.DataFrame, dimension: str) -> pl.DataFrame:
    """``frame`` with a ``key`` column for the dimension (actor and tactic rows multiply)."""
    base = ["event_id", "event_date", "fatalities"]
    if dimension == "actor":
        return actors_long(frame, base).select(*base, pl.col("actor").alias("key"))
    if dimension == "tactic":
        return frame.select(*base, pl.col("tactics").alias("key")).explode("key")
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; one of {', '.join(DIMENSIONS)}")
    return frame.select(*base, pl.col(dimension).alias("key"))


def series(
    frame: pl.DataFrame, dimension: str, freq: str = "month", keyed: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Counts per key and period, zero-filled from each key's first period to the last overall.

    Columns: ``key``, ``period`` (start date), ``events``, ``fatalities``.
    """
    every = FREQS[freq]
    if keyed is None:
        keyed = _keyed(frame, dimension).filter(pl.col("key").is_not_null())
    keyed = keyed.with_columns(pl.col("event_date").dt.truncate(every).alias("period"))
    counts = keyed.group_by("key", "period").agg(
        pl.len().alias("events"), pl.col("fatalities").sum().alias("fatalities")
    )
    if counts.is_empty():
        return counts.with_columns(pl.col("events").cast(pl.Int64))
    last = counts["period"].max()
    spans = counts.group_by("key").agg(pl.col("period").min().alias("first"))
    grid = (
        spans.with_columns(pl.date_ranges(pl.col("first"), pl.lit(last), interval=every).alias("period"))
        .explode("period")
        .drop("first")
    )
    return (
        grid.join(counts, on=["key", "period"], how="left")
        .with_columns(pl.col("events").fill_null(0).cast(pl.Int64), pl.col("fatalities").fill_null(0))
        .sort("key", "period")
    )


def change_points(values: np.ndarray, min_size: int = 3) -> list[int]:
    """Indexes where the level of ``values`` changes (PELT, l2 cost, penalty from the noise)."""
    import ruptures

    if len(values) < 2 * min_size:
        return []
    signal: np.ndarray = values.astype(float).reshape(-1, 1)
    diffs = np.abs(np.diff(values.astype(float)))
    # Robust noise estimate from successive differences; counts are at least Poisson-noisy.
    sigma2 = max((float(np.median(diffs)) / 0.6745) ** 2 / 2, float(np.mean(values)) * 0.5, 1.0)
    penalty = 3.0 * sigma2 * math.log(len(values))
    # PELT with a linear kernel is the l2 (change in mean) cost, in ruptures' C implementation.
    ends = ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(signal).predict(pen=penalty)
    return [int(e) for e in ends[:-1]]


def escalation(values: np.ndarray, window: int = 12, min_value: int = 3) -> tuple[int, float] | None:
    """(recent max, recent mean) when the last value leaves the recent range, else None."""
    if len(values) < window // 2 + 1:
        return None
    recent = values[-window - 1 : -1]
    last = int(values[-1])
    top, mean, sd = int(recent.max()), float(recent.mean()), float(recent.std())
    if last > top and last >= min_value and last >= mean + 2 * max(sd, 1.0):
        return top, mean
    return None


def _ids(keyed: pl.DataFrame, key: str, start: dt.date, every: str, limit: int) -> list[str]:
    end = pl.Series([start]).dt.offset_by(every)[0]
    rows = keyed.filter(
        (pl.col("key") == key) & (pl.col("event_date") >= start) & (pl.col("event_date") < end)
    )
    return [str(i) for i in rows["event_id"].head(limit).to_list()]


def trends(
    frame: pl.DataFrame,
    dimensions: tuple[str, ...] = DIMENSIONS,
    freq: str = "month",
    metric: str = "events",
    top: int = 20,
    window: int = 12,
    max_evidence: int = 50,
) -> list[Trend]:
    """The ``top`` busiest series of each dimension with change points and escalation flags."""
    if metric not in ("events", "fatalities"):
        raise ValueError("metric is 'events' or 'fatalities'")
    out: list[Trend] = []
    for dimension in dimensions:
        keyed = _keyed(frame, dimension).filter(pl.col("key").is_not_null())
        table = series(frame, dimension, freq, keyed)
        if table.is_empty():
            continue
        busiest = (
            table.group_by("key")
            .agg(pl.col(metric).sum().alias("n"))
            .sort(["n", "key"], descending=[True, False])
        )
        keys = busiest["key"].head(top).to_list()
        tables = table.filter(pl.col("key").is_in(keys)).partition_by("key", as_dict=True)
        events = keyed.filter(pl.col("key").is_in(keys)).partition_by("key", as_dict=True)
        for key in keys:
            out.append(
                _trend(events[(key,)], tables[(key,)], dimension, key, freq, metric, window, max_evidence)
            )
    return out


def _trend(
    keyed: pl.DataFrame,
    rows: pl.DataFrame,
    dimension: str,
    key: str,
    freq: str,
    metric: str,
    window: int,
    max_evidence: int,
) -> Trend:
    every = FREQS[freq]
    periods = rows["period"].to_list()
    values = rows[metric].to_numpy()
    points = [
        TrendPoint(p, int(e), int(f))
        for p, e, f in zip(periods, rows["events"].to_list(), rows["fatalities"].to_list(), strict=True)
    ]
    trend = Trend(dimension, key, freq, metric, points)
    for i in change_points(values):
        trend.change_points.append(
            ChangePoint(
                periods[i],
                float(values[:i].mean()),
                float(values[i:].mean()),
                _ids(keyed, key, periods[i], every, max_evidence),
            )
        )
    flagged = escalation(values, window)
    if flagged:
        top, mean = flagged
        last = periods[-1]
        sentence = (
            f"{metric.capitalize()} for {dimension} {key} in the {freq} of {last.isoformat()}: "
            f"{int(values[-1])}, above the highest of the previous {window} {freq}s ({top}; mean {mean:.1f})."
        )
        trend.escalation = Escalation(
            last, int(values[-1]), top, mean, sentence, _ids(keyed, key, last, every, max_evidence)
        )
    return trend


@dataclass(frozen=True)
class PeriodComparison:
    """One key's counts in two periods; ``evidence`` lists events of the second period."""

    dimension: str
    key: str
    events_a: int
    events_b: int
    fatalities_a: int
    fatalities_b: int
    change: float | None
    evidence: list[str]


def compare_periods(
    frame: pl.DataFrame,
    dimension: str,
    a: tuple[dt.date, dt.date],
    b: tuple[dt.date, dt.date],
    max_evidence: int = 50,
) -> list[PeriodComparison]:
    """Counts and fatalities per key in period ``a`` and ``b`` (inclusive), biggest change first."""
    keyed = _keyed(frame, dimension).filter(pl.col("key").is_not_null())

    def span(bounds: tuple[dt.date, dt.date], tag: str) -> pl.DataFrame:
        part = keyed.filter(pl.col("event_date").is_between(bounds[0], bounds[1]))
        return part.group_by("key").agg(
            pl.len().alias(f"events_{tag}"),
            pl.col("fatalities").sum().alias(f"fatalities_{tag}"),
            pl.col("event_id").head(max_evidence).alias(f"ids_{tag}"),
        )

    both = span(a, "a").join(span(b, "b"), on="key", how="full", coalesce=True)
    out = []
    for row in both.iter_rows(named=True):
        ea, eb = int(row["events_a"] or 0), int(row["events_b"] or 0)
        change = (eb - ea) / ea if ea else None
        ids = row["ids_b"] if isinstance(row["ids_b"], list) else []
        out.append(
            PeriodComparison(
                dimension,
                row["key"],
                ea,
                eb,
                int(row["fatalities_a"] or 0),
                int(row["fatalities_b"] or 0),
                change,
                ids,
            )
        )
    return sorted(out, key=lambda c: (-abs(c.events_b - c.events_a), c.key))
