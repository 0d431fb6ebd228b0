"""Who did it: victims are never the perpetrator, claims name the group, a parent group only qualifies."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2023, 5, 10)


def _one(extractor: Extractor, text: str, day: dt.date = DAY):  # type: ignore[no-untyped-def]
    events = [e for e in extractor.extract(text, published=day) if not e.historical]
    assert len(events) == 1, events
    return events[0]


def test_named_victim_group_is_not_the_attacker(extractor: Extractor) -> None:
    text = "Four members of a Koglweogo group were killed when gunmen raided Gorom-Gorom on Monday."
    e = _one(extractor, text)
    assert e.actor1_id == "unidentified-armed-group"
    assert e.actor2_id == "koglweogo"


def test_claim_names_the_group_not_its_parent(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked an army post in Boulsa on Sunday, killing nine soldiers. "
        "The al-Qaeda-linked JNIM later claimed responsibility."
    )
    assert _one(extractor, text).actor1_id == "jnim"


def test_islamic_state_in_a_sahel_report_is_its_sahel_province(extractor: Extractor) -> None:
    text = (
        "Niger : douze soldats tués dans une attaque près de Tillabéri. "
        "L'organisation État islamique a revendiqué l'attaque."
    )
    assert _one(extractor, text).actor1_id == "is-sahel"


def test_repelled_attack_makes_the_army_the_target(extractor: Extractor) -> None:
    text = "Mali : l'armée repousse une attaque et neutralise cinq terroristes à Boni jeudi."
    e = _one(extractor, text)
    assert e.actor1_id == "unidentified-armed-group"
    assert e.actor2_id == "ml-military"


def test_attackers_killed_while_repelled_are_not_the_target(extractor: Extractor) -> None:
    text = (
        "Samedi, un détachement militaire a repoussé une attaque à Kaya : une dizaine d'assaillants "
        "ont été tués, selon l'armée."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "bf-military")
    assert e.fatalities == 10


def test_ambushed_soldiers_are_the_target_despite_a_neutralised_claim(extractor: Extractor) -> None:
    text = (
        "Mali : douze soldats ont été tués mardi dans une embuscade près de Boni, a annoncé l'armée, "
        "qui affirme avoir « neutralisé » 30 terroristes."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "ml-military")
    assert e.fatalities == 12


@pytest.mark.parametrize(
    "text",
    [
        "Two Spanish journalists were killed on Monday when gunmen ambushed an anti-poaching patrol near "
        "Natiaboani, in eastern Burkina Faso.",
        "Gunmen ambushed an army patrol near Natiaboani on Monday, killing two journalists with it.",
    ],
)
def test_the_forces_ambushed_are_the_target_whoever_died(extractor: Extractor, text: str) -> None:
    e = _one(extractor, text)
    assert (e.sub_event_type, e.actor2_id, e.fatalities) == ("Armed clash", "bf-military", 2)


def test_militants_counted_dead_are_the_army_claim(extractor: Extractor) -> None:
    text = "Niger army says it dismantled a terrorist cell near Ouallam on Monday; nine jihadists died."
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("ne-military", "unidentified-armed-group")
    assert e.event_type == "Battles"


def test_attackers_counted_dead_did_attack(extractor: Extractor) -> None:
    text = "Niger : 40 assailants killed after an attack on an army post in Ouallam on Monday, the army said."
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


def test_the_sentence_naming_the_target_types_the_event(extractor: Extractor) -> None:
    text = (
        "Jihadist attack in Mali kills at least 30. "
        "Gunmen attacked the army camp at Boulkessi on Sunday; 30 soldiers were killed, the government said."
    )
    e = _one(extractor, text, dt.date(2021, 6, 7))
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "ml-military")


def test_a_figure_before_a_casualty_word_does_not_count_the_next_noun(extractor: Extractor) -> None:
    text = "12 killed in two 'terrorist' attacks on villages in Burkina Faso's Bam province, officials said."
    e = _one(extractor, text, dt.date(2021, 6, 7))
    assert e.event_type == "Violence against civilians"


def test_forces_de_l_ordre_are_state_forces(extractor: Extractor) -> None:
    text = "Niger : trois membres des forces de l'ordre tués dans une attaque près de Téra samedi."
    e = _one(extractor, text, dt.date(2021, 6, 7))
    assert (e.actor2_id, e.inter2, e.event_type) == ("ne-police", 1, "Battles")


def test_a_named_militia_beside_its_generic_noun_acts(extractor: Extractor) -> None:
    text = "Burkina : trois personnes tuées par des membres d'un groupe d'autodéfense koglweogo à Fada."
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("koglweogo", "civilians-bf")


def test_the_figure_after_the_verb_counts_the_victims(extractor: Extractor) -> None:
    text = "Members of a Koglweogo self-defence group killed a herder in Tapoa-Djerma, Burkina, on Monday."
    e = _one(extractor, text)
    assert (e.actor1_id, e.fatalities) == ("koglweogo", 1)


def test_al_qaeda_in_a_sahel_report_is_its_local_branch(extractor: Extractor) -> None:
    text = "Al-Qaeda fighters attacked an army post near Djibo on Monday, killing four soldiers."
    events = extractor.extract(text, published=dt.date(2019, 6, 4))
    assert [e.actor1_id for e in events] == ["jnim"]
    events = extractor.extract(text, published=dt.date(2016, 6, 7))
    assert [e.actor1_id for e in events] == ["aqim"]


def test_a_figure_before_a_quoted_descriptor_counts_that_party(extractor: Extractor) -> None:
    text = "Seven anti-jihadist 'volunteer militia' killed in Burkina. "
    text += "The volunteers were attacked at Arbinda."
    (ev,) = extractor.extract(text, published=dt.date(2020, 6, 10))
    assert (ev.actor2_id, ev.sub_event_type, ev.fatalities) == ("bf-vdp", "Armed clash", 7)
    assert ev.actor1_id == "unidentified-armed-group"


def test_the_named_force_of_a_unit_acts(extractor: Extractor) -> None:
    text = "The last French soldiers of Operation Barkhane handed over the Gao base to the Malian army."
    (ev,) = extractor.extract(text, published=dt.date(2022, 8, 16))
    assert ev.actor1_id == "barkhane"


def test_a_reported_clause_keeps_its_subject(extractor: Extractor) -> None:
    # "said" opens a reported clause here; it is not "..., said the army"
    text = "Amnesty International said soldiers arrested 12 herders near Djibo on 9 April and executed them."
    (ev,) = extractor.extract(text, published=dt.date(2020, 7, 8))
    assert (ev.actor1_id, ev.actor2_id) == ("bf-military", "civilians-bf")


def test_the_sentence_subject_acts_in_a_political_event(extractor: Extractor) -> None:
    text = "Les derniers soldats de la force Barkhane ont quitté lundi le Mali."
    (ev,) = extractor.extract(text, published=dt.date(2022, 8, 16))
    assert ev.actor1_id == "barkhane"


def test_a_name_means_what_it_meant_on_the_event_day(extractor: Extractor) -> None:
    # published the day after Wagner's exit ("Wagner" then meant the Africa Corps), about the day before
    text = "The Wagner Group said on Friday it was leaving Mali, declaring its 'mission accomplished'."
    (event,) = extractor.extract(text, published=dt.date(2025, 6, 7))
    assert (event.event_date, event.actor1_id) == (dt.date(2025, 6, 6), "wagner-group")


def test_where_a_convoy_was_going_is_not_the_report_s_country(extractor: Extractor) -> None:
    text = (
        "A French military convoy headed for Niger was blocked for several days in Kaya, in Burkina Faso, "
        "by protesters accusing France of failing to stop the jihadists."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 11, 25))
    assert (event.country, event.actor1_id) == ("BF", "protesters-bf")


def test_soldiers_who_were_arrested_are_not_the_arresting_party(extractor: Extractor) -> None:
    text = "Quarante-neuf militaires ivoiriens ont été arrêtés dimanche à l'aéroport de Bamako."
    (event,) = extractor.extract(text, published=dt.date(2022, 7, 12))
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (
        "Arrests",
        "ml-government",
        "ci-military",
    )  # no arresting party named: the authorities
    # a verb of motion in the French past is no passive: the instructors arrived, they act
    text = "Des instructeurs militaires russes de l'Africa Corps sont arrivés mercredi soir à Niamey."
    events = extractor.extract(text, published=dt.date(2024, 4, 12))
    assert all(e.actor2_id != "africa-corps" for e in events)


def test_who_fired_and_who_executed(extractor: Extractor) -> None:
    text = "Burkina : un homme tué suite à des tirs de sommation du détachement militaire à Banh"
    (event,) = extractor.extract(text, published=dt.date(2017, 1, 15))
    assert event.actor1_id == "bf-military"
    # an English verb ending in -e is no French participle: the security forces executed the detainees
    text = "Burkina Faso: Security Forces Allegedly Execute 31 Detainees"
    (event,) = extractor.extract(text, published=dt.date(2020, 4, 20))
    assert (event.event_type, event.actor1_id, event.fatalities) == (
        "Violence against civilians",
        "bf-military",
        31,
    )


def test_a_shouted_french_article_is_not_the_un(extractor: Extractor) -> None:
    text = (
        "BARSALOGHO : UN KOGLWÉOGO TUÉ PAR DES HANI. Un membre du groupe d'autodéfense koglweogo a été "
        "abattu mercredi à Barsalogho par des hommes armés non identifiés."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id, e.fatalities) == ("unidentified-armed-group", "koglweogo", 1)


def test_a_ministry_acting_is_the_government_not_the_state(extractor: Extractor) -> None:
    text = (
        "Mali and Algeria trade diplomatic protests. Mali's foreign ministry summoned Algeria's ambassador "
        "in Bamako on Wednesday over what it called unfriendly acts."
    )
    events = extractor.extract(text, published=dt.date(2023, 12, 22))
    # "diplomatic protests" is no street protest; the ministry a later sentence names is the actor
    assert [(e.event_type, e.actor1_id, e.actor2_id) for e in events] == [
        ("Strategic developments", "ml-government", "dz-state")
    ]


def test_the_authorities_named_in_the_body_outrank_a_headline_country(extractor: Extractor) -> None:
    text = (
        "Burkina : trois diplomates français expulsés. Les autorités burkinabè ont déclaré jeudi persona "
        "non grata trois diplomates de l'ambassade de France à Ouagadougou."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id, e.plover_type) == ("bf-government", "fr-state", "SANCTION")


def test_the_sides_a_clash_sets_against_each_other_keep_their_order(extractor: Extractor) -> None:
    text = (
        "Une vingtaine de morts dans un accrochage près de Yatako. Des affrontements ont opposé jeudi des "
        "unités de l'armée à des hommes armés près du village de Yatako, faisant une vingtaine de morts."
    )
    e = _one(extractor, text)
    assert (e.event_type, e.actor1_id, e.actor2_id) == ("Battles", "bf-military", "unidentified-armed-group")
    e = _one(
        extractor,
        "Seven people were killed on Friday in fighting between the army and armed men around Torokoro.",
    )
    assert (e.event_type, e.actor1_id, e.actor2_id) == ("Battles", "bf-military", "unidentified-armed-group")
    e = _one(extractor, "Clashes between JNIM and the Islamic State left 17 dead near Ménaka.")
    assert (e.actor1_id, e.actor2_id) == ("jnim", "is-sahel")


def test_escorted_by_and_blamed_by_name_no_doer(extractor: Extractor) -> None:
    text = (
        "Deux habitants du village de Takatami ont été tués dimanche par des individus armés. L'attaque est "
        "attribuée par les autorités à l'État islamique au Sahel."
    )
    assert _one(extractor, text).actor1_id == "is-sahel"
    text = "L'attaque de dimanche contre un convoi escorté par des gendarmes près de Kantchari: 7 morts."
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "bf-gendarmerie")


def test_the_group_most_of_the_dead_belong_to_is_the_target(extractor: Extractor) -> None:
    e = _one(extractor, "Au moins dix morts, dont sept VDP, dans une attaque dans la commune de Pensa.")
    assert (e.event_type, e.actor1_id, e.actor2_id) == ("Battles", "unidentified-armed-group", "bf-vdp")
    text = "Burkina : quatorze personnes, dont un VDP, ont été tuées vendredi dans l'attaque de Tadaryat."
    e = _one(extractor, text)
    assert (e.event_type, e.actor2_id) == ("Violence against civilians", "civilians-bf")
    text = "Six personnes ont été tuées lundi dans une attaque contre un poste des forces de sécurité à Kaya."
    e = _one(extractor, text)
    assert (e.event_type, e.actor2_id) == ("Battles", "bf-military")


def test_the_accused_party_is_the_doer(extractor: Extractor) -> None:
    text = "Le MBDHP accuse l'armée d'avoir « abattu » des civils lors d'opérations menées le 4 mai à Djibo."
    e = _one(extractor, text)
    assert (e.event_type, e.actor1_id, e.actor2_id) == (
        "Violence against civilians",
        "bf-military",
        "civilians-bf",
    )
    e = _one(
        extractor,
        "Residents of Torokoto, Burkina Faso, accuse security forces of killing 13 civilians on Thursday.",
    )
    assert (e.actor1_id, e.fatalities) == ("bf-military", 13)


def test_a_country_opening_a_political_sentence_acts(extractor: Extractor) -> None:
    text = (
        "Le Mali a annoncé dimanche son retrait du G5 Sahel et de sa force conjointe, dénonçant le refus de "
        "lui confier la présidence de l'organisation, a indiqué le gouvernement dans un communiqué."
    )
    e = _one(extractor, text, dt.date(2022, 5, 16))
    assert (e.actor1_id, e.actor2_id) == (
        "ml-government",
        "g5-sahel",
    )  # a country acting alone: its government


def test_a_militia_told_in_the_passive_is_not_the_doer(extractor: Extractor) -> None:
    text = "Soldiers and Volunteers for the Defence of the Homeland were ambushed near Bidi; two were killed."
    e = _one(extractor, text, dt.date(2021, 3, 10))
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "bf-military")


def test_miners_attacked_are_civilians_with_the_group_associated(extractor: Extractor) -> None:
    text = "Huit orpailleurs ont été tués lundi par des hommes armés sur un site d'orpaillage près de Djibo."
    e = _one(extractor, text)
    assert (e.actor2_id, e.assoc_actor_2, e.inter2) == ("civilians-bf", "Miners (Burkina Faso)", 7)


def test_the_forces_a_later_sentence_names_outrank_a_country_in_the_headline(extractor: Extractor) -> None:
    text = (
        "Agadez : les Américains ont quitté la base 201. Les derniers militaires américains ont quitté lundi "
        "la base aérienne 201 d'Agadez, remise aux forces armées nigériennes, achevant leur retrait."
    )
    e = _one(extractor, text, dt.date(2024, 8, 6))
    assert (e.actor1_id, e.actor2_id) == ("us-africom", "ne-military")


def test_a_militia_the_report_blames_is_the_doer(extractor: Extractor) -> None:
    text = (
        "Au moins 39 personnes ont été tuées lundi dans des violences à Aribinda, imputées à des Koglweogo."
    )
    assert _one(extractor, text).actor1_id == "koglweogo"
    text = (
        "Trois civils tués à Korko. Des témoins mettent en cause des Volontaires pour la défense de la "
        "patrie, qui auraient ouvert le feu dimanche sur des habitants."
    )
    assert _one(extractor, text, dt.date(2020, 9, 14)).actor1_id == "bf-vdp"


def test_a_merger_is_done_by_the_group_it_makes(extractor: Extractor) -> None:
    text = (
        "Plusieurs groupes jihadistes du Sahel, dont Ansar Dine, Al-Mourabitoune et la katiba Macina, ont "
        "annoncé jeudi leur fusion au sein d'une nouvelle organisation, le Groupe de soutien à l'islam et "
        "aux musulmans."
    )
    e = _one(extractor, text, dt.date(2017, 3, 3))
    assert (e.sub_event_type, e.actor1_id) == ("Change to group/activity", "jnim")


def test_a_party_acting_after_the_event_is_no_party_to_it(extractor: Extractor) -> None:
    text = (
        "Le gouvernement a décrété un deuil national de 48 heures après l'embuscade tendue jeudi contre un "
        "convoi escorté par des Volontaires pour la défense de la patrie près de Titao, qui a fait 41 morts."
    )
    e = _one(extractor, text, dt.date(2021, 12, 25))
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "bf-vdp")


def test_a_party_inside_the_attacks_object_is_not_the_doer(extractor: Extractor) -> None:
    text = "L'attaque de mercredi contre un convoi mixte de civils, de militaires et de VDP a fait 80 morts."
    assert _one(extractor, text, dt.date(2021, 8, 20)).actor1_id == "unidentified-armed-group"


def test_a_rally_against_sanctions_is_by_the_protesters(extractor: Extractor) -> None:
    text = (
        "Des dizaines de milliers de Maliens se sont rassemblés vendredi à Bamako pour protester contre les "
        "sanctions imposées au Mali par la CEDEAO."
    )
    e = _one(extractor, text, dt.date(2022, 1, 15))
    assert (e.event_type, e.actor1_id) == ("Protests", "protesters-ml")


def test_the_air_force_named_is_the_doer_of_its_strikes(extractor: Extractor) -> None:
    text = "Burkina Faso's air force carried out strikes on Friday on a terrorist position near Oueldi."
    e = _one(extractor, text, dt.date(2021, 3, 10))
    assert (e.sub_event_type, e.actor1_id) == ("Air/drone strike", "bf-air-force")


def test_a_claim_in_title_case_names_the_group(extractor: Extractor) -> None:
    text = (
        "Un kamikaze s'est fait exploser vendredi à un poste de contrôle de l'armée à l'entrée nord de Gao. "
        "Le Mujao a revendiqué l'attentat."
    )
    assert _one(extractor, text, dt.date(2013, 2, 9)).actor1_id == "mujao"


def test_the_party_residents_accuse_is_the_doer(extractor: Extractor) -> None:
    text = (
        "Un vieil homme enlevé début septembre sur l'axe Fada N'Gourma-Pama a été retrouvé mort, portant "
        "des traces de torture. "
        "Des habitants accusent des Volontaires pour la défense de la patrie (VDP)."
    )
    assert _one(extractor, text, dt.date(2020, 9, 14)).actor1_id == "bf-vdp"


def test_attackers_the_forces_answered_began_the_fight(extractor: Extractor) -> None:
    text = (
        "Cinq assaillants ont été neutralisés mercredi par les forces de défense après une attaque "
        "contre Toéni, dans la province du Sourou, selon une source sécuritaire."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "bf-military")


def test_a_national_army_in_a_country_of_its_one_operation_is_that_operation(extractor: Extractor) -> None:
    text = "French troops killed about 20 jihadists near Ménaka on Sunday, the French army said."
    assert _one(extractor, text, dt.date(2018, 6, 4)).actor1_id == "barkhane"
    assert _one(extractor, text, dt.date(2013, 3, 4)).actor1_id == "serval"


def test_an_operation_of_named_forces_is_done_by_them_even_before_an_inverted_source(
    extractor: Extractor,
) -> None:
    text = (
        "L'émir d'AQMI, Abdelmalek Droukdel, a été tué mercredi dans le nord du Mali, près de Tessalit, "
        "lors d'une opération des forces françaises, a annoncé vendredi la ministre des Armées."
    )
    assert _one(extractor, text, dt.date(2020, 6, 5)).actor1_id == "barkhane"


def test_forces_named_by_their_country_act(extractor: Extractor) -> None:
    text = (
        "Les forces maliennes, appuyées par l'aviation française, ont repris jeudi le contrôle de Konna, "
        "tombée le 10 janvier aux mains des groupes jihadistes, a annoncé l'armée malienne."
    )
    e = _one(extractor, text, dt.date(2013, 1, 12))
    assert (e.sub_event_type, e.actor1_id) == ("Government regains territory", "ml-military")


def test_a_country_acting_alone_is_its_government_and_a_pact_is_between_states(extractor: Extractor) -> None:
    alone = (
        "Burkina Faso on Thursday expelled three French diplomats, accusing them of subversive activities."
    )
    e = _one(extractor, alone)
    assert (e.actor1_id, e.actor2_id) == ("bf-government", "fr-state")
    pact = "Mali, Burkina Faso and Niger signed on Saturday in Bamako a mutual defence pact."
    assert _one(extractor, pact).actor1_id.endswith("-state")


def test_a_country_handing_a_base_over_is_its_army(extractor: Extractor) -> None:
    text = (
        "France on Thursday handed over its last military base in Chad, the Kossei camp in N'Djamena, "
        "to the Chadian army."
    )
    e = _one(extractor, text, dt.date(2025, 1, 31))
    assert (e.sub_event_type, e.actor1_id) == ("Non-violent transfer of territory", "fr-military")


def test_the_party_right_before_the_violent_verb_did_it(extractor: Extractor) -> None:
    text = (
        "Residents of Djibo told Human Rights Watch how men they identified as members of the security "
        "forces executed nine men near the Djibo dam on 15 January."
    )
    e = _one(extractor, text, dt.date(2020, 1, 20))
    assert (e.event_type, e.actor1_id, e.actor2_id) == (
        "Violence against civilians",
        "bf-military",
        "civilians-bf",
    )


def test_a_group_the_authorities_blame_is_the_doer_and_a_coup_is_the_armys(extractor: Extractor) -> None:
    text = (
        "Le gouvernement malien a annoncé lundi que 132 civils avaient été tués dans la nuit de samedi à "
        "dimanche à Diallassagou. Les autorités attribuent ce massacre à la katiba Macina d'Amadou Koufa."
    )
    assert _one(extractor, text, dt.date(2022, 6, 20)).actor1_id == "katiba-macina"
    coup = (
        "Le capitaine Ibrahim Traoré a annoncé vendredi soir à la télévision nationale la destitution du "
        "lieutenant-colonel Damiba à Ouagadougou."
    )
    events = extractor.extract(coup, published=dt.date(2022, 10, 1))
    assert (events[0].sub_event_type, events[0].actor1_id) == ("Other", "bf-military")


def test_a_lone_force_named_after_by_did_it(extractor: Extractor) -> None:
    text = "Hier à Banh, quatorze hommes ont été abattus par des militaires, selon des habitants."
    assert _one(extractor, text, dt.date(2019, 2, 8)).actor1_id == "bf-military"


def test_leaving_an_organisation_is_no_base_handover_and_a_loss_suffered_by_the_army(
    extractor: Extractor,
) -> None:
    text = "Le Mali a annoncé dimanche son retrait de tous les organes du G5 Sahel et de sa force conjointe."
    e = _one(extractor, text, dt.date(2022, 5, 16))
    assert e.actor1_id != "ml-military"
    loss = (
        "Le gouvernement béninois a annoncé que 54 militaires avaient été tués jeudi dans des attaques "
        "contre deux positions de l'armée dans le parc W. Il s'agit de l'attaque la plus meurtrière jamais "
        "subie par l'armée béninoise."
    )
    assert _one(extractor, loss, dt.date(2025, 4, 19)).actor1_id == "unidentified-armed-group"


@pytest.mark.parametrize(
    "text",
    [
        "Thirty-two people were killed on Wednesday in fighting between Burkinabe forces and Islamic State "
        "fighters near Markoye.",
        "Deux personnes ont été tuées jeudi lors d'un accrochage entre une unité de l'armée et des "
        "combattants de l'État islamique près de Markoye.",
    ],
)
def test_the_first_side_of_a_fight_between_two_is_actor1_even_when_qualified(
    extractor: Extractor, text: str
) -> None:
    e = _one(extractor, text, dt.date(2021, 8, 6))
    assert (e.sub_event_type, e.actor1_id) == ("Armed clash", "bf-military")


def test_forces_accused_of_executing_civilians_did_it(extractor: Extractor) -> None:
    text = (
        'A local human rights group on Tuesday accused "elements of the defence and security forces" of '
        "executing ten civilians on 6 November at Tombao, in Oudalan province."
    )
    e = _one(extractor, text, dt.date(2020, 11, 10))
    assert (e.sub_event_type, e.actor1_id, e.fatalities) == ("Attack", "bf-military", 10)


@pytest.mark.parametrize(
    "text",
    [
        "Six civils ont été tués le 2 juillet par des éléments des forces de sécurité au marché de "
        "Tatiangou, dans la province de la Tapoa.",
        "Des habitants de Kouna, dans la province de l'Oudalan, accusent des éléments des forces de défense "
        "et de sécurité d'avoir tué deux civils vendredi lors d'une opération dans le village.",
    ],
)
def test_elements_of_the_security_forces_named_as_doers(extractor: Extractor, text: str) -> None:
    assert _one(extractor, text, dt.date(2020, 7, 10)).actor1_id == "bf-military"


@pytest.mark.parametrize(
    "text",
    [
        "Burkina Faso's army said on Friday it had killed seven members of a terrorist group in Mâdou.",
        "L'armée burkinabè a annoncé lundi avoir neutralisé une vingtaine de terroristes près de Djibo.",
        "L'état-major indique que onze assaillants ont été tués jeudi lors d'une opération près de Mentao.",
    ],
)
def test_the_forces_that_report_their_own_operation_did_it(extractor: Extractor, text: str) -> None:
    assert _one(extractor, text, dt.date(2020, 7, 4)).actor1_id == "bf-military"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alger a rappelé son ambassadeur au Mali lundi.", ("dz-government", "ml-state")),
        (
            "Bamako a ordonné mercredi l'expulsion du porte-parole de la MINUSMA.",
            ("ml-government", "minusma"),
        ),
    ],
)
def test_a_capital_as_the_subject_of_a_diplomatic_act_is_its_state(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    e = _one(extractor, text, dt.date(2024, 4, 8))
    assert (e.actor1_id, e.actor2_id) == expected


def test_people_killed_when_armed_men_attacked_a_post_are_counted_at_the_post(extractor: Extractor) -> None:
    text = (
        "Four people were killed on Wednesday when armed men attacked the army detachment at Namssiguia, "
        "in Bam province, security sources said."
    )
    e = _one(extractor, text, dt.date(2020, 5, 28))
    assert (e.sub_event_type, e.actor2_id, e.fatalities) == ("Armed clash", "bf-military", 4)


def test_an_arrest_with_no_arresting_party_named_is_by_the_authorities(extractor: Extractor) -> None:
    text = (
        "L'opposant Succès Masra a été interpellé vendredi à son domicile à N'Djamena, a annoncé le "
        "procureur de la République."
    )
    e = _one(extractor, text, dt.date(2024, 5, 11))
    assert (e.sub_event_type, e.actor1_id) == ("Arrests", "td-government")


def test_forces_the_killings_are_attributed_to_did_them_but_not_a_message(extractor: Extractor) -> None:
    text = (
        "Eight civilians were killed on Wednesday at the Bissa gold mine in Bam province, according to local "
        "sources, who attributed the killings to elements of the defence and security forces."
    )
    assert _one(extractor, text, dt.date(2021, 1, 14)).actor1_id == "bf-military"
    text = (
        "Burkina Faso's government suspended Radio France Internationale on Saturday, accusing it of "
        "relaying a message of intimidation attributed to a terrorist leader."
    )
    assert _one(extractor, text, dt.date(2022, 12, 4)).actor1_id == "bf-government"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Four people were killed on Wednesday when militants linked to JNIM clashed with members of a "
            "Koglweogo self-defence group in Boukouma, near Arbinda.",
            "koglweogo",
        ),
        (
            "One person was killed on Wednesday in Sikiré when suspected jihadists attacked members of the "
            "local Koglweogo self-defence group, residents said.",
            "koglweogo",
        ),
    ],
)
def test_people_counted_in_a_fight_are_its_toll_not_its_target(
    extractor: Extractor, text: str, target: str
) -> None:
    e = _one(extractor, text, dt.date(2020, 1, 10))
    assert (e.sub_event_type, e.actor2_id) == ("Armed clash", target)


def test_a_noun_past_a_preposition_is_not_the_figure_s_noun(extractor: Extractor) -> None:
    # "about 20 men during a military operation": the 20 dead are not the military who acted
    text = (
        "Residents of Sisé told a human rights group that soldiers executed about 20 men during a military "
        "operation in the village on Monday."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id, e.fatalities) == ("bf-military", "civilians-bf", 20)


def test_soldiers_most_of_the_dead_are_not_the_bombers(extractor: Extractor) -> None:
    text = (
        "Suicide bombers drove car bombs into the army barracks in Agadez and into the uranium mine at Arlit "
        "on Thursday, killing at least 20 people in total, most of them soldiers, Niger's government said. "
        "The Islamist group MUJAO claimed both attacks."
    )
    e = _one(extractor, text, dt.date(2013, 5, 25))
    assert (e.actor1_id, e.actor2_id) == ("mujao", "ne-military")


def test_a_by_phrase_after_a_comma_names_the_agent_of_the_passive(extractor: Extractor) -> None:
    text = (
        "Deux civils ont été tués vendredi juste à la sortie du village de Sidogo, dans la province du "
        "Sanmatenga, par des éléments des forces de défense et de sécurité, selon des témoins."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id, e.fatalities) == ("bf-military", "civilians-bf", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Les militaires au pouvoir au Niger ont donné vendredi 48 heures à l'ambassadeur de France pour "
        "quitter le territoire.",
        "Niger's military regime gave the French ambassador 48 hours to leave the country on Friday.",
    ],
)
def test_soldiers_in_power_acting_in_diplomacy_are_the_government(extractor: Extractor, text: str) -> None:
    e = _one(extractor, text, dt.date(2023, 8, 26))
    assert e.actor1_id == "ne-government"


def test_gunmen_dressed_as_dozo_hunters_are_dozo(extractor: Extractor) -> None:
    text = (
        "Trente-sept civils ont été tués mardi dans l'attaque du village peul de Koulogon, dans le cercle de "
        "Bankass, par des hommes armés habillés en chasseurs traditionnels dozos, a annoncé le gouvernement."
    )
    e = _one(extractor, text, dt.date(2019, 1, 3))
    assert (e.actor1_id, e.actor2_id) == ("dozo", "civilians-ml")


def test_the_army_that_owned_a_downed_drone_did_not_down_it(extractor: Extractor) -> None:
    text = "Algeria says its air defences downed the Malian army drone near Tinzaouaten on April 1."
    e = _one(extractor, text, dt.date(2025, 4, 8))
    assert (e.sub_event_type, e.actor1_id) == ("Disrupted weapons use", "dz-military")


def test_the_sides_a_clash_opposed_keep_their_order_after_a_date(extractor: Extractor) -> None:
    text = (
        "L'État-major général des armées informe qu'un accrochage a opposé le 31 janvier 2020 une unité des "
        "forces armées nationales à un groupe armé terroriste dans la zone de Thiou."
    )
    e = _one(extractor, text, dt.date(2020, 2, 2))
    assert (e.actor1_id, e.actor2_id) == ("bf-military", "unidentified-armed-group")


@pytest.mark.parametrize(
    "text",
    [
        "Algeria shot down a Malian army drone near the border town of Tinzaouaten on Monday.",
        "Algeria's army shot down a Malian army drone near Tinzaouaten on Monday.",
        "L'Algérie a abattu un drone de l'armée malienne près de Tinzaouaten lundi.",
    ],
)
def test_the_country_that_downs_a_drone_acts_by_its_army(extractor: Extractor, text: str) -> None:
    event = _one(extractor, text, dt.date(2024, 4, 3))
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1_id, event.actor2_id) == ("dz-military", "ml-military")


def test_a_village_in_apposition_to_a_place_is_no_victim(extractor: Extractor) -> None:
    text = (
        "One person was killed on Wednesday in Sikiré, a farming village about ten kilometres from Arbinda, "
        "when suspected jihadists attacked members of the local Koglweogo self-defence group."
    )
    event = _one(extractor, text, dt.date(2020, 5, 14))
    assert (event.sub_event_type, event.actor2_id) == ("Armed clash", "koglweogo")


@pytest.mark.parametrize(
    "text",
    [
        "Burkinabe troops clashed with jihadists from the al-Qaeda-linked JNIM on Saturday near Djibo.",
        "Des soldats burkinabè ont affronté samedi des combattants du JNIM près de Djibo.",
    ],
)
def test_fighters_of_a_named_group_are_that_group(extractor: Extractor, text: str) -> None:
    event = _one(extractor, text, dt.date(2021, 6, 14))
    assert (event.actor1_id, event.actor2_id) == ("bf-military", "jnim")


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "A suicide car bomb struck the army camp in Boulkessi on Friday, killing four soldiers and a "
            "civilian, a spokesman said. JNIM claimed the attack on the camp.",
            "ml-military",
        ),
        (
            "Six militaires ont été tués vendredi dans l'attaque contre le camp de Tessit, où une voiture "
            "piégée a explosé. Quatre assaillants ont été abattus par les soldats. L'État islamique au Sahel "
            "a revendiqué samedi l'attentat.",
            "ml-military",
        ),
    ],
)
def test_forces_hit_in_an_attack_a_group_claims_are_its_target(
    extractor: Extractor, text: str, forces: str
) -> None:
    (event,) = extractor.extract(text, published=dt.date(2019, 11, 2))
    assert (event.actor1_id, event.actor2_id) != (forces, "unidentified-armed-group")
    assert event.actor2_id == forces and event.actor1_id in ("jnim", "is-sahel")
    assert {e.field for e in event.evidence} >= {"actor1", "actor2"}


def test_an_army_strike_stays_the_army_s_act_beside_a_claim_of_another_attack(extractor: Extractor) -> None:
    text = (
        "Army aircraft struck a jihadist base near Boulkessi on Friday, killing 20 terrorists, the army "
        "said. JNIM claimed an attack on a police post in Mondoro."
    )
    events = extractor.extract(text, published=dt.date(2019, 11, 2))
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1_id == "ml-military"


@pytest.mark.parametrize(
    "text",
    [
        "Twelve people were killed on Sunday when gunmen attacked a convoy escorted by the army near Dori.",
        "Douze personnes ont été tuées dimanche lorsque des hommes armés ont attaqué un convoi escorté par "
        "l'armée près de Dori.",
    ],
)
def test_an_escorted_convoy_is_an_armed_target(extractor: Extractor, text: str) -> None:
    (event,) = extractor.extract(text, published=dt.date(2019, 9, 9))
    assert (event.sub_event_type, event.actor2_id) == ("Armed clash", "bf-military")
    # an unescorted convoy may carry civilians only
    text = "Twelve people were killed on Sunday when gunmen attacked a convoy of traders near Dori."
    (event,) = extractor.extract(text, published=dt.date(2019, 9, 9))
    assert event.actor2_id == "civilians-bf"


def test_group_named_for_an_earlier_attack_is_not_the_doer_of_the_new_one(extractor: Extractor) -> None:
    text = (
        "Two gendarmes were killed on Monday when their vehicle hit an explosive device near Djibo. "
        "Last month, on 12 April, an attack claimed by JNIM killed six soldiers near Arbinda."
    )
    events = {e.location: e for e in extractor.extract(text, published=DAY)}
    assert events["Djibo"].actor1_id == "unidentified-armed-group"
    assert events["Arbinda"].actor1_id == "jnim"


def test_a_group_said_to_roam_the_area_is_not_named(extractor: Extractor) -> None:
    text = (
        "Gunmen killed seven villagers in Tchoma Bangou on Monday. Officials did not name the attackers, "
        "but the area is a stronghold of the Islamic State's Sahel branch, which has not commented."
    )
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


def test_a_blame_of_both_attacks_names_the_doer_of_each(extractor: Extractor) -> None:
    text = (
        "A suicide bomber killed 12 people at a market in Mora on Saturday. It was the second attack in "
        "the town in four days: on Wednesday, two bombers killed nine people at a mosque. "
        "Security sources blamed both attacks on Boko Haram."
    )
    events = [e for e in extractor.extract(text, published=DAY)]
    assert len(events) == 2, events
    assert {e.actor1_id for e in events} == {"jas-boko-haram"}


def test_the_day_of_a_claim_does_not_make_another_event(extractor: Extractor) -> None:
    text = (
        "Eighteen soldiers were killed on Monday when gunmen stormed the army post at Inates. "
        "The Islamic State in the Greater Sahara claimed the attack on Wednesday."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.event_date) == ("is-sahel", dt.date(2023, 5, 8))


def test_soldiers_of_a_named_force_are_that_force(extractor: Extractor) -> None:
    text = (
        "Les derniers soldats de la force française Barkhane ont quitté mardi leur base de Tombouctou, "
        "remise aux Forces armées maliennes."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 12, 15))
    assert (event.actor1_id, event.actor2_id) == ("barkhane", "ml-military")


def test_a_dateline_tells_the_country_of_unnamed_soldiers(extractor: Extractor) -> None:
    text = (
        "NIAMEY — Des militaires ont annoncé mercredi soir avoir renversé le président, retenu depuis le "
        "matin dans sa résidence par des éléments de la garde présidentielle."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 7, 27))
    assert (event.sub_event_type, event.actor1_id) == ("Arrests", "ne-military")


def test_a_town_taken_by_the_army_is_regained(extractor: Extractor) -> None:
    text = (
        "Les Forces armées maliennes ont annoncé samedi avoir pris le contrôle de la localité d'Anefis, dans "
        "la région de Kidal, après des combats avec les combattants du Cadre stratégique permanent (CSP)."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 10, 8))
    assert (event.sub_event_type, event.actor1_id) == ("Government regains territory", "ml-military")
    # the town, not the region's point: its region changed after the gazetteer's admin codes
    assert event.geo_precision == 1 and abs(event.latitude - 18.04) < 0.01


def test_a_later_sentence_on_the_attack_is_no_new_one(extractor: Extractor) -> None:
    text = (
        "Thirty-four Nigerien soldiers were killed on Thursday when assailants attacked their unit in "
        "Banibangou. The Islamic State Sahel Province is active in the zone, but no group had claimed the "
        "assault by Saturday. A civil society activist said families were waiting for the names of the dead."
    )
    (event,) = extractor.extract(text, published=dt.date(2025, 6, 21))
    assert (event.actor1_id, event.fatalities) == ("unidentified-armed-group", 34)


def test_the_party_giving_the_toll_did_not_attack(extractor: Extractor) -> None:
    text = (
        "Des hommes armés ont attaqué mercredi quatre villages du cercle de Bankass, tuant au moins 32 "
        "civils, selon un bilan communiqué jeudi par le gouvernement."
    )
    (event,) = extractor.extract(text, published=dt.date(2020, 7, 3))
    assert (event.actor1_id, event.fatalities) == ("unidentified-armed-group", 32)


def test_a_convoy_carrying_workers_is_civilian_and_foreigners_are_the_places_civilians(
    extractor: Extractor,
) -> None:
    convoy = (
        "At least 37 people were killed on Wednesday when gunmen ambushed a convoy carrying workers of the "
        "Boungou gold mine in eastern Burkina Faso, the governor said."
    )
    (event,) = extractor.extract(convoy, published=dt.date(2019, 11, 7))
    assert (event.sub_event_type, event.actor2_id, event.fatalities) == ("Attack", "civilians-bf", 37)
    kidnap = (
        "Cinq ressortissants indiens employés par une entreprise d'électrification ont été enlevés jeudi par "
        "des hommes armés dans la région de Kayes, dans l'ouest du Mali."
    )
    (event,) = extractor.extract(kidnap, published=dt.date(2025, 11, 8))
    assert event.actor2_id == "civilians-ml"


def test_a_convoy_escorted_by_soldiers_is_the_soldiers(extractor: Extractor) -> None:
    text = (
        "Mali : un convoi de ravitaillement attaqué près d'Inékar\n\nDes hommes armés ont attaqué mercredi "
        "un convoi de camions de ravitaillement escorté par les Forces armées maliennes (FAMa) près "
        "d'Inékar, dans la région de Ménaka. Quatre soldats ont été tués."
    )
    (event,) = extractor.extract(text, published=dt.date(2026, 11, 20))
    assert (event.sub_event_type, event.actor2_id, event.fatalities) == ("Armed clash", "ml-military", 4)


@pytest.mark.parametrize(
    "background",
    [
        "No group has claimed responsibility. Fighters of JNIM are known in the wider region.",
        "The area is largely under the influence of JNIM.",
        "Fighters of JNIM are active around Boulsa.",
        "Boulsa lies in the area of operations of JNIM.",
    ],
)
def test_a_group_said_to_roam_the_area_is_not_the_doer(extractor: Extractor, background: str) -> None:
    text = f"Gunmen killed four villagers in Boulsa on Sunday, local sources said. {background}"
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


def test_a_no_claim_sentence_speaks_of_the_occurrence_just_told(extractor: Extractor) -> None:
    text = (
        "Gunmen stormed a hotel in Ouagadougou on Friday, killing 30 people. JNIM claimed the attack. "
        "On Friday night in Djibo, an elderly couple was abducted by armed men. There was no immediate claim."
    )
    events = {e.sub_event_type: e for e in extractor.extract(text, published=DAY)}
    assert events["Attack"].actor1_id == "jnim"
    assert events["Abduction/forced disappearance"].actor1_id == "unidentified-armed-group"


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (
            "A French air strike near Bounti in central Mali on 3 January killed 22 people, the UN mission "
            "in Mali (MINUSMA) said on Tuesday.",
            dt.date(2021, 3, 30),
            "barkhane",  # the French operation alone in Mali then
        ),
        (
            "Une frappe de drone malienne a tué huit civils dimanche près de Kidal, selon des élus locaux.",
            dt.date(2024, 3, 18),
            "ml-military",
        ),
    ],
)
def test_a_countrys_strike_is_its_forces_and_the_reporting_mission_no_party(
    extractor: Extractor, text: str, day: dt.date, expected: str
) -> None:
    events = extractor.extract(text, published=day)  # the January strike is history by March: kept, flagged
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [("Air/drone strike", expected)]


def test_security_forces_facing_a_crowd_are_its_police(extractor: Extractor) -> None:
    text = (
        "Security forces fired tear gas and live rounds at protesters in N'Djamena on Tuesday who were "
        "demanding a return to civilian rule. The government said six people were killed."
    )
    e = _one(extractor, text, dt.date(2021, 4, 28))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == (
        "Excessive force against protesters",
        "td-police",
        "protesters-td",
    )
    soldiers = _one(extractor, text.replace("Security forces", "Soldiers"), dt.date(2021, 4, 28))
    assert soldiers.actor1_id == "td-military"  # named as soldiers, they stay the army


def test_a_leader_held_by_soldiers_is_the_government_targeted_by_the_army(extractor: Extractor) -> None:
    text = (
        "Mali's President Ibrahim Boubacar Keïta announced his resignation on Tuesday, hours after mutinous "
        "soldiers detained him and Prime Minister Boubou Cissé at his residence in Bamako."
    )
    arrests = [
        e for e in extractor.extract(text, published=dt.date(2020, 8, 19)) if e.sub_event_type == "Arrests"
    ]
    assert [(e.actor1_id, e.actor2_id) for e in arrests] == [("ml-military", "ml-government")]


def test_a_bare_convoy_is_not_the_army(extractor: Extractor) -> None:
    text = (
        "Oumar Traoré, chief of staff of Mali's transitional president, was killed with three other "
        "people on Tuesday when the convoy in which they were travelling was ambushed near Nara, the "
        "presidency said."
    )
    e = _one(extractor, text, dt.date(2023, 4, 19))
    assert (e.sub_event_type, e.actor2_id) == ("Attack", "civilians-ml")
    soldiers = _one(extractor, text.replace("the convoy in", "the military convoy in"), dt.date(2023, 4, 19))
    assert (soldiers.sub_event_type, soldiers.actor2_id) == ("Armed clash", "ml-military")


def test_a_claim_told_with_an_older_attack_claims_that_one(extractor: Extractor) -> None:
    text = (
        "A French soldier was killed on Wednesday during an operation by Barkhane near Boulkessi, hit "
        "during a firefight with a group of militants. On 16 December 2016, an attack on the army "
        "detachment at Nassoumbou killed 12 soldiers; the group Ansarul Islam later claimed it."
    )
    events = extractor.extract(text, published=dt.date(2017, 4, 7))
    today = next(e for e in events if e.event_date == dt.date(2017, 4, 5))
    assert today.actor1_id != "ansarul-islam"


def test_sides_set_against_each_other_across_an_apposition(extractor: Extractor) -> None:
    text = (
        "De violents affrontements ont opposé jeudi et vendredi à Kidal les combattants du Groupe "
        "d'autodéfense touareg Imghad et alliés (Gatia), membre de la Plateforme pro-gouvernementale, à ceux "
        "de la Coordination des mouvements de l'Azawad (CMA), qui contrôle la ville."
    )
    e = _one(extractor, text, dt.date(2016, 7, 24))
    assert (e.actor1_id, e.actor2_id) == ("gatia", "cma")


def test_a_claim_another_country_announces_is_its_forces(extractor: Extractor) -> None:
    text = "France says it killed about 20 jihadists near Tinzaouaten in northern Mali on Tuesday night."
    e = _one(extractor, text, dt.date(2018, 2, 15))
    assert (e.actor1_id, e.actor2_id) == ("barkhane", "unidentified-armed-group")


@pytest.mark.parametrize(
    "background",
    [
        "La région est aussi l'un des terrains d'action de la katiba Macina.",
        "Des groupes liés à Al-Qaïda sont implantés dans cette zone frontalière.",
    ],
)
def test_a_group_said_to_be_present_in_the_area_is_not_the_doer(
    extractor: Extractor, background: str
) -> None:
    text = (
        f"Des hommes armés ont attaqué le camp militaire de Mondoro dimanche, tuant six soldats. {background}"
    )
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


@pytest.mark.parametrize(
    ("text", "sub", "actor1"),
    [
        (
            "Le 17 octobre, des hommes armés à moto ont fait irruption sur le marché de Goronyo et tiré sur "
            "la foule, tuant au moins 43 personnes.",
            "Attack",
            "unidentified-armed-group",
        ),
        (
            "Police and an anti-terrorist unit fired on crowds demanding the president's resignation in "
            "Bamako on Friday, killing 11 people.",
            "Excessive force against protesters",
            "ml-police",
        ),
        (
            "Des hommes armés ont intercepté un bus de voyageurs près de Sabon Birni lundi, ont ouvert le "
            "feu puis l'ont incendié avec ses occupants.",
            "Attack",
            "unidentified-armed-group",
        ),
    ],
)
def test_armed_men_firing_on_a_crowd_attack_civilians(
    extractor: Extractor, text: str, sub: str, actor1: str
) -> None:
    e = _one(extractor, text, dt.date(2021, 10, 18))
    assert (e.sub_event_type, e.actor1_id) == (sub, actor1)


def test_gunmen_driven_off_by_soldiers_attacked_them(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked Niger's high-security prison of Koutoukalé before dawn on Monday but were driven "
        "off by the soldiers guarding it, the interior minister said. The prison holds many convicted "
        "jihadists, including members of Boko Haram."
    )
    e = _one(extractor, text, dt.date(2016, 10, 18))
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "ne-military")


def test_a_person_the_state_detains_is_a_civilian_target(extractor: Extractor) -> None:
    text = (
        "Malian authorities detained the chief executive of Australian gold miner Resolute Mining and two "
        "other employees in Bamako on Friday, the company said on Monday."
    )
    e = _one(extractor, text, dt.date(2024, 11, 11))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id, e.inter2) == (
        "Arrests",
        "ml-government",
        "civilians-ml",
        7,
    )


def test_fighting_between_the_two_groups_just_named(extractor: Extractor) -> None:
    text = (
        "The rivalry between the Islamic State's Sahel branch and the al-Qaeda-aligned JNIM keeps claiming "
        "lives in Burkina Faso's Soum province. On 26 February, fighting between the two groups around "
        "Kerboulé left about 20 fighters dead, according to local monitors."
    )
    e = _one(extractor, text, dt.date(2021, 3, 5))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == ("Armed clash", "is-sahel", "jnim")
    told = next(ev for ev in e.evidence if ev.field == "actor2_id")
    assert told.sentence == 0 and told.text == "JNIM"  # the words that name it, in the sentence before


def test_the_reporting_armys_own_units_are_the_target(extractor: Extractor) -> None:
    text = (
        "Burkina Faso's army said on Saturday that one of its units came under fire on Friday from armed "
        "individuals north of Arbinda, in Soum province."
    )
    e = _one(extractor, text, dt.date(2019, 3, 2))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == (
        "Armed clash",
        "unidentified-armed-group",
        "bf-military",
    )


def test_the_force_its_auxiliaries_back_is_the_doer(extractor: Extractor) -> None:
    text = (
        "L'armée malienne et ses supplétifs russes du groupe Wagner sont accusés d'avoir tué une vingtaine "
        "de civils jeudi dans la commune de Ouenkoro, cercle de Bankass."
    )
    e = _one(extractor, text, dt.date(2023, 3, 31))
    assert (e.actor1_id, e.actor2_id) == ("ml-military", "civilians-ml")


@pytest.mark.parametrize(
    "tail",
    [
        "militia members and residents said on Wednesday.",
        "said Gremah Bukar of the anti-jihadist militia.",
    ],
)
def test_a_militia_that_reports_is_no_party(extractor: Extractor, tail: str) -> None:
    text = f"Twenty people were killed when their vehicle hit a landmine in Yobe State, Nigeria, {tail}"
    e = _one(extractor, text, dt.date(2023, 11, 2))
    assert e.actor1_id == "unidentified-armed-group"


def test_communal_militia_told_acting_names_the_doer_of_the_toll(extractor: Extractor) -> None:
    text = (
        "Des chasseurs dozos ont attaqué vendredi des hameaux peuls autour de Djenné, selon une association. "
        "Onze personnes ont été tuées à Diallassagou et six à Kouakourou."
    )
    events = extractor.extract(text, published=DAY)
    toll = next(e for e in events if e.location == "Diallassagou")
    assert toll.actor1_id == "dozo"


def test_communal_militia_that_was_hit_is_not_the_doer(extractor: Extractor) -> None:
    text = "Gunmen attacked Dozo hunters at the market of Diallassagou on Friday. Eleven people were killed."
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


def test_what_a_bombing_aimed_at_is_its_target(extractor: Extractor) -> None:
    text = (
        "Deux attentats-suicides ont visé mardi matin le commissariat de Diffa, faisant neuf morts, "
        "selon le gouvernement, qui accuse Boko Haram."
    )
    e = _one(extractor, text)
    assert (e.actor1_id, e.actor2_id) == ("jas-boko-haram", "ne-police")


def test_a_capital_announcing_a_strike_names_its_forces(extractor: Extractor) -> None:
    text = "Paris annonce avoir neutralisé une quinzaine de jihadistes près de Ménaka, dans le nord du Mali."
    assert _one(extractor, text, dt.date(2019, 3, 6)).actor1_id == "barkhane"


def test_an_army_telling_its_operation_abroad_is_the_doer(extractor: Extractor) -> None:
    text = (
        "Two commandos and three captors were killed on Monday near Djibo in an operation that freed "
        "four hostages, the French army said."
    )
    e = _one(extractor, text, dt.date(2019, 3, 6))
    assert (e.actor1_id, e.actor2_id) == ("fr-military", "unidentified-armed-group")


def test_a_force_that_has_killed_a_few_fighters_is_news(extractor: Extractor) -> None:
    text = (
        "France announces that it has killed around 20 jihadists in northern Burkina Faso. "
        "French troops killed them in an operation near Nassoumbou on Saturday, the French army said."
    )
    e = _one(extractor, text, dt.date(2021, 1, 18))
    assert (e.event_date, e.fatalities) == (dt.date(2021, 1, 16), 20)


def test_an_insurgency_that_has_killed_thousands_is_background(extractor: Extractor) -> None:
    text = "The insurgency has killed more than 2,000 people since 2015, the United Nations said."
    assert [e for e in extractor.extract(text, published=DAY) if not e.historical] == []


def test_a_group_the_authorities_rule_out_is_not_the_doer(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a checkpoint in Mao on Sunday, killing four gendarmes, the government said. "
        "Its spokesman ruled out any link with Boko Haram."
    )
    assert _one(extractor, text).actor1_id == "unidentified-armed-group"


def test_a_local_government_area_is_no_party(extractor: Extractor) -> None:
    text = (
        "Gunmen raided a village in the Maru local government area of Zamfara State on Tuesday, "
        "killing nine residents, the local government chairman said."
    )
    e = _one(extractor, text)
    assert (e.sub_event_type, e.actor2_id) == ("Attack", "civilians-ng")


def test_un_peacekeepers_in_mali_are_the_mission(extractor: Extractor) -> None:
    text = "Two peacekeepers were killed on Friday when mortar rounds hit the UN camp at Tessalit, in Mali."
    assert _one(extractor, text, dt.date(2019, 6, 8)).actor2_id == "minusma"


def test_officers_arrested_over_a_plot_are_the_army(extractor: Extractor) -> None:
    text = (
        "Le gouvernement nigérien affirme avoir déjoué lundi une tentative de coup d'État à Niamey. "
        "Selon un communiqué, des officiers impliqués ont été interpellés."
    )
    (event,) = [e for e in extractor.extract(text, published=DAY) if e.sub_event_type == "Arrests"]
    assert event.actor2_id == "ne-military"


def test_a_suicide_bomber_is_the_attacker(extractor: Extractor) -> None:
    text = "A suicide bomber drove a car into Chadian peacekeepers at Tessalit on Monday, killing two."
    e = _one(extractor, text, dt.date(2019, 6, 4))
    assert (e.actor1_id, e.actor2_id) == ("unidentified-armed-group", "minusma")


def test_the_army_that_suffered_a_loss_is_the_target(extractor: Extractor) -> None:
    text = (
        "Chad's army suffered its heaviest loss in a single day when Boko Haram fighters overran its base at "
        "Bohoma, on the Lake Chad peninsula, on Monday."
    )
    e = _one(extractor, text, dt.date(2020, 3, 25))
    assert (e.actor1_id, e.actor2_id) == ("jas-boko-haram", "td-military")
