"""``harmattan db upgrade|downgrade|status``."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import console, load_settings, open_database

DB_OPTION = typer.Option(
    None, "--db", help="Database URL (default: HARMATTAN_DB or a SQLite file in HARMATTAN_HOME)."
)


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Create and migrate the database.", no_args_is_help=True)

    @group.command("upgrade")
    def upgrade(revision: str = "head", db: str | None = DB_OPTION) -> None:
        """Apply migrations up to REVISION (default: the latest)."""
        database = open_database(load_settings(db), upgrade=False)
        database.upgrade(revision)
        console.print(f"{database!r} is at revision {database.status().current}")

    @group.command("downgrade")
    def downgrade(
        revision: str = typer.Argument(..., help="Target revision, or 'base' for empty."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Revert migrations down to REVISION."""
        database = open_database(load_settings(db), upgrade=False)
        database.downgrade(revision)
        console.print(f"{database!r} is at revision {database.status().current or 'base'}")

    @group.command("status")
    def status(db: str | None = DB_OPTION) -> None:
        """Show the schema revision, pending migrations and table counts."""
        database = open_database(load_settings(db), upgrade=False)
        state = database.status()
        console.print(f"database: {database!r} ({database.dialect})")
        console.print(f"revision: {state.current or 'none (empty database)'}; latest: {state.head}")
        if state.pending:
            console.print(f"pending migrations: {', '.join(state.pending)} — run `harmattan db upgrade`")
            raise typer.Exit(1)
        for table, count in database.counts().items():
            console.print(f"  {table}: {count}")

    app.add_typer(group, name="db")
