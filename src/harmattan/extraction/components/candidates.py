"""The event candidate and its participants: what the event detector finds in a sentence, and what the
later components (classify, resolve, consolidate) read and refine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from harmattan.extraction.doc import Mention


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
    #: how many dead the figures before it count
    dead: int = 0


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
    #: a later sentence naming the occurrence just told ("the attack", "the dead"), no new one
    refers_back: bool = False
    #: the place (and date) this candidate belongs to, when one sentence tells several occurrences
    place: Mention | None = None
    date: Mention | None = None

    @property
    def cue_names(self) -> set[str]:
        return {str(c.value) for c in self.cues}
