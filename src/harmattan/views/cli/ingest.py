"""``harmattan ingest PATH...``: store documents from files and folders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from harmattan.views.cli.common import console, err_console, interactive, load_settings, open_database

if TYPE_CHECKING:
    from harmattan.documents.ingest import IngestReport
    from harmattan.settings import Settings
    from harmattan.store.database import Database


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .json .jsonl .csv)."),
        source: str = typer.Option("files", help="Source name recorded for documents that name none."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Ingest documents; the same text is stored once however often it is ingested."""
        settings = load_settings(db)
        database = open_database(settings)
        missing = [p for p in paths if not p.exists()]
        for path in missing:
            err_console.print(f"error {path}: no such file or folder", highlight=False, markup=False)
        report = run_ingest([p for p in paths if p.exists()], database, settings, source)
        for error in report.errors:
            err_console.print(f"error {error}", highlight=False, markup=False)
        console.print(
            f"ingest run {report.run_id}: {report.files_seen} files "
            f"({report.files_skipped} unchanged, skipped), "
            f"{report.documents_new} new documents, {report.documents_duplicate} duplicates, "
            f"{len(report.errors)} failed",
            highlight=False,
        )
        if report.errors or missing:
            raise typer.Exit(1)


def run_ingest(paths: list[Path], database: Database, settings: Settings, source: str) -> IngestReport:
    """Ingest with a progress bar when a person is watching."""
    from harmattan.documents.ingest import ingest

    if not interactive():
        return ingest(paths, database, settings, source)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from harmattan.documents.readers import expand_paths

    total = sum(1 for _ in expand_paths(paths))
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("", total=total)

        def advance(_path: str, new_docs: int) -> None:
            bar.update(task, advance=1, description=f"{new_docs} new")

        return ingest(paths, database, settings, source, progress=advance)
