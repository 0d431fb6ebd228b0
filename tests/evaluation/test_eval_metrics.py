from __future__ import annotations

import itertools

import pytest

from harmattan.evaluation import Canon, GoldEvent, admin_key, haversine_km, match_events
from harmattan.evaluation.metrics import LabelF1, SetF1, label_scores, within_fraction
from harmattan.records import Event


def test_macro_f1_hand_computed() -> None:
    labels = LabelF1()
    for gold, pred in [("A", "A"), ("A", "B"), ("B", "B"), ("B", "B")]:
        labels.pair(gold, pred)
    # A: P=1/1 R=1/2 F=2/3; B: P=2/3 R=2/2 F=0.8
    assert labels.per_label() == pytest.approx({"A": 2 / 3, "B": 0.8})
    assert labels.macro() == pytest.approx((2 / 3 + 0.8) / 2)
    labels.pair(None, "C")  # an unmatched prediction: C gets F1 0 and pulls the macro average down
    assert labels.macro() == pytest.approx((2 / 3 + 0.8 + 0.0) / 3)


def test_set_f1_micro() -> None:
    tactics = SetF1()
    tactics.add({"ambush"}, {"ambush", "IED"})
    tactics.add({"IED", "arson"}, {"IED"})
    assert tactics.result() == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [(12, 10, True), (10, 12, True), (10, 13, False), (0, 0, True), (0, 1, False), (5, None, False)],
)
def test_within_twenty_percent(gold: int, pred: int | None, ok: bool) -> None:
    assert within_fraction(gold, pred) is ok


def test_haversine_ten_km_boundary() -> None:
    assert haversine_km(14.0, -1.0, 14.0, -1.0) == 0.0
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(14.0, -1.0, 14.089, -1.0) < 10.0 < haversine_km(14.0, -1.0, 14.091, -1.0)


def test_admin_key_strips_affixes_and_accents() -> None:
    assert admin_key("Province du Séno") == admin_key("Seno province") == admin_key("SENO") == "seno"
    assert admin_key("Centre-Nord") == admin_key("Centre Nord region") == "centre nord"
    assert admin_key("Région de Ménaka") == "menaka"
    assert admin_key(None) is None


def _gold(event_type: str, date: str, lat: float, actor: str) -> GoldEvent:
    event = Event.from_dict({"event_type": event_type, "event_date": date, "latitude": lat, "longitude": 0.0})
    event.actor1_id = actor
    return GoldEvent(event=event, fields=frozenset({"event_type", "location", "actor1"}))


def test_matching_three_gold_two_predicted_is_order_independent() -> None:
    gold = [
        _gold("Battles", "2020-01-01", 14.0, "jnim"),
        _gold("Violence against civilians", "2020-01-02", 13.0, "is-sahel"),
        _gold("Battles", "2020-01-05", 12.0, "bf-military"),
    ]
    predicted = [
        Event.from_dict(
            {"event_type": "Battles", "event_date": "2020-01-05", "latitude": 12.0, "longitude": 0.0}
        ),
        Event.from_dict({"event_type": "Violence against civilians", "event_date": "2020-01-02"}),
    ]
    canon = Canon(use_pack=False)
    pairs = match_events(gold, predicted, canon)
    assert sorted(pairs) == [(1, 1), (2, 0)]
    expected = {(id(gold[g]), id(predicted[p])) for g, p in pairs}
    for gold_order in itertools.permutations(gold):
        for pred_order in itertools.permutations(predicted):
            got = match_events(list(gold_order), list(pred_order), canon)
            assert {(id(gold_order[g]), id(pred_order[p])) for g, p in got} == expected


def test_unrelated_events_are_not_matched() -> None:
    gold = [_gold("Battles", "2020-01-01", 14.0, "jnim")]
    predicted = [Event.from_dict({"event_type": "Protests", "event_date": "2021-06-01"})]
    assert match_events(gold, predicted, Canon(use_pack=False)) == []


def test_admin_names_compare_through_pack_aliases() -> None:
    canon = Canon()
    if not canon.has_pack:
        pytest.skip("region pack not available")
    # Burkina Faso's 2025 reform renamed the Sahel region Liptako; gold written before it says "Sahel".
    assert canon.same_admin("Sahel", "Liptako", "BF", 1)
    assert canon.same_admin("Province du Soum", "Soum", "BF", 2)
    assert not canon.same_admin("Sahel", "Yaadga", "BF", 1)
    assert Canon(use_pack=False).same_admin("Seno province", "Séno", "BF", 2)


def test_current_admin_names_of_a_gold_place() -> None:
    canon = Canon()
    if not canon.has_pack:
        pytest.skip("region pack not available")
    admin1, admin2 = canon.current_admins("Djibo", "BF", 14.0994, -1.6255)
    # Gold says Sahel/Soum (GeoNames 2020); the pack's current names must name the same area.
    assert admin1 is not None and admin2 is not None
    assert canon.current_admins("Djibo", "BF", 11.0, 1.0) == (None, None)  # no Djibo within 10 km


def test_label_scores_count_accuracy_macro_f1_and_confusions() -> None:
    s = label_scores(["a", "a", "b", "none"], ["a", "b", "b", "none"])
    assert s.accuracy == 0.75
    assert s.per_label == {"a": pytest.approx(2 / 3), "b": pytest.approx(2 / 3), "none": 1.0}
    assert s.confusions == [("a", "b", 1)]
