"""Generic one-sentence news from anywhere (issue #5): the cues added for worldwide snippets give
the ACLED sub-event type, and the look-alikes they could catch stay as they were.
Sentences are invented for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2024, 3, 9)

CASES = [
    # protests: new verbs, and police means that make a protest "with intervention"
    ("Thousands of nurses rallied outside the health ministry in Accra.", "Peaceful protest"),
    ("Dock workers downed tools at the port of Mombasa over unpaid wages.", "Peaceful protest"),
    ("Riot police used water cannon on students marching in Santiago.", "Protest with intervention"),
    ("Police baton-charged traders protesting in Kampala.", "Protest with intervention"),
    ("La police a utilisé des canons à eau contre des manifestants à Dakar.", "Protest with intervention"),
    # riots and mobs
    ("Angry demonstrators ransacked the offices of the ruling party in Kisumu.", "Violent demonstration"),
    ("Prisoners rioted at the central jail in Bukavu.", "Violent demonstration"),
    ("Stone-throwing protesters clashed with police outside the stadium in Lima.", "Violent demonstration"),
    ("An angry crowd attacked two nurses in a village near Butembo.", "Mob violence"),
    ("Residents lynched a suspected kidnapper in a suburb of Abuja.", "Mob violence"),
    # explosions / remote violence
    ("A US drone struck a pickup truck near Jilib, killing two men.", "Air/drone strike"),
    ("Warplanes pounded rebel positions around Idlib.", "Air/drone strike"),
    ("An attacker blew himself up at the gate of a police academy in Quetta.", "Suicide bomb"),
    ("Un kamikaze s'est fait exploser devant une mosquée à Maroua.", "Suicide bomb"),
    ("A roadside bombing killed four soldiers near Kirkuk.", "Remote explosive/landmine/IED"),
    ("Israeli tanks fired shells at targets near Rafah.", "Shelling/artillery/missile attack"),
    # violence against civilians
    ("Des miliciens ont violé une femme près de Bunia.", "Sexual violence"),
    ("Gunmen gang-raped two girls on the road to Jos.", "Sexual violence"),
    ("Security forces tortured dozens of refugees in a camp near Conakry, a rights group said.", "Attack"),
    (
        "A journalist was seized by unknown men in Tegucigalpa and has not been seen since.",
        "Abduction/forced disappearance",
    ),
    # strategic developments
    ("Turkish police detained 25 lawyers in dawn raids in Istanbul.", "Arrests"),
    ("Peacekeepers opened a base in the town of Pibor.", "Headquarters or base established"),
    ("L'armée a installé un camp près de Ménaka.", "Headquarters or base established"),
    (
        "Rebels handed control of the town to government troops under the deal.",
        "Non-violent transfer of territory",
    ),
    ("The militia announced it was disbanding after the election.", "Change to group/activity"),
    ("Army engineers cleared a roadside bomb from the road to Baidoa.", "Disrupted weapons use"),
    ("Fighters ransacked the warehouses of an aid agency in El Fasher.", "Looting/property destruction"),
    ("The junta declared a state of emergency in Ouagadougou.", "Other"),
    ("Kenya recalled its ambassador from Mogadishu in protest at the remarks.", "Other"),
    # headline and indirect wording
    ("Two killed as police fire on crowd in Kisumu", "Excessive force against protesters"),
    (
        "Un manifestant a succombé à des tirs de la police lors d'une marche à Labé.",
        "Excessive force against protesters",
    ),
    ("Rioters torch tax office in Mbale after trader's death", "Violent demonstration"),
    ("Mechanic beaten to death by a crowd in Jinja", "Mob violence"),
    ("Jets hit insurgent camps in the Sambisa forest, air force says", "Air/drone strike"),
    ("Town of Gwoza back under government control, army says", "Government regains territory"),
    (
        "The town of Marte came under the control of insurgents after soldiers pulled out.",
        "Non-state actor overtakes territory",
    ),
    ("Les belligérants ont paraphé un accord de cessation des hostilités à Kampala.", "Agreement"),
    ("Opposition leader held by police in Lusaka", "Arrests"),
    ("Army opens new outpost near the border to protect herders", "Headquarters or base established"),
    ("L'explosion d'une grenade a blessé trois clients d'un bar de Goma.", "Grenade"),
    ("Le Tchad a fermé ses frontières avec le Soudan.", "Other"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), CASES)
def test_generic_sub_event_type(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_riot_police_is_no_riot(extractor: Extractor) -> None:
    """'riot police' names the force that intervenes; the demonstrators did not riot."""
    events = extractor.extract(
        "Riot police fired tear gas to disperse demonstrators in Monrovia.", published=DAY
    )
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_occupied_territory_is_no_capture(extractor: Extractor) -> None:
    """'the occupied territory' describes a place; soldiers arresting there make an arrest, no capture."""
    text = "Soldiers arrested 40 men in a sweep of the occupied territory on Saturday."
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_hostages_freed_are_no_abduction(extractor: Extractor) -> None:
    """Hostages named as the people freed in a raid do not make the raid an abduction."""
    text = "Special forces freed four hostages and killed three kidnappers in Soum."
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert all("abduction" not in e.tactics for e in events)


def test_weapons_seized_after_a_fight_stay_a_clash(extractor: Extractor) -> None:
    """Arms seized from fighters the army claims to have neutralised: the fight is the event."""
    events = extractor.extract("Soum : 12 terroristes neutralisés, des armes saisies", published=DAY)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_country_outside_the_pack_acts_as_a_state(extractor: Extractor) -> None:
    """A diplomatic act by a country the region pack does not list is still found, with that state."""
    events = extractor.extract("Ethiopia summoned the Egyptian ambassador to complain.", published=DAY)
    assert [e.sub_event_type for e in events] == ["Other"]
    assert events[0].actor1_id == "et-state"
    assert events[0].plover_type == "DISAPPROVE"
