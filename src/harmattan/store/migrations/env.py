"""Alembic environment: the engine comes from the caller (``harmattan.store.migrate``)."""

from alembic import context

from harmattan.store import schema_analysis, schema_events, schema_users  # noqa: F401  (register their tables)
from harmattan.store.schema import metadata

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
