"""Where: headline places, "between X and Y", a province that tells villages apart, the spelling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2019, 8, 20)


def _one(extractor: Extractor, text: str):  # type: ignore[no-untyped-def]
    events = extractor.extract(text, published=DAY)
    assert len(events) == 1, events
    return events[0]


def test_headline_opening_with_the_place(extractor: Extractor) -> None:
    e = _one(extractor, "Touronata (North Burkina): three herders shot dead by unidentified gunmen")
    assert (e.location, e.geo_precision, e.country) == ("Touronata", 1, "BF")


def test_dateline_is_not_the_place(extractor: Extractor) -> None:
    e = _one(extractor, "OUAGADOUGOU (AFP) - Gunmen killed five people in Djibo on Monday.")
    assert e.location == "Djibo"


def test_between_two_villages_is_near_the_first(extractor: Extractor) -> None:
    text = "Ten people were killed by armed men on the road between Titabé and Ouro Sabou, in Yagha province."
    e = _one(extractor, text)
    assert (e.location, e.geo_precision) == ("Titabé", 2)


def test_the_province_named_picks_the_village_in_it(extractor: Extractor) -> None:
    # GeoNames has a Souma in Soum, in Mouhoun and in Houet
    e = _one(extractor, "Douze habitants ont été exécutés à Souma, dans la province du Mouhoun, jeudi.")
    assert e.admin2 == "Mouhoun" and abs(e.latitude - 12.6) < 0.05


def test_a_province_alone_is_precision_three(extractor: Extractor) -> None:
    e = _one(extractor, "Burkina : cinq soldats tués dans une embuscade dans la province du Loroum mardi.")
    assert (e.geo_precision, e.admin2) == (3, "Loroum")


def test_location_keeps_the_reports_spelling(extractor: Extractor) -> None:
    # GeoNames calls it "Solna" and lists "Solhan" among its names
    e = _one(extractor, "Burkina Faso : au moins 132 civils tués à Solhan samedi.")
    assert (e.location, e.admin2) == ("Solhan", "Yagha")


def test_gazetteer_spellings_reporting_uses(extractor: Extractor) -> None:
    for text, name, admin2 in (
        ("Gunmen killed nine villagers in Kain on Monday.", "Kain", "Yatenga"),
        ("Gunmen killed nine villagers in Lamdamol on Monday.", "Lamdamol", "Séno"),
        ("Six jihadists were killed near Pô on Monday, the army said.", "Pô", "Nahouri"),
    ):
        e = _one(extractor, "Burkina Faso: " + text)
        assert (e.location, e.admin2) == (name, admin2)


def test_a_french_article_names_the_province_not_the_village(extractor: Extractor) -> None:
    # GeoNames also has a village called Soum, 180 km south of the province
    e = _one(extractor, "Burkina : une ambulance a sauté sur une mine mardi dans le Soum, six morts.")
    assert (e.admin2, e.geo_precision, e.location) == ("Soum", 3, "Soum")
    assert abs(e.latitude - 14.1) < 0.1


def test_a_headline_town_stays_a_town(extractor: Extractor) -> None:
    e = _one(extractor, "Bourem : dix soldats tués dans une attaque contre le camp militaire mardi.")
    assert (e.location, e.geo_precision) == ("Bourem", 1)


def test_the_country_beside_a_place_outranks_the_reports_country(extractor: Extractor) -> None:
    text = "A convoy bound for Niger was attacked near Kaya, in Burkina Faso, on Saturday; two soldiers died."
    (ev,) = extractor.extract(text, published=dt.date(2021, 11, 29))
    assert (ev.location, ev.country, ev.admin1) == ("Kaya", "BF", "Centre-Nord")


def test_a_destination_is_not_where_it_happened(extractor: Extractor) -> None:
    text = "Une ambulance a sauté sur une mine près de Gaskindé, dans le Soum, en route vers Djibo : 3 morts."
    e = _one(extractor, text)
    assert (e.location, e.geo_precision) == ("Gaskindé", 2)


def test_where_the_residents_left_for_is_no_second_event(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 16 worshippers on Friday evening at the mosque of Salmossi, in Oudalan province. "
        "The attackers opened fire during prayers and then fled; residents have since left for Gorom-Gorom."
    )
    events = extractor.extract(text, published=dt.date(2019, 10, 13))
    assert [(e.location, e.fatalities) for e in events] == [("Salmossi", 16)]


def test_a_district_missing_from_the_gazetteer_falls_back_to_its_seat(extractor: Extractor) -> None:
    e = _one(extractor, "Two soldiers were killed when a mine exploded under a truck in Madjoari department.")
    assert (e.location, e.geo_precision, e.admin1) == ("Madjoari", 2, "Est")


def test_a_night_from_one_day_to_the_next_is_dated_by_its_first_day(extractor: Extractor) -> None:
    text = "Dans la nuit de vendredi à samedi, des hommes armés ont tué 12 civils à Déou."
    e = _one(extractor, text)  # published Tuesday 20 August 2019
    assert e.event_date == dt.date(2019, 8, 16)


def test_the_part_of_the_country_a_report_names_tells_homonyms_apart(extractor: Extractor) -> None:
    # two Burkina villages answer to "Boungou": one in Tapoa (east), one (a variant spelling) in Nahouri
    east = "A roadside bomb struck an army vehicle near Boungou, in the east of Burkina Faso, killing five."
    assert (_one(extractor, east).admin2 or "").endswith("Tapoa")
    fr = "Burkina : cinq soldats tués par un engin explosif près de Boungou, dans l'est du pays."
    assert (_one(extractor, fr).admin2 or "").endswith("Tapoa")


def test_direction_words_are_read_with_their_country() -> None:
    from harmattan.extraction.components.places import _directions
    from harmattan.extraction.pipeline import make_doc

    def parts(text: str) -> dict[str, list[str]]:
        doc = make_doc(text, DAY)
        extractor = Extractor()
        for comp in extractor.pipeline().components:
            if comp.name == "places":
                break
            doc = comp(doc)
        return _directions(doc)

    assert parts("Gunmen killed 12 in north-eastern Nigeria") == {"NG": ["NE"]}
    assert parts("Attaque dans le nord du Burkina Faso") == {"BF": ["N"]}
    assert parts("Des soldats tués dans l'est du Burkina") == {"BF": ["E"]}
    assert parts("Le Niger est un pays sahélien.") == {}  # the verb, not the east


def test_a_headline_label_gives_way_to_the_town_the_sentence_names(extractor: Extractor) -> None:
    e = _one(extractor, "Diffa : 26 soldats tués dans l'attaque de Bosso par Boko Haram.")
    assert (e.location, e.admin1) == ("Bosso", "Diffa")
    # a label town still beats a region named beside it
    e = _one(extractor, "Toéni (Boucle du Mouhoun): more than 90 terrorists killed during an army operation")
    assert e.location == "Toéni"


def test_a_village_the_gazetteer_knows_only_elsewhere_stays_in_the_area_the_report_names(
    extractor: Extractor,
) -> None:
    # the gazetteer's two Oulfaré lie in Soum and Séno; the report puts this one in Namentenga
    text = "Des soldats ont repoussé une attaque à Oulfaré, dans la province du Namentenga, samedi."
    e = _one(extractor, text)
    assert (e.location, e.admin1, e.geo_precision) == ("Oulfaré", "Centre-Nord", 2)
    assert "Namentenga" in (e.admin2 or "")


def test_a_far_homonym_outside_the_reports_countries_is_not_the_place(extractor: Extractor) -> None:
    # the gazetteer knows a Sèmè only in Senegal; the report is about Benin
    text = "La police béninoise a arrêté mardi des ressortissants nigériens au terminal pétrolier de Sèmè."
    e = _one(extractor, text)
    assert e.country == "BJ"
    assert e.latitude is None or e.latitude < 13.0


def test_a_village_just_across_a_named_border_is_still_found(extractor: Extractor) -> None:
    text = "Des hommes armés ont tué dimanche 20 civils à Tillia, près de la frontière malienne."
    e = _one(extractor, text)
    assert (e.location, e.country) == ("Tillia", "NE")


def test_a_name_before_a_site_noun_is_a_place(extractor: Extractor) -> None:
    # an English noun modifier: the village before "military detachment", "massacre", "attack"
    e = _one(extractor, "Burkina Faso: Thiou military detachment neutralizes a dozen terrorists")
    assert (e.location, e.admin1, e.actor1_id) == ("Thiou", "Nord", "bf-military")
    e = _one(extractor, "Namoungou attack: gunmen killed five villagers on Sunday, survivors say")
    assert (e.location, e.admin1) == ("Namoungou", "Est")


def test_the_country_across_a_named_border_is_not_the_places_country(extractor: Extractor) -> None:
    text = (
        "Quatre policiers ont été tués jeudi lors d'une attaque contre le commissariat de Barani, près de "
        "la frontière malienne."
    )
    e = _one(extractor, text)
    assert (e.location, e.country, e.admin1, e.actor2_id) == (
        "Barani",
        "BF",
        "Boucle du Mouhoun",
        "bf-police",
    )


def test_a_village_area_in_a_province_is_near_the_village(extractor: Extractor) -> None:
    text = "Clashes between soldiers and militants in the Korko area of Sanmatenga province left two dead."
    e = _one(extractor, text)
    assert (e.location, e.geo_precision, e.admin1) == ("Korko", 2, "Centre-Nord")


def test_the_towns_a_road_links_are_not_the_place(extractor: Extractor) -> None:
    text = (
        "Trois militaires ont été tués samedi lorsque leur véhicule a sauté sur un engin explosif près de "
        "Kompiembiga, sur la route reliant Fada N'Gourma à Pama."
    )
    e = _one(extractor, text)
    assert (e.location, e.geo_precision) == ("Kompiembiga", 2)


def test_a_commune_a_pair_of_villages_and_near_the_village_of_are_precision_two(extractor: Extractor) -> None:
    text = "Des hommes armés ont attaqué dimanche un village de la commune de Pensa, tuant dix personnes."
    assert (_one(extractor, text).location, _one(extractor, text).geo_precision) == ("Pensa", 2)
    text = "The air force struck groups of fighters on Wednesday around Kain and Yensé, in Yatenga province."
    e = _one(extractor, text)
    assert (e.location, e.geo_precision) == ("Kain", 2)
    text = "Four soldiers were killed on Wednesday when their patrol was ambushed near the village of Tongo."
    assert _one(extractor, text).geo_precision == 2


def test_english_region_names_and_capitals_own_divisions(extractor: Extractor) -> None:
    text = "Four soldiers were killed on Wednesday when their patrol was ambushed in the Centre-North region."
    assert _one(extractor, text).admin1 == "Centre-Nord"
    text = "Deux attentats-suicides ont visé lundi le commissariat central de N'Djamena, faisant 33 morts."
    e = _one(extractor, text)
    assert (e.location, e.admin1, e.country) == ("N'Djamena", "N’Djaména", "TD")


def test_a_department_seat_outranks_a_village_of_the_same_name(extractor: Extractor) -> None:
    # GeoNames' "Banh" is a village 40 km from the seat of Banh department (the pack's curated entry)
    e = _one(extractor, "Des hommes armés ont tué cinq civils lundi à Banh, dans la province du Loroum.")
    assert (e.location, round(e.latitude or 0, 2), e.admin2) == ("Banh", 14.08, "Loroum")


def test_a_village_right_after_the_verb_or_the_day_is_the_place(extractor: Extractor) -> None:
    text = "Des frappes de drones de l'armée ont touché dimanche Tinzaouatène, tuant au moins 21 civils."
    assert _one(extractor, text).location == "Tinzaouatène"


def test_a_country_the_convoy_was_heading_to_does_not_choose_the_homonym(extractor: Extractor) -> None:
    text = (
        "Hundreds of protesters have been blocking a French military convoy in Kaya since Friday. "
        "The convoy, which was heading to Niger, was still stuck in the town on Monday."
    )
    e = _one(extractor, text)
    assert (e.location, e.country, e.sub_event_type) == ("Kaya", "BF", "Peaceful protest")


def test_a_statement_with_no_place_is_placed_at_the_dateline_but_fighting_is_not(
    extractor: Extractor,
) -> None:
    coup = (
        "NIAMEY — Des militaires ont annoncé mercredi soir à la télévision nationale avoir renversé le "
        "président Mohamed Bazoum."
    )
    assert _one(extractor, coup).location == "Niamey"
    ambush = "NIAMEY — Five soldiers were killed in an ambush on Monday, the defence ministry said."
    assert _one(extractor, ambush).location != "Niamey"


def test_a_after_a_country_word_names_the_city_but_ambassadors_are_posted_to_the_country(
    extractor: Extractor,
) -> None:
    protest = "Des milliers de personnes ont manifesté vendredi à Alger contre un cinquième mandat."
    assert _one(extractor, protest).location == "Alger"
    recall = "Le Mali a rappelé son ambassadeur à Alger dimanche, a annoncé le gouvernement à Bamako."
    assert _one(extractor, recall).actor2_id == "dz-state"


def test_part_of_a_hyphenated_name_is_no_place_but_an_axis_joins_two(extractor: Extractor) -> None:
    text = "Three civilians were killed by suspected jihadists on Monday in Tin-Zalayanane, an official said."
    assert _one(extractor, text).location != "Tin"
    axis = "Un civil a été tué mardi sur l'axe Namssiguia-Djibo par des hommes armés."
    assert _one(extractor, axis).location in ("Namssiguia", "Djibo")


def test_places_listed_after_an_introducing_word_are_each_an_attack(extractor: Extractor) -> None:
    text = (
        "L'armée malienne affirme avoir repoussé mardi une série d'attaques coordonnées contre des positions "
        "militaires dans l'ouest du pays, notamment à Kayes, Diboli et Sandaré."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.location for e in events] == ["Kayes", "Diboli", "Sandaré"]


def test_a_capitalised_word_after_a_comma_is_no_listed_place(extractor: Extractor) -> None:
    # "Karou" is a village of Gao region; after "Djibo, " with no list going on it is not read as a place
    e = _one(extractor, "Gunmen killed five people in Djibo, Karou said on Monday.")
    assert e.location == "Djibo"


def test_a_statement_naming_no_place_is_placed_at_the_dateline_not_at_a_place_recalled(
    extractor: Extractor,
) -> None:
    text = (
        "BAMAKO – Le groupe paramilitaire russe Wagner a annoncé vendredi sur Telegram son départ du Mali. "
        "Wagner avait notamment subi de lourdes pertes du 25 au 27 juillet 2024 à Tinzaouatène."
    )
    events = [e for e in extractor.extract(text, published=dt.date(2025, 6, 7)) if not e.historical]
    assert [(e.location, e.plover_type) for e in events] == [("Bamako", "RETREAT")]


def test_a_town_the_gazetteer_files_under_no_province_is_kept_in_the_province_the_report_names(
    extractor: Extractor,
) -> None:
    text = (
        "Un gendarme a été tué samedi lors d'une attaque contre la brigade de Sidéradougou, dans la province "
        "de la Comoé."
    )
    (event,) = extractor.extract(text, published=dt.date(2020, 1, 5))
    assert (event.location, event.geo_precision, event.admin2) == ("Sidéradougou", 1, "Comoé")
    assert abs(event.latitude - 10.676) < 0.01 and abs(event.longitude + 4.253) < 0.01


def test_a_village_of_a_commune_is_not_its_far_namesake(extractor: Extractor) -> None:
    text = "Séno : un civil tué à Kona. Un civil a été tué mardi à Kona, village de la commune de Gorgadji."
    (event,) = extractor.extract(text, published=dt.date(2021, 1, 20))
    # the gazetteer's Konas lie 200 km and more away: the village is placed at its commune
    assert (event.location, event.geo_precision, event.admin1) == ("Kona", 2, "Sahel")
    assert abs(event.latitude - 14.03) < 0.1 and abs(event.longitude + 0.52) < 0.1
    # a village the gazetteer knows inside its commune keeps its own point
    text = "Deux habitants de Pétabouli, village de la commune de Gorom-Gorom, ont été tués samedi."
    (event,) = extractor.extract(text, published=dt.date(2021, 1, 20))
    assert (event.location, event.geo_precision) == ("Pétabouli", 1)


def test_national_forces_tell_the_country_no_name_gives(extractor: Extractor) -> None:
    """ "Les FAMa" names Mali: its Boni (Douentza), not the Boni of Burkina Faso the gazetteer also holds."""
    e = _one(extractor, "Les FAMa ont repoussé samedi une attaque terroriste à Boni.")
    assert (e.country, e.admin2, e.actor2_id) == ("ML", "Douentza", "ml-military")


def test_forces_of_two_countries_leave_the_country_to_the_places(extractor: Extractor) -> None:
    e = _one(
        extractor, "Les FAMa et les VDP ont repoussé samedi une attaque à Boni, dans la province du Tuy."
    )
    assert e.country == "BF"


def test_a_park_written_in_lower_case_is_found(extractor: Extractor) -> None:
    e = _one(extractor, "Des hommes armés ont tué samedi trois gardes forestiers dans le parc du W.")
    assert (e.location, e.country) == ("parc du W", "NE")


def test_a_paragraph_opening_with_a_surname_is_no_dateline(extractor: Extractor) -> None:
    """ "Traoré, 34, said..." opening a paragraph names the captain, not the village (dev en-0951)."""
    text = (
        "OUAGADOUGOU — Lieutenant-Colonel Paul-Henri Sandaogo Damiba agreed on Sunday to step down "
        "as Burkina Faso's leader, two days after a group of officers led by Captain Ibrahim Traoré "
        "announced on state television that he had been removed, religious and community leaders "
        "who mediated between the two camps said.\n\n"
        "Damiba, who himself took power in a coup in January, set seven conditions for his "
        "resignation, including guarantees for his safety and that of his allies. He has since left "
        "the country for Lomé, in neighbouring Togo, according to Togolese sources.\n\n"
        "The crisis began on Friday with gunfire in parts of the capital and soldiers deployed "
        "around the state broadcaster. On Saturday, the new junta accused France of sheltering "
        "Damiba at the Kamboinsé base used by French special forces, which Paris denied. Crowds "
        "then attacked the French embassy in Ouagadougou, setting fires outside its walls, and the "
        "Institut français in Bobo-Dioulasso, where the facade was damaged.\n\n"
        "Traoré, 34, said the officers had acted because of the deterioration of the security "
        "situation. The new authorities have since called for calm and asked demonstrators to "
        "refrain from violence against French interests."
    )
    events = extractor.extract(text, published=dt.date(2022, 10, 3))
    assert events and all(e.location != "Traoré" for e in events)


def test_a_first_name_before_a_surname_is_no_place(extractor: Extractor) -> None:
    """ "Mohamed Bazoum's victory": GeoNames has a well called Mohamed; the name goes on past the 's."""
    text = (
        "Two people were killed in the unrest that followed the announcement of Mohamed Bazoum's victory "
        "in Niger's presidential run-off, the interior minister said on Thursday."
    )
    events = extractor.extract(text, published=dt.date(2021, 2, 25))
    assert events and all(e.location != "Mohamed" for e in events)


