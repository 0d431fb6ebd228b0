"""Writing fused events: jsonl, csv, acled-csv, ucdp-csv, geojson, parquet (``table`` is drawn by the CLI).

Every writer takes event dicts (from :func:`harmattan.events.query.find_events`,
with ``members``/``claims`` attached by ``with_sources`` where a format uses them)
and writes to a path or a text stream. Column names and conventions of the
ACLED and UCDP formats come from ``data/export_formats.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import yaml

from harmattan.events.query import countries
from harmattan.store.events import EVENT_COLUMNS

DATA_DIR = Path(__file__).parent / "data"
FORMATS = ("table", "jsonl", "csv", "acled-csv", "ucdp-csv", "geojson", "parquet")
#: Formats that need each event's member reports and claims.
NEEDS_SOURCES = frozenset({"jsonl", "ucdp-csv", "geojson"})


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA_DIR / "export_formats.yaml").read_text(encoding="utf-8"))
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of a fused event, its sources and claims."""
    out = {name: _plain(row.get(name)) for name in EVENT_COLUMNS}
    out["tactics"] = [t.strip() for t in (row.get("tactics") or "").split(";") if t.strip()]
    if "members" in row:
        out["reports"] = [
            {
                "report_key": m["report_key"],
                "document_id": m["document_id"],
                "source": m.get("source_name"),
                "title": m.get("title"),
                "url": m.get("url"),
                "published_at": _plain(m.get("published_at")),
                "how": m["how"],
                "score": m["score"],
                "reason": m["reason"],
            }
            for m in row["members"]
        ]
    if "claims" in row:
        out["claims"] = [
            {
                "field": c["field"],
                "value": c["value"],
                "source": c.get("source_name"),
                "claimant": c.get("claimant"),
                "document_id": c["document_id"],
                "chosen": bool(c["chosen"]),
            }
            for c in row["claims"]
        ]
    return out


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(event_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(
    rows: Iterable[dict[str, Any]], out: IO[str], columns: Sequence[str], shape: Callable[..., Any]
) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        shaped = shape(row)
        if shaped is not None:
            writer.writerow({k: _plain(v) for k, v in shaped.items()})
            n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return _csv(rows, out, EVENT_COLUMNS, lambda r: r)


def acled_row(row: dict[str, Any], timestamp: int = 0) -> dict[str, Any]:
    conv = conventions()["acled"]
    country = countries().get(row.get("country") or "", {})
    date: dt.date | None = row.get("event_date")
    inter1, inter2 = row.get("inter1") or 0, row.get("inter2") or 0
    sub = row.get("sub_event_type")
    disorder = conv["disorder_by_sub_type"].get(sub) or conv["disorder_by_type"].get(
        row.get("event_type"), ""
    )
    civilian = inter2 == conv["civilians_inter"] and row.get("event_type") in (
        "Violence against civilians", "Explosions/Remote violence"
    )  # fmt: skip
    tactics = row.get("tactics")
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{row['event_key'][1:].upper()}",
        "event_date": date,
        "year": date.year if date else None,
        "time_precision": row.get("date_precision"),
        "disorder_type": disorder,
        "event_type": row.get("event_type"),
        "sub_event_type": sub,
        "actor1": row.get("actor1"),
        "assoc_actor_1": row.get("assoc_actor_1"),
        "inter1": inter1 or None,
        "actor2": row.get("actor2"),
        "assoc_actor_2": row.get("assoc_actor_2"),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": int(country["iso_num"]) if country else None,
        "region": country.get("acled_region"),
        "country": country.get("name", row.get("country")),
        "admin1": row.get("admin1"),
        "admin2": row.get("admin2"),
        "admin3": None,
        "location": row.get("location"),
        "latitude": row.get("latitude"),
        "longitude": row.get("longitude"),
        "geo_precision": row.get("geo_precision"),
        "source": row.get("sources"),
        "source_scale": None,
        "notes": row.get("notes"),
        "fatalities": row["fatalities"] if row.get("fatalities") is not None else conv["unknown_fatalities"],
        "tags": f"tactics={tactics}" if tactics else None,
        "timestamp": timestamp,
    }


def _interaction(inter1: int, inter2: int) -> int | None:
    """ACLED's combined code: the two inter codes, lower first (12, 27); one actor alone: 10, 20..."""
    if not inter1 and not inter2:
        return None
    low, high = sorted((inter1, inter2))
    return high * 10 if low == 0 else low * 10 + high


