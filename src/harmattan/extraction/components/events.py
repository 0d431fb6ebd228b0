"""Event detection and classification: sentences with event cues become event candidates with a
type (rules.yaml), participants in roles, casualty figures and tactics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from harmattan.extraction.components.mentions import BESIDE
from harmattan.extraction.components.singular import listed_victims, one_before, one_victim
from harmattan.extraction.components.tolls import split_tolls
from harmattan.extraction.components.wording import (
    HEADLINE_LABEL,
    SIMILAR,
    aggregate_toll,
    captured_place,
    disaster_report,
    figure_fell,
    like_before,
    natural_cause,
    passive_after,
    post_overrun,
    told_as_act,
)
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.extraction.pipeline import Component, register

_CASUALTY = {
    "kill": "killed",
    "massacre": "killed",
    "assassinate": "killed",
    "wound": "wounded",
    "neutralise": "neutralised",
    "abduct": "abducted",
}
_SIDE = {
    "state": "gov",
    "vdp": "gov",
    "armed": "armed",
    "militia": "militia",
    "civilian": "civ",
    "protester": "civ",
    "rioter": "riot",
}
_AGENT_BEFORE = re.compile(
    r"\b(?:by|par|de la part)\s+(?:(?:the|des|les|la|le|l|d|de|du|un|une|suspected|presumed|"
    r"presumes|alleged|unidentified|unknown|several|some|plusieurs|a|an)\s+)*$"
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|contre|visant|sur)\s+(?:(?:the|a|an|les|la|le|l|des|un|une|du|de|their|leurs|une)\s+)*"
    # "said on Monday that soldiers...": a day, or a clause that ends, is no object
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)\b)"
    r"(?:(?!that\b|que\b|qu\b)\w+\s+){0,2}$"
)
_REPEL = re.compile(
    r"\b(?:repel\w*|repuls\w*|repouss\w*|fought off|beat back|came under|ont ete attaque\w*|a ete attaque\w*|"
    r"were attacked|was attacked|tombee?s? dans une embuscade|pris\w* dans une embuscade|"
    # "killed 32 assailants after attacks on its positions": the forces answered an attack
    r"(?:after|following) (?:an? |the |two |several )?(?:\w+ )?attacks? (?:on|against)\b|"
    r"(?:apres|suite a) (?:une|l|des|deux|plusieurs) ?(?:\w+ )?attaques? (?:contre|de|du|d)\b|"
    r"a la suite d une attaque|riposte\w*|in response to an attack|"
    r"opened fire on (?:a|an|the|their|its) (?:patrol|post|convoy|position|unit)s?\b)"
)
_PREP_AFTER = re.compile(
    r"^\s*(?:in|on|during|when|as|at|near|after|while|by|dans|lors|pendant|par|a|au|en|pres)\b"
)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|ete|furent|sont|est)\b")
_LEAD_POLITICAL = frozenset({"plover_sanction", "plover_reject", "plover_threaten", "plover_demand", "coup"})
# a casualty word a figure counts directly ("one dead", "un mort"), not "un bilan", "a toll"
_COUNTED_WORD = re.compile(r"dead|killed|died|wounded|injured|mort|morts|tue|tues|tuee|tuees|blesse|blesses")
_ACTIVE_STATE_CUES = frozenset(
    {"airstrike", "drone", "drone_strike", "neutralise", "regain", "arrest", "intervention"}
)


@dataclass
class Participant:
    mention: Mention
    actor_id: str | None
    name: str | None
    inter: int | None
    role: str
    numbered: bool = False
    #: the figure before it counts dead, not wounded or abducted
    killed: bool = False


@dataclass
class Candidate:
    """An event found in one sentence, before date/place resolution and merging."""

    sentence: int
    cues: list[Mention]
    rule: dict[str, Any]
    trigger: Mention
    actor1: Participant | None = None
    actor2: Participant | None = None
    assoc1: list[Participant] = field(default_factory=list)
    assoc2: list[Participant] = field(default_factory=list)
    counts: dict[str, list[tuple[int, str, Mention]]] = field(default_factory=dict)
    tactics: list[tuple[str, Mention]] = field(default_factory=list)
    plover: tuple[str, Mention] | None = None
    default_actor1: str | None = None
    #: who reports the figures (a "neutralised" count is that party's claim)
    claimant: str | None = None
    #: a second act told in the main event's sentence (rules.yaml ``companions``): never merged with it
    companion: bool = False
    #: actor1 is told by the wording itself ("killed by X", "between X and Y"), not guessed by position
    agent_told: bool = False
    #: the place (and date) this candidate belongs to, when one sentence tells several occurrences
    place: Mention | None = None
    date: Mention | None = None

    @property
    def cue_names(self) -> set[str]:
        return {str(c.value) for c in self.cues}


@register
class EventDetector(Component):
    name = "events"
    requires = ("cues", "terms", "actors", "numbers", "places", "dates")
    provides = ("candidates",)

    def __init__(self, resources: Any = None, **settings: Any) -> None:
        super().__init__(resources, **settings)
        rules = load_taxonomy("rules")
        self.rules: list[dict[str, Any]] = [{**r, "_order": i} for i, r in enumerate(rules["rules"])]
        # each rule's cue sets, built once (not per candidate sentence)
        self._rule_sets = [
            (
                r,
                frozenset(r["any"]) if "any" in r else None,
                frozenset(r.get("all", [])),
                frozenset(r.get("none", [])),
                [frozenset(group) for group in r.get("all_of_any", [])],
            )
            for r in self.rules
        ]
        self.violent = frozenset(rules["violent_cues"])
        self.strong = frozenset(rules["strong_cues"])
        self.plover_rules: list[dict[str, str]] = rules["plover"]
        self.tactic_rules: list[dict[str, Any]] = rules["tactics"]
        self.companion_rules: list[dict[str, Any]] = rules.get("companions", [])
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
            cand = self.candidate(doc, sent.index, mentions)
            if cand is not None and candidates and SIMILAR.search(doc.folded, sent.start, sent.end):
                like_before(cand, candidates[-1])
            if cand is not None:
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
        cues = [post_overrun(doc, captured_place(doc, m, mentions)) for m in mentions if m.kind == "cue"]
        cues = [
            c
            for c in cues
            if (str(c.value) not in self.violent or told_as_act(doc, c)) and not figure_fell(doc, c)
        ]
        names = {str(c.value) for c in cues}
        first = next(
            (str(c.value) for c in cues if str(c.value) in self.violent or str(c.value) in _LEAD_POLITICAL),
            "",
        )
        if first in _LEAD_POLITICAL:
            # "Mali cut ties with Ukraine after ... rebels who fought": the violence is background
            names = {n for n in names if n not in self.violent}
            cues = [c for c in cues if str(c.value) in names]
        political = not names & self.violent
        parts = self._participants(doc, mentions, political)
        if rule is None and (natural_cause(names, parts, mentions) or disaster_report(doc, names, parts)):
            return None  # "floods killed 47 people", "les inondations qui frappent Mopti": no one did it
        if rule is None and names & {"kill", "attack"} and aggregate_toll(doc, index, mentions):
            return None  # "2 000 morts recensés en 2023": a yearly count
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
        counts = self._counts(doc, mentions, cues)
        for p in parts:
            # a figure right before the party, with no casualty word between ("15 killed in two
            # 'terrorist' attacks" does not count terrorists)
            near = [
                (kind, m)
                for kind, lst in counts.items()
                for _, _, m in lst
                if m.end <= p.mention.start
                and p.mention.start - m.end <= 35
                and not any(m.end <= c.start and c.end <= p.mention.start for c in cues)
            ]
            p.numbered = bool(near)
            p.killed = any(kind == "killed" for kind, _ in near)
        parts = _dedupe(parts)
        cand = Candidate(index, cues, {}, cues[0], counts=counts)
        cand.claimant = next((p.actor_id for p in [*self._last_sources, *parts] if p.role == "state"), None)
        self._roles(doc, cand, parts, names)
        if cand.actor1 is None and not cand.default_actor1 and "coup" in names:
            cand.default_actor1 = "{cc}-military"  # "Captain Traoré removed Damiba": a coup is the army's
        rule = rule or self._classify(_main_movement(names, cues), cand)
        if rule is None:
            return None
        cand.rule = rule
        cand.trigger = _trigger(cues, rule)
        cand.tactics = self._tactics(cues, names)
        if rule["event_type"] == "Strategic developments" or political:
            cand.plover = self._plover(cues)
        return cand

    def _participants(self, doc: Doc, mentions: list[Mention], political: bool) -> list[Participant]:
        res = self.resources
        out: list[Participant] = []
        for m in mentions:
            if m.kind == "actor":
                if _PARENT_AFTER.match(doc.folded[m.end : m.end + 16]):
                    continue  # "al-Qaeda-linked JNIM": the parent only qualifies the group that acted
                actor = res.actor(str(m.value))
                if not political and getattr(actor, "kind", None) == "state":
                    continue  # "Burkina Faso:" names the country, not a party to the fighting
                role = self._actor_role(actor)
                out.append(Participant(m, str(m.value), _name(actor, str(m.value)), _inter(actor), role))
            elif m.kind == "term":
                role, template, inter, fixed_cc = m.value
                cc = (
                    (fixed_cc if fixed_cc != BESIDE else None)
                    or _adjacent_country(mentions, m)
                    or doc.country
                )
                actor_id = res.generic(m.text.lower(), template, cc, doc.published)
                actor = res.actor(actor_id) if actor_id else None
                out.append(Participant(m, actor_id, _name(actor, actor_id), _inter(actor) or inter, role))
        out = _unit_of(doc, _named_over_generic(out))
        if political and not any(p.role == "state" for p in out):
            out.extend(self._countries_as_states(doc, mentions))
        if political:
            # "Mali's junta", "Niger's military rulers": the named institution, not the country, acts
            bodies = [p for p in out if p.mention.kind == "term" and p.role == "state"]
            out = [p for p in out if not _country_beside_body(p, bodies)]
        # the reporting party ("..., a annoncé l'armée") is not a party to the event; it is remembered as
        # the claimant of any "neutralised" figure
        sources = [p for p in out if _is_source(doc, p.mention)]
        self._last_sources = sources
        if not political:  # in a statement the announcer is the actor ("the junta announced...")
            out = [p for p in out if p not in sources]
        return out

    def _countries_as_states(self, doc: Doc, mentions: list[Mention]) -> list[Participant]:
        """In diplomacy a country name stands for its state ("Algeria recalled its ambassador"); a
        headline's "Haïti :" only says where the news is from."""
        out: list[Participant] = []
        for m in mentions:
            if m.kind == "country" and not HEADLINE_LABEL.match(doc.text, m.end):
                actor_id = f"{str(m.value).lower()}-state"
                actor = self.resources.actor(actor_id)
                # a state outside the region pack ("Kenya recalled its ambassador") still acts as a state
                name, inter = (_name(actor, actor_id), _inter(actor)) if actor is not None else (m.text, 1)
                out.append(Participant(m, actor_id, name, inter, "state"))
        return out

    def _group(self, victim: str) -> str:
        """The victim group a figure counts, named actors by their role ("trois soldats" and "trois
        militaires burkinabè" in the next sentence are one group, counted once)."""
        if victim.startswith("actor:"):
            return self._actor_role(self.resources.actor(victim[6:]))
        return victim

    def _actor_role(self, actor: Any) -> str:
        if actor is None:
            return "armed"
        role = self.kind_roles.get(str(getattr(actor, "kind", "")))
        return role or self.inter_roles.get(int(getattr(actor, "inter", 2) or 2), "armed")

    def _counts(
        self, doc: Doc, mentions: list[Mention], cues: list[Mention]
    ) -> dict[str, list[tuple[int, str, Mention]]]:
        numbers = [
            m
            for m in mentions
            if m.kind in ("number", "vague") and not _unit_follows(doc, m, self.resources.non_person_units)
        ]
        # "one" counts when a person or the casualty word follows: "one villager", "One dead in attack"
        cas_starts = {
            c.start
            for c in cues
            if str(c.value) in _CASUALTY and _COUNTED_WORD.fullmatch(doc.folded[c.start : c.end])
        }
        numbers = [
            n
            for n in numbers
            if n.rule != "number:words-weak"
            or _person_follows(doc, n, mentions)
            or any(n.end < s <= n.end + 2 for s in cas_starts)
        ]
        dates = [(m.start, m.end) for m in mentions if m.kind == "date"]
        numbers = [n for n in numbers if not any(s <= n.start < e for s, e in dates)]
        numbers = _without_echoes(doc, numbers)
        # "53 morts, dont 49 gendarmes": a part of a figure already counted
        numbers = [
            n for n in numbers if not _SUBSET_BEFORE.search(doc.folded[max(0, n.start - 20) : n.start])
        ]
        # "Burkina: five dead": a country name next to a figure does not say who died
        persons = [m for m in mentions if m.kind == "term" or (m.kind == "actor" and not self._is_state(m))]
        counts: dict[str, list[tuple[int, str, Mention]]] = {}
        used: set[int] = set()
        cas = [c for c in cues if str(c.value) in _CASUALTY]
        for cue in cas:
            before = [
                n
                for n in numbers
                if n.end <= cue.start
                and cue.start - n.end <= (140 if _subject_figure(doc, n, cue) else 70)
                and (n.rule != "number:words-weak" or _weak_counts(doc.folded[n.end : cue.start]))
                and n.start not in used
                and not any(n.end <= o.start < cue.start for o in cas if o is not cue)
            ]
            after = [
                n
                for n in numbers
                if n.start >= cue.end
                and n.start - cue.end <= 35
                and not (n.rule == "number:words-weak" and _is_toll(doc, cue))
                and n.start not in used
                and not any(cue.end <= o.start < n.start for o in cas if o is not cue)
            ]
            picked = _pick(doc, before, after, cue, persons)
            if picked and picked[0].start >= cue.end:
                # "killed eight people in Sagho and seven in Toékodogo": figures chained after the verb
                for n in numbers:
                    if (
                        n.start > picked[-1].end
                        and n.start not in used
                        and _coordinated(doc, picked[-1], n)
                        and not any(picked[-1].end <= o.start < n.start for o in cas)
                    ):
                        picked.append(n)
            kind = _CASUALTY[str(cue.value)]
            if not picked and kind == "killed":
                listed = [n for n in listed_victims(doc, cue) if n.start not in used]
                for n in listed:  # "le chef du village, l'imam et un VDP ont été tués": one each, together
                    used.add(n.start)
                    counts.setdefault(kind, []).append((1, "listed", n))
                one = None if listed else one_victim(doc, cue)
                if one is not None and one.start not in used:
                    used.add(one.start)
                    counts.setdefault(kind, []).append((1, self._group(_role_at(one, persons)), one))
            first_role = None
            for n in picked:
                used.add(n.start)
                victim = self._group(_victim_role(n, persons, cas))
                if victim == "any" and first_role is not None and n.start > cue.end:
                    victim = first_role  # "eight people in Sagho and seven in Toékodogo": seven people
                first_role = first_role or victim
                counts.setdefault(kind, []).append((int(n.value), victim, n))
                extra = one_before(doc, cue, n) if kind == "killed" and n.start >= cue.end else None
                if extra is not None:  # "the imam and three others": one more in the same group
                    counts[kind].append((1, victim, extra))
        _mark_updates(doc, numbers, used, counts)
        if not counts.get("killed") and any(m.kind == "nocas" for m in mentions):
            zero = next(m for m in mentions if m.kind == "nocas")
            counts["killed"] = [(0, "any", zero)]
        return counts

    def _roles(self, doc: Doc, cand: Candidate, parts: list[Participant], names: set[str]) -> None:
        sent = doc.sentences[cand.sentence]
        # "the army repelled an attack", "soldiers were ambushed", "51 soldiers killed": the state was the
        # target even when it then "neutralised" attackers
        repelled = bool(names & {"clash", "attack", "ambush"}) and bool(
            _REPEL.search(doc.folded[sent.start : sent.end])
        )
        state_hit = repelled or "ambush" in names or any(p.role == "state" and p.numbered for p in parts)
        active = names & (_ACTIVE_STATE_CUES - ({"neutralise"} if state_hit else set()))
        state_act = bool(active - {"arrest", "intervention"})
        if not parts:
            if names & self.violent:
                cand.default_actor1 = "{cc}-military" if state_act else "unidentified-armed-group"
            return
        agent = next((p for p in parts if _agent_by(doc, p, cand.cues)), None)
        by_agent = agent is not None  # "abattus lundi par des militaires": the report says who did it
        agent = agent or next((p for p in parts if _accused(doc, p)), None)
        cand.agent_told = agent is not None
        pair = _opposed(doc, parts) if agent is None else None
        opposed = pair[0] if pair else None
        if opposed is not None:
            # "fighting between the army and armed men", "des affrontements ont opposé l'armée à des
            # hommes armés": the report names the sides in order; the first is actor1
            agent, cand.agent_told = opposed, True
        if agent is None:
            first = parts[0]
            next_cue = next((c for c in cand.cues if c.start >= first.mention.end), None)
            gap = doc.folded[first.mention.end : next_cue.start] if next_cue else ""
            obj = _OBJECT_BEFORE.search(doc.folded[max(0, first.mention.start - 30) : first.mention.start])
            if (
                next_cue is not None
                and not first.numbered
                and first.role != "civilian"
                and not _among_dead(doc, first)
                and not _PASSIVE.search(gap)
                # "le camp militaire visé par des kamikazes"; but "les forces maliennes, appuyées par"
                and not (_PARTICIPLE_BY.search(gap) and not _SUPPORT_BY.search(gap))
                and not (str(next_cue.value) in self.violent and _bare_participle(doc, next_cue))
                and not _is_toll(doc, next_cue)  # "Police death toll": the police are counted
                and not _LATER_ACT.search(gap)  # "le gouvernement a décrété un deuil après l'embuscade"
                and not obj
            ):
                agent = first
            elif next_cue is not None and names & self.violent and _LATER_ACT.search(gap):
                parts = parts[1:]  # the party acted after the event (mourning decreed): no party to it
                if not parts:
                    cand.default_actor1 = "unidentified-armed-group"
                    return
        if agent is None and names & self.violent and not names & {"protest", "riot", "mob"}:
            # "residents said soldiers executed 20 men": the party right before the violent verb did it
            agent = next((p for p in parts[1:] if _right_before_act(doc, p, cand.cues, self.violent)), None)
        if (
            agent is None
            and not names & self.violent
            and _subject(doc, sent.start, parts[0])
            and not passive_after(doc, parts[0], cand.cues)
        ):
            # "Les derniers soldats de la force Barkhane ont quitté le Mali"; but "49 militaires ivoiriens
            # ont été arrêtés" were the ones arrested
            agent = parts[0]
        if agent is not None and agent.role == "state" and repelled and agent is not opposed:
            agent = None
        if agent is None and active:
            agent = next(
                (
                    p
                    for p in parts
                    if p.role == "state" and not p.numbered and not passive_after(doc, p, cand.cues)
                ),
                None,
            )
        counted = {p.actor_id for p in parts if p.numbered}
        for role in ("armed", "militia"):  # gunmen before a self-defence group that may be the target
            if agent is None:
                # "a terrorist cell ... six jihadists were killed": the same kind as the dead is no agent
                agent = next(
                    (
                        p
                        for p in parts
                        if p.role == role
                        and not p.numbered
                        and not (p.mention.kind == "term" and p.actor_id in counted)
                        and not _among_dead(doc, p)  # "dix morts, dont sept VDP"
                        and not _in_target(doc, p, cand.cues)  # "contre un convoi mixte de civils et de VDP"
                        and not passive_after(doc, p, cand.cues)  # "soldiers and VDP were ambushed"
                    ),
                    None,
                )
        if agent is None and names & {"protest", "riot", "mob"}:
            agent = next((p for p in parts if p.role in ("protester", "rioter")), None)
        if (
            agent is not None
            and agent.role == "state"
            and len(parts) == 1
            and not active
            and not by_agent
            and not _acts_on_object(doc, agent, cand.cues)
        ):
            agent = None  # "soldiers killed in an attack": the lone state party is the target
        side = _SIDE.get(agent.role) if agent else None
        others = [
            p for p in parts if p is not agent and (_SIDE.get(p.role) != side or (pair and p is pair[1]))
        ]
        if not names & self.violent and agent is not None and agent.role == "state":
            # diplomacy: another country's state is the counterpart ("Mali expelled France's ambassador")
            home = (agent.actor_id or "")[:3]
            others = [p for p in parts if p.role == "state" and (p.actor_id or "")[:3] != home]
            others = others or [
                p
                for p in self._countries_as_states(doc, doc.of_kind("country", cand.sentence))
                if (p.actor_id or "")[:3] != home
            ]
        # the counted dead are the target ("Fourteen civilians were killed when gunmen attacked...")
        home = f"{doc.country.lower()}-" if doc.country else "-"
        victims = sorted(
            others,
            key=lambda p: (
                not (pair is not None and p is pair[1]),  # the other side the report sets against actor1
                # "dix morts, dont sept VDP", "six personnes tuées dans une attaque contre un poste des forces
                # de sécurité": the party named among the dead or as the attack's object, not "people"
                _generic_people(doc, p) and any(_named_victim(doc, q, cand.counts) for q in others),
                # "l'armée a repoussé une attaque : dix assaillants tués": dead attackers are not the target
                not (repelled and p.role == "state"),
                not p.killed,
                not p.numbered,
                {"gov": 0, "civ": 1, "armed": 2}.get(_SIDE.get(p.role, ""), 3),
                not (p.actor_id or "").startswith(home),  # the country's own forces before foreign ones
            ),
        )
        cand.actor1 = agent
        cand.actor2 = victims[0] if victims else None
        if cand.actor2 is not None:
            cand.assoc2 = [
                p
                for p in others
                if p is not cand.actor2
                and _SIDE.get(p.role) == _SIDE.get(cand.actor2.role)
                and p.actor_id != cand.actor2.actor_id
            ]
        if agent is not None:
            cand.assoc1 = [
                p
                for p in parts
                if p is not agent and _SIDE.get(p.role) == side and p.actor_id != agent.actor_id
            ]
        elif names & self.violent:
            armed_victim = cand.actor2 is not None and _SIDE.get(cand.actor2.role) == "armed"
            # militants counted dead with no one else named: reports of that are the forces' own claims
            army_claim = (
                armed_victim
                and cand.actor2 is not None
                and not state_hit
                and _counted_militants(doc, cand.actor2, cand)
                and not self._named_armed(doc)
            )
            cand.default_actor1 = (
                "{cc}-military"
                if (state_act and armed_victim) or (cand.actor2 is None and state_act) or army_claim
                else "unidentified-armed-group"
            )

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

    def _classify(self, names: set[str], cand: Candidate) -> dict[str, Any] | None:
        target = _target_class(cand.actor2)
        initiator = "state" if cand.actor1 is not None and cand.actor1.role == "state" else "nonstate"
        for rule, any_of, all_of, none_of, groups in self._rule_sets:
            if any_of is not None and not names & any_of:
                continue
            if not all_of <= names or names & none_of:
                continue
            if any(not names & group for group in groups):
                continue
            if (
                "target" in rule
                and target not in rule["target"]
                and not (target == "any" and "any" in rule["target"])
            ):
                continue
            if "initiator" in rule and initiator not in rule["initiator"]:
                continue
            return rule
        return None

    def _tactics(self, cues: list[Mention], names: set[str]) -> list[tuple[str, Mention]]:
        out: list[tuple[str, Mention]] = []
        for rule in self.tactic_rules:
            if (
                rule["cue"] in names
                and not names & set(rule.get("unless", []))
                and set(rule.get("with", [])) <= names
            ):
                cue = next(c for c in cues if c.value == rule["cue"])
                out.append((str(rule["tactic"]), cue))
        return out

    def _plover(self, cues: list[Mention]) -> tuple[str, Mention] | None:
        for rule in self.plover_rules:
            cue = next((c for c in cues if c.value == rule["cue"]), None)
            if cue is not None:
                return str(rule["type"]), cue
        return None


