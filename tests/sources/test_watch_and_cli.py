from __future__ import annotations

import logging
from pathlib import Path

import pytest
from httpfixtures import LocalServer
from typer.testing import CliRunner

from harmattan.runners.watch import Watcher, parse_interval
from harmattan.settings import Settings
from harmattan.sources.fetch import SourceFetcher
from harmattan.sources.guard import Guard
from harmattan.sources.http import FetchPolicy
from harmattan.store import sources as store
from harmattan.store.database import Database
from harmattan.views.cli import build_app

FIXTURES = Path(__file__).parent / "fixtures"
STORY = (
    "<p>Gunmen attacked a convoy of the Burkinabe army near Djibo on Sunday, security sources said. "
    "The convoy was escorting supply trucks to the besieged town when it was ambushed.</p>"
) * 6
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    "<item><guid>1</guid><link>https://x.org/1</link><title>Djibo convoy</title>"
    f"<description><![CDATA[{STORY}]]></description></item></channel></rss>"
)


def test_intervals_read_like_people_write_them() -> None:
    assert [parse_interval(t) for t in ("15m", "1h", "30s", "90", "1.5h", "2d")] == [
        900,
        3600,
        30,
        90,
        5400,
        172800,
    ]
    for bad in ("", "soon", "-5m", "0s", "15x"):
        with pytest.raises(ValueError, match="not an interval"):
            parse_interval(bad)


def test_the_watcher_keeps_going_past_a_failing_source_and_logs_each_round(
    server: LocalServer,
    database: Database,
    settings: Settings,
    guard: Guard,
    policy: FetchPolicy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.add("/feed.xml", FEED, headers={"Content-Type": "application/rss+xml"})
    server.add("/down.xml", "", status=500)
    store.save_source(database, "good", kind="rss", url=server.url("/feed.xml"), interval_s=3600)
    store.save_source(database, "down", kind="rss", url=server.url("/down.xml"), interval_s=3600)
    waits: list[float] = []
    watcher = Watcher(
        database,
        settings,
        interval_s=60,
        process=False,
        fetcher=lambda: SourceFetcher(database, settings, policy, guard),
        sleep=waits.append,
    )
    cycles = []
    with caplog.at_level(logging.INFO, logger="harmattan"):
        watcher.run(cycles=2, on_cycle=cycles.append)
    first, second = cycles
    assert (len(first.fetches), first.failed, first.documents_new) == (2, 1, 1)
    assert len(second.fetches) == 0  # both backed off / not due yet: nothing polled, nothing crashed
    assert len(waits) == 1 and 0 < waits[0] <= 60
    assert "down: failed" in caplog.text and "2 sources polled, 1 failed, 1 new documents" in caplog.text


def test_cli_sources_add_list_remove_and_fetch_a_local_feed(server: LocalServer, tmp_path: Path) -> None:
    server.add("/feed.xml", FEED, headers={"Content-Type": "application/rss+xml"})
    env = {
        "HARMATTAN_HOME": str(tmp_path / "home"),
        "HARMATTAN_DB": str(tmp_path / "cli.sqlite"),
        "HARMATTAN_FETCH_ALLOW": "127.0.0.1/32",
    }
    app, runner = build_app(), CliRunner()
    feed_url = server.url("/feed.xml", host="127.0.0.1")
    added = runner.invoke(app, ["sources", "add", "local", feed_url, "--lang", "en"], env=env)
    assert added.exit_code == 0, added.output
    assert runner.invoke(app, ["sources", "add", "x", "file:///etc/passwd"], env=env).exit_code == 2
    listed = runner.invoke(app, ["sources", "list", "--json"], env=env)
    assert '"name": "local"' in listed.output and '"verified": false' in listed.output
    fetched = runner.invoke(app, ["fetch", "--source", "local"], env=env)
    assert fetched.exit_code == 0, fetched.output
    assert "local: 1 items, 1 new documents" in fetched.output
    refused = runner.invoke(app, ["fetch", "--source", "local"], env={**env, "HARMATTAN_FETCH_ALLOW": ""})
    assert refused.exit_code == 1 and "loopback address" in refused.output
    assert runner.invoke(app, ["fetch", "--source", "nope"], env=env).exit_code == 2
    assert runner.invoke(app, ["sources", "remove", "local"], env=env).exit_code == 0
    assert runner.invoke(app, ["sources", "remove", "local"], env=env).exit_code == 1


def test_cli_imports(tmp_path: Path) -> None:
    env = {"HARMATTAN_HOME": str(tmp_path / "home"), "HARMATTAN_DB": str(tmp_path / "cli.sqlite")}
    app, runner = build_app(), CliRunner()
    result = runner.invoke(app, ["import", "gdelt", str(FIXTURES / "20250526120000.export.CSV")], env=env)
    assert result.exit_code == 1  # the fixture's malformed line is reported...
    assert "7 rows, 4 new leads" in result.output and ":4: expected 61" in result.output  # ...the rest kept
    missing = runner.invoke(app, ["import", "ucdp", str(tmp_path / "none.csv")], env=env)
    assert missing.exit_code == 2 and "no such file" in missing.output
