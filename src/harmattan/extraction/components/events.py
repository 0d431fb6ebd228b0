"""Event detection and classification: sentences with event cues become event candidates with a
type (rules.yaml), participants in roles, casualty figures and tactics.

The parties are read with participants.py, their figures counted in counting.py and their roles told in
roles.py; the candidate and its participants live in candidates.py (re-exported here for later components)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from harmattan.extraction.components.candidates import Candidate, Participant
from harmattan.extraction.components.counting import CLAUSE_WORD, count_casualties
from harmattan.extraction.components.mentions import BESIDE, heading_to
from harmattan.extraction.components.participants import (
    PARENT_AFTER,
    adjacent_country,
    country_beside_body,
    dedupe,
    described_as,
    is_source,
    listed_members,
    member_of,
    named_over_generic,
    own_forces,
    place_apposition,
    striking_forces,
    the_two_groups,
    unit_of,
)
from harmattan.extraction.components.role_clues import among_dead
from harmattan.extraction.components.roles import assign_roles
from harmattan.extraction.components.rulebook import RuleBook, trigger
from harmattan.extraction.components.tolls import split_tolls
from harmattan.extraction.components.wording import (
    HEADLINE_LABEL,
    SIMILAR,
    aggregate_toll,
    captured_place,
    clauses,
    disaster_report,
    figure_fell,
    like_before,
    natural_cause,
    object_says_otherwise,
    post_overrun,
    protest_habit,
    told_as_act,
)
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.extraction.pipeline import Component, register

__all__ = ["Candidate", "EventDetector", "Participant"]

# a subject's verb right after it: "Alger a rappelé", "Paris said", "Bamako accuse"
_SUBJECT_VERB = re.compile(
    r"\s+(?:a|ont|avait|avaient|has|have|had|said|says|accuse\w*|dement\w*|denied|denies|ordered|announced|"
    r"summoned|recalled|expelled|closed|suspended|severed|cut|rejected|condemned|demanded|withdrew|urged|"
    r"threatened|warned|protested|critici[sz]ed|blamed|imposed|banned|ended|declared|decided|signed|"
    # French headlines in the present: "Ouagadougou expulse trois diplomates français"
    r"expulse|rappelle|suspend|ferme|rompt|denonce|convoque|declare|annonce|exige|interdit|retire|quitte|"
    r"condamne|rejette|somme|met fin)\b"
)
# "withdrawal from the", "retrait sans délai de la", "retrait « immédiat » du"
_FROM = re.compile(
    r"\s*(?:(?:sans delai|with immediate effect|immediat|effective immediately|without delay)\s+)?"
    r"(?:from|de|du|des|d)\s+(?:(?:the|la|le|l|tous les organes du|toutes les instances du|all)\s+)*$"
)
_DOWNED_BY = re.compile(r"\s+(?:(?:a|has|had|have|says it|said it|dit avoir|affirme avoir)\s+)?")


#: registry kinds of armed forces (not governments or states): who can settle a base
_FORCE_KINDS = frozenset({"state_force", "foreign_force", "multilateral_mission"})
#: a country's forces by id pattern, for "{cc}-military" ids the registry does not list ("de-military")
_NATIONAL_FORCE = re.compile(r"^[a-z]{2}-(?:military|air-force|police|gendarmerie|national-guard)$")


_UNREST_ACTS = frozenset({"attack", "burn", "loot", "destroy", "clash"})
#: cues of a pact: its signatories are its parties, and ending one rejects it
_PACTS = frozenset({"agreement", "peace", "plover_agree"})
_LEAD_POLITICAL = frozenset({"plover_sanction", "plover_reject", "plover_threaten", "plover_demand", "coup"})


@register
class EventDetector(Component):
    name = "events"
    requires = ("cues", "terms", "actors", "numbers", "places", "dates")
    provides = ("candidates",)

    def __init__(self, resources: Any = None, **settings: Any) -> None:
        super().__init__(resources, **settings)
        self.book = RuleBook()
        self.rules = self.book.rules
        self.violent = self.book.violent
        self.strong = self.book.strong
        self.companion_rules = self.book.companion_rules
        terms = load_taxonomy("actor_terms")
        self.kind_roles: dict[str, str] = terms["kind_roles"]
        self.inter_roles: dict[int, str] = {int(k): v for k, v in terms["inter_roles"].items()}
        self._last_sources: list[Participant] = []

    def __call__(self, doc: Doc) -> Doc:
        self._resolve_in_country(doc)
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        candidates: list[Candidate] = []
        for sent in doc.sentences:
            if not sent.has_cue:
                continue
            mentions = sorted(by_sentence.get(sent.index, []), key=lambda m: m.start)
            parts = clauses(doc, sent.start, sent.end, mentions, self.violent)
            for part in parts:
                cand = self.candidate(doc, sent.index, part)
                if cand is None:
                    continue
                if candidates and _dead_already_told(doc, cand, part):
                    cand.refers_back = True  # "families waited for the names of the dead": told already
                if len(parts) > 1:
                    cand.date = cand.date or _nearest(part, "date", cand.trigger)
                    cand.place = cand.place or _nearest(part, "place", cand.trigger)
                if candidates and SIMILAR.search(doc.folded, sent.start, sent.end):
                    like_before(cand, candidates[-1])
                candidates.extend(split_tolls(doc, cand))
                candidates.extend(self._companions(doc, cand))
        doc.user_data["candidates"] = candidates
        return doc

    def _resolve_in_country(self, doc: Doc) -> None:
        """A name whose meaning depends on the country ("al-Qaeda" in a Burkina Faso report is its Sahel
        branch) is resolved again once the places have told the country of a report that names none."""
        if doc.country is None:
            return
        for m in doc.mentions:
            if m.kind == "actor":
                m.value = self.resources.resolve_mention(m, str(m.value), doc.published, doc.country)

    def candidate(
        self, doc: Doc, index: int, mentions: list[Mention], rule: dict[str, Any] | None = None
    ) -> Candidate | None:
        """The event one sentence tells, or None; ``rule`` imposes the type (a trained model's) and skips
        the test that the cues are strong enough to make an event."""
        cues = [self._read_cue(doc, m, mentions) for m in mentions if m.kind == "cue"]
        cues = [
            c
            for c in cues
            if (str(c.value) not in self.violent or told_as_act(doc, c))
            and not figure_fell(doc, c)
            and not object_says_otherwise(doc, c)
            and not protest_habit(doc, c)
        ]
        names = {str(c.value) for c in cues}
        first = next(
            (
                "plover_summon" if _summons(doc, c) else str(c.value)
                for c in cues
                if str(c.value) in self.violent or str(c.value) in _LEAD_POLITICAL or _summons(doc, c)
            ),
            "",
        )
        if first in _LEAD_POLITICAL or first == "plover_summon":
            # "Mali cut ties with Ukraine after ... rebels who fought": the violence is background
            names = {n for n in names if n not in self.violent}
            cues = [c for c in cues if str(c.value) in names]
        if "protest" in names and "clash" in names:
            # "la police les a repoussés à coups de gaz lacrymogènes": a crowd pushed back is dispersed
            cues = [_pushed_back(doc, c) for c in cues]
            names = {str(c.value) for c in cues}
        if "arrest" in names and names & _CROWD_CUES:
            # "were arrested in Conakry on 30 July, after two days of demonstrations": what the arrest
            # followed is its background
            cues = _without_antecedent_crowd(doc, cues)
            names = {str(c.value) for c in cues}
        if "live_fire" in names:
            names = names | {"protest"}  # "security forces fired on crowds": the crowd was protesting
        riot_dead = "unrest" in names and self._unrest_told(doc, names, mentions)
        if "unrest" in names:
            names = (names - {"unrest"}) | ({"riot"} if riot_dead else set())
            cues = [c for c in cues if str(c.value) in names]
        if "communal" in names and self._fighters_named(doc):
            # "des violences intercommunautaires ... imputées à des Koglweogo": a militia's acts, not crowds
            names = names - {"communal"}
            cues = [c for c in cues if str(c.value) in names]
        if self._unrest(doc, names, mentions):
            # "Des supermarchés ont été pillés et incendiés par des groupes de jeunes"
            names = names | {"riot"}
        political = not names & self.violent
        parts = self._participants(doc, mentions, political)
        if not political and not any(p.role == "armed" and p.mention.kind == "actor" for p in parts):
            parts = parts + the_two_groups(doc, index, self._participants)  # "between the two groups"
        if riot_dead:  # the dead of the unrest are counted, not the crowd's target
            parts = [p for p in parts if p.role != "civilian"]
        if "base" in names and not any(self._force(p) for p in parts):
            names = names - {"base"}  # "ses ressortissants installés de part et d'autre de la frontière"
        in_alliance: frozenset[int] = frozenset()
        if political and not names & _PACTS:  # the states signing a pact are its parties
            parts, in_alliance = self._as_alliance(doc, parts)
        if "disrupt" in names:
            parts = self._with_downing_armies(doc, parts, mentions, cues)
        if names & {"kill", "attack", "neutralise"} and aggregate_toll(doc, index, mentions):
            return None  # "2 000 morts recensés en 2023": a yearly count, whatever a model reads in it
        bare_mine = all(doc.folded[c.start : c.end] in ("mine", "mines") for c in cues)
        if rule is None and names <= {"landmine"} and bare_mine and not parts:
            return None  # "Mines : la production d'or en recul": a mine that harms no one is a mine
        if rule is None and not names & self.strong and not (names and parts):
            return None
        if (
            rule is None
            and political
            and names <= {n for n in names if n.startswith("plover_")}
            and not _has_state(parts)
        ):
            return None
        counts = count_casualties(
            doc,
            mentions,
            cues,
            group=self._group,
            is_state=self._is_state,
            non_person_units=self.resources.non_person_units,
        )
        for p in parts:
            # a figure right before the party, with no casualty word between ("15 killed in two
            # 'terrorist' attacks" does not count terrorists)
            near = [
                (kind, m, n)
                for kind, lst in counts.items()
                for n, _, m in lst
                if m.end <= p.mention.start
                and p.mention.start - m.end <= 35
                and not any(m.end <= c.start and c.end <= p.mention.start for c in cues)
                and not CLAUSE_WORD.search(doc.folded, m.end, p.mention.start)
            ]
            p.numbered = bool(near) or among_dead(doc, p)
            p.killed = any(kind == "killed" for kind, _, _ in near)
            dead = [(m.end, n) for kind, m, n in near if kind == "killed"]
            p.dead = max(dead)[1] if dead else 0  # the figure closest before it
        parts = dedupe(parts)
        if self._match_report(doc) and not ("kill" in names and self._armed_named(mentions)):
            return None  # "Oumar Diakité struck the winner", "les Ivoiriens ont renversé la rencontre"
        if rule is None and (natural_cause(names, parts, mentions) or disaster_report(doc, names, parts)):
            return None  # "floods killed 47 people", "les inondations qui frappent Mopti": no one did it
        taken = sum(n for n, _, _ in counts.get("abducted", []))
        if "abduct" in names and taken > sum(n for n, _, _ in counts.get("killed", [])):
            # "killing two people and seizing dozens of workers as hostages": the taking is the event
            names = names | {"abduct_mostly"}
        if not cues:
            return None  # the only cue (a model's trigger too) told no act: "fitted with mortar rounds"
        cand = Candidate(index, cues, {}, cues[0], counts=counts)
        cand.claimant = next((p.actor_id for p in [*self._last_sources, *parts] if p.role == "state"), None)
        assign_roles(
            doc,
            cand,
            parts,
            names,
            violent=self.violent,
            countries_as_states=functools.partial(self._countries_as_states, skip=in_alliance),
            named_armed=self._named_armed,
        )
        if cand.actor1 is None and not cand.default_actor1 and "coup" in names:
            cand.default_actor1 = "{cc}-military"  # "Captain Traoré removed Damiba": a coup is the army's
        elif cand.actor1 is None and not cand.default_actor1 and names & {"arrest", "licence_measure"}:
            # "l'opposant a été interpellé vendredi", no arresting party named: the authorities arrest
            # (the gold annotators' practice: government before police)
            cand.default_actor1 = "{cc}-government"
        sources = frozenset(str(m.value) for m in mentions if m.kind == "source")
        rule = rule or self.book.classify(_main_movement(names, cues), cand, sources)
        if rule is None:
            return None
        cand.rule = rule
        cand.trigger = trigger(cues, rule)
        cand.tactics = self.book.tactics(cues, names)
        if rule["event_type"] == "Strategic developments" or political:
            cand.plover = self.book.plover(cues)
        return cand

    def _read_cue(self, doc: Doc, m: Mention, mentions: list[Mention]) -> Mention:
        """The cue as its sentence reads it: a place captured, an organisation left, a pact ended, a plot
        foiled."""
        cue = self._left_body(doc, post_overrun(doc, captured_place(doc, m, mentions)), mentions)
        return _foiled_plot(doc, _ended_pact(doc, cue))

    def _unrest_told(self, doc: Doc, names: set[str], mentions: list[Mention]) -> bool:
        """ "Two people were killed in two days of unrest", "tuées lors des violences": in a report of
        protests or riots, with no armed party or force named, the dead are the riots' (a violent
        demonstration, not an armed attack)."""
        if not names & {"kill", "wound"} or not self._report_of(doc, frozenset({"protest", "riot"})):
            return False
        return not self._armed_named(mentions)

    @staticmethod
    def _match_report(doc: Doc) -> bool:
        """A sports report: two or more distinct sports words (triggers.yaml, sports_words)."""
        return _per_doc(doc, "_match_report", lambda: len({m.value for m in doc.of_kind("sport")}) >= 2)

    @staticmethod
    def _report_of(doc: Doc, cues: frozenset[str]) -> bool:
        """Whether the document anywhere has one of these cues."""
        key = "_report_of:" + ",".join(sorted(cues))
        return _per_doc(doc, key, lambda: any(m.value in cues for m in doc.of_kind("cue")))

    def _unrest(self, doc: Doc, names: set[str], mentions: list[Mention]) -> bool:
        """In a report of street protests, damage or an "attack" that no armed party or force commits is
        the crowd's: "des manifestants s'en sont pris à l'ambassade ... l'Institut français a été pris pour
        cible", "shops were looted and burned by groups of youths" (a violent demonstration, not an armed
        attack)."""
        # "... mettant le feu à une porte, avant d'être dispersée à coups de gaz lacrymogène": the forces'
        # answer is part of the unrest
        acts = names - {"intervention"}
        if not acts or not acts <= _UNREST_ACTS or names & {"protest", "riot", "mob"}:
            return False
        if self._armed_named(mentions):
            return False  # a group, a militia or the forces named: not the crowd
        if any(m.kind == "number" for m in mentions) and "kill" in names:
            return False  # a toll: the protests' dead are told by other rules
        # "Protesters attacked the French embassy": the crowd is named doing it
        crowd = any(m.kind == "term" and m.value[0] in ("protester", "rioter") for m in mentions)
        return crowd or self._report_of(doc, frozenset({"protest"}))

    def _armed_named(self, mentions: list[Mention]) -> bool:
        """Whether an armed group, a militia or a force is named (a state named as a target is not)."""
        for m in mentions:
            if m.kind == "term" and m.value[0] in ("armed", "militia", "state"):
                return True
            actor = self.resources.actor(str(m.value)) if m.kind == "actor" else None
            if actor is not None and (
                self._actor_role(actor) in ("armed", "militia") or self._force_kind(actor)
            ):
                return True
        return False

    def _left_body(self, doc: Doc, cue: Mention, mentions: list[Mention]) -> Mention:
        """ "their withdrawal from the Economic Community of West African States", "son retrait du G5
        Sahel": leaving an organisation rejects it; it is no troop movement (gold/GUIDE.md: REJECT)."""
        if cue.value not in ("plover_retreat", "plover_future_retreat"):
            return cue
        for m in mentions:
            body = (
                m.kind == "actor"
                and 0 <= m.start - cue.end <= 45
                and _FROM.match(doc.folded, cue.end, m.start)
            )
            kind = getattr(self.resources.actor(str(m.value)), "kind", None)
            # a regional force a state quits is left as an organisation is (Niger leaving the MNJTF)
            if body and kind in ("intergovernmental_body", "multilateral_mission") and m.value != "minusma":
                return replace(cue, value="plover_reject", rule=f"{cue.rule}:left-organisation")
        return cue

    def _participants(self, doc: Doc, mentions: list[Mention], political: bool) -> list[Participant]:
        res = self.resources
        out: list[Participant] = []
        for m in mentions:
            if m.kind == "actor":
                if PARENT_AFTER.match(doc.folded[m.end : m.end + 16]):
                    continue  # "al-Qaeda-linked JNIM": the parent only qualifies the group that acted
                actor = res.actor(str(m.value))
                if getattr(actor, "kind", None) == "state" and (
                    not political or _IN_COUNTRY.search(doc.folded, max(0, m.start - 8), m.start)
                ):
                    # "Burkina Faso:" names the country, not a party to the fighting; "detained in Burkina
                    # Faso" where it happened
                    continue
                role = self._actor_role(actor)
                out.append(Participant(m, str(m.value), _name(actor, str(m.value)), _inter(actor), role))
            elif m.kind == "term":
                role, template, inter, fixed_cc = m.value
                cc = (
                    (fixed_cc if fixed_cc != BESIDE else None)
                    # civilians are those of the country where it happened, whatever their nationality
                    # ("cinq ressortissants indiens enlevés dans la région de Kayes": civilians of Mali)
                    or (adjacent_country(mentions, m, doc.text) if role != "civilian" else None)
                    or doc.country
                )
                actor_id = res.generic(m.text.lower(), template, cc, doc.published)
                actor = res.actor(actor_id) if actor_id else None
                out.append(Participant(m, actor_id, _name(actor, actor_id), _inter(actor) or inter, role))
        if not political:
            out.extend(striking_forces(doc, mentions, out, self.resources, self._actor_role))
        out = member_of(doc, unit_of(doc, described_as(doc, named_over_generic(out))))
        out = [p for p in out if not place_apposition(doc, p, mentions)]
        if political and not any(p.role == "state" for p in out):
            out.extend(self._countries_as_states(doc, mentions))
        if political:
            # "Alger a rappelé son ambassadeur au Mali", "Bamako a ordonné l'expulsion": a capital (or a
            # country word) as the subject of a diplomatic act is its state, beside the state it targets
            out = sorted([*out, *self._capitals_acting(doc, mentions, out)], key=lambda p: p.mention.start)
        if political:
            # "Mali's junta", "Niger's military rulers": the named institution, not the country, acts
            bodies = [p for p in out if p.mention.kind == "term" and p.role == "state"]
            out = [p for p in out if not country_beside_body(p, bodies)]
        # the reporting party ("..., a annoncé l'armée") is not a party to the event; it is remembered as
        # the claimant of any "neutralised" figure
        sources = [p for p in out if is_source(doc, p.mention)]
        self._last_sources = sources
        if not political:  # in a statement the announcer is the actor ("the junta announced...")
            # "the army said one of its units came under fire": the announcer's own forces are a party
            own = own_forces(doc, mentions)
            out = [p for p in out if p not in sources or (own and p.role == "state")]
        return out

    def _as_alliance(self, doc: Doc, parts: list[Participant]) -> tuple[list[Participant], frozenset[int]]:
        """ "Mali, Burkina Faso and Niger are leaving ECOWAS": all of an alliance's members, listed
        together while it exists, act as the alliance (AES), named or not; with the parties, where the
        members' names start (no longer states of their own)."""
        for body in self.resources.alliances:
            if doc.published is not None and not body.valid_on(doc.published):
                continue
            members = listed_members(doc, parts, body.countries)
            if not members:
                continue
            rest = [p for p in parts if p not in members]
            if not any(p.actor_id == body.id for p in rest):
                first = members[0]
                alliance = Participant(first.mention, body.id, body.name, body.inter, self._actor_role(body))
                rest = sorted([*rest, alliance], key=lambda p: p.mention.start)
            return rest, frozenset(p.mention.start for p in members)
        return parts, frozenset()

    def _countries_as_states(
        self, doc: Doc, mentions: list[Mention], skip: frozenset[int] = frozenset()
    ) -> list[Participant]:
        """In diplomacy a country name stands for its state ("Algeria recalled its ambassador"); a
        headline's "Haïti :" only says where the news is from."""
        out: list[Participant] = []
        for m in mentions:
            if (
                m.kind == "country"
                and m.start not in skip  # "Mali, Burkina Faso and Niger" acting as the AES
                and not HEADLINE_LABEL.match(doc.text, m.end)
                and not _BORDER_AROUND.search(doc.folded, max(0, m.start - 16), m.end + 9)
                and not _IN_COUNTRY.search(doc.folded, max(0, m.start - 8), m.start)
                # "the Canadian operator, Semafo", "the Norwegian Refugee Council": no state
                and not _PRIVATE_NOUN_AFTER.match(doc.folded, m.end)
                and not heading_to(doc, m)  # "as they withdrew towards Mali": where they went
            ):
                actor_id = f"{str(m.value).lower()}-state"
                # a state outside the region pack ("Kenya recalled its ambassador") still acts as a state
                out.append(self._registry_state(m, actor_id) or Participant(m, actor_id, m.text, 1, "state"))
        return out

    def _capitals_acting(
        self, doc: Doc, mentions: list[Mention], parts: list[Participant]
    ) -> list[Participant]:
        have = {p.actor_id for p in parts}
        out: list[Participant] = []
        for m in mentions:
            capital = m.kind == "place" and getattr(m.value.place, "feature", "") == "P.PPLC"
            # "Alger a rappelé son ambassadeur"; "recalled their ambassadors from Algiers": the state of the
            # capital the envoys leave is the target
            recalled = capital and _ENVOYS_FROM.search(doc.folded, max(0, m.start - 40), m.start)
            if not (capital or m.kind == "country") or not (
                _SUBJECT_VERB.match(doc.folded, m.end) or recalled
            ):
                continue
            cc = str(m.value.place.country if capital else m.value).lower()
            state = self._registry_state(m, f"{cc}-state")
            if state is not None and state.actor_id not in have:
                out.append(state)
        return out

    def _registry_state(self, m: Mention, actor_id: str) -> Participant | None:
        """The state actor ``actor_id`` named by ``m``, if the region pack has it."""
        actor = self.resources.actor(actor_id)
        return (
            None
            if actor is None
            else Participant(m, actor_id, _name(actor, actor_id), _inter(actor), "state")
        )

    def _with_downing_armies(
        self, doc: Doc, parts: list[Participant], mentions: list[Mention], cues: list[Mention]
    ) -> list[Participant]:
        """ "Algeria shot down a Malian army drone": a country right before the downing acts by its army, in
        place of the country's state."""
        armies: list[Participant] = []
        for m in mentions:
            value = str(m.value)
            state = m.kind == "country" or (m.kind == "actor" and value.endswith("-state"))
            if not state or not any(
                str(c.value) == "disrupt"
                and c.start >= m.end
                and _DOWNED_BY.fullmatch(doc.folded, m.end, c.start)
                for c in cues
            ):
                continue
            cc = value.lower() if m.kind == "country" else value.split("-", 1)[0]
            army = self._registry_state(m, f"{cc}-military")
            if army is not None:
                armies.append(army)
        spans = {(a.mention.start, a.mention.end) for a in armies}
        return [*(p for p in parts if (p.mention.start, p.mention.end) not in spans), *armies]

    def _fighters_named(self, doc: Doc) -> bool:
        """Whether the report names an armed party or a militia anywhere (read once per report)."""
        found = doc.user_data.get("_fighters_named")
        if found is None:
            roles = {str(m.value[0]) for m in doc.of_kind("term")}
            roles |= {self._actor_role(self.resources.actor(str(m.value))) for m in doc.of_kind("actor")}
            found = bool(roles & {"armed", "militia"})
            doc.user_data["_fighters_named"] = found
        return bool(found)

    def _group(self, victim: str) -> str:
        """The victim group a figure counts, named actors by their role ("trois soldats" and "trois
        militaires burkinabè" in the next sentence are one group, counted once)."""
        if victim.startswith("actor:"):
            return self._actor_role(self.resources.actor(victim[6:]))
        return victim

    def _force(self, p: Participant) -> bool:
        """An armed party or a force (not a government or a state): who can settle a base."""
        if p.role in ("armed", "militia"):
            return True
        actor = self.resources.actor(p.actor_id) if p.actor_id else None
        if actor is not None:
            return self._force_kind(actor)
        return bool(p.actor_id and _NATIONAL_FORCE.match(p.actor_id))

    @staticmethod
    def _force_kind(actor: Any) -> bool:
        return str(getattr(actor, "kind", "")) in _FORCE_KINDS

    def _actor_role(self, actor: Any) -> str:
        if actor is None:
            return "armed"
        role = self.kind_roles.get(str(getattr(actor, "kind", "")))
        return role or self.inter_roles.get(int(getattr(actor, "inter", 2) or 2), "armed")

    def _companions(self, doc: Doc, cand: Candidate) -> list[Candidate]:
        out: list[Candidate] = []
        for rule in self.companion_rules:
            cue = next((c for c in cand.cues if c.value == rule["cue"]), None)
            if cue is None or cand.rule.get("event_type") not in rule["with_event_type"]:
                continue
            if cand.rule.get("sub_event_type") == rule["sub_event_type"]:
                continue
            if _REPORTED_ACT.search(doc.folded[max(0, cue.start - 40) : cue.start]):
                continue  # "accused of rape", "documents killings, rapes and lootings": no act told here
            # the victims of the rapes are the civilians of the place (build.py's default), not the
            # main event's target
            twin = replace(
                cand, rule=rule, trigger=cue, counts={}, tactics=[], plover=None, companion=True,
                actor2=None, assoc2=[],
            )  # fmt: skip
            out.append(twin)
        return out

    def _is_state(self, m: Mention) -> bool:
        return getattr(self.resources.actor(str(m.value)), "kind", None) == "state"

    def _named_armed(self, doc: Doc) -> bool:
        """The report names an armed group: the dead may be its fighters in a fight with another."""
        return any(
            self._actor_role(self.resources.actor(str(m.value))) == "armed" for m in doc.of_kind("actor")
        )