_REPORTED_ACT = re.compile(
    r"\b(?:accused|accusations?|allegations?|alleged(?:ly)?|suspected|accuses?|accusee?s?|soupconnee?s?|"
    r"documents?|reports?)\b(?:\s+\w+){0,3}\s*$"
)
_PARTICIPLE_BY = re.compile(
    r"^\s*\w+(?:e|es|ee|ees|ed)\s+(?:par|by)(?:\s+(?:des|les|le|la|l|the|a|an|un|une))?\s*$"
)
_SUPPORT_BY = re.compile(
    r"\b(?:backed|supported|assisted|accompanied|helped|aided|appuye\w*|soutenu\w*|accompagne\w*|aide\w*|"
    r"epaule\w*|abandonne\w*|abandoned|escorted|escorte\w*|protected|protege\w*|guarded|garde\w*|"
    # "attribuée par les autorités à l'EIGS": the authorities blame, the group acted
    r"attribu\w*|imput\w*|blamed|claimed|revendiqu\w*|reported|rapporte\w*|signale\w*|"
    # "l'attaque la plus meurtrière jamais subie par l'armée": the one that suffered it
    r"subie?s?|suffered|sustained|endured)\s+(?:by|par)\b"
)


def _right_before_act(doc: Doc, p: Participant, cues: list[Mention], violent: frozenset[str]) -> bool:
    """ "soldiers executed", "des hommes armés ont tué": an uncounted party, not civilians, followed at
    most by an auxiliary or an adverb and then a violent verb in the active voice."""
    if p.numbered or p.role == "civilian" or _among_dead(doc, p):
        return False
    cue = next((c for c in cues if c.start >= p.mention.end), None)
    if cue is None or str(cue.value) not in violent or _bare_participle(doc, cue):
        return False
    return bool(_ACTIVE_GAP.fullmatch(doc.folded[p.mention.end : cue.start]))