def test_a_capital_beats_a_hamlet_of_its_name_in_the_report_s_other_country(extractor: Extractor) -> None:
    text = (
        "Issa Kaou N'Djim a été arrêté mercredi à Bamako après des propos sur une prétendue tentative de "
        "coup d'État au Burkina Faso."
    )
    (e,) = extractor.extract(text, published=dt.date(2024, 11, 15))
    assert (e.location, e.country, e.admin1) == ("Bamako", "ML", "Bamako")


def test_an_unlisted_village_keeps_its_name_at_its_areas_point(extractor: Extractor) -> None:
    text = "At least 29 Nigerien soldiers were killed on Monday near Tabatol, in the Tillabéri region."
    e = _one(extractor, text)
    assert (e.location, e.admin1, e.country, e.geo_precision) == ("Tabatol", "Tillabéri", "NE", 2)
    assert abs(e.latitude - 14.21) < 0.05  # Tillabéri's point: the gazetteer has no Tabatol
    where = next(ev for ev in e.evidence if ev.field == "location")
    assert (where.text, text[where.start : where.end]) == ("Tabatol", "Tabatol")


def test_a_village_word_places_a_listed_village_in_the_department_named(extractor: Extractor) -> None:
    text = "Un civil a été tué samedi dans le village de Djahoye, dans la province de l'Oudalan."
    e = _one(extractor, text)
    assert (e.location, e.admin2) == ("Djahoye", "Oudalan")


