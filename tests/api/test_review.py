"""Analysts' decisions through the API: each is a correction of the events stage, applied at once."""

from __future__ import annotations

from fastapi.testclient import TestClient
from scenario import token_for

from harmattan.store.database import Database


def analyst(client: TestClient, db: Database) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(db, 'anna')}"}


def key_of(client: TestClient, query: str) -> str:
    return str(client.get(f"/api/events?{query}").json()["events"][0]["event_key"])


def test_override_shows_at_once_with_its_author(wclient: TestClient, fresh: Database) -> None:
    key = key_of(wclient, "admin1=Ménaka")
    body = {"action": "override", "field": "fatalities", "value": "15", "reason": "ministry toll"}
    out = wclient.post(f"/api/review/{key}", json=body, headers=analyst(wclient, fresh)).json()
    assert out["state"] == "applied" and out["event_key"] == key
    event = wclient.get(f"/api/events/{key}").json()
    assert event["fatalities"] == 15 and event["corrected"]
    assert [(c["author"], c["field"], c["value"]) for c in event["corrections"]] == [
        ("anna", "fatalities", 15)
    ]


def test_bad_corrections_are_422(wclient: TestClient, fresh: Database) -> None:
    key = key_of(wclient, "admin1=Ménaka")
    headers = analyst(wclient, fresh)
    bad_field = {"action": "override", "field": "sources", "value": "x", "reason": "r"}
    assert wclient.post(f"/api/review/{key}", json=bad_field, headers=headers).status_code == 422
    bad_value = {"action": "override", "field": "fatalities", "value": "many", "reason": "r"}
    assert wclient.post(f"/api/review/{key}", json=bad_value, headers=headers).status_code == 422
    no_reason = {"action": "reject", "reason": ""}
    assert wclient.post(f"/api/review/{key}", json=no_reason, headers=headers).status_code == 422
    assert wclient.post("/api/review/E000000000", json={"action": "accept", "reason": "r"},
                        headers=headers).status_code == 404  # fmt: skip


def test_reject_hides_and_restore_brings_back(wclient: TestClient, fresh: Database) -> None:
    headers = analyst(wclient, fresh)
    key = key_of(wclient, "admin1=Gao")
    wclient.post(f"/api/review/{key}", json={"action": "reject", "reason": "duplicate feed"}, headers=headers)
    assert key not in [e["event_key"] for e in wclient.get("/api/events").json()["events"]]
    assert wclient.get(f"/api/events/{key}").json()["status"] == "rejected"
    wclient.post(f"/api/review/{key}", json={"action": "restore", "reason": "it was real"}, headers=headers)
    assert key in [e["event_key"] for e in wclient.get("/api/events").json()["events"]]


def test_merge_then_split(wclient: TestClient, fresh: Database) -> None:
    headers = analyst(wclient, fresh)
    gao, menaka = key_of(wclient, "admin1=Gao"), key_of(wclient, "admin1=Ménaka")
    body = {"action": "merge", "with": [gao], "reason": "same raid"}
    merged = wclient.post(f"/api/review/{menaka}", json=body, headers=headers).json()
    assert merged["state"] == "applied"
    event = wclient.get(f"/api/events/{merged['event_key']}").json()
    assert len(event["reports"]) == 3 and "analyst" in {r["how"] for r in event["reports"]}
    assert wclient.get("/api/health").json()["events"] == 4
    gao_report = next(r["report_key"] for r in event["reports"] if r["fields"]["admin1"] == "Gao")
    body = {"action": "split", "reports": [gao_report], "reason": "different places"}
    split = wclient.post(f"/api/review/{merged['event_key']}", json=body, headers=headers).json()
    assert split["state"] == "applied"
    assert wclient.get("/api/health").json()["events"] == 5


def test_accept_takes_an_event_off_the_queue(wclient: TestClient, fresh: Database) -> None:
    key = key_of(wclient, "admin1=Ménaka")
    assert key in [e["event_key"] for e in wclient.get("/api/review").json()["events"]]
    wclient.post(
        f"/api/review/{key}", json={"action": "accept", "reason": "checked"}, headers=analyst(wclient, fresh)
    )
    assert key not in [e["event_key"] for e in wclient.get("/api/review").json()["events"]]


def test_admin_manages_users(wclient: TestClient, fresh: Database) -> None:
    headers = {"Authorization": f"Bearer {token_for(fresh, 'adam')}"}
    nadia = {"username": "nadia", "password": "s3cret-pass", "role": "analyst"}
    created = wclient.post("/api/users", json=nadia, headers=headers)
    assert created.status_code == 201
    again = wclient.post("/api/users", json={"username": "nadia", "password": "s3cret-pass"}, headers=headers)
    assert again.status_code == 409
    short = wclient.post("/api/users", json={"username": "x", "password": "short"}, headers=headers)
    assert short.status_code == 422
    names = [u["username"] for u in wclient.get("/api/users", headers=headers).json()["users"]]
    assert "nadia" in names
    assert wclient.delete("/api/users/nadia", headers=headers).status_code == 204
    assert wclient.delete("/api/users/nadia", headers=headers).status_code == 404
