"""Verbal interactions (demands, accusations, threats, investigations) are coded only between states: the
gold annotators code "Bamako summoned Algeria's ambassador to protest" and "ECOWAS threatened Niger's junta",
never a rights group calling on its own government or the authorities opening an inquiry into a massacre
(gold/GUIDE.md, "political and interstate interactions"; every such gold event names a foreign party)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

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


def partyless_verbal(ev: Event) -> bool:
    """A strategic development told only by words of a PLOVER type with no body to act it: nobody named, or
    only civilians, protesters or rioters ("exporters warned that smuggling would grow", "la baisse des
    volumes menace de nombreux emplois"). The gold codes PLOVER acts of states, their forces, multilateral
    bodies and armed groups (dev: 482 of 482)."""
    return (
        ev.event_type == "Strategic developments"
        and ev.plover_type is not None
        and ev.sub_event_type != "Agreement"  # "the two parties signed a ceasefire": unnamed, they sign
        and (ev.actor1_id is None or ev.inter1 in (5, 6, 7))
        and _span(ev, "sub_event_type") == _span(ev, "plover_type")
    )


def _span(ev: Event, field: str) -> tuple[int, int] | None:
    found = next((e for e in ev.evidence if e.field == field), None)
    return None if found is None else (found.sentence, found.start)


def _parties(ev: Event) -> list[str]:
    ids: list[Any] = [ev.actor1_id, ev.actor2_id]
    return [str(i) for i in ids if i]
