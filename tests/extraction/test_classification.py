"""Classification on general news snippets (outside the Sahel too): one ACLED sub-event type each."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

CASES = [
    ("Police fired tear gas at protesters in Nairobi on Tuesday.", "Protest with intervention"),
    ("A suicide bomber killed five people at a checkpoint in Kabul.", "Suicide bomb"),
    ("Hundreds of farmers marched peacefully in New Delhi to demand higher prices.", "Peaceful protest"),
    ("An angry mob lynched a man suspected of stealing a goat.", "Mob violence"),
    ("Rebels seized the town of Goma after heavy fighting.", "Non-state actor overtakes territory"),
    ("Government forces recaptured the town from the insurgents on Monday.", "Government regains territory"),
    ("Government forces dropped chlorine gas on the town, activists said.", "Chemical weapon"),
    ("A grenade was thrown into a bar, wounding six people.", "Grenade"),
    ("Soldiers raped at least ten women in the village.", "Sexual violence"),
    ("Rioters looted shops and set cars on fire in the capital.", "Violent demonstration"),
    ("Police arrested 20 opposition activists.", "Arrests"),
    ("Militants fired mortar shells at the army base.", "Shelling/artillery/missile attack"),
    ("Two civilians were killed by a landmine on the road to the market.", "Remote explosive/landmine/IED"),
    ("An airstrike killed 12 militants in the province.", "Air/drone strike"),
    ("Security forces opened fire on demonstrators, killing three.", "Excessive force against protesters"),
    ("Gunmen abducted 30 passengers from a bus.", "Abduction/forced disappearance"),
    ("The two parties signed a ceasefire agreement in Geneva.", "Agreement"),
    ("Army engineers defused a roadside bomb near the checkpoint.", "Disrupted weapons use"),
    ("The rebel group announced it had merged with a rival faction.", "Change to group/activity"),
    ("Des hommes armés ont enlevé trois enseignants à Djibo.", "Abduction/forced disappearance"),
    ("Un drone de l'armée a frappé un rassemblement de terroristes près de Djibo.", "Air/drone strike"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), CASES)
def test_sub_event_type(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extractor.extract(text, published=dt.date(2021, 5, 5))
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_political_interaction_has_a_plover_type(extractor: Extractor) -> None:
    text = "L'Algérie a rappelé son ambassadeur au Mali et fermé son espace aérien aux vols maliens."
    (event,) = extractor.extract(text, published=dt.date(2025, 4, 8))
    assert event.plover_type == "SANCTION"
    assert event.event_type == "Strategic developments"
    assert event.actor1_id == "dz-government"  # a country acting alone: its government


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Burkina Faso et le Niger ont annoncé samedi leur retrait du G5 Sahel et de ses instances.",
            ("Other", "REJECT"),
        ),
        (
            "Emmanuel Macron a annoncé dimanche soir le retrait des 1 500 militaires français déployés au "
            "Niger d'ici la fin de l'année.",
            ("Other", "RETREAT"),
        ),
        (
            "The last French soldiers left Niger on Friday, completing the withdrawal, the army said.",
            ("Non-violent transfer of territory", "RETREAT"),
        ),
    ],
)
def test_leaving_an_organisation_announcing_a_withdrawal_and_leaving(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    (event,) = extractor.extract(text, published=dt.date(2023, 12, 23))
    assert (event.sub_event_type, event.plover_type) == expected
