"""Analysts' corrections: stored apart, applied at every fusion, kept across re-processing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from conftest import run
from harmattan.events import corrections
from harmattan.events.fusion import fuse
from harmattan.events.observatory import Observatory
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema_events import corrections as corrections_table


def event_at(db: Database, settings: Settings, date: str, location: str) -> dict[str, Any]:
    obs = Observatory(db, settings)
    found = [e for e in obs.find(sources=True) if str(e["event_date"]) == date and e["location"] == location]
    assert len(found) == 1, found
    return found[0]


def ambush(db: Database, settings: Settings) -> dict[str, Any]:
    return event_at(db, settings, "2024-05-12", "Ménaka")


def test_override_survives_reprocessing_by_a_newer_pipeline(
    processed: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = ambush(processed, settings)["event_key"]
    corrections.record(
        processed, "override", [key], "analyst@example.org", "hospital count", "fatalities", "15"
    )
    assert fuse(processed).corrections_applied == 1
    fixed = ambush(processed, settings)
    assert fixed["fatalities"] == 15 and fixed["corrected"]
    assert "hospital count" in fixed["notes"]
    # The machine's claims are still there, untouched by the correction.
    assert sorted(c["value"] for c in fixed["claims"] if c["field"] == "fatalities") == ["12", "20"]
    monkeypatch.setenv("REPLAY_VERSION", "replay-2")
    report = run(processed, settings)
    assert report.documents == 10 and report.fusion is not None and report.fusion.corrections_applied == 1
    again = ambush(processed, settings)
    assert again["fatalities"] == 15
    assert {m["pipeline_version"] for m in again["members"]} == {"replay-2"}
    with processed.engine.connect() as conn:
        row = conn.execute(select(corrections_table)).one()
    assert (row.state, row.author, row.applied_event_key) == ("applied", "analyst@example.org", key)


def test_reject_hides_a_false_positive_and_restore_brings_it_back(
    processed: Database, settings: Settings
) -> None:
    market = event_at(processed, settings, "2024-05-12", "Djibo")
    corrections.record(processed, "reject", [market["event_key"]], "ana", "not in the article")
    fuse(processed)
    obs = Observatory(processed, settings)
    assert market["event_key"] not in {e["event_key"] for e in obs.find()}
    assert obs.event(market["event_key"])["status"] == "rejected"  # kept, only hidden
    corrections.record(processed, "restore", [market["event_key"]], "ana", "it was right after all")
    fuse(processed)
    assert market["event_key"] in {e["event_key"] for e in obs.find()}


def test_split_undoes_a_merge_and_merge_redoes_it(processed: Database, settings: Settings) -> None:
    event = ambush(processed, settings)
    fama = next(m for m in event["members"] if m["source_name"] == "FAMa")
    corrections.record(
        processed, "split", [event["event_key"]], "ana", "another clash", report_keys=[fama["report_key"]]
    )
    assert fuse(processed).events == 6
    obs = Observatory(processed, settings)
    both = sorted(
        (
            e
            for e in obs.find(sources=True)
            if (e["location"] == "Ménaka" and e["n_reports"] != 1) or e["members"][0]["source_name"] == "FAMa"
        ),
        key=lambda e: e["n_reports"],
    )
    fama_event, rest = both
    assert rest["n_reports"] == 3 and rest["fatalities"] == 12
    assert [m["how"] for m in fama_event["members"]] == ["split"]
    corrections.record(processed, "merge", [rest["event_key"], fama_event["event_key"]], "ana", "same clash")
    assert fuse(processed).events == 5
    merged = ambush(processed, settings)
    assert merged["n_reports"] == 4
    assert [m["how"] for m in merged["members"] if m["source_name"] == "FAMa"] == ["analyst"]


def test_merge_of_events_the_rule_kept_apart(processed: Database, settings: Settings) -> None:
    gao = event_at(processed, settings, "2024-05-12", "Gao")
    menaka = ambush(processed, settings)
    corrections.record(processed, "merge", [menaka["event_key"], gao["event_key"]], "ana", "misplaced by RFI")
    fuse(processed)
    assert ambush(processed, settings)["n_reports"] == 5


def test_unresolvable_correction_is_kept_and_exported_as_gold(
    processed: Database, settings: Settings, tmp_path: Any
) -> None:
    key = ambush(processed, settings)["event_key"]
    cid = corrections.record(processed, "override", [key], "ana", "wrong", "event_type", "Riots")
    with processed.engine.begin() as conn:  # the anchored documents disappear from the current reports
        from harmattan.store.schema_events import processed_documents

        conn.execute(processed_documents.update().values(is_current=False))
    report = fuse(processed)
    assert (report.events, report.corrections_unresolved) == (0, 1)
    gold = corrections.export_gold(processed)
    assert [(g["correction"], g["state"], g["field"], g["value"]) for g in gold] == [
        (cid, "unresolved", "event_type", "Riots")
    ]
    assert len(gold[0]["documents"]) == 4  # the four documents of the ambush, Malijet copy included
    line = json.loads(corrections.dumps_gold(gold).splitlines()[0])
    assert line["anchors"][0]["event_date"] == "2024-05-12"


def test_bad_corrections_are_refused(processed: Database, settings: Settings) -> None:
    key = ambush(processed, settings)["event_key"]
    with pytest.raises(corrections.CorrectionError, match="cannot be corrected"):
        corrections.record(processed, "override", [key], "ana", "x", "colour", "red")
    with pytest.raises(corrections.CorrectionError, match="not a valid int"):
        corrections.record(processed, "override", [key], "ana", "x", "fatalities", "many")
    with pytest.raises(corrections.CorrectionError, match="no event"):
        corrections.record(processed, "reject", ["Enope"], "ana", "x")
    with pytest.raises(corrections.CorrectionError, match="author and a reason"):
        corrections.record(processed, "reject", [key], "ana", " ")
