"""kill -9 at random points of `harmattan process`, then a re-run: the same state as an uninterrupted run.
And a reader querying while a writer fuses sees consistent data (SQLite WAL; PostgreSQL transactions)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from events_replay import event_line
from sqlalchemy import func, select, text

from conftest import state_of
from harmattan.events.fusion import fuse
from harmattan.store.database import Database, utcnow
from harmattan.store.schema import documents
from harmattan.store.schema_events import event_reports, events, extraction_runs, processed_documents

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
PLACES = [
    ("ML", "Ménaka", 15.92, 2.40),
    ("ML", "Gao", 16.27, -0.04),
    ("BF", "Djibo", 14.10, -1.63),
    ("NE", "Tillabéri", 14.21, 1.45),
]
N_DOCS = 240


def synthetic_documents(n: int, seed: int = 7) -> list[dict[str, object]]:
    """Reports of a few dozen clashes, several documents each (so fusion has work to do)."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        country, place, lat, lon = PLACES[i % len(PLACES)]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=(i // 12) * 3)
        line = event_line(
            event_date=day.isoformat(),
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1_id="jnim",
            actor1="JNIM",
            actor2_id=f"{country.lower()}-military",
            country=country,
            admin1=place,
            location=place,
            latitude=lat + rng.uniform(-0.05, 0.05),
            longitude=lon,
            geo_precision=1,
            fatalities=rng.randint(1, 30),
            confidence=0.6,
        )
        body = f"Report {i} from {place}.\n{line}\n"
        rows.append(
            {
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                "text": body,
                "published_at": day,
                "fetched_at": utcnow(),
                "origin": "test",
                "title": f"r{i}",
            }
        )
    return rows


def seed(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(documents.insert(), synthetic_documents(N_DOCS))


def command(db: Database) -> list[str]:
    spec = "events_replay:ReplayExtractor"
    return [sys.executable, "-m", "harmattan", "process", "--db", db.url, "--extractor", spec]


def environment(tmp_path: Path, delay: str) -> dict[str, str]:
    path = os.pathsep.join([str(HERE), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, "REPLAY_DELAY": delay, "HARMATTAN_HOME": str(tmp_path)}


def processed(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(processed_documents)) or 0)


def reset(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(processed_documents.delete())
        conn.execute(event_reports.delete())


@pytest.mark.slow
def test_kill_9_at_random_points_then_rerun_gives_the_same_state(database: Database, tmp_path: Path) -> None:
    seed(database)
    env = environment(tmp_path, "0.004")
    rng = random.Random(int(os.environ.get("KILL_SEED", "2026")))
    # Kill points: during start-up, after a random part of the backlog, and as the last batch lands
    # (fusion running or about to). Waiting on progress, not on time: start-up time varies with load.
    targets = [None, rng.randint(1, N_DOCS - 60), N_DOCS]
    done_at_kill = []
    for target in targets:
        proc = subprocess.Popen(command(database), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started = time.monotonic()
        if target is None:
            time.sleep(rng.uniform(0.2, 0.8))
        while target is not None and proc.poll() is None and processed(database) < target:
            assert time.monotonic() - started < 120, "process made no progress"
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        done_at_kill.append(processed(database))
        proc.wait(timeout=60)
    assert any(0 < n < N_DOCS for n in done_at_kill), done_at_kill  # at least one kill landed mid-run
    final = subprocess.run(command(database), env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    interrupted = state_of(database)
    with database.engine.connect() as conn:
        statuses = [
            r[0] for r in conn.execute(select(extraction_runs.c.status).order_by(extraction_runs.c.id))
        ]
    assert statuses[-1] == "completed" and "running" not in statuses
    reset(database)
    clean = subprocess.run(command(database), env=environment(tmp_path, "0"), capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    assert interrupted == state_of(database)
    assert len(interrupted["reports"]) == N_DOCS  # none lost, none duplicated
    assert len({key for key, *_ in interrupted["members"]}) == len(interrupted["events"]) < N_DOCS


def test_readers_see_whole_fusions_while_a_writer_works(database: Database) -> None:
    seed(database)
    from events_replay import ReplayExtractor

    from harmattan.events.process import process
    from harmattan.settings import Settings

    process(database, Settings(db=database.url), extractor=ReplayExtractor())
    with database.engine.connect() as conn:
        expected = conn.scalar(select(func.count()).select_from(events))
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            while not stop.is_set():
                fuse(database, force=True)
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    seen = []
    deadline = time.monotonic() + 2.0
    # One statement = one snapshot on both backends: totals must agree, and no half-written fusion shows.
    check = text(
        "SELECT (SELECT COUNT(*) FROM events), (SELECT COALESCE(SUM(n_reports), 0) FROM events), "
        "(SELECT COUNT(*) FROM event_members)"
    )
    try:
        with database.engine.connect() as conn:
            while time.monotonic() < deadline:
                n_events, n_reports, n_members = conn.execute(check).one()
                conn.commit()
                seen.append(n_events)
                assert n_reports == n_members == N_DOCS
                assert n_events == expected
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors, errors
    assert len(seen) > 5
