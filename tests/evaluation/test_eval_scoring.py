from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixed_predictor import FixedPredictor

from harmattan.evaluation import Canon, evaluate, read_gold, validate_gold_file


@pytest.fixture
def report(fixtures: Path, tmp_path: Path) -> dict:
    passages = read_gold(fixtures / "gold_small.jsonl")
    result = evaluate(
        passages, extractor=FixedPredictor(), errors_path=tmp_path / "errors.jsonl", canon=Canon(False)
    )
    return result.to_dict()


def test_event_level_counts_and_false_alarms(report: dict) -> None:
    everything = report["groups"]["all"]
    assert (everything["gold_events"], everything["predicted_events"], everything["matched"]) == (3, 4, 3)
    assert everything["precision"] == 0.75 and everything["recall"] == 1.0
    assert everything["f1"] == pytest.approx(0.8571, abs=1e-4)
    assert (everything["empty_passages"], everything["false_alarm_passages"], everything["false_alarms"]) == (
        1,
        1,
        1,
    )
    assert report["groups"]["fr"]["precision"] == 1.0 and report["groups"]["en"][
        "precision"
    ] == pytest.approx(0.6667)


def test_field_metrics_hand_computed(report: dict) -> None:
    fields = report["groups"]["all"]["fields"]
    assert fields["event_type"]["accuracy"] == 1.0 and fields["event_type"]["n"] == 3
    assert fields["event_type"]["macro_f1"] == 1.0  # every matched pair has the right type
    # ... but the false alarm adds "Strategic developments" with F1 0 once unmatched events count
    assert fields["event_type"]["macro_f1_all"] == 0.75
    assert fields["sub_event_type"]["macro_f1"] == 1.0 and fields["sub_event_type"]["macro_f1_all"] == 0.75
    assert fields["actor1"]["accuracy"] == fields["actor2"]["accuracy"] == 1.0
    assert fields["admin2"]["accuracy"] == 1.0  # "Seno" == "Province du Séno"
    assert fields["location"]["within_10km"] == 1.0  # Djibo is 7.9 km off: within 10 km
    assert fields["event_date"]["exact"] == pytest.approx(2 / 3, abs=1e-4)
    assert fields["event_date"]["within_1_day"] == 1.0
    assert fields["fatalities"]["exact"] == pytest.approx(2 / 3, abs=1e-4)
    assert fields["fatalities"]["within_20pct"] == 1.0
    assert fields["tactics"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert fields["tactics"]["recall"] == 1.0 and fields["tactics"]["f1"] == 0.8
    assert "accuracy" not in fields["plover_type"]


def test_errors_file_lists_mismatches(report: dict, tmp_path: Path) -> None:
    records = [
        json.loads(line) for line in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == {"en-0001", "fr-0001", "en-0002"}
    fields = {m["field"] for m in by_id["en-0001"]["mismatches"]}
    assert fields == {"fatalities", "tactics"}
    assert by_id["fr-0001"]["mismatches"][0]["field"] == "event_date"
    assert by_id["en-0002"]["spurious"][0]["event_type"] == "Strategic developments"


def test_location_far_away_is_wrong(fixtures: Path) -> None:
    passages = read_gold(fixtures / "gold_small.jsonl", lang="fr")
    predictor = FixedPredictor()
    predictor.by_id["fr-0001"][0]["latitude"] = 14.30  # about 15 km north of Seytenga
    fields = evaluate(passages, extractor=predictor, canon=Canon(False)).to_dict()["groups"]["all"]["fields"]
    assert fields["location"]["within_10km"] == 0.0


def test_ucdp_unordered_sides_and_ranges(fixtures: Path) -> None:
    passages = read_gold(fixtures / "ucdp_small.csv")[:1]
    predictor = FixedPredictor()
    # initiator JNIM, target the army: UCDP lists the government first, the scorer accepts either order.
    predictor.by_id[passages[0].id] = [
        {
            "event_type": "Battles",
            "event_date": "2019-04-10",
            "actor1_id": "jnim",
            "inter1": 2,
            "actor2_id": "bf-military",
            "inter2": 1,
            "country": "BF",
            "admin1": "Sahel",
            "admin2": "Soum",
            "location": "Djibo",
            "latitude": 14.1,
            "longitude": -1.63,
            "geo_precision": 1,
            "fatalities": 11,
        }
    ]
    fields = evaluate(passages, extractor=predictor, canon=Canon(False)).to_dict()["groups"]["all"]["fields"]
    assert fields["actor1"]["accuracy"] == fields["actor2"]["accuracy"] == 1.0
    assert fields["inter1"]["accuracy"] == 1.0
    assert fields["fatalities"]["exact"] == 0.0 and fields["fatalities"]["within_low_high"] == 1.0
    assert fields["event_type"]["accuracy"] == 1.0


def test_extractor_failure_is_reported_not_raised(fixtures: Path, tmp_path: Path) -> None:
    passages = read_gold(fixtures / "gold_small.jsonl", limit=1)
    passages[0].text = "boom"
    report = evaluate(
        passages, extractor=FixedPredictor(), errors_path=tmp_path / "e.jsonl", canon=Canon(False)
    )
    assert report.to_dict()["failures"] == 1
    assert "predictor failure" in json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))["failure"]


