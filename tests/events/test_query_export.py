"""harmattan events filters and every export format, through the library and harmattan.open()."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import harmattan
from harmattan.events import export
from harmattan.events.observatory import Observatory
from harmattan.events.query import FilterError, parse_near
from harmattan.settings import Settings
from harmattan.store.database import Database


def locations(obs: Observatory, **filters: object) -> list[str]:
    return [f"{e['location']}@{e['event_date']}" for e in obs.find(**filters)]  # type: ignore[arg-type]


def test_filters(processed: Database, settings: Settings) -> None:
    obs = Observatory(processed, settings)
    assert len(obs.find()) == 5
    assert locations(obs, country="BF") == ["Djibo@2024-05-12"]
    assert locations(obs, country="Burkina Faso") == ["Djibo@2024-05-12"]
    assert sorted(locations(obs, admin1="menaka")) == ["Ménaka@2024-05-12", "Ménaka@2024-05-20"]
    assert locations(obs, actor="JNIM", type="Battles") == ["Gao@2024-05-12"]
    assert sorted(locations(obs, actor="jnim")) == ["Djibo@2024-05-12", "Gao@2024-05-12"]
    assert locations(obs, type="attack") == ["Djibo@2024-05-12"]  # a sub-event type, any case
    assert locations(obs, tactic="Armed Drone") == ["Ménaka@2024-05-12"]
    assert locations(obs, since="2024-05-13") == ["Ménaka@2024-05-20", "Algiers@2024-05-15"]
    assert locations(obs, until=dt.date(2024, 5, 11)) == []
    assert sorted(locations(obs, near=(15.9, 2.4, 20))) == ["Ménaka@2024-05-12", "Ménaka@2024-05-20"]
    assert locations(obs, near="16.27,-0.04,50") == ["Gao@2024-05-12"]
    assert locations(obs, country="ML", limit=1) == ["Ménaka@2024-05-20"]  # newest first
    with pytest.raises(FilterError):
        obs.find(country="Atlantis")
    with pytest.raises(FilterError):
        parse_near("16,2")


def test_open_returns_a_dataframe(processed: Database, settings: Settings) -> None:
    with harmattan.open(processed.url) as obs:
        frame = obs.events(country="ML", geo=False)
        assert isinstance(frame, pd.DataFrame)
        assert sorted(frame["location"]) == ["Gao", "Ménaka", "Ménaka"]
        assert str(frame["event_date"].dtype).startswith("datetime64")
        key = frame.loc[frame["n_reports"] == 4, "event_key"].iloc[0]
        claims = obs.claims(key)
        assert set(claims["field"]) >= {"fatalities", "neutralised", "event_date"}


def rows_with_sources(db: Database, settings: Settings) -> list[dict[str, object]]:
    return Observatory(db, settings).find(sources=True)


def test_acled_csv_uses_acled_columns_and_conventions(processed: Database, settings: Settings) -> None:
    out = io.StringIO()
    assert export.export(rows_with_sources(processed, settings), "acled-csv", out=out) == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == export.conventions()["acled"]["columns"]
    ambush = next(r for r in rows if r["location"] == "Ménaka" and r["event_date"] == "2024-05-12")
    assert ambush["event_id_cnty"].startswith("MLI")
    assert (ambush["country"], ambush["iso"], ambush["region"]) == ("Mali", "466", "Western Africa")
    assert (ambush["disorder_type"], ambush["fatalities"], ambush["time_precision"]) == (
        "Political violence",
        "12",
        "1",
    )
    assert ambush["interaction"] in ("12", "13")
    assert ambush["source"] == "FAMa; Malijet; RFI; Studio Tamani"
    djibo = next(r for r in rows if r["location"] == "Djibo")
    assert (djibo["civilian_targeting"], djibo["interaction"]) == ("Civilian targeting", "27")
    algiers = next(r for r in rows if r["location"] == "Algiers")
    assert algiers["fatalities"] == "0"  # ACLED codes unknown fatalities as 0


def test_ucdp_csv_keeps_violent_events_with_deaths(processed: Database, settings: Settings) -> None:
    out = io.StringIO()
    n = export.export(rows_with_sources(processed, settings), "ucdp-csv", out=out)
    rows = {r["where_description"] + r["date_start"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert n == 4 and "Algiers2024-05-15" not in rows  # no political interactions in GED
    ambush = rows["Ménaka2024-05-12"]
    assert (ambush["best"], ambush["low"], ambush["high"]) == ("12", "12", "20")
    assert (ambush["type_of_violence"], ambush["country_id"], ambush["side_a"]) == (
        "1",
        "432",
        "Military Forces of Mali",
    )
    assert rows["Djibo2024-05-12"]["type_of_violence"] == "3"
    assert rows["Djibo2024-05-12"]["deaths_civilians"] == "12"


def test_jsonl_geojson_csv_parquet(processed: Database, settings: Settings, tmp_path: Path) -> None:
    rows = rows_with_sources(processed, settings)
    out = io.StringIO()
    export.export(rows, "jsonl", out=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    ambush = next(r for r in records if r["n_reports"] == 4)
    assert ambush["tactics"] == ["ambush", "armed drone"] and len(ambush["reports"]) == 4
    assert {c["source"] for c in ambush["claims"] if c["field"] == "fatalities"} == {"RFI", "Studio Tamani"}
    geo = io.StringIO()
    export.export(rows, "geojson", out=geo)
    collection = json.loads(geo.getvalue())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 5
    point = next(f for f in collection["features"] if f["properties"]["location"] == "Gao")["geometry"]
    assert point == {"type": "Point", "coordinates": [-0.04, 16.27]}
    plain = io.StringIO()
    export.export(rows, "csv", out=plain)
    assert len(list(csv.DictReader(io.StringIO(plain.getvalue())))) == 5
    path = tmp_path / "events.parquet"
    export.export(rows, "parquet", path=path)
    frame = pd.read_parquet(path)
    assert len(frame) == 5 and frame["fatalities"].max() == 12
    with pytest.raises(ValueError, match="binary"):
        export.export(rows, "parquet", out=io.StringIO())
