"""``harmattan process``: extract pending documents, store event reports, fuse them into events."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from harmattan.views.cli.common import (
    console,
    err_console,
    fusion_line,
    interactive,
    load_settings,
    open_database,
)

if TYPE_CHECKING:
    from harmattan.events.process import ProcessReport
    from harmattan.settings import Settings
    from harmattan.store.database import Database

EXTRACTOR_HELP = "Extractor factory as module:callable (default: the project's own)."


def register(app: typer.Typer) -> None:
    @app.command("process")
    def process_command(
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
        limit: int | None = typer.Option(None, help="Process at most this many documents."),
        extractor: str = typer.Option("harmattan.extraction:Extractor", help=EXTRACTOR_HELP),
        no_fuse: bool = typer.Option(False, "--no-fuse", help="Store reports only; fuse later."),
        refuse: bool = typer.Option(False, "--refuse", help="Re-fuse even if nothing changed."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Extract every document the current pipeline has not seen yet, then fuse reports into events.

        Safe to interrupt: a re-run continues where it stopped and ends in the same state.
        """
        settings = load_settings(db)
        database = open_database(settings)
        try:
            report = run_process(database, settings, workers, limit, extractor, not no_fuse)
        except ImportError as exc:
            err_console.print(f"error: cannot load extractor {extractor!r}: {exc}", markup=False)
            raise typer.Exit(2) from exc
        if refuse and not no_fuse:
            from harmattan.events.fusion import fuse

            report.fusion = fuse(database, force=True)
        for doc_id, message in report.errors:
            err_console.print(f"error document {doc_id}: {message}", highlight=False, markup=False)
        console.print(
            f"process run {report.run_id} (pipeline {report.pipeline_version}): "
            f"{report.documents} documents, {report.reports} event reports, {len(report.errors)} failed",
            highlight=False,
        )
        if report.fusion is not None:
            console.print(fusion_line(report.fusion), highlight=False)
        if report.errors:
            raise typer.Exit(1)


def run_process(
    database: Database, settings: Settings, workers: int, limit: int | None, extractor: str, fusion: bool
) -> ProcessReport:
    """Process with a progress bar when a person is watching."""
    from harmattan.events.process import process

    if not interactive():
        return process(database, settings, workers, None, limit, extractor_spec=extractor, fusion=fusion)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return process(database, settings, workers, advance, limit, extractor_spec=extractor, fusion=fusion)
