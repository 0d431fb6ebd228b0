"""``harmattan sources add|list|remove|catalogue``: the registry of feeds and pages to fetch."""

from __future__ import annotations

import json

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database

KINDS = ("rss", "web")


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Register, list and remove the feeds and pages harmattan fetches.", no_args_is_help=True
    )
    app.add_typer(group, name="sources")

    @group.command("add")
    def add(
        name: str = typer.Argument(..., help="A short unique name, e.g. studio-tamani."),
        url: str = typer.Argument(..., help="Feed URL (--kind rss) or article page URL (--kind web)."),
        kind: str = typer.Option("rss", "--kind", help="rss (RSS/Atom feed) or web (a page)."),
        lang: str = typer.Option("auto", "--lang", help="fr, en... or auto (detected per document)."),
        country: str | None = typer.Option(None, help="ISO 3166 alpha-2 code of the outlet's country."),
        source_type: str | None = typer.Option(None, "--type", help="wire, national_press, radio..."),
        interval: str = typer.Option("15m", help="How often to poll it (30s, 15m, 1h...)."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Add a source, or update the one with this name."""
        from harmattan.runners.watch import parse_interval
        from harmattan.store.sources import save_source

        if kind not in KINDS:
            err_console.print(f"error: --kind must be one of {', '.join(KINDS)}", markup=False)
            raise typer.Exit(2)
        if not url.startswith(("http://", "https://")):
            err_console.print(f"error: {url!r} is not an http(s) URL", markup=False)
            raise typer.Exit(2)
        try:
            seconds = int(parse_interval(interval))
        except ValueError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from exc
        database = open_database(load_settings(db))
        fields = {
            "kind": kind,
            "url": url,
            "language": None if lang == "auto" else lang,
            "interval_s": seconds,
        }
        fields.update({k: v for k, v in (("country", country), ("source_type", source_type)) if v})
        source_id = save_source(database, name, enabled=True, **fields)
        console.print(f"source {name} ({kind}) saved as #{source_id}: {url}", highlight=False, markup=False)

    @group.command("list")
    def list_(
        as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """List registered sources with their last fetch and next due time."""
        from harmattan.store.sources import list_sources

        rows = list_sources(open_database(load_settings(db)))
        if as_json:
            for row in rows:
                console.print(json.dumps(row, default=str, ensure_ascii=False), highlight=False, markup=False)
            return
        from rich.table import Table

        table = Table("name", "kind", "type", "lang", "url", "verified", "last fetch", "status", "failures")
        for row in rows:
            table.add_row(
                row["name"], row["kind"], row["source_type"] or "", row["language"] or "auto",
                row["url"] or "", "yes" if row["verified"] else "no", _when(row["last_fetch_at"]),
                str(row["last_status"] or ""), str(row["failures"] or 0),
            )  # fmt: skip
        console.print(table)

    @group.command("remove")
    def remove(
        name: str = typer.Argument(...),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Remove a source (its documents stay in the store)."""
        from harmattan.store.sources import remove_source

        if not remove_source(open_database(load_settings(db)), name):
            err_console.print(f"error: no source named {name!r}", markup=False)
            raise typer.Exit(1)
        console.print(f"source {name} removed", highlight=False, markup=False)

    @group.command("catalogue")
    def catalogue(
        register_: bool = typer.Option(
            False, "--register", help="Add the catalogue's sources to the registry."
        ),
        source_type: list[str] = typer.Option([], "--type", help="Only these types (repeatable)."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Show the region pack's source catalogue (feed URLs unverified until fetched), or register it."""
        from harmattan.sources.catalogue import CatalogueError, load_catalogue, register_catalogue

        try:
            entries = load_catalogue()
        except CatalogueError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        if register_:
            names = register_catalogue(open_database(load_settings(db)), entries, tuple(source_type))
            console.print(f"{len(names)} catalogue sources registered", highlight=False)
            return
        for entry in entries:
            if source_type and entry.type not in source_type:
                continue
            where = entry.feed or entry.homepage or "(not fetched)"
            flag = "" if entry.verified else " [unverified]"
            countries = ",".join(entry.countries)
            line = f"{entry.name:24} {entry.type:20} {entry.language} {countries:9} {where}{flag}"
            console.print(line, highlight=False, markup=False)


def _when(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else ""
