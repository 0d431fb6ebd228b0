"""The ``harmattan extract`` contract: JSON Lines events, --explain, documents with ids and --workers."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from harmattan.records import EVENT_FIELDS
from harmattan.views.cli import build_app

runner = CliRunner()


def test_plain_text_to_jsonl(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Burkina Faso: 14 soldiers killed in ambush near Djibo", encoding="utf-8")
    result = runner.invoke(build_app(), ["extract", str(report), "--date", "2021-03-02"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(ln) for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert len(lines) == 1
    event = lines[0]
    assert list(event)[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert event["event_type"] == "Battles" and event["fatalities"] == 14 and event["location"] == "Djibo"
    assert all(
        {"field", "document", "sentence", "start", "end", "text", "rule"} <= set(ev)
        for ev in event["evidence"]
    )


def test_stdin_explain_and_table() -> None:
    text = "Mali : une vingtaine de civils tués par des hommes armés à Ségou"
    result = runner.invoke(
        build_app(), ["extract", "-", "--date", "2021-03-02", "--format", "table", "--explain"], input=text
    )
    assert result.exit_code == 0, result.output
    assert "Violence against civilians" in result.stdout
    assert "fatalities" in result.stdout and "'une vingtaine'" in result.stdout


def test_jsonl_documents_with_workers(tmp_path: Path) -> None:
    docs = [
        {
            "id": "a",
            "published_at": "2021-03-02",
            "text": "Burkina Faso: 14 soldiers killed in ambush near Djibo",
        },
        {"id": "b", "published_at": "2021-03-02", "text": "Le marché a rouvert."},
        {"id": "c", "published_at": "2021-03-02", "text": "Mali : une vingtaine de civils tués à Ségou"},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    result = runner.invoke(build_app(), ["extract", str(path), "--workers", "2"])
    assert result.exit_code == 0, result.output
    events = [json.loads(ln) for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert [e["document_id"] for e in events] == ["a", "c"]
    assert all(ev["document"] == e["document_id"] for e in events for ev in e["evidence"])


def test_bad_arguments(tmp_path: Path) -> None:
    app = build_app()
    assert runner.invoke(app, ["extract", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["extract", "-", "--date", "02/03/2021"], input="x").exit_code != 0
    assert runner.invoke(app, ["extract", "-", "--lang", "de"], input="x").exit_code != 0
