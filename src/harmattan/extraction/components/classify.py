"""The trained sub-event model in the pipeline: it finds the event a report's lead tells in words the
cue lists lack, and may re-type an event a rule typed.

The rules stay first: the model makes an event only where they found none, and re-types a rule's event
(any rule named in ``retype_rules``; by default all) only when it is sure of another type and gives the
rule's own type little chance.
"""

from __future__ import annotations

import functools
import re
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from harmattan.extraction.components.events import Candidate, EventDetector
from harmattan.extraction.doc import Doc, Mention
from harmattan.extraction.lexicon import load_taxonomy
from harmattan.extraction.models.subevent import NO_EVENT, SubEventModel
from harmattan.extraction.pipeline import Component, register

_WORD = re.compile(r"[a-z]+")
DEFAULT_MODEL = "subevent.json.gz"


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> SubEventModel:
    """The packaged model (a file name in ``harmattan.extraction.models``) or a model file path."""
    path = Path(name)
    if not path.is_file():
        packaged = importlib_resources.files("harmattan.extraction.models").joinpath(name)
        if not packaged.is_file():
            raise FileNotFoundError(
                f"sub-event model {name!r} not found; build it with `harmattan train subevent`"
            )
        path = Path(str(packaged))
    return SubEventModel.load(path)


@register
class SubEventClassifier(Component):
    name = "classify"
    requires = ("candidates",)
    provides = ("candidates",)
    defaults: ClassVar[dict[str, Any]] = {
        "model": DEFAULT_MODEL,
        # the least probability for an event the rules did not find (the lead sentences only)
        "detect": 0.3,
        "lead_sentences": 2,
        "never_detect": ["Other"],
        "detect_min_words": 5,
        # the model reads the report's first sentences only: the news is told there, and the rest of a
        # long report (background, reactions) is left to the rules at no cost
        "max_sentence": 12,
        # rules whose type the model may revise, and the least probability to do so
        "retype_rules": ["*"],
        "retype": 0.5,
        # ... and only when the model gives the rule's own type less than this
        "keep": 0.1,
        # rules whose event the model may drop when it is this sure that the sentence tells none
        "veto_rules": [],
        "veto": 0.9,
    }

    def __init__(self, resources: Any = None, **settings: Any) -> None:
        super().__init__(resources, **settings)
        self.model = load_model(str(self.settings["model"]))
        self.types = sub_event_types()
        self.cue_of: dict[str, str] = load_taxonomy("rules")["model_cues"]
        self.index = {label: i for i, label in enumerate(self.model.classes)}
        self.detector = EventDetector(resources)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = doc.user_data.get("candidates", [])
        retype, veto = _rule_set(self.settings["retype_rules"]), _rule_set(self.settings["veto_rules"])
        asked = [
            c
            for c in candidates
            # a second act told beside the main one (a companion): its rule, not the sentence, types it
            if not c.companion
            and c.sentence < int(self.settings["max_sentence"])
            and ({str(c.rule.get("name")), "*"} & (retype | veto))
        ]
        rows = self._probas(doc, sorted({c.sentence for c in asked}))
        asked_ids = {id(c) for c in asked}  # by identity: comparing dataclasses field by field is slow
        kept = []
        for cand in candidates:
            name = str(cand.rule.get("name"))
            if id(cand) in asked_ids:
                row = rows[cand.sentence]
                j = int(row.argmax())
                label, p = self.model.classes[j], float(row[j])
                vetoed = (
                    label == NO_EVENT and (name in veto or "*" in veto) and p >= float(self.settings["veto"])
                )
                # a political interaction (a PLOVER type) is the rules' to judge: the model learnt few
                if (
                    vetoed
                    and cand.plover is None
                    and not _counted(cand)
                    and not _lethal(cand)
                    and not _named_armed(cand)
                ):
                    continue  # "Aid agencies say funding covers a fraction of needs": no act told
                own_type = cand.rule["sub_event_type"]
                if (name in retype or "*" in retype) and label not in (NO_EVENT, own_type):
                    own = float(row[self.index[own_type]]) if own_type in self.index else 0.0
                    sure = p >= float(self.settings["retype"]) and own < float(self.settings["keep"])
                    if sure and not _contradicts(cand, self.types[label], label):
                        cand.rule = self._rule(label, p, cand.rule)
            kept.append(cand)
        candidates = doc.user_data["candidates"] = kept
        if not candidates and doc.sentences:
            found = self._detect(doc)
            if found is not None:
                doc.user_data["candidates"] = [found]
        return doc

    def _probas(self, doc: Doc, indexes: list[int]) -> dict[int, np.ndarray]:
        """The model's label probabilities for these sentences, asked in one batch (once per sentence,
        however many candidates it holds)."""
        if not indexes:
            return {}
        texts = [doc.folded[doc.sentences[i].start : doc.sentences[i].end] for i in indexes]
        return dict(zip(indexes, self.model.predict_proba(texts, folded=True), strict=True))

    def _detect(self, doc: Doc) -> Candidate | None:
        lead = doc.sentences[: int(self.settings["lead_sentences"])]
        proba = self.model.predict_proba([doc.folded[s.start : s.end] for s in lead], folded=True)
        none = self.model.classes.index(NO_EVENT)
        # the model's best guess for the sentence must be an event, and a likely one
        proba[proba.argmax(axis=1) == none] = 0.0
        proba[:, none] = 0.0
        # the residual type alone is no finding; nor is a label line ("Burkina Faso:", "#Mali")
        proba[:, [self.model.classes.index(lab) for lab in self.settings["never_detect"]]] = 0.0
        short = [
            len(_WORD.findall(doc.folded, s.start, s.end)) < int(self.settings["detect_min_words"])
            for s in lead
        ]
        proba[np.array(short, dtype=bool)] = 0.0
        i, j = np.unravel_index(int(proba.argmax()), proba.shape)
        p, label = float(proba[i, j]), self.model.classes[int(j)]
        if p < float(self.settings["detect"]):
            return None
        index = lead[int(i)].index
        trigger = self._trigger(doc, index, label)
        mentions = sorted([*(m for m in doc.mentions if m.sentence == index), trigger], key=lambda m: m.start)
        return self.detector.candidate(doc, index, mentions, self._rule(label, p, None))

    def _trigger(self, doc: Doc, index: int, label: str) -> Mention:
        """The word that weighs most for the label: the evidence span, and where the role rules look."""
        sent = doc.sentences[index]
        weights = self.model.weights(label)
        best = max(
            _WORD.finditer(doc.folded, sent.start, sent.end),
            key=lambda w: weights.get(w.group(), 0.0),
            default=None,
        )
        start, end = (best.start(), best.end()) if best else (sent.start, sent.end)
        return Mention(
            "cue", start, end, doc.text[start:end], self.cue_of[label], index, f"model:subevent:{label}"
        )

    def _rule(self, label: str, p: float, was: dict[str, Any] | None) -> dict[str, Any]:
        rule = {
            "name": f"model(p={p:.2f})" + (f" over {was['name']}" if was else ""),
            "event_type": self.types[label],
            "sub_event_type": label,
        }
        return {**(was or {}), **rule}