def write_acled(rows: Iterable[dict[str, Any]], out: IO[str], timestamp: int = 0) -> int:
    return _csv(rows, out, conventions()["acled"]["columns"], lambda r: acled_row(r, timestamp))


def _violence_type(row: dict[str, Any], conv: dict[str, Any]) -> int:
    inter1, inter2 = row.get("inter1") or 0, row.get("inter2") or 0
    if inter2 == conv["civilians_inter"] or row.get("event_type") == "Violence against civilians":
        return 3
    return 1 if inter1 in conv["state_inter"] or inter2 in conv["state_inter"] else 2


def ucdp_row(row: dict[str, Any]) -> dict[str, Any] | None:
    conv = conventions()["ucdp"]
    best = row.get("fatalities")
    if row.get("event_type") not in conv["violent_types"] or not best:
        return None
    country = countries().get(row.get("country") or "", {})
    kind = _violence_type(row, conv)
    side_a = row.get("actor1") or "Unknown"
    side_b = "Civilians" if kind == 3 else row.get("actor2") or "Unknown"
    state = conv["state_inter"]
    if kind == 1 and (row.get("inter2") or 0) in state and (row.get("inter1") or 0) not in state:
        side_a, side_b = side_b, side_a  # GED puts the government on side A
    figures = [
        c["value_num"]
        for c in row.get("claims", [])
        if c["field"] == "fatalities" and c["value_num"] is not None
    ]
    members = row.get("members", [])
    date: dt.date | None = row.get("event_date")
    lat, lon = row.get("latitude"), row.get("longitude")
    return {
        "id": row["event_key"],
        "relid": row["event_key"],
        "year": date.year if date else None,
        "active_year": None,
        "code_status": "Clear",
        "type_of_violence": kind,
        "conflict_name": f"{side_a} - {side_b}",
        "dyad_name": f"{side_a} - {side_b}",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": row.get("n_sources"),
        "source_article": "; ".join(sorted({m["source_name"] for m in members if m.get("source_name")}))
        or row.get("sources"),
        "source_headline": "; ".join(m.get("title") or "" for m in members if m.get("title")),
        "source_date": "; ".join(
            sorted({_plain(m["published_at"]) for m in members if m.get("published_at")})
        ),
        "where_prec": conv["where_prec"].get(row.get("geo_precision") or 3),
        "where_coordinates": row.get("location"),
        "where_description": row.get("location"),
        "adm_1": row.get("admin1"),
        "adm_2": row.get("admin2"),
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "country": country.get("name", row.get("country")),
        "country_id": int(country["gwno"]) if country else None,
        "region": country.get("ucdp_region"),
        "event_clarity": 1,
        "date_prec": conv["date_prec"].get(row.get("date_precision") or 1),
        "date_start": date,
        "date_end": date,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": best if kind == 3 else 0,
        "deaths_unknown": 0 if kind == 3 else best,
        "best": best,
        "high": int(max(figures)) if figures else best,
        "low": int(min(figures)) if figures else best,
    }


def write_ucdp(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return _csv(rows, out, conventions()["ucdp"]["columns"], ucdp_row)


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        properties = event_record(row)
        features.append(
            {"type": "Feature", "id": row["event_key"], "geometry": geometry, "properties": properties}
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def to_frame(rows: Sequence[dict[str, Any]]) -> Any:
    """A pandas DataFrame of the event columns (dates as datetime64)."""
    import pandas as pd

    records = [{name: r.get(name) for name in EVENT_COLUMNS} for r in rows]
    frame = pd.DataFrame(records, columns=list(EVENT_COLUMNS))
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame


def write_parquet(rows: Sequence[dict[str, Any]], path: Path) -> int:
    to_frame(rows).to_parquet(path, index=False)
    return len(rows)


def export(
    rows: Sequence[dict[str, Any]], fmt: str, path: Path | None = None, out: IO[str] | None = None
) -> int:
    """Write ``rows`` as ``fmt`` to ``path`` (or the text stream ``out``); returns how many were written."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet is binary: give an output file (-o FILE.parquet)")
        return write_parquet(rows, path)
    writers: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {
        "jsonl": write_jsonl,
        "csv": write_csv,
        "acled-csv": lambda r, o: write_acled(r, o, int(dt.datetime.now(dt.UTC).timestamp())),
        "ucdp-csv": write_ucdp,
        "geojson": write_geojson,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if path is not None:
        with path.open("w", encoding="utf-8", newline="") as fh:
            return writers[fmt](rows, fh)
    stream = out if out is not None else io.StringIO()
    return writers[fmt](rows, stream)
