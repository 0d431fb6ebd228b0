"""Fixtures: the scenario world is built once per backend and test session, then copied.

SQLite copies the file; PostgreSQL clones the database with ``CREATE DATABASE ... TEMPLATE``.
Read-only tests share one copy per module (``client``); tests that write get their own (``wclient``).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from scenario import build
from sqlalchemy import create_engine, text

from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.views.api.app import create_app

PG_ADMIN_URL = os.environ.get("HARMATTAN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def _admin(statement: str) -> None:
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    except Exception as exc:  # as tests/conftest.py: point at a server or skip the PostgreSQL half
        pytest.fail(f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc}); set HARMATTAN_SKIP_PG=1 to skip it")
    finally:
        engine.dispose()


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Backend -> where the built world lives (a SQLite file path or a PostgreSQL database name)."""
    built: dict[str, str] = {}
    yield built
    if "postgresql" in built:
        _admin(f'DROP DATABASE IF EXISTS "{built["postgresql"]}" WITH (FORCE)')


def _template(backend: str, built: dict[str, str], folder: Path) -> str:
    if backend not in built:
        if backend == "sqlite":
            url = f"sqlite:///{folder / 'template.sqlite'}"
        else:
            name = f"harmattan_api_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            _admin(f'CREATE DATABASE "{name}"')
            url = _pg_url(name)
        database = Database(url)
        database.upgrade()
        build(database, Settings(home=folder / "home", db=url), folder / "in")
        database.close()  # a template database must have no open connection
        built[backend] = str(folder / "template.sqlite") if backend == "sqlite" else url.rsplit("/", 1)[1]
    return built[backend]


@pytest.fixture(scope="session")
def clone(
    templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], str]]:
    """``clone(backend)`` -> the URL of a fresh copy of the world (dropped at the end of the session)."""
    made: list[str] = []

    def make(backend: str) -> str:
        if backend == "postgresql" and os.environ.get("HARMATTAN_SKIP_PG") == "1":
            pytest.skip("HARMATTAN_SKIP_PG=1")
        source = _template(backend, templates, tmp_path_factory.mktemp("template"))
        if backend == "sqlite":
            target = tmp_path_factory.mktemp("world") / "world.sqlite"
            shutil.copyfile(source, target)
            return f"sqlite:///{target}"
        name = f"harmattan_api_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        _admin(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        made.append(name)
        return _pg_url(name)

    yield make
    for name in made:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, clone: Callable[[str], str]) -> Iterator[Database]:
    """A read-only world shared by a module's tests (never write through it)."""
    database = Database(clone(request.param))
    yield database
    database.close()


@pytest.fixture(scope="module")
def client(world: Database, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = Settings(home=tmp_path_factory.mktemp("home"), db=world.url)
    return TestClient(create_app(settings, world))


@pytest.fixture(params=BACKENDS)
def fresh(request: pytest.FixtureRequest, clone: Callable[[str], str]) -> Iterator[Database]:
    """A world of its own for a test that writes."""
    database = Database(clone(request.param))
    yield database
    database.close()


@pytest.fixture
def fresh_settings(fresh: Database, tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", db=fresh.url)


@pytest.fixture
def wclient(fresh: Database, fresh_settings: Settings) -> TestClient:
    return TestClient(create_app(fresh_settings, fresh))
