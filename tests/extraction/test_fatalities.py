"""Fatalities: the most conservative count, parts of a toll not added twice, country names are no victims."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2021, 6, 7)


def _fatalities(extractor: Extractor, text: str) -> int | None:
    events = extractor.extract(text, published=DAY)
    assert len(events) == 1, events
    return events[0].fatalities


def test_headline_toll_and_detail_are_one_count(extractor: Extractor) -> None:
    text = (
        "Four dead in Niger mine blast. "
        "Four soldiers were killed on Monday when their vehicle hit a mine near Ayorou."
    )
    assert _fatalities(extractor, text) == 4


def test_a_part_of_the_toll_is_not_added(extractor: Extractor) -> None:
    text = "Attaque de Tessit : le bilan s'élève à 42 morts, dont 33 soldats, selon le gouvernement malien."
    assert _fatalities(extractor, text) == 42


def test_a_revised_lower_toll_wins(extractor: Extractor) -> None:
    text = (
        "At least 18 people were killed in an attack on Ogossagou on Friday. "
        "Officials had first put the toll at 40 before revising it."
    )
    assert _fatalities(extractor, text) == 18
