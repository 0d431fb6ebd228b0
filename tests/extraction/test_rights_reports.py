"""Reports of abuses by a human-rights body: who it says killed, what the killings are, and the sentences that
go on speaking of them."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2020, 6, 10)


def _one(extractor: Extractor, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    (event,) = extractor.extract(text, published=DAY)
    return event.sub_event_type, event.actor1_id, event.actor2_id, event.location


def test_forces_killing_unnamed_men_in_a_rights_report_attack_civilians(extractor: Extractor) -> None:
    told = "Amnesty said on Wednesday that security forces had killed three men in Ouahigouya on 1 June."
    assert _one(extractor, told) == ("Attack", "bf-military", "civilians-bf", "Ouahigouya")
    french = "Human Rights Watch affirme que des militaires ont tué six hommes à Djibo le 2 juin."
    assert _one(extractor, french)[:3] == ("Attack", "bf-military", "civilians-bf")


def test_the_forces_own_claim_stays_a_battle(extractor: Extractor) -> None:
    claim = "The army said on Wednesday that security forces had killed three men in Ouahigouya on 1 June."
    assert _one(extractor, claim)[:2] == ("Armed clash", "bf-military")


def test_the_killings_spoken_of_again_are_the_ones_told(extractor: Extractor) -> None:
    text = (
        "Amnesty International said on Wednesday that security forces had killed three men on the outskirts "
        "of Ouahigouya on 1 or 2 April. The organisation, which met relatives, said the killings were "
        "part of a pattern of executions of people detained during security operations."
    )
    assert len(extractor.extract(text, published=DAY)) == 1


def test_the_town_a_road_leads_to_is_not_the_place(extractor: Extractor) -> None:
    text = (
        "Three men were shot dead on 1 June on the outskirts of Ouahigouya, on the road leading to Oula, "
        "witnesses said."
    )
    assert _one(extractor, text)[3] == "Ouahigouya"
