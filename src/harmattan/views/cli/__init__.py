"""The ``harmattan`` command line: a thin face over the library.

Each command group lives in its own module with a ``register(app)`` function;
add a module name to ``COMMAND_MODULES`` to plug a new one in. Modules import
heavy library code inside the command functions, so ``harmattan --help``
stays fast.
"""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "pack",
    "db",
    "ingest",
    "eval",
    "extract",
    "process",
    "events",
    "snapshot",
    "sources",
    "fetch",
    "watch",
    "backfill",
    "imports",
    "serve",
    "users",
    "analysis",
    "train",
)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="harmattan",
        help="Sahel conflict observatory: news reports in, sourced event data out.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(app)
    return app


def main() -> None:
    build_app()()
