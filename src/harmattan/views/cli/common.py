"""What every CLI command shares: settings, the database, consoles."""

from __future__ import annotations

import logging
import sys

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
