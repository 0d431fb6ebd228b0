"""Fatalities: the most conservative count, parts of a toll not added twice, country names are no victims."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2021, 6, 7)


def _fatalities(extractor: Extractor, text: str) -> int | None:
    events = extractor.extract(text, published=DAY)
    assert len(events) == 1, events
    return events[0].fatalities


def test_headline_toll_and_detail_are_one_count(extractor: Extractor) -> None:
    text = (
        "Four dead in Niger mine blast. "
        "Four soldiers were killed on Monday when their vehicle hit a mine near Ayorou."
    )
    assert _fatalities(extractor, text) == 4


def test_a_part_of_the_toll_is_not_added(extractor: Extractor) -> None:
    text = "Attaque de Tessit : le bilan s'élève à 42 morts, dont 33 soldats, selon le gouvernement malien."
    assert _fatalities(extractor, text) == 42


def test_a_revised_lower_toll_wins(extractor: Extractor) -> None:
    text = (
        "At least 18 people were killed in an attack on Ogossagou on Friday. "
        "Officials had first put the toll at 40 before revising it."
    )
    assert _fatalities(extractor, text) == 18


def test_coordinated_victims_in_a_headline_are_all_counted(extractor: Extractor) -> None:
    events = extractor.extract("Mali : un gendarme et 4 assaillants tués près de Douentza.", published=DAY)
    assert len(events) == 1
    ev = events[0]
    assert ev.fatalities == 5
    # a bare French participle is passive: the gendarme was killed, he did not kill
    assert ev.actor2_id == "ml-gendarmerie"
    assert ev.actor1_id == "unidentified-armed-group"


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from Saturday's attack on a police post in Burkina Faso has risen to 15, officials "
        "said. Eleven police officers were initially reported killed.",
        "Le bilan de l'attaque de samedi contre un poste de police à Djibo est passé à 15 morts. Onze "
        "policiers avaient été tués selon un premier bilan.",
        "Burkina Faso says 11 police officers killed in ambush. Police death toll from militant attack in "
        "Burkina Faso rises to 15.",
    ],
)
def test_an_updated_toll_replaces_the_first_one(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=DAY)
    assert len(events) == 1, events
    assert events[0].fatalities == 15
    # the party before "death toll" is the one counted, not the attacker
    assert (events[0].actor1_id, events[0].actor2_id) == ("unidentified-armed-group", "bf-police")


def test_groups_of_dead_listed_with_commas_add_up(extractor: Extractor) -> None:
    assert _fatalities(extractor, "17 Jihadists, Five Defense Volunteers Killed in Burkina Attacks") == 22
    # a figure that counts no one is not a group of dead
    assert _fatalities(extractor, "2 attacks, 5 soldiers killed in Burkina") == 5


def test_one_group_named_two_ways_in_two_sentences_is_counted_once(extractor: Extractor) -> None:
    text = (
        "Trois soldats tués par l'explosion d'un engin artisanal. Trois militaires burkinabè ont été tués "
        "samedi lorsque leur véhicule a sauté sur un engin explosif."
    )
    assert _fatalities(extractor, text) == 3
    text = "Aribinda : trois Koglweogo tués. Trois membres du groupe Koglweogo ont été tués mardi."
    assert _fatalities(extractor, text) == 3


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Le chef du village de Boulli, l'imam, un fils de l'imam et un volontaire ont été tués dimanche.",
            4,
        ),
        ("Bam : un volontaire pour la défense de la patrie a été tué vendredi dans une attaque.", 1),
        ("A member of the Volunteers for the Defence of the Homeland was killed on Tuesday in Koulouko.", 1),
    ],
)
def test_single_persons_named_in_a_subject_count_one_each(extractor: Extractor, text: str, dead: int) -> None:
    assert _fatalities(extractor, text) == dead


def test_a_figure_echoed_in_brackets_is_one_figure(extractor: Extractor) -> None:
    assert (
        _fatalities(
            extractor, "Burkina : trois (03) soldats et deux (02) VDP tués dans une embuscade à Djibo"
        )
        == 5
    )


def test_a_single_victim_after_a_figure_is_added(extractor: Extractor) -> None:
    assert _fatalities(extractor, "Mali : quatre assaillants et un gendarme tués près de Douentza.") == 5
    # "a" only introduces the group here: six were killed
    assert _fatalities(extractor, "Six members of a self-defence group were killed near Djibo.") == 6


def test_a_victim_named_by_a_singular_noun_counts_one(extractor: Extractor) -> None:
    assert _fatalities(extractor, "Gunmen shot dead a teacher in Djibo on Tuesday, residents said.") == 1
    assert _fatalities(extractor, "The mayor of Arbinda was shot dead on Sunday by suspected jihadists.") == 1
    assert _fatalities(extractor, "Gunmen stormed a mosque in Déou, killing the imam and three others.") == 4
    # plural nouns say nothing of the number
    assert _fatalities(extractor, "Gunmen killed the teachers of the school in Djibo on Tuesday.") is None


def test_tolls_at_several_places_in_one_sentence_are_several_events(extractor: Extractor) -> None:
    text = "Gunmen killed eight people in Djibo and seven in Arbinda on Saturday, the minister said."
    events = extractor.extract(text, published=DAY)
    assert sorted((e.location, e.fatalities) for e in events) == [("Arbinda", 7), ("Djibo", 8)]
    text = "Gunmen attacked Djibo and Arbinda on Saturday, killing seven and six people respectively."
    events = extractor.extract(text, published=DAY)
    assert sorted((e.location, e.fatalities) for e in events) == [("Arbinda", 6), ("Djibo", 7)]


def test_figures_chained_after_the_verb_add_up(extractor: Extractor) -> None:
    assert _fatalities(extractor, "Gunmen killed five soldiers and three civilians in Djibo.") == 8
    # a noun after the verb does not say who died
    text = "15 killed in two 'terrorist' raids. Gunmen killed 15 villagers in Djibo."
    assert _fatalities(extractor, text) == 15


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("One dead in attack on Burkina's third largest city", 1),
        ("Un mort et deux blessés dans une attaque à Djibo", 1),
        ("Police commissioner killed in Burkina Faso attack", 1),
        ("Burkina : un commissaire de police tué dans le nord-ouest", 1),
        # "un bilan" is a toll, not one dead
        ("Quatre soldats ont été tués près d'Inékar, un bilan qui n'a pas pu être vérifié.", 4),
    ],
)
def test_one_dead_told_by_a_word_or_a_singular_noun(extractor: Extractor, text: str, dead: int) -> None:
    events = extractor.extract(text, published=dt.date(2020, 3, 1))
    assert [e.fatalities for e in events] == [dead]


def test_coordinated_attacks_on_a_list_of_towns_are_one_event_per_town(extractor: Extractor) -> None:
    text = "Le JNIM a revendiqué les attaques menées mardi contre des camps à Kayes, Niono et Nioro du Sahel."
    events = extractor.extract(text, published=DAY)
    assert [e.location for e in events] == ["Kayes", "Niono", "Nioro du Sahel"]
    assert {e.actor1_id for e in events} == {"jnim"}
    # one attack on a town named with its region is one event
    assert (
        len(extractor.extract("Gunmen attacked Djibo, in Soum province, killing five.", published=DAY)) == 1
    )


@pytest.mark.parametrize(
    "text",
    [
        "One person was killed on Wednesday in Sikiré when suspected jihadists attacked a militia.",
        "Une personne a été tuée mardi à Sebba lors d'échanges de tirs entre les FDS et des individus armés.",
        "The gendarmerie post at Kelbo came under attack on Friday. One person was killed, a source said.",
        "In the north, one person was killed on Wednesday in an attack by gunmen on an army post in Koumbri.",
    ],
)
def test_one_person_killed_is_one_death(extractor: Extractor, text: str) -> None:
    (e,) = extractor.extract(text, published=dt.date(2020, 1, 10))
    assert e.fatalities == 1


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead Antonio César Fernández, a Spanish Salesian missionary, on Friday near Nohao.",
        "Father Rodrigue Sanon, who disappeared on Tuesday near Banfora, was found dead in a forest.",
        "In Saint-Louis, a student, Alpha Yero Tounkara, died during clashes with police on Friday.",
        "Alpha Yero Tounkara, étudiant à l'université, est mort vendredi lors de heurts à Saint-Louis.",
    ],
)
def test_one_person_named_is_one_death(extractor: Extractor, text: str) -> None:
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2020, 1, 10))] == [1]


def test_killed_or_wounded_is_still_a_toll(extractor: Extractor) -> None:
    text = "Gunmen killed or wounded 12 people at the market of Djibo on Sunday, residents said."
    assert [e.sub_event_type for e in extractor.extract(text, published=dt.date(2020, 1, 10))] == ["Attack"]


def test_one_more_person_after_a_figure_adds_one(extractor: Extractor) -> None:
    text = "Two Spanish journalists and an Irish conservationist were killed on Monday near Natiaboani."
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2021, 4, 28))] == [3]
    # one of the dead named apart is no extra death
    text = (
        "Five people were killed when gunmen stormed a resort near Bamako on Sunday. The dead included a "
        "Portuguese soldier serving with the EU mission."
    )
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2017, 6, 19))] == [5]


def test_one_of_a_list_of_victims_is_not_the_toll(extractor: Extractor) -> None:
    text = "Un Volontaire pour la défense de la patrie et son oncle ont été assassinés mardi à Sebba."
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2020, 1, 10))] == [2]


def test_a_toll_raised_later_is_the_count_and_its_day_is_the_reports(extractor: Extractor) -> None:
    raised = (
        "NIAMEY, Jan 14 — Niger has raised to 89 the number of soldiers killed in last Thursday's attack on "
        "the army camp at Chinagodrar. The defence ministry had initially announced 25 soldiers killed."
    )
    (e,) = extractor.extract(raised, published=dt.date(2021, 1, 14))
    assert (e.fatalities, str(e.event_date)) == (89, "2021-01-07")
    rose = (
        "The toll from the massacre in Solhan rose to 160 dead on Sunday, local sources said, after the "
        "government had first reported 132. Gunmen stormed the village on the night of Friday to Saturday."
    )
    (e,) = extractor.extract(rose, published=dt.date(2021, 6, 7))
    assert (e.fatalities, str(e.event_date), e.actor1_id) == (160, "2021-06-04", "unidentified-armed-group")


def test_a_dateline_day_does_not_split_an_event(extractor: Extractor) -> None:
    text = (
        "OUAGADOUGOU, April 2 - Fifteen assailants and one soldier were killed when the army detachment at "
        "Toéni came under attack, the army said. The attack began on Tuesday night."
    )
    (e,) = extractor.extract(text, published=dt.date(2020, 4, 2))
    assert (e.fatalities, str(e.event_date)) == (16, "2020-03-31")


@pytest.mark.parametrize(
    "text",
    [
        "At least ten gendarmes were killed on Thursday in an attack on their unit in Toéni, security "
        "sources said. A first toll had put the number of dead at four.",
        "Au moins dix gendarmes ont été tués jeudi dans une attaque contre leur unité à Toéni. Un premier "
        "bilan faisait état de quatre morts.",
        # a toll told in the past perfect was told before the report's own figure
        "Ten gendarmes were killed in Thursday's attack on their unit in Toéni, officers said on Sunday. "
        "The ministry had said on Thursday evening that four gendarmes died.",
        "Le bilan de l'attaque menée jeudi contre l'unité de gendarmerie de Toéni, dans la province du "
        "Sourou, s'est alourdi à dix morts, a annoncé samedi le gouvernement. Un premier bilan faisait état "
        "de quatre morts. Selon le nouveau décompte, dix gendarmes ont péri.",
    ],
)
def test_a_first_toll_gives_way_to_the_report_s_figure(extractor: Extractor, text: str) -> None:
    assert _fatalities(extractor, text) == 10


@pytest.mark.parametrize(
    "text",
    [
        "Burkina: one soldier killed and five wounded in an attack near Djibo",
        "Burkina : un soldat tué et cinq blessés dans une attaque près de Djibo",
    ],
)
def test_the_wounded_figure_after_the_dead_is_not_counted(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=DAY)
    assert [(e.fatalities, e.actor2_id) for e in events] == [(1, "bf-military")]


def test_an_attack_that_cost_lives_counts_them_and_that_day_is_the_same_attack(extractor: Extractor) -> None:
    text = (
        "Huit ans après l'attaque qui avait coûté la vie à 26 soldats le 3 juin 2016 à Bosso, la ville peine "
        "encore à retrouver ses habitants. Ce jour-là, des centaines de combattants de Boko Haram avaient "
        "pris d'assaut la position de l'armée."
    )
    events = extractor.extract(text, published=dt.date(2024, 6, 5))
    assert [(e.event_date, e.fatalities, e.actor1_id) for e in events] == [
        (dt.date(2016, 6, 3), 26, "jas-boko-haram")
    ]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Selon le bilan, dix militaires ont été tués et quarante-six terroristes neutralisés.", 10),
        ("Gunmen killed 5 soldiers and wounded 3 others near Djibo.", 5),
        # "U.S." does not end the sentence: both figures count
        ("Four U.S. Army special forces soldiers and four Nigerien troops were killed near Tongo Tongo.", 8),
    ],
)
def test_a_figure_belongs_to_the_casualty_word_after_its_noun(
    extractor: Extractor, text: str, dead: int
) -> None:
    assert _fatalities(extractor, text) == dead


def test_men_found_dead_are_counted(extractor: Extractor) -> None:
    text = (
        "Deux hommes interpellés par des militaires à Tanwalbougou, dans la province du Gourma, ont été "
        "retrouvés morts dimanche, accusent leurs proches."
    )
    assert _fatalities(extractor, text) == 2


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a person named, then who they were
        (
            "PARIS, Nov 13 - French troops of Operation Barkhane killed Bah Ag Moussa, the military "
            "commander of JNIM, in an operation near Ménaka on Tuesday, the minister said.",
            dt.date(2020, 11, 13),
        ),
        # a dateline before the subject: "A French soldier ... was killed"
        (
            "PARIS, Sept 25 - A French soldier of the Barkhane force was killed on Friday during an "
            "operation near Gossi, the Élysée said.",
            dt.date(2021, 9, 25),
        ),
        # "la mort du caporal-chef X": a rank before the name; a corporal is a soldier, not a chief
        (
            "Le Président a appris la mort du caporal-chef Maxime Blasco, tué le 24 septembre au Mali lors "
            "d'un combat contre un groupe armé terroriste dans la région de Gossi.",
            dt.date(2021, 9, 25),
        ),
    ],
)
def test_one_named_person_killed_counts_one(extractor: Extractor, text: str, published: dt.date) -> None:
    (event,) = extractor.extract(text, published=published)
    assert (event.event_type, event.fatalities) == ("Battles", 1)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "A young man on a motorcycle blew himself up at an army checkpoint in Gao on Friday, killing "
            "himself and lightly wounding one soldier.",
            1,
        ),
        (
            "Un kamikaze s'est fait exploser vendredi à un poste de contrôle de l'armée à Gao, blessant "
            "légèrement un soldat.",
            1,
        ),
        (
            "A suicide bomber in an explosives-laden vehicle killed a soldier at a military post in "
            "Timiaouine on Sunday. The bomber also died when the vehicle blew up.",
            2,
        ),
        # a toll the report gives may count the bombers already: it stands
        (
            "Five suicide bombers blew themselves up at a market in Baga Sola on Saturday, killing at least "
            "36 people, officials said.",
            36,
        ),
    ],
)
def test_the_bombers_of_a_suicide_attack_are_among_its_dead(
    extractor: Extractor, text: str, dead: int
) -> None:
    (e,) = extractor.extract(text, published=dt.date(2019, 6, 17))
    assert (e.sub_event_type, e.fatalities) == ("Suicide bomb", dead)


@pytest.mark.parametrize(
    "text",
    [
        "A Chadian peacekeeper was killed and eight others were wounded on Monday in an attack on the UN "
        "camp at Aguelhok.",
        "Gunmen raided a girls' school in Maga on Monday. The school's vice-principal was shot dead.",
        "Un Casque bleu chinois a été tué et plusieurs autres blessés mardi soir à Gao.",
    ],
)
def test_one_victim_named_by_a_singular_noun_counts_one(extractor: Extractor, text: str) -> None:
    (e,) = extractor.extract(text, published=dt.date(2016, 10, 4))
    assert e.fatalities == 1


def test_victims_burned_alive_in_an_attack_are_its_dead_not_a_mob(extractor: Extractor) -> None:
    text = (
        "Le village de Pansadougou a été attaqué lundi par des hommes armés, qui l'ont pillé puis incendié. "
        "Le bilan provisoire fait état de dix morts, dont une femme et ses huit enfants, brûlés vifs dans "
        "leur maison."
    )
    events = extractor.extract(text, published=dt.date(2024, 11, 13))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 10)]


@pytest.mark.parametrize(
    "text",
    [
        "Cissé and members of his delegation were seized on Wednesday near Niafunké by unidentified armed "
        "men, and one of his bodyguards was killed, the party said.",
        "Two French tourists and their Beninese guide went missing on Wednesday in the Pendjari National "
        "Park. The guide was later found dead.",
    ],
)
def test_one_of_a_group_or_a_person_found_dead_counts_one(extractor: Extractor, text: str) -> None:
    events = extractor.extract(text, published=dt.date(2020, 3, 26))
    assert [e.fatalities for e in events] == [1]


def test_men_an_army_lost_are_its_dead(extractor: Extractor) -> None:
    text = (
        "Chad's army lost 92 soldiers when Boko Haram fighters attacked a base on the Bohoma peninsula in "
        "the Lac province on Monday, President Idriss Déby said."
    )
    (e,) = extractor.extract(text, published=dt.date(2020, 3, 25))
    assert (e.fatalities, e.actor1_id, e.actor2_id) == (92, "jas-boko-haram", "td-military")
    control = extractor.extract("The army lost control of the town of Kolofata on Monday.", published=DAY)
    assert all(e.fatalities in (0, None) for e in control)  # control lost is no death


def test_an_adjective_before_casualties_is_no_victim(extractor: Extractor) -> None:
    text = (
        "Residents accused the army of killing 14 herders in a drone strike on Sunday near Léré. "
        "The army said it had hit a terrorist camp, without mentioning civilian casualties."
    )
    assert _fatalities(extractor, text) == 14


def test_years_in_power_and_groups_that_fought_are_no_toll(extractor: Extractor) -> None:
    text = "Clashes between the same two groups near Ménaka killed 17 on Sunday."
    assert _fatalities(extractor, text) == 17
    text = "The governor, in office for three decades, died on Sunday when gunmen attacked his convoy at Gao."
    assert _fatalities(extractor, text) == 1


def test_a_reported_figure_far_from_its_passive_verb_is_the_toll(extractor: Extractor) -> None:
    text = (
        "Une association de défense des droits humains affirme que 27 hommes non armés, interpellés le 3 mai "
        "lors d'une opération des forces de sécurité près de Dori, ont été exécutés le lendemain."
    )
    assert _fatalities(extractor, text) == 27


def test_a_modal_in_a_relative_clause_does_not_make_the_killing_hypothetical(extractor: Extractor) -> None:
    text = "Gunmen on motorbikes fired at anyone they could see, killing 23 people in Tillia on Monday."
    assert _fatalities(extractor, text) == 23
    assert extractor.extract("Officials fear the gunmen could attack Tillia again.", published=DAY) == []


def test_every_part_listed_after_among_them_is_a_part(extractor: Extractor) -> None:
    text = (
        "Gunmen shot at villagers in Tillia on Monday, killing 23 people, among them five women and "
        "eleven children."
    )
    assert _fatalities(extractor, text) == 23


def test_a_figure_after_a_dateline_is_the_subject_of_a_far_passive_verb(extractor: Extractor) -> None:
    text = (
        "NIAMEY, June 7 (wire) - At least nine members of Niger's Volunteers for the Defence of the Homeland "
        "(VDP) were killed on Sunday when their patrol was ambushed near Tillia."
    )
    assert _fatalities(extractor, text) == 9


def test_the_missing_and_an_official_toll_count_no_dead(extractor: Extractor) -> None:
    text = (
        "Niger published the toll of the assault on Karamga: 46 soldiers killed, 9 wounded and 32 missing, "
        "and 156 attackers killed."
    )
    assert _fatalities(extractor, text) == 202