def test_a_capitalised_word_after_in_is_no_village_without_an_apposed_area(extractor: Extractor) -> None:
    # "in Tabatol" alone could be anything capitalised ("in Kallon's statement"): only an apposition that
    # sets it in a named area ("Tabatol, in the Tillabéri region") makes it a village
    e = _one(extractor, "Five soldiers were killed on Monday in Tabatol in the Tillabéri region.")
    assert (e.location, e.geo_precision) == ("Tillabéri", 3)


def test_a_namesake_town_abroad_does_not_place_the_village(extractor: Extractor) -> None:
    text = (
        "At least 110 civilians were killed on Saturday when militants attacked farm workers near Zabarmari, "
        "in Jere local government area of Borno state."
    )
    e = _one(extractor, text)
    assert (e.location, e.country, e.admin1) == ("Zabarmari", "NG", "Borno")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "Gunmen abducted 303 pupils from a school in Papiri, Agwara local government area of Niger "
            "State, early on Friday.",
            ("Papiri", "NG", "Niger"),  # Nigeria's Niger State, not the country Niger
        ),
        (
            "Gunmen stormed the Federal Government College in Birnin Yauri, Kebbi State, on Thursday "
            "and shot dead a police officer.",
            ("Birnin Yauri", "NG", "Kebbi"),
        ),
        (
            "Gunmen raided a girls' school in Maga, Danko-Wasagu local government area of Kebbi State, on "
            "Monday and shot dead the vice-principal.",
            ("Maga", "NG", "Kebbi"),  # the gazetteer's Maga lies in Mali: a namesake abroad
        ),
    ],
)
def test_a_village_set_in_a_state_named_after_it(
    extractor: Extractor, text: str, where: tuple[str, ...]
) -> None:
    e = _one(extractor, text)
    assert (e.location, e.country, e.admin1) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "Boko Haram fighters killed 92 soldiers when they attacked a base on the Bohoma peninsula in the "
            "Lac province on Monday.",
            ("Bohoma", "TD", "Lac"),
        ),
        (
            "Des hommes armés ont attaqué dimanche le camp de Tazalit, dans la région de Tahoua, tuant "
            "vingt-deux soldats.",
            ("Tazalit", "NE", "Tahoua"),
        ),
    ],
)
def test_a_site_the_gazetteer_lacks_is_named_at_its_areas_point(
    extractor: Extractor, text: str, where: tuple[str, ...]
) -> None:
    e = _one(extractor, text)
    assert (e.location, e.country, e.admin1) == where


