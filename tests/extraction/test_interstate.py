"""Demands, accusations, threats and inquiries are events only between states (gold/GUIDE.md)."""

from __future__ import annotations

import datetime as dt

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
