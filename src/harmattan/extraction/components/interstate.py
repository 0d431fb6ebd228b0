"""Verbal interactions (demands, accusations, threats, investigations) are coded only between states: the
gold annotators code "Bamako summoned Algeria's ambassador to protest" and "ECOWAS threatened Niger's junta",
never a rights group calling on its own government or the authorities opening an inquiry into a massacre
(gold/GUIDE.md, "political and interstate interactions"; every such gold event names a foreign party)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from harmattan.extraction.doc import Doc
from harmattan.records import Event

#: registry kinds that stand for more than one country: any of them makes the interaction interstate
_INTERNATIONAL = frozenset({"intergovernmental_body", "multilateral_mission", "foreign_force"})
#: a country's own state bodies: "ml-government", "dz-state", "fr-military"
_STATE_BODY = re.compile(
    r"^([a-z]{2})-(?:state|government|military|police|gendarmerie|air-force|national-guard)$"
)


def state_country(actor_id: str | None) -> str | None:
    """The country code of a country's own state body ("ml-government" -> "ML"), else None."""
    body = _STATE_BODY.match(actor_id or "")
    return body.group(1).upper() if body is not None else None


def interstate(ev: Event, kind_of: Callable[[str], str | None]) -> bool:
    """Whether a party to the event is international, or a state body of another country than the
    event's own (``kind_of`` gives an actor id's registry kind)."""
    home = (ev.country or "").lower()
    for actor_id in _parties(ev):
        if kind_of(actor_id) in _INTERNATIONAL:
            return True
        country = state_country(actor_id)
        if country is not None and home and country.lower() != home:
            return True
    return False


def domestic_verbal(ev: Event, verbal: Collection[str], kind_of: Callable[[str], str | None]) -> bool:
    """A strategic development that is a verbal interaction (its type and its PLOVER type told by the same
    words) with no foreign party. A measure that also carries a PLOVER type ("l'état d'urgence ... face à
    la menace jihadiste") is kept."""
    return (
        ev.event_type == "Strategic developments"
        and ev.plover_type in verbal
        and ev.country is not None  # no country to tell foreign from home: kept
        and _span(ev, "sub_event_type") == _span(ev, "plover_type")
        and not interstate(ev, kind_of)
    )


def verbal_only(ev: Event, never: Collection[str]) -> bool:
    """A strategic development told only by words of a PLOVER type the gold never codes on its own ("la
    Minusma a annoncé l'ouverture d'une enquête": 60 dev reports name an inquiry, none codes it)."""
    return (
        ev.event_type == "Strategic developments"
        and ev.plover_type in never
        and _span(ev, "sub_event_type") == _span(ev, "plover_type")
    )


def partyless_verbal(doc: Doc, ev: Event) -> bool:
    """A strategic development told only by words of a PLOVER type with no body to act it: only civilians,
    protesters or rioters named, or nobody and no country or party named before the words ("exporters
    warned that smuggling to Ghana could continue", "la baisse des volumes menace de nombreux emplois").
    The gold codes PLOVER acts of states, their forces, multilateral bodies and armed groups (dev: 482 of
    482); agreements between unnamed parties stay."""
    if (
        ev.event_type != "Strategic developments"
        or ev.plover_type is None
        or ev.sub_event_type == "Agreement"
        or _span(ev, "sub_event_type") != _span(ev, "plover_type")
    ):
        return False
    if ev.inter1 in (5, 6, 7):
        return True
    cue = next((e for e in ev.evidence if e.field == "plover_type"), None)
    if ev.actor1_id is not None or cue is None:
        return False
    # "Israel condemned the strike", "Berlin rejected recent calls": a country, a party or a name told before
    # the words may act them
    if any(
        m.kind in ("country", "actor", "term") and m.sentence == cue.sentence and m.end <= cue.start
        for m in doc.mentions
    ):
        return False
    before = doc.text[doc.sentences[cue.sentence].start : cue.start]
    return not any(w not in _FUNCTION_WORDS for w in _CAPITALISED.findall(before))


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+")
# sentence openers that name nobody ("The", "Les", "Selon")
_FUNCTION_WORDS = frozenset({
    "The", "A", "An", "In", "On", "At", "After", "But", "And", "Its", "Their", "This", "These", "That",
    "Some", "Many", "Le", "La", "Les", "Un", "Une", "Des", "Dans", "Selon", "Mais", "Et", "Ce", "Cette",
    "Ces", "Au", "Aux", "Du", "De", "En", "Pour", "Par", "Sur",
})  # fmt: skip


def _span(ev: Event, field: str) -> tuple[int, int] | None:
    found = next((e for e in ev.evidence if e.field == field), None)
    return None if found is None else (found.sentence, found.start)


def _parties(ev: Event) -> list[str]:
    ids: list[Any] = [ev.actor1_id, ev.actor2_id]
    return [str(i) for i in ids if i]
