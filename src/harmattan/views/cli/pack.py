"""``harmattan pack``: check a region pack and look up its actors and places.

The JSON printed by ``pack actor --json`` and ``pack place --json`` is a
contract other tools read; see docs/region-pack.md.
"""

from __future__ import annotations

import json
from typing import Any

import typer

from harmattan.views.cli.common import date_option

PACK_OPTION = typer.Option("sahel", "--pack", "-p", help="Pack name, or a folder holding a pack.yaml.")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Region packs: validate them, look up actors and places.", no_args_is_help=True)
    group.command("validate")(validate)
    group.command("actor")(actor)
    group.command("place")(place)
    group.command("stats")(stats)
    app.add_typer(group, name="pack")


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(1)


def validate(
    pack: str = PACK_OPTION,
    places: bool = typer.Option(True, "--places/--no-places", help="Also check the gazetteer."),
    as_json: bool = typer.Option(False, "--json", help="Print counts and problems as JSON."),
) -> None:
    """Check schema, ids, references, sources, dates and alias clashes; exit 1 on any problem."""
    from harmattan.regions.validate import validate_pack

    report = validate_pack(pack, places=places)
    if as_json:
        _print_json({"ok": report.ok, "counts": report.counts, "problems": [str(p) for p in report.problems]})
    else:
        for key, value in report.counts.items():
            typer.echo(f"{key:>24}  {value}")
        for problem in report.problems:
            typer.echo(str(problem), err=True)
        verdict = "ok" if report.ok else f"{len(report.problems)} problem(s)"
        typer.echo(f"pack {pack}: {verdict}", err=not report.ok)
    if not report.ok:
        raise typer.Exit(1)


def actor(
    name: str = typer.Argument(..., help="An actor's name, alias or id."),
    date: str | None = typer.Option(None, "--date", "-d", help="Resolve as of this date (YYYY-MM-DD)."),
    country: str | None = typer.Option(
        None, "--country", "-c", help="ISO2 country of the event, for ambiguous names."
    ),
    pack: str = PACK_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the actor as JSON."),
) -> None:
    """Resolve NAME to the actor it meant on --date; exit 1 if unknown or ambiguous."""
    from harmattan.regions import load

    registry = load(pack).actors
    day = date_option(date, "--date")
    found = registry.resolve(name, day, country) or registry.get(name)
    if found is None:
        options = registry.candidates(name, day, country)
        when = f" on {day}" if day else ""
        if options:
            ids = ", ".join(a.id for a in options)
            raise _fail(f"ambiguous actor {name!r}{when}: one of {ids}; give --date or --country")
        raise _fail(f"unknown actor {name!r}{when}")
    if as_json:
        _print_json(found.to_dict())
        return
    data = found.to_dict()
    for key in ("id", "name", "name_fr", "kind", "inter", "countries", "valid_from", "valid_to"):
        typer.echo(f"{key:>12}  {data[key]}")
    for aff in found.affiliations:
        span = f" ({aff.start or '…'} – {aff.end or '…'})" if aff.start or aff.end else ""
        typer.echo(f"{'':>12}  {aff.type} {aff.target}{span}")


def place(
    name: str = typer.Argument(..., help="A place name in any spelling."),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO2 country hint."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="At most this many candidates."),
    pack: str = PACK_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the candidates as a JSON list."),
) -> None:
    """Candidate places for NAME, best first; exit 1 if none."""
    from harmattan.regions import PackError, load

    try:
        found = load(pack).places.search(name, country=country, limit=limit)
    except PackError as exc:
        raise _fail(str(exc)) from exc
    rows = [p.to_dict() for p in found]
    if as_json:
        _print_json(rows)
    else:
        for row in rows:
            where = ", ".join(str(row[k]) for k in ("admin2", "admin1", "country") if row.get(k))
            typer.echo(f"{row['id']:>14}  {row['name']} ({where})  {row['latitude']}, {row['longitude']}")
    if not rows:
        raise _fail(f"no place matches {name!r}" + (f" in {country}" if country else ""))


def stats(
    pack: str = PACK_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
) -> None:
    """Counts: actors by kind, aliases, generic terms, dated facts, places; and load times."""
    from harmattan.regions import load

    counts = load(pack).stats()
    if as_json:
        _print_json(counts)
        return
    for section, value in counts.items():
        if isinstance(value, dict):
            typer.echo(f"{section}:")
            for key, inner in value.items():
                if isinstance(inner, dict):
                    for sub, n in inner.items():
                        typer.echo(f"  {key}.{sub:<22} {n}")
                else:
                    typer.echo(f"  {key:<24} {inner}")
        else:
            typer.echo(f"{section}: {value}")