def test_a_capital_cities1000_alone_holds_is_a_capital(extractor: Extractor) -> None:
    # cities1000 gives no feature code or population; the pack's curated aliases mark the capitals
    text = "Tens of thousands of opposition supporters marched through Lomé on Wednesday, demanding reforms."
    e = _one(extractor, text)
    assert (e.location, e.country) == ("Lomé", "TG")


def test_a_capital_in_an_agreements_name_places_nothing(extractor: Extractor) -> None:
    text = "Mali's junta said on Thursday it was ending the 2015 Algiers peace agreement with armed groups."
    e = _one(extractor, text)
    assert e.location != "Algiers" and e.country == "ML"


def test_an_apposition_may_say_where_the_town_lies_in_many_words(extractor: Extractor) -> None:
    text = (
        "Suspected jihadists killed 30 people late on Sunday in Auno, a town on the highway about 25 km west "
        "of the Borno state capital, witnesses said."
    )
    e = _one(extractor, text)
    assert (e.location, e.admin1, e.country) == ("Auno", "Borno", "NG")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Suspected Lakurawa fighters killed about 15 people on Wednesday in Kwallajiya village, Tangaza "
            "local government area of Sokoto State.",
            "Kwallajiya",
        ),
        (
            "Raiders entered the village of Ouzal in Koza on Sunday and wounded a man with a machete, "
            "killing two others.",
            "Ouzal",  # the village, not Koza whose point it takes
        ),
        (
            "JAS fighters attacked ISWAP camps on the islands of Toumbun Gini and Toumbun Ali in Abadam "
            "local government area of Borno State on Friday, killing 31 fighters.",
            "Toumbun Gini",
        ),
    ],
)
def test_a_village_named_beside_its_host_is_the_place(extractor: Extractor, text: str, place: str) -> None:
    e = _one(extractor, text)
    assert e.location == place and e.geo_precision == 2


