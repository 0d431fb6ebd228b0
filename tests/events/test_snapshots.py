"""Snapshots: immutable, hashed, the same data hashes the same, diffs name what changed."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from harmattan.events import corrections, snapshots
from harmattan.events.fusion import fuse
from harmattan.events.observatory import Observatory
from harmattan.settings import Settings
from harmattan.store.database import Database


def test_create_verify_and_refuse_to_overwrite(
    processed: Database, settings: Settings, tmp_path: Path
) -> None:
    info = snapshots.create(processed, "2024-05-v1", tmp_path)
    assert (
        info.counts == {"events": 5, "reports": 9, "claims": info.counts["claims"]}
        and info.counts["claims"] > 20
    )
    assert info.pipeline_versions == ["replay-1"]
    files = sorted(p.name for p in info.path.iterdir())
    assert files == ["claims.csv", "codebook.md", "events.csv", "manifest.json", "sources.csv"]
    assert (
        not os.access(info.path / "events.csv", os.W_OK) or os.geteuid() == 0
    )  # read-only (root ignores modes)
    manifest = snapshots.verify(info.path)
    assert manifest["sha256"] == info.sha256 and manifest["counts"]["events"] == 5
    with (info.path / "events.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == ["event_key", "event_date", "date_precision"] and "id" not in header
    with pytest.raises(snapshots.SnapshotError, match="immutable"):
        snapshots.create(processed, "2024-05-v1", tmp_path)
    assert [s["name"] for s in snapshots.list_all(processed)] == ["2024-05-v1"]
    # The same data gives the same hash.
    assert snapshots.create(processed, "again", tmp_path).sha256 == info.sha256
    # Tampering is detected.
    target = info.path / "events.csv"
    os.chmod(target, 0o644)
    target.write_text(target.read_text(encoding="utf-8").replace(",12,", ",13,"), encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError, match="changed"):
        snapshots.verify(info.path)


def test_diff_names_added_removed_and_changed(
    processed: Database, settings: Settings, tmp_path: Path
) -> None:
    old = snapshots.create(processed, "before", tmp_path)
    events = Observatory(processed, settings).find()
    ambush = next(e for e in events if e["n_reports"] == 4)
    gao = next(e for e in events if e["location"] == "Gao")
    corrections.record(processed, "override", [ambush["event_key"]], "ana", "update", "fatalities", "14")
    corrections.record(processed, "reject", [gao["event_key"]], "ana", "duplicate feed item")
    fuse(processed)
    new = snapshots.create(processed, "after", tmp_path)
    result = snapshots.diff(old.path, new.path)
    assert result.removed == [gao["event_key"]] and result.added == []
    assert result.changed[ambush["event_key"]]["fatalities"] == ("12", "14")
    assert snapshots.diff(old.path, old.path).unchanged
    manifest = json.loads((new.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["events"] == 4
