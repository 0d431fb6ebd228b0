"""The classification rules of rules.yaml as one object: which ACLED type a candidate's cues and the roles of
its parties give (the first rule whose conditions hold), its tactics and its PLOVER type."""

from __future__ import annotations

from typing import Any

from harmattan.extraction.components.candidates import Candidate, Participant
from harmattan.extraction.doc import Mention
from harmattan.extraction.lexicon import fold_term, load_taxonomy


class RuleBook:
    """rules.yaml, read once: the rules in order with their cue sets, and the tactic and PLOVER tables."""

    def __init__(self) -> None:
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
                tuple(fold_term(w) for w in r["words"]) if "words" in r else None,  # folded once
            )
            for r in self.rules
        ]
        self.violent = frozenset(rules["violent_cues"])
        self.strong = frozenset(rules["strong_cues"])
        self.plover_rules: list[dict[str, str]] = rules["plover"]
        self.tactic_rules: list[dict[str, Any]] = rules["tactics"]
        self.companion_rules: list[dict[str, Any]] = rules.get("companions", [])

    def classify(
        self, names: set[str], cand: Candidate, sources: frozenset[str] = frozenset()
    ) -> dict[str, Any] | None:
        """The first rule whose conditions hold for the cue names, the parties' roles and the sentence's
        ``sources`` (who it says the news comes from: triggers.yaml ``sources``)."""
        target = target_class(cand.actor2)
        # "state", else "nonstate"; an armed party the report names is also "armed" (a ground assault)
        role = cand.actor1.role if cand.actor1 is not None else None
        initiators = (
            {"state"} if role == "state" else {"nonstate", "armed"} if role == "armed" else {"nonstate"}
        )
        if role in ("protester", "rioter"):
            initiators = initiators | {"crowd"}  # "protesters attacked the embassy"
        if role in (None, "civilian", "protester", "rioter"):
            initiators = initiators | {"unnamed"}  # "clashes between Agni and Dioula youths"
        for rule, any_of, all_of, none_of, groups, words in self._rule_sets:
            if any_of is not None and not names & any_of:
                continue
            if not all_of <= names or names & none_of:
                continue
            if any(not names & group for group in groups):
                continue
            if words is not None and not _cue_word(cand.cues, words):
                continue
            if (
                "target" in rule
                and target not in rule["target"]
                and not (target == "any" and "any" in rule["target"])
            ):
                continue
            if "initiator" in rule and not initiators & set(rule["initiator"]):
                continue
            if "source" in rule and rule["source"] not in sources:
                continue
            return rule
        return None

    def tactics(self, cues: list[Mention], names: set[str]) -> list[tuple[str, Mention]]:
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

    def plover(self, cues: list[Mention]) -> tuple[str, Mention] | None:
        for rule in self.plover_rules:
            cue = next((c for c in cues if c.value == rule["cue"]), None)
            if cue is not None:
                return str(rule["type"]), cue
        return None


def target_class(p: Participant | None) -> str:
    if p is None:
        return "any"
    if p.role in ("civilian", "protester"):
        return "civilian"
    return "state" if p.role in ("state", "vdp") else "armed"


def trigger(cues: list[Mention], rule: dict[str, Any]) -> Mention:
    wanted = set(rule.get("any", [])) | set(rule.get("all", []))
    return next((c for c in cues if c.value in wanted), cues[0])


def _cue_word(cues: list[Mention], folded: tuple[str, ...]) -> bool:
    """One of the cues' words starts with one of the folded prefixes."""
    return any(fold_term(c.text).startswith(folded) for c in cues)
