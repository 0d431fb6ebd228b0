"""Alembic environment: the engine comes from the caller (``harmattan.store.migrate``).

SQLite migrations run on a connection of their own with transactional DDL. Python's sqlite3 driver
opens a transaction only before INSERT/UPDATE/DELETE, so without this a ``DROP VIEW`` or the
``CREATE TABLE _alembic_tmp_...`` of a batch rebuild would be committed at once, and a migration
killed half-way would leave a database no later upgrade can fix. Here the driver's transaction
handling is off and ``BEGIN IMMEDIATE`` is ours: a migration is all or nothing. Foreign keys are
off on that connection (a batch rebuild drops the old table, which would cascade) and checked with
``PRAGMA foreign_key_check`` before the commit; the connection never returns to the application's
pool, so no pooled connection is left with foreign keys off.
"""

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, event
from sqlalchemy.pool import NullPool

from harmattan.store import schema_analysis, schema_events, schema_users  # noqa: F401  (register their tables)
from harmattan.store.schema import metadata

engine = context.config.attributes["engine"]


def _run(connection: Connection, sqlite: bool) -> None:
    context.configure(
        connection=connection, target_metadata=metadata, render_as_batch=sqlite, transactional_ddl=True
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if dangling:
                raise RuntimeError(f"the migration would leave rows pointing nowhere: {dangling[:5]}")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver stops opening and committing transactions
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, so it takes effect
    dbapi_connection.execute("PRAGMA busy_timeout=30000")


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
    own = create_engine(engine.url, poolclass=NullPool)
    event.listen(own, "connect", _sqlite_connect)
    event.listen(own, "begin", _sqlite_begin)
    try:
        with own.connect() as connection:
            _run(connection, sqlite=True)
    finally:
        own.dispose()
else:
    # PostgreSQL has transactional DDL; an in-memory SQLite database has nothing a crash could spoil.
    with engine.connect() as connection:
        _run(connection, sqlite=engine.dialect.name == "sqlite")
