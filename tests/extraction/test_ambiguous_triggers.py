"""Words with a violent and a peaceful sense: "strike" (drone strike / labour strike), "shot down",
and a person named like a town ("President Keïta")."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DRONE_REPORT = (
    "Army drone strike reported near Anderamboukane\n"
    "The Malian army said on Monday that a drone strike had destroyed two vehicles near Anderamboukane, "
    "in the Ménaka region. Residents said three people were killed in the strike on Sunday.\n"
)


def test_drone_strike_is_no_protest(extractor: Extractor) -> None:
    events = extractor.extract(DRONE_REPORT, published=dt.date(2026, 11, 24))
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]
    (event,) = events
    assert event.actor1_id == "ml-military"
    assert event.tactics == ["armed drone"]
    assert event.location == "Anderamboukane"
    assert event.fatalities == 3
    assert event.event_date == dt.date(2026, 11, 22)  # the strike's Sunday, not the Monday the army spoke


@pytest.mark.parametrize(
    "text",
    [
        "Niger: drone strike kills 20 militants in Tillabéri",
        "Une frappe de drone a détruit un véhicule près de Kidal.",
        "An air strike killed 12 militants near Djibo on Sunday.",
    ],
)
def test_strikes_from_the_air(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].actor1_id is not None and events[0].actor1_id.endswith("-military")


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on strike in Bamako on Monday to demand unpaid salaries.",
        "Health workers began a general strike in Niamey on Tuesday.",
        "Les enseignants ont entamé une grève de 72 heures à Niamey.",
    ],
)
def test_labour_strike_is_a_protest(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    ["The army shot down a drone near Kidal on Monday.", "L'armée a abattu un drone près de Kidal lundi."],
)
def test_drone_shot_down_is_a_disrupted_weapon(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert [(e.sub_event_type, e.tactics) for e in events] == [("Disrupted weapons use", [])]


def test_a_person_named_like_a_town_is_no_place(extractor: Extractor) -> None:
    text = (
        "Mutinous soldiers arrested President Ibrahim Boubacar Keïta at his residence in Bamako on Tuesday. "
        "Keïta announced his resignation shortly before midnight."
    )
    events = extractor.extract(text, published=dt.date(2020, 8, 19))
    assert events and all(e.location == "Bamako" for e in events)
    assert {e.country for e in events} == {"ML"}


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Burkina Faso army says it killed 50 jihadists in Sahel region", "Sahel"),
        ("Burkina : au moins dix civils tués dans la région du Centre-Nord", "Centre-Nord"),
        ("Burkina : 20 civils tués dans la région de l'Est", "Est"),
    ],
)
def test_a_region_named_by_a_common_word(extractor: Extractor, text: str, admin1: str) -> None:
    (event,) = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert (event.admin1, event.geo_precision, event.country) == (admin1, 3, "BF")


def test_the_sahel_region_at_large_is_no_area(extractor: Extractor) -> None:
    text = "Gunmen killed five herders across the Sahel region."
    doc = extractor.process(text, published=dt.date(2024, 5, 5))
    assert [m for m in doc.mentions if m.kind == "place"] == []


@pytest.mark.parametrize(
    ("text", "sub_event_type", "fatalities"),
    [
        ("Suspected jihadists abduct 20 women near Arbinda", "Abduction/forced disappearance", 0),
        ("Mali : trois civils abattus par des hommes armés à Ségou", "Attack", 3),
    ],
)
def test_headline_verbs(extractor: Extractor, text: str, sub_event_type: str, fatalities: int) -> None:
    (event,) = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert (event.sub_event_type, event.fatalities) == (sub_event_type, fatalities)


def test_how_a_protest_ended_types_it(extractor: Extractor) -> None:
    text = (
        "Protesters blocked a French military convoy in Kaya on Friday. "
        "Warning shots were fired on Saturday and four protesters were wounded, the mayor said."
    )
    events = extractor.extract(text, published=dt.date(2021, 11, 22))
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_a_crowd_that_disperses_itself_is_a_peaceful_protest(extractor: Extractor) -> None:
    text = (
        "Des milliers de personnes ont manifesté vendredi à Bamako. "
        "Le rassemblement s'est dispersé dans le calme."
    )
    events = extractor.extract(text, published=dt.date(2020, 6, 6))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_raid_that_only_arrests_is_an_arrest(extractor: Extractor) -> None:
    text = "Police arrested 12 suspects in a raid on a house in Niamey on Tuesday."
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert [e.sub_event_type for e in events] == ["Arrests"]


@pytest.mark.parametrize(
    "text",
    [
        "Food prices hit record highs in Bamako markets this week.",
        "The two parties struck a deal in Algiers.",
    ],
)
def test_figurative_hit_and_struck_are_no_attack(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert all(e.event_type != "Violence against civilians" and e.event_type != "Battles" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists blew up a bridge near Boni on Sunday.",
        "Des terroristes ont fait sauter un pont près de Boni dimanche.",
    ],
)
def test_a_bridge_blown_up_is_an_explosive_attack(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert [(e.sub_event_type, e.location) for e in events] == [("Remote explosive/landmine/IED", "Boni")]


def test_a_town_naming_a_road_is_not_the_spot(extractor: Extractor) -> None:
    text = "Gunmen ambushed a convoy on the Djibo-Ouagadougou road on Monday, killing five soldiers."
    (event,) = extractor.extract(text, published=dt.date(2024, 5, 5))
    assert (event.location, event.geo_precision) == ("Djibo", 2)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a mine collapse kills, but no one did it
        (
            "Plus de 70 personnes ont péri dans l'effondrement d'une mine d'or artisanale vendredi près de "
            "Kangaba, a annoncé samedi le ministère des Mines.",
            dt.date(2024, 1, 20),
        ),
        # "s'arrêter" is to stop, not to be arrested
        ("Le rêve des Étalons s'est arrêté dimanche soir en finale, à Johannesburg.", dt.date(2013, 2, 11)),
        # a dyke bursting, a school year put back: no rupture of relations, no attack repelled
        (
            "Plusieurs quartiers de Niamey ont été submergés après la rupture de digues. Les autorités ont "
            "repoussé la rentrée scolaire.",
            dt.date(2020, 9, 10),
        ),
        # refugees fleeing fighting tell why they fled, not a battle
        (
            "Beaucoup de réfugiés arrivés à Mbera disent fuir les combats dans la région de Tombouctou.",
            dt.date(2024, 3, 15),
        ),
        ("For years the two groups avoided open war. That truce has collapsed.", dt.date(2020, 5, 4)),
        ("Le PAM doit réduire les rations des populations ciblées au Mali.", dt.date(2023, 4, 12)),
        # one step from the title, a plan to be carried out, a road often targeted: no march, no killing
        ("Le rêve des Étalons s'est arrêté à une marche du sacre dimanche.", dt.date(2013, 2, 11)),
        ("L'axe Boni-Douentza est régulièrement ciblé par les groupes jihadistes.", dt.date(2021, 8, 20)),
    ],
)
def test_words_that_tell_no_event_here(extractor: Extractor, text: str, published: dt.date) -> None:
    assert extractor.extract(text, published=published) == []


def test_an_attack_repelled_at_dawn_is_still_a_clash(extractor: Extractor) -> None:
    events = extractor.extract(
        "L'attaque a été repoussée à l'aube par les FAMa à Boni.", published=dt.date(2024, 1, 20)
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_soldiers_killed_when_helicopters_collided_is_no_attack(extractor: Extractor) -> None:
    text = (
        "Thirteen French soldiers were killed on Monday evening when two military helicopters collided in "
        "the dark over the Liptako region of Mali. The army said there was no sign of hostile fire."
    )
    assert extractor.extract(text, published=dt.date(2019, 11, 26)) == []


def test_to_storm_a_palace_is_an_attack_not_the_weather(extractor: Extractor) -> None:
    text = (
        "Eighteen attackers and one soldier were killed when a commando tried to storm the presidential "
        "palace in N'Djamena on Wednesday evening."
    )
    (event,) = extractor.extract(text, published=dt.date(2025, 1, 9))
    assert (event.event_type, event.fatalities) == ("Battles", 19)


def test_an_analysis_tells_no_undated_occurrence(extractor: Extractor) -> None:
    text = (
        "Analysis: the jihadist frontier creeps south\n"
        "Researchers say JNIM recruits among herders who feel targeted by local authorities. Analysts warn "
        "that the arrest of people on the basis of their ethnicity feeds the grievances the groups exploit."
    )
    assert extractor.extract(text, published=dt.date(2025, 8, 12)) == []


def test_an_analysis_still_tells_a_dated_clash(extractor: Extractor) -> None:
    text = (
        "ANALYSIS — The truce between the Sahel's two jihadist camps appears to be over. On 26 April, "
        "fighters of the Islamic State in the Greater Sahara and of JNIM clashed near Inabao, in Oudalan "
        "province; one person was killed."
    )
    events = extractor.extract(text, published=dt.date(2020, 5, 4))
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Armed clash", dt.date(2020, 4, 26))]


def test_protests_planned_are_not_yet_held(extractor: Extractor) -> None:
    text = (
        "Thousands of people marched through Niamey on Sunday against the finance bill; the march ended "
        "peacefully. Further protests are planned in Zinder and Maradi."
    )
    events = extractor.extract(text, published=dt.date(2017, 10, 30))
    assert [(e.sub_event_type, e.location) for e in events] == [("Peaceful protest", "Niamey")]


@pytest.mark.parametrize(
    ("text", "regained"),
    [
        ("L'armée malienne a annoncé samedi la reprise d'Anefis.", True),
        ("Les FAMa reprennent le poste de Ber aux rebelles.", True),
        ("Les élèves maliens ont repris lundi le chemin de l'école à Tombouctou.", False),
        ("A Tessalit, les heurts entre militaires et rebelles ont repris le lendemain soir.", False),
        (
            "Benin's government said it had thwarted a coup attempt on Sunday: loyal units had retaken "
            "control of the situation, and a dozen soldiers were arrested.",
            False,
        ),
    ],
)
def test_taking_back_needs_a_place(extractor: Extractor, text: str, regained: bool) -> None:
    events = extractor.extract(text, published=dt.date(2023, 10, 9))
    assert ("Government regains territory" in [e.sub_event_type for e in events]) is regained


@pytest.mark.parametrize(
    "text",
    [
        # dykes that gave way, a list of demands handed over: nothing given up
        "Le gouvernement a activé jeudi un fonds pour reconstruire les digues du fleuve Niger qui ont cédé.",
        "The marchers went to the governor's office in Dori on Saturday and handed over a list of demands.",
    ],
)
def test_giving_up_needs_a_place(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2021, 6, 14))
    assert "Non-violent transfer of territory" not in [e.sub_event_type for e in events]


def test_a_flood_report_as_of_a_date_tells_no_event(extractor: Extractor) -> None:
    text = (
        "Niger : les inondations ont fait au moins 65 morts depuis le début de la saison des pluies\n"
        "Le dernier rapport du ministère de l'Action humanitaire, arrêté au 7 septembre, fait état de 65 "
        "décès — 51 dus à l'effondrement d'habitations et 14 par noyade — et de 31 960 maisons détruites. Le "
        "gouvernement a activé le 4 septembre le mécanisme de riposte immédiate de la Banque mondiale."
    )
    assert extractor.extract(text, published=dt.date(2020, 9, 8)) == []


def test_a_decree_is_no_arrest_and_a_crowd_pushed_back_no_riot(extractor: Extractor) -> None:
    text = (
        "Malgré l'arrêté d'interdiction, des centaines de Nigériens sont descendus dans les rues de "
        "Niamey ce dimanche pour dénoncer la loi de finances. Les manifestants se sont dispersés sur "
        "plusieurs carrefours, où la police les a repoussés à coups de gaz lacrymogènes."
    )
    events = extractor.extract(text, published=dt.date(2018, 4, 16))
    assert [(e.sub_event_type, e.actor2_id) for e in events] == [("Protest with intervention", "ne-police")]
