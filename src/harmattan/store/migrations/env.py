"""Alembic environment: the engine comes from the caller (``harmattan.store.migrate``)."""

from alembic import context

from harmattan.store import schema_analysis, schema_events, schema_users  # noqa: F401  (register their tables)
from harmattan.store.schema import metadata

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Batch mode rebuilds a table by copy, drop and rename: with foreign keys on, dropping the old
        # table would cascade-delete the rows that point to it. (The pragma only takes effect outside
        # a transaction, so it is set before the migration's transaction and restored after.)
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=sqlite)
    with context.begin_transaction():
        context.run_migrations()
    if sqlite:
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
