"""Figures that belong to another clause, thing or person: the wounded of the next clause, vehicles named
after a figure, a breakdown of the dead, the hour of an attack, a source's other toll."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.extraction import Extractor

DAY = dt.date(2018, 5, 2)


def _fatalities(extractor: Extractor, text: str) -> list[int | None]:
    return [e.fatalities for e in extractor.extract(text, published=DAY)]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the next clause's own casualty word takes its figure
        ("A Chadian peacekeeper was killed and four of his comrades badly hurt on Sunday near Aguelhok.", 1),
        # a dated sentence ends at a month's abbreviation only before a capital, not before its day
        ("On Sept. 2 a mine on the road to Aguelhok killed four Chadian blue helmets and wounded 15.", 4),
        # the things burned are no people
        (
            "ISWAP fighters stormed Geidam on Saturday, shooting a night watchman dead and setting "
            "two Nigerian Customs vehicles on fire.",
            1,
        ),
        # two people, each counted once
        (
            "Gunmen killed a teacher and a student at a school in Ouarkoye on Friday afternoon.",
            2,
        ),
        # the hour of the attack
        ("Boko Haram insurgents struck Bolakla at around 10 p.m. on Tuesday, killing four people.", 4),
        # "an official toll" is expected: nobody more died
        (
            "Soldiers were attacked on Thursday in Karimama; the unofficial toll is two dead. The "
            "government has said nothing so far, and an official toll is expected after the operation.",
            2,
        ),
        # another source's higher toll, and who the victims were, add nobody
        (
            "Suspected militants killed at least 16 civilians on Tuesday in Tindibawen. A militia "
            "coalition put the toll at 17, saying some elderly people were burnt alive in their homes.",
            16,
        ),
    ],
)
def test_figures_of_another_clause_are_not_the_dead(extractor: Extractor, text: str, dead: int) -> None:
    assert _fatalities(extractor, text) == [dead]


def test_who_the_dead_were_breaks_down_the_toll(extractor: Extractor) -> None:
    text = (
        "Six people died overnight when Boko Haram fighters attacked an army checkpoint on Gabalami island, "
        "a military source said on Sunday. The dead were a soldier, two customs officers, two "
        "forestry agents and one civilian."
    )
    assert _fatalities(extractor, text) == [6]
    alone = "The dead were a soldier and two customs officers, a military source said on Sunday."
    assert sum(f or 0 for f in _fatalities(extractor, alone)) > 0  # no toll told before: they are the dead


def test_a_heavier_toll_announced_is_the_figure_told_next(extractor: Extractor) -> None:
    # gold passage en-1686 (annotator AR, session 14)
    text = (
        "BAMAKO, Feb 24 — Gunmen killed at least 12 civilians in a village in central Mali's "
        "Bankass circle on Thursday evening, early reports said, before the mayor of Bankass gave a "
        'heavier toll on Friday. "Unidentified armed men burst into the village and shot at people. '
        'They chased after those who fled into the forest to kill them," Moulaye Guindo told '
        'Reuters by telephone. "This morning we counted 19 dead and the search is ongoing." The '
        "village, in the Mopti region, was not named."
    )
    assert [e.fatalities for e in extractor.extract(text, published=dt.date(2023, 2, 24))] == [19]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a listed subject counts each, "un" among them
        (
            "Un attentat-suicide à la voiture piégée a frappé vendredi le siège de la gendarmerie à Ouargla. "
            "Le kamikaze et un militaire en faction ont été tués, a indiqué le ministère.",
            2,
        ),
        # the first reports' figure gives way; an attacker shot dead adds one
        (
            "Les premières informations faisaient état d'au moins dix morts ; selon une source sécuritaire, "
            "quatorze militaires ont finalement péri dans l'embuscade d'Iboudraren samedi, tandis qu'un "
            "assaillant a été abattu.",
            15,
        ),
    ],
)
def test_each_dead_counted_once(extractor: Extractor, text: str, dead: int) -> None:
    assert _fatalities(extractor, text) == [dead]
