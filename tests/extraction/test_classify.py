"""The trained sub-event model inside the pipeline: it finds events worded outside the cue lists, re-types
a rule's event only when sure, and leaves the rules alone otherwise (pipeline config switches it off)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from harmattan.extraction import Extractor
from harmattan.extraction.pipeline import default_config

DAY = dt.date(2024, 3, 9)


def _without_model() -> dict[str, Any]:
    cfg = default_config()
    cfg["pipeline"] = [c for c in cfg["pipeline"] if not (isinstance(c, dict) and "classify" in c)]
    return cfg


@pytest.fixture(scope="module")
def rules_only(extractor: Extractor) -> Extractor:
    return Extractor(pack=extractor.pack, config=_without_model())


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Mali: troops and JNIM fighters trade fire for hours near Boni, army admits losses", "Armed clash"),
        ("Coalition jets pound rebel positions near Marib overnight", "Air/drone strike"),
        ("Villagers lynch two suspected cattle thieves in Jharkhand", "Mob violence"),
        (
            "Plusieurs milliers d'agriculteurs ont convergé mardi vers Toulouse avec leurs tracteurs pour "
            "dénoncer la hausse des charges, dans le calme, selon la préfecture.",
            "Peaceful protest",
        ),
    ],
)
def test_the_model_finds_events_the_cue_lists_miss(
    extractor: Extractor, rules_only: Extractor, text: str, sub_event: str
) -> None:
    assert rules_only.extract(text, published=DAY) == []
    events = extractor.extract(text, published=DAY)
    assert [e.sub_event_type for e in events] == [sub_event]
    ev = next(e for e in events[0].evidence if e.field == "sub_event_type")
    assert ev.rule.startswith("rule:model(p=")
    assert ev.text and ev.text in text  # the word that weighed most for the label, with its span
    assert text[ev.start : ev.end] == ev.text


def test_the_model_types_the_event_the_rules_only_called_an_attack(
    extractor: Extractor, rules_only: Extractor
) -> None:
    text = (
        "Un charretier et ses deux enfants ont perdu la vie dimanche près de Dapaong, dans le nord du Togo, "
        "lorsque leur charrette a roulé sur un engin enfoui dans la piste."
    )
    assert [e.sub_event_type for e in rules_only.extract(text, published=DAY)] == ["Attack"]
    events = extractor.extract(text, published=DAY)
    typed = [(e.event_type, e.sub_event_type) for e in events]
    assert typed == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    ev = next(e for e in events[0].evidence if e.field == "sub_event_type")
    assert " over attack-" in ev.rule  # the evidence says the model overruled which rule
    assert events[0].location == "Dapaong"  # place and toll still come from the rules


@pytest.mark.parametrize(
    "text",
    [
        "Fuel prices rose again this month in Bamako, traders said.",
        "Niger's football team beat Benin 2-0 in Niamey on Sunday.",
        "The president will travel to Abuja next week for a regional summit.",
    ],
)
def test_no_event_is_made_up_from_ordinary_news(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_a_rule_the_model_gives_some_chance_is_kept(extractor: Extractor) -> None:
    # the model leans to a violent demonstration here, but gives the rule's intervention more than `keep`
    text = "La police a utilisé des canons à eau contre des manifestants à Dakar."
    assert [e.sub_event_type for e in extractor.extract(text, published=DAY)] == ["Protest with intervention"]


def test_an_unknown_model_file_is_a_clear_error(extractor: Extractor) -> None:
    cfg = default_config()
    cfg["pipeline"] = [
        {"classify": {"model": "no-such-model.json.gz"}} if isinstance(c, dict) and "classify" in c else c
        for c in cfg["pipeline"]
    ]
    with pytest.raises(FileNotFoundError, match="harmattan train subevent"):
        Extractor(pack=extractor.pack, config=cfg).extract("Gunmen attacked Boni.", published=DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Floods triggered by three days of torrential rain have killed at least 47 people in Niamey.",
        "Les inondations qui frappent Mopti ont fait neuf morts par noyade, selon la protection civile.",
        "A bus carrying pilgrims overturned near Kayes on Sunday, killing 11 passengers.",
        "Un incendie accidentel a détruit une partie du grand marché de Ouagadougou, sans faire de victime.",
    ],
)
def test_deaths_no_one_inflicted_are_no_event(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_violence_during_a_disaster_is_still_an_event(extractor: Extractor) -> None:
    text = "Gunmen attacked a camp for flood victims near Mopti on Sunday, killing five people."
    assert [e.event_type for e in extractor.extract(text, published=DAY)] == ["Violence against civilians"]


def test_a_weekly_count_is_not_re_typed_as_a_strategic_development(
    extractor: Extractor,
) -> None:
    # a week's tally with no day and no town sums incidents told elsewhere (the guide: no dated incident,
    # no event); the model, which reads "base" as a base established, does not make one of it either
    text = "Burkina Faso : 13 terroristes tués en une semaine, une base détruite (armée)."
    assert extractor.extract(text, published=DAY) == []
    text = "Burkina Faso : 13 terroristes tués dimanche près de Djibo, une base détruite (armée)."
    events = extractor.extract(text, published=DAY)
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 13)]


@pytest.mark.parametrize(
    "text", ["Burkina Faso:\n#Burkina Faso:", "Burkina Faso / #Breaking #BurkinaFaso / JNIM"]
)
def test_label_lines_and_hashtags_make_no_event(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_a_battle_with_an_armed_target_is_not_re_typed_as_violence_against_civilians(
    extractor: Extractor,
) -> None:
    text = (
        "Soixante-neuf membres d'un groupe d'autodéfense, dont le maire de Bani Bangou, ont été tués mardi "
        "dans une embuscade tendue par des hommes armés dans le département de Bani Bangou."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 11, 4))
    assert (event.event_type, event.actor2_id) == ("Battles", "self-defence-militia-ne")
    # the figure opening the sentence is the subject of "ont été tués", past the "dont ..." aside
    assert event.fatalities == 69


@pytest.mark.parametrize(
    "text",
    [
        "Selon le Global Terrorism Index 2024, le Burkina Faso est devenu le pays le plus touché au monde "
        "par le terrorisme, avec près de 2 000 morts recensés en 2023.",
        "The central Sahel accounted for more than half of all deaths from terrorism worldwide last year.",
        "La vague de chaleur qui frappe le Mali a coïncidé avec plus d'une centaine de décès enregistrés au "
        "CHU de Bamako.",
        "Mines : la production d'or industrielle du Mali en recul. La production d'or des mines "
        "industrielles maliennes a reculé l'an dernier.",
        "Le conflit jihadiste a fait plus de 36.000 morts et deux millions de déplacés dans le nord-est du "
        "Nigeria depuis 2009.",
        "The insurgency has killed more than 36,000 people in north-east Nigeria since the conflict began.",
        "Orano said on Thursday that Niger's military authorities had withdrawn its operating permit for the "
        "Imouraren uranium deposit.",
        "GoviEx a annoncé jeudi que les autorités nigériennes lui avaient retiré le permis d'exploitation du "
        "gisement de Madaouela.",
    ],
)
def test_statistics_heat_and_mining_are_no_events(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_armed_men_who_stop_a_vehicle_arrest_no_one(extractor: Extractor) -> None:
    text = (
        "Il rentrait à Djibo à bord d'un car mardi lorsque des individus armés ont arrêté le véhicule sur "
        "l'axe Kongoussi-Djibo et l'ont emmené."
    )
    assert "Arrests" not in [e.sub_event_type for e in extractor.extract(text, published=DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Burkina Faso reached the Africa Cup of Nations quarter-finals on Sunday. Simon Adingra equalised at "
        "the end of normal time and Oumar Diakité struck the winner in extra time.",
        "La Côte d'Ivoire a remporté dimanche la Coupe d'Afrique des nations en battant le Nigeria 2-1 en "
        "finale. Menés après l'ouverture du score, les Ivoiriens ont renversé la rencontre.",
        "Burkina Faso scored twice in the Africa Cup of Nations on Saturday. Several players dedicated the "
        "win to soldiers fighting jihadists at home.",
    ],
)
def test_a_match_report_tells_no_violence(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Guinée : le « oui » l'emporte largement au référendum constitutionnel.",
        "Le « oui » l'a emporté avec 86 % des suffrages au référendum constitutionnel du 17 décembre.",
        "Les assises nationales réunies samedi à Ouagadougou ont adopté une nouvelle charte.",
        "Togo's National Assembly adopted a constitution in which executive power will pass to a President "
        "of the Council of Ministers.",
        "Ten years after the fall of Konna, Mali's army is again fighting in the centre of the country.",
        "Oil prices struck a new high in Niamey on Monday, traders said.",
        "An extraordinary court in Dakar convicted him of crimes including torture, rape and murder.",
        "Les législatives, prévues fin avril, ont été repoussées de quelques jours, a annoncé la commission.",
        "Le gouvernement a annoncé l'envoi d'une mission de sécurité et l'arrestation prochaine des auteurs.",
        "Les appels à manifester, lancés par des collectifs de la diaspora, se multiplient à Lomé.",
        "Hundreds of tankers have been burned since then, and drivers have been killed or kidnapped.",
        "Many of the new arrivals in Adré are women who describe killings and looting by armed men.",
        "Dans la région de Tillabéri, déjà frappée par les attaques de groupes armés, les humanitaires "
        "peinent à acheminer l'aide sur des routes coupées par les eaux.",
        "Aid groups struggle to reach Tillabéri, a region long plagued by attacks by armed groups.",
        "For years al-Qaeda's and the Islamic State's franchises in the region avoided fighting each other.",
        "Selon lui, l'ancien chef de l'État devait être exfiltré vers le Nigeria à bord d'hélicoptères "
        "appartenant à une puissance étrangère.",
        "DAKAR - Les Chambres africaines extraordinaires ont condamné lundi l'ancien président tchadien "
        "Hissène Habré à la réclusion criminelle à perpétuité pour crimes contre l'humanité, crimes de "
        "guerre et tortures commis sous son régime, entre 1982 et 1990.",
        "Les attaques dans l'Alibori ont coûté la vie à des dizaines de militaires ces dernières années.",
        "Le départ annoncé de la force française Barkhane, qui disposait d'une base à Ménaka, fait craindre "
        "une aggravation de la situation.",
        "Cette décision s'inscrit dans une série de ruptures depuis l'arrivée au pouvoir du capitaine "
        "Traoré, après le départ des forces spéciales françaises.",
    ],
)
def test_a_vote_won_or_a_charter_adopted_is_no_event(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_fighting_that_broke_out_in_an_old_year_is_background(extractor: Extractor) -> None:
    events = extractor.extract(
        "The Mbera camp opened in 2012, when fighting broke out in northern Mali.", published=DAY
    )
    assert all(e.historical for e in events)


def test_a_killing_by_gunmen_at_a_match_is_still_an_event(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on fans watching an Africa Cup of Nations qualifier on television in Djibo on "
        "Sunday, killing 12 people; the match had just ended in extra time."
    )
    assert [e.fatalities for e in extractor.extract(text, published=DAY)] == [12]


def test_a_dated_attack_in_a_year_count_is_still_an_event(extractor: Extractor) -> None:
    text = "Gunmen killed 12 villagers in Djibo on Sunday, the deadliest attack in 2023 so far."
    assert [e.fatalities for e in extractor.extract(text, published=DAY)] == [12]


@pytest.mark.parametrize(
    "text",
    [
        "On 19 September 2022, a fire broke out in a textile warehouse in Dhaka; investigators blamed an "
        "electrical fault. Six fatalities.",
        "On 2 October 2023, health authorities declared a cholera outbreak in Maradi. 17 deaths recorded.",
    ],
)
def test_a_toll_told_apart_from_its_disaster_is_no_event(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, published=DAY) == []


def test_a_disaster_report_with_an_attack_keeps_the_attack(extractor: Extractor) -> None:
    text = (
        "Floods hit Mopti last week. On Sunday gunmen attacked a camp for flood victims, killing five people."
    )
    assert [e.fatalities for e in extractor.extract(text, published=DAY)] == [5]


def _without_veto() -> dict[str, Any]:
    cfg = default_config()
    for step in cfg["pipeline"]:
        if isinstance(step, dict) and "classify" in step:
            step["classify"] = {**step["classify"], "veto_rules": []}
    return cfg


def test_the_model_drops_a_rule_event_it_is_sure_tells_nothing(extractor: Extractor) -> None:
    text = (
        # one sports word only ("struck"): no match report, the model's veto decides
        "Simon Adingra struck in the 122nd minute to send hosts Côte d'Ivoire through in Bouaké on Saturday."
    )
    assert extractor.extract(text, published=DAY) == []
    no_veto = Extractor(pack=extractor.pack, config=_without_veto())
    assert no_veto.extract(text, published=DAY), "the rules alone read 'struck' as an attack"


def test_the_model_does_not_drop_a_political_interaction(extractor: Extractor) -> None:
    text = (
        "Israeli Prime Minister Ehud Barak has agreed to US mediation in the final status talks with the "
        "Palestinians, a senior Israeli official said."
    )
    assert [e.plover_type for e in extractor.extract(text, published=DAY)] == ["AGREE"]
