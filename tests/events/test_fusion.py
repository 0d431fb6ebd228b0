"""Fusion across reports: same occurrence merged with reason and score, syndication, conflicting claims."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conftest import run, state_of
from harmattan.events.fusion import cluster, fuse
from harmattan.events.observatory import Observatory
from harmattan.events.rules import Report, compare, load_rules
from harmattan.settings import Settings
from harmattan.store.database import Database


def by_location(obs: Observatory) -> dict[tuple[str, str], dict[str, Any]]:
    return {(str(e["event_date"]), e["location"]): e for e in obs.find(sources=True)}


def test_reports_of_one_ambush_become_one_event_with_sourced_claims(
    processed: Database, settings: Settings
) -> None:
    events = by_location(Observatory(processed, settings))
    assert len(events) == 5
    ambush = events[("2024-05-12", "Ménaka")]
    # Four reports, three independent sources: the Malijet copy of RFI's story speaks once.
    assert (ambush["n_reports"], ambush["n_sources"]) == (4, 3)
    assert ambush["fatalities"] == 12  # the most conservative figure: 12 (Studio Tamani), not 20 (RFI)
    assert ambush["tactics"] == "ambush; armed drone"
    assert ambush["geo_precision"] == 1 and ambush["latitude"] in (15.918, 15.92)
    deaths = sorted(
        (c["value"], c["source_name"], bool(c["chosen"]))
        for c in ambush["claims"]
        if c["field"] == "fatalities"
    )
    assert deaths == [("12", "Studio Tamani", True), ("20", "RFI", False)]
    neutralised = [c for c in ambush["claims"] if c["field"] == "neutralised"]
    assert [(c["value"], c["claimant"], c["source_name"]) for c in neutralised] == [
        ("12", "Malian army", "FAMa")
    ]
    assert "12 (Studio Tamani), 20 (RFI)" in ambush["notes"]
    hows = sorted(m["how"] for m in ambush["members"])
    assert hows == ["auto", "auto", "auto", "seed"]
    members = {m["source_name"]: m for m in ambush["members"]}
    assert sorted(m["how"] for m in members.values()) == ["auto", "auto", "auto", "seed"]
    # The Malijet copy and its RFI original join as one story, whichever of the two came first.
    copies = [m for m in members.values() if m["reason"] and "syndicated" in m["reason"]]
    assert [m["source_name"] for m in copies] in (["RFI"], ["Malijet"]) and copies[0]["score"] >= 0.9
    for m in members.values():
        if m["how"] == "auto" and m not in copies:
            assert 0.55 <= m["score"] <= 1.0 and "Δ0d" in m["reason"]


def test_neighbours_stay_apart_and_the_log_says_why(processed: Database, settings: Settings) -> None:
    events = by_location(Observatory(processed, settings))
    assert events[("2024-05-12", "Gao")]["n_reports"] == 1  # same day, same army, 300 km away
    assert events[("2024-05-20", "Ménaka")]["n_reports"] == 1  # same place, a week later
    assert events[("2024-05-15", "Algiers")]["n_sources"] == 2  # a political interaction, two outlets
    assert events[("2024-05-12", "Djibo")]["country"] == "BF"


def test_fusion_is_deterministic_and_skips_when_nothing_changed(
    processed: Database, settings: Settings
) -> None:
    before = state_of(processed)
    assert fuse(processed).skipped
    again = fuse(processed, force=True)
    assert not again.skipped and again.events == 5 and again.merges == 4
    assert state_of(processed) == before


def report(**fields: Any) -> Report:
    base = {
        "event_date": dt.date(2024, 5, 12),
        "date_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "country": "ML",
        "latitude": 15.92,
        "longitude": 2.40,
        "geo_precision": 1,
        "actor1_id": "jnim",
        "actor2_id": "ml-military",
    }
    base.update(fields)
    rules = load_rules()
    row = {
        "id": fields.get("doc", 1),
        "report_key": f"k{fields.get('doc', 1)}",
        "document_id": fields.get("doc", 1),
        "content_hash": "0" * 64,
        "ordinal": 0,
        "source_unit": fields.get("doc", 1),
        **base,
    }
    return Report.from_row(row, rules)


def test_rule_limits() -> None:
    rules = load_rules()
    a = report(doc=1)
    assert compare(a, report(doc=2), rules).same
    assert not compare(a, report(doc=1), rules).same  # one document's events were told apart by the extractor
    assert compare(a, report(doc=2, event_date=dt.date(2024, 5, 13)), rules).same
    far_day = compare(a, report(doc=2, event_date=dt.date(2024, 5, 15)), rules)
    assert not far_day.same and "3 days apart" in far_day.reason
    # A week-precise report may sit anywhere in its week.
    assert compare(a, report(doc=2, event_date=dt.date(2024, 5, 15), date_precision=2), rules).same
    assert not compare(a, report(doc=2, country="BF"), rules).same
    assert not compare(a, report(doc=2, actor1_id="is-sahel", actor2_id="ne-military"), rules).same
    # Unidentified attackers do not keep reports apart; another type must be a compatible one.
    assert compare(a, report(doc=2, actor1_id="unidentified-armed-group"), rules).same
    assert compare(a, report(doc=2, event_type="Violence against civilians"), rules).same
    assert not compare(a, report(doc=2, event_type="Protests"), rules).same
    region_only = report(doc=2, latitude=None, longitude=None, geo_precision=3, admin1="Ménaka")
    assert compare(report(doc=1, admin1="Menaka"), region_only, rules).same
    assert not compare(report(doc=1, admin1="Gao"), region_only, rules).same


def test_reprocessing_rows_keeps_event_keys(processed: Database, settings: Settings) -> None:
    keys = {e["event_key"] for e in Observatory(processed, settings).find()}
    with processed.engine.begin() as conn:
        from harmattan.store.schema_events import event_reports, processed_documents

        conn.execute(processed_documents.delete())
        conn.execute(event_reports.delete())
    run(processed, settings)
    assert {e["event_key"] for e in Observatory(processed, settings).find()} == keys


def test_cluster_keeps_near_misses_with_their_reason() -> None:
    rules = load_rules()
    near = report(doc=2, latitude=15.92 + 0.3)  # 33 km north: beyond the 25 km of town-precise reports
    same = report(doc=3, event_date=dt.date(2024, 5, 13))
    clusters, links, misses = cluster([report(doc=1), near, same], rules)
    assert sorted(sorted(c) for c in clusters) == [[0, 2], [1]]
    assert links[2].how == "auto" and links[2].matched == 0 and "Δ1d" in (links[2].reason or "")
    assert [(m["report_id"], m["other_report_id"]) for m in misses] == [(2, 1)]
    assert "33 km apart (limit 25)" in misses[0]["reason"]


def test_an_undated_copy_joins_its_dated_original() -> None:
    rules = load_rules()
    original = report(doc=1)
    copy = report(doc=2, event_date=None, location="Ménaka")
    copy.source_unit = original.source_unit = 1
    original.folds = copy.folds
    other = report(doc=3, event_date=None, location="Ménaka")  # undated, not a copy: stays alone
    clusters, links, _ = cluster([original, copy, other], rules)
    assert sorted(sorted(c) for c in clusters) == [[0, 1], [2]]
    assert "syndicated" in (links[1].reason or "")


def test_a_dated_copy_gives_the_date_its_original_lacks() -> None:
    from harmattan.events.claims import fuse_fields

    original = report(doc=1, event_date=None, location="Bamako")
    copy = report(doc=2, location="Bamako")
    original.source_unit = copy.source_unit = 1
    fused = fuse_fields([original, copy])
    assert (fused["event_date"], fused["n_reports"], fused["n_sources"]) == (dt.date(2024, 5, 12), 2, 1)
