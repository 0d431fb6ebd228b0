"""harmattan process: incremental, idempotent, failures named and retried, pipeline versions."""

from __future__ import annotations

from typing import Any

import pytest
from events_replay import ReplayExtractor, event_line
from sqlalchemy import func, select

from conftest import run, state_of
from harmattan.events.process import pending_documents, pipeline_version, store_reports
from harmattan.records import Event, Evidence
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema_events import (
    event_reports,
    extraction_errors,
    extraction_runs,
    processed_documents,
    report_evidence,
)


def count(db: Database, table: Any, *where: Any) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table).where(*where)) or 0)


def test_process_stores_reports_with_evidence_and_is_incremental(
    loaded: Database, settings: Settings
) -> None:
    first = run(loaded, settings)
    assert first.pipeline_version == "replay-1"
    assert (first.documents, first.reports) == (10, 9)
    assert [doc for doc, _ in first.errors] and "asks to fail" in first.errors[0][1]
    assert count(loaded, event_reports) == 9
    assert count(loaded, report_evidence) == 9
    with loaded.engine.connect() as conn:
        ev = conn.execute(select(report_evidence)).first()
        text = conn.scalar(select(event_reports.c.document_id).where(event_reports.c.id == ev.report_id))
        from harmattan.store.schema import documents

        body = conn.scalar(select(documents.c.text).where(documents.c.id == text))
    assert body[ev.start_char : ev.end_char] == ev.text  # evidence offsets index the stored document
    # Incremental: only the failed document is tried again, and fails again (named, recorded per run).
    second = run(loaded, settings)
    assert (second.pending, second.documents, second.reports, len(second.errors)) == (1, 0, 0, 1)
    assert second.fusion is not None and second.fusion.skipped
    assert count(loaded, extraction_errors) == 2
    with loaded.engine.connect() as conn:
        statuses = [
            r[0] for r in conn.execute(select(extraction_runs.c.status).order_by(extraction_runs.c.id))
        ]
    assert statuses == ["completed_with_errors", "completed_with_errors"]


def test_store_reports_replaces_a_documents_reports(processed: Database) -> None:
    doc_id = 1
    event = Event(
        event_type="Battles",
        sub_event_type="Armed clash",
        country="ML",
        confidence=0.5,
        evidence=[Evidence("event_type", "1", 0, 0, 3, "Des", "t")],
    )
    assert store_reports(processed, doc_id, [event, event], "replay-1") == 2
    assert store_reports(processed, doc_id, [event, event], "replay-1") == 2
    where = (event_reports.c.document_id == doc_id,)
    assert count(processed, event_reports, *where) == 2
    assert count(processed, processed_documents, processed_documents.c.document_id == doc_id) == 1
    assert store_reports(processed, doc_id, [], "replay-1") == 0
    assert count(processed, event_reports, *where) == 0


def test_a_new_pipeline_version_reprocesses_and_keeps_old_reports(
    processed: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pending_documents(processed, "replay-1") == [pending_documents(processed, "replay-1")[0]]
    monkeypatch.setenv("REPLAY_VERSION", "replay-2")
    report = run(processed, settings)
    assert report.pipeline_version == "replay-2" and report.documents == 10
    assert count(processed, event_reports) == 18  # the old version's reports stay, as provenance
    current = processed_documents.c.is_current.is_(True)
    assert (
        count(processed, processed_documents, current, processed_documents.c.pipeline_version == "replay-1")
        == 0
    )
    assert report.fusion is not None and report.fusion.reports == 9 and report.fusion.events == 5


def test_pipeline_version_hashes_data_files_when_the_extractor_has_none() -> None:
    version = pipeline_version(object())
    assert version.startswith("h") and len(version) == 16
    assert pipeline_version(object()) == version
    assert pipeline_version(ReplayExtractor()) == "replay-1"


def test_parallel_workers_give_the_same_state(
    loaded: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    run(loaded, settings, workers=2, extractor_spec="events_replay:ReplayExtractor")
    parallel = state_of(loaded)
    monkeypatch.setenv("REPLAY_VERSION", "replay-1")
    with loaded.engine.begin() as conn:
        conn.execute(processed_documents.delete())
        conn.execute(event_reports.delete())
    run(loaded, settings)
    assert state_of(loaded) == parallel
    assert len(parallel["events"]) == 5


def test_event_line_round_trip() -> None:
    events = ReplayExtractor().extract(
        "x\n" + event_line(event_type="Battles", fatalities=3) + "\n", document_id="7"
    )
    assert [(e.event_type, e.fatalities, e.document_id) for e in events] == [("Battles", 3, "7")]
    assert events[0].evidence[0].start == 2