_DEAD_NOUN = re.compile(r"(?:dead|deaths?|killings?|morts?|deces|tueries?|victims?|victimes?)")
_TOLD_NOUN = re.compile(rf"{_DEAD_NOUN.pattern}|(?:attacks?|assaults?|ambush|attaques?|assauts?|embuscades?)")
_TOLD_OR_CLASH = re.compile(rf"{_TOLD_NOUN.pattern}|(?:clashes|heurts|affrontements)")
_SPAN_AFTER = re.compile(r"\s+(?:hours?|days?|minutes|heures?|jours?)\b")
_DEFINITE = re.compile(
    r"\b(?:the|these|those|its|their|la|le|les|ces|leurs?|ses)\s+"
    r"(?:(?:names? of the|noms? des|corps des)\s+)?$"
)


def _dead_already_told(doc: Doc, cand: Candidate, mentions: list[Mention]) -> bool:
    """A later sentence whose only cue is a definite noun of death, with no figure ("the government
    regretted the death", "waiting for the names of the dead", "l'enquête sur ces morts"): the dead of an
    occurrence already told, no new one."""
    if any(
        m.kind == "number" and m.text.lower() not in _ARTICLES and not _SPAN_AFTER.match(doc.folded, m.end)
        for m in mentions
    ):
        return False  # a figure tells new dead (not "moins de deux heures avant")
    acts = [c for c in cand.cues if not str(c.value).startswith("plover_")]
    # "no group had claimed the assault": an attack named with "the", where no place says it is another one;
    # "Ces heurts sont survenus ...": the clashes just told, where no day says they went on ("Les heurts se
    # sont poursuivis samedi")
    placed = any(m.kind == "place" for m in mentions)
    dated = any(m.kind == "date" for m in mentions)
    nouns = _DEAD_NOUN if placed else _TOLD_NOUN if dated else _TOLD_OR_CLASH
    return bool(acts) and all(
        nouns.fullmatch(doc.folded, c.start, c.end)
        and _DEFINITE.search(doc.folded, max(0, c.start - 30), c.start)
        for c in acts
    )