# a sentence that counts its dead does not tell a strategic development ("13 terrorists killed, a base
# destroyed" is no base established)
_BLOODLESS_TYPES = frozenset({"Strategic developments"})
_LETHAL = frozenset({"kill", "massacre", "assassinate"})
_CROWD_VIOLENCE = frozenset({"riot", "mob", "burn", "loot", "destroy", "attack", "clash"})


_GROUP_CHANGE = "Change to group/activity"


def _contradicts(cand: Candidate, event_type: str, label: str = "") -> bool:
    """What the rules found rules the model's type out: a sentence that counts its dead is no strategic
    development, a battle with an armed target is not violence against civilians (a self-defence group
    killed in an ambush), and a protest is no riot unless the crowd's violence is told."""
    if event_type in _BLOODLESS_TYPES and (_deadly(cand) or _lethal(cand)):
        return True  # "Residents' accounts point to mass executions": killings, however counted
    cues = {str(c.value) for c in cand.cues}
    if event_type == "Riots" and not cues & _CROWD_VIOLENCE and cand.rule.get("event_type") == "Protests":
        return True  # "water cannon against protesters": a riot needs the crowd's own violence told
    riot = cand.rule.get("sub_event_type") == "Violent demonstration"
    if riot and event_type == "Protests" and "protest" in cues and cues & _CROWD_VIOLENCE:
        return True  # "some of them attacked the embassy, setting fire to a door": dispersed, still a riot
    if label == _GROUP_CHANGE and cand.actor1 is not None and cand.actor1.role == "state":
        return True  # "le gouvernement a suspendu les activités des partis": a measure, not a group's change
    target = cand.actor2
    battle = cand.rule.get("event_type") == "Battles"
    return (
        battle
        and event_type == "Violence against civilians"
        and target is not None
        and target.role != "civilian"
    )


def _lethal(cand: Candidate) -> bool:
    """A killing verb or noun ("executions", "massacre"), not an epithet ("a month after a deadly attack")."""
    return any(str(c.value) in _LETHAL and not _EPITHET.fullmatch(c.text.lower()) for c in cand.cues)


_EPITHET = re.compile(r"deadly|deadliest|meurtri\w*|fatal|mortel\w*|sanglant\w*|bloody")


def _named_armed(cand: Candidate) -> bool:
    """A party the pack names as an armed group or a state force: the model's "no event" gives way."""
    return any(
        p is not None and p.mention.kind == "actor" and p.role in ("armed", "state", "militia", "vdp")
        for p in (cand.actor1, cand.actor2)
    )


def _counted(cand: Candidate) -> bool:
    """Dead or wounded counted in the sentence: an outcome the report attaches to an occurrence."""
    return any(n > 0 for found in cand.counts.values() for n, _, _ in found)


def _deadly(cand: Candidate) -> bool:
    return any(n > 0 for n, _, _ in cand.counts.get("killed", []))


def _rule_set(names: Any) -> frozenset[str]:
    return frozenset([names] if isinstance(names, str) else names)


@functools.lru_cache(maxsize=1)
def sub_event_types() -> dict[str, str]:
    """Sub-event type -> event type, from the classification rules (every type appears there)."""
    rules = load_taxonomy("rules")["rules"]
    return {r["sub_event_type"]: r["event_type"] for r in rules}