def test_a_village_named_again_in_a_later_line_is_the_same_occurrence(extractor: Extractor) -> None:
    # the bundled sample: its source line names "the March 2022 killings" and Tamalat again
    sample = Path(__file__).parents[2] / "samples" / "news" / "2022-03-10_menaka_tamalat_en.txt"
    events = extractor.extract(sample.read_text(encoding="utf-8"), published=dt.date(2022, 3, 10))
    assert len(events) == 1  # Tamalat lies at Anderamboukane's point: one place for merging


def test_a_village_named_beside_a_road_s_ends_is_the_place(extractor: Extractor) -> None:
    text = (
        "Trois gardes forestiers ont été tués lundi dans l'attaque d'une patrouille entre Fada N'Gourma et "
        "Pama, près de Natiaboani, dans l'est du Burkina Faso."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 4, 28))
    assert (event.location, event.geo_precision) == ("Natiaboani", 2)


def test_a_boat_named_after_a_town_names_no_place(extractor: Extractor) -> None:
    text = (
        'Armed men fired rockets on Thursday at the passenger boat "Tombouctou" near Bamba, in the Gao '
        "region, killing at least 49 civilians."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 9, 9))
    assert event.location == "Bamba"


def test_a_place_named_by_its_site_is_the_place(extractor: Extractor) -> None:
    text = "Gunmen killed six aid workers on Sunday in the Kouré giraffe reserve, south-east of Niamey."
    (event,) = extractor.extract(text, published=dt.date(2020, 8, 10))
    assert (event.location, event.admin1) == ("Kouré", "Tillabéri")
    text = "Two soldiers were killed on Sunday in an ambush near the Dogon village of Sobane Da."
    assert extractor.extract(text, published=dt.date(2020, 8, 10))[0].location != "Dogon"
