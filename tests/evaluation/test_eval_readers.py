from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from harmattan.evaluation import GoldFormatError, cameo_to_plover, detect_format, read_gold


def test_detect_format(fixtures: Path) -> None:
    assert detect_format(fixtures / "gold_small.jsonl") == "jsonl"
    assert detect_format(fixtures / "ucdp_small.csv") == "ucdp"
    assert detect_format(fixtures / "plover_small.json") == "plover"
    assert detect_format(fixtures / "petrarch_small.xml") == "petrarch"
    assert detect_format(fixtures / "case2021_small.tsv") == "case2021"


def test_unknown_format_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"notes\.csv"):
        read_gold(path)


def test_jsonl_reader_fields_and_filters(fixtures: Path) -> None:
    passages = read_gold(fixtures / "gold_small.jsonl")
    assert [p.id for p in passages] == ["en-0001", "fr-0001", "en-0002"]
    first = passages[0]
    assert first.published == dt.date(2019, 4, 12) and first.language == "en" and first.exhaustive
    battle = first.events[0]
    assert battle.event.actor2_id == "bf-military" and battle.event.tactics == ["ambush"]
    assert {"event_type", "location", "fatalities", "tactics", "inter2"} <= battle.fields
    assert "plover_type" not in battle.fields  # null in gold: not stated, not scored
    assert [p.id for p in read_gold(fixtures / "gold_small.jsonl", split="test")] == ["fr-0001", "en-0002"]
    assert [p.id for p in read_gold(fixtures / "gold_small.jsonl", lang="fr")] == ["fr-0001"]
    assert len(read_gold(fixtures / "gold_small.jsonl", limit=1)) == 1


def test_jsonl_reader_reports_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "t", "events": []}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.jsonl:2"):
        read_gold(path)


def test_ucdp_reader_groups_rows_and_scores_only_mentioned_fields(fixtures: Path) -> None:
    passages = read_gold(fixtures / "ucdp_small.csv")
    assert len(passages) == 2  # rows 1001+1002 share a text; 1003 is a bare hashtag
    shared, french = passages
    assert shared.text.splitlines()[:2] == [
        "Twelve soldiers killed in attack near Djibo",
        "JNIM claims the attack",
    ]
    # no publication date in the export: the day after date_start stands for it
    assert shared.published == dt.date(2019, 4, 11) and shared.language == "en" and not shared.exhaustive
    battle, one_sided = shared.events
    assert battle.event_types == ("Battles", "Explosions/Remote violence") and battle.unordered_actors
    assert (
        battle.event.location == "Djibo" and battle.event.admin1 == "Sahel" and battle.event.admin2 == "Soum"
    )
    assert battle.event.geo_precision == 1 and battle.fatalities_range == (10, 15)
    assert {"actor1", "actor2", "location", "admin2", "fatalities", "event_date"} <= battle.fields
    # Fada N'Gourma is not named in the text, IS is not named, date_prec 2 is not a day.
    assert not {"location", "admin1", "actor1", "event_date"} & one_sided.fields
    assert one_sided.event.geo_precision == 2 and one_sided.event.date_precision == 2
    assert french.language == "fr" and french.events[0].event.actor1_id == "koglweogo"
    assert {"actor1", "actor2", "location"} <= french.events[0].fields
    assert "fatalities" not in french.events[0].fields  # no toll in the headline


def test_ucdp_real_file(shared_gold: Path) -> None:
    passages = read_gold(shared_gold / "ucdp_ged_sahel_train.csv")
    assert len(passages) == 480
    assert sum(len(p.events) for p in passages) == 587  # 673 rows less 86 hashtag-only ones
    hotel = next(p for p in passages if "219115" in p.meta["ucdp_ids"])
    assert hotel.text.startswith("Al-Qaeda attack on Burkina hotel kills 20")
    event = next(e for e in hotel.events if e.event.actor1 == "AQIM")
    assert event.event.fatalities == 25 and event.fatalities_range == (25, 30)
    assert event.event.location == "Ouagadougou" and event.event.admin2 == "Kadiogo"
    assert event.event_types[0] == "Violence against civilians" and "fatalities" in event.fields
    assert Counter(p.language for p in passages)["fr"] >= 40


