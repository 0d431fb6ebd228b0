"""``harmattan serve [--host] [--port]``: the REST API and the dashboard."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import err_console, load_settings, open_database


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for every interface)."),
        port: int = typer.Option(8000, help="Port to listen on."),
        db: str | None = typer.Option(None, "--db", help="Database URL."),
    ) -> None:
        """Serve the dashboard and the API (OpenAPI at /api/docs) until interrupted."""
        import uvicorn

        from harmattan.views.api.app import create_app

        settings = load_settings(db)
        database = open_database(settings)
        mode = "anonymous read-only access on" if settings.public else "sign-in required (HARMATTAN_PUBLIC=0)"
        err_console.print(f"harmattan: serving {database!r}; {mode}", highlight=False)
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        print(f"Dashboard: http://{shown}:{port}/   API: http://{shown}:{port}/api/docs", flush=True)
        app = create_app(settings, database)
        # One process; for more, run ``uvicorn --factory harmattan.views.api.app:app_factory --workers N``
        # (sessions and tokens live in the database, so any worker can answer any request).
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=True)
