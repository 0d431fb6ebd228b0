from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from harmattan.views.cli import build_app

runner = CliRunner()
PREDICTOR = "fixed_predictor:FixedPredictor"


def test_eval_json_shape(fixtures: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        build_app(),
        [
            "eval",
            str(fixtures / "gold_small.jsonl"),
            "--json",
            "--extractor",
            PREDICTOR,
            "--errors",
            str(errors),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"gold", "split", "groups", "speed", "failures", "formats", "note"} <= set(data)
    assert set(data["groups"]) == {"all", "en", "fr"}
    group = data["groups"]["all"]
    assert {"precision", "recall", "f1", "false_alarms", "fields"} <= set(group)
    assert {"event_type", "location", "fatalities", "tactics", "plover_type"} <= set(group["fields"])
    assert {"docs_per_s", "events_per_s", "workers"} <= set(data["speed"])
    assert errors.exists() and len(errors.read_text(encoding="utf-8").splitlines()) == 3


def test_eval_split_and_table(fixtures: Path) -> None:
    result = runner.invoke(
        build_app(), ["eval", str(fixtures / "gold_small.jsonl"), "--split", "test", "--extractor", PREDICTOR]
    )
    assert result.exit_code == 0, result.output
    assert "event_type" in result.stdout and "within_10km" in result.stdout and "docs/s" in result.stdout


def test_eval_validate(fixtures: Path, tmp_path: Path) -> None:
    ok = runner.invoke(build_app(), ["eval", "validate", str(fixtures / "gold_small.jsonl")])
    assert ok.exit_code == 0 and "0 error(s)" in ok.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "language": "de", "published_at": "2020-01-01", "text": "t", "events": []}\n')
    result = runner.invoke(build_app(), ["eval", "validate", str(bad)])
    assert result.exit_code == 1 and "language 'de'" in result.output


def test_eval_unknown_format_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(build_app(), ["eval", str(path), "--extractor", PREDICTOR])
    assert result.exit_code == 2 and "cannot tell the gold format" in result.output


def test_eval_scores_a_predictions_file(fixtures: Path, tmp_path: Path) -> None:
    """Events made elsewhere (``harmattan extract`` JSON lines with document_id) score like live ones."""
    lines = []
    for row in map(
        json.loads, (fixtures / "predictions_small.jsonl").read_text(encoding="utf-8").splitlines()
    ):
        lines += [json.dumps({**event, "document_id": row["id"]}) for event in row["events"]]
    lines.append(json.dumps({"event_type": "Battles", "document_id": "not-in-gold"}))
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = str(fixtures / "gold_small.jsonl")
    from_file = runner.invoke(build_app(), ["eval", gold, "--json", "--predictions", str(path)])
    live = runner.invoke(build_app(), ["eval", gold, "--json", "--extractor", PREDICTOR])
    assert from_file.exit_code == 0, from_file.output
    assert json.loads(from_file.stdout)["groups"] == json.loads(live.stdout)["groups"]
    assert json.loads(from_file.stdout)["speed"]["docs_per_s"] is None
