"""The CLI faces: process, events (filters, formats, show, corrections), snapshot."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.views.cli import build_app

runner = CliRunner()
EXTRACTOR = "events_replay:ReplayExtractor"


@pytest.fixture
def cli(loaded: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    monkeypatch.setenv("HARMATTAN_HOME", str(settings.home))
    app = build_app()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, [*args, "--db", loaded.url])
        assert result.exit_code == code, result.output
        return result.output

    # Exit status 1: one document of the corpus makes the extractor fail, and it is named.
    assert "error document" in invoke("process", "--extractor", EXTRACTOR, code=1)
    return invoke


def test_process_then_events_in_every_format(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = cli("events", "--country", "ML")
    assert "3 events" in table and "Gao" in table
    acled = list(csv.DictReader(io.StringIO(cli("events", "--format", "acled-csv", "--admin1", "Menaka"))))
    assert [r["location"] for r in acled] == ["Ménaka", "Ménaka"]
    lines = cli("events", "--format", "jsonl", "--tactic", "ambush").splitlines()
    assert [json.loads(x)["n_reports"] for x in lines] == [4]
    out = tmp_path / "e.geojson"
    cli("events", "--format", "geojson", "-o", str(out), "--near", "15.9,2.4,30")
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2
    parquet = tmp_path / "e.parquet"
    cli("events", "--format", "parquet", "-o", str(parquet))
    assert parquet.stat().st_size > 0


def test_show_correct_reject_and_snapshots(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [json.loads(x) for x in cli("events", "--format", "jsonl").splitlines()]
    ambush = next(r for r in rows if r["n_reports"] == 4)
    shown = cli("events", "show", ambush["event_key"])
    assert "fatalities = 20 — RFI" in shown and "*fatalities = 12 — Studio Tamani" in shown
    cli("snapshot", "create", "v1")
    done = cli(
        "events",
        "correct",
        ambush["event_key"],
        "--field",
        "fatalities",
        "--value",
        "14",
        "--by",
        "ana",
        "--why",
        "hospital",
    )
    assert "1 corrections applied" in done
    gao = next(r for r in rows if r["location"] == "Gao")
    cli("events", "reject", gao["event_key"], "--by", "ana", "--why", "duplicate")
    assert "Gao" not in cli("events")
    gold = tmp_path / "gold.jsonl"
    cli("events", "corrections", "--gold", str(gold))
    assert [json.loads(x)["action"] for x in gold.read_text(encoding="utf-8").splitlines()] == [
        "override",
        "reject",
    ]
    cli("snapshot", "create", "v2")
    assert "v1" in cli("snapshot", "list")
    diff = cli("snapshot", "diff", "v1", "v2")
    assert "0 added, 1 removed, 1 changed" in diff and "fatalities: '12' -> '14'" in diff
    assert "intact" in cli("snapshot", "verify", "v2")


def test_bad_input_is_a_clear_error(loaded: Database) -> None:
    app = build_app()
    result = runner.invoke(app, ["events", "--near", "16,2", "--db", loaded.url])
    assert result.exit_code == 2 and "LAT,LON,KM" in result.output
    result = runner.invoke(app, ["process", "--extractor", "no_such_module:X", "--db", loaded.url])
    assert result.exit_code == 2 and "cannot load extractor" in result.output


def test_the_fusion_line_says_whether_the_fusion_was_incremental() -> None:
    from harmattan.events.fusion import FusionReport
    from harmattan.views.cli.common import fusion_line

    full = FusionReport(reports=95, events=89, merges=6, seconds=0.02)
    assert fusion_line(full) == (
        "fusion: 95 reports -> 89 events (6 merges; 0.02s); corrections applied 0, unresolved 0"
    )
    window = FusionReport(reports=96, events=90, merges=6, seconds=0.01, incremental=True, replayed=4)
    assert "0.01s, incremental: 4 reports placed again" in fusion_line(window)
    assert "unchanged since last fusion" in fusion_line(FusionReport(skipped=True))
