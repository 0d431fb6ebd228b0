"""The shipped gold keeps its held-out split: every passage's split is the one the fixed rule gives."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _validator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("validate_gold", ROOT / "gold" / "validate_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _passages() -> list[dict[str, object]]:
    return [
        json.loads(line)
        for name in ("passages_en.jsonl", "passages_fr.jsonl")
        for line in (ROOT / "gold" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_split_is_the_rules() -> None:
    passages = _passages()
    expected = _validator().assign_splits(passages)
    wrong = [p["id"] for p in passages if p["split"] != expected[str(p["id"])]]
    assert wrong == []


def test_passages_read_while_tuning_are_never_held_out() -> None:
    seen = [p for p in _passages() if p.get("seen_in_tuning")]
    assert seen, "the session-5 batches read while tuning are marked"
    assert {p["split"] for p in seen} == {"dev"}
    # appending them did not move the rotation: a later unmarked passage still takes its place by the rule
    module = _validator()
    fresh = {"id": "en-9999", "language": "en", "events": [{"event_type": "Battles"}]}
    with_seen = module.assign_splits([*_passages(), fresh])
    without_seen = module.assign_splits([*(p for p in _passages() if not p.get("seen_in_tuning")), fresh])
    assert with_seen["en-9999"] == without_seen["en-9999"]


def test_an_incident_told_twice_stays_on_one_side_of_the_split() -> None:
    passages = _passages()
    by_id = {str(p["id"]): p for p in passages}
    twins = [p for p in passages if p.get("twin_of")]
    assert twins, "session 11's batch AA marks its twins"
    for p in twins:
        assert p["split"] == "dev"
        # a twin's other telling is filed, and in dev too
        assert all(by_id[other]["split"] == "dev" for other in p["twin_of"])
    # a twin takes no place in the rotation, like a passage read while tuning
    module = _validator()
    fresh = {"id": "fr-9999", "language": "fr", "events": [{"event_type": "Battles"}]}
    with_twins = module.assign_splits([*passages, fresh])
    without = module.assign_splits([*(p for p in passages if not p.get("twin_of")), fresh])
    assert with_twins["fr-9999"] == without["fr-9999"]
