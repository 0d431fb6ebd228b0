import numpy as np
import pytest
from analysis_scenarios import D, burkina_groups, ev

from harmattan.analysis import attribution, frame


def _frame(extra: list[dict[str, object]] | None = None) -> frame.pl.DataFrame:
    return frame.from_records(burkina_groups() + (extra or []))


def test_unidentified_attack_is_attributed_to_the_group_of_its_place_and_habits() -> None:
    unclaimed = [
        ev(
            "u1",
            D(2021, 2, 1),
            "unidentified-armed-group",
            "bf-military",
            inter1=2,
            inter2=1,
            country="BF",
            admin1="Est",
            admin2="Gourma",
            latitude=12.07,
            longitude=0.36,
            event_type="Battles",
            tactics=["ambush"],
        ),
        ev(
            "u2",
            D(2021, 2, 2),
            "unidentified-armed-group",
            "civilians-bf",
            inter1=2,
            inter2=7,
            country="BF",
            admin1="Sahel",
            admin2="Oudalan",
            latitude=14.45,
            longitude=-0.23,
            event_type="Violence against civilians",
        ),
    ]
    found = {a.event_id: a for a in attribution.attribute(_frame(unclaimed))}
    assert set(found) == {"u1", "u2"}
    assert found["u1"].candidates[0][0] == "jnim" and found["u1"].candidates[0][1] > 0.9
    assert found["u2"].candidates[0][0] == "is-sahel"
    assert sum(p for _, p in found["u1"].candidates) == pytest.approx(1.0)
    out = found["u1"].to_dict()
    assert out["label"].startswith("inference") and out["basis"]["admin1"] == "BF/Est"
    assert attribution.attribute(_frame(unclaimed), ["u2"])[0].event_id == "u2"


def test_calibration_on_a_time_split_hides_known_perpetrators() -> None:
    cal = attribution.evaluate(_frame(), cutoff=D(2020, 6, 1))
    assert cal.test_events > 30 and cal.train_events > 60
    assert cal.top1 == 1.0 and cal.top3 == 1.0  # the two groups never share a place or a target
    assert 0 <= cal.brier < 0.1 and cal.log_loss < 0.2
    assert sum(r["events"] for r in cal.reliability) == cal.test_events


def test_calibration_metrics_are_right_on_a_known_case() -> None:
    table = attribution.reliability(
        np.array([0.95, 0.9, 0.55, 0.52]), np.array([True, False, True, False]), 10
    )
    assert table == [
        {"bin": "0.5-0.6", "events": 2, "mean_probability": 0.535, "accuracy": 0.5},
        {"bin": "0.9-1.0", "events": 2, "mean_probability": 0.925, "accuracy": 0.5},
    ]


def test_shared_ground_is_less_certain_than_home_ground() -> None:
    rows = burkina_groups()
    # Both groups also strike in Centre-Nord (Kaya) with the same tactic and target.
    for i in range(40):
        for actor in ("jnim", "is-sahel"):
            rows.append(
                ev(
                    f"m{actor}{i}",
                    D(2019, 2, 1 + i % 27),
                    actor,
                    "bf-military",
                    inter1=2,
                    inter2=1,
                    country="BF",
                    admin1="Centre-Nord",
                    admin2="Sanmatenga",
                    latitude=13.09,
                    longitude=-1.08,
                    event_type="Battles",
                    tactics=["IED"],
                )
            )
    rows.append(
        ev(
            "u3",
            D(2021, 3, 1),
            "unidentified-armed-group",
            "bf-military",
            inter1=2,
            inter2=1,
            country="BF",
            admin1="Centre-Nord",
            admin2="Sanmatenga",
            latitude=13.09,
            longitude=-1.08,
            event_type="Battles",
            tactics=["IED"],
        )
    )
    rows.append(
        ev(
            "u4",
            D(2021, 3, 1),
            "unidentified-armed-group",
            "bf-military",
            inter1=2,
            inter2=1,
            country="BF",
            admin1="Est",
            admin2="Gourma",
            latitude=12.07,
            longitude=0.36,
            event_type="Battles",
            sub_event_type="Armed clash",
            tactics=["IED"],
        )
    )
    found = {a.event_id: a for a in attribution.attribute(frame.from_records(rows))}
    shared, home = found["u3"].candidates, found["u4"].candidates
    assert {shared[0][0], shared[1][0]} == {"jnim", "is-sahel"} and home[0][0] == "jnim"
    assert shared[0][1] < home[0][1] and shared[1][1] > home[1][1] * 100


def test_no_known_perpetrators_is_an_error() -> None:
    with pytest.raises(ValueError, match="no events"):
        attribution.fit(
            frame.from_records([ev("u", D(2021, 1, 1), "unidentified-armed-group", None, inter1=2)])
        )
