"""Sub-event types that hinge on one word: a month is no march, burning protesters riot, killing outranks."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2022, 4, 5)
_CHANGE = "Change to group/activity"


def _types(extractor: Extractor, text: str) -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extractor.extract(text, published=DAY)]


def test_the_month_of_march_is_not_a_protest(extractor: Extractor) -> None:
    text = "Soldiers executed 40 civilians in Diallassagou between March 27 and 29, witnesses said."
    assert _types(extractor, text) == [("Violence against civilians", "Attack")]
    source = "Source: public reporting of the March 2022 killings in the Ménaka region."
    assert "Protests" not in [t for t, _ in _types(extractor, source)]


def test_protesters_who_set_fire_riot(extractor: Extractor) -> None:
    text = "À Niamey, des manifestants ont incendié samedi une partie de l'entrée de l'ambassade de France."
    assert _types(extractor, text) == [("Riots", "Violent demonstration")]


def test_protesters_wounded_by_warning_shots_is_an_intervention(extractor: Extractor) -> None:
    text = "Police fired warning shots at protesters in Dori on Saturday; three protesters were wounded."
    assert _types(extractor, text) == [("Protests", "Protest with intervention")]


def test_state_forces_taking_a_town_regain_it(extractor: Extractor) -> None:
    text = "The Malian army took the northern town of Léré on Saturday after fighting with rebels."
    assert _types(extractor, text) == [("Battles", "Government regains territory")]


def test_the_junta_not_the_country_acts(extractor: Extractor) -> None:
    text = "Mali's junta on Monday suspended its military cooperation with Niger, citing hostile acts."
    (e,) = extractor.extract(text, published=DAY)
    assert e.actor1_id == "ml-government"


def test_the_other_country_is_the_counterpart(extractor: Extractor) -> None:
    text = "Niger's junta on Friday ordered the French ambassador to leave the country within 48 hours."
    (e,) = extractor.extract(text, published=DAY)
    assert (e.actor1_id, e.actor2_id) == ("ne-government", "fr-state")


def test_rapes_told_with_killings_are_an_event_of_their_own(extractor: Extractor) -> None:
    text = "Gunmen killed four villagers and raped several women in Déou on Sunday, residents said."
    events = extractor.extract(text, published=dt.date(2022, 3, 8))
    found = sorted((e.sub_event_type, e.fatalities) for e in events)
    assert found == [("Attack", 4), ("Sexual violence", None)]
    assert {e.location for e in events} == {"Déou"}


def test_of_a_deployment_and_a_handover_the_first_told_happened(extractor: Extractor) -> None:
    text = (
        "Des militaires russes se sont installés mardi dans l'ancienne base de Ménaka, "
        "rétrocédée à l'armée malienne en juin."
    )
    assert _types(extractor, text) == [("Strategic developments", "Headquarters or base established")]


def test_barricades_and_burning_tyres_are_a_riot(extractor: Extractor) -> None:
    text = "À Parakou, des jeunes ont érigé des barricades et incendié des pneus jeudi."
    assert _types(extractor, text) == [("Riots", "Violent demonstration")]


def test_places_on_several_days_in_one_sentence_are_several_events(extractor: Extractor) -> None:
    text = (
        "Les rebelles du MNLA, appuyés par des groupes islamistes, sont entrés vendredi dans Kidal, "
        "samedi dans Gao et dimanche dans Tombouctou, abandonnées par l'armée malienne."
    )
    events = extractor.extract(text, published=dt.date(2012, 4, 2))
    found = sorted((e.event_date.isoformat(), e.location, e.actor1_id) for e in events)  # type: ignore[union-attr]
    assert found == [
        ("2012-03-30", "Kidal", "mnla"),
        ("2012-03-31", "Gao", "mnla"),
        ("2012-04-01", "Tombouctou", "mnla"),
    ]
    assert {e.sub_event_type for e in events} == {"Non-state actor overtakes territory"}


def test_a_place_captured_is_taken_and_people_captured_are_arrested(extractor: Extractor) -> None:
    assert _types(extractor, "Les jihadistes ont capturé la ville de Ménaka samedi.") == [
        ("Battles", "Non-state actor overtakes territory")
    ]
    assert _types(extractor, "Soldiers captured three JNIM fighters near Boni on Saturday.") == [
        ("Strategic developments", "Arrests")
    ]


def test_a_crowd_taking_the_law_into_its_hands_and_a_drone_brought_down(extractor: Extractor) -> None:
    text = "Residents took the law into their own hands and stoned two suspected thieves in Kaya on Sunday."
    assert _types(extractor, text) == [("Riots", "Mob violence")]
    text = "An army drone was brought down near Anefis on Monday by rebel anti-aircraft fire."
    assert _types(extractor, text) == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Haïti : des gangs s'emparent de la commune de Saut-d'Eau", "Non-state actor overtakes territory"),
        (
            "L'hôpital de Mirebalais a été mis à sac dans la nuit par des membres de gangs.",
            "Looting/property destruction",
        ),
        (
            "Plusieurs centaines de militaires se sont mutinés mercredi au camp Katindo de Goma.",
            "Change to group/activity",
        ),
        (
            "Le 5 avril 2024, des insurgés ont établi un campement près de Quissanga.",
            "Headquarters or base established",
        ),
        ("A prisoner exchange was concluded between the rebels and the government in Geneva.", "Agreement"),
    ],
)
def test_wordings_of_less_frequent_kinds(extractor: Extractor, text: str, sub_event: str) -> None:
    assert sub_event in [s for _, s in _types(extractor, text)]


def test_an_event_told_as_similar_takes_the_kind_told_before(extractor: Extractor) -> None:
    text = (
        "Deux soldats français ont été tués samedi lorsque leur blindé a sauté sur un engin explosif "
        "improvisé près de Ménaka. Lundi dernier, trois autres militaires français avaient péri dans des "
        "circonstances similaires près d'Hombori."
    )
    kinds = [s for _, s in _types(extractor, text)]
    assert kinds == ["Remote explosive/landmine/IED", "Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    "text",
    [
        "Mali's junta announced on Thursday the immediate end of the 2015 Algiers peace agreement.",
        "Mali's junta announced on Thursday the 'immediate' termination of the 2015 Algiers peace agreement.",
    ],
)
def test_ending_an_agreement_is_no_agreement(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == [("Strategic developments", "Other")]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "On 2 May 2023, soldiers seized a cache of rifles and ammunition near Sollé.",
            "Disrupted weapons use",
        ),
        (
            "Russian forces dropped munitions containing chloropicrin on Ukrainian positions.",
            "Chemical weapon",
        ),
        (
            "Several rockets fired from the hills landed inside the Kidal camp on Sunday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "The formation of a new armed coalition uniting two factions was announced in Cauca.",
            "Change to group/activity",
        ),
    ],
)
def test_more_generic_wordings(extractor: Extractor, text: str, sub_event: str) -> None:
    assert sub_event in [s for _, s in _types(extractor, text)]


def test_a_ground_assault_with_suicide_vehicles_or_ieds_is_an_armed_clash(extractor: Extractor) -> None:
    text = (
        "Kati : le camp militaire visé par des kamikazes. Deux véhicules piégés conduits par des kamikazes "
        "ont visé vendredi le camp de Kati, avant un échange de tirs. Le JNIM a revendiqué l'attaque."
    )
    (e,) = extractor.extract(text, published=dt.date(2022, 7, 23))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == ("Armed clash", "jnim", "ml-military")
    assert {"VBIED", "suicide attack"} <= set(e.tactics)
    text = (
        "At least 29 Nigerien soldiers were killed on Monday near Tillabéri when their unit came under "
        "attack by more than a hundred militants using improvised explosive devices."
    )
    (e,) = extractor.extract(text, published=dt.date(2023, 10, 3))
    assert (e.sub_event_type, e.fatalities) == ("Armed clash", 29)


def test_a_coup_in_which_ministers_are_detained_is_an_arrest_event(extractor: Extractor) -> None:
    text = (
        "Coup d'État au Mali. Des militaires mutins ont pris le contrôle du palais présidentiel dans la nuit "
        "de mercredi à jeudi. Plusieurs ministres ont été arrêtés à Bamako."
    )
    (e,) = extractor.extract(text, published=dt.date(2012, 3, 22))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == ("Arrests", "ml-military", "ml-government")
    assert e.event_date == dt.date(2012, 3, 21)


def test_rioters_who_kill_are_rioters_not_an_armed_group(extractor: Extractor) -> None:
    text = (
        "Cinq personnes ont été tuées vendredi à Zinder lors de manifestations violentes au cours desquelles "
        "des églises ont été incendiées."
    )
    (e,) = extractor.extract(text, published=dt.date(2015, 1, 18))
    assert (e.event_type, e.actor1_id, e.fatalities) == ("Riots", "rioters-ne", 5)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured Nyabibwe on Monday after the army withdrew.",
        "Al-Fula, the capital of West Kordofan, was captured by the Rapid Support Forces on Monday.",
    ],
)
def test_a_town_captured_is_taken_even_when_the_gazetteer_lacks_it(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == [("Battles", "Non-state actor overtakes territory")]


def test_a_person_captured_is_arrested(extractor: Extractor) -> None:
    text = "Soldiers captured Amadou Koufa's deputy near Mopti on Monday."
    assert _types(extractor, text) == [("Strategic developments", "Arrests")]


def test_a_post_overrun_is_a_battle_a_town_overrun_is_territory(extractor: Extractor) -> None:
    text = "Dozens of Malian soldiers were killed on Sunday when militants overran an army base in Dioura."
    assert _types(extractor, text) == [("Battles", "Armed clash")]
    assert _types(extractor, "JNIM militants overran the town of Boni in Mali on Monday.") == [
        ("Battles", "Non-state actor overtakes territory")
    ]


def test_excessive_force_is_done_by_the_force_that_fired(extractor: Extractor) -> None:
    text = "Three people were killed in Gao on Tuesday when soldiers opened fire on young protesters."
    (e,) = extractor.extract(text, published=dt.date(2022, 5, 17))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == (
        "Excessive force against protesters",
        "ml-military",
        "protesters-ml",
    )


def test_a_foiled_coup_with_arrests_is_no_disrupted_weapons_use(extractor: Extractor) -> None:
    text = (
        "Le gouvernement malien a annoncé lundi avoir déjoué une tentative de coup d'État menée par un "
        "groupuscule d'officiers. Les auteurs ont été arrêtés."
    )
    assert [e.sub_event_type for e in extractor.extract(text, published=dt.date(2022, 5, 17))] == ["Arrests"]


def test_troops_entering_a_town_take_it_back(extractor: Extractor) -> None:
    text = (
        "Malian troops entered Kidal on Tuesday, taking the northern town from the "
        "separatist CSP rebel alliance."
    )
    assert _types(extractor, text) == [("Battles", "Government regains territory")]


def test_a_rebel_alliance_is_no_agreement(extractor: Extractor) -> None:
    text = "Mali's CSP rebel alliance on Monday announced it was leaving the peace process."
    assert ("Strategic developments", "Agreement") not in _types(extractor, text)


def test_deaths_told_beside_a_protest_are_the_protests(extractor: Extractor) -> None:
    text = (
        "Security forces fired tear gas and live rounds at protesters in N'Djamena on Tuesday. "
        "The government said six people were killed."
    )
    (e,) = extractor.extract(text, published=dt.date(2021, 4, 28))
    assert (e.sub_event_type, e.actor2_id, e.fatalities) == (
        "Excessive force against protesters",
        "protesters-td",
        6,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Two people were killed in Niamey during two days of unrest, the interior minister said on Thursday. "
        "Supporters of the opposition burned tyres and looted shops from Tuesday.",
        "Deux personnes ont été tuées lors des violences qui ont suivi mardi à Niamey la proclamation des "
        "résultats. Des partisans de l'opposition ont incendié des pneus et pillé des commerces.",
    ],
)
def test_deaths_in_unrest_are_the_riots(extractor: Extractor, text: str) -> None:
    (e,) = extractor.extract(text, published=dt.date(2021, 2, 25))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id, e.fatalities) == (
        "Violent demonstration",
        "rioters-ne",
        None,
        2,
    )


def test_deaths_in_violence_outside_a_protest_report_stay_an_attack(extractor: Extractor) -> None:
    text = "Deux personnes ont été tuées lors des violences mardi à Djibo, selon des sources locales."
    (e,) = extractor.extract(text, published=dt.date(2021, 2, 25))
    assert (e.sub_event_type, e.fatalities) == ("Attack", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Mali, Burkina Faso and Niger signed a mutual defence pact on Saturday. An attack on one will be "
        "considered an aggression against all, the charter says.",
        "Le pacte signé samedi à Bamako prévoit une riposte commune en cas d'attaque contre l'un des "
        "trois pays.",
        "France said on Thursday it would withdraw its troops from Mali after nearly a decade of fighting "
        "Islamist militants.",
        "Protesters marched in Kaya on Saturday, accusing France of failing to stop jihadist attacks.",
        "Analysts say the group's fighters have repeatedly ambushed tanker convoys on the main corridors.",
        "Aid workers in Diffa describe families who fled attacks on their villages years ago.",
        "Residents of Markoye say they fear further raids during the cold season.",
        "Les obsèques des militaires tués doivent avoir lieu dans la semaine à Cotonou.",
        "L'opposant se rendait mercredi au tribunal de Dakar pour répondre à une accusation de viol.",
        "Commercial quadcopters fitted with small bombs or mortar rounds have appeared in videos from Kidal.",
        "La diffusion de RFI a été suspendue, et des manifestants réclament régulièrement le départ des "
        "soldats français de Ouagadougou.",
    ],
)
def test_a_hypothetical_attack_or_a_span_of_fighting_is_no_violent_event(
    extractor: Extractor, text: str
) -> None:
    violent = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
    assert not [t for t, _ in _types(extractor, text) if t in violent]


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria's naira fell to a record low against the dollar after the central bank unified its windows.",
        "Mali's industrial gold output fell to about 66.5 tonnes in 2023, the mines ministry said on Monday.",
        "Weeks of torrential rain have caused the worst flooding in years across the Sahel. Homes, granaries "
        "and livestock have been swept away.",
        "Une vague de chaleur frappe le Mali depuis la fin mars. Les hôpitaux signalent une hausse des "
        "décès, sans que les autorités aient publié de bilan lié à la chaleur.",
    ],
)
def test_figures_that_fall_and_swept_livestock_are_no_events(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Kano state governor imposed a curfew on Thursday after demonstrators protesting against the "
            "cost of living looted shops and vandalised public buildings in the city.",
            "Kano",
        ),
        (
            "Un étudiant est mort vendredi à Saint-Louis lors de heurts entre des jeunes manifestants et les "
            "forces de l'ordre.",
            "Saint-Louis",
        ),
    ],
)
def test_protesters_who_loot_or_clash_with_the_police_are_rioters(
    extractor: Extractor, text: str, place: str
) -> None:
    (e,) = extractor.extract(text, published=dt.date(2024, 8, 2))
    assert (e.sub_event_type, (e.actor1_id or "")[:8], e.location) == (
        "Violent demonstration",
        "rioters-",
        place,
    )


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Le gouvernement de transition a suspendu mercredi, par décret adopté en Conseil des ministres à "
            "Bamako, « jusqu'à nouvel ordre » les activités des partis politiques et des associations à "
            "caractère politique.",
            "Other",
        ),
        (
            "Soldiers at the Dori barracks mutinied on Thursday over unpaid bonuses, firing into the air.",
            _CHANGE,
        ),
    ],
)
def test_a_governments_measure_is_no_change_to_a_group_but_a_mutiny_is(
    extractor: Extractor, text: str, sub_event: str
) -> None:
    assert [s for _, s in _types(extractor, text)] == [sub_event]


def test_a_ground_assault_by_named_fighters_with_ieds_is_a_battle_but_an_ied_attack_is_not(
    extractor: Extractor,
) -> None:
    assault = (
        "Twenty-nine soldiers were killed on Monday near Tabatol when their unit was hit by improvised "
        "explosive devices during an attack by more than a hundred jihadists."
    )
    assert _types(extractor, assault) == [("Battles", "Armed clash")]
    ied = "Five soldiers were killed on Monday near Djibo in an IED attack on their convoy."
    assert _types(extractor, ied) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


@pytest.mark.parametrize(
    "text",
    [
        "Niger's military government has revoked with immediate effect the agreement that allowed US "
        "military personnel to operate in the country.",
        "La junte malienne a annoncé jeudi soir la fin de l'accord pour la paix issu du processus d'Alger.",
    ],
)
def test_revoking_an_agreement_is_rejecting_it(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == [("Strategic developments", "Other")]


def test_deaths_at_a_protest_only_dispersed_are_an_intervention_and_live_fire_is_excessive(
    extractor: Extractor,
) -> None:
    dispersed = (
        "Two people were killed and 18 wounded in Téra on Saturday when hundreds of protesters blocked a "
        "military convoy, the interior ministry said. Gendarmes fired tear gas to clear the road."
    )
    (e,) = extractor.extract(dispersed, published=dt.date(2021, 11, 28))
    assert (e.sub_event_type, e.fatalities) == ("Protest with intervention", 2)
    shot = (
        "Security forces fired tear gas and live rounds at protesters in N'Djamena on Tuesday. "
        "The government said six people were killed."
    )
    (e,) = extractor.extract(shot, published=dt.date(2021, 4, 28))
    assert (e.sub_event_type, e.fatalities) == ("Excessive force against protesters", 6)


def test_a_person_whose_whereabouts_are_hidden_has_disappeared(extractor: Extractor) -> None:
    text = (
        "Guinea's transitional authorities refuse to reveal the whereabouts of Oumar Sylla, an opposition "
        "leader held since Tuesday, rights groups said."
    )
    assert _types(extractor, text) == [("Violence against civilians", "Abduction/forced disappearance")]


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses described how members of the security forces executed 17 men near Titao in May.",
        "Une organisation accuse les forces de sécurité d'avoir exécuté neuf hommes près d'Inata en janvier.",
    ],
)
def test_an_execution_of_unnamed_men_is_an_attack_on_civilians(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=DAY)
    assert [(e.event_type, e.sub_event_type, e.actor2_id) for e in events] == [
        ("Violence against civilians", "Attack", "civilians-bf")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Militants stormed a gendarmerie school in Bamako on Tuesday, killing more than 70 people. The JNIM "
        "group claimed the assault, saying its fighters had also set fire to aircraft parked at the airport.",
        "Le 4 avril, les forces armées burkinabè ont accroché un groupe armé terroriste affilié au "
        "Rassemblement pour la victoire de l'islam et des musulmans (RVIM) près de Djibo.",
    ],
)
def test_an_armed_group_that_burns_or_rallies_is_no_riot(extractor: Extractor, text: str) -> None:
    assert "Riots" not in [t for t, _ in _types(extractor, text)]


def test_a_rally_demanding_a_departure_is_a_protest_not_a_withdrawal(extractor: Extractor) -> None:
    text = (
        "Des dizaines de milliers de personnes se sont rassemblées samedi à Niamey, près de la base "
        "militaire qui abrite les soldats français, pour exiger leur départ du pays."
    )
    events = extractor.extract(text, published=dt.date(2023, 9, 3))
    assert [(e.event_type, e.sub_event_type, e.event_date) for e in events] == [
        ("Protests", "Peaceful protest", dt.date(2023, 9, 2))
    ]


def test_a_force_that_ended_its_mission_withdrew(extractor: Extractor) -> None:
    text = (
        "French special forces of Task Force Sabre formally ended their mission in Burkina Faso on Sunday, "
        "a month after the junta demanded their departure."
    )
    events = extractor.extract(text, published=dt.date(2023, 2, 20))
    assert [(e.sub_event_type, e.plover_type) for e in events] == [
        ("Non-violent transfer of territory", "RETREAT")
    ]


def test_deaths_at_protests_the_forces_dispersed_are_an_intervention(extractor: Extractor) -> None:
    text = (
        "Togo: at least seven dead after protests. Civil society groups said on Monday that at least seven "
        "people died during three days of demonstrations in Lomé, as security forces fired tear gas to "
        "disperse crowds."
    )
    events = extractor.extract(text, published=dt.date(2017, 9, 25))
    assert [(e.sub_event_type, e.actor1_id, e.fatalities) for e in events] == [
        ("Protest with intervention", "protesters-tg", 7)
    ]


def test_excessive_force_by_no_named_force_is_the_police_s(extractor: Extractor) -> None:
    text = "Two people were shot dead in Lomé on Saturday during an opposition demonstration."
    events = extractor.extract(text, published=dt.date(2017, 9, 25))
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [
        ("Excessive force against protesters", "tg-police")
    ]


def test_the_group_most_of_the_dead_belong_to_was_the_target(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on beachgoers and hotels in Grand-Bassam on Sunday, killing 16 civilians and "
        "three special forces soldiers, the interior minister said."
    )
    events = extractor.extract(text, published=dt.date(2016, 3, 14))
    assert [(e.sub_event_type, e.actor2_id) for e in events] == [("Attack", "civilians-ci")]


def test_forces_deployed_set_up_no_base_but_forces_moving_into_one_do(extractor: Extractor) -> None:
    deployed = (
        "Mali's transitional government said on Monday it had arrested 49 soldiers from Côte d'Ivoire who "
        "landed at Bamako's airport. Abidjan said the troops were deployed to support the UN mission."
    )
    types = [t for _, t in _types(extractor, deployed)]
    assert "Headquarters or base established" not in types
    moved = "Des instructeurs militaires russes se sont installés cette semaine dans la base de Tombouctou."
    assert ("Strategic developments", "Headquarters or base established") in _types(extractor, moved)


def test_any_force_of_the_registry_settles_a_base_but_residents_do_not(extractor: Extractor) -> None:
    # Sabre is a foreign force by its registry kind; no list in the code names it
    sabre = "Les soldats de la force Sabre se sont installés à Inata, selon une source sécuritaire."
    assert ("Strategic developments", "Headquarters or base established") in _types(extractor, sabre)
    residents = "Des ressortissants maliens installés à Inata ont été évacués, selon une source sécuritaire."
    assert ("Strategic developments", "Headquarters or base established") not in _types(extractor, residents)


def test_a_crowd_that_then_sets_fire_riots(extractor: Extractor) -> None:
    text = (
        "Des manifestants se sont rassemblés samedi devant l'ambassade de France à Ouagadougou. "
        "Ils ont mis le feu à une porte et arraché la plaque."
    )
    events = extractor.extract(text, published=dt.date(2022, 10, 2))
    assert [(e.sub_event_type, e.actor1_id, e.actor2_id) for e in events] == [
        ("Violent demonstration", "rioters-bf", "fr-state")
    ]


def test_an_airspace_violated_is_no_rape_and_a_condemned_attack_is_the_one_told(
    extractor: Extractor,
) -> None:
    airspace = "Alger affirme que l'appareil avait violé son espace aérien."
    assert "Sexual violence" not in [t for _, t in _types(extractor, airspace)]
    told = "Des hommes armés ont tué six soldats lundi près de Djibo. Paris a condamné l'attaque."
    assert len(_types(extractor, told)) == 1


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        (
            "Le Mali a annoncé dimanche soir son retrait du G5 Sahel, pour protester contre le refus de lui "
            "confier la présidence tournante de l'organisation.",
            "REJECT",
        ),
        (
            "N'Djamena a annoncé jeudi soir mettre fin à l'accord de coopération en matière de défense "
            "qui le liait à la France.",
            "REJECT",
        ),
    ],
)
def test_a_state_acting_to_protest_or_ending_a_pact_is_no_street_protest(
    extractor: Extractor, text: str, plover: str
) -> None:
    events = extractor.extract(text, published=DAY)
    assert [(e.event_type, e.plover_type) for e in events] == [("Strategic developments", plover)]


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        (
            "Burkina Faso's army said on Monday that it had deposed President Roch Marc Christian Kaboré and "
            "suspended the constitution.",
            "bf",
        ),
        (
            "Soldiers in Niger announced on national television late on Wednesday that they had removed "
            "President Mohamed Bazoum from power.",
            "ne",
        ),
    ],
)
def test_a_coup_targets_the_government(extractor: Extractor, text: str, cc: str) -> None:
    events = extractor.extract(text, published=dt.date(2023, 7, 27))
    coups = [e for e in events if e.actor1_id == f"{cc}-military"]
    assert coups and all(e.actor2_id == f"{cc}-government" for e in coups)


def test_the_head_of_state_held_is_the_government_but_a_former_one_is_not(extractor: Extractor) -> None:
    text = (
        "Soldiers of Niger's presidential guard detained President Mohamed Bazoum inside the presidential "
        "palace in Niamey on Wednesday, and officers announced they had removed him from power."
    )
    arrests = [e for e in extractor.extract(text, published=DAY) if e.sub_event_type == "Arrests"]
    assert [e.actor2_id for e in arrests] == ["ne-government"]
    former = "Police in Bamako arrested former Prime Minister Moussa Mara on Friday, his lawyer said."
    arrests = [e for e in extractor.extract(former, published=DAY) if e.sub_event_type == "Arrests"]
    assert arrests and all(e.actor2_id != "ml-government" for e in arrests)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters attacked the French embassy in Ouagadougou on Saturday.",
        "Des manifestants ont attaqué samedi l'ambassade de France à Ouagadougou.",
    ],
)
def test_a_crowd_attacking_an_embassy_riots_against_its_state(extractor: Extractor, text: str) -> None:
    (e,) = extractor.extract(text, published=dt.date(2022, 10, 2))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == ("Violent demonstration", "rioters-bf", "fr-state")


def test_a_crowd_is_no_mob_until_it_lynches(extractor: Extractor) -> None:
    rally = (
        "Des dizaines de milliers de Maliens ont manifesté vendredi à Bamako contre les sanctions. La foule "
        "brandissait des pancartes hostiles à la France."
    )
    assert "Mob violence" not in [s for _, s in _types(extractor, rally)]
    embassy = (
        "Des milliers de partisans des putschistes ont manifesté dimanche à Niamey. Une partie de la foule "
        "s'en est prise à l'ambassade de France, mettant le feu à une porte, avant d'être dispersée à coups "
        "de gaz lacrymogène."
    )
    assert ("Riots", "Violent demonstration") in _types(extractor, embassy)


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at hundreds of protesters in Kano on Thursday as demonstrations against the "
        "rising cost of living began across Nigeria. Some young men looted shops and set fire to a "
        "government building in the city, and a curfew was imposed in the evening, officials said.",
        "Thousands of supporters of the junta marched through Niamey on Sunday, and some of them attacked "
        "the French embassy, setting fire to a door before security forces dispersed them with tear gas.",
    ],
)
def test_a_protest_whose_crowd_burns_or_loots_is_a_riot_even_when_dispersed(
    extractor: Extractor, text: str
) -> None:
    assert [s for _, s in _types(extractor, text)] == ["Violent demonstration"]


def test_more_people_taken_than_killed_is_an_abduction(extractor: Extractor) -> None:
    text = (
        "Islamist militants attacked the gas facility near In Amenas on Wednesday, killing two people and "
        "seizing dozens of foreign workers as hostages."
    )
    assert _types(extractor, text) == [("Violence against civilians", "Abduction/forced disappearance")]
    killed = "Gunmen killed twelve villagers and kidnapped two women near Djibo on Monday."
    assert _types(extractor, killed) == [("Violence against civilians", "Attack")]


def test_police_that_intervene_in_a_protest_are_its_second_actor(extractor: Extractor) -> None:
    text = "In Bamako, police fired tear gas and live rounds at protesters on Friday, killing 3."
    (e,) = extractor.extract(text, published=dt.date(2020, 7, 13))
    assert (e.actor1_id, e.actor2_id) == ("protesters-ml", "ml-police")


def test_a_party_named_rassemblement_is_no_protest(extractor: Extractor) -> None:
    text = "Plusieurs figures du Rassemblement pour le Mali ont été reçues par le président vendredi."
    assert extractor.extract(text, published=dt.date(2020, 7, 13)) == []


def test_detainees_released_is_no_town_retaken(extractor: Extractor) -> None:
    text = (
        "Le calme revenait lundi à Bamako. Samedi, plusieurs opposants ont été interpellés par la police, "
        "avant d'être libérés lundi matin. Une mission conduite par l'ancien président nigérian Goodluck "
        "Jonathan est attendue."
    )
    events = extractor.extract(text, published=dt.date(2020, 7, 13))
    assert [(e.sub_event_type, e.actor1_id) for e in events] == [("Arrests", "ml-police")]


def test_a_negated_act_is_no_event(extractor: Extractor) -> None:
    text = "Officials say several suspects have been identified, but no arrest had been announced in Kaya."
    assert extractor.extract(text, published=dt.date(2019, 1, 10)) == []
    text = "Aucune attaque n'a été signalée à Djibo depuis dimanche, selon un élu local."
    assert extractor.extract(text, published=dt.date(2019, 1, 10)) == []


def test_a_roadside_bomb_claimed_as_an_attack_stays_an_explosion(extractor: Extractor) -> None:
    text = (
        "Three French soldiers were killed on Monday by a roadside bomb near Hombori, in central Mali, an "
        "attack claimed by the al-Qaeda-linked JNIM."
    )
    (e,) = extractor.extract(text, published=dt.date(2021, 1, 3))
    assert (e.sub_event_type, e.actor1_id) == ("Remote explosive/landmine/IED", "jnim")


def test_later_the_same_day_opens_another_occurrence(extractor: Extractor) -> None:
    text = (
        "A truck carrying displaced people struck an explosive device on Sunday on the road between "
        "Guendbila and Barsalogho, killing 15 passengers. Later the same day, armed men ambushed a convoy "
        "bringing food supplies elsewhere in Sanmatenga province, killing 14 people."
    )
    events = extractor.extract(text, published=dt.date(2019, 9, 9))
    assert sorted(e.fatalities or 0 for e in events) == [14, 15]


def test_the_same_evening_opens_another_occurrence(extractor: Extractor) -> None:
    text = (
        "L'attaque de vendredi soir contre l'hôtel Splendid, dans le centre de la capitale, a fait 30 morts. "
        "Trois assaillants ont été abattus lors de l'assaut mené par les forces burkinabè. Le même soir, un "
        "couple de médecins australiens a été enlevé par des hommes armés à Djibo, dans le nord."
    )
    events = extractor.extract(text, published=dt.date(2016, 1, 18))
    taken = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert [(e.location, str(e.event_date)) for e in taken] == [("Djibo", "2016-01-15")]


def test_overrunning_a_camp_is_a_battle_and_overrunning_a_town_takes_it(extractor: Extractor) -> None:
    camp = "On 10 December gunmen overran the Inates army camp, in Tillabéri region, and killed 71 soldiers."
    town = "Boko Haram fighters overran the town of Baga, on the shores of Lake Chad, on Saturday."
    assert _types(extractor, camp) == [("Battles", "Armed clash")]
    assert _types(extractor, town) == [("Battles", "Non-state actor overtakes territory")]


@pytest.mark.parametrize(
    ("text", "force"),
    [
        (
            "Chad's government said about 50 people were killed on Thursday when security forces opened "
            "fire on demonstrators in N'Djamena.",
            "td-police",  # forces named only as "security forces" facing a crowd are its police
        ),
        (
            "Les forces de l'ordre ont tiré à balles réelles pour disperser la foule samedi à Bamako.",
            "ml-police",
        ),
    ],
)
def test_live_fire_on_a_crowd_is_excessive_force(extractor: Extractor, text: str, force: str) -> None:
    (e,) = extractor.extract(text, published=dt.date(2022, 10, 21))
    assert (e.sub_event_type, e.actor1_id, e.actor2_id) == (
        "Excessive force against protesters",
        force,
        f"protesters-{force[:2]}",
    )


def test_damage_in_a_protest_report_is_the_crowds(extractor: Extractor) -> None:
    text = (
        "Des manifestants s'en sont pris samedi à l'ambassade de France à Ouagadougou, où des incendies ont "
        "été allumés. À Bobo-Dioulasso, l'Institut français a également été pris pour cible."
    )
    events = extractor.extract(text, published=dt.date(2022, 10, 2))
    assert {(e.sub_event_type, e.actor1_id, e.location) for e in events} == {
        ("Violent demonstration", "rioters-bf", "Ouagadougou"),
        ("Violent demonstration", "rioters-bf", "Bobo-Dioulasso"),
    }


def test_an_attack_in_a_report_without_protest_stays_an_attack(extractor: Extractor) -> None:
    text = (
        "Twelve soldiers were killed on Friday when armed men attacked an army post at Nassoumbou. The "
        "attackers set fire to vehicles. It was one of the deadliest attacks on the army in years."
    )
    assert _types(extractor, text) == [("Battles", "Armed clash")]


def test_only_forces_settle_a_base(extractor: Extractor) -> None:
    forces = "Des militaires russes se sont installés jeudi dans la base aérienne 101 de Niamey."
    residents = "Nouakchott dénonce des exactions contre ses ressortissants installés près de la frontière."
    assert _types(extractor, forces) == [("Strategic developments", "Headquarters or base established")]
    assert ("Strategic developments", "Headquarters or base established") not in _types(extractor, residents)


def test_people_killed_then_told_to_be_a_militia_hit_are_a_clash(extractor: Extractor) -> None:
    text = (
        "Centre-Nord : neuf personnes tuées à Pissila. Samedi, des hommes armés ont attaqué des membres du "
        "groupe d'autodéfense Koglweogo dans deux villages de la commune de Pissila."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor2_id, event.fatalities) == ("Armed clash", "koglweogo", 9)


def test_a_self_defence_committee_ambushed_is_a_militia_hit(extractor: Extractor) -> None:
    text = "Gunmen ambushed members of a self-defence committee near Tillia on Monday, killing 12."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor2_id) == ("Armed clash", "self-defence-militia-ne")


def test_gunmen_claiming_allegiance_make_no_demand(extractor: Extractor) -> None:
    text = "Des hommes armés se réclamant de l'État islamique ont attaqué lundi des habitants de Sambonaye."
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.actor1_id, event.plover_type) == ("Attack", "is-sahel", None)


def test_threats_that_ended_in_a_killing_are_an_attack(extractor: Extractor) -> None:
    text = (
        "Province du Soum : des hommes armés se réclamant d'Ansaroul Islam ont sillonné vendredi et samedi "
        "les localités de Pogouwol, Kourou et Pétéga, menaçant les habitants et les enseignants. "
        "Un civil a été tué au cours de ces incursions, selon une source administrative."
    )
    (event,) = extractor.extract(text, published=DAY)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 1)


def test_several_people_arrested_is_an_arrest_several_times_is_not(extractor: Extractor) -> None:
    text = "Police arrested several journalists in Niamey on Monday."
    assert _types(extractor, text) == [("Strategic developments", "Arrests")]
    assert _types(extractor, "The activist has been arrested several times since 2019.") == []


def test_a_battalion_named_signed_in_blood_signs_nothing(extractor: Extractor) -> None:
    text = 'The "Signed in Blood" brigade of the Algerian jihadist Mokhtar Belmokhtar said it had taken part.'
    assert "Agreement" not in [sub for _, sub in _types(extractor, text)]
