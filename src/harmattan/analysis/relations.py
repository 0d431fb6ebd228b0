"""The relations graph: signed, weighted, dated edges between actors, states included.

Every event between two actors becomes a signed *edge event*: PLOVER
interactions carry the sign table of ONTOLOGY.md (accuse, sanction, expel:
negative; agree, aid: positive), fighting without a PLOVER type is hostile,
and ACLED's associated actors are allies. :func:`graph` sums them over a
rolling window into a networkx graph with the evidence of each edge;
:func:`timeline` walks one pair event by event (how Algeria–Mali relations
fell); :func:`shifts` finds sign changes and big moves of every pair, month by
month. Weights and kinds are data (``data/relations.yaml``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import polars as pl
import yaml

from harmattan.analysis.frame import assoc_long

RULES_PATH = Path(__file__).with_name("data") / "relations.yaml"
Resolver = Callable[[str, dt.date], str | None]
EDGE_SCHEMA = pl.Schema(
    {
        "a": pl.Utf8,
        "b": pl.Utf8,
        "event_date": pl.Date,
        "event_id": pl.Utf8,
        "delta": pl.Float64,
        "kind": pl.Utf8,
    }
)


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    return data


def state_rollup(pack_name: str = "sahel") -> dict[str, str]:
    """Pack actor id -> its state's id (``ml-military`` -> ``ml-state``) for the kinds in the rules."""
    from harmattan import regions

    registry = regions.load(pack_name).actors
    kinds = set(rules()["rollup_kinds"])
    out = {}
    for actor in registry:
        target = f"{actor.countries[0].lower()}-state" if actor.countries else None
        if actor.kind in kinds and target and target in registry:
            out[actor.id] = target
    return out


def edge_events(
    frame: pl.DataFrame, rollup: Mapping[str, str] | None = None, resolve: Resolver | None = None
) -> pl.DataFrame:
    """One row per signed interaction: ``a`` < ``b`` (nodes), event date and id, ``delta``, ``kind``.

    ``rollup`` maps actor ids to nodes (see :func:`state_rollup`); ``resolve`` names to ids.
    """
    r = rules()
    roll = dict(rollup or {})
    plover = pl.col("plover_type").replace_strict(r["plover"], default=None, return_dtype=pl.Float64)
    hostile = pl.col("event_type").replace_strict(
        r["hostile_event_types"], default=None, return_dtype=pl.Float64
    )
    ok = [
        (pl.col(f"inter{n}").is_null() | ~pl.col(f"inter{n}").is_in(r["skip_inter"]))
        & ~pl.col(f"actor{n}_id").is_in(r["skip_actors"])
        for n in ("1", "2")
    ]
    cols = [
        "event_id",
        "event_date",
        "event_type",
        "plover_type",
        "actor1_id",
        "actor2_id",
        "inter1",
        "inter2",
    ]
    pairs = frame.select(cols).filter(
        pl.col("actor1_id").is_not_null() & pl.col("actor2_id").is_not_null() & ok[0] & ok[1]
    )
    pairs = pairs.with_columns(
        pl.col("actor1_id").replace(roll).alias("x"),
        pl.col("actor2_id").replace(roll).alias("y"),
        pl.coalesce(plover, hostile).alias("delta"),
        pl.when(plover.is_not_null())
        .then(pl.col("plover_type"))
        .otherwise(pl.col("event_type"))
        .alias("kind"),
    ).filter(pl.col("delta").is_not_null() & (pl.col("x") != pl.col("y")))
    direct = pairs.select(
        pl.min_horizontal("x", "y").alias("a"),
        pl.max_horizontal("x", "y").alias("b"),
        "event_date",
        "event_id",
        "delta",
        "kind",
    )
    assoc = (
        assoc_long(frame, resolve)
        .with_columns(pl.col("me").replace(roll).alias("me"), pl.col("other").replace(roll).alias("other"))
        .filter(pl.col("me") != pl.col("other"))
    )
    extra = assoc.select(
        pl.min_horizontal("me", "other").alias("a"), pl.max_horizontal("me", "other").alias("b"),
        "event_date", "event_id", pl.lit(float(r["association"])).alias("delta"),
        pl.lit("association").alias("kind"),
    )  # fmt: skip
    return pl.concat([direct.cast(EDGE_SCHEMA), extra.cast(EDGE_SCHEMA)]).sort("event_date", "event_id")


