"""A camp or town taken: the forces' "tactical withdrawal", the group "in control of" the village, a claimed
"prise du camp" with the weapons seized there; and who the claimed act was done to."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2025, 8, 21)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of JNIM attacked the military camp of Farabougou on Tuesday, the group said. Mali's army "
        'said its forces had carried out a "tactical withdrawal" from the position.',
        "Jihadists of the JNIM attacked the army camp at Farabougou on Tuesday and remained in control of "
        "the village on Wednesday, local sources said.",
        "Le JNIM a revendiqué mardi la prise du camp militaire de Farabougou, diffusant des images d'armes "
        "saisies et de véhicules incendiés.",
    ],
)
def test_a_camp_the_forces_left_to_its_attackers_is_taken(extractor: Extractor, text: str) -> None:
    events = [e for e in extractor.extract(text, published=DAY) if not e.historical]
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [
        ("Non-state actor overtakes territory", "jnim")
    ]


def test_the_river_niger_is_no_country(extractor: Extractor) -> None:
    text = (
        "Mercredi 7 août, des hommes armés ont attaqué le détachement de l'armée installé au bord du fleuve "
        "Niger, à Kouakourou, dans le cercle de Djenné."
    )
    (event,) = extractor.extract(text, published=dt.date(2024, 8, 8))
    assert (event.country, event.actor2_id) == ("ML", "ml-military")


def test_the_fighters_a_strike_neutralised_did_not_strike(extractor: Extractor) -> None:
    text = (
        "L'armée affirme dans un communiqué avoir mené lundi des frappes dans la région de Kidal, qui "
        "auraient « neutralisé » des terroristes et détruit une base et des véhicules."
    )
    (event,) = extractor.extract(text, published=dt.date(2024, 8, 8))
    assert (event.actor1_id, event.actor2_id) == ("ml-military", "unidentified-armed-group")