_ACTIVE_GAP = re.compile(
    r"\s*(?:(?:have|has|had|reportedly|allegedly|ont|a|avaient|auraient|auraient)\s+){0,2}"
)


def _agent_by(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """ "killed on Monday by suspected jihadists": the party after "by" is the agent when the "by" belongs
    to the event's verb, not to "backed by" or "abandoned by"."""
    before = doc.folded[max(0, p.mention.start - 40) : p.mention.start]
    if _FIRE_FROM.search(before):
        return True  # "des tirs de sommation du détachement militaire", "gunfire from soldiers"
    if not _AGENT_BEFORE.search(before) or _SUPPORT_BY.search(before):
        return False
    if _PASSIVE.search(doc.folded[max(0, p.mention.start - 60) : p.mention.start]):
        return True  # "was blocked for several days in Kaya by protesters"
    return any(c.end <= p.mention.start and p.mention.start - c.end <= 45 for c in cues)


_FIRE_FROM = re.compile(
    r"\b(?:tirs?|coups de feu|rafales?)\s+(?:\w+\s+){0,2}(?:du|des|de la|de l)\s+$|"
    r"\b(?:fire|gunfire|shots|shooting)\s+(?:from|by)\s+(?:the\s+)?$|"
    # "lors d'une opération des forces françaises", "in a raid by Barkhane": the operation's force acts
    r"\b(?:operations?|raids?|offensives?|assauts?|assaults?)\s+(?:militaires?\s+|military\s+)?"
    r"(?:des|de la|de l|du|by|of)\s+(?:the\s+)?$"
)
_FR_PARTICIPLE = re.compile(r"(?:é|és|ée|ées|u|us|ue|ues)$")
_FR_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|ayant|avoir|as|ai|avons|avez)\s+(?:\w+\s+)?$"
)


