"""``harmattan trends|alerts|footprint|relations|presence|attribute``: the analyses, as tables or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from harmattan.views.cli.common import console, date_option, load_settings, open_database

DB_OPTION = typer.Option(None, "--db", help="Database URL.")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("trends")
    def trends_command(
        by: list[str] = typer.Option([], "--by", help="country|admin1|actor|event_type|tactic (repeatable)."),
        freq: str = typer.Option("month", "--freq", help="week or month."),
        metric: str = typer.Option("events", "--metric", help="events or fatalities."),
        top: int = typer.Option(10, "--top", help="Busiest series per dimension."),
        compare: str | None = typer.Option(
            None, "--compare", help="Compare two periods instead: A,B (each YYYY, YYYY-MM or D1:D2)."
        ),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """Counts per week or month with change points and escalation flags."""
        from harmattan.analysis import service, trends

        dims = tuple(by) or trends.DIMENSIONS
        bad = [d for d in dims if d not in trends.DIMENSIONS]
        if bad or freq not in trends.FREQS or metric not in ("events", "fatalities"):
            raise typer.BadParameter(f"--by one of {', '.join(trends.DIMENSIONS)}; --freq week|month")
        if compare:
            _compare(dims, compare, as_json, db)
            return
        database = open_database(load_settings(db))
        try:
            found = service.trends_report(database, dims, freq, metric, top)
        finally:
            database.close()
        if as_json:
            _print_json(found)
            return
        rows = []
        for t in found:
            last = t["points"][-1] if t["points"] else {}
            cps = ", ".join(c["period"] for c in t["change_points"][-3:])
            flag = "ESCALATION" if t["escalation"] else ""
            rows.append(
                [t["dimension"], t["key"], sum(p[metric] for p in t["points"]), last.get(metric), cps, flag]
            )
        _table(f"Trends ({freq}, {metric})", ["dimension", "key", "total", "last", "change points", ""], rows)

    @app.command("alerts")
    def alerts_command(
        since: str | None = typer.Option(None, help="Alerts for events from this date (YYYY-MM-DD)."),
        kind: list[str] = typer.Option([], "--kind", help="Only these kinds (repeatable)."),
        limit: int | None = typer.Option(None, help="At most this many alerts."),
        no_update: bool = typer.Option(
            False, "--no-update", help="List stored alerts without checking new events."
        ),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """Novelty alerts (first tactic, place or pairing; new foreign actor; spike); checks new events."""
        from harmattan.analysis import service
        from harmattan.analysis.alerts_run import run_alerts, stored_alerts

        settings = load_settings(db)
        database = open_database(settings)
        try:
            if not no_update:
                run_alerts(database, resolve=service.resolver(settings.region_pack))
            found = stored_alerts(database, date_option(since, "--since"), tuple(kind), limit)
        finally:
            database.close()
        if as_json:
            _print_json(found)
            return
        rows = [
            [a["event_date"], a["severity"], a["kind"], a["sentence"], ", ".join(a["evidence"][:3])]
            for a in found
        ]
        _table("Alerts", ["date", "severity", "kind", "what", "evidence"], rows)

    @app.command("footprint")
    def footprint_command(
        actor: str = typer.Argument(..., help="Actor name, alias or id."),
        since: str | None = typer.Option(None, help="From this date."),
        until: str | None = typer.Option(None, help="Up to this date."),
        compare_to: str | None = typer.Option(
            None, "--compare-to", help="Earlier period: YYYY, YYYY-MM or YYYY-MM-DD:YYYY-MM-DD."
        ),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """Where an actor is active (admin areas, H3 cells, closest approach to capitals); gains, losses."""
        from harmattan.analysis import service

        try:
            period = service.parse_period(compare_to) if compare_to else None
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--compare-to") from None
        settings = load_settings(db)
        database = open_database(settings)
        try:
            report = service.footprint_report(
                database,
                actor,
                date_option(since, "--since"),
                date_option(until, "--until"),
                period,
                settings.region_pack,
            )
        finally:
            database.close()
        if as_json:
            _print_json(report)
            return
        _print_footprint(report)

    @app.command("relations")
    def relations_command(
        actor: str | None = typer.Option(
            None, "--actor", help="Only this actor's edges (name, alias or id)."
        ),
        at: str | None = typer.Option(None, "--at", help="Graph as of this date (default: latest event)."),
        window: int = typer.Option(365, "--window", help="Rolling window in days (0: all time)."),
        graphml: Path | None = typer.Option(None, "--graphml", help="Also write the graph as GraphML."),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """The signed, weighted relations graph with shifts and evidence per edge."""
        from harmattan.analysis import relations, service

        settings = load_settings(db)
        database = open_database(settings)
        try:
            report, graph = service.relations_report(
                database, actor, date_option(at, "--at"), window or None, settings.region_pack
            )
        finally:
            database.close()
        if graphml:
            relations.write_graphml(graph, graphml)
        if as_json:
            _print_json(report)
            return
        rows = [[e["source"], e["target"], e["weight"], e["hostile"], e["allied"], e["last"]]
                for e in report["graph"]["edges"]]  # fmt: skip
        _table("Relations", ["a", "b", "weight", "hostile", "allied", "last"], rows)
        shift_rows = [
            [s["date"], s["a"], s["b"], s["kind"], s["before"], s["after"]] for s in report["shifts"][-20:]
        ]
        _table("Shifts (latest 20)", ["month", "a", "b", "kind", "before", "after"], shift_rows)

    @app.command("presence")
    def presence_command(
        country: str | None = typer.Option(None, "--country", help="ISO2 country code."),
        at: str | None = typer.Option(None, "--at", help="Status as of this date."),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """Foreign and multilateral forces per country with their status timeline and evidence."""
        from harmattan.analysis import service

        settings = load_settings(db)
        database = open_database(settings)
        try:
            found = service.presence_report(
                database, country.upper() if country else None, date_option(at, "--at"), settings.region_pack
            )
        finally:
            database.close()
        if as_json:
            _print_json(found)
            return
        rows = [[t["country"], t["name"], t["status"], t["since"],
                 " → ".join(f"{c['status']} {c['date']}" for c in t["changes"])] for t in found]  # fmt: skip
        _table("Foreign presence", ["country", "force", "status", "since", "timeline"], rows)

    @app.command("attribute")
    def attribute_command(
        event_id: str | None = typer.Argument(None, help="Event key of an unidentified-armed-group event."),
        all_events: bool = typer.Option(False, "--all", help="Every unidentified-armed-group event."),
        evaluate: bool = typer.Option(False, "--evaluate", help="Measure calibration (time split) instead."),
        cutoff: str | None = typer.Option(None, "--cutoff", help="Split date for --evaluate."),
        as_json: bool = JSON_OPTION,
        db: str | None = DB_OPTION,
    ) -> None:
        """Likely perpetrators of unclaimed violence: an inference, with its measured calibration."""
        from harmattan.analysis import service

        if not (event_id or all_events or evaluate):
            raise typer.BadParameter("give an EVENT_ID, --all or --evaluate")
        database = open_database(load_settings(db))
        try:
            if evaluate:
                report = service.calibration_report(database, date_option(cutoff, "--cutoff"))
                _print_calibration(report, as_json)
                return
            found = service.attribution_report(database, None if all_events else [event_id or ""])
        finally:
            database.close()
        if as_json:
            _print_json(found)
            return
        for a in found:
            ranked = ", ".join(f"{c['actor']} {c['probability']:.0%}" for c in a["candidates"])
            console.print(f"{a['event_id']} ({a['event_date']}): {ranked}  [dim]({a['label']})[/dim]")


def _compare(dims: tuple[str, ...], text: str, as_json: bool, db: str | None) -> None:
    from harmattan.analysis import service

    try:
        first, second = (service.parse_period(p.strip()) for p in text.split(",", 1))
    except ValueError as exc:
        raise typer.BadParameter(f"A,B with two periods ({exc})", param_hint="--compare") from None
    database = open_database(load_settings(db))
    try:
        found = [row for dim in dims for row in service.compare_report(database, dim, first, second)]
    finally:
        database.close()
    if as_json:
        _print_json(found)
        return
    rows = [[c["dimension"], c["key"], c["events_a"], c["events_b"], c["fatalities_a"], c["fatalities_b"],
             "" if c["change"] is None else f"{c['change']:+.0%}"] for c in found]  # fmt: skip
    _table(f"{text}", ["dimension", "key", "events A", "events B", "deaths A", "deaths B", "change"], rows)


def _print_footprint(report: dict[str, Any]) -> None:
    if "added_admin1" in report:
        for label in ("admin1", "admin2", "cells"):
            added, lost = report[f"added_{label}"], report[f"lost_{label}"]
            console.print(f"{label}: +{len(added)} {', '.join(list(added)[:15])}")
            console.print(f"{label}: -{len(lost)} {', '.join(list(lost)[:15])}")
        report = report["after"]
    console.print(f"{report['actor']}: {report['events']} events, {len(report['admin1'])} admin1, "
                  f"{len(report['admin2'])} admin2, {len(report['cells'])} H3 cells")  # fmt: skip
    for f in report["frontier"][:5]:
        console.print(f"  {f['distance_km']} km from {f['capital']} ({f['location']}, {f['event_id']})")


def _print_calibration(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        _print_json(report)
        return
    console.print(
        f"cutoff {report['cutoff']}: {report['test_events']} test events "
        f"(trained on {report['train_events']}); "
        f"top-1 {report['top1']:.3f}, top-3 {report['top3']:.3f}, Brier {report['brier']:.3f}, "
        f"log loss {report['log_loss']:.3f}, temperature {report['temperature']}"
    )
    rows = [[r["bin"], r["events"], r["mean_probability"], r["accuracy"]] for r in report["reliability"]]
    _table("Reliability", ["top-1 probability", "events", "mean probability", "accuracy"], rows)
