from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import pytest
from sqlalchemy import func, select, text

from harmattan.runners.backfill import backfill
from harmattan.runners.pool import InlineRunner, LocalRunner, make_runner
from harmattan.settings import Settings
from harmattan.store.database import Database

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "news"
FLAKY = "flaky_extractor:FlakyExtractor"
T = TypeVar("T")


def square(x: int) -> int:
    return x * x


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:5]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_text("BOOM\n\nThis report makes the test extractor fail on purpose.")
    return folder


def open_db(tmp_path: Path, name: str) -> tuple[Database, Settings]:
    settings = Settings(home=tmp_path / name, db=f"sqlite:///{tmp_path / name}.sqlite")
    db = Database(settings.database_url)
    db.upgrade()
    return db, settings


def stored_reports(db: Database) -> list[tuple[object, ...]]:
    query = text(
        "SELECT d.content_hash, r.ordinal, r.event_type, r.event_date, r.actor1, r.location, r.fatalities "
        "FROM event_reports r JOIN documents d ON d.id = r.document_id ORDER BY 1, 2"
    )
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_runners_map_every_item_once() -> None:
    assert sorted(InlineRunner().imap(square, range(5))) == [0, 1, 4, 9, 16]
    pool = LocalRunner(2)
    try:
        assert sorted(pool.imap(square, range(50))) == [n * n for n in range(50)]
    finally:
        pool.close()
    with pytest.raises(ValueError, match="unknown scheduler"):
        make_runner(2, "yarn")


def test_one_and_two_workers_store_the_same_reports_and_a_failure_stops_nothing(
    archive: Path, tmp_path: Path
) -> None:
    db1, settings1 = open_db(tmp_path, "one")
    db2, settings2 = open_db(tmp_path, "two")
    one = backfill(db1, settings1, [archive], workers=1, extractor_spec=FLAKY)
    two = backfill(db2, settings2, [archive], workers=2, extractor_spec=FLAKY)
    assert one.ingest is not None and one.ingest.documents_new == 6
    assert (one.documents, len(one.errors)) == (5, 1) and "cannot read this one" in one.errors[0][1]
    assert (two.documents, len(two.errors), two.workers) == (5, 1, 2)
    assert one.reports > 0 and stored_reports(db1) == stored_reports(db2)
    languages = "SELECT content_hash, language FROM documents ORDER BY 1"  # identified on the workers with 2
    with db1.engine.connect() as conn1, db2.engine.connect() as conn2:
        assert conn1.execute(text(languages)).all() == conn2.execute(text(languages)).all()
    assert one.fusion is not None and one.fusion.events > 0


def test_an_interrupted_backfill_resumes_where_it_stopped(archive: Path, tmp_path: Path) -> None:
    db, settings = open_db(tmp_path, "resume")
    first = backfill(db, settings, [archive], workers=1, extractor_spec=FLAKY, limit=3, fusion=False)
    assert first.documents + len(first.errors) == 3
    rest = backfill(db, settings, [archive], workers=2, extractor_spec=FLAKY)
    assert rest.ingest is not None and rest.ingest.files_skipped == 6  # files already ingested
    assert rest.pending == 3 and rest.documents + len(rest.errors) == 3
    reference_db, reference_settings = open_db(tmp_path, "reference")
    backfill(reference_db, reference_settings, [archive], workers=1, extractor_spec=FLAKY)
    assert stored_reports(db) == stored_reports(reference_db)
    with db.engine.connect() as conn:
        runs = conn.execute(text("SELECT count(*) FROM extraction_runs")).scalar()
        errors = conn.execute(text("SELECT count(*) FROM extraction_errors")).scalar()
    assert runs == 2 and errors == 1