def _bare_participle(doc: Doc, cue: Mention) -> bool:
    """ "un militaire et 7 jihadistes tués": a French past participle with no auxiliary is passive, so the
    party before it is the one it happened to."""
    surface = doc.text[cue.start : cue.end].lower()
    # on the accented text: "exécutés" is a participle, the English "Execute" is not
    if cue.lang != "fr" or " " in surface or not _FR_PARTICIPLE.search(surface):
        return False
    return not _FR_AUXILIARY.search(doc.folded[max(0, cue.start - 30) : cue.start])


_MOVEMENTS = ("base", "transfer", "plover_retreat")


def _main_movement(names: set[str], cues: list[Mention]) -> set[str]:
    """ "Russian instructors settled in the former base, handed over in December" / "the withdrawal of
    the 1,500 troops deployed in Niger": of a deployment, a handover and a withdrawal told together, the
    first one is what happened; the later one describes the base or the troops."""
    told = [c for c in cues if c.value in _MOVEMENTS]
    if len({c.value for c in told}) < 2:
        return names
    first = min(told, key=lambda c: c.start).value
    return {n for n in names if n not in _MOVEMENTS or n == first}


def _acts_on_object(doc: Doc, agent: Participant, cues: list[Mention]) -> bool:
    """ "Barkhane troops killed them" (an object follows) against "soldiers killed in an attack"."""
    cue = next((c for c in cues if c.start >= agent.mention.end), None)
    if cue is None or _PASSIVE.search(doc.folded[agent.mention.end : cue.start]):
        return False
    return not _PREP_AFTER.match(doc.folded[cue.end : cue.end + 12]) and cue.end < len(doc.folded) - 2


