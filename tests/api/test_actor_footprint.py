"""An actor's footprint for a period: the API behind the actor page's time control."""

from __future__ import annotations

from fastapi.testclient import TestClient


def regions(body: dict) -> dict[str | None, int]:  # type: ignore[type-arg]
    return {f["admin1"]: f["events"] for f in body["footprint"]}


def test_footprint_follows_the_period(client: TestClient) -> None:
    everything = client.get("/api/actors/jnim/footprint").json()
    assert regions(everything) == {"Gao": 1, "Sahel": 1} and everything["events"] == 2
    may = client.get("/api/actors/jnim/footprint?since=2024-05-01&until=2024-05-31").json()
    assert regions(may) == {"Gao": 1} and may["since"] == "2024-05-01" and may["until"] == "2024-05-31"
    gao = may["footprint"][0]
    assert (round(gao["latitude"], 2), round(gao["longitude"], 2)) == (16.27, -0.04)
    april = client.get("/api/actors/jnim/footprint?until=2024-04-30").json()
    assert regions(april) == {"Sahel": 1}
    army = client.get("/api/actors/ml-military/footprint?since=2024-05-01").json()
    assert regions(army) == {"Gao": 1, "Ménaka": 1}  # the two Ménaka reports are one event


def test_a_quiet_period_is_empty_not_missing(client: TestClient) -> None:
    body = client.get("/api/actors/jnim/footprint?since=2023-01-01&until=2023-12-31").json()
    assert body["footprint"] == [] and body["events"] == 0


def test_bad_periods_and_unknown_actors_are_refused(client: TestClient) -> None:
    assert client.get("/api/actors/jnim/footprint?since=2024-06-01&until=2024-05-01").status_code == 422
    assert client.get("/api/actors/jnim/footprint?since=May").status_code == 422
    assert client.get("/api/actors/jnim?since=2024-06-01&until=2024-05-01").status_code == 422
    assert client.get("/api/actors/no-such-actor/footprint").status_code == 404


def test_profile_period_narrows_footprint_tactics_and_partners_not_the_timeline(client: TestClient) -> None:
    whole = client.get("/api/actors/ml-military").json()
    assert whole["since"] is None and {t["tactic"] for t in whole["tactics"]} == {"ambush", "armed drone"}
    feb = client.get("/api/actors/ml-military?since=2024-02-01&until=2024-02-29").json()
    assert [m["month"] for m in feb["months"]] == [m["month"] for m in whole["months"]]
    assert regions(feb) == {"Kidal": 1}
    assert [t["tactic"] for t in feb["tactics"]] == ["armed drone"]
    assert feb["co_actors"] == [] and feb["since"] == "2024-02-01"
    may = client.get("/api/actors/ml-military?since=2024-05-01").json()
    assert {c["actor_id"] for c in may["co_actors"]} == {"jnim", "is-sahel"}


def test_actor_page_renders_the_period_from_the_url(client: TestClient) -> None:
    page = client.get("/actors/jnim?since=2024-05-01&until=2024-05-31")
    assert page.status_code == 200
    table = page.text.split('id="footprint-table"', 1)[1].split("</table>", 1)[0]
    assert "Gao" in table and "Sahel" not in table
    assert 'id="period-end"' in page.text and "2024-05-01 – 2024-05-31" in page.text
    assert client.get("/actors/jnim?since=someday").status_code == 422
