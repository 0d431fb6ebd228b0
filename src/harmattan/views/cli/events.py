"""``harmattan events [filters] [--format F] [-o FILE]`` and ``events show|merge|split|correct|reject``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from harmattan.views.cli.common import console, date_option, err_console, load_settings, open_database

if TYPE_CHECKING:
    from harmattan.store.database import Database

DB_OPTION = typer.Option(None, "--db", help="Database URL.")
BY_OPTION = typer.Option(..., "--by", help="Who makes the correction (name or e-mail).")
WHY_OPTION = typer.Option(..., "--why", help="Why: kept with the correction.")
FORMATS = "table|jsonl|csv|acled-csv|ucdp-csv|geojson|parquet"


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Query, export and correct fused events.", invoke_without_command=True)

    @group.callback()
    def events_command(
        ctx: typer.Context,
        country: list[str] = typer.Option([], "--country", help="ISO2 code or name (repeatable)."),
        admin1: list[str] = typer.Option([], "--admin1", help="Region name, any accents/case."),
        actor: list[str] = typer.Option([], "--actor", help="Actor name, alias or id."),
        type_: list[str] = typer.Option([], "--type", help="Event type or sub-event type."),
        tactic: list[str] = typer.Option([], "--tactic", help="Tactic (e.g. 'armed drone')."),
        since: str | None = typer.Option(None, help="From this date (YYYY-MM-DD)."),
        until: str | None = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
        near: str | None = typer.Option(None, help="LAT,LON,KM: within KM of a point."),
        limit: int | None = typer.Option(None, help="At most this many events (newest first)."),
        fmt: str = typer.Option("table", "--format", "-f", help=FORMATS),
        output: Path | None = typer.Option(None, "-o", "--output", help="Write to FILE instead of stdout."),
        db: str | None = DB_OPTION,
    ) -> None:
        """List or export events matching all the filters given."""
        if ctx.invoked_subcommand is not None:
            return
        from harmattan.events import export, query

        if fmt not in export.FORMATS:
            raise typer.BadParameter(f"one of {FORMATS}", param_hint="--format")
        settings = load_settings(db)
        database = open_database(settings)
        try:
            filters = query.EventFilter(
                country=country, admin1=admin1, actor=actor, type=type_, tactic=tactic,
                since=date_option(since, "--since"), until=date_option(until, "--until"),
                near=query.parse_near(near) if near else None, limit=limit,
            )  # fmt: skip
            rows = query.find_events(database, filters, settings.region_pack)
        except query.FilterError as exc:
            raise typer.BadParameter(str(exc)) from exc
        if fmt in export.NEEDS_SOURCES:
            rows = query.with_sources(database, rows)
        if fmt == "table":
            _table(rows)
            return
        if fmt == "parquet" and output is None:
            raise typer.BadParameter("parquet is binary: give -o FILE.parquet", param_hint="--format")
        count = export.export(rows, fmt, path=output, out=None if output else _stdout())
        if output is not None:
            err_console.print(f"{count} events written to {output}", highlight=False)

    @group.command("show")
    def show(key: str, db: str | None = DB_OPTION) -> None:
        """One event: its fields, every report that supports it (with merge reasons) and every claim."""
        from harmattan.events.observatory import Observatory

        settings = load_settings(db)
        event = Observatory(open_database(settings), settings).event(key)
        if event is None:
            err_console.print(f"no event {key}")
            raise typer.Exit(1)
        _show(event)

    @group.command("merge")
    def merge(
        keys: list[str] = typer.Argument(..., help="Two or more event keys."),
        by: str = BY_OPTION, why: str = WHY_OPTION, db: str | None = DB_OPTION,
    ) -> None:  # fmt: skip
        """Merge events that are one occurrence (kept across re-processing)."""
        _correct(db, "merge", keys, by, why)

    @group.command("split")
    def split(
        key: str,
        report: list[str] = typer.Option([], "--report", help="Report key to take out (default: all)."),
        by: str = BY_OPTION, why: str = WHY_OPTION, db: str | None = DB_OPTION,
    ) -> None:  # fmt: skip
        """Undo a merge: take reports out of an event (each becomes its own event)."""
        _correct(db, "split", [key], by, why, report_keys=report)

    @group.command("correct")
    def correct(
        key: str,
        field: str = typer.Option(..., "--field", help="Field to set, e.g. fatalities."),
        value: str = typer.Option(..., "--value", help="New value ('none' clears it)."),
        by: str = BY_OPTION, why: str = WHY_OPTION, db: str | None = DB_OPTION,
    ) -> None:  # fmt: skip
        """Override one field of an event."""
        _correct(db, "override", [key], by, why, field=field, value=value)

    @group.command("reject")
    def reject(key: str, by: str = BY_OPTION, why: str = WHY_OPTION, db: str | None = DB_OPTION) -> None:
        """Mark an event as a false positive (hidden from queries and exports, kept in the database)."""
        _correct(db, "reject", [key], by, why)

    @group.command("restore")
    def restore(key: str, by: str = BY_OPTION, why: str = WHY_OPTION, db: str | None = DB_OPTION) -> None:
        """Undo a reject."""
        _correct(db, "restore", [key], by, why)

    @group.command("corrections")
    def corrections_command(
        gold: Path | None = typer.Option(None, "--gold", help="Write them as gold JSONL for the extraction."),
        db: str | None = DB_OPTION,
    ) -> None:
        """List analysts' corrections (or export them as training/gold data)."""
        from harmattan.events import corrections

        database = open_database(load_settings(db))
        records = corrections.export_gold(database)
        if gold is not None:
            gold.write_text(corrections.dumps_gold(records), encoding="utf-8")
            err_console.print(f"{len(records)} corrections written to {gold}")
            return
        for r in records:
            what = f"{r['field']}={r['value']}" if r["action"] == "override" else ""
            console.print(
                f"#{r['correction']} {r['created_at']} {r['author']}: {r['action']} {what} "
                f"[{r['state']}] — {r['reason']}",
                highlight=False, markup=False,
            )  # fmt: skip

    app.add_typer(group, name="events")