_SUBSET_BEFORE = re.compile(
    r"\b(?:dont|including|among them|of whom|of them|parmi eux|parmi lesquels|parmi lesquelles|notamment)\s+"
    r"(?:(?:at least|au moins|about|environ)\s+)?$"
)
_ATTACKER_WORDS = ("assail", "attack", "agress", "raider")


def _counted_militants(doc: Doc, p: Participant, cand: Candidate) -> bool:
    """ "32 terrorists killed", "neutralised 10 jihadists": a figure right before militants who are not
    described as the attackers."""
    if p.mention.kind != "term" or doc.folded[p.mention.start : p.mention.end].startswith(_ATTACKER_WORDS):
        return False
    figures = [m for lst in cand.counts.values() for _, _, m in lst]
    return any(0 <= p.mention.start - m.end <= 12 for m in figures)


def _named_over_generic(parts: list[Participant]) -> list[Participant]:
    """ "un groupe d'autodéfense koglweogo", "Koglweogo self-defence group": the name, at the noun's place."""
    named = [p for p in parts if p.mention.kind == "actor"]
    out: list[Participant] = []
    taken: set[int] = set()
    for p in parts:
        if p.mention.kind == "term" and p.role in ("militia", "armed"):
            twin = next(
                (q for q in named if q.role == p.role and _adjacent(p.mention, q.mention)),
                None,
            )
            if twin is not None:
                if id(twin) not in taken:
                    taken.add(id(twin))
                    out.append(twin)
                continue
        elif id(p) in taken:
            continue
        else:
            taken.add(id(p))
        out.append(p)
    return out


