"""Shared fixtures: every store test runs on SQLite and on a real PostgreSQL.

PostgreSQL: a throw-away database per test, created here and dropped after
it, on the server at 127.0.0.1:5432 (HARMATTAN_TEST_PG to point elsewhere,
HARMATTAN_SKIP_PG=1 to skip the PostgreSQL half).

Migrations run once per session into a template (a SQLite file, a PostgreSQL
template database); a test that asks for ``database`` gets a copy of it,
which is much cheaper than migrating for every test. A test that asks only
for ``db_url`` gets an empty database.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from harmattan.settings import Settings
from harmattan.store.database import Database

PG_ADMIN_URL = os.environ.get("HARMATTAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PG_BASE_URL = PG_ADMIN_URL.rsplit("/", 1)[0]
ROOT = Path(__file__).resolve().parent.parent
RUN_ID = f"harmattan_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    if os.environ.get("HARMATTAN_SKIP_PG") == "1":
        pytest.skip("HARMATTAN_SKIP_PG=1")
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any connection failure means the same thing here
        pytest.fail(
            f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc}); run scripts/ensure-services.sh "
            "or set HARMATTAN_SKIP_PG=1"
        )
    yield admin
    admin.dispose()


def _create_pg(admin: Engine, name: str, template: str = "template0") -> str:
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    return f"{PG_BASE_URL}/{name}"


def _drop_pg(admin: Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_template(pg_admin: Engine) -> Iterator[str]:
    """Name of a migrated PostgreSQL database that per-test databases are copied from."""
    name = f"{RUN_ID}_tmpl"
    db = Database(_create_pg(pg_admin, name))
    db.upgrade()
    db.close()  # a template must have no open connections
    yield name
    _drop_pg(pg_admin, name)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    db.close()  # closing the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a fresh database, once per backend: migrated if the test also asks for ``database``."""
    migrated = "database" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite"
        if migrated:
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    admin: Engine = request.getfixturevalue("pg_admin")
    template = request.getfixturevalue("pg_template") if migrated else "template0"
    name = f"{RUN_ID}_{uuid.uuid4().hex[:8]}"
    yield _create_pg(admin, name, template)
    _drop_pg(admin, name)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """A migrated database (SQLite and PostgreSQL), copied from the session's template."""
    db = Database(db_url)
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(home=tmp_path / "home", db=db_url)
