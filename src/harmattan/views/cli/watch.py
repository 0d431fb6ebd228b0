"""``harmattan watch --interval 15m``: poll due sources, process what is new, keep going."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database


def register(app: typer.Typer) -> None:
    @app.command("watch")
    def watch_command(
        interval: str = typer.Option("15m", help="Time between polling rounds (30s, 15m, 1h)."),
        once: bool = typer.Option(False, "--once", help="One round, then exit."),
        process: bool = typer.Option(True, "--process/--no-process", help="Extract and fuse new documents."),
        workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Watch the registered sources. Each round's outcome is logged; a failing source is backed off alone.

        Stop with Ctrl-C. Run it under a supervisor (systemd, a container restart policy) in production.
        """
        import logging

        from harmattan.runners.watch import Cycle, Watcher, parse_interval

        try:
            seconds = parse_interval(interval)
        except ValueError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from exc
        settings = load_settings(db)
        logging.getLogger("harmattan").setLevel(min(logging.INFO, logging.getLogger().level))
        watcher = Watcher(open_database(settings), settings, seconds, process=process, workers=workers)

        def show(cycle: Cycle) -> None:
            stamp = cycle.started.strftime("%Y-%m-%d %H:%M:%S")
            console.print(f"{stamp} {cycle.summary()}", highlight=False, markup=False)

        try:
            watcher.run(cycles=1 if once else None, on_cycle=show)
        except KeyboardInterrupt:
            console.print("watch stopped", highlight=False)