def test_two_workers_give_the_same_scores(fixtures: Path) -> None:
    passages = read_gold(fixtures / "gold_small.jsonl")
    one = evaluate(passages, extractor=FixedPredictor(), canon=Canon(False)).to_dict()
    two = evaluate(passages, factory=FixedPredictor, workers=2, canon=Canon(False)).to_dict()
    assert two["speed"]["workers"] == 2 and one["groups"] == two["groups"]


def test_validator_flags_bad_labels(tmp_path: Path, fixtures: Path) -> None:
    assert [p for p in validate_gold_file(fixtures / "gold_small.jsonl") if p.level == "error"] == []
    bad = tmp_path / "bad.jsonl"
    line = json.loads((fixtures / "gold_small.jsonl").read_text(encoding="utf-8").splitlines()[1])
    line["events"][0].update(
        sub_event_type="Armed clash", inter1=9, tactics=["drone"], event_date="2023-02-01"
    )
    bad.write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    messages = [str(p) for p in validate_gold_file(bad)]
    assert any("sub_event_type 'Armed clash'" in m for m in messages)
    assert any("inter1 9" in m for m in messages) and any("unknown tactics ['drone']" in m for m in messages)
    assert any("warning: event 0: event_date 2023-02-01 after" in m for m in messages)
    assert any("duplicate id" in m for m in messages)


def test_ucdp_government_side_found_as_target(fixtures: Path, tmp_path: Path) -> None:
    """Only the army is right: UCDP's side_a (government) is scored against the predicted target."""
    passages = read_gold(fixtures / "ucdp_small.csv")[:1]
    predictor = FixedPredictor()
    predictor.by_id[passages[0].id] = [
        {"event_type": "Battles", "event_date": "2019-04-10", "actor1_id": "unidentified-armed-group",
         "inter1": 2, "actor2_id": "bf-military", "inter2": 1}
    ]  # fmt: skip
    report = evaluate(passages, extractor=predictor, errors_path=tmp_path / "e.jsonl", canon=Canon(False))
    fields = report.to_dict()["groups"]["all"]["fields"]
    assert fields["actor2"]["accuracy"] == 1.0 and fields["inter2"]["accuracy"] == 1.0
    assert fields["actor1"]["accuracy"] == 0.0  # JNIM is named in the text, the predictor missed it
    wrong = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))["mismatches"]
    assert {m["field"] for m in wrong} >= {"actor1"} and "jnim" in wrong[0]["gold"]


