"""``harmattan backfill PATH... --workers N [--scheduler local|dask] [--dask-address tcp://...]``."""

from __future__ import annotations

from pathlib import Path
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
    from harmattan.runners.backfill import BackfillReport
    from harmattan.settings import Settings
    from harmattan.store.database import Database


def register(app: typer.Typer) -> None:
    @app.command("backfill")
    def backfill_command(
        paths: list[Path] = typer.Argument(None, help="Files or folders to ingest first (optional)."),
        workers: int = typer.Option(2, "--workers", "-w", min=1, help="Extraction workers."),
        scheduler: str = typer.Option("local", help="local (process pool) or dask (a Dask cluster)."),
        dask_address: str | None = typer.Option(None, help="Existing Dask scheduler, tcp://host:8786."),
        limit: int | None = typer.Option(None, help="Extract at most this many documents."),
        no_fuse: bool = typer.Option(False, "--no-fuse", help="Store reports only; fuse later."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Ingest archives and extract every pending document in parallel; safe to interrupt and re-run.

        With --scheduler dask and no address, a LocalCluster of N workers is started; with
        --dask-address, the work goes to that cluster's workers (see docs/sources.md).
        """
        if scheduler not in ("local", "dask"):
            err_console.print("error: --scheduler must be local or dask", markup=False)
            raise typer.Exit(2)
        missing = [p for p in paths or [] if not p.exists()]
        for path in missing:
            err_console.print(f"error {path}: no such file or folder", markup=False)
        if missing:
            raise typer.Exit(2)
        settings = load_settings(db)
        database = open_database(settings)
        options = {"workers": workers, "scheduler": scheduler, "address": dask_address, "limit": limit}
        report = run_backfill(database, settings, list(paths or []), options, not no_fuse)
        _print(report)
        if report.errors or (report.ingest and report.ingest.errors):
            raise typer.Exit(1)


def run_backfill(
    database: Database, settings: Settings, paths: list[Path], options: dict[str, object], fusion: bool
) -> BackfillReport:
    from harmattan.runners.backfill import backfill

    if not interactive():
        return backfill(database, settings, paths, fusion=fusion, **options)  # type: ignore[arg-type]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def advance(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        return backfill(database, settings, paths, progress=advance, fusion=fusion, **options)  # type: ignore[arg-type]


def _print(report: BackfillReport) -> None:
    if report.ingest is not None:
        i = report.ingest
        console.print(
            f"ingest: {i.files_seen} files, {i.documents_new} new documents, "
            f"{i.documents_duplicate} duplicates, {i.near_duplicates} near-duplicates, "
            f"{len(i.errors)} failed ({report.ingest_s:.1f}s)",
            highlight=False,
        )
        for error in i.errors:
            err_console.print(f"error {error}", highlight=False, markup=False)
    for doc_id, message in report.errors:
        err_console.print(f"error document {doc_id}: {message}", highlight=False, markup=False)
    console.print(
        f"extract (pipeline {report.pipeline_version}, {report.workers} workers): "
        f"{report.documents} documents, {report.reports} event reports, {len(report.errors)} failed, "
        f"{report.articles_per_s:.1f} articles/s",
        highlight=False,
    )
    if report.fusion is not None:
        console.print(fusion_line(report.fusion), highlight=False)
