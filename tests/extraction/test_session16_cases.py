"""Cases found in session 16: tolls told far from their figure, dead told by who killed them, retold
figures."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2019, 8, 24)


def test_a_toll_that_rose_after_a_long_phrase_is_the_update(extractor: Extractor) -> None:
    text = (
        "The death toll from an attack on a joint army and gendarmerie post at Kafolo, in northern Côte "
        "d'Ivoire near the border with Burkina Faso, has risen to 14 soldiers, the army said on Friday. "
        "Dozens of assailants struck the post during the night of Wednesday to Thursday."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 14


def test_a_national_total_is_not_the_towns_toll(extractor: Extractor) -> None:
    text = (
        "A doctor said 15 people had died in clashes between communities in Nzérékoré on Sunday. Nationally "
        "the authorities say six people were killed in polling-day violence."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 15


def test_number_words_do_not_join_across_a_full_stop(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked Sobane on Thursday. The governor put the death toll at three. A doctor was wounded."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 3


def test_a_part_of_the_dead_is_not_counted_again(extractor: Extractor) -> None:
    text = (
        "Three aid workers were killed when Boko Haram fighters raided the town of Rann on Thursday. Two of "
        "the dead were contractors for the IOM and the third was a doctor."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 3


def test_a_figure_told_again_after_a_semicolon_counts_once(extractor: Extractor) -> None:
    text = (
        "A UN peacekeeper was killed on Saturday when a mine went off under his convoy near Douentza. The "
        "peacekeepers fired back, killing one assailant and detaining eight others; a security source also "
        "reported one attacker dead."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 2


def test_another_partys_larger_figure_after_but_gives_way(extractor: Extractor) -> None:
    text = (
        "Jeudi, des hommes armés ont attaqué Fotokol. Le ministère a confirmé la mort de 81 civils, mais des "
        "ONG locales avancent un bilan proche de 370 tués."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 81


def test_a_figure_after_while_is_another_count_of_the_same_dead(extractor: Extractor) -> None:
    text = (
        "The regional governor put the death toll at three, while a doctor said 15 people had died in the "
        "clashes in Nzérékoré on Sunday."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 3


def test_the_speaker_after_a_closed_quote_is_no_victim(extractor: Extractor) -> None:
    text = (
        "« Il y a eu une attaque lundi à Abankor. Il y a eu dix morts. Les victimes étaient à la mosquée "
        "quand elles ont été assassinées », a déclaré mercredi un responsable municipal de Banibangou."
    )
    events = extractor.extract(text, published=DAY)
    # "un responsable" spoke after the quote closed: he is no one killed
    assert {e.fatalities for e in events} <= {10, None}
    assert 10 in {e.fatalities for e in events}


def test_a_ministry_of_defence_that_confirmed_reports(extractor: Extractor) -> None:
    text = (
        "Le ministère camerounais de la Défense a confirmé jeudi la mort de 12 civils dans une attaque à "
        "Fotokol."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.actor1_id != "cm-government"


def test_authorities_who_attributed_the_assault_to_a_group_name_it(extractor: Extractor) -> None:
    text = (
        "Au moins douze militaires nigériens ont été tués mercredi lors de l'attaque d'une base de l'armée "
        "dans la région de Diffa. Les autorités ont attribué l'assaut au groupe Boko Haram."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.actor1_id == "jas-boko-haram"


def test_singles_listed_after_a_figure_each_count(extractor: Extractor) -> None:
    text = (
        "Two policemen, a customs officer and a civilian were killed when gunmen attacked the checkpoint at "
        "Mora on Thursday."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 4


def test_a_breakdown_of_the_same_kind_is_not_more_dead(extractor: Extractor) -> None:
    text = "Au moins dix civils, deux femmes et huit hommes, ont été tués jeudi à Mora."
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 10


def test_officers_injured_in_a_riot_are_its_outcome_not_a_clash(extractor: Extractor) -> None:
    text = (
        "Angry youths stormed the Techiman South collation centre on Thursday afternoon, smashed windows and "
        "set fire to election materials. Several police officers were injured."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.event_type for e in events] == ["Riots"]


def test_eliminated_candidates_are_nobody_killed(extractor: Extractor) -> None:
    text = "Talon had trailed in the first round on March 6 but drew the backing of 24 eliminated candidates."
    assert extractor.extract(text, published=DAY) == []


def test_terrorists_eliminated_are_still_a_claim(extractor: Extractor) -> None:
    for text in (
        "L'armée a éliminé une dizaine de terroristes jeudi près de Djibo.",
        "The army said on Thursday that eleven terrorists were eliminated near Djibo.",
    ):
        (event,) = extractor.extract(text, published=DAY)
        assert event.sub_event_type == "Armed clash"


def test_drones_neutralised_are_no_people(extractor: Extractor) -> None:
    text = (
        "Dans la nuit de jeudi, les Forces armées maliennes ont neutralisé deux drones ennemis qui visaient "
        "l'aéroport de Tombouctou."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 0


def test_a_village_no_gazetteer_lists_keeps_its_name_without_a_point(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a patrol in the village of Blamonga, in the far north of Togo, on Thursday, "
        "killing two soldiers."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.country, event.location, event.latitude, event.longitude) == ("TG", "Blamonga", None, None)


def test_a_forest_or_district_named_alone_is_no_village(extractor: Extractor) -> None:
    text = (
        "Au moins 30 personnes ont été tuées jeudi soir à Konduga lorsque trois kamikazes se sont fait "
        "exploser. La localité, proche de la forêt de Sambisa, a déjà été frappée."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.location for e in events] == ["Konduga"]


def test_a_state_closing_its_eastern_border_sanctions(extractor: Extractor) -> None:
    text = "Chad closed its eastern border with Sudan on Thursday, citing repeated incursions."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.plover_type, event.actor1_id) == (
        "Other",
        "SANCTION",
        "td-government",
    )


def test_a_word_of_a_longer_region_name_is_not_another_countrys_region(extractor: Extractor) -> None:
    text = (
        "In the Bono East Region, supporters of the rival parties fought on Thursday night and ballot boxes "
        "were smashed."
    )
    events = extractor.extract(text, published=DAY)
    assert events and all(e.country != "CM" for e in events)


def test_a_crossroads_is_no_place(extractor: Extractor) -> None:
    text = (
        "Jeudi matin, des centaines de manifestants ont marché autour du Carrefour 8, à Garoua, en scandant "
        "le nom de l'opposant."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.country, event.location) == ("CM", "Garoua")


def test_a_flood_report_with_a_governor_and_an_appeal_is_no_event(extractor: Extractor) -> None:
    text = (
        "Almost two million people have been affected by flooding since late July, OCHA said on Thursday. At "
        "least 576 people have died and more than 200,000 homes have been destroyed. The rivers are expected "
        "to reach critical levels, threatening the capital, and the governor has appealed for more aid."
    )
    assert extractor.extract(text, published=DAY) == []


def test_gold_diggers_killed_when_a_shaft_collapsed_are_no_attack(extractor: Extractor) -> None:
    text = "More than 70 gold diggers died on Thursday when a shaft collapsed in the south-west of Mali."
    assert extractor.extract(text, published=DAY) == []


def test_figures_of_speech_and_fears_tell_no_attack(extractor: Extractor) -> None:
    for text in (
        "Government spokesman Colonel Abdoulaye Maïga called the remarks an attack on Mali's sovereignty.",
        "Au garage malien, les camions se font rares et les chauffeurs tuent le temps autour du thé.",
        "Le scrutin a été entravé dans de nombreuses localités du centre, par crainte des attaques.",
    ):
        assert extractor.extract(text, published=DAY) == [], text


def test_a_government_cutting_diplomatic_ties_sanctions(extractor: Extractor) -> None:
    text = "Mali's military government said on Thursday it was cutting diplomatic ties with Ukraine."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.plover_type, event.actor1_id, event.actor2_id) == ("SANCTION", "ml-government", "ua-state")


def test_a_sentence_setting_the_attack_in_time_is_no_second_event(extractor: Extractor) -> None:
    text = (
        "Le mardi 5 février 2019, le détachement de gendarmerie d'Oursi a fait l'objet d'une attaque "
        "terroriste. Cinq gendarmes ont perdu la vie. Cette attaque survient le jour même du sommet du G5 "
        "Sahel à Ouagadougou."
    )
    events = extractor.extract(text, published=dt.date(2019, 2, 6))
    assert [(e.location, e.fatalities) for e in events] == [("Oursi", 5)]


def test_a_sentence_that_compares_with_another_attack_still_tells_it(extractor: Extractor) -> None:
    text = (
        "Les FAMa ont repoussé lundi une attaque contre le camp militaire de Tombouctou. Cette attaque "
        "survient au lendemain de celle, revendiquée par le JNIM, contre le camp de Boulkessi, dimanche."
    )
    events = extractor.extract(text, published=dt.date(2025, 6, 3))
    assert len(events) == 2


def test_a_people_is_no_village(extractor: Extractor) -> None:
    text = "Gunmen killed 35 people on Sunday night in a Dogon village of central Mali."
    (event,) = extractor.extract(text, published=dt.date(2019, 6, 12))
    assert event.location != "Dogon"


def test_barricades_beside_a_march_make_one_violent_demonstration(extractor: Extractor) -> None:
    text = (
        "Des centaines de manifestants ont marché jeudi à Yopougon, à Abidjan, pour réclamer la libération "
        "d'un opposant. Dans plusieurs quartiers, des jeunes ont érigé des barricades et brûlé des pneus."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]


def test_the_others_after_a_clause_about_the_first_victim_add_up(extractor: Extractor) -> None:
    text = (
        "Gunmen burst into a family compound in Malgbangou on Thursday night and opened fire, killing its "
        "owner, who had been sheltering people displaced from neighbouring villages, and seven others."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 8


def test_an_aside_after_a_figure_breaks_it_down(extractor: Extractor) -> None:
    text = (
        "On Thursday a motor tricycle bringing four people back from the fields struck an improvised "
        "explosive device at Bonzougou. All four - two young girls and a teacher among them - were killed."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 4


def test_throats_cut_are_killings(extractor: Extractor) -> None:
    text = (
        "On Thursday night hooded men entered the village of Bamone and cut the throats of three residents."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 3)


def test_two_named_days_with_their_own_dead_are_two_events(extractor: Extractor) -> None:
    text = (
        "On August 20, attackers cut the throats of two civilians in Tomonlé, in Kpendjal. On the evening of "
        "August 21, a large group assaulted Ponyo, sparking hours of gunfire. A woman was killed."
    )
    events = extractor.extract(text, published=DAY)
    assert [(e.event_date, e.fatalities) for e in events] == [
        (dt.date(2019, 8, 20), 2),
        (dt.date(2019, 8, 21), 1),
    ]


def test_clashes_between_communities_are_mob_violence(extractor: Extractor) -> None:
    text = "À Daoukro, des affrontements intercommunautaires ont fait six morts et 51 blessés jeudi."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor1_id, event.fatalities) == ("Mob violence", "rioters-ci", 6)


def test_communal_violence_by_a_named_militia_stays_its_attack(extractor: Extractor) -> None:
    text = (
        "Au moins 39 personnes ont été tuées depuis lundi dans des violences intercommunautaires visant des "
        "habitants peuls près d'Arbinda, imputées à des membres de groupes d'autodéfense Koglweogo."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor1_id) == ("Attack", "koglweogo")


def test_money_is_no_toll(extractor: Extractor) -> None:
    text = (
        "On Thursday gunmen blocked the Shinkafi–Sabon Birni road and robbed cattle traders of about ₦12 "
        "million, shooting one of the traders dead."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities != 12_000_000


def test_another_group_of_bandits_is_another_event(extractor: Extractor) -> None:
    text = (
        "Bandits killed five people in a pre-dawn raid on Sayaya village in Matazu on Thursday, police "
        "said. On Wednesday, another group of bandits attacked a procession at Rugar Kusa village in Musawa, "
        "killing nine people according to the police count; some residents put the toll at 25 or more."
    )
    events = extractor.extract(text, published=DAY)
    assert sorted(e.fatalities or 0 for e in events) == [5, 9]


def test_a_first_figure_a_source_gave_gives_way_to_the_next(extractor: Extractor) -> None:
    text = (
        "Des coups de feu ont éclaté jeudi soir à Kidal entre deux groupes. Une source militaire a d'abord "
        "parlé d'au moins un mort ; le ministère de la Défense a ensuite avancé le chiffre de quatre morts."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 4


def test_a_city_of_half_a_million_beats_a_small_seat_of_its_name(extractor: Extractor) -> None:
    text = "La colère contre le couvre-feu a viré à l'émeute jeudi à Touba, siège de la confrérie mouride."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.country, event.actor1_id) == ("SN", "rioters-sn")


def test_who_evacuated_the_wounded_is_no_party(extractor: Extractor) -> None:
    text = (
        "Une mission d'escorte des Forces armées maliennes est tombée dans une embuscade jeudi entre Boni et "
        "Nokara. Deux militaires ont été tués et sept blessés, évacués par l'aviation malienne."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.actor1_id, event.actor2_id) == ("unidentified-armed-group", "ml-military")


def test_a_police_rank_before_a_name_is_no_armed_coalition(extractor: Extractor) -> None:
    text = (
        "Gunmen suspected to be members of the Lakurawa group killed at least 13 members of a local "
        "vigilante group near Morai, in Kebbi State, on Thursday. Kebbi police spokesman CSP Nafiu Abubakar "
        "did not answer calls. The raiders drove off cattle; such raids and killings have hit the two states "
        "for months."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.actor1_id, event.fatalities) == ("lakurawa", 13)


def test_a_vague_figure_and_others_add_up(extractor: Extractor) -> None:
    text = (
        "Une frappe de drone de l'armée malienne a tué une dizaine d'enfants et quatre autres personnes "
        "jeudi soir à Douna."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 14


def test_polling_stations_are_no_dead(extractor: Extractor) -> None:
    text = (
        "Jeudi, dans le nord, le président d'un bureau de vote a été tué par des jihadistes, et 490 bureaux "
        "sur 23 000 n'ont pas pu ouvrir."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities != 490


def test_people_a_possessive_lists_after_a_figure_each_count(extractor: Extractor) -> None:
    for text in (
        "Six French aid workers, their Nigerien driver and a local guide were shot dead on Thursday by "
        "gunmen on motorbikes near Kouré.",
        "Six humanitaires français, leur chauffeur nigérien et leur guide ont été tués jeudi par des hommes "
        "armés près de Kouré.",
    ):
        (event,) = extractor.extract(text, published=DAY)
        assert event.fatalities == 8, text


def test_a_listed_single_is_counted_once(extractor: Extractor) -> None:
    text = "Two soldiers, their driver and a guide were killed on Thursday near Kouré."
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 4


def test_the_figure_after_killing_is_its_object(extractor: Extractor) -> None:
    text = "Five suicide bombers blew themselves up in Maiduguri on Thursday, killing at least 36 people."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.fatalities, event.actor1_id) == (36, "unidentified-armed-group")


def test_an_army_named_by_its_operation_is_that_operation(extractor: Extractor) -> None:
    text = (
        "France's special forces of the Sabre task force formally ended their mission in Burkina Faso on "
        "Sunday with a flag-lowering ceremony at their base at Kamboinsin, on the outskirts of Ouagadougou."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 2, 20))
    assert (event.actor1_id, event.actor2_id) == ("sabre", "bf-military")