_COORDINATED = re.compile(r"^\s*\w+(?:\s+\w+)?\s+(?:and|et)\s")


_OF_UNIT = re.compile(r"\s+(?:of|de|du|des)\s+(?:(?:the|la|l)\s+)?(?:operation|force|mission)?\s*")


def _subject(doc: Doc, sentence_start: int, p: Participant) -> bool:
    """The party opens the sentence: a few words at most before it, no clause break."""
    lead = doc.clean[sentence_start : p.mention.start]
    return len(lead.split()) <= 8 and not any(ch in lead for ch in ',;:«"')


def _unit_of(doc: Doc, parts: list[Participant]) -> list[Participant]:
    """ "French soldiers of Operation Barkhane", "les soldats de la force Barkhane": the named force, not
    the soldiers' country."""
    named = [
        q
        for q in parts
        if q.mention.kind == "actor"
        and q.role == "state"
        and not (q.actor_id or "").endswith(("-state", "-government"))
    ]
    if not named:
        return parts
    out = []
    for p in parts:
        unit = next(
            (
                q
                for q in named
                if q is not p
                and p.role == "state"
                and 0 < q.mention.start - p.mention.end <= 20
                and _OF_UNIT.fullmatch(doc.folded, p.mention.end, q.mention.start)
            ),
            None,
        )
        if unit is None:
            out.append(p)
    return out


def _weak_counts(gap: str) -> bool:
    """ "a soldier was killed", "one villager killed", "un militaire et 7 jihadistes tués": "a" counts the
    dead; in "members of a group killed a man" it only introduces the killers."""
    return len(gap) <= 15 or bool(_PASSIVE.search(gap) or _COORDINATED.match(gap))


def _adjacent(a: Mention, b: Mention) -> bool:
    return 0 <= b.start - a.end <= 3 or 0 <= a.start - b.end <= 3


def _country_beside_body(p: Participant, bodies: list[Participant]) -> bool:
    """ "Mali's junta", "the junta in Bamako... Mali": the country named beside its own government (not
    "Le Mali a annoncé son retrait..., a indiqué le gouvernement" far along the sentence)."""
    actor_id = p.actor_id or ""
    return actor_id.endswith("-state") and any(
        (b.actor_id or "")[:3] == actor_id[:3]
        and min(abs(b.mention.start - p.mention.end), abs(p.mention.start - b.mention.end)) <= 30
        for b in bodies
    )


def _has_state(parts: list[Participant]) -> bool:
    return sum(1 for p in parts if p.role == "state") >= 1


def _target_class(p: Participant | None) -> str:
    if p is None:
        return "any"
    if p.role in ("civilian", "protester"):
        return "civilian"
    return "state" if p.role in ("state", "vdp") else "armed"


def _trigger(cues: list[Mention], rule: dict[str, Any]) -> Mention:
    wanted = set(rule.get("any", [])) | set(rule.get("all", []))
    return next((c for c in cues if c.value in wanted), cues[0])


def _name(actor: Any, fallback: str | None) -> str | None:
    return str(actor.name) if actor is not None else fallback


def _inter(actor: Any) -> int | None:
    value = getattr(actor, "inter", None)
    return int(value) if value is not None else None


def _dedupe(parts: list[Participant]) -> list[Participant]:
    """One participant per actor, its counted mention if any ("a terrorist cell ... six jihadists were
    killed"), else its first."""
    first: dict[str, Participant] = {}
    for p in parts:
        key = p.actor_id or p.mention.text.lower()
        if key not in first:
            first[key] = p
        elif p.numbered and not first[key].numbered:
            first[key] = p  # the counted mention speaks for the actor, in the first one's place
    return list(first.values())


def _adjacent_country(mentions: list[Mention], m: Mention) -> str | None:
    for c in mentions:
        if c.kind == "country" and (0 <= c.start - m.end <= 2 or 0 <= m.start - c.end <= 2):
            return str(c.value)
    return None


def _unit_follows(doc: Doc, n: Mention, units: frozenset[str]) -> bool:
    nxt = doc.folded[n.end : n.end + 20].split()
    return bool(nxt) and nxt[0] in units


def _person_follows(doc: Doc, n: Mention, mentions: list[Mention]) -> bool:
    return any(m.kind in ("term", "actor") and 0 <= m.start - n.end <= 2 for m in mentions)


def _mark_updates(
    doc: Doc, numbers: list[Mention], used: set[int], counts: dict[str, list[tuple[int, str, Mention]]]
) -> None:
    """ "The death toll has risen to 15", "nouveau bilan : 15 morts": an updated toll is the count of the
    event, whatever earlier figures said (the victim group "update")."""
    killed = counts.setdefault("killed", [])
    for n in numbers:
        lo = max(0, n.start - 140)
        stops = [m.end() for m in _SENTENCE_STOP.finditer(doc.text, lo, n.start)]
        if not _TOLL_UPDATE.search(doc.folded[stops[-1] if stops else lo : n.start]):
            continue
        picked = [i for i, (_, _, m) in enumerate(killed) if m is n]
        if picked:
            for i in picked:
                killed[i] = (killed[i][0], "update", n)
        elif n.start not in used and n.kind == "number":
            used.add(n.start)
            killed.append((int(n.value), "update", n))
    if not killed:
        del counts["killed"]


def _opposed(doc: Doc, parts: list[Participant]) -> tuple[Participant, Participant] | None:
    """The two sides a sentence sets against each other, in its order ("between X and Y", "entre X et Y",
    "opposé X à Y"): on opposite sides, or two different named groups ("between JNIM and IS Sahel")."""
    for i, p in enumerate(parts[:-1]):
        lead = _OPPOSED_BEFORE.search(doc.folded[max(0, p.mention.start - 40) : p.mention.start])
        if lead is None:
            continue
        for q in parts[i + 1 :]:
            link = doc.folded[p.mention.end : q.mention.start]
            joiner = _OPPOSED_AND if lead.group(1) else _OPPOSED_TO
            rivals = _SIDE.get(q.role) != _SIDE.get(p.role) or (
                p.mention.kind == q.mention.kind == "actor" and p.actor_id != q.actor_id
            )
            if len(link) <= 40 and joiner.match(link) and rivals:
                return p, q
    return None