_ARTICLES = frozenset({"a", "an", "un", "une"})


def _per_doc(doc: Doc, key: str, compute: Callable[[], bool]) -> bool:
    """A fact about the whole document, computed once per document."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = compute()
    return bool(found)


def _summons(doc: Doc, cue: Mention) -> bool:
    """ "La Mauritanie a convoqué l'ambassadeur du Mali après de nouvelles incursions": an ambassador summoned
    leads the sentence as a sanction does; the violence it protests is its background."""
    return cue.value == "plover_disapprove" and doc.folded.startswith(("convoqu", "summon"), cue.start)


# "the 'immediate' end of the 2015 Algiers peace agreement", "ending 'with immediate effect' the agreement",
# "a dénoncé l'accord de défense": quotes and dates stand between the ending and the pact
_ENDING_BEFORE = re.compile(
    r"\b(?:end|ends|ending|ended|terminat\w*|scrap\w*|revok\w*|renounc\w*|tore up|withdr\w* from|"
    r"pull\w* out of|fin|mettre fin|met fin|mis fin|mettent fin|denonc\w*|rompu|romp\w*|abrog\w*|retir\w* de|"
    r"sortie de|caduc)\b"
    r"(?:\s+\w+){0,7}\s*$"
)


_PLOT_AFTER = re.compile(r"\W*(?:\w+\W+){0,2}?(?:complot|plot|coup|tentative|attempt|putsch)")


def _foiled_plot(doc: Doc, cue: Mention) -> Mention:
    """ "ont déjoué un « complot majeur »", "foiled an attempted coup": a plot foiled, no weapon disrupted."""
    if cue.value != "disrupt" or not _PLOT_AFTER.match(doc.folded, cue.end, cue.end + 40):
        return cue
    return replace(cue, value="descriptor", rule=f"{cue.rule}:plot")


def _ended_pact(doc: Doc, cue: Mention) -> Mention:
    """A pact ended is rejected, not made (gold/GUIDE.md: REJECT)."""
    if cue.value not in _PACTS:
        return cue
    if not _ENDING_BEFORE.search(doc.folded, max(0, cue.start - 60), cue.start):
        return cue
    return replace(cue, value="plover_reject", rule=f"{cue.rule}:ended")


def _nearest(mentions: list[Mention], kind: str, trigger: Mention) -> Mention | None:
    return min(
        (m for m in mentions if m.kind == kind), key=lambda m: abs(m.start - trigger.start), default=None
    )


_REPORTED_ACT = re.compile(
    r"\b(?:accused|accusations?|allegations?|alleged(?:ly)?|suspected|accuses?|accusee?s?|soupconnee?s?|"
    r"documents?|reports?)\b(?:\s+\w+){0,3}\s*$"
)


_MOVEMENTS = ("base", "transfer", "plover_retreat")


def _pushed_back(doc: Doc, cue: Mention) -> Mention:
    if cue.value == "clash" and doc.folded.startswith(("repouss", "pushed back"), cue.start):
        return replace(cue, value="intervention")
    return cue


_CROWD_CUES = frozenset({"protest", "riot", "mob", "loot", "burn", "destroy"})
_ANTECEDENT = re.compile(
    r"\b(?:after|following|in the wake of|apres|a la suite d\w*|suite a|au lendemain d\w*)\b"
)


def _without_antecedent_crowd(doc: Doc, cues: list[Mention]) -> list[Mention]:
    """The crowd's cues told after "after ..." that follows the arrest cue."""
    arrest = min((c for c in cues if str(c.value) == "arrest"), key=lambda c: c.start)
    marker = _ANTECEDENT.search(doc.folded, arrest.end, doc.sentences[arrest.sentence].end)
    if marker is None:
        return cues
    return [c for c in cues if not (str(c.value) in _CROWD_CUES and c.start > marker.start())]


