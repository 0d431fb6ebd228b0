"""What every CLI command shares: settings, the database, consoles."""

from __future__ import annotations

import datetime as dt
import logging
import sys

import typer
from rich.console import Console

from harmattan.settings import Settings, get_settings
from harmattan.store.database import Database

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
