"""Reading through the API: filters, cursor pages, formats, an event with its evidence, documents, more."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from scenario import XSS_TEXT


def keys(client: TestClient, query: str = "") -> list[str]:
    response = client.get(f"/api/events?limit=1000&{query}")
    assert response.status_code == 200, response.text
    return [e["event_key"] for e in response.json()["events"]]


def test_health_reports_schema_and_events(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["schema_current"] == body["schema_head"] == "0006"
    assert body["events"] == 5  # two Ménaka reports fused into one event


def test_events_newest_first_with_every_field(client: TestClient) -> None:
    events = client.get("/api/events").json()["events"]
    dates = [e["event_date"] for e in events]
    assert dates == sorted(dates, reverse=True)
    first = events[0]
    assert first["event_date"] == "2024-05-13" and first["admin1"] == "Gao"
    assert {"actor1", "inter1", "latitude", "geo_precision", "tactics", "confidence", "n_sources"} <= set(
        first
    )


def test_filters_fold_accents_and_combine(client: TestClient) -> None:
    menaka = client.get("/api/events?admin1=Menaka").json()["events"]
    assert [(e["admin1"], e["n_sources"]) for e in menaka] == [("Ménaka", 2)]
    assert len(keys(client, "country=BF")) == 1
    assert len(keys(client, "actor=JNIM")) == 2
    assert len(keys(client, "actor=JNIM&country=ML")) == 1
    assert len(keys(client, "tactic=armed%20drone")) == 2
    assert len(keys(client, "since=2024-05-01&until=2024-05-31")) == 2
    assert len(keys(client, "type=Battles")) == 2
    assert len(keys(client, "country=ML&country=BF")) == 4  # repeated parameter: OR


def test_bad_filters_are_422_with_a_reason(client: TestClient) -> None:
    response = client.get("/api/events?country=Atlantis")
    assert response.status_code == 422 and "Atlantis" in response.json()["detail"]
    assert client.get("/api/events?since=yesterday").status_code == 422
    assert client.get("/api/events?cursor=!!notacursor").status_code == 422


def test_cursor_pages_cover_everything_once_in_order(client: TestClient) -> None:
    every = keys(client)
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        url = "/api/events?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url).json()
        seen.extend(e["event_key"] for e in page["events"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == every and len(set(seen)) == 5


def test_csv_and_geojson_hold_the_same_events(client: TestClient) -> None:
    response = client.get("/api/events?format=csv&country=ML")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["event_key"] for r in rows) == sorted(keys(client, "country=ML"))
    geo = client.get("/api/events?format=geojson&country=ML").json()
    assert geo["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in geo["features"]) == sorted(r["event_key"] for r in rows)
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])


def test_summary_counts_months_and_regions(client: TestClient) -> None:
    body = client.get("/api/events/summary").json()
    assert body["total"] == 5
    assert [(m["month"], m["events"]) for m in body["months"]] == [
        ("2024-02", 1), ("2024-03", 1), ("2024-04", 1), ("2024-05", 2)
    ]  # fmt: skip
    assert {"value": "Ménaka", "events": 1} in body["admin1"]


def test_event_detail_has_evidence_claims_and_trail(client: TestClient) -> None:
    key = keys(client, "admin1=Ménaka")[0]
    event = client.get(f"/api/events/{key}").json()
    assert {r["source"] for r in event["reports"]} == {"Studio Tamani", "RFI"}
    for report in event["reports"]:
        assert report["how"] in ("seed", "auto") and report["evidence"]
        doc = client.get(f"/api/documents/{report['document_id']}").json()
        for span in report["evidence"]:
            assert doc["text"][span["start"] : span["end"]] == span["match"]
    fatalities = {(c["source"], c["value"]) for c in event["claims"] if c["field"] == "fatalities"}
    assert fatalities == {("Studio Tamani", "12"), ("RFI", "20")}
    assert "fatalities" in event["conflicting_fields"]
    assert event["corrections"] == []
    assert client.get("/api/events/E000000000").status_code == 404


def test_document_lists_its_evidence_spans(client: TestClient) -> None:
    key = keys(client, "admin1=Gao")[0]
    report = client.get(f"/api/events/{key}").json()["reports"][0]
    doc = client.get(f"/api/documents/{report['document_id']}").json()
    assert doc["text"].startswith(XSS_TEXT)
    assert doc["evidence"] and all(e["event_key"] == key for e in doc["evidence"])
    assert client.get("/api/documents/999999").status_code == 404


def test_review_queue_puts_conflicts_first(client: TestClient) -> None:
    queue = client.get("/api/review").json()["events"]
    assert queue[0]["admin1"] == "Ménaka" and queue[0]["review_reason"] == "conflict"
    assert [e["admin1"] for e in queue[1:]] == ["Gao"]  # confidence 0.4; the others are above 0.6


def test_actors_and_actor_profile(client: TestClient) -> None:
    listed = {a["actor_id"]: a["events"] for a in client.get("/api/actors").json()["actors"]}
    assert listed["jnim"] == 2 and listed["ml-military"] == 3
    profile = client.get("/api/actors/jnim").json()
    assert profile["registry"]["id"] == "jnim" and profile["registry"]["aliases"]
    assert [m["month"] for m in profile["months"]] == ["2024-04", "2024-05"]
    assert {f["admin1"] for f in profile["footprint"]} == {"Gao", "Sahel"}
    assert {c["actor_id"] for c in profile["co_actors"]} >= {"ml-military"}
    assert client.get("/api/actors/no-such-actor").status_code == 404


def test_analyses_answer(client: TestClient) -> None:
    graph = client.get("/api/relations").json()
    pairs = {(e["source"], e["target"]) for e in graph["edges"]}
    assert ("dz-state", "ml-state") in pairs
    trends = client.get("/api/trends?dimension=country").json()["trends"]
    assert {t["key"] for t in trends} >= {"ML", "BF"}
    assert "presence" in client.get("/api/presence?country=ML").json()
    assert client.get("/api/alerts").json() == {"alerts": []}
    assert client.get("/api/snapshots").json() == {"snapshots": []}


def test_openapi_lists_the_resources(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{key}", "/api/documents/{document_id}", "/api/review",
                 "/api/actors/{actor_id}", "/api/relations", "/api/alerts", "/api/trends", "/api/presence",
                 "/api/snapshots", "/api/health", "/api/login", "/api/users"):  # fmt: skip
        assert path in paths, path
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text and "<script>" not in docs.text


@pytest.mark.parametrize(
    "query", ["actor=JNIM", "tactic=armed%20drone", "actor=ml-military&since=2024-01-01", "type=Battles"]
)
def test_actor_and_tactic_pages_match_the_unpaged_answer(client: TestClient, query: str) -> None:
    """Pages found through recent date windows first are the same as one big page."""
    every = keys(client, query)
    seen: list[str] = []
    cursor = ""
    while True:
        page = client.get(f"/api/events?{query}&limit=1{cursor}").json()
        seen.extend(e["event_key"] for e in page["events"])
        if not page["next_cursor"]:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert seen == every and len(every) >= 2