_PRIVATE_NOUN_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:operator|company|firm|miner|mining|group|council|ngo|charity|"
    r"tourists?|journalists?|hostages?|workers?|engineers?|missionar(?:y|ies)|nuns?|priests?|contractors?|"
    r"entreprise|societe|compagnie|groupe|touristes?|otages?|ong|ouvriers?|ingenieurs?)\b"
)


def _main_movement(names: set[str], cues: list[Mention]) -> set[str]:
    """ "Russian instructors settled in the former base, handed over in December" / "the withdrawal of
    the 1,500 troops deployed in Niger": of a deployment, a handover and a withdrawal told together, the
    first one is what happened; the later one describes the base or the troops."""
    told = [c for c in cues if c.value in _MOVEMENTS]
    if len({c.value for c in told}) < 2:
        return names
    first = min(told, key=lambda c: c.start).value
    return {n for n in names if n not in _MOVEMENTS or n == first}


def _has_state(parts: list[Participant]) -> bool:
    return sum(1 for p in parts if p.role == "state") >= 1


def _name(actor: Any, fallback: str | None) -> str | None:
    return str(actor.name) if actor is not None else fallback


def _inter(actor: Any) -> int | None:
    value = getattr(actor, "inter", None)
    return int(value) if value is not None else None


# "close to the Malian border", "près de la frontière malienne": a border names no party
_ENVOYS_FROM = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|ambassadeurs?|diplomates?)\s+(?:\w+\s+){0,2}?(?:from|de|d)\s+$"
)
_IN_COUNTRY = re.compile(r"\bin\s+$")  # French "au Niger" is also "to Niger": "sanctions imposées au Niger"
_BORDER_AROUND = re.compile(r"\b(?:frontieres?|borders?|frontier)\b")
