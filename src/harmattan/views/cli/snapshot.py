"""``harmattan snapshot create|list|diff|verify``: immutable, hashed, citable event datasets."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database

DB_OPTION = typer.Option(None, "--db", help="Database URL.")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Versioned snapshots of the event dataset.", no_args_is_help=True)

    @group.command("create")
    def create(name: str, db: str | None = DB_OPTION) -> None:
        """Write snapshot NAME (events, sources, claims, codebook, manifest) under HOME/snapshots."""
        from harmattan.events import snapshots

        settings = load_settings(db)
        try:
            info = snapshots.create(open_database(settings), name, settings.home)
        except snapshots.SnapshotError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        counts = ", ".join(f"{v} {k}" for k, v in info.counts.items())
        console.print(f"snapshot {info.name}: {counts}\nsha256 {info.sha256}\n{info.path}", highlight=False)

    @group.command("list")
    def list_command(db: str | None = DB_OPTION) -> None:
        """Snapshots made from this database."""
        from harmattan.events import snapshots

        for row in snapshots.list_all(open_database(load_settings(db))):
            counts = row["counts"] or {}
            console.print(
                f"{row['name']}\t{row['created_at']:%Y-%m-%d %H:%M}\t{counts.get('events', 0)} events\t"
                f"{row['sha256'][:16]}\t{row['path']}",
                highlight=False, markup=False,
            )  # fmt: skip

    @group.command("verify")
    def verify(name: str, db: str | None = DB_OPTION) -> None:
        """Check that a snapshot's files still match their hashes."""
        from harmattan.events import snapshots

        try:
            manifest = snapshots.verify(snapshots.locate(open_database(load_settings(db)), name))
        except snapshots.SnapshotError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        console.print(f"{name}: intact (sha256 {manifest['sha256']})", highlight=False)

    @group.command("diff")
    def diff(
        old: str,
        new: str,
        show: int = typer.Option(20, help="How many changed events to detail."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Events added, removed and changed from snapshot OLD to NEW (names or folders)."""
        from harmattan.events import snapshots

        database = open_database(load_settings(db))
        try:
            result = snapshots.diff(snapshots.locate(database, old), snapshots.locate(database, new))
        except snapshots.SnapshotError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        console.print(
            f"{old} -> {new}: {len(result.added)} added, {len(result.removed)} removed, "
            f"{len(result.changed)} changed",
            highlight=False,
        )
        for key in result.added[:show]:
            console.print(f"+ {key}", highlight=False)
        for key in result.removed[:show]:
            console.print(f"- {key}", highlight=False)
        for key, fields in list(result.changed.items())[:show]:
            detail = "; ".join(f"{f}: {a!r} -> {b!r}" for f, (a, b) in fields.items())
            console.print(f"~ {key} {detail}", highlight=False, markup=False)

    app.add_typer(group, name="snapshot")
