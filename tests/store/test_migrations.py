from sqlalchemy import inspect

from harmattan.store.database import Database

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
