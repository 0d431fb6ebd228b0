"""The canonical events frame every analysis takes: one polars DataFrame, one row per event.

Build it from the store (:func:`from_store`), from event records or dicts
(:func:`from_records`) or from any pandas/polars table with the ACLED-shaped
columns (:func:`from_table`). Analyses are pure functions of this frame, so a
test hands them ten hand-made rows and a benchmark a million synthetic ones.

Columns (types fixed by :data:`SCHEMA`): ``event_id`` (the store's ``event_key``
or the record's id), the event fields of :mod:`harmattan.records`, ``tactics``
as a list, and ``actor1_id``/``actor2_id`` always filled when an actor is named
(the pack id, else the folded name), so grouping never splits one actor in two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from harmattan.records import Event
from harmattan.regions.text import fold

if TYPE_CHECKING:
    from harmattan.store.database import Database

STR_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_id",
    "assoc_actor_1",
    "actor2",
    "actor2_id",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "plover_type",
)

SCHEMA: dict[str, Any] = {
    **{name: pl.Utf8 for name in STR_COLUMNS},
    "event_date": pl.Date,
    "inter1": pl.Int64,
    "inter2": pl.Int64,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "geo_precision": pl.Int64,
    "fatalities": pl.Int64,
    "tactics": pl.List(pl.Utf8),
}
COLUMNS: tuple[str, ...] = tuple(SCHEMA)

#: The pack id of ACLED's "Unidentified Armed Group" (the events attribution works on).
UNIDENTIFIED = "unidentified-armed-group"


def empty() -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMA)


def _tactics(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    try:
        return [str(t) for t in value if t]
    except TypeError:  # a float NaN from pandas
        return []


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.datetime):
        return value.date() if isinstance(value, dt.datetime) else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def _row(data: Mapping[str, Any], index: int) -> dict[str, Any]:
    row = {name: data.get(name) for name in COLUMNS}
    row["event_id"] = str(data.get("event_id") or data.get("event_key") or data.get("id") or f"row-{index}")
    row["event_date"] = _date(row["event_date"])
    row["tactics"] = _tactics(row["tactics"])
    return row


def from_records(records: Iterable[Event | Mapping[str, Any]]) -> pl.DataFrame:
    """A frame from :class:`~harmattan.records.Event` objects or dicts (``event_id``, ``event_key``, ``id``).

    An ``Event`` takes its id from ``extras["event_id"]`` when set, else its position.
    """
    rows = []
    for i, rec in enumerate(records):
        if isinstance(rec, Event):
            data = rec.to_dict()
            data["event_id"] = rec.extras.get("event_id") or rec.extras.get("event_key")
        else:
            data = dict(rec)
        rows.append(_row(data, i))
    if not rows:
        return empty()
    return normalise(pl.DataFrame(rows, schema=SCHEMA))


def from_table(table: Any) -> pl.DataFrame:
    """A frame from a pandas or polars DataFrame with (a subset of) the event columns."""
    frame = table if isinstance(table, pl.DataFrame) else pl.from_pandas(table)
    if "event_id" not in frame.columns:
        ident = next((c for c in ("event_key", "id") if c in frame.columns), None)
        frame = frame.with_columns(
            pl.col(ident).cast(pl.Utf8).alias("event_id")
            if ident
            else pl.int_range(pl.len()).cast(pl.Utf8).alias("event_id")
        )
    if "tactics" in frame.columns and frame.schema["tactics"] != pl.List(pl.Utf8):
        frame = frame.with_columns(
            pl.col("tactics")
            .cast(pl.Utf8)
            .fill_null("")
            .str.split(";")
            .list.eval(pl.element().str.strip_chars().filter(pl.element() != ""))
        )
    if "event_date" in frame.columns and frame.schema["event_date"] != pl.Date:
        frame = frame.with_columns(pl.col("event_date").cast(pl.Utf8).str.slice(0, 10).str.to_date())
    missing = [pl.lit(None, dtype=SCHEMA[c]).alias(c) for c in COLUMNS if c not in frame.columns]
    frame = frame.with_columns(missing).select([pl.col(c).cast(SCHEMA[c]) for c in COLUMNS])
    return normalise(frame)


def from_store(
    database: Database,
    since: dt.date | None = None,
    until: dt.date | None = None,
    keys: Iterable[str] | None = None,
) -> pl.DataFrame:
    """The active fused events of a database (optionally a date range or a set of event keys)."""
    from harmattan.store import analysis as store

    with database.engine.connect() as conn:
        columns = store.load_events(conn, since=since, until=until, keys=list(keys) if keys else None)
    if not columns["event_id"]:
        return empty()
    frame = pl.DataFrame(columns).with_columns(
        pl.col("tactics").fill_null("").str.split("; ").list.eval(pl.element().filter(pl.element() != ""))
    )
    return from_table(frame)


def normalise(frame: pl.DataFrame) -> pl.DataFrame:
    """Fill actor ids from folded names, drop undated rows, sort by date then id."""
    fills = []
    for n in ("1", "2"):
        name, ident = f"actor{n}", f"actor{n}_id"
        # Fold each distinct name once (a million rows name a few hundred actors).
        names = frame.filter(pl.col(ident).is_null())[name].drop_nulls().unique().to_list()
        folded = pl.col(name).replace_strict({x: fold(x) for x in names}, default=None, return_dtype=pl.Utf8)
        fills.append(pl.coalesce(pl.col(ident), folded).alias(ident))
    return (
        frame.with_columns(fills)
        .filter(pl.col("event_date").is_not_null())
        .with_columns(pl.col("fatalities").fill_null(0))
        .sort(["event_date", "event_id"])
    )


def actors_long(frame: pl.DataFrame, columns: Sequence[str] | None = None) -> pl.DataFrame:
    """One row per (event, named actor): ``actor``, ``role`` (1|2), ``other``, ``inter``, event columns.

    ``columns`` keeps only those event columns (a million-row frame is cheaper narrow).
    """
    keep = [c for c in (columns or frame.columns) if c not in ("actor", "other", "role", "inter")]
    parts = []
    for me, other in (("1", "2"), ("2", "1")):
        parts.append(
            frame.filter(pl.col(f"actor{me}_id").is_not_null()).select(
                *keep,
                pl.col(f"actor{me}_id").alias("actor"),
                pl.col(f"actor{other}_id").alias("other"),
                pl.lit(int(me)).alias("role"),
                pl.col(f"inter{me}").alias("inter"),
            )
        )
    return pl.concat(parts)


def date_span(frame: pl.DataFrame, column: str = "event_date") -> tuple[dt.date, dt.date]:
    """The first and last date of a non-empty frame."""
    lo, hi = frame[column].min(), frame[column].max()
    if not isinstance(lo, dt.date) or not isinstance(hi, dt.date):
        raise ValueError(f"no dates in column {column!r}")
    return lo, hi


def date_quantile(frame: pl.DataFrame, q: float, column: str = "event_date") -> dt.date:
    """The date below which a share ``q`` of the rows fall (the nearest actual date)."""
    dates = frame[column].drop_nulls().sort()
    if dates.is_empty():
        raise ValueError(f"no dates in column {column!r}")
    value = dates[min(int(q * dates.len()), dates.len() - 1)]
    assert isinstance(value, dt.date)
    return value


def assoc_long(
    frame: pl.DataFrame, resolve: Callable[[str, dt.date], str | None] | None = None
) -> pl.DataFrame:
    """One row per (event, side, associated actor): ``event_id``, ``event_date``, ``me``, ``other`` (an id).

    ``other`` is the pack id of the ``assoc_actor_N`` name when ``resolve`` knows it, else the folded name;
    names are resolved once per (name, date), not once per row.
    """
    parts = []
    for n in ("1", "2"):
        parts.append(
            frame.filter(pl.col(f"assoc_actor_{n}").is_not_null() & pl.col(f"actor{n}_id").is_not_null())
            .select(
                "event_id", "event_date", pl.col(f"actor{n}_id").alias("me"),
                pl.col(f"assoc_actor_{n}").str.split(";").alias("name"),
            )
            .explode("name")
            .with_columns(pl.col("name").str.strip_chars())
            .filter(pl.col("name") != "")
        )  # fmt: skip
    rows = pl.concat(parts)
    if rows.is_empty():
        return rows.with_columns(pl.lit(None, pl.Utf8).alias("other"))
    names = rows.select("name", "event_date").unique()
    ids = [
        (resolve(name, day) if resolve else None) or fold(name)
        for name, day in names.iter_rows()
    ]  # fmt: skip
    lookup = names.with_columns(pl.Series("other", ids, dtype=pl.Utf8))
    return rows.join(lookup, on=["name", "event_date"], how="left").filter(pl.col("other") != pl.col("me"))
