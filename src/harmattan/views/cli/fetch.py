"""``harmattan fetch``: fetch due sources (or the named ones) once, into the store."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database


def register(app: typer.Typer) -> None:
    @app.command("fetch")
    def fetch_command(
        source: list[str] = typer.Option([], "--source", "-s", help="Fetch only this source (repeatable)."),
        leads: int = typer.Option(0, "--leads", help="Also fetch the pages of this many new GDELT leads."),
        process: bool = typer.Option(False, "--process", help="Then extract and fuse the new documents."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Fetch feeds and pages; new documents are then ready for `harmattan process`.

        Only public addresses are fetched: hosts or CIDR ranges in HARMATTAN_FETCH_ALLOW are
        the exception. robots.txt, per-host delays and conditional GET are honoured.
        """
        from harmattan.sources.fetch import fetch_sources
        from harmattan.store.sources import get_source

        settings = load_settings(db)
        database = open_database(settings)
        unknown = [name for name in source if get_source(database, name) is None]
        for name in unknown:
            err_console.print(f"error: no source named {name!r} (see `harmattan sources list`)", markup=False)
        if unknown:
            raise typer.Exit(2)
        reports = fetch_sources(database, settings, source)
        if leads:
            from harmattan.sources.fetch import SourceFetcher

            with SourceFetcher(database, settings) as fetcher:
                reports.append(fetcher.fetch_leads(leads))
        if not reports:
            console.print("no source is due (use --source NAME to fetch one now)", highlight=False)
        for report in reports:
            target = err_console if report.outcome == "error" else console
            target.print(report.summary(), highlight=False, markup=False)
        if process and any(r.documents_new for r in reports):
            from harmattan.events.process import process as run_process

            done = run_process(database, settings)
            console.print(
                f"processed {done.documents} documents, {done.reports} event reports", highlight=False
            )
        if any(r.outcome == "error" for r in reports):
            raise typer.Exit(1)
