"""``harmattan pack``: JSON shapes (a contract other tools read) and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
import yaml
from click.testing import Result
from typer.testing import CliRunner

from harmattan.views.cli import pack as pack_cli

ACTOR_KEYS = ["id", "name", "name_fr", "inter", "kind", "countries", "valid_from", "valid_to", "affiliations"]
Invoke = Callable[..., Result]
PLACE_KEYS = {"id", "name", "country", "admin1", "admin2", "latitude", "longitude", "feature", "population"}


@pytest.fixture(scope="module")
def run() -> Invoke:
    app = typer.Typer()
    pack_cli.register(app)
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, ["pack", *args])

    return invoke


def test_actor_json_shape(run: Invoke) -> None:
    result = run("actor", "Wagner", "--date", "2025-09-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ACTOR_KEYS
    assert data["id"] == "africa-corps" and data["inter"] == 8 and data["kind"] == "foreign_force"
    assert all(set(a) == {"type", "target", "from", "to", "source"} for a in data["affiliations"])


def test_actor_by_french_name_and_by_id(run: Invoke) -> None:
    by_name = json.loads(run("actor", "Forces armées maliennes", "--json").stdout)
    by_id = json.loads(run("actor", "ml-military", "--json").stdout)
    assert by_name == by_id and by_name["name_fr"] == "Forces armées maliennes" and by_name["inter"] == 1


def test_actor_time_aware_text_output(run: Invoke) -> None:
    result = run("actor", "CSP", "--date", "2025-02-01")
    assert result.exit_code == 0 and "fla" in result.stdout and "Azawad Liberation Front" in result.stdout


def test_unknown_and_ambiguous_actors_exit_1(run: Invoke) -> None:
    unknown = run("actor", "Nobody at all", "--json")
    assert (
        unknown.exit_code == 1 and unknown.stdout == "" and "unknown actor 'Nobody at all'" in unknown.stderr
    )
    ambiguous = run("actor", "CNSP", "--json")
    assert ambiguous.exit_code == 1 and "ml-government, ne-government" in ambiguous.stderr
    assert json.loads(run("actor", "CNSP", "--country", "NE", "--json").stdout)["id"] == "ne-government"


def test_bad_date_is_a_usage_error(run: Invoke) -> None:
    result = run("actor", "JNIM", "--date", "2024-13-01")
    assert result.exit_code == 2 and "not a date" in result.output


def test_validate_shipped_actors(run: Invoke) -> None:
    result = run("validate", "--no-places", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"] and report["problems"] == [] and report["counts"]["actors"] >= 200


def test_validate_broken_pack_exits_1_with_one_line_per_problem(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("name: t\nversion: '1'\ndescription: test\nlicence: CC0\n")
    (tmp_path / "actors").mkdir()
    entry = {
        "id": "lonely",
        "name": "Lonely Group",
        "name_fr": "Groupe seul",
        "kind": "militia",
        "inter": 2,
        "countries": ["ML"],
        "successor": "nowhere",
        "valid_to": "2020",
    }
    (tmp_path / "actors" / "a.yaml").write_text(yaml.safe_dump({"actors": [entry]}))
    result = run("validate", "--pack", str(tmp_path), "--no-places")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("actors/a.yaml: ")]
    assert len(lines) == 1 and "'source' is a required property" in lines[0] and "fix:" in lines[0]
    assert "1 problem(s)" in result.stderr


def test_stats_json(run: Invoke) -> None:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["actors"]["actors"] >= 200 and counts["actors"]["by_kind"]["state_force"] >= 40


def test_place_json_shape(run: Invoke) -> None:
    pytest.importorskip("harmattan.regions.places")
    result = run("place", "Gao", "--country", "ML", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and set(rows[0]) >= PLACE_KEYS and rows[0]["country"] == "ML"
    missing = run("place", "Xqzzvw Nowhere", "--json")
    assert missing.exit_code == 1 and json.loads(missing.stdout) == []