_OPPOSED_BEFORE = re.compile(
    # "between Burkinabe forces and", "entre une unité de l'armée et": a few words may qualify the first side
    r"(?:\b(between|entre)\s+|\boppos\w*\s+(?:\w+\s+)?)(?:(?:the|les|des|d|de|du|la|le|l|unites|elements)\s+)*"
    r"(?:\w+\s+){0,4}$"
)
_OPPOSED_AND = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:and|et)\s+")
_OPPOSED_TO = re.compile(r"^(?:\s+\w+){0,3}?\s+(?:a|aux|au|with|avec)\s+")


def _generic_people(doc: Doc, p: Participant) -> bool:
    return doc.folded[p.mention.start : p.mention.end] in _PEOPLE


_PEOPLE = frozenset({"people", "persons", "personnes", "individus", "individuals"})


def _accused(doc: Doc, p: Participant) -> bool:
    """ "accuse l'armée d'avoir abattu des civils", "accuse security forces of killing", "l'armée accusée
    d'avoir abattu": the accused party is the one said to have done it."""
    before = doc.folded[max(0, p.mention.start - 25) : p.mention.start]
    after = doc.folded[p.mention.end : p.mention.end + 30]
    return bool((_ACCUSE_BEFORE.search(before) and _OF_DOING.match(after)) or _ACCUSED_AFTER.match(after))


_ACCUSE_BEFORE = re.compile(
    r"\b(?:accuse|accuses|accused|accusent|accusant|blame|blamed|blames|mettent en cause|met en cause|"
    r"mis en cause|pointent du doigt)\s+(?:(?:the|l|la|le|les|des|du|elements|members|membres|of|de|d)\s+)*$"
)
# "accuse X of killing", "accuse X d'avoir tué", "mettent en cause des VDP, qui auraient ouvert le feu"
_OF_DOING = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:of|d avoir|de|d)\s|^\s*(?:\w+\s+){0,3}?qui\s+(?:auraient|aurait|ont|a|avaient)\b"
)
_ACCUSED_AFTER = re.compile(
    r"^\s+(?:est\s+|sont\s+|was\s+|were\s+|is\s+|are\s+)?accuse\w*\s+(?:d avoir|of)\b"
)


def _in_target(doc: Doc, p: Participant, cues: list[Mention]) -> bool:
    """The party is named inside the attack's object ("l'attaque contre un convoi mixte de civils, de
    militaires et de VDP"): after "contre"/"against", with no act told in between."""
    lo = max(0, p.mention.start - 70)
    ends = [m.end() for m in _AGAINST.finditer(doc.folded, lo, p.mention.start)]
    if not ends:
        return False
    return not any(ends[-1] <= c.start < p.mention.start for c in cues)


_AGAINST = re.compile(r"\b(?:contre|against|visant|targeting)\b")
# a party followed by another act before the event's cue: "Le gouvernement a décrété un deuil national
# de 48 heures après l'embuscade"
_LATER_ACT = re.compile(
    r"\b(?:a|ont|avait|avaient|has|have|had|decided|declared|decreed|announced|extended|ordered)\b[^.]*"
    r"\b(?:apres|after|following|suite a|a la suite de|au lendemain de)\b"
)


def _among_dead(doc: Doc, p: Participant) -> bool:
    return bool(_AMONG_DEAD.search(doc.folded[max(0, p.mention.start - 40) : p.mention.start]))


def _named_victim(doc: Doc, p: Participant, counts: dict[str, list[tuple[int, str, Mention]]]) -> bool:
    """The party most of the dead belong to ("dont sept VDP" of ten, "en majorité des VDP"; not "dont un
    VDP" of fourteen), or the one object of the attack ("attaque contre un poste des forces de sécurité";
    not "targeted the VDP post, homes and the market")."""
    if _generic_people(doc, p):
        return False
    before = doc.folded[max(0, p.mention.start - 40) : p.mention.start]
    among = _AMONG_DEAD.search(before)
    if among is not None:
        if among.group(1) in ("en majorite", "mostly", "majoritairement"):
            return True
        total = max((n for n, _, _ in counts.get("killed", [])), default=0)
        at = p.mention.start - len(before) + among.start()
        part = next((n for n, _, m in counts.get("killed", []) if m.start >= at), None)
        if part is None:  # the part figure is not counted ("dont sept VDP"): read it here
            digits = re.search(r"\d+", before[among.start() :])
            part = int(digits.group(0)) if digits else None
        return part is not None and total > 0 and 2 * part >= total
    listed = _LIST_AFTER.match(doc.folded, p.mention.end)
    # a bare "convoy" may be a civilian one: only an armed party named as such is the attack's object
    vague = doc.folded[p.mention.start : p.mention.end] in ("convoy", "convoi", "convois", "convoys")
    return bool(_OBJECT_BEFORE.search(before)) and not listed and not vague


_AMONG_DEAD = re.compile(
    r"\b(dont|including|among them|of whom|parmi eux|parmi lesquels|parmi lesquelles|en majorite|"
    r"mostly|majoritairement)\s+(?:\w+\s+){0,2}$"
)
_LIST_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}(?:and|et)\s|\s*[,;]?\s+(?:homes|houses|habitations|maisons)\b")


def _without_echoes(doc: Doc, numbers: list[Mention]) -> list[Mention]:
    """ "trois (03) soldats et deux (02) VDP": the figure repeated in digits in brackets is one figure."""
    out: list[Mention] = []
    for n in numbers:
        prev = out[-1] if out else None
        echo = (
            prev is not None
            and prev.value == n.value
            and _ECHO_GAP.fullmatch(doc.text, prev.end, n.start) is not None
        )
        if not echo:
            out.append(n)
    return out


_ECHO_GAP = re.compile(r"\s*\(\s*")


def _subject_figure(doc: Doc, n: Mention, cue: Mention) -> bool:
    """ "Soixante-neuf membres d'un groupe d'autodéfense, dont le maire, ont été tués": a figure opening the
    sentence is the subject of a passive casualty verb, however long the phrase before it (not of an
    active one: "Dozens of gunmen attacked the village, killing about 30")."""
    sent = doc.sentences[n.sentence] if 0 <= n.sentence < len(doc.sentences) else None
    if sent is None or doc.folded[sent.start : n.start].strip():
        return False
    return bool(_PASSIVE.search(doc.folded[max(n.end, cue.start - 12) : cue.start]))


