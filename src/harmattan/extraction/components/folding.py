"""Clusters folded into others after merging: an outcome sentence into the occurrence told before it,
looting told around a lethal attack, a coup's arrests, and deaths told beside a protest (its lethal force)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from harmattan.extraction.components.clusters import Cluster, occurrence_kind, same_place
from harmattan.extraction.doc import Doc
from harmattan.extraction.lexicon import load_taxonomy

#: cues that tell only what an occurrence did to people, not an act of its own
_OUTCOME_CUES = frozenset({"kill", "wound"})


def outcome_only(cl: Cluster) -> bool:
    """ "More than 300 people were wounded, according to officials", "La France a condamné ces violences":
    a sentence with no date, place or named doer of its own that only tells an outcome."""
    return (
        cl.historical is None
        and (cl.date is None or cl.date[2] is None)
        and cl.place is None
        and all(
            c.actor1 is None
            and c.rule.get("name") in ("attack-unknown-target", "attack-civilians", "attack-armed")
            and c.cue_names <= _OUTCOME_CUES | {"attack"}
            for c in cl.members
        )
    )


def takes_outcome(before: Cluster, cl: Cluster) -> bool:
    """The occurrence told just before takes an outcome sentence, except a protest's deaths, which
    :func:`fold_protest_deaths` turns into an excessive use of force."""
    protest = before.head.rule.get("name") in _PROTEST_RULES
    return before.historical is None and not (protest and _lethal(cl))


def fold_side_acts(clusters: list[Cluster]) -> list[Cluster]:
    """ "Huit civils ont été tués... Les assaillants ont également emporté du bétail", "près de 800
    habitations incendiées": looting and burning told around an attack are part of it (its tactics), not a
    strategic development of their own; so are the weapons troops seized after they fought ("Troops
    recovered two Kalashnikov rifles, grenades ... and the operation is continuing")."""
    violent = [
        c
        for c in clusters
        if occurrence_kind(c.head) == "violent"
        and c.historical is None
        # "Les ravisseurs ont emporté leurs motos": what kidnappers took is part of the kidnapping
        and (_lethal(c) or c.head.rule.get("sub_event_type") == _ABDUCTION)
    ]
    out: list[Cluster] = []
    for cl in clusters:
        sub = cl.head.rule.get("sub_event_type")
        side = sub in (_SIDE_ACT, _SEIZURE) and cl.historical is None
        targets = [v for v in violent if sub != _SEIZURE or _forces_fought(v)]
        target = next((v for v in targets if _same_occurrence(v, cl)), None) if side else None
        if target is None:
            out.append(cl)
        else:
            target.members.extend(cl.members)
    return out


def fold_emergency_measures(clusters: list[Cluster]) -> list[Cluster]:
    """ "Prime Minister Saleh Kebzabo announced a curfew", "le gouvernement a décrété l'état d'urgence": a
    measure taken in answer to the violence or the unrest the report tells is part of that news, not a
    strategic development of its own (dev gold: 17 of 20 such reports code none); told alone, it stays."""
    answered = [
        c
        for c in clusters
        if c.historical is None and occurrence_kind(c.head) in ("violent", "Protests", "Riots")
    ]
    if not answered:
        return clusters
    out: list[Cluster] = []
    for cl in clusters:
        measure = all(c.cue_names <= _EMERGENCY for c in cl.members)
        if measure and cl.historical is None:
            answered[0].members.extend(cl.members)
        else:
            out.append(cl)
    return out


_EMERGENCY = frozenset({"emergency_rule"})
_SIDE_ACT = "Looting/property destruction"
_ABDUCTION = "Abduction/forced disappearance"
_SEIZURE = "Disrupted weapons use"


def _forces_fought(cl: Cluster) -> bool:
    """A battle the state's forces fought (who then seize what the other side had)."""
    return cl.head.rule.get("event_type") == "Battles" and any(
        c.actor1 is not None and c.actor1.role == "state" for c in cl.members
    )


_STREET = ("protester", "rioter", "civilian")


def taken_after_withdrawal(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """ "JNIM overran the military camp of Farabougou... Mali's army said its forces had carried out a
    'tactical withdrawal' from the position": an armed group's assault the forces withdrew from took the
    position (Non-state actor overtakes territory), and the withdrawal is part of it."""
    out = list(clusters)
    for cl in clusters:
        if cl not in out or cl.historical is not None or cl.head.rule.get("sub_event_type") != "Armed clash":
            continue
        if not any(c.actor1 is not None and c.actor1.role == "armed" for c in cl.members):
            continue
        told = {c.sentence for c in cl.members}
        told.add(max(told) + 1)
        withdrew = [i for i in sorted(told) if i < len(doc.sentences) and _withdrew(doc, i)]
        if not withdrew:
            continue
        for c in cl.members:
            if c.rule.get("sub_event_type") == "Armed clash":
                c.rule = _rule_named("overtake")
        for other in [o for o in out if o is not cl and o.historical is None]:
            if all(c.sentence in withdrew and c.rule.get("name") == "withdrawal" for c in other.members):
                cl.members.extend(other.members)
                out.remove(other)
    return out


def _withdrew(doc: Doc, index: int) -> bool:
    sent = doc.sentences[index]
    return _FORCES_WITHDREW.search(doc.folded, sent.start, sent.end) is not None


_FORCES_WITHDREW = re.compile(
    r"\b(?:(?:tactical|strategic) (?:withdrawal|retreat)|(?:repli|retrait) (?:tactique|strategique)|"
    r"withdrew from the (?:camp|base|position|post|town)|"
    r"abandonne\w* (?:le camp|la position|le poste|la base))"
)


def fold_coup_arrests(clusters: list[Cluster]) -> list[Cluster]:
    """ "Des militaires mutins ont pris le pouvoir... Plusieurs ministres ont été arrêtés à Bamako": the
    detentions are the coup's (gold/GUIDE.md: a coup in which leaders are detained is an arrest event)."""
    coups = [c for c in clusters if c.head.rule.get("name") == "coup" and c.historical is None]
    if not coups:
        return clusters
    out: list[Cluster] = []
    for cl in clusters:
        arrest = cl.head.rule.get("sub_event_type") == "Arrests" and cl.historical is None
        target = next((c for c in coups if c is not cl and _same_days(c, cl)), None) if arrest else None
        if target is None:
            out.append(cl)
        else:
            target.members.extend(cl.members)
    return out


_LIVE_FIRE = re.compile(r"\b(?:live (?:rounds|ammunition|fire)|balles reelles|fired on|fired at|tire sur)\b")
_PROTEST_RULES = ("protest", "protest-intervention", "protest-deaths-dispersed", "excessive-force")
_DEATHS_ONLY = ("attack-unknown-target", "attack-civilians")


def fold_protest_deaths(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """ "Security forces fired tear gas at protesters... The government said six people were killed": deaths
    told beside a protest, with no one else named as their killer, are the protest's, and lethal force
    makes it an excessive use of force (gold/GUIDE.md)."""

    def force(target: Cluster, cl: Cluster) -> dict[str, Any]:
        # the deaths' sentence names no party ("six people were killed"): the protest's parties are theirs;
        # shooting told makes it excessive force, a crowd only dispersed an intervention with deaths
        shot = any("attack" in c.cue_names for c in [*target.members, *cl.members]) or bool(
            _LIVE_FIRE.search(doc.folded)
        )
        return _rule_named("excessive-force" if shot else "protest-intervention")

    return _fold_into_protests(clusters, _unattributed_deaths, force)


def fold_protest_damage(clusters: list[Cluster]) -> list[Cluster]:
    """ "Des milliers de partisans se sont rassemblés... Ils ont arraché la plaque, mis le feu à une porte":
    burning or looting told beside a protest, with no one else named as its doer, is the crowd's: the
    protest turned into a violent demonstration (gold/GUIDE.md: protesters who burn or loot riot)."""

    def damage(cl: Cluster) -> bool:
        return (
            cl.head.rule.get("sub_event_type") == _SIDE_ACT
            and cl.historical is None
            # "Some young men looted shops": people in the street, not a party of their own
            and all(c.actor1 is None or c.actor1.role in _STREET for c in cl.members)
        )

    return _fold_into_protests(clusters, damage, lambda _target, _cl: _rule_named("violent-demonstration"))


def fold_protest_unrest(clusters: list[Cluster]) -> list[Cluster]:
    """ "Hundreds marched... young men set up barricades of burning tyres": stones and barricades told beside
    a protest of the same day and place, by the crowd itself, are that protest turned violent (one event)."""

    def unrest(cl: Cluster) -> bool:
        return (
            cl.head.rule.get("sub_event_type") == "Violent demonstration"
            and cl.historical is None
            and all(c.actor1 is None or c.actor1.role in _STREET for c in cl.members)
            and not any(c.counts.get("killed") for c in cl.members)
        )

    return _fold_into_protests(
        clusters, unrest, lambda _target, _cl: _rule_named("violent-demonstration"), only=("protest",)
    )


def _fold_into_protests(
    clusters: list[Cluster],
    belongs: Callable[[Cluster], bool],
    rule_for: Callable[[Cluster, Cluster], dict[str, Any]],
    only: tuple[str, ...] = _PROTEST_RULES,
) -> list[Cluster]:
    """Clusters that ``belongs`` picks join the protest (of the rules ``only``) of the same occurrence,
    re-typed by ``rule_for`` (protest, cluster) and with the protest's parties."""
    protests = [c for c in clusters if c.head.rule.get("name") in only and c.historical is None]
    if not protests:
        return clusters
    out: list[Cluster] = []
    for cl in clusters:
        target = next((p for p in protests if _same_occurrence(p, cl)), None) if belongs(cl) else None
        if target is None:
            out.append(cl)
            continue
        head, rule = target.head, rule_for(target, cl)
        target.members.extend(
            replace(
                c, rule=rule, actor1=head.actor1, actor2=head.actor2, assoc1=head.assoc1, assoc2=head.assoc2
            )
            for c in cl.members
        )
    return out


def _unattributed_deaths(cl: Cluster) -> bool:
    return (
        cl.historical is None
        and _lethal(cl)
        and all(c.rule.get("name") in _DEATHS_ONLY and c.actor1 is None for c in cl.members)
    )


@lru_cache(maxsize=4)
def _rule_named(name: str) -> dict[str, Any]:
    rules = load_taxonomy("rules")["rules"]
    return next({**r, "_order": i} for i, r in enumerate(rules) if r["name"] == name)


def _same_days(a: Cluster, b: Cluster) -> bool:
    dated = a.date is not None and b.date is not None and a.date[2] is not None and b.date[2] is not None
    return not (dated and a.date is not None and b.date is not None and abs((a.date[0] - b.date[0]).days) > 1)


def _lethal(cl: Cluster) -> bool:
    return any(n > 0 for c in cl.members for n, _, _ in c.counts.get("killed", []))


def _same_occurrence(a: Cluster, b: Cluster) -> bool:
    if a.place and b.place and not same_place(a.place[0].place, b.place[0].place):
        return False
    return _same_days(a, b)
