"""Cases found in session 15: placard slogans, demands that killings stop, two subjects of a mutual act."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

DAY = dt.date(2019, 8, 24)


def test_what_placards_say_tells_a_protest_not_a_killing(extractor: Extractor) -> None:
    text = (
        "Hundreds of young people marched through Bandiagara on Friday. They carried placards reading “Too "
        "many dead, granaries looted, villages burned” and dispersed peacefully at noon."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_french_banner_slogan_is_no_attack(extractor: Extractor) -> None:
    text = (
        "Des centaines de femmes ont marché samedi à Sévaré, scandant « Non aux tueries de nos enfants » "
        "devant le gouvernorat."
    )
    events = extractor.extract(text, published=DAY)
    # the hundreds who marched are no toll of the "tueries" the slogan names
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Peaceful protest", 0)]


def test_a_placard_that_names_the_dead_and_burned_villages_is_no_riot(extractor: Extractor) -> None:
    text = (
        "Des centaines de femmes ont marché samedi à Sévaré avec des pancartes sur lesquelles on pouvait "
        "lire : « Trop de morts, nos villages brûlés »."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_quote_before_a_slogan_word_is_not_masked(extractor: Extractor) -> None:
    text = "“Gunmen killed five villagers in Sobane on Sunday,” the mayor said, holding a copy of the report."
    events = extractor.extract(text, published=DAY)
    assert [e.fatalities for e in events] == [5]


def test_killings_that_must_stop_are_a_demand(extractor: Extractor) -> None:
    text = (
        'Young people in Bandiagara took to the streets on Friday. "The mass killings must stop," said '
        "one protester."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.event_type for e in events] == ["Protests"]


def test_two_subjects_of_a_clash_are_in_their_order(extractor: Extractor) -> None:
    text = (
        "Four people were killed on Wednesday when suspected militants and soldiers clashed on the road "
        "between Toéni and Loroni, in Sourou province."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.actor1_id, event.actor2_id) == ("unidentified-armed-group", "bf-military")


def test_two_subjects_who_confronted_each_other_in_french(extractor: Extractor) -> None:
    text = (
        "Quatre personnes ont été tuées mercredi lorsque des hommes armés et des soldats se sont affrontés "
        "près de Toéni."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.actor1_id, event.actor2_id) == ("unidentified-armed-group", "bf-military")


def test_a_man_who_set_off_his_charge_is_a_suicide_bomber_counted_besides(extractor: Extractor) -> None:
    text = (
        "Un homme a tenté de se glisser dans le marché de Mora dimanche. Repéré par des membres du comité "
        "de vigilance, il a déclenché sa charge explosive. Deux civils ont été tués sur le coup, en plus "
        "de l'assaillant lui-même."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.fatalities) == ("Suicide bomb", 3)
    # the vigilance committee faced the bomber: only an armed group sends one
    assert event.actor1_id == "unidentified-armed-group"


def test_the_perpetrator_killed_in_the_blast_is_the_toll(extractor: Extractor) -> None:
    text = (
        "Un kamikaze a fait exploser son véhicule samedi devant la gendarmerie de Tamanrasset. L'auteur a "
        "été tué dans la déflagration. Vingt-trois personnes ont été blessées."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 1


def test_figures_in_apposition_that_add_up_break_the_toll_down(extractor: Extractor) -> None:
    text = (
        "Au moins dix civils, deux femmes et huit hommes, ont été tués dans la nuit de jeudi lors d'une "
        "attaque de présumés membres de Boko Haram contre le village de Tenana, dans la province du Lac."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 10


def test_the_bodies_found_are_the_dead_in_french(extractor: Extractor) -> None:
    text = (
        "Les corps de sept membres d'une délégation venue sensibiliser la population ont été découverts "
        "jeudi à Womé."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.fatalities for e in events] == [7]


def test_protesters_killed_by_bullets_during_a_dispersal_is_excessive_force(extractor: Extractor) -> None:
    text = (
        "Trois jeunes manifestants ont été tués par balles mercredi à Conakry, lorsque les forces de "
        "l'ordre ont voulu disperser une marche de l'opposition."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]


def test_dozens_of_attackers_the_army_killed_add_to_the_soldiers(extractor: Extractor) -> None:
    text = (
        "Sept soldats nigériens ont été tués lundi lors d'une attaque de jihadistes présumés contre une "
        "position militaire dans la zone de Boni, a annoncé mardi le gouvernement. Les forces armées ont "
        "riposté et tué plusieurs dizaines de terroristes."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 7 + 12


def test_several_attackers_killed_beside_a_precise_toll_are_not_counted(extractor: Extractor) -> None:
    text = (
        "Fourteen Burkinabe soldiers killed in ambush. A military patrol was ambushed near Tin-Akof, in "
        "Oudalan province, on Wednesday, security sources said. Several assailants were also killed."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert event.fatalities == 14


def test_a_capital_that_tells_the_news_is_not_where_it_happened(extractor: Extractor) -> None:
    text = (
        "Sept soldats nigériens ont été tués lundi lors d'une attaque contre une position militaire dans "
        "la zone de Boni, a annoncé mardi le gouvernement. Selon Niamey, les forces armées ont riposté et "
        "tué vingt terroristes."
    )
    events = extractor.extract(text, published=DAY)
    assert [(e.location, e.fatalities) for e in events] == [("Boni", 27)]


def test_a_town_that_qualifies_a_news_site_is_no_place_of_the_fighting(extractor: Extractor) -> None:
    text = (
        "Fresh fighting broke out on Wednesday between the pro-government GATIA militia and the former "
        "rebels of the CMA at Aglal, about 70 km from Kidal. According to a Bamako news site close to "
        "GATIA, CMA units went on the offensive against GATIA positions but were repulsed, leaving more "
        "than 30 dead."
    )
    events = extractor.extract(text, published=DAY)
    assert len(events) == 1
    assert "Bamako" not in [e.location for e in events]
    # "pro-government" says whose side GATIA is on: the government fought no one
    assert (events[0].actor1_id, events[0].fatalities) == ("gatia", 30)


def test_a_flood_toll_beside_a_meeting_and_an_appeal_is_no_event(extractor: Extractor) -> None:
    text = (
        "The floods that have hit the country since the rains began in July have affected 900,000 people, "
        "according to figures presented at a meeting chaired by the prime minister. The toll stands at 300 "
        "dead and 90,000 homes destroyed. The Red Cross launched an emergency appeal."
    )
    assert extractor.extract(text, published=dt.date(2024, 9, 16)) == []


def test_a_flood_toll_counted_as_of_a_date_is_no_arrest_nor_attack(extractor: Extractor) -> None:
    text = (
        "Les pluies diluviennes qui s'abattent sur le Niger depuis juin ont causé la mort de 339 "
        "personnes, selon un décompte arrêté au 23 septembre. Le bilan précédent, publié début septembre "
        "par le ministère de l'Intérieur, faisait état de 273 morts."
    )
    assert extractor.extract(text, published=dt.date(2024, 10, 8)) == []


def test_regional_flood_tolls_are_no_attacks(extractor: Extractor) -> None:
    text = (
        "Les pluies torrentielles qui frappent le Niger depuis juin ont fait 103 morts, selon un point "
        "arrêté au 4 septembre par la Protection civile. Maradi (42 décès) et Zinder (27) sont les régions "
        "les plus touchées; Niamey compte deux morts."
    )
    assert extractor.extract(text, published=dt.date(2022, 9, 5)) == []


def test_attackers_who_withdrew_hand_over_no_territory(extractor: Extractor) -> None:
    text = (
        "Two Nigerien gendarmes were killed when armed men attacked a gendarmerie detachment at the "
        "Makalondi border post on Saturday evening, a security source said. Troops deployed in the area "
        "launched a sweep after the attackers withdrew."
    )
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_no_toll_published_tells_no_dead(extractor: Extractor) -> None:
    text = (
        "Un poste avancé de l'armée togolaise a été attaqué samedi à Kpekpakandi, dans la région des "
        "Savanes. L'assaut a fait douze morts parmi les militaires. Mercredi, Lomé n'avait toujours publié "
        "ni communiqué ni bilan officiel."
    )
    events = extractor.extract(text, published=dt.date(2024, 7, 24))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 12)]


def test_an_attack_by_the_same_group_recalled_is_that_group_s(extractor: Extractor) -> None:
    text = (
        "Les combattants de Boko Haram ont attaqué mercredi 17 janvier le camp militaire de Toumour, dans "
        "la région de Diffa. Cinq militaires et un civil ont été tués. En juin 2016, une attaque du même "
        "groupe à Bosso, à une vingtaine de kilomètres de là, avait coûté la vie à 26 soldats."
    )
    recalled = [e for e in extractor.extract(text, published=dt.date(2018, 1, 18)) if e.historical]
    # "une vingtaine de kilomètres" is a distance, not a toll
    assert [(e.location, e.actor1_id, e.fatalities) for e in recalled] == [("Bosso", "jas-boko-haram", 26)]


def test_the_body_of_a_kidnapped_geologist_is_one_dead(extractor: Extractor) -> None:
    text = (
        "The body of a Canadian geologist kidnapped from a mining exploration site in north-eastern "
        "Burkina Faso was found on Wednesday, officials said. He was seized late on Tuesday by gunmen who "
        "raided the company's camp at Tiabongou, in Yagha province."
    )
    events = extractor.extract(text, published=dt.date(2019, 1, 17))
    assert [e.fatalities for e in events] == [1]


def test_customs_officers_attacked_are_police(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on the customs post at Markoye in northern Burkina Faso on Thursday night, "
        "killing two customs officers, security sources said."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor2_id) == ("Armed clash", "bf-police")


def test_a_customs_post_named_as_a_landmark_is_no_party(extractor: Extractor) -> None:
    text = (
        "Gunmen shot dead a Spanish missionary on Friday near the Nohao customs post in Boulgou province, "
        "as he was driving back to Burkina Faso from Togo, his congregation said."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor2_id) == ("Attack", "civilians-bf")


def test_a_bare_retelling_of_one_victim_keeps_the_groups_toll(extractor: Extractor) -> None:
    text = (
        "Quatre douaniers et un prêtre espagnol ont été tués vendredi dans l'attaque du poste de Nohao, "
        "dans la province du Boulgou. Le missionnaire, qui regagnait le Togo, a été abattu par les "
        "assaillants."
    )
    assert [e.fatalities for e in extractor.extract(text, published=DAY)] == [5]


def test_girls_who_set_off_their_charges_are_suicide_bombers(extractor: Extractor) -> None:
    text = (
        "Vers 10 heures, quatre jeunes filles porteuses d'explosifs ont déclenché leurs charges à "
        "plusieurs endroits du marché de Bodo, dans l'Extrême-Nord. Le gouvernement fait état d'au moins "
        "32 morts."
    )
    events = extractor.extract(text, published=dt.date(2016, 1, 25))
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


def test_a_car_bomb_later_called_a_suicide_attack_is_a_suicide_bomb(extractor: Extractor) -> None:
    text = (
        "Au moins trois civils ont trouvé la mort lundi soir à Gao quand un véhicule piégé a explosé dans "
        "la cour d'une résidence, a annoncé le ministère de la Sécurité. Dans la soirée, le GSIM a "
        "revendiqué cette attaque-suicide."
    )
    (event,) = extractor.extract(text, published=dt.date(2018, 11, 13))
    assert (event.sub_event_type, event.actor1_id) == ("Suicide bomb", "jnim")


def test_civilians_are_those_of_the_country_where_it_happened(extractor: Extractor) -> None:
    text = (
        "Nigerian troops said on Monday that suspected jihadists had killed five villagers on Sunday in "
        "Kousseri, across the border in Cameroon."
    )
    (event,) = extractor.extract(text, published=dt.date(2017, 6, 2))
    assert (event.country, event.actor2_id) == ("CM", "civilians-cm")


def test_an_agency_s_acronym_is_no_town(extractor: Extractor) -> None:
    text = (
        "Seize personnes ont été tuées dimanche soir dans des attentats-suicides à la périphérie de "
        "Maiduguri. Trois blessés ont succombé à l'hôpital, selon le porte-parole de la NEMA."
    )
    events = extractor.extract(text, published=dt.date(2017, 6, 19))
    assert [e.location for e in events] == ["Maiduguri"]


def test_a_flag_burned_at_a_big_march_is_a_peaceful_protest(extractor: Extractor) -> None:
    text = (
        "Des milliers de Mauritaniens ont pris part vendredi soir à Nouakchott à une grande marche pour "
        "condamner les caricatures. Des manifestants ont brûlé un drapeau français."
    )
    events = extractor.extract(text, published=dt.date(2015, 1, 17))
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_opponents_gathering_dispersed_with_tear_gas_then_these_clashes(extractor: Extractor) -> None:
    text = (
        "La police mauritanienne a dispersé jeudi à coups de gaz lacrymogènes des opposants au référendum "
        "qui se rassemblaient à Tevragh Zeina, dans l'ouest de Nouakchott. Ces heurts sont survenus moins "
        "de deux heures avant un meeting du président."
    )
    events = extractor.extract(text, published=dt.date(2017, 8, 4))
    assert [(e.sub_event_type, e.actor2_id) for e in events] == [("Protest with intervention", "mr-police")]


def test_armed_men_who_intercepted_a_vehicle_disrupted_no_weapon(extractor: Extractor) -> None:
    text = (
        "Des individus armés non identifiés ont intercepté dans la nuit de dimanche un véhicule "
        "transportant des civils sur le tronçon reliant Chagham à Inékar, à l'ouest de Ménaka. Après avoir "
        "fait descendre les passagers, ils en ont abattu quatre, puis sont repartis avec le véhicule et "
        "les biens des victimes."
    )
    events = extractor.extract(text, published=dt.date(2018, 11, 20))
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_gunmen_who_made_themselves_masters_of_a_town_took_it(extractor: Extractor) -> None:
    text = (
        "Des hommes armés présentés comme des jihadistes se sont rendus maîtres vendredi de Boni, petite "
        "ville du cercle de Douentza, après le départ du détachement de l'armée malienne."
    )
    events = extractor.extract(text, published=dt.date(2016, 9, 3))
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_a_rocket_assault_with_an_hour_of_fighting_is_a_clash(extractor: Extractor) -> None:
    text = (
        "Des assaillants à moto ont attaqué à la roquette mardi les positions des forces de défense et de "
        "sécurité à Bani Bangou ; les combats ont duré environ une heure. Au moins cinq gardes nationaux "
        "ont été tués."
    )
    events = extractor.extract(text, published=dt.date(2016, 11, 8))
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_the_two_bombers_added_to_the_toll_are_counted(extractor: Extractor) -> None:
    text = (
        "Vers 7 heures, deux garçons ont actionné leurs charges dans le centre de Kolofata, dans "
        "l'Extrême-Nord du Cameroun. Le bilan provisoire fait état d'au moins neuf civils tués, auxquels "
        "s'ajoutent les deux kamikazes présumés."
    )
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2015, 9, 13))] == [11]


def test_the_attackers_own_dead_carried_away_add_to_the_soldiers(extractor: Extractor) -> None:
    text = (
        "Suspected jihadists attacked the army outpost of Bambara-Maounde on Sunday, killing four "
        "soldiers, the army said. The army had first tweeted a toll of three dead. A local official said "
        "the attackers carried away the bodies of two of their own."
    )
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2020, 2, 24))] == [6]


def test_the_group_the_authorities_call_the_author_did_it(extractor: Extractor) -> None:
    text = (
        "Quatre jeunes filles porteuses d'explosifs ont déclenché leurs charges lundi au marché de Bodo, "
        "dans l'Extrême-Nord. Le gouvernement fait état d'au moins 32 morts. Aucune revendication n'a été "
        "diffusée, mais pour les autorités camerounaises, l'attaque est l'œuvre de Boko Haram."
    )
    (event,) = extractor.extract(text, published=dt.date(2016, 1, 25))
    assert event.actor1_id == "jas-boko-haram"


def test_a_group_that_strikes_the_region_since_2015_is_pointed_at_not_a_new_attack(
    extractor: Extractor,
) -> None:
    text = (
        "Dix personnes ont été tuées lundi soir à Diffa dans un triple attentat-suicide. Boko Haram, qui "
        "frappe la région depuis février 2015, est pointé du doigt."
    )
    events = extractor.extract(text, published=dt.date(2018, 6, 5))
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [("Suicide bomb", "jas-boko-haram")]


def test_the_group_that_had_struck_before_is_the_group_named(extractor: Extractor) -> None:
    text = (
        "Au moins quatre civils ont été tués dimanche soir à Bosso quand deux jeunes filles appartenant à "
        "Boko Haram ont déclenché leurs charges près d'un camp de réfugiés. Le groupe avait déjà frappé "
        "vendredi : l'attaque d'un poste de l'armée à Chétimari a coûté la vie à sept soldats nigériens."
    )
    events = extractor.extract(text, published=dt.date(2019, 2, 18))
    assert [(e.location, e.actor1_id) for e in events] == [
        ("Bosso", "jas-boko-haram"),
        ("Chétimari", "jas-boko-haram"),
    ]


def test_a_toll_across_the_country_is_not_this_event_s(extractor: Extractor) -> None:
    text = (
        "Clashes between opposition supporters and the security forces during Friday's banned rally left "
        "at least one man dead in Dakar's Colobane district, and the opposition said the day's toll across "
        "Senegal stood at three."
    )
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2022, 6, 18))] == [1]


def test_the_town_the_wounded_were_taken_to_is_no_second_event(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on the customs post at Markoye in northern Burkina Faso on Thursday, killing a "
        "customs officer and a civilian, security sources said. Three other customs officers were wounded "
        "and taken to hospital in Dori."
    )
    events = extractor.extract(text, published=dt.date(2016, 9, 2))
    assert [e.location for e in events] == ["Markoye"]


def test_a_force_to_retake_the_north_is_an_aim_not_a_retaking(extractor: Extractor) -> None:
    text = "The United Nations weighs backing an African force to retake the north of Mali."
    assert extractor.extract(text, published=dt.date(2012, 12, 11)) == []


def test_soldiers_who_have_just_retaken_a_town_retook_it(extractor: Extractor) -> None:
    text = "Les soldats maliens viennent de reprendre la ville de Douentza, a annoncé l'armée."
    events = extractor.extract(text, published=dt.date(2012, 12, 11))
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_clashes_that_went_on_the_next_day_are_not_folded_back(extractor: Extractor) -> None:
    text = (
        "La manifestation organisée vendredi par l'opposition a dégénéré en violences à Bamako. Les forces "
        "de l'ordre ont tiré à balles réelles. Les heurts se sont poursuivis samedi et dimanche dans "
        "plusieurs quartiers."
    )
    events = extractor.extract(text, published=dt.date(2020, 7, 13))
    assert ("Violent demonstration", dt.date(2020, 7, 11)) in [
        (e.sub_event_type, e.event_date) for e in events
    ]


def test_a_couple_stoned_to_death_are_two_dead(extractor: Extractor) -> None:
    text = "Fighters of Ansar Dine stoned an unmarried couple to death on Sunday in Aguelhok, officials said."
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2012, 7, 30))] == [2]


def test_a_couple_of_days_counts_nobody(extractor: Extractor) -> None:
    text = "A couple of days later, gunmen killed three villagers in Aguelhok."
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2012, 7, 30))] == [3]
