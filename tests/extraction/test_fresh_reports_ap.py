"""Cases from a fresh batch of English reports (annotator AP, session 14): a far town that only gives the
direction, weapons seized after a clash, a person whose surname is a country's name."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2016, 10, 14)


def test_a_town_hundreds_of_km_away_only_gives_the_direction(extractor: Extractor) -> None:
    text = (
        "Two militants were shot dead on Thursday in an ambush laid by an army detachment in the forests of "
        "Skikda province, about 350 km east of Algiers, the National Defence Ministry said."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.location, event.admin1) == ("Skikda", "Skikda")


def test_weapons_troops_seized_after_the_fighting_are_part_of_it(extractor: Extractor) -> None:
    text = (
        "Two militants were shot dead on Thursday in an ambush laid by an army detachment in Skikda "
        "province, the ministry said. Troops recovered two Kalashnikov rifles, grenades, binoculars and "
        "ammunition, and the operation is continuing."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_village_chief_named_togo_is_no_country(extractor: Extractor) -> None:
    text = (
        "BAMAKO - Gunmen killed ten people and burned down the village of Kourkanda, in central Mali "
        "near the border with Burkina Faso, on Monday evening, local officials said on Wednesday. "
        '"Around dusk they came in small groups on motorcycles, all of them armed," village chief '
        "Youssouf Togo told AFP; they circled the village and began the attack at about 8 p.m. Yanah "
        "Dolo, an official from the nearby town of Bankass whose team visited the site, confirmed the "
        "toll and said nobody knew where the attackers had come from."
    )
    (event,) = extractor.extract(text, published=dt.date(2020, 3, 12))
    assert (event.country, event.actor2_id) == ("ML", "civilians-ml")


def test_an_arrest_after_demonstrations_is_an_arrest(extractor: Extractor) -> None:
    text = (
        "Two leading activists were arrested in Conakry on 30 July, after two days of demonstrations against "
        "the junta's handling of the transition."
    )
    events = extractor.extract(text, published=dt.date(2022, 8, 3))
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_permission_to_hold_protests_refused_is_no_protest(extractor: Extractor) -> None:
    text = "Togo's government on Tuesday refused opposition parties permission to hold protests this week."
    events = extractor.extract(text, published=dt.date(2024, 4, 10))
    assert "Protests" not in [e.event_type for e in events]


def test_a_summoned_spanish_ambassador_is_spain_rebuked(extractor: Extractor) -> None:
    text = (
        "BAMAKO - Mali has summoned Spain's ambassador to protest against remarks by Spanish Foreign "
        "Minister José Manuel Albares, Foreign Minister Abdoulaye Diop said on Saturday."
    )
    (event,) = extractor.extract(text, published=dt.date(2022, 7, 2))
    assert (event.actor1_id, event.actor2_id, event.plover_type) == (
        "ml-government",
        "es-state",
        "DISAPPROVE",
    )


def test_a_foreign_company_or_charity_is_no_state(extractor: Extractor) -> None:
    text = (
        "Gunmen ambushed a convoy of the Boungou gold mine on Wednesday, killing 37 people. The Canadian "
        "operator, Semafo, said it had suspended activity at the mine."
    )
    events = extractor.extract(text, published=dt.date(2019, 11, 7))
    assert "ca-state" not in {e.actor1_id for e in events} | {e.actor2_id for e in events}


def test_the_killings_a_crowd_protests_against_are_no_event(extractor: Extractor) -> None:
    text = (
        "Young people in Bandiagara took to the streets on Friday to vent their anger at the insecurity and "
        "the killings of civilians in Dogon country. Several thousand people also demonstrated in Kaya, "
        "urging the authorities to act against repeated jihadist attacks."
    )
    events = extractor.extract(text, published=dt.date(2019, 8, 24))
    assert {e.event_type for e in events} == {"Protests"}


def test_the_country_attackers_withdrew_towards_is_not_where_it_happened(extractor: Extractor) -> None:
    text = (
        "Armed men attacked the police stations of Baraboulé and Tongomayel, in Soum province, on Monday "
        "night. As they withdrew towards Mali, they broke down the doors of the prefecture of Diguel."
    )
    events = extractor.extract(text, published=dt.date(2017, 2, 28))
    assert events and all(e.country == "BF" for e in events)
    assert not any(str(e.actor1_id).startswith("ml-") or str(e.actor2_id).startswith("ml-") for e in events)
