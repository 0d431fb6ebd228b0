"""Novelty alerts: the first time an actor does something, goes somewhere or meets someone; spikes.

Kinds: ``new_tactic`` (first armed-drone attack by FLA), ``new_country`` /
``new_admin1`` / ``new_admin2`` (JNIM's first event in northern Benin),
``new_pairing_clash`` / ``new_pairing_joint`` (a first clash, a first joint
operation), ``new_foreign_actor`` (a foreign force's first event in a country)
and ``spike`` (a week far above the weeks before it, per place).

:func:`novelties` is pure: it takes events and the keys history already holds
(``known``) and returns alerts plus the newly seen keys, so the incremental
runner (:mod:`harmattan.analysis.alerts_run`) only checks new events against a
stored memory instead of re-reading history. Rules and severities are data
(``data/alerts.yaml``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from harmattan.analysis.frame import actors_long, assoc_long

RULES_PATH = Path(__file__).with_name("data") / "alerts.yaml"
LEVELS = ("low", "medium", "high")
Resolver = Callable[[str, dt.date], str | None]


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Alert:
    kind: str
    key: str
    severity: str
    score: float
    event_date: dt.date
    actors: list[str]
    country: str | None
    admin1: str | None
    admin2: str | None
    sentence: str
    evidence: list[str]

    @property
    def alert_key(self) -> str:
        return hashlib.sha1(f"{self.kind}|{self.key}".encode()).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["event_date"] = self.event_date.isoformat()
        out["alert_key"] = self.alert_key
        return out


@dataclass
class NoveltyResult:
    alerts: list[Alert] = field(default_factory=list)
    #: ``{kind, key, first_date, first_event}`` for every key seen for the first time.
    new_keys: list[dict[str, Any]] = field(default_factory=list)


def _severity(kind: str, fatalities: int, tactic: str | None = None) -> tuple[str, float]:
    r = rules()
    level = LEVELS.index(r["severity"][kind])
    if tactic and tactic in r["high_tactics"]:
        level = 2
    if fatalities >= r["fatalities_bump"]:
        level = min(level + 1, 2)
    return LEVELS[level], level + 1 + math.log1p(fatalities) / 10


def _eligible(actor: pl.Expr, inter: pl.Expr) -> pl.Expr:
    r = rules()
    return (
        actor.is_not_null()
        & ~actor.is_in(r["skip_actors"])
        & (inter.is_null() | ~inter.is_in(r["skip_inter"]))
    )


_EVENT = ("event_id", "event_date", "country", "admin1", "admin2", "location", "fatalities")


def _firsts(rows: pl.DataFrame, kind: str, cols: list[str], actors: pl.Expr, tactic: pl.Expr) -> pl.DataFrame:
    """Per distinct ``cols``: the earliest row (``rows`` come sorted), its key, actors, first 10 event ids."""
    grouped = (
        rows.drop_nulls(cols)
        .group_by(cols)
        .agg(*(pl.col(c).first() for c in _EVENT if c not in cols), pl.col("event_id").head(10).alias("ids"))
    )
    return grouped.sort("event_date", "event_id").select(
        pl.lit(kind).alias("kind"), pl.concat_str(cols, separator="|").alias("key"), *_EVENT,
        actors.alias("actors"), tactic.alias("tactic"), "ids",
    )  # fmt: skip


def candidate_keys(frame: pl.DataFrame, resolve: Resolver | None = None) -> pl.DataFrame:
    """The first event of every (kind, key) in ``frame``: kind, key, event columns, actors, tactic, ids."""
    r = rules()
    needed = [*_EVENT, "tactics", "event_type", "actor1_id", "actor2_id", "inter1", "inter2", "assoc_actor_1",
              "assoc_actor_2"]  # fmt: skip
    # Frames come sorted by (date, id); stable sorts by date alone keep that order within a day.
    ordered = frame.select(needed).sort("event_date", maintain_order=True)
    long = actors_long(ordered, [*_EVENT, "tactics"])
    long = long.filter(_eligible(pl.col("actor"), pl.col("inter"))).sort("event_date", maintain_order=True)
    foreign = pl.col("inter") == 8
    one, none = pl.concat_list([pl.col("actor")]), pl.lit(None, pl.Utf8)
    tactic_rows = long.filter(pl.col("role") == 1).explode("tactics").rename({"tactics": "tactic_"})
    parts = [
        _firsts(tactic_rows, "new_tactic", ["actor", "tactic_"], one, pl.col("tactic_")),
        _firsts(long.filter(~foreign), "new_country", ["actor", "country"], one, none),
        _firsts(long.filter(foreign), "new_foreign_actor", ["actor", "country"], one, none),
        _firsts(long.filter(~foreign), "new_admin1", ["actor", "country", "admin1"], one, none),
        _firsts(long.filter(~foreign), "new_admin2", ["actor", "country", "admin1", "admin2"], one, none),
    ]
    lo, hi = pl.min_horizontal("actor1_id", "actor2_id"), pl.max_horizontal("actor1_id", "actor2_id")
    clashes = ordered.filter(
        _eligible(pl.col("actor1_id"), pl.col("inter1")) & _eligible(pl.col("actor2_id"), pl.col("inter2"))
        & (pl.col("actor1_id") != pl.col("actor2_id")) & pl.col("event_type").is_in(r["clash_types"])
    ).with_columns(lo.alias("lo"), hi.alias("hi"))  # fmt: skip
    pair = pl.concat_list([pl.col("lo"), pl.col("hi")])
    parts.append(_firsts(clashes, "new_pairing_clash", ["lo", "hi"], pair, none))
    assoc = assoc_long(ordered, resolve).filter(~pl.col("other").is_in(r["skip_actors"]))
    joints = (
        assoc.join(ordered.select(_EVENT[0], *_EVENT[2:]), on="event_id")
        .with_columns(
            pl.min_horizontal("me", "other").alias("lo"), pl.max_horizontal("me", "other").alias("hi")
        )
        .sort("event_date", "event_id")
    )
    parts.append(_firsts(joints, "new_pairing_joint", ["lo", "hi"], pair, none))
    return pl.concat(parts)


def novelties(
    frame: pl.DataFrame,
    known: Callable[[str, list[str]], set[str]] | None = None,
    alert_from: dt.date | None = None,
    names: dict[str, str] | None = None,
    resolve: Resolver | None = None,
) -> NoveltyResult:
    """Alerts for keys first seen in ``frame`` (and absent from history, as ``known(kind, keys)`` tells).

    Keys first seen before ``alert_from`` join the memory (``new_keys``) without raising an alert.
    """
    firsts = candidate_keys(frame, resolve)
    names = names if names is not None else actor_names(frame)
    result = NoveltyResult()
    seen_before = {
        str(kind): known(str(kind), group["key"].to_list()) if known else set()
        for (kind,), group in firsts.group_by("kind")
    }
    for row in firsts.iter_rows(named=True):
        if row["key"] in seen_before.get(row["kind"], set()):
            continue
        result.new_keys.append(
            {
                "kind": row["kind"],
                "key": row["key"],
                "first_date": row["event_date"],
                "first_event": row["event_id"],
            }
        )
        if alert_from is None or row["event_date"] >= alert_from:
            result.alerts.append(_alert(row, list(row["ids"]), names))
    result.alerts.sort(key=lambda a: (a.event_date, a.kind, a.key))
    return result


def _place(row: dict[str, Any]) -> str:
    parts = [row.get("location"), row.get("admin2"), row.get("admin1"), row.get("country")]
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen) or "an unknown place"


def _alert(row: dict[str, Any], evidence: list[str], names: dict[str, str]) -> Alert:
    kind, tactic = row["kind"], row.get("tactic")
    actors = list(row["actors"])
    who = " and ".join(names.get(a, a) for a in actors)
    when = row["event_date"].isoformat()
    where = _place(row)
    sentences = {
        "new_tactic": f"First {tactic} attack recorded for {who}: {when}, {where}.",
        "new_country": f"First event of {who} recorded in {row['country']}: {when}, {where}.",
        "new_admin1": f"First event of {who} recorded in {row['admin1']} ({row['country']}): "
        f"{when}, {where}.",
        "new_admin2": f"First event of {who} recorded in {row['admin2']}, {row['admin1']}: {when}, {where}.",
        "new_pairing_clash": f"First recorded fighting between {who}: {when}, {where}.",
        "new_pairing_joint": f"First recorded joint action of {who}: {when}, {where}.",
        "new_foreign_actor": f"First event of foreign actor {who} recorded in {row['country']}: "
        f"{when}, {where}.",
    }
    severity, score = _severity(kind, int(row["fatalities"] or 0), tactic)
    return Alert(
        kind,
        row["key"],
        severity,
        round(score, 3),
        row["event_date"],
        actors,
        row["country"],
        row["admin1"],
        row["admin2"],
        sentences[kind],
        evidence,
    )


def actor_names(frame: pl.DataFrame) -> dict[str, str]:
    """Display name per actor id (the latest spelling the events use)."""
    out: dict[str, str] = {}
    for n in ("1", "2"):
        pairs = frame.select(f"actor{n}_id", f"actor{n}").drop_nulls().unique(f"actor{n}_id", keep="last")
        out.update(dict(pairs.iter_rows()))
    return out


def spikes(
    frame: pl.DataFrame, alert_from: dt.date | None = None, dimension: str | None = None
) -> list[Alert]:
    """Weeks whose count for one place is far above the ``window`` weeks before (rules: ``spike``)."""
    cfg = rules()["spike"]
    dim = dimension or cfg["dimension"]
    window = int(cfg["window"])
    keyed = frame.filter(pl.col(dim).is_not_null()).with_columns(
        pl.col("event_date").dt.truncate("1w").alias("week")
    )
    counts = keyed.group_by(dim, "week").agg(
        pl.len().alias("n"), pl.col("fatalities").sum().alias("fat"), pl.col("country").first()
    )
    out: list[Alert] = []
    for (key,), group in counts.sort("week").group_by(dim, maintain_order=True):
        out.extend(_spikes_of(keyed, group, dim, str(key), window, cfg, alert_from))
    return out


def _spikes_of(
    keyed: pl.DataFrame,
    group: pl.DataFrame,
    dim: str,
    key: str,
    window: int,
    cfg: dict[str, Any],
    alert_from: dt.date | None,
) -> Iterable[Alert]:
    by_week = {
        w: (int(n), int(f), c) for w, n, f, c in group.select("week", "n", "fat", "country").iter_rows()
    }
    for week, (n, fat, country) in by_week.items():
        if n < cfg["min_events"] or (alert_from and week < alert_from - dt.timedelta(days=6)):
            continue
        before = [by_week.get(week - dt.timedelta(weeks=k), (0, 0, None))[0] for k in range(1, window + 1)]
        mean = sum(before) / window
        if n > max(before) and n >= cfg["ratio"] * max(mean, 1.0):
            ids = keyed.filter((pl.col(dim) == key) & (pl.col("week") == week))["event_id"].head(50).to_list()
            severity, score = _severity("spike", fat)
            sentence = (
                f"{n} events in {key} in the week of {week.isoformat()}, against {mean:.1f} a week "
                f"over the previous {window} weeks."
            )
            admin1 = key if dim == "admin1" else None
            out_key = f"{dim}|{key}|{week.isoformat()}"
            yield Alert(
                "spike",
                out_key,
                severity,
                round(score + n / max(mean, 1.0) / 10, 3),
                week,
                [],
                country,
                admin1,
                None,
                sentence,
                ids,
            )
