"""``harmattan extract``: report text in, one JSON object per event out (no database)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import typer

from harmattan.views.cli.common import date_option


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    source: str = typer.Argument("-", help="A text file, a JSON Lines file of documents, or - for stdin."),
    date: str | None = typer.Option(
        None, "--date", help="Publication date YYYY-MM-DD (relative dates resolve against it)."
    ),
    lang: str = typer.Option("auto", "--lang", help="auto, en or fr."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or table."),
    explain: bool = typer.Option(False, "--explain", help="Show which sentence and rule gave each field."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for JSON Lines input."),
    config: Path | None = typer.Option(
        None, "--config", help="A pipeline config YAML (default: the packaged one)."
    ),
) -> None:
    """Extract events from a report (plain text) or from documents (JSON Lines: text, published_at, id)."""
    from harmattan.extraction import Extractor

    if lang not in ("auto", "en", "fr"):
        raise typer.BadParameter("--lang must be auto, en or fr")
    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    published = date_option(date, "--date")
    raw = _read(source)
    extractor = Extractor(config=config)
    docs = _as_documents(raw, published)
    count = 0
    for result in extractor.extract_many(docs, workers=workers, lang=lang):
        for note in result.notes:
            typer.echo(f"note: {result.document_id or source}: {note}", err=True)
        for event in result.events:
            _emit(event, fmt, explain)
            count += 1
    if count == 0:
        typer.echo("no events found", err=True)


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            typer.echo(f"error: {source}: no such file", err=True)
            raise typer.Exit(2)
        data = path.read_bytes()
    return data.decode("utf-8", errors="replace")


def _as_documents(raw: str, published: dt.date | None) -> list[dict[str, Any]]:
    """JSON Lines when every non-blank line is a JSON object with a text; else one plain-text document."""
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        docs: list[dict[str, Any]] = []
        try:
            for ln in lines:
                item = json.loads(ln)
                if not isinstance(item, dict) or "text" not in item:
                    raise ValueError
                if not item.get("published_at") and published is not None:
                    item["published_at"] = published.isoformat()
                docs.append(item)
            return docs
        except ValueError:
            pass
    return [{"text": raw, "published_at": published.isoformat() if published else None, "id": None}]


def _emit(event: Any, fmt: str, explain: bool) -> None:
    data = event.to_dict()
    if fmt == "jsonl":
        typer.echo(json.dumps(data, ensure_ascii=False))
    else:
        typer.echo(
            " | ".join(
                str(data.get(k) if data.get(k) is not None else "")
                for k in (
                    "event_date",
                    "event_type",
                    "sub_event_type",
                    "actor1",
                    "actor2",
                    "location",
                    "admin1",
                    "country",
                    "fatalities",
                )
            )
        )
    if explain:
        for ev in event.evidence:
            typer.echo(
                f"  {ev.field:<15} sentence {ev.sentence:>3} [{ev.start}:{ev.end}] {ev.text[:70]!r}"
                f"  <- {ev.rule}",
                err=fmt == "jsonl",
            )
