import datetime as dt

import pytest
from sqlalchemy import insert, inspect

from harmattan.store.database import Database
from harmattan.store.schema import documents
from harmattan.store.schema_events import event_reports

TABLES = {"sources", "documents", "ingest_runs", "ingest_errors", "ingested_files"}


def test_upgrade_creates_tables_and_downgrade_removes_them(db_url: str) -> None:
    db = Database(db_url)
    assert db.status().current is None
    db.upgrade()
    state = db.status()
    assert state.up_to_date and state.pending == ()
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    db.downgrade("base")
    assert not TABLES & set(inspect(db.engine).get_table_names())
    assert db.status().pending  # pending again after a downgrade
    db.upgrade()  # and back up: migrations are repeatable
    assert db.status().up_to_date
    db.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar() or 0)


def test_report_identity_migration_keeps_every_row(db_url: str) -> None:
    """0006 rebuilds event_reports on SQLite: its evidence and the views must come through whole."""
    db = Database(db_url)
    db.upgrade("0005")
    now = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        doc = conn.execute(
            insert(documents).values(content_hash="abc", fetched_at=now, text="Gao.", origin="test")
        ).inserted_primary_key[0]
        for ordinal in range(3):
            conn.execute(
                insert(event_reports).values(
                    report_key=f"abc:{ordinal}/v1", document_id=doc, pipeline_version="v1", ordinal=ordinal
                )
            )
        conn.exec_driver_sql(
            "INSERT INTO report_evidence (report_id, field, sentence, start_char, end_char, text, rule) "
            "SELECT id, 'location', 0, 0, 4, 'Gao.', '' FROM event_reports"
        )
    db.upgrade()
    counts = (_count(db, "event_reports"), _count(db, "report_evidence"), _count(db, "v_report_evidence"))
    assert counts == (3, 3, 3)
    names = {c["name"] for c in inspect(db.engine).get_unique_constraints("event_reports")}
    assert "uq_event_reports_doc_version_ordinal" in names and "uq_event_reports_report_key" not in names
    db.downgrade("0005")
    assert (_count(db, "event_reports"), _count(db, "report_evidence")) == (3, 3)
    db.upgrade()
    if db_url.startswith("sqlite"):
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_a_failed_migration_leaves_the_previous_schema_whole(db_url: str) -> None:
    """Two reports at one (document, version, ordinal) make 0006 fail: nothing of it may remain."""
    db = Database(db_url)
    db.upgrade("0005")
    now = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        doc = conn.execute(
            insert(documents).values(content_hash="abc", fetched_at=now, text="Gao.", origin="test")
        ).inserted_primary_key[0]
        for key in ("abc:0/v1", "abc:0/v1-copy"):
            row = {"report_key": key, "document_id": doc, "pipeline_version": "v1", "ordinal": 0}
            conn.execute(insert(event_reports).values(**row))
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        db.upgrade()
    assert db.status().current == "0005"
    tables = set(inspect(db.engine).get_table_names())
    assert not any(t.startswith("_alembic_tmp") for t in tables)
    assert {"v_report_evidence", "v_claims", "v_event_sources"} <= set(inspect(db.engine).get_view_names())
    if db_url.startswith("sqlite"):
        with db.engine.connect() as conn:  # the application's connections keep their foreign keys
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()
