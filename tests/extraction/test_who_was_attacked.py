"""Who was attacked and when: a headline ending on its participle, the forces a later sentence says came
under fire, the day of a ministry's statement."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor


def test_a_headline_ending_on_its_participle_names_the_target(extractor: Extractor) -> None:
    text = "Tillabéri: Tamou police post attacked\nThe governor travelled to the scene on Sunday."
    events = extractor.extract(text, published=dt.date(2020, 3, 2))
    assert [(e.actor1_id, e.actor2_id) for e in events] == [("unidentified-armed-group", "ne-police")]


def test_forces_that_came_under_fire_claim_nothing(extractor: Extractor) -> None:
    text = (
        "ALGIERS - An Algerian soldier was killed in an exchange of fire with an armed group in the "
        "Aïn Defla "
        "region, the Ministry of National Defence said in a statement on Sunday. According to the ministry, "
        "an army detachment came under fire on Saturday in an ambush in the Aïn Defla prefecture."
    )
    (event,) = extractor.extract(text, published=dt.date(2020, 6, 22))
    assert (event.actor1_id, event.actor2_id) == ("unidentified-armed-group", "dz-military")
    assert event.event_date == dt.date(2020, 6, 20)  # the ambush's Saturday, not the statement's Sunday


def test_what_happened_the_day_before_is_another_occurrence_on_the_eve(extractor: Extractor) -> None:
    text = (
        "TCHAD — Deux soldats tchadiens ont été tués lundi en repoussant une attaque de Boko Haram à une "
        "vingtaine de kilomètres de Bol. La veille, des éléments de Boko Haram avaient enlevé puis tué deux "
        "commerçants à Kaya, un village situé à 5 km de Bol."
    )
    events = extractor.extract(text, published=dt.date(2022, 8, 16))
    assert sorted((e.event_date, e.sub_event_type, e.fatalities) for e in events) == [
        (dt.date(2022, 8, 14), "Attack", 2),
        (dt.date(2022, 8, 15), "Armed clash", 2),
    ]
