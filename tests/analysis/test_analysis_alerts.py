import datetime as dt

import pytest
from analysis_scenarios import D, ev
from analysis_store import insert_events

from harmattan.analysis import alerts, frame
from harmattan.analysis.alerts_run import run_alerts, stored_alerts
from harmattan.store.database import Database


def _history() -> list[dict[str, object]]:
    return [
        ev(
            "h1",
            D(2022, 3, 1),
            "fla",
            "ml-military",
            inter1=2,
            inter2=1,
            country="ML",
            admin1="Kidal",
            admin2="Tessalit",
            event_type="Battles",
            tactics=["ambush"],
            fatalities=4,
        ),
        ev(
            "h2",
            D(2022, 5, 1),
            "jnim",
            "ml-military",
            inter1=2,
            inter2=1,
            country="ML",
            admin1="Mopti",
            admin2="Douentza",
            event_type="Battles",
            tactics=["IED"],
        ),
    ]


def _news() -> list[dict[str, object]]:
    return [
        # FLA's first armed-drone attack, on a Malian army and Africa Corps convoy.
        ev(
            "n1",
            D(2024, 7, 27),
            "fla",
            "ml-military",
            inter1=2,
            inter2=1,
            assoc_actor_2="Africa Corps",
            country="ML",
            admin1="Kidal",
            admin2="Tessalit",
            location="Tinzaouaten",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            tactics=["armed drone"],
            fatalities=2,
        ),
        # JNIM in northern Benin.
        ev(
            "n2",
            D(2024, 8, 1),
            "jnim",
            "bj-military",
            inter1=2,
            inter2=1,
            country="BJ",
            admin1="Alibori",
            admin2="Karimama",
            location="Karimama",
            event_type="Battles",
            fatalities=12,
        ),
        # Civilians and protesters are never tracked.
        ev(
            "n3",
            D(2024, 8, 2),
            "protesters-bj",
            None,
            inter1=6,
            country="BJ",
            admin1="Alibori",
            event_type="Protests",
        ),
    ]


def _by_kind(found: list[alerts.Alert]) -> dict[tuple[str, str], alerts.Alert]:
    return {(a.kind, a.key): a for a in found}


def test_first_tactic_first_country_and_pairings_with_severity_and_evidence() -> None:
    fr = frame.from_records(_history() + _news())
    resolve = {"Africa Corps": "africa-corps"}.get
    result = alerts.novelties(fr, alert_from=D(2024, 1, 1), resolve=lambda name, day: resolve(name))
    found = _by_kind(result.alerts)
    drone = found[("new_tactic", "fla|armed drone")]
    assert drone.severity == "high" and drone.evidence == ["n1"] and drone.event_date == D(2024, 7, 27)
    assert drone.sentence.startswith("First armed drone attack recorded for fla")
    assert ("new_tactic", "fla|ambush") not in found  # seen in 2022: history, not news
    benin = found[("new_country", "jnim|BJ")]
    assert benin.severity == "high" and benin.evidence == ["n2"] and benin.admin2 == "Karimama"
    assert found[("new_admin2", "jnim|BJ|Alibori|Karimama")].severity == "medium"  # low, bumped by 12 deaths
    assert ("new_pairing_clash", "bj-military|jnim") in found
    assert found[("new_pairing_joint", "africa-corps|ml-military")].evidence == ["n1"]
    assert not [a for a in result.alerts if "protesters-bj" in a.actors]
    # Keys of the warm-up period are remembered without alerting.
    memory = {(k["kind"], k["key"]) for k in result.new_keys}
    assert ("new_tactic", "fla|ambush") in memory and ("new_tactic", "fla|armed drone") in memory


def test_known_keys_from_history_suppress_alerts() -> None:
    fr = frame.from_records(_news())
    known = {"new_country": {"jnim|BJ"}}
    result = alerts.novelties(fr, known=lambda kind, keys: known.get(kind, set()) & set(keys))
    keys = {(a.kind, a.key) for a in result.alerts}
    assert ("new_country", "jnim|BJ") not in keys and ("new_admin1", "jnim|BJ|Alibori") in keys


def test_foreign_actor_first_event_in_a_country() -> None:
    fr = frame.from_records(
        [
            ev(
                "f1",
                D(2024, 2, 1),
                "africa-corps",
                "jnim",
                inter1=8,
                inter2=2,
                country="BF",
                admin1="Centre-Nord",
                event_type="Battles",
            ),
        ]
    )
    kinds = {a.kind for a in alerts.novelties(fr).alerts if a.actors == ["africa-corps"]}
    assert kinds == {"new_foreign_actor"}  # not new_country/admin1 for a foreign force


def test_spike_against_the_previous_weeks() -> None:
    rows = [
        ev(f"w{w}-{k}", D(2024, 1, 1) + dt.timedelta(weeks=w), "jnim", None, admin1="Gao", country="ML")
        for w in range(14)
        for k in range(1 if w < 13 else 9)
    ]
    found = alerts.spikes(frame.from_records(rows))
    assert [(a.kind, a.event_date, len(a.evidence)) for a in found] == [("spike", D(2024, 4, 1), 9)]


def test_incremental_runs_check_only_new_events_against_stored_history(database: Database) -> None:
    insert_events(database, _history())
    first = run_alerts(database, warmup_days=365)
    assert first.new_events == 2 and first.stored == 0  # everything within the warm-up
    insert_events(database, _news())
    second = run_alerts(database)
    assert second.new_events == 3
    keys = {(a.kind, a.key) for a in second.alerts}
    assert ("new_tactic", "fla|armed drone") in keys and ("new_country", "jnim|BJ") in keys
    assert ("new_admin1", "fla|ML|Kidal") not in keys  # known from the first run
    third = run_alerts(database)
    assert third.new_events == 0 and third.alerts == []
    stored = stored_alerts(database, since=D(2024, 8, 1))
    assert {a["kind"] for a in stored} >= {"new_country", "new_pairing_clash"}
    assert all(a["evidence"] and a["sentence"] for a in stored)
    assert all(a["event_date"] >= "2024-08-01" for a in stored)


@pytest.mark.parametrize("days", [0])
def test_first_run_without_warmup_alerts_on_everything(database: Database, days: int) -> None:
    insert_events(database, _history())
    run = run_alerts(database, warmup_days=days)
    assert ("new_tactic", "fla|ambush") in {(a.kind, a.key) for a in run.alerts}
