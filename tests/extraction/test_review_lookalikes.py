"""Look-alikes of the round-4 rules that must not fire (found by reviewing them on new sentences)."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2024, 5, 10)


def test_an_itinerary_is_one_event_with_its_toll(extractor: Extractor) -> None:
    text = "The convoy left Kaya on Monday and was ambushed near Dori on Tuesday, killing 10 soldiers."
    events = extractor.extract(text, published=DAY)
    assert [e.fatalities for e in events] == [10]


def test_a_second_verb_breaks_a_chain_of_figures(extractor: Extractor) -> None:
    for text, dead in (
        ("Soldiers killed 12 terrorists and arrested 4 suspects near Djibo.", 12),
        ("Des hommes armés ont tué deux civils et violé une femme à Kaya.", 2),
    ):
        assert extractor.extract(text, published=DAY)[0].fatalities == dead


def test_an_accusation_of_rape_is_no_sexual_violence_event(extractor: Extractor) -> None:
    text = "Jihadists killed three soldiers near Djibo; the attackers had been accused of raping women."
    assert "Sexual violence" not in {e.sub_event_type for e in extractor.extract(text, published=DAY)}


def test_the_victims_of_a_companion_event_are_civilians(extractor: Extractor) -> None:
    text = "Gunmen killed four soldiers and raped two women in Déou on Sunday, residents said."
    events = {e.sub_event_type: e for e in extractor.extract(text, published=DAY)}
    assert events["Sexual violence"].actor2_id == "civilians-bf"


def test_a_country_across_a_border_does_not_place_a_town(extractor: Extractor) -> None:
    text = "Jihadists attacked Koro, near the border with Burkina Faso, killing 5 Malian soldiers."
    (ev,) = extractor.extract(text, published=DAY)
    assert (ev.location, ev.country) == ("Koro", "ML")


def test_weekdays_told_in_sequence_follow_each_other(extractor: Extractor) -> None:
    text = "Les rebelles sont entrés vendredi dans Kidal, samedi dans Gao et dimanche dans Tombouctou."
    events = extractor.extract(text, published=DAY)  # a Friday
    days = sorted((e.event_date for e in events), key=str)
    assert [d.isoformat() for d in days if d] == ["2024-05-03", "2024-05-04", "2024-05-05"]
