"""The fast paths of the read API agree with the plain ones: JSON pages with GeoJSON properties,
the one-scan summary with the event list, and the memo computes a missing value once."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from harmattan.store.database import Database
from harmattan.views.api.service import Memo


def test_json_page_has_exactly_the_geojson_properties(client: TestClient) -> None:
    events = client.get("/api/events?limit=1000").json()["events"]
    features = client.get("/api/events?format=geojson&limit=1000").json()["features"]
    assert len(events) == 5
    assert events == [f["properties"] for f in features]


@pytest.mark.parametrize("query", ["", "country=ML", "type=Battles", "actor=jnim", "since=2024-04-01"])
def test_summary_matches_the_listed_events(client: TestClient, query: str) -> None:
    events = client.get(f"/api/events?limit=1000&{query}").json()["events"]
    summary = client.get(f"/api/events/summary?{query}").json()
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in events:
        months[e["event_date"][:7]][0] += 1
        months[e["event_date"][:7]][1] += e["fatalities"] or 0
    assert summary["total"] == len(events)
    assert {m["month"]: [m["events"], m["fatalities"]] for m in summary["months"]} == months
    for name in ("event_type", "admin1", "country"):
        counts = Counter(e[name] for e in events if e[name] is not None)
        assert {f["value"]: f["events"] for f in summary[name]} == counts
        assert [f["events"] for f in summary[name]] == sorted(counts.values(), reverse=True)


@pytest.fixture
def small_db(tmp_path: Path) -> Any:
    db = Database(f"sqlite:///{tmp_path / 'memo.sqlite'}")
    db.upgrade()
    yield db
    db.close()


def test_memo_computes_a_missing_value_once_for_concurrent_callers(small_db: Database) -> None:
    memo = Memo()
    calls: list[int] = []
    answers: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    def ask() -> None:
        answers.append(memo.get(small_db, ("k",), slow))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [42] * 4 and len(calls) == 1
    assert memo.get(small_db, ("k",), lambda: 0) == 42  # kept


def test_memo_failure_is_not_kept_and_waiters_try_again(small_db: Database) -> None:
    memo = Memo()
    attempts: list[int] = []

    def flaky() -> str:
        attempts.append(1)
        time.sleep(0.1)
        if len(attempts) == 1:
            raise RuntimeError("database went away")
        return "ok"

    results: list[str] = []

    def ask() -> None:
        try:
            results.append(memo.get(small_db, ("k",), flaky))
        except RuntimeError as exc:
            results.append(str(exc))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["database went away", "ok", "ok"] and len(attempts) == 2