def _stdout() -> Any:
    import sys

    return sys.stdout


def _correct(db: str | None, action: str, keys: list[str], by: str, why: str, **kw: Any) -> None:
    from harmattan.events import corrections
    from harmattan.events.fusion import fuse

    database: Database = open_database(load_settings(db))
    try:
        cid = corrections.record(database, action, keys, by, why, **kw)
    except corrections.CorrectionError as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    report = fuse(database)
    console.print(
        f"correction #{cid} recorded ({action}); re-fused: {report.events} events "
        f"({report.corrections_applied} corrections applied, {report.corrections_unresolved} unresolved)",
        highlight=False,
    )


def _table(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(rows)} events")
    for name in ("event", "date", "type", "actor1", "actor2", "where", "deaths", "src"):
        table.add_column(name, overflow="fold")
    for r in rows:
        where = ", ".join(str(x) for x in (r["location"], r["admin1"], r["country"]) if x)
        table.add_row(
            r["event_key"], str(r["event_date"] or ""), r["sub_event_type"] or r["plover_type"] or "",
            r["actor1"] or "", r["actor2"] or "", where,
            "" if r["fatalities"] is None else str(r["fatalities"]), str(r["n_sources"]),
        )  # fmt: skip
    console.print(table)


def _show(event: dict[str, Any]) -> None:
    from harmattan.store.events import EVENT_COLUMNS

    for name in EVENT_COLUMNS:
        if event.get(name) not in (None, ""):
            console.print(f"{name}: {event[name]}", highlight=False, markup=False)
    console.print("reports:")
    for m in event["members"]:
        how = m["how"] + (f" {m['score']:.2f}" if m["score"] is not None else "")
        console.print(
            f"  {m['report_key']} [{how}] {m['source_name'] or '-'} {m['published_at'] or ''} "
            f"{m['title'] or ''} — {m['reason'] or ''}",
            highlight=False, markup=False,
        )  # fmt: skip
    console.print("claims:")
    for c in event["claims"]:
        mark = "*" if c["chosen"] else " "
        claimant = f" (claimed by {c['claimant']})" if c["claimant"] else ""
        console.print(
            f" {mark}{c['field']} = {c['value']} — {c['source_name'] or c['document_id']}{claimant}",
            highlight=False, markup=False,
        )  # fmt: skip
