"""Whole reports in English and French give the right events, with exact evidence spans."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

EN_HEADLINE = "Burkina Faso: 14 soldiers killed in ambush near Djibo"
FR_HEADLINE = "Mali : une vingtaine de civils tués par des hommes armés à Ségou"


def _check_evidence(text: str, events: list) -> None:
    for event in events:
        assert event.evidence, "every event carries evidence"
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
        fields = {ev.field for ev in event.evidence}
        for name in ("event_type", "sub_event_type", "event_date", "actor1", "country", "fatalities"):
            if getattr(event, name) is not None:
                assert name in fields, name


def test_english_headline(extractor: Extractor) -> None:
    events = extractor.extract(EN_HEADLINE, published=dt.date(2021, 3, 2))
    assert len(events) == 1
    e = events[0]
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.actor1_id == "unidentified-armed-group" and e.inter1 == 2
    assert e.actor2_id == "bf-military" and e.inter2 == 1
    assert (e.country, e.location, e.geo_precision) == ("BF", "Djibo", 2)
    assert e.fatalities == 14
    assert e.tactics == ["ambush"]
    assert e.event_date == dt.date(2021, 3, 1)  # an undated headline: the day before publication
    _check_evidence(EN_HEADLINE, events)
    fat = next(ev for ev in e.evidence if ev.field == "fatalities")
    assert (fat.start, fat.end, fat.text) == (14, 16, "14")


def test_french_headline(extractor: Extractor) -> None:
    events = extractor.extract(FR_HEADLINE, published=dt.date(2021, 3, 2))
    assert len(events) == 1
    e = events[0]
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.actor1_id == "unidentified-armed-group"
    assert e.actor2_id == "civilians-ml" and e.inter2 == 7
    assert (e.country, e.location, e.geo_precision) == ("ML", "Ségou", 1)
    assert e.fatalities == 20
    _check_evidence(FR_HEADLINE, events)
    actor1 = next(ev for ev in e.evidence if ev.field == "actor1")
    assert actor1.text == "hommes armés"


FR_REPORT = (
    "Burkina : des dizaines de civils tués dans une attaque à Solhan\n"
    "Des hommes armés ont attaqué dans la nuit de vendredi à samedi le village de Solhan, dans la province "
    "du Yagha, tuant plusieurs dizaines de civils, selon des sources locales. Une vingtaine de personnes ont "
    "été blessées. Depuis 2015, les violences jihadistes ont fait des milliers de morts au Burkina Faso."
)


def test_french_report_with_background(extractor: Extractor) -> None:
    events = extractor.extract(FR_REPORT, published=dt.date(2021, 6, 7))
    current = [e for e in events if not e.historical]
    assert len(current) == 1
    e = current[0]
    assert e.event_type == "Violence against civilians"
    assert e.location in ("Solhan", "Solna") and e.country == "BF"  # GeoNames spells it Solna
    assert e.actor2_id == "civilians-bf"
    assert e.fatalities == 12  # "des dizaines" = 12, the most conservative figure
    assert e.extras["wounded"] == 20  # "une vingtaine" wounded are not fatalities
    assert e.event_date == dt.date(2021, 6, 4)  # the night of Friday to Saturday before Monday 7 June
    assert all(e.historical for e in events if e is not current[0])
    _check_evidence(FR_REPORT, events)


EN_MULTI = (
    "Mali: three attacks in the centre\n"
    "Gunmen killed 12 civilians in Ogossagou on Sunday, local officials said. "
    "On Monday a roadside bomb killed three soldiers near Douentza. "
    "Separately, jihadists attacked a gendarmerie post in Diafarabé on Tuesday, wounding two gendarmes."
)


def test_multi_event_article(extractor: Extractor) -> None:
    events = extractor.extract(EN_MULTI, published=dt.date(2020, 6, 10))
    assert len(events) == 3
    by_place = {e.location: e for e in events}
    assert by_place["Douentza"].sub_event_type == "Remote explosive/landmine/IED"
    assert by_place["Douentza"].fatalities == 3 and by_place["Douentza"].tactics == ["IED"]
    assert by_place["Douentza"].event_date == dt.date(2020, 6, 8)
    civ = next(e for e in events if e.actor2_id == "civilians-ml")
    assert civ.fatalities == 12 and civ.event_date == dt.date(2020, 6, 7)
    _check_evidence(EN_MULTI, events)


def test_a_separate_attack_the_same_day_is_another_event_on_that_day(extractor: Extractor) -> None:
    text = (
        "Suspected jihadists ambushed soldiers near Toulfé on Tuesday, leaving 13 dead, military officials "
        "said. In a separate attack the same day, 12 people were killed."
    )
    events = extractor.extract(text, published=dt.date(2021, 7, 16))
    day = dt.date(2021, 7, 13)
    assert [(e.event_date, e.fatalities) for e in events] == [(day, 13), (day, 12)]
    assert [ev.text for ev in events[1].evidence if ev.field == "event_date"] == ["the same day"]
    _check_evidence(text, events)


def test_le_meme_jour_dates_an_event_before_the_next_dated_one_is_told(extractor: Extractor) -> None:
    text = (
        "Le 31 août, une patrouille a été accrochée près d'Inata, dans le Soum. Le même jour, à Gorebale, "
        "dans la province du Sanmatenga, une attaque contre une position de l'armée a été repoussée et trois "
        "assaillants ont été abattus. Enfin le 4 septembre, à Goinga, les soldats ont neutralisé un "
        "terroriste au cours d'un ratissage."
    )
    events = extractor.extract(text, published=dt.date(2020, 9, 6))
    assert [(e.event_date, e.fatalities) for e in events] == [
        (dt.date(2020, 8, 31), 0),
        (dt.date(2020, 8, 31), 3),
        (dt.date(2020, 9, 4), 0),
    ]
    _check_evidence(text, events)


def test_le_lendemain_dates_the_next_event_a_day_later(extractor: Extractor) -> None:
    text = (
        "Des hommes armés ont tué cinq civils mardi à Djibo. Dans une autre attaque le lendemain, trois "
        "gendarmes ont été tués."
    )
    events = extractor.extract(text, published=dt.date(2021, 7, 16))
    assert [e.event_date for e in events] == [dt.date(2021, 7, 13), dt.date(2021, 7, 14)]


def test_looting_and_burning_told_around_a_killing_are_part_of_it(extractor: Extractor) -> None:
    text = (
        "Au moins 28 personnes ont été tuées samedi soir lors de l'attaque du village de Toumour, dans la "
        "région de Diffa. Près de 800 habitations ont été incendiées par les assaillants."
    )
    events = extractor.extract(text, published=dt.date(2020, 12, 14))
    assert [(e.event_type, e.fatalities) for e in events] == [("Violence against civilians", 28)]
    assert "arson" in events[0].tactics
    # without a killing, looting is an event of its own
    alone = extractor.extract(
        "Des bandits ont pillé des boutiques à Tsafe mardi.", published=dt.date(2023, 10, 12)
    )
    assert [e.sub_event_type for e in alone] == ["Looting/property destruction"]


def test_a_village_placed_relative_to_a_town_is_the_place(extractor: Extractor) -> None:
    text = (
        "Sept personnes tuées à Djika. Le village de Djika, situé au sud-est d'Arbinda, a été le théâtre "
        "vendredi d'une attaque meurtrière : des individus armés y ont tué sept personnes."
    )
    events = extractor.extract(text, published=dt.date(2019, 4, 21))
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [("Djika", dt.date(2019, 4, 19), 7)]


def test_a_capital_standing_for_its_rulers_is_not_the_place(extractor: Extractor) -> None:
    text = (
        "Agadez : les Américains ont quitté la base 201. Les derniers militaires américains ont quitté lundi "
        "la base aérienne 201 d'Agadez, achevant le retrait exigé par le régime de Niamey."
    )
    events = extractor.extract(text, published=dt.date(2024, 8, 6))
    assert [(e.location, e.event_date) for e in events] == [("Agadez", dt.date(2024, 8, 5))]


def test_a_headline_area_under_its_former_name_and_the_body_town_are_one_event(extractor: Extractor) -> None:
    text = (
        "Boucle du Mouhoun : deux soldats tués dans une embuscade. Deux militaires ont perdu la vie mardi "
        "dans une embuscade tendue par des individus armés près de Barani, dans la province de la Kossi."
    )
    events = extractor.extract(text, published=dt.date(2020, 5, 20))
    assert [(e.location, e.fatalities, e.event_date) for e in events] == [("Barani", 2, dt.date(2020, 5, 19))]


def test_where_people_fled_is_not_another_event(extractor: Extractor) -> None:
    text = (
        "Sept personnes ont été tuées dimanche à Bèiga lors d'une attaque menée par des hommes armés. "
        "Plusieurs habitants ont été blessés et des dizaines de familles ont pris la route de Gorom-Gorom."
    )
    events = extractor.extract(text, published=dt.date(2020, 3, 3))
    assert [(e.location, e.fatalities) for e in events] == [("Bèiga", 7)]


def test_figures_of_speech_are_no_events(extractor: Extractor) -> None:
    text = "Les compagnies étrangères jugent le nouveau code minier « une véritable bombe à retardement »."
    assert extractor.extract(text, published=dt.date(2023, 8, 30)) == []


def test_an_act_dated_by_a_past_year_is_background(extractor: Extractor) -> None:
    text = (
        "Le tribunal militaire de Ouagadougou a condamné mercredi Blaise Compaoré à la prison à perpétuité "
        "pour complicité dans l'assassinat de Thomas Sankara en 1987."
    )
    (e,) = extractor.extract(text, published=dt.date(2022, 4, 7))
    assert (e.historical, e.event_date, e.date_precision) == (True, dt.date(1987, 1, 1), 3)


def test_killed_since_a_day_of_this_week_is_news_not_background(extractor: Extractor) -> None:
    recent = "Sixty-two people have been killed since Sunday in the commune of Arbinda, the government said."
    (e,) = extractor.extract(recent, published=dt.date(2019, 4, 3))
    assert e.historical is False
    old = "Thousands of people have been killed since 2015 in the commune of Arbinda, the government said."
    assert all(e.historical for e in extractor.extract(old, published=dt.date(2019, 4, 3)))


def test_a_month_and_an_old_year_make_an_act_background(extractor: Extractor) -> None:
    text = (
        "La Suisse a confirmé vendredi la mort de Béatrice Stöckli, une missionnaire enlevée à Tombouctou "
        "en janvier 2016."
    )
    taken = [
        e for e in extractor.extract(text, published=dt.date(2020, 10, 10)) if "Abduction" in e.sub_event_type
    ]
    assert [(e.historical, str(e.event_date)) for e in taken] == [(True, "2016-01-01")]


def test_a_court_rejecting_appeals_is_no_political_event(extractor: Extractor) -> None:
    text = "La Cour constitutionnelle du Niger a confirmé dimanche l'élection, rejetant les recours."
    assert extractor.extract(text, published=dt.date(2021, 3, 22)) == []


def test_an_undated_headline_and_the_body_naming_a_nearby_place_are_one_event(extractor: Extractor) -> None:
    text = (
        "Oudalan : un civil exécuté à Petoye. Un habitant de ce village de la commune de Gorom-Gorom a été "
        "tué vendredi par des hommes armés venus à moto."
    )
    events = extractor.extract(text, published=dt.date(2019, 1, 27))
    assert [(e.location, e.event_date) for e in events] == [("Petoye", dt.date(2019, 1, 25))]
    # a headline summing up two attacks is not merged into one of them
    text = (
        "Séno : treize civils tués dans deux villages. Des hommes armés ont attaqué mercredi les villages de "
        "Pétéguersé et de Bombofa, tuant respectivement sept et six personnes."
    )
    events = extractor.extract(text, published=dt.date(2020, 10, 16))
    assert sorted(e.fatalities or 0 for e in events) == [6, 7]


def test_a_night_and_a_later_day_in_the_same_village_are_two_events(extractor: Extractor) -> None:
    text = (
        "Dans la nuit du 9 au 10 septembre, un accrochage entre les forces de défense et des hommes armés "
        "près de Noumoukyédougou a fait un mort. Le 17 septembre, six civils ont été tués dans ce même "
        "village."
    )
    events = extractor.extract(text, published=dt.date(2021, 9, 25))
    got = [(str(e.event_date), e.date_precision, e.location, e.fatalities) for e in events]
    assert got == [
        ("2021-09-09", 1, "Noumoukyédougou", 1),
        ("2021-09-17", 1, "Noumoukyédougou", 6),
    ]


def test_a_span_of_days_and_a_day_after_it_are_two_events(extractor: Extractor) -> None:
    text = (
        "L'état-major indique que onze assaillants ont été tués les 10 et 11 septembre lors d'une opération "
        "dans la zone de Mentao, dans la province du Soum. Quinze autres ont été tués dimanche dans la "
        "province du Loroum, précise le texte."
    )
    events = extractor.extract(text, published=dt.date(2020, 9, 15))
    assert [(str(e.event_date), e.fatalities) for e in events] == [("2020-09-10", 11), ("2020-09-13", 15)]


def test_an_outcome_told_after_the_event_is_its_toll_not_another_event(extractor: Extractor) -> None:
    text = (
        "Police fired tear gas to disperse opposition protesters in Dakar on Friday. "
        "More than 20 people were wounded, according to officials."
    )
    (e,) = extractor.extract(text, published=dt.date(2023, 6, 3))
    assert (e.sub_event_type, e.location, e.extras.get("wounded")) == (
        "Protest with intervention",
        "Dakar",
        20,
    )


def test_units_ambushed_in_french_clash(extractor: Extractor) -> None:
    text = (
        "Dans la nuit du 18 au 19 octobre 2019, des unités des forces de défense ont été accrochées par des "
        "individus armés non identifiés à Banh, dans la province du Loroum."
    )
    (e,) = extractor.extract(text, published=dt.date(2019, 10, 20))
    assert (e.sub_event_type, str(e.event_date), e.location) == ("Armed clash", "2019-10-18", "Banh")


def test_others_killed_elsewhere_share_the_days_told(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked the villages of Pétéguersé and Bombofa, in Séno province, on Wednesday, killing "
        "seven and six people respectively, a regional official said. Others were killed elsewhere in "
        "Gorgadji department."
    )
    events = extractor.extract(text, published=dt.date(2020, 10, 15))
    assert {e.event_date for e in events} == {dt.date(2020, 10, 14)}


def test_a_report_released_on_a_day_dates_the_report_not_the_killings(extractor: Extractor) -> None:
    text = (
        "In a report released on Monday, Human Rights Watch said armed Islamists killed two men a few "
        "kilometres from Djibo between 24 and 26 February."
    )
    events = extractor.extract(text, published=dt.date(2018, 5, 21))
    assert [e.event_date for e in events] == [dt.date(2018, 2, 24)]
    one_or_two = "Amnesty said security forces had killed three men near Ouahigouya on 1 or 2 April."
    assert [e.event_date for e in extractor.extract(one_or_two, published=dt.date(2020, 6, 10))] == [
        dt.date(2020, 4, 1)
    ]


def test_a_un_report_on_a_past_massacre_is_one_event(extractor: Extractor) -> None:
    text = (
        "GENEVA - Malian troops and foreign military personnel killed at least 500 people during a five-day "
        "operation in the central village of Moura in late March 2022, the UN human rights office said in a "
        "report published on Friday. At the time, the army said it had neutralised 203 terrorists in Moura. "
        "Mali's government rejected the report as biased."
    )
    events = extractor.extract(text, published=dt.date(2023, 5, 12))
    assert [(e.event_date.year, e.fatalities, e.historical) for e in events] == [(2022, 500, True)]


def test_the_day_a_toll_was_revised_or_a_report_made_does_not_date_the_attack(extractor: Extractor) -> None:
    text = (
        "Niger's government on Monday raised the toll from the attack on Tillia to 41 dead. "
        "Gunmen on motorbikes struck the village on Saturday evening, residents said."
    )
    events = extractor.extract(text, published=dt.date(2022, 3, 8))
    assert [(e.event_date, e.fatalities) for e in events] == [(dt.date(2022, 3, 5), 41)]
    # the government counts the dead; it is not the target of the attack
    assert events[0].actor2_id != "ne-government"
    text = "Local monitors on Thursday reported an incursion by JNIM fighters into Djibasso on Tuesday."
    (event,) = extractor.extract(text, published=dt.date(2022, 3, 11))
    assert event.event_date == dt.date(2022, 3, 8)


def test_a_day_of_mourning_dates_the_mourning_not_the_attack(extractor: Extractor) -> None:
    text = (
        "Le Mali a décrété samedi un deuil national de trois jours. Jeudi, des hommes armés avaient "
        "attaqué le village de Diallassagou, tuant 32 civils."
    )
    (event,) = extractor.extract(text, published=dt.date(2022, 6, 20))
    assert (event.event_date, event.fatalities) == (dt.date(2022, 6, 16), 32)


def test_a_government_that_announces_after_the_day_is_the_source_not_the_target(extractor: Extractor) -> None:
    text = (
        "Le bilan de l'embuscade tendue mercredi à un convoi près de Gorom-Gorom s'est alourdi à 20 morts, "
        "a annoncé vendredi le gouvernement."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 8, 20))
    assert event.actor2_id != "bf-government" and event.fatalities == 20


def test_a_weekly_count_is_no_event_but_the_incident_it_details_is(extractor: Extractor) -> None:
    text = (
        "L'armée a neutralisé 21 terroristes en une semaine, selon son point de situation hebdomadaire. "
        "Le 3 mai, une unité engagée près de Gayéri a été prise à partie par un groupe armé ; la riposte a "
        "permis d'abattre quatre assaillants, précise le document."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 5, 10))
    assert (event.event_date, event.location, event.fatalities) == (dt.date(2021, 5, 3), "Gayéri", 4)
    assert (event.actor1_id, event.actor2_id) == ("unidentified-armed-group", "bf-military")
    # a weekly paper is not a weekly count
    text = (
        "Five people died in Zinder on Friday when protesters attacked a church over a cartoon in a "
        "French weekly."
    )
    assert extractor.extract(text, published=dt.date(2015, 1, 18))


def test_attacks_recalled_for_comparison_are_no_new_events(extractor: Extractor) -> None:
    text = (
        "Le gouvernement malien a fait état de 24 morts dans l'attaque qui a visé vendredi le camp de "
        "Tabankort. L'État islamique a revendiqué l'attaque samedi. Il s'agit de l'une des attaques les plus "
        "meurtrières de l'année, un mois après celles de Boulkessi et de Mondoro."
    )
    events = extractor.extract(text, published=dt.date(2019, 11, 3))
    assert [(e.event_date, e.fatalities) for e in events] == [(dt.date(2019, 11, 1), 24)]
    # the government counts the dead; it is no party to the attack
    assert "ml-government" not in (events[0].actor1_id, events[0].actor2_id)


def test_deaths_blamed_on_a_heatwave_are_no_event(extractor: Extractor) -> None:
    text = (
        "A heatwave has been blamed for a surge in deaths in Mali, where the main hospital in Bamako "
        "recorded 102 deaths in four days."
    )
    assert extractor.extract(text, published=dt.date(2024, 4, 9)) == []


def test_an_attack_told_as_hours_earlier_is_another_event_on_that_day(extractor: Extractor) -> None:
    text = (
        "Des hommes armés ont attaqué vendredi le village de Seytenga, tuant 40 civils. Quelques heures plus "
        "tôt, 11 personnes avaient été tuées lors d'une attaque contre un hameau voisin. « Ils tiraient sur "
        "tout le monde », a raconté un rescapé réfugié à Dori."
    )
    events = extractor.extract(text, published=dt.date(2022, 6, 13))
    friday = dt.date(2022, 6, 10)
    assert sorted((e.event_date, e.fatalities) for e in events) == [(friday, 11), (friday, 40)]
    assert "Dori" not in {e.location for e in events}  # where a survivor fled, not where anyone attacked