def test_type_only_gold_matches_a_wrong_type(fixtures: Path) -> None:
    """PLOVER gold has nothing but a type: a prediction of another type is matched and scored wrong."""
    passages = read_gold(fixtures / "plover_small.json")
    predictor = FixedPredictor()
    predictor.by_id = {
        passages[0].id: [{"plover_type": "CONSULT"}],
        passages[1].id: [{"plover_type": "ASSAULT"}],
    }
    group = evaluate(passages, extractor=predictor, canon=Canon(False)).to_dict()["groups"]["all"]
    assert group["matched"] == 2
    assert group["fields"]["plover_type"]["accuracy"] == 0.5
    # AGREE: FN, CONSULT: FP, ASSAULT: TP -> F1 0, 0, 1
    assert group["fields"]["plover_type"]["macro_f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_mixed_formats_are_also_reported_per_format(fixtures: Path) -> None:
    passages = read_gold(fixtures / "gold_small.jsonl") + read_gold(fixtures / "plover_small.json")
    groups = evaluate(passages, extractor=FixedPredictor(), canon=Canon(False)).to_dict()["groups"]
    assert list(groups)[:3] == ["all", "en", "fr"]
    assert groups["format:jsonl"]["passages"] == 3 and groups["format:plover"]["passages"] == 2
    assert groups["all"]["gold_events"] == groups["format:jsonl"]["gold_events"] + 2


def test_historical_events_are_optional_on_both_sides() -> None:
    from harmattan.evaluation.readers.jsonl import passage_from_dict

    new = {
        "event_date": "2024-05-02",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "historical": False,
    }
    old = {"event_date": "2019-03-23", "event_type": "Violence against civilians", "historical": True}
    passage = passage_from_dict(
        {"id": "h-1", "language": "en", "published_at": "2024-05-03", "text": "t", "events": [new, old]}
    )
    predictor = FixedPredictor()
    flagged = {"event_date": "2012-01-17", "event_type": "Battles", "historical": True}
    predictor.by_id = {"h-1": [dict(new), flagged]}
    group = evaluate([passage], extractor=predictor, canon=Canon(False)).to_dict()["groups"]["all"]
    # the 2019 massacre left out and the flagged 2012 background event are neither misses nor false alarms
    assert (group["gold_events"], group["predicted_events"], group["matched"]) == (1, 1, 1)
    assert group["fields"]["historical"]["accuracy"] == 1.0


def _unlisted_village_passage(predicted_location: str):  # type: ignore[no-untyped-def]
    from harmattan.evaluation.readers.jsonl import passage_from_dict

    gold = {
        "event_date": "2021-05-03", "event_type": "Battles", "sub_event_type": "Armed clash",
        "country": "NE", "location": "Tabatol", "latitude": None, "longitude": None,
    }  # fmt: skip
    passage = passage_from_dict(
        {"id": "v-1", "language": "en", "published_at": "2021-05-04", "text": "t", "events": [gold]}
    )
    predictor = FixedPredictor()
    at_region = {"latitude": 14.21, "longitude": 1.45, "country": "NE"}  # Tillabéri's point
    predictor.by_id = {"v-1": [{**gold, **at_region, "location": predicted_location}]}
    return passage, predictor


@pytest.mark.parametrize(("predicted", "within"), [("Tabatol", 1.0), ("Tillabéri", 0.0)])
def test_a_village_without_coordinates_is_scored_by_its_name(predicted: str, within: float) -> None:
    passage, predictor = _unlisted_village_passage(predicted)
    fields = evaluate([passage], extractor=predictor, canon=Canon()).to_dict()["groups"]["all"]["fields"]
    assert fields["location"]["within_10km"] == within


def test_gold_coordinates_are_never_a_fuzzy_namesakes() -> None:
    canon = Canon()
    assert canon.coordinates("Koulogon", "ML") is None  # GeoNames' "Koulogo" is another village
    assert canon.coordinates("Baga", "NG") is None  # the Baga the gazetteer has lies in Niger
    found = canon.coordinates("Banibangou", "NE")  # GeoNames "Bani Bangou": the loose spelling
    assert found is not None and abs(found[0] - 15.04) < 0.01
