"""Setting an event's actor fields (name, id, inter code) with the evidence for each: from a party the text
names, from a default, or by swapping the two sides."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from harmattan.extraction.components.candidates import Participant
from harmattan.extraction.doc import Doc, Mention
from harmattan.records import Event, Evidence


def swap_actors(ev: Event, evidence: list[Evidence]) -> None:
    ev.actor1, ev.actor2 = ev.actor2, ev.actor1
    ev.actor1_id, ev.actor2_id = ev.actor2_id, ev.actor1_id
    ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    for i, e in enumerate(evidence):
        if e.field[:-1] in ("actor", "inter") or e.field in ("actor1_id", "actor2_id"):
            swapped = e.field.replace("1", "#").replace("2", "1").replace("#", "2")
            evidence[i] = Evidence(swapped, e.document, e.sentence, e.start, e.end, e.text, e.rule)


def set_actor(doc: Doc, ev: Event, evidence: list[Evidence], n: int, p: Participant, res: Any = None) -> None:
    p = of_event_country(ev, on_event_date(doc, ev, p, res), res)
    setattr(ev, f"actor{n}", p.name)
    setattr(ev, f"actor{n}_id", p.actor_id)
    setattr(ev, f"inter{n}", p.inter)
    for f in (f"actor{n}", f"actor{n}_id", f"inter{n}"):
        evidence.append(doc.evidence(f, p.mention, p.mention.rule))


def named_component(doc: Doc, ev: Event, actor_id: str | None, res: Any) -> Mention | None:
    """ "France's special forces of the Sabre task force", "French troops of the Barkhane force": the
    mention of an operation the report names that is a ``component_of`` this army on the event's day."""
    if res is None or not actor_id or not actor_id.endswith("-military"):
        return None
    day = ev.event_date or doc.published
    for m in doc.of_kind("actor"):
        for link in getattr(res.actor(str(m.value)), "affiliations", None) or ():
            if link.type != "component_of" or link.target != actor_id:
                continue
            if day is not None and ((link.start and day < link.start) or (link.end and day > link.end)):
                continue
            return m
    return None


def on_event_date(doc: Doc, ev: Event, p: Participant, res: Any) -> Participant:
    """A name read on the publication date means, for an event of an earlier day, what it meant then
    ("The Wagner Group said on Friday it was leaving", published on Saturday, the day Wagner became the
    Africa Corps)."""
    if res is None or ev.event_date in (None, doc.published):
        return p
    if p.mention.kind == "actor" and str(p.mention.value) != p.actor_id:
        return p  # the party is not what its words name alone ("Mali, Burkina Faso and Niger": the AES)
    actor_id = res.resolve_mention(p.mention, str(p.actor_id), ev.event_date, doc.country)
    actor = res.actor(actor_id) if actor_id != p.actor_id else None
    if actor is None:
        return p
    inter = getattr(actor, "inter", None)
    return replace(
        p, actor_id=actor_id, name=str(actor.name), inter=int(inter) if inter is not None else p.inter
    )


#: parties that belong to the country where the event happened, whatever the report's main country
_LOCAL_GROUPS = ("civilians-", "protesters-", "rioters-")


def of_event_country(ev: Event, p: Participant, res: Any) -> Participant:
    """ "Eight people were killed in Kolofata (Far North), a town on the border with Nigeria": the dead are
    civilians of Cameroon, where it happened, not of the country the report names most (gold/GUIDE.md)."""
    prefix = next((g for g in _LOCAL_GROUPS if (p.actor_id or "").startswith(g)), None)
    if res is None or prefix is None or not ev.country:
        return p
    actor_id = prefix + ev.country.lower()
    actor = res.actor(actor_id) if actor_id != p.actor_id else None
    if actor is None:
        return p
    return replace(p, actor_id=actor_id, name=str(actor.name))


def set_default(
    doc: Doc,
    ev: Event,
    evidence: list[Evidence],
    n: int,
    actor_id: str,
    inter: int,
    res: Any,
    sentence: int,
    rule: str,
) -> None:
    actor = res.actor(actor_id)
    setattr(ev, f"actor{n}", str(actor.name) if actor is not None else actor_id)
    setattr(ev, f"actor{n}_id", actor_id)
    setattr(ev, f"inter{n}", int(actor.inter) if actor is not None and actor.inter is not None else inter)
    for f in (f"actor{n}", f"actor{n}_id", f"inter{n}"):
        evidence.append(doc.sentence_evidence(f, sentence, rule))