def test_plover_reader(fixtures: Path) -> None:
    passages = read_gold(fixtures / "plover_small.json")
    assert [p.events[0].event.plover_type for p in passages] == ["AGREE", "ASSAULT"]
    assert passages[1].events[0].event.fatalities == 5 and "fatalities" in passages[1].events[0].fields
    assert all(p.scope == "plover" for p in passages)


def test_plover_real_file(shared_gold: Path) -> None:
    passages = read_gold(shared_gold / "plover_gsr.txt")
    assert len(passages) == 322
    counts = Counter(p.events[0].event.plover_type for p in passages)
    assert counts["AGREE"] == 40 and counts["COOPERATE"] == 4
    assert passages[0].id == "PLOVER-GSR01-AGREE-0001"


def test_petrarch_reader_maps_cameo_and_merges_reciprocal_codings(fixtures: Path) -> None:
    s1, s2, s3 = read_gold(fixtures / "petrarch_small.xml")
    assert [e.event.plover_type for e in s1.events] == ["AGREE"]
    assert s1.text == "Brazil and the United States agreed to deepen a partnership in energy."
    assert s2.events == [] and s2.exhaustive
    assert [e.event.plover_type for e in s3.events] == ["RETREAT"] and not s3.exhaustive  # 013 has no type
    assert s3.published == dt.date(2008, 8, 8)


def test_cameo_to_plover_longest_prefix() -> None:
    assert cameo_to_plover("0841") == "RETREAT"
    assert cameo_to_plover("080") == "CONCEDE"
    assert cameo_to_plover("190") == "FIGHT"
    assert cameo_to_plover("1923") == "COERCE"
    assert cameo_to_plover("015") is None


def test_petrarch_real_file(shared_gold: Path) -> None:
    passages = read_gold(shared_gold / "petrarch2_gsr_validation.xml")
    assert len(passages) == 78
    assert sum(1 for p in passages if not p.events and p.exhaustive) == 12
    assert passages[0].id == "AFP0808020625_4" and passages[0].events[0].event.plover_type == "CONSULT"


def test_case2021_reader(fixtures: Path) -> None:
    clash, flood, protest = read_gold(fixtures / "case2021_small.tsv")
    assert (
        clash.events[0].event.event_type == "Battles"
        and clash.events[0].event.sub_event_type == "Armed clash"
    )
    assert flood.events == [] and not flood.exhaustive
    assert protest.events[0].event.event_type == "Protests"


def test_ucdp_bad_row_names_its_id(fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "ucdp_small.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",1,Government of Burkina Faso", ",x,Government of Burkina Faso", 1)
    path = tmp_path / "ucdp_bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="row id '1001'"):
        read_gold(path)


def test_labelled_snippets_reader(tmp_path: Path) -> None:
    rows = [
        {"id": "s-1", "language": "en", "text": "Gunmen stormed a post in Boni.", "event_type": "Battles",
         "sub_event_type": "Armed clash", "style": "lead"},
        {"id": "s-2", "language": "fr", "text": "Le prix du mil a encore augmenté.", "event_type": None,
         "sub_event_type": None, "style": "lead"},
    ]  # fmt: skip
    path = tmp_path / "snippets.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert detect_format(path) == "snippets"
    clash, none = read_gold(path)
    assert clash.events[0].event.event_type == "Battles" and clash.events[0].fields == {
        "event_type",
        "sub_event_type",
    }
    assert none.events == [] and none.exhaustive and none.language == "fr"  # a prediction is a false alarm
    path.write_text(json.dumps({**rows[0], "sub_event_type": "Skirmish"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="unknown sub_event_type 'Skirmish'"):
        read_gold(path)
