import json
from pathlib import Path

import pytest
from analysis_scenarios import D, algeria_mali, burkina_groups, ev
from analysis_store import insert_events
from sqlalchemy import inspect
from typer.testing import CliRunner

from harmattan.analysis import cache
from harmattan.analysis.frame import from_store
from harmattan.store.database import Database
from harmattan.views.cli import build_app

runner = CliRunner()


def test_migration_0004_creates_and_drops_the_analysis_tables(database: Database) -> None:
    tables = {"alerts", "alert_runs", "alert_seen", "novelty_keys", "analysis_cache"}
    assert tables <= set(inspect(database.engine).get_table_names())
    database.downgrade("0003")
    assert not tables & set(inspect(database.engine).get_table_names())
    database.upgrade()


def test_frame_from_store_and_cache_invalidated_by_new_events(database: Database) -> None:
    insert_events(database, algeria_mali())
    fr = from_store(database, since=D(2024, 1, 1))
    assert fr["event_id"].to_list() == ["dzml-06", "dzml-07", "dzml-08", "dzml-09"]
    assert fr.filter(fr["event_id"] == "dzml-07")["tactics"].to_list() == [["armed drone"]]
    calls = []

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"n": from_store(database).height}

    assert cache.cached(database, "count", {"x": 1}, compute) == {"n": 9}
    assert cache.cached(database, "count", {"x": 1}, compute) == {"n": 9} and len(calls) == 1
    insert_events(database, [ev("new", D(2025, 5, 1), "jnim", None, inter1=2)])
    assert cache.cached(database, "count", {"x": 1}, compute) == {"n": 10} and len(calls) == 2


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HARMATTAN_HOME", str(tmp_path / "home"))
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    db = Database(url)
    db.upgrade()
    unclaimed = ev(
        "u1",
        D(2021, 2, 1),
        "unidentified-armed-group",
        "bf-military",
        inter1=2,
        inter2=1,
        country="BF",
        admin1="Est",
        admin2="Gourma",
        latitude=12.07,
        longitude=0.36,
        event_type="Battles",
        tactics=["ambush"],
    )
    insert_events(db, algeria_mali() + burkina_groups() + [unclaimed])
    db.close()
    app = build_app()

    def invoke(*args: str) -> str:
        result = runner.invoke(app, [*args, "--db", url])
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


def test_cli_json_faces(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rel = json.loads(
        cli(
            "relations",
            "--actor",
            "Mali",
            "--window",
            "0",
            "--json",
            "--graphml",
            str(tmp_path / "g.graphml"),
        )
    )
    assert [e["source"] + "/" + e["target"] for e in rel["graph"]["edges"]] == ["dz-state/ml-state"]
    assert [s["kind"] for s in rel["shifts"]] == ["sign_change", "weight_change"]
    assert [s["event_id"] for s in rel["timelines"]["dz-state"]][-1] == "dzml-09"
    assert (tmp_path / "g.graphml").read_text().count("<edge") == 1
    fp = json.loads(cli("footprint", "JNIM", "--since", "2020-01-01", "--json"))
    assert list(fp["admin1"]) == ["BF/Est"] and fp["frontier"][0]["capital"] == "Ouagadougou"
    change = json.loads(cli("footprint", "jnim", "--compare-to", "2019", "--json"))
    assert change["added_admin1"] == {} and change["lost_admin1"] == {}
    alerts = json.loads(cli("alerts", "--json"))
    assert isinstance(alerts, list) and all(a["evidence"] for a in alerts)
    compared = json.loads(cli("trends", "--by", "admin1", "--compare", "2019,2020", "--json"))
    assert {(c["key"], c["events_a"]) for c in compared} == {("Est", 31), ("Sahel", 30)}
    assert "Sahel" in cli("trends", "--by", "admin1", "--compare", "2019,2020")
    trends = json.loads(cli("trends", "--by", "admin1", "--json"))
    assert {t["key"] for t in trends} == {"Est", "Sahel", "Kidal"}
    presence = json.loads(cli("presence", "--country", "NE", "--json"))
    assert {"us-africom", "fr-military", "africa-corps"} <= {t["actor"] for t in presence}
    attributed = json.loads(cli("attribute", "u1", "--json"))
    assert attributed[0]["candidates"][0]["actor"] == "jnim"
    cal = json.loads(cli("attribute", "--evaluate", "--json"))
    assert cal["top1"] == 1.0 and cal["reliability"]
    assert "jnim" in cli("attribute", "--all")
