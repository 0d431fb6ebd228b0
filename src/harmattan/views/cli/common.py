"""What every CLI command shares: settings, the database, consoles."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from harmattan.settings import Settings, get_settings
from harmattan.store.database import Database

if TYPE_CHECKING:
    from harmattan.events.fusion import FusionReport

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def load_settings(db: str | None = None) -> Settings:
    settings = get_settings(**({"db": db} if db else {}))
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    return settings


def open_database(settings: Settings, upgrade: bool = True) -> Database:
    """Open the configured database, bringing its schema up to date unless told not to."""
    database = Database(settings.database_url)
    if upgrade:
        database.upgrade()
    return database


def interactive() -> bool:
    """Progress bars only for a person at a terminal, never in logs or pipes."""
    return sys.stderr.isatty()


def date_option(value: str | None, option: str) -> dt.date | None:
    """Parse a ``YYYY-MM-DD`` option value; a bad one is reported against ``option``."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def fusion_line(f: FusionReport) -> str:
    """One line on a fusion: counts, and whether it was incremental (and how much it placed again)."""
    if f.skipped:
        how = "unchanged since last fusion"
    elif f.incremental:
        how = f"{f.seconds:.2f}s, incremental: {f.replayed} reports placed again"
    else:
        how = f"{f.seconds:.2f}s"
    return (
        f"fusion: {f.reports} reports -> {f.events} events ({f.merges} merges; {how}); "
        f"corrections applied {f.corrections_applied}, unresolved {f.corrections_unresolved}"
    )
