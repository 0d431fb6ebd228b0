"""harmattan process: incremental, idempotent, failures named and retried, pipeline versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from events_replay import ReplayExtractor, event_line
from sqlalchemy import func, select

from conftest import run, state_of
from harmattan.events.process import extraction_files, pending_documents, pipeline_version, store_reports
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


def test_pipeline_version_covers_the_extraction_code_not_its_docs() -> None:
    import harmattan

    root = Path(harmattan.__file__).parent
    names = {p.relative_to(root).as_posix() for p in extraction_files(root)}
    assert "extraction/components/roles.py" in names
    assert "extraction/taxonomies/rules.yaml" in names
    assert "regions/sahel/places/geonames.tsv" in names
    assert not any(n.endswith(".md") or "__pycache__" in n for n in names)


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


def test_bulk_written_reports_read_back_field_by_field(processed: Database) -> None:
    """The tuples of the bulk path land in the right columns, typed as Core reads them, on both backends."""
    import datetime as dt

    event = Event(
        event_date=dt.date(2024, 2, 29), date_precision=2, event_type="Battles", sub_event_type="Armed clash",
        actor1="JNIM", actor1_id="jnim", assoc_actor_1="Katiba Macina", inter1=2,
        actor2="Military Forces of Mali", actor2_id="ml-military", assoc_actor_2="Africa Corps", inter2=1,
        country="ML", admin1="Mopti", admin2="Djenné", location="Djenné", latitude=13.906, longitude=-4.553,
        geo_precision=2, fatalities=7, tactics=["ambush", "IED"], plover_type=None, historical=True,
        confidence=0.75, extras={"wounded": 3, "on": dt.date(2024, 3, 1)},
        evidence=[Evidence("location", "1", 2, 10, 16, "Djenné", "place"),
                  Evidence("actor1", "1", 1, 0, 4, "JNIM")],
    )  # fmt: skip
    store_reports(processed, 1, [event], "bulk-1")
    with processed.engine.connect() as conn:
        row = conn.execute(select(event_reports).where(event_reports.c.pipeline_version == "bulk-1")).one()
        evidence = conn.execute(
            select(report_evidence)
            .where(report_evidence.c.report_id == row.id)
            .order_by(report_evidence.c.id)
        ).all()
    stored = row._mapping
    for name in ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor1_id",
                 "assoc_actor_1", "inter1", "actor2", "actor2_id", "assoc_actor_2", "inter2", "country",
                 "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities",
                 "plover_type", "historical", "confidence"):  # fmt: skip
        assert stored[name] == getattr(event, name), name
    assert stored["tactics"] == "ambush; IED" and stored["extras"] == {"wounded": 3, "on": "2024-03-01"}
    assert stored["report_key"].endswith(":0/bulk-1") and stored["ordinal"] == 0
    spans = [(e.field, e.sentence, e.start_char, e.end_char, e.text, e.rule, e.document_id) for e in evidence]
    assert spans == [("location", 2, 10, 16, "Djenné", "place", 1), ("actor1", 1, 0, 4, "JNIM", "", 1)]