@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_same_reports(archive: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    db_local, settings_local = open_db(tmp_path, "local")
    db_dask, settings_dask = open_db(tmp_path, "dask")
    for path in archive.glob("broken.txt"):
        path.unlink()  # Dask workers are fresh processes: use the project's extractor, importable anywhere
    backfill(db_local, settings_local, [archive], workers=1)
    report = backfill(db_dask, settings_dask, [archive], workers=2, scheduler="dask")
    assert report.documents == 5 and report.errors == []
    assert stored_reports(db_local) == stored_reports(db_dask)
    with db_dask.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(text("processed_documents"))) == 5


class ElsewhereRunner(InlineRunner):
    """A cluster one of whose workers runs another harmattan (another pipeline version)."""

    def start(self, warm: Callable[[], T]) -> dict[str, T]:
        warm()
        return {"tcp://10.0.0.7:40000": cast(T, "h0000000000000000")}


def test_a_worker_with_another_pipeline_version_stops_the_backfill_before_any_work(
    archive: Path, tmp_path: Path
) -> None:
    db, settings = open_db(tmp_path, "versions")
    with pytest.raises(RuntimeError, match=r"tcp://10\.0\.0\.7:40000: h0000000000000000"):
        backfill(db, settings, [archive], runner=ElsewhereRunner())
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM documents")) == 0
        assert conn.scalar(text("SELECT count(*) FROM extraction_runs")) == 0


def test_the_backfill_command_ingests_extracts_and_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from harmattan.views.cli import build_app

    folder = tmp_path / "two"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
    env = {"HARMATTAN_HOME": str(tmp_path / "home"), "HARMATTAN_DB": str(tmp_path / "cli.sqlite")}
    result = CliRunner().invoke(build_app(), ["backfill", str(folder), "--workers", "1"], env=env)
    assert result.exit_code == 0, result.output
    assert "ingest: 2 files, 2 new documents" in result.output
    assert "1 workers): 2 documents" in result.output and "fusion:" in result.output
    bad = CliRunner().invoke(build_app(), ["backfill", "--scheduler", "yarn"], env=env)
    assert bad.exit_code == 2


@pytest.mark.slow
def test_a_backfill_killed_mid_extraction_then_rerun_ends_as_an_uninterrupted_one(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    articles = sorted(SAMPLES.glob("*.txt"))
    for n in range(600):  # enough for the kill to land part-way through extraction
        text = articles[n % len(articles)].read_text(encoding="utf-8")
        (folder / f"{n:04d}.txt").write_text(f"GAO, dépêche n° {n + 1}.\n\n{text}", encoding="utf-8")
    env = {**os.environ, "HARMATTAN_DB": db_url, "HARMATTAN_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "harmattan", "backfill", str(folder), "--workers", "2"]
    db = Database(db_url)
    db.upgrade()
    # Its own session, so that the kill takes the workers too, as when a machine or a job is killed.
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    deadline = time.time() + 120
    while processed(db) == 0 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < processed(db) < 600, "the kill should land mid-extraction"
    rerun = subprocess.run(command, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "ingest: 600 files, 0 new documents" in rerun.stdout  # every file was done before the kill
    reference_db, reference_settings = open_db(tmp_path, "reference")
    backfill(reference_db, reference_settings, [folder], workers=1)
    assert processed(db) == 600
    for query in (REPORTS, EVENTS, LINKS):  # compared as text: the reference is SQLite, db may not be
        assert rows_of(db, query) == rows_of(reference_db, query)
    db.close()


REPORTS = (
    "SELECT d.content_hash, r.ordinal, r.event_type, r.event_date, r.actor1, r.location, r.fatalities "
    "FROM event_reports r JOIN documents d ON d.id = r.document_id"
)
EVENTS = "SELECT event_type, event_date, location, fatalities FROM events"
LINKS = "SELECT d.content_hash, c.content_hash FROM documents d JOIN documents c ON c.id = d.near_dup_of"


def rows_of(db: Database, query: str) -> list[tuple[str, ...]]:
    with db.engine.connect() as conn:
        return sorted(tuple(str(value) for value in row) for row in conn.execute(text(query)))


def processed(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(text("SELECT count(*) FROM processed_documents")) or 0)
