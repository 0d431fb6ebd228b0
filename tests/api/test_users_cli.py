"""``harmattan users add|list|token|remove`` and that a token they issue opens the API."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.views.api.app import create_app
from harmattan.views.cli import build_app


def test_users_commands_and_their_token(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    cli, runner = build_app(), CliRunner()
    added = runner.invoke(
        cli, ["users", "add", "lea", "--role", "analyst", "--password", "a-long-secret", "--db", db]
    )
    assert added.exit_code == 0, added.output
    again = runner.invoke(cli, ["users", "add", "lea", "--password", "a-long-secret", "--db", db])
    assert again.exit_code == 1 and "already exists" in again.output
    bad_role = runner.invoke(
        cli, ["users", "add", "max", "--role", "boss", "--password", "a-long-secret", "--db", db]
    )
    assert bad_role.exit_code == 1 and "unknown role" in bad_role.output
    listed = runner.invoke(cli, ["users", "list", "--db", db])
    assert listed.output.split()[:2] == ["lea", "analyst"]
    issued = runner.invoke(cli, ["users", "token", "lea", "--db", db])
    token = issued.stdout.strip().splitlines()[-1]
    assert issued.exit_code == 0 and len(token) >= 40

    settings = Settings(home=tmp_path / "home", db=db)
    client = TestClient(create_app(settings.model_copy(update={"public": False}), Database(db)))
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["username"] == "lea" and me["role"] == "analyst"

    assert runner.invoke(cli, ["users", "remove", "lea", "--db", db]).exit_code == 0
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert runner.invoke(cli, ["users", "remove", "lea", "--db", db]).exit_code == 1
