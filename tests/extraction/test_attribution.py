"""Who did it: victims are never the perpetrator, claims name the group, a parent group only qualifies."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2023, 5, 10)


def _one(extractor: Extractor, text: str, day: dt.date = DAY):  # type: ignore[no-untyped-def]
    events = [e for e in extractor.extract(text, published=day) if not e.historical]
    assert len(events) == 1, events
    return events[0]


def test_named_victim_group_is_not_the_attacker(extractor: Extractor) -> None:
    text = "Four members of a Koglweogo group were killed when gunmen raided Gorom-Gorom on Monday."
    e = _one(extractor, text)
    assert e.actor1_id == "unidentified-armed-group"
    assert e.actor2_id == "koglweogo"


def test_claim_names_the_group_not_its_parent(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked an army post in Boulsa on Sunday, killing nine soldiers. "
        "The al-Qaeda-linked JNIM later claimed responsibility."
    )
    assert _one(extractor, text).actor1_id == "jnim"


def test_islamic_state_in_a_sahel_report_is_its_sahel_province(extractor: Extractor) -> None:
    text = (
        "Niger : douze soldats tués dans une attaque près de Tillabéri. "
        "L'organisation État islamique a revendiqué l'attaque."
    )
    assert _one(extractor, text).actor1_id == "is-sahel"