def _is_toll(doc: Doc, cue: Mention) -> bool:
    return bool(_TOLL_WORD.fullmatch(doc.folded[cue.start : cue.end]))


_SENTENCE_STOP = re.compile(r"[.!?;]\s")
_TOLL_WORD = re.compile(r"(?:death\s+)?toll|bilan")
_TOLL_UPDATE = re.compile(
    r"(?:\b(?:toll|bilan)\b(?:\s+\S+){0,14}?\s+(?:(?:has|have|had)\s+)?"
    r"(?:risen|rose|rises|climbed|climbs|increased|jumped|reached|passe|alourdi|grimpe|atteint)"
    r"|\b(?:new|latest|updated|revised)\s+(?:death\s+)?toll|\b(?:nouveau|dernier)\s+bilan)"
    r"(?:\s+(?:to|of|at|a|de|desormais|now|au moins|at least|est|is|fait etat|stands))*\s*$"
)


def _pick(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Mention, persons: list[Mention]
) -> list[Mention]:
    strong = [n for n in before if n.rule != "number:words-weak"]
    # "Un mort et deux blessés", "One dead": the word right before the casualty word is its figure
    if not strong and before and cue.start - before[-1].end <= 2:
        return before[-1:]
    if not strong and after:
        return after[:1]  # "members of a group killed a man": the one after the verb is the victim
    if not before:
        return after[:1]
    # "six members of a group were killed": six, not "a"; but "un militaire et 7 jihadistes tués" and
    # "four attackers and a gendarme killed" coordinate both figures
    last = (strong or before)[-1]
    picked = [last]
    for n in reversed([b for b in before if b.end <= last.start]):
        if not (_coordinated(doc, n, picked[0]) or _listed(doc, n, picked[0], persons)):
            break
        picked.insert(0, n)
    for n in [b for b in before if b.start >= last.end]:
        if not _coordinated(doc, picked[-1], n):
            break
        picked.append(n)
    return picked


def _coordinated(doc: Doc, first: Mention, second: Mention) -> bool:
    """ "un militaire et 7", "eight people in Sagho and seven": the second figure right after "and"/"et"
    (not "killed 12 terrorists and arrested 4 suspects")."""
    gap = doc.folded[first.end : second.start]
    return len(gap) < 40 and bool(_AND_BEFORE.search(gap))


def _listed(doc: Doc, first: Mention, second: Mention, persons: list[Mention]) -> bool:
    """ "17 Jihadists, Five Defense Volunteers Killed": a headline lists the groups of dead with commas
    (but "2 attacks, 5 killed" counts no one in the first figure)."""
    gap = doc.text[first.end : second.start]  # the folded text has no commas
    return bool(_LIST_GAP.match(gap)) and _person_follows(doc, first, persons)


_LIST_GAP = re.compile(r"^\s*[\w'-]+(?:\s+[\w'-]+){0,2}\s*,\s*$")

_AND_BEFORE = re.compile(
    r"\b(?:and|et)\s+"
    r"(?:(?:at least|au moins|about|some|more than|plus de|environ|nearly|quelque|des|les|the|de|d)\s+)*$"
)


def _role_at(n: Mention, mentions: list[Mention]) -> str:
    """The role of the party a singular noun names ("the pastor": a civilian)."""
    for m in mentions:
        if m.kind == "term" and m.start <= n.start < m.end:
            return str(m.value[0])
    return _victim_role(n, mentions)


def _victim_role(n: Mention, mentions: list[Mention], cues: list[Mention] | None = None) -> str:
    for m in mentions:
        if m.kind in ("term", "actor") and 0 <= m.start - n.end <= 25:
            if cues and any(n.end <= c.start < m.start for c in cues):
                break  # "15 killed in two 'terrorist' attacks": the noun after the verb is not the dead
            value = m.value
            return str(value[0]) if isinstance(value, tuple) else f"actor:{value}"
    return "any"


_PARENT_AFTER = re.compile(r"^\s?(?:linked|affiliated|affiliate|allied|backed|aligned)\b")
_SOURCE_AFTER = re.compile(
    r"^\s*(?:said|says|say|announced|reported|claimed|told|a annonce|annonce|affirme|indique|a indique|"
    r"a affirme|precise|rapporte)\b"
)
_ARTICLES_TO_END = r"\s+(?:(?:l|la|le|les|the|des|du)\s+)*$"
_SOURCE_PREPOSITION = re.compile(
    r"\b(?:selon|according to|d apres)"
    # "selon le porte-parole du gouvernement", "according to a spokesman for the army"
    r"(?:\s+(?:(?:l|la|le|les|the|des|du|un|une|a|an|de|d|of|for)\s+)*"
    r"(?:porte parole|spokesm[ae]n|spokesperson|spokeswoman|responsables?|officials?|sources?|communique|"
    r"statement|ministre|minister|ministere|ministry|gouverneur|governor|representant|representative|"
    r"officiers?|officers?|commandant|commander|chef|chief|membres?|members?)"
    r"(?:\s+(?:de|d|of|for))?)?" + _ARTICLES_TO_END
)
# "..., said the army" reports; "HRW said soldiers executed them" does not: the verb must follow a clause
_REPORTING_VERB = re.compile(r"\b(?:annonce|indique|precise|affirme|rapporte|said|says)" + _ARTICLES_TO_END)
_CLAUSE_END = re.compile(r"[,»\"”]\s*(?:a\s+|ont\s+)?$")


def _is_source(doc: Doc, m: Mention) -> bool:
    """ "..., the army said" / "selon l'armée": the party reporting, not a party to the event."""
    if _SOURCE_AFTER.match(doc.folded[m.end : m.end + 20]):
        # "..., lors d'une opération des forces françaises, a annoncé la ministre": after a comma the
        # verb's subject follows it (an inversion), so the party before the comma does not report
        return not doc.clean[m.end : m.end + 2].lstrip().startswith(",")
    before = doc.folded[max(0, m.start - 25) : m.start]
    if _SOURCE_PREPOSITION.search(doc.folded[max(0, m.start - 60) : m.start]):
        return True  # "selon l'armée", "according to the army"
    verb = _REPORTING_VERB.search(before)
    if verb is None:
        return False
    start = m.start - len(before) + verb.start()
    return bool(_CLAUSE_END.search(doc.clean[max(0, start - 6) : start]))
