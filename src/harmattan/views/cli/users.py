"""``harmattan users add|list|remove|token``: local accounts with roles viewer, analyst, admin."""

from __future__ import annotations

import typer

from harmattan.views.cli.common import console, err_console, load_settings, open_database

DB_OPTION = typer.Option(None, "--db", help="Database URL.")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Manage dashboard and API accounts.", no_args_is_help=True)

    @group.command("add")
    def add(
        username: str,
        role: str = typer.Option("viewer", "--role", help="viewer | analyst | admin"),
        password: str | None = typer.Option(
            None, "--password", help="Read from HARMATTAN_PASSWORD or asked for when not given."
        ),
        db: str | None = DB_OPTION,
    ) -> None:
        """Create a user (the password is stored as an argon2 hash)."""
        import os

        from harmattan.store import users
        from harmattan.views.api.security import hash_password

        secret = password or os.environ.get("HARMATTAN_PASSWORD")
        if not secret:
            secret = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        if len(secret) < 8:
            raise typer.BadParameter("at least 8 characters", param_hint="--password")
        database = open_database(load_settings(db))
        try:
            with database.engine.begin() as conn:
                users.add_user(conn, username, hash_password(secret), role)
        except users.UserError as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        console.print(f"user {username} added ({role})", highlight=False, markup=False)

    @group.command("list")
    def list_(db: str | None = DB_OPTION) -> None:
        """Users, their roles and last sign-in."""
        from harmattan.store import users

        database = open_database(load_settings(db))
        with database.engine.connect() as conn:
            rows = users.list_users(conn)
        for r in rows:
            state = " (disabled)" if r["disabled"] else ""
            console.print(f"{r['username']}\t{r['role']}{state}\tlast sign-in: {r['last_login_at'] or '-'}",
                          highlight=False, markup=False)  # fmt: skip

    @group.command("remove")
    def remove(username: str, db: str | None = DB_OPTION) -> None:
        """Delete a user with their sessions and tokens."""
        from harmattan.store import users

        database = open_database(load_settings(db))
        with database.engine.begin() as conn:
            found = users.remove_user(conn, username)
        if not found:
            err_console.print(f"no user {username}", markup=False)
            raise typer.Exit(1)
        console.print(f"user {username} removed", highlight=False, markup=False)

    @group.command("token")
    def token(
        username: str,
        name: str = typer.Option("script", "--name", help="What the token is for."),
        db: str | None = DB_OPTION,
    ) -> None:
        """Issue an API token for a user; printed once (only its hash is stored)."""
        from harmattan.store import users
        from harmattan.views.api.security import digest, new_secret

        database = open_database(load_settings(db))
        secret = new_secret()
        with database.engine.begin() as conn:
            user = users.get_user(conn, username)
            if user is None:
                err_console.print(f"no user {username}", markup=False)
                raise typer.Exit(1)
            users.add_token(conn, user["id"], name, digest(secret))
        err_console.print("send it as 'Authorization: Bearer <token>'; it is not shown again")
        print(secret)

    app.add_typer(group, name="users")
