"""Demands, accusations, threats and inquiries are events only between states (gold/GUIDE.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2020, 6, 10)


def _kinds(extractor: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    events = extractor.extract(text, published=DAY)
    return [(e.event_type, e.sub_event_type, e.plover_type) for e in events if not e.historical]


def test_a_rights_group_calling_on_its_government_is_no_event(extractor: Extractor) -> None:
    text = (
        "Amnesty International said on Wednesday that security forces had killed three men whose bodies "
        "were found on the outskirts of Ouahigouya. It called on the authorities to open independent "
        "investigations."
    )
    kinds = _kinds(extractor, text)
    assert len(kinds) == 1 and kinds[0][0] != "Strategic developments", kinds


def test_an_inquiry_opened_into_killings_is_no_event(extractor: Extractor) -> None:
    text = (
        "Deux civils ont été tués vendredi à Sidogo par des hommes armés. "
        "Le gouvernement a annoncé l'ouverture d'une enquête."
    )
    assert _kinds(extractor, text) == [("Violence against civilians", "Attack", None)]


def test_a_protest_to_another_state_is_kept(extractor: Extractor) -> None:
    text = "Mali summoned Algeria's ambassador on Tuesday to protest against what it called interference."
    kinds = _kinds(extractor, text)
    assert kinds == [("Strategic developments", "Other", "DISAPPROVE")]


def test_a_measure_that_names_a_threat_is_kept(extractor: Extractor) -> None:
    text = (
        "Le gouvernement togolais a décrété lundi l'état d'urgence sécuritaire dans la région des Savanes "
        "afin de donner plus de moyens aux forces de défense face à la menace jihadiste."
    )
    assert [k[:2] for k in _kinds(extractor, text)] == [("Strategic developments", "Other")]


def test_a_border_named_by_its_country_is_no_foreign_party(extractor: Extractor) -> None:
    text = (
        "A Burkinabe soldier was killed on Tuesday when armed men attacked an army unit near Barani. "
        "Reinforcements were sent to the area, close to the Malian border."
    )
    assert [k[0] for k in _kinds(extractor, text)] == ["Battles"]


def _parties(
    extractor: Extractor, text: str, day: dt.date
) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.sub_event_type, e.actor1_id, e.actor2_id) for e in extractor.extract(text, published=day)]


def test_the_alliance_members_listed_together_act_as_the_alliance(extractor: Extractor) -> None:
    english = (
        "Burkina Faso, Mali and Niger announced on Sunday that they were leaving the Economic Community "
        "of West African States without delay."
    )
    french = (
        "Le Mali, le Burkina Faso et le Niger ont annoncé dimanche leur retrait sans délai de la "
        "Communauté économique des États de l'Afrique de l'Ouest (Cédéao)."
    )
    for text in (english, french):
        assert _parties(extractor, text, dt.date(2024, 1, 29)) == [("Other", "aes", "ecowas")]


def test_before_the_alliance_existed_the_states_act_alone(extractor: Extractor) -> None:
    text = "Mali, Burkina Faso and Niger recalled their ambassadors from Paris on Sunday."
    events = _parties(extractor, text, dt.date(2022, 5, 16))
    assert events and all(actor1 != "aes" for _, actor1, _ in events)


def test_the_states_signing_a_pact_are_its_parties(extractor: Extractor) -> None:
    text = "Mali, Burkina Faso and Niger signed on Saturday in Bamako a mutual defence pact."
    assert _parties(extractor, text, dt.date(2023, 9, 17)) == [("Agreement", "ml-state", "bf-state")]


def test_a_dated_downing_a_recall_answers_is_an_event_of_its_own(extractor: Extractor) -> None:
    text = (
        "The Alliance of Sahel States said on Sunday it was recalling its ambassadors from Algiers, after "
        "Algeria's army shot down a Malian army drone near Tinzaouaten in the night of March 31 to April 1."
    )
    events = extractor.extract(text, published=dt.date(2025, 4, 7))
    got = {(e.sub_event_type, e.actor1_id, e.event_date) for e in events}
    assert got == {
        ("Other", "aes", dt.date(2025, 4, 6)),
        ("Disrupted weapons use", "dz-military", dt.date(2025, 3, 31)),
    }


def test_an_undated_act_a_measure_answers_is_its_background(extractor: Extractor) -> None:
    text = (
        "Mali cut diplomatic ties with Ukraine on Sunday, after rebels backed by Kyiv killed dozens of "
        "soldiers."
    )
    events = extractor.extract(text, published=dt.date(2024, 8, 5))
    assert [e.sub_event_type for e in events] == ["Other"]


def test_quitting_a_regional_force_or_the_icc_rejects_it(extractor: Extractor) -> None:
    mnjtf = (
        "Niger has withdrawn from the Multinational Joint Task Force (MNJTF), its defence ministry announced "
        "on Saturday."
    )
    icc = (
        "Mali said on Monday it was withdrawing from the International Criminal Court with immediate effect."
    )
    for text, day in ((mnjtf, dt.date(2025, 3, 31)), (icc, dt.date(2025, 9, 23))):
        (event,) = extractor.extract(text, published=day)
        assert (event.sub_event_type, event.plover_type) == ("Other", "REJECT")


def test_a_licence_withdrawn_is_a_measure_not_a_withdrawal(extractor: Extractor) -> None:
    text = (
        "La Haute Autorité de la communication a annoncé mardi à Bamako le retrait de la licence de la "
        "chaîne privée Joliba TV News."
    )
    (event,) = extractor.extract(text, published=dt.date(2024, 11, 28))
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other")


@pytest.mark.parametrize(
    "text",
    [
        "Mali's junta announced on Thursday the 'immediate' end of the 2015 Algiers peace agreement with "
        "northern armed groups.",
        'Niger\'s military government said on Saturday it was ending "with immediate effect" the agreement '
        "that allowed US military personnel to operate on its territory.",
    ],
)
def test_a_pact_ended_is_rejected_not_made(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2024, 3, 17))
    assert [(e.sub_event_type, e.plover_type) for e in events] == [("Other", "REJECT")]


def test_juntas_signing_a_pact_sign_as_states(extractor: Extractor) -> None:
    text = (
        "Les chefs de la junte du Mali, du Burkina Faso et du Niger ont signé samedi à Bamako la charte du "
        "Liptako-Gourma, un pacte de défense mutuelle."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 9, 17))
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == ("Agreement", "ml-state", "bf-state")


@pytest.mark.parametrize(
    "text",
    [
        "Ouagadougou expulse trois diplomates français.",
        "Ouagadougou a déclaré persona non grata trois diplomates français.",
    ],
)
def test_a_capital_expelling_foreign_diplomats_is_its_government(extractor: Extractor, text: str) -> None:
    (event,) = extractor.extract(text, published=dt.date(2024, 4, 18))
    assert (event.actor1_id, event.actor2_id, event.location) == ("bf-government", "fr-state", "Ouagadougou")


def test_an_ambassador_summoned_over_incursions_is_the_event(extractor: Extractor) -> None:
    text = (
        "La Mauritanie a convoqué mercredi l'ambassadeur du Mali pour lui exprimer sa « vive protestation » "
        "après de nouvelles incursions de soldats maliens dans des villages frontaliers. Nouakchott dénonce "
        "des exactions contre ses ressortissants installés de part et d'autre de la frontière."
    )
    events = extractor.extract(text, published=dt.date(2024, 4, 21))
    assert [(e.sub_event_type, e.plover_type) for e in events] == [("Other", "DISAPPROVE")]


def test_detaining_another_states_soldiers_coerces_it(extractor: Extractor) -> None:
    text = (
        "Quarante-neuf soldats ivoiriens ont été interpellés dimanche à l'aéroport de Bamako par les "
        "autorités maliennes, qui les accusent d'être des mercenaires."
    )
    events = extractor.extract(text, published=dt.date(2022, 7, 12))
    assert [(e.sub_event_type, e.actor2_id, e.plover_type) for e in events] == [
        ("Arrests", "ci-military", "COERCE")
    ]


def test_a_withdrawal_announced_is_not_yet_a_handover(extractor: Extractor) -> None:
    text = (
        "NIAMEY - Les derniers militaires français déployés au Niger ont quitté le pays vendredi, mettant "
        "fin à plus de dix ans de présence militaire. Le retrait avait été annoncé le 24 septembre par le "
        "président Emmanuel Macron, deux mois après le coup d'État qui a renversé Mohamed Bazoum."
    )
    events = extractor.extract(text, published=dt.date(2023, 12, 23))
    got = sorted((e.event_date, e.sub_event_type, e.plover_type) for e in events)
    assert got == [
        (dt.date(2023, 9, 24), "Other", "RETREAT"),
        (dt.date(2023, 12, 22), "Non-violent transfer of territory", "RETREAT"),
    ]


def test_a_plot_foiled_is_no_weapon_disrupted(extractor: Extractor) -> None:
    text = (
        "Le ministre de la Sécurité a annoncé lundi que les services de renseignement avaient déjoué un "
        "« complot majeur » visant à renverser le régime; plusieurs militaires ont été interpellés ces "
        "derniers jours."
    )
    events = extractor.extract(text, published=dt.date(2025, 4, 22))
    assert "Disrupted weapons use" not in {e.sub_event_type for e in events}


def test_the_accord_named_after_a_capital_is_no_party_and_the_accuser_acts(extractor: Extractor) -> None:
    text = "Mali : la junte met fin à l'accord d'Alger et accuse l'Algérie d'« actes inamicaux »"
    events = extractor.extract(text, published=dt.date(2024, 1, 25))
    assert [(e.actor1_id, e.actor2_id) for e in events] == [("ml-government", "dz-state")]
    assert events[0].location != "Alger"  # the accord's name places nothing


def test_a_country_named_where_it_happened_is_no_party(extractor: Extractor) -> None:
    text = (
        "Four French nationals holding diplomatic passports have been detained in Burkina Faso since "
        "1 December, when they were arrested in Ouagadougou by the security services, diplomatic sources "
        "said on Thursday."
    )
    events = extractor.extract(text, published=dt.date(2023, 12, 14))
    assert [(e.sub_event_type, e.actor1_id, e.actor2_id) for e in events] == [
        ("Arrests", "bf-government", "fr-state")
    ]


def test_a_state_of_emergency_answering_the_violence_told_is_part_of_that_news(extractor: Extractor) -> None:
    unrest = (
        "Twenty people and two gunmen died when Islamist militants stormed the Radisson Blu hotel in Bamako "
        "on Friday and took about 170 guests and staff hostage, officials said."
    )
    measure = "Mali declared a 10-day state of emergency."
    day = dt.date(2015, 11, 21)
    assert [e.sub_event_type for e in extractor.extract(f"{unrest} {measure}", published=day)] == ["Attack"]
    alone = extractor.extract(measure, published=day)  # told alone, the measure is the news
    assert [e.event_type for e in alone] == ["Strategic developments"]


def test_an_inquiry_a_foreign_mission_opens_is_no_event_either(extractor: Extractor) -> None:
    text = (
        "Deux personnes ont été tuées lundi à Kidal lors d'une manifestation qui a dégénéré à l'aéroport. "
        "La Minusma a annoncé l'ouverture d'une enquête."
    )
    assert all(plover != "INVESTIGATE" for _, _, plover in _kinds(extractor, text))


def test_an_act_told_in_a_relative_clause_is_background(extractor: Extractor) -> None:
    text = (
        "Les autorités de transition, qui ont rompu avec la France, affirment que l'armée malienne monte en "
        "puissance."
    )
    assert _kinds(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "West African leaders met in Abuja on Thursday to discuss how to restore Niger's detained president.",
        "The FNDC, whose leaders have been arrested several times this year, said it would keep mobilising.",
    ],
)
def test_a_detention_named_as_a_state_or_a_habit_is_no_arrest(extractor: Extractor, text: str) -> None:
    assert all(sub != "Arrests" for _, sub, _ in _kinds(extractor, text))


def test_ambassadors_recalled_in_protest_are_no_street_protest(extractor: Extractor) -> None:
    text = "On Sunday, Mali, Burkina Faso and Niger recalled their ambassadors from Algiers in protest."
    assert all(sub != "Peaceful protest" for _, sub, _ in _kinds(extractor, text))


def test_the_capital_envoys_are_recalled_from_is_the_target(extractor: Extractor) -> None:
    text = "On Sunday Algeria recalled its ambassador from Bamako in protest."
    events = extractor.extract(text, published=DAY)
    assert [(e.actor1_id, e.actor2_id) for e in events] == [("dz-government", "ml-state")]


def test_a_foreign_force_leaving_leaves_its_base_to_the_host_forces(extractor: Extractor) -> None:
    text = "The last German soldiers left Niger on Saturday, handing over their air transport base at Niamey."
    (event,) = extractor.extract(text, published=dt.date(2024, 8, 31))
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor2_id, event.inter2) == ("ne-military", 1)
    assert any(e.rule.endswith("+host-forces") for e in event.evidence if e.field == "actor2_id")


def test_a_withdrawal_naming_no_recipient_leaves_to_the_host_forces(extractor: Extractor) -> None:
    text = "US forces completed their withdrawal from the drone base at Agadez on Monday."
    events = [e for e in extractor.extract(text, published=dt.date(2024, 9, 3)) if e.sub_event_type]
    transfer = next(e for e in events if e.sub_event_type == "Non-violent transfer of territory")
    assert transfer.actor2_id == "ne-military"


def test_a_governments_political_act_is_placed_in_its_country(extractor: Extractor) -> None:
    text = (
        "Nigeria cut off the electricity it supplies to Niger on Tuesday, in line with the sanctions imposed "
        "after the coup in Niamey, Niger's power company said."
    )
    events = [e for e in extractor.extract(text, published=dt.date(2023, 8, 2)) if e.plover_type]
    assert events and all(e.country == "NG" for e in events)


def test_the_foreign_force_is_the_one_that_leaves_whoever_announces_it(extractor: Extractor) -> None:
    text = (
        "L'état-major burkinabè a annoncé dimanche la fin des opérations de la force française Sabre, lors "
        "d'une cérémonie de descente des couleurs au camp de Kamboinsin. Le départ des forces spéciales "
        "françaises avait été exigé en janvier par les autorités."
    )
    (event,) = [
        e
        for e in extractor.extract(text, published=dt.date(2023, 2, 20))
        if e.sub_event_type == "Non-violent transfer of territory"
    ]
    assert (event.actor1_id, event.actor2_id) == ("sabre", "bf-military")


def test_a_political_act_needs_a_body_to_act_it(extractor: Extractor) -> None:
    text = (
        "ABIDJAN, Oct 2 - Ivory Coast raised the guaranteed price paid to cocoa farmers on Tuesday. Farmers' "
        "groups welcomed the rise, and exporters warned that smuggling to neighbouring Ghana could continue."
    )
    assert [e for e in extractor.extract(text, published=dt.date(2024, 10, 2)) if e.plover_type] == []


def test_a_junta_ending_an_agreement_is_its_act(extractor: Extractor) -> None:
    text = (
        "BAMAKO, Jan 26 - Mali's junta said it was ending, with immediate effect, the 2015 Algiers peace "
        "agreement signed with northern separatist groups, accusing mediator Algeria of hostile acts."
    )
    (event,) = [e for e in extractor.extract(text, published=dt.date(2024, 1, 26)) if e.plover_type]
    assert (event.plover_type, event.actor1_id) == ("REJECT", "ml-government")


def test_a_suspended_treaty_is_rejected_on_the_day_it_is_suspended(extractor: Extractor) -> None:
    text = (
        "La présidence algérienne a annoncé mercredi la suspension immédiate du traité d'amitié conclu le "
        "8 octobre 2002 avec l'Espagne."
    )
    (event,) = extractor.extract(text, published=dt.date(2022, 6, 9))
    assert (event.plover_type, event.event_date, event.actor2_id) == (
        "REJECT",
        dt.date(2022, 6, 8),
        "es-state",
    )