def graph(
    edges: pl.DataFrame,
    at: dt.date | None = None,
    window_days: int | None = 365,
    actor: str | None = None,
    names: Mapping[str, str] | None = None,
    max_evidence: int = 50,
) -> nx.Graph:
    """The graph of edge events in the ``window_days`` up to ``at`` (all time: ``window_days=None``)."""
    rows = edges
    if at:
        rows = rows.filter(pl.col("event_date") <= at)
    if at and window_days:
        rows = rows.filter(pl.col("event_date") > at - dt.timedelta(days=window_days))
    if actor:
        rows = rows.filter((pl.col("a") == actor) | (pl.col("b") == actor))
    agg = rows.group_by("a", "b").agg(
        pl.col("delta").sum().alias("weight"),
        (pl.col("delta") < 0).sum().alias("hostile"),
        (pl.col("delta") > 0).sum().alias("allied"),
        pl.len().alias("events"),
        pl.col("event_date").min().alias("first"),
        pl.col("event_date").max().alias("last"),
        pl.col("event_id").tail(max_evidence).alias("evidence"),
    )
    g = nx.Graph(at=(at.isoformat() if at else ""), window_days=window_days or 0)
    for row in agg.sort("a", "b").iter_rows(named=True):
        for node in (row["a"], row["b"]):
            g.add_node(node, name=(names or {}).get(node, node))
        weight = round(float(row["weight"]), 3)
        g.add_edge(
            row["a"],
            row["b"],
            weight=weight,
            sign=(weight > 0) - (weight < 0),
            hostile=int(row["hostile"]),
            allied=int(row["allied"]),
            events=int(row["events"]),
            first=row["first"].isoformat(),
            last=row["last"].isoformat(),
            evidence=list(row["evidence"]),
        )
    return g


@dataclass(frozen=True)
class RelationStep:
    """One event of a pair's history and the pair's rolling score after it."""

    event_date: dt.date
    event_id: str
    kind: str
    delta: float
    score: float
    sign: int


def timeline(edges: pl.DataFrame, a: str, b: str, window_days: int = 365) -> list[RelationStep]:
    """The pair's edge events in order, each with the sum of deltas over the preceding ``window_days``."""
    lo, hi = sorted((a, b))
    rows = edges.filter((pl.col("a") == lo) & (pl.col("b") == hi)).sort("event_date", "event_id")
    out: list[RelationStep] = []
    history: list[tuple[dt.date, float]] = []
    for date, event_id, delta, kind in rows.select("event_date", "event_id", "delta", "kind").iter_rows():
        history.append((date, delta))
        score = sum(d for day, d in history if day > date - dt.timedelta(days=window_days))
        score = round(score, 3)
        out.append(RelationStep(date, event_id, kind, delta, score, (score > 0) - (score < 0)))
    return out


@dataclass(frozen=True)
class Shift:
    """A pair whose rolling weight changed sign or moved a lot in the month ending ``date``."""

    a: str
    b: str
    date: dt.date
    kind: str  # sign_change | weight_change
    before: float
    after: float
    evidence: list[str]


def shifts(edges: pl.DataFrame, window_months: int = 12, max_evidence: int = 20) -> list[Shift]:
    """Month by month, pairs whose rolling ``window_months`` weight changes sign or by a large amount."""
    cfg = rules()["shift"]
    monthly = (
        edges.with_columns(pl.col("event_date").dt.truncate("1mo").alias("month"))
        .group_by("a", "b", "month")
        .agg(pl.col("delta").sum(), pl.col("event_id").head(max_evidence).alias("ids"))
    )
    if monthly.is_empty():
        return []
    last = monthly["month"].max()
    spans = monthly.group_by("a", "b").agg(pl.col("month").min().alias("first"))
    grid = spans.with_columns(pl.date_ranges("first", pl.lit(last), interval="1mo").alias("month")).explode(
        "month"
    )
    full = (
        grid.drop("first")
        .join(monthly, on=["a", "b", "month"], how="left")
        .with_columns(pl.col("delta").fill_null(0.0))
        .sort("a", "b", "month")
        .with_columns(pl.col("delta").rolling_sum(window_months, min_samples=1).over("a", "b").alias("after"))
        .with_columns(pl.col("after").shift(1).over("a", "b").fill_null(0.0).alias("before"))
    )
    flips = pl.col("before") * pl.col("after") < 0
    moved = ((pl.col("after") - pl.col("before")).abs() >= cfg["min_abs"]) & (
        (pl.col("after") - pl.col("before")).abs() >= cfg["min_rel"] * pl.col("before").abs()
    )
    found = full.filter(pl.col("ids").is_not_null() & (flips | moved))
    out = []
    for row in found.with_columns(flips.alias("flip")).iter_rows(named=True):
        out.append(
            Shift(
                row["a"],
                row["b"],
                row["month"],
                "sign_change" if row["flip"] else "weight_change",
                round(row["before"], 3),
                round(row["after"], 3),
                list(row["ids"]),
            )
        )
    return out


def to_json(g: nx.Graph) -> dict[str, Any]:
    """Nodes and edges with their attributes and evidence (JSON-ready)."""
    return {
        "at": g.graph.get("at"),
        "window_days": g.graph.get("window_days"),
        "nodes": [{"id": n, **attrs} for n, attrs in g.nodes(data=True)],
        "edges": [{"source": u, "target": v, **attrs} for u, v, attrs in g.edges(data=True)],
    }


def write_graphml(g: nx.Graph, path: Path) -> None:
    """GraphML (evidence lists become ``;``-joined strings: GraphML attributes are scalars)."""
    flat = g.copy()
    for _, _, attrs in flat.edges(data=True):
        attrs["evidence"] = ";".join(attrs["evidence"])
    nx.write_graphml(flat, path)


def steps_json(steps: list[RelationStep]) -> list[dict[str, Any]]:
    return [{**asdict(s), "event_date": s.event_date.isoformat()} for s in steps]


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
