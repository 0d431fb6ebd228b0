"""Shared fixtures: every store test runs on SQLite and on a real PostgreSQL.

PostgreSQL: one throw-away database per test run (created here, dropped at
the end), emptied between tests. Set HARMATTAN_TEST_PG to point elsewhere, or
HARMATTAN_SKIP_PG=1 to skip the PostgreSQL half.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from harmattan.settings import Settings
from harmattan.store.database import Database

PG_ADMIN_URL = os.environ.get("HARMATTAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    if os.environ.get("HARMATTAN_SKIP_PG") == "1":
        pytest.skip("HARMATTAN_SKIP_PG=1")
    name = f"harmattan_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        pytest.fail(
            f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc}); run scripts/ensure-services.sh "
            "or set HARMATTAN_SKIP_PG=1"
        )
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    url: str = request.getfixturevalue("pg_url")
    yield url
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """A migrated database (SQLite and PostgreSQL)."""
    db = Database(db_url)
    db.upgrade()
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(home=tmp_path / "home", db=db_url)
