"""``harmattan import ucdp|gdelt|csv ...``: datasets in, each with its own provenance."""

from __future__ import annotations

from pathlib import Path

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database


def _check(paths: list[Path]) -> None:
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        err_console.print(f"error {path}: no such file", markup=False)
    if missing:
        raise typer.Exit(2)


def _report_errors(errors: list[object]) -> None:
    for error in errors:
        err_console.print(f"error {error}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    about = "Import datasets: UCDP GED (reference events), GDELT (leads), CSV/JSONL (documents)."
    group = typer.Typer(help=about, no_args_is_help=True)
    app.add_typer(group, name="import")

    @group.command("ucdp")
    def ucdp(
        files: list[Path] = typer.Argument(..., help="UCDP GED CSV files."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """UCDP GED events, stored as reference events (compared with ours, never mixed with them)."""
        from harmattan.sources.ucdp import import_ucdp

        _check(files)
        database = open_database(load_settings(db))
        failed = False
        for path in files:
            report = import_ucdp(database, path)
            _report_errors(list(report.errors))
            console.print(report.summary(), highlight=False, markup=False)
            failed = failed or bool(report.errors)
        if failed:
            raise typer.Exit(1)

    @group.command("gdelt")
    def gdelt(
        files: list[Path] = typer.Argument(
            ..., help="GDELT 2.0 *.export.CSV and *.mentions.CSV (.zip, .gz)."
        ),
        countries: str = typer.Option("", help="ISO alpha-2 codes to keep (default: the Sahel set)."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """GDELT events in the region's countries, stored as leads (pointers to reports, not facts)."""
        from harmattan.sources.gdelt import import_gdelt

        _check(files)
        region = [c.strip().upper() for c in countries.split(",") if c.strip()]
        reports = import_gdelt(open_database(load_settings(db)), files, region)
        for report in reports:
            _report_errors(list(report.errors))
            what = "mentions" if ".mentions." in report.path.lower() else "leads"
            console.print(report.summary(what), highlight=False, markup=False)
        if any(r.errors for r in reports):
            raise typer.Exit(1)

    @group.command("csv")
    def table(
        files: list[Path] = typer.Argument(..., help="CSV or JSON Lines (.jsonl) files of articles."),
        text: str = typer.Option("text", "--text-column", help="Column holding the article text."),
        title: str = typer.Option("title", "--title-column"),
        url: str = typer.Option("url", "--url-column"),
        date: str = typer.Option("published_at", "--date-column"),
        language: str = typer.Option("language", "--language-column"),
        source: str = typer.Option("dataset", help="Source name for rows that name none."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """A dataset of articles with its own column names, through the ingest path (dedup, language)."""
        from harmattan.sources.tabular import ColumnMap, import_table

        _check(files)
        settings = load_settings(db)
        database = open_database(settings)
        columns = ColumnMap(text=text, title=title, url=url, date=date, language=language)
        failed = False
        for path in files:
            report = import_table(database, settings, path, columns, source)
            _report_errors(list(report.errors))
            console.print(
                f"{path}: {report.documents_new} new documents, {report.documents_duplicate} duplicates, "
                f"{report.near_duplicates} near-duplicates, {len(report.errors)} failed",
                highlight=False, markup=False,
            )  # fmt: skip
            failed = failed or bool(report.errors)
        if failed:
            raise typer.Exit(1)
